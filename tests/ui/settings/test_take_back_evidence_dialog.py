"""Lấy lại tệp minh chứng bị mất từ USB…: in the backups dialog, a backup on a stick chosen, the
evidence files lost from the data folder taken back from the folder beside it (each checked by
its hash), the data not restored; what the backup does not have either is said."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from doancoso.core.backup.store import evidence_folder
from doancoso.core.lang.text import size_text
from doancoso.core.workspace import Workspace
from doancoso.ui.common.cells import TOOLTIP
from doancoso.ui.common.evidence_panel import DECORATION, THUMB
from doancoso.ui.common.thumbnails import unreadable_pdf
from doancoso.ui.recognition.page import RecognitionPage
from doancoso.ui.settings.backups_dialog import BackupsDialog
from doancoso.ui.shell.undo import UndoHistory
from scripted import OpenDialogs, ScriptedPrompts, synchronous_core
from shown_thumbnails import thumbnail_of

from .lost_evidence import scan_lost_but_on_a_stick

SCAN = b"%PDF-1.4\n" + bytes(range(256)) * 40
PHOTO = b"\x89PNG\r\n\x1a\n" + b"\x00" * 40


def _attach(ws: Workspace, tmp_path: Path, name: str, content: bytes) -> str:
    source = tmp_path / "nguon" / name
    source.parent.mkdir(exist_ok=True)
    source.write_bytes(content)
    ws.recognition.attach(2025, "2.3", source)
    return hashlib.sha256(content).hexdigest()


def test_lost_files_taken_back_from_a_chosen_stick_backup(
    qtbot: QtBot, ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scan = _attach(ws, tmp_path, "biên bản họp.pdf", SCAN)
    photo = _attach(ws, tmp_path, "ảnh ra quân.png", PHOTO)
    usb = tmp_path / "usb"
    usb.mkdir()
    backup = ws.backups.to_folder(usb).path
    (evidence_folder(backup) / photo).unlink()  # the stick lost one too
    ws.evidence.store.path(scan).unlink()
    ws.evidence.store.path(photo).unlink()
    members = ws.members.save({"full_name": "Lê Văn An", "birth_date": "05/03/2001"})
    dialogs = OpenDialogs(backup, stick=usb).install(monkeypatch)
    prompts = ScriptedPrompts()
    dialog = BackupsDialog(synchronous_core(ws, prompts))
    qtbot.addWidget(dialog)

    assert dialog.lost_button.text() == "&Lấy lại tệp minh chứng bị mất từ USB…"
    dialog.lost_button.click()

    assert dialogs.offered == [str(usb)]
    assert prompts.asked == [] and prompts.infos == []
    assert prompts.errors == [
        f"Đã lấy lại 1 tệp minh chứng từ thư mục “{backup.name}.evidence”: “biên bản họp.pdf”.\n"
        "Bản sao lưu này cũng không có 1 tệp: “ảnh ra quân.png”. Hãy lấy lại từ một bản sao "
        "lưu ra USB khác có tệp đó hoặc đính kèm lại tệp gốc."
    ]
    assert ws.evidence.store.path(scan).read_bytes() == SCAN
    assert not ws.evidence.store.path(photo).exists()
    assert ws.members.ids() == [members]  # the data not restored
    assert dialog.model.rowCount() == 0  # no backup taken, none restored


def test_a_backup_of_the_list_is_refused_saying_why(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    scan = _attach(ws, tmp_path, "biên bản họp.pdf", SCAN)
    listed = ws.backups.take()
    ws.evidence.store.path(scan).unlink()
    prompts = ScriptedPrompts()
    dialog = BackupsDialog(synchronous_core(ws, prompts))
    qtbot.addWidget(dialog)
    dialog.take_back_from(listed.path)
    assert prompts.errors == [
        f"Không có thư mục “{listed.path.name}.evidence” cạnh tệp sao lưu “{listed.path.name}”: "
        "chỉ bản sao lưu ra USB mới mang theo tệp minh chứng (trong thư mục đó). Hãy chọn một "
        "bản sao lưu ra USB. Chưa lấy lại tệp nào."
    ]
    assert not ws.evidence.store.path(scan).exists()


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_a_checklist_showing_a_lost_file_shows_it_taken_back_at_once(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    """The checklist page open on an item whose PDF is lost: its tooltip says it cannot be
    read; once the dialog took it back from the stick, the page shows it sound, not reloaded by
    hand."""
    scan, backup, stored = scan_lost_but_on_a_stick(ws, tmp_path)
    core = synchronous_core(ws, ScriptedPrompts())
    page = RecognitionPage(core, UndoHistory(core), today=lambda: dt.date(2025, 12, 31))
    qtbot.addWidget(page)
    page.resize(1216, 650)
    page.show()
    page.select_item("1.6")
    files = page.item_panel.files.model
    size = size_text(scan.stat().st_size)
    thumbnail_of(qtbot, files, 0)
    assert files.index(0).data(TOOLTIP) == (
        f"biên bản họp.pdf\nPDF, {size}\nKhông đọc được tệp (tệp đã mất hoặc bị thay đổi)."
    )

    dialog = BackupsDialog(core)
    qtbot.addWidget(dialog)
    dialog.take_back_from(backup)

    assert stored.is_file()
    thumbnail_of(qtbot, files, 0)
    assert files.index(0).data(TOOLTIP) == f"biên bản họp.pdf\nPDF, {size}"
    assert files.index(0).data(DECORATION).cacheKey() != unreadable_pdf(THUMB).cacheKey()
