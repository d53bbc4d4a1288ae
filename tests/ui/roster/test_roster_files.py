"""The roster's file actions: export with the current filter, print to PDF, the import action."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from doancoso.core.organization import OrganizationInfo
from doancoso.core.workspace import Workspace
from doancoso.ui.roster.page import RosterPage
from doancoso.ui.shell.main_window import MainWindow
from doancoso.ui.shell.operations import Core
from doancoso.ui.shell.state import UiState
from scripted import ScriptedPrompts, accept_print_dialog


def _page(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, synchronous: bool = True
) -> RosterPage:
    window = MainWindow(Core(ws, prompts, synchronous=synchronous), UiState(ws.data_dir))
    qtbot.addWidget(window)
    return window.roster


def _filtered(page: RosterPage) -> None:
    page.status_combo.setCurrentIndex(page.status_combo.findData(None))
    page.branch_combo.setCurrentIndex(2)  # the first chi đoàn (after all, and those in none)
    page.gender_combo.setCurrentIndex(page.gender_combo.findData("female"))


def _expected_names(ws: Workspace, page: RosterPage) -> list[str]:
    return [r.full_name for r in ws.members.rows(ws.members.ids(page.current_filter()))]


def _sheet_names(path: Path) -> list[str]:
    book = openpyxl.load_workbook(path, read_only=True)
    rows = [list(r) for r in book.worksheets[0].iter_rows(values_only=True)]
    book.close()
    header = next(i for i, r in enumerate(rows) if "Họ và tên" in r)
    column = rows[header].index("Họ và tên")
    return [r[column] for r in rows[header + 1 :] if r[column]]


def test_export_writes_the_filtered_roster(
    qtbot: QtBot, demo_ws: Workspace, fake_prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    page = _page(qtbot, demo_ws, fake_prompts)
    _filtered(page)
    messages: list[str] = []
    page.status_message.connect(messages.append)
    target = tmp_path / "ds"
    page.io.ask_save_path = lambda *_args: target  # no suffix typed: .xlsx is added
    page.io.export_action.trigger()
    expected = _expected_names(demo_ws, page)
    assert 0 < len(expected) < 300
    assert _sheet_names(tmp_path / "ds.xlsx") == expected
    assert messages == [f"Đã xuất {len(expected)} đoàn viên ra {tmp_path / 'ds.xlsx'}."]


def test_export_in_the_member_template_is_a_choice_of_the_save_dialog(
    qtbot: QtBot, demo_ws: Workspace, fake_prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    from doancoso.ui.roster.files import ROSTER_EXPORT_FILTERS, TEMPLATE_FILTER

    page = _page(qtbot, demo_ws, fake_prompts)
    _filtered(page)
    asked: list[tuple[str, ...]] = []
    page.io.ask_save_path = lambda *args: asked.append(args) or tmp_path / "mau"  # .xlsx added
    page.io.chosen_filter = TEMPLATE_FILTER  # what the dialog records when it is chosen
    page.io.export_action.trigger()
    assert asked[0][2] == ROSTER_EXPORT_FILTERS
    assert ROSTER_EXPORT_FILTERS.split(";;")[-1] == TEMPLATE_FILTER
    book = openpyxl.load_workbook(tmp_path / "mau.xlsx", read_only=True)
    assert book.sheetnames == ["DSDV", "DATA"]
    rows = list(book["DSDV"].iter_rows(min_row=7, values_only=True))
    book.close()
    assert [row[1] for row in rows] == _expected_names(demo_ws, page)


def test_export_runs_on_the_worker_thread(
    qtbot: QtBot, demo_ws: Workspace, fake_prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    page = _page(qtbot, demo_ws, fake_prompts, synchronous=False)
    page.status_combo.setCurrentIndex(page.status_combo.findData(None))
    messages: list[str] = []
    page.status_message.connect(messages.append)
    page.io.ask_save_path = lambda *_args: tmp_path / "ds.csv"
    page.io.export()
    qtbot.waitUntil(lambda: bool(messages), timeout=10000)
    assert messages[0].startswith("Đã xuất 300 đoàn viên")
    text = (tmp_path / "ds.csv").read_text(encoding="utf-8-sig")
    assert all(name in text for name in _expected_names(demo_ws, page)[:20])


def test_cancelled_save_dialog_does_nothing(
    qtbot: QtBot, demo_ws: Workspace, fake_prompts: ScriptedPrompts
) -> None:
    page = _page(qtbot, demo_ws, fake_prompts)
    page.io.ask_save_path = lambda *_args: None
    fake_prompts.dialog_script = accept_print_dialog
    page.io.export()
    page.io.print_list()
    assert fake_prompts.errors == [] and fake_prompts.asked == []


def test_print_writes_a_pdf_and_offers_to_open_it(
    qtbot: QtBot, demo_ws: Workspace, fake_prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    page = _page(qtbot, demo_ws, fake_prompts)
    _filtered(page)
    opened: list[Path] = []
    page.io.open_file = opened.append
    page.io.ask_save_path = lambda *_args: tmp_path / "in.pdf"
    fake_prompts.dialog_script = accept_print_dialog
    fake_prompts.answer = True
    page.io.print_action.trigger()
    text = "\n".join(p.extract_text() for p in PdfReader(tmp_path / "in.pdf").pages)
    assert "DANH SÁCH ĐOÀN VIÊN" in text
    assert _expected_names(demo_ws, page)[0] in text
    assert opened == [tmp_path / "in.pdf"] and "Mở tệp để xem và in?" in fake_prompts.asked[0]


def test_import_action_opens_the_wizard_with_the_page_runner(
    qtbot: QtBot, ws: Workspace, fake_prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    from .test_import_wizard import make_roster

    page = _page(qtbot, ws, fake_prompts)
    source = make_roster(tmp_path / "ds.xlsx")

    def script(wizard) -> None:
        wizard.set_file(source)
        wizard.next()
        wizard.next()
        wizard.apply()

    fake_prompts.dialog_script = script
    messages: list[str] = []
    page.status_message.connect(messages.append)
    page.io.import_action.trigger()
    assert messages == ["Đã nhập: thêm mới 2, cập nhật 0 đoàn viên."]
    assert page.model.rowCount() == 2  # the roster reloaded on "members"
    assert [a.text() for a in page.io.actions()] == [
        "Nhập Excel…",
        "Xuất Excel/CSV…",
        "In danh sách…",
    ]


def test_export_of_the_default_view_holds_only_the_active_roster(
    qtbot: QtBot, demo_ws: Workspace, fake_prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    page = _page(qtbot, demo_ws, fake_prompts)
    shown = [page.model.member_row(i).full_name for i in range(page.model.rowCount())]  # type: ignore[union-attr]
    target = tmp_path / "active.xlsx"
    page.io.ask_save_path = lambda *_args: target
    page.io.export_action.trigger()
    statuses = {r.status for r in demo_ws.members.rows(page.model.ids)}
    assert statuses == {"active", "temporary"}  # the demo has departed members too
    assert demo_ws.members.count() > len(shown)
    assert _sheet_names(target) == shown


def test_counts_of_a_large_export_and_import_are_written_with_a_thousands_dot(
    qtbot: QtBot, empty_ws: Workspace, fake_prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    """The status bar writes counts as the secretary reads numbers: "Đã xuất 1.204 đoàn
    viên…", "thêm mới 1.204", not "1204"."""
    empty_ws.generate_demo(members=1300, seed=1)
    page = _page(qtbot, empty_ws, fake_prompts)
    messages: list[str] = []
    page.status_message.connect(messages.append)
    exported = tmp_path / "ds.xlsx"
    page.io.ask_save_path = lambda *_args: exported
    page.io.export_action.trigger()
    count = page.model.rowCount()
    assert count >= 1000
    shown = f"{count // 1000}.{count % 1000:03d}"
    assert messages == [f"Đã xuất {shown} đoàn viên ra {exported}."]

    with Workspace.open(tmp_path / "other") as other:
        other.organization.create(OrganizationInfo("Đoàn xã Tân Phú", "Tỉnh đoàn Cà Mau"))
        target = _page(qtbot, other, fake_prompts)

        def script(wizard) -> None:
            wizard.set_file(exported)
            wizard.next()
            wizard.next()
            wizard.apply()

        fake_prompts.dialog_script = script
        target.status_message.connect(messages.append)
        target.io.import_action.trigger()
        assert other.members.count() == count
        assert messages[1:] == [f"Đã nhập: thêm mới {shown}, cập nhật 0 đoàn viên."]


def test_a_chi_doans_list_is_offered_under_its_name(
    qtbot: QtBot, ws: Workspace, fake_prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    """The files of one chi đoàn's list are offered with its name, so that each chi đoàn's list
    printed one after another is not saved over the last; a long name is shortened, never the
    extension; every chi đoàn's list, and those in none, keep their own names."""
    ws.branches.create("Chi đoàn ấp Tân Hưng")
    long_name = "Chi đoàn thanh niên công nhân Công ty TNHH Thủy sản Minh Phú " * 3
    ws.branches.create(long_name.strip()[:150])
    page = _page(qtbot, ws, fake_prompts)
    asked: list[str] = []

    def ask(_title: str, default: str, _filters: str) -> Path | None:
        asked.append(default)
        return None

    page.io.ask_save_path = ask
    fake_prompts.dialog_script = accept_print_dialog
    for text in ("Tất cả chi đoàn", "Chưa có chi đoàn", "Chi đoàn ấp Tân Hưng"):
        page.branch_combo.setCurrentIndex(page.branch_combo.findText(text))
        page.io.export_action.trigger()
        page.io.print_action.trigger()
    page.branch_combo.setCurrentIndex(page.branch_combo.count() - 1)
    assert page.branch_combo.currentText().startswith("Chi đoàn thanh niên công nhân")
    page.io.print_action.trigger()
    assert asked[:6] == [
        "danh-sach-doan-vien.xlsx",
        "danh-sach-doan-vien.pdf",
        "danh-sach-doan-vien-chua-co-chi-doan.xlsx",
        "danh-sach-doan-vien-chua-co-chi-doan.pdf",
        "danh-sach-doan-vien-chi-doan-ap-tan-hung.xlsx",
        "danh-sach-doan-vien-chi-doan-ap-tan-hung.pdf",
    ]
    long_offer = asked[6]
    assert long_offer.startswith("danh-sach-doan-vien-chi-doan-thanh-nien-cong-nhan-cong-ty-")
    assert long_offer.endswith(".pdf") and len(long_offer) <= 120
