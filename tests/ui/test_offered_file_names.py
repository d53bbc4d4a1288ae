"""The names the app offers in its save dialogs, with what was typed in them at its most hostile
(an organisation, a bundle, a member, a template named with ``\\ / : * ? " < > |``, "CON", 300
characters, trailing dots): each one exactly as offered, a name Windows 10 and a FAT32 stick
accept, within 120 UTF-16 units, the date or kind the app writes after the typed part kept.
The rating page's names are tests/ui/rating/test_rating_file_names.py's, the rejected rows of a
roster import tests/ui/roster/test_import_wizard_rejected_name.py's."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from bundle_crafting import build, manifest_of, matching_manifest, members_of
from bundle_gui import import_wizard, open_bundle
from doancoso.core.lang.filenames import SHORT_NAME, windows_name
from doancoso.core.workspace import Workspace
from doancoso.ui.bundle.export_wizard import bien_ban_path, suggested_name
from doancoso.ui.lifecycle.timeline import TimelineWidget
from doancoso.ui.rating.rules_dialog import EXPORT_NAME as RULES_NAME
from doancoso.ui.roster.files import LIST_NAME as ROSTER_LIST
from doancoso.ui.statistics.page import offered_name as statistics_name
from scripted import ScriptedPrompts, synchronous_core

HOSTILE = 'Đoàn xã "Tân Hưng" <1/5>: Hội nghị tổng kết? *|\\'
LONG = ("Đoàn Thanh niên Cộng sản Hồ Chí Minh xã Tân Hưng huyện Cái Nước " * 5)[:300]
LONG_SLUG = ("doan-thanh-nien-cong-san-ho-chi-minh-xa-tan-hung-huyen-cai-nuoc-" * 5)[:300]


def _within_the_rule(name: str) -> bool:
    return windows_name(name, room=SHORT_NAME) == name and len(name) <= SHORT_NAME


@pytest.mark.parametrize(
    ("org_name", "kind", "year", "offered"),
    [
        ("CON", "handover", None, "doancoso-con-ban-giao-07-12-2026.dcs"),
        (HOSTILE, "handover", None,
         "doancoso-doan-xa-tan-hung-1-5-hoi-nghi-tong-ket-ban-giao-07-12-2026.dcs"),
        ("...", "report", 2026, "doancoso-to-chuc-bao-cao-nam-2026-07-12-2026.dcs"),
        (LONG, "handover", None, f"doancoso-{LONG_SLUG[:87]}-ban-giao-07-12-2026.dcs"),
        (LONG, "report", 2026,
         f"doancoso-{LONG_SLUG[:79].rstrip('-')}-bao-cao-nam-2026-07-12-2026.dcs"),
    ],
)  # fmt: skip
def test_the_bundle_is_offered_a_name_with_its_kind_and_date_kept(
    org_name: str, kind: str, year: int | None, offered: str
) -> None:
    name = suggested_name(org_name, kind, date(2026, 12, 7), year)
    assert name == offered
    assert _within_the_rule(name)


@pytest.mark.parametrize(
    ("bundle", "offered"),
    [
        ("doancoso-doan-xa-tan-hung-ban-giao-07-12-2026.dcs",
         "bien-ban-doan-xa-tan-hung-ban-giao-07-12-2026.pdf"),
        ("CON.dcs", "bien-ban-CON.pdf"),
        ("Bàn giao ngày 07-12-2026...dcs", "bien-ban-Bàn giao ngày 07-12-2026.pdf"),
        (LONG + ".dcs", f"bien-ban-{LONG[:107].rstrip()}.pdf"),
    ],
)  # fmt: skip
def test_the_bien_ban_is_offered_beside_the_bundle_under_a_name_windows_accepts(
    tmp_path: Path, bundle: str, offered: str
) -> None:
    path = bien_ban_path(tmp_path / bundle)
    assert path == tmp_path / offered
    assert _within_the_rule(path.name)


def test_a_reports_dossier_named_as_a_device_is_offered_under_a_name_windows_accepts(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    """A report's manifest names its dossier file (``[a-z0-9-]{1,100}.pdf``): one made on
    another system may be "con.pdf", which Windows takes for the console."""
    from doancoso.core.dossier.stored import keep_built
    from dossier_data import evidence_pdf

    ws.members.save({"full_name": "Nguyễn Văn An", "birth_date": "15/03/2000"})
    assert keep_built(ws.data_dir, 2026, evidence_pdf(tmp_path / "ho-so.pdf", pages=1))
    clear = ws.bundles.export(tmp_path / "bao-cao.dcs", kind="report", year=2026, password=None)
    members = members_of(clear.path)
    manifest = manifest_of(members)
    manifest["dossier"]["file_name"] = "con.pdf"
    crafted = build(
        tmp_path / "bao-cao-con.dcs", members, manifest=matching_manifest(members, manifest)
    )
    superior = Workspace.open(tmp_path / "tinh-doan")
    try:
        wizard = import_wizard(qtbot, superior, ScriptedPrompts())
        open_bundle(wizard, crafted, password=None)
        asked: list[str] = []
        wizard.ask_save_path = lambda _title, name: asked.append(name)
        wizard.dossier_button.click()
        assert asked == ["con_.pdf"]
    finally:
        superior.close()


@pytest.mark.parametrize(
    ("full_name", "offered"),
    [
        ("Con", "giay-gioi-thieu-con.pdf"),
        ("Nguyễn Thị Thuỷ.", "giay-gioi-thieu-nguyen-thi-thuy.pdf"),
        ("H'Hen Niê " * 10, "giay-gioi-thieu-" + ("h-hen-nie-" * 10)[:99] + ".pdf"),
    ],
)  # fmt: skip
def test_the_transfer_letter_is_offered_under_the_members_name_as_windows_accepts_it(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, full_name: str, offered: str
) -> None:
    member = ws.members.save({"full_name": full_name, "birth_date": "01/01/2000"})
    ws.events.record(member, "transfer_out", "15/03/2025", other_organization="Đoàn phường 5")
    timeline = TimelineWidget(synchronous_core(ws, prompts), member)
    qtbot.addWidget(timeline)
    timeline.select_row(0)
    asked: list[str] = []
    timeline.printer.ask_save_path = lambda name: asked.append(name)  # type: ignore[method-assign]
    prompts.dialog_script = _accept
    timeline.letter_button.click()
    assert asked == [offered]
    assert _within_the_rule(asked[0])


def _accept(dialog: object) -> None:
    from scripted import accept_print_dialog

    accept_print_dialog(dialog)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "name",
    [
        f"{ROSTER_LIST}.xlsx", f"{ROSTER_LIST}.pdf", RULES_NAME,
        statistics_name(date(2026, 12, 7), 4, ".pdf"),  # the longest: a running quarter
        statistics_name(date(2026, 8, 15), None, ".xlsx"),
    ],
)  # fmt: skip
def test_the_names_offered_with_nothing_typed_in_them_are_within_the_rule(name: str) -> None:
    assert _within_the_rule(name)


@pytest.mark.parametrize(
    ("name", "offered"),
    [
        ("ke-hoach-2026.pdf", "ke-hoach-2026.pdf"),
        ("Hội nghị: tổng kết? 05/12/2026.pdf", "Hội nghị - tổng kết 05-12-2026.pdf"),
        ("CON.pdf", "CON_.pdf"),
        ("Kế hoạch. . .", "Kế hoạch"),
        (LONG + ".pdf", f"{LONG[:116].rstrip()}.pdf"),
    ],
)
def test_the_shared_save_dialog_opens_on_a_name_windows_accepts(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, name: str, offered: str
) -> None:
    """The save dialog of the plans', the calendar's and the transfer letter's files: whatever
    name it is given, the one it opens on follows the rule."""
    from doancoso.ui.common.folders import ask_save_path, documents_folder
    from scripted import SaveDialogs

    dialogs = SaveDialogs(tmp_path / "chon.pdf").install(monkeypatch)
    assert ask_save_path(None, "In", name, "Tệp PDF (*.pdf)", ".pdf") == tmp_path / "chon.pdf"
    assert dialogs.offered == [str(documents_folder() / offered)]
