"""Sao lưu và khôi phục by keyboard: Tab goes from the list of backups to the buttons, one after
the other, and round to the list again (it went round the list's cells instead, five a backup,
so that the buttons could not be reached from the keyboard); the newest backup is chosen; each
button has its Alt letter, none taken twice."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QPushButton
from pytestqt.qtbot import QtBot

from active_window import shown_active
from doancoso.core.workspace import Workspace
from doancoso.ui.settings.backups_dialog import BackupsDialog
from mnemonics import letters, press_alt
from scripted import ScriptedPrompts, synchronous_core


def _focused_text() -> str:
    focused = QApplication.focusWidget()
    return focused.text() if isinstance(focused, QPushButton) else type(focused).__name__


@pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise")
def test_tab_goes_from_the_list_to_each_button_and_back(qtbot: QtBot, ws: Workspace) -> None:
    for _ in range(3):
        ws.backups.take()
    dialog = BackupsDialog(synchronous_core(ws, ScriptedPrompts()))
    dialog.resize(1366, 768)
    shown_active(qtbot, dialog)
    dialog.table.setFocus()
    qtbot.waitUntil(dialog.table.hasFocus, timeout=1000)
    dialog.table.selectRow(1)

    seen = []
    for _ in range(8):
        focused = QApplication.focusWidget()
        assert focused is not None
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
        seen.append(_focused_text())
    assert seen == [
        "Sao lưu &ngay", "Sao lưu ra &USB…", "&Khôi phục bản đã chọn…", "Khôi phục từ &tệp…",
        "Kiểm tra &dữ liệu", "&Lấy lại tệp minh chứng bị mất từ USB…", "Đón&g", "QTableView",
    ]  # fmt: skip
    assert [i.row() for i in dialog.table.selectionModel().selectedRows()] == [1]  # kept

    qtbot.keyClick(dialog.table, Qt.Key.Key_Backtab)
    assert _focused_text() == "Đón&g"


@pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise")
def test_the_newest_backup_is_chosen_when_the_list_shows(qtbot: QtBot, ws: Workspace) -> None:
    """The list showed no backup chosen, its keyboard cursor on the newest: ↓ went to the
    second newest, and "Khôi phục bản đã chọn…" (or Enter) asked to choose one first."""
    for _ in range(3):
        ws.backups.take()
    prompts = ScriptedPrompts()
    dialog = shown_active(qtbot, BackupsDialog(synchronous_core(ws, prompts)))
    qtbot.waitUntil(dialog.table.hasFocus, timeout=1000)  # the list has the keyboard at once
    newest, second = ws.backups.list()[:2]
    assert dialog.selected() == newest

    qtbot.keyClick(dialog.table, Qt.Key.Key_Down)
    assert dialog.selected() == second
    prompts.answer = False
    qtbot.keyClick(dialog.table, Qt.Key.Key_Up)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert len(prompts.asked) == 1
    assert prompts.asked[0].startswith(f"Khôi phục bản sao lưu lúc {newest.taken_at:%H:%M:%S}")


@pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise")
def test_each_button_has_its_own_alt_letter(
    qtbot: QtBot, ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws.backups.take()
    prompts = ScriptedPrompts()
    dialog = shown_active(qtbot, BackupsDialog(synchronous_core(ws, prompts)))
    assert sorted(letters(dialog)) == [
        "Alt+D", "Alt+G", "Alt+K", "Alt+L", "Alt+N", "Alt+T", "Alt+U",
    ]  # fmt: skip

    chosen: list[str] = []

    def choose_nothing(_parent: object, caption: str, _start: str) -> str:
        chosen.append(caption)
        return ""  # the chooser cancelled

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", choose_nothing)
    press_alt(qtbot, Qt.Key.Key_U)
    qtbot.waitUntil(lambda: chosen == ["Chọn thư mục trên USB để sao lưu"], timeout=2000)
    prompts.answer = False
    press_alt(qtbot, Qt.Key.Key_K)  # the newest, chosen
    qtbot.waitUntil(lambda: len(prompts.asked) == 1, timeout=2000)
    assert prompts.asked[0].startswith("Khôi phục bản sao lưu lúc ")
    press_alt(qtbot, Qt.Key.Key_N)
    qtbot.waitUntil(lambda: len(ws.backups.list()) == 2, timeout=5000)
    assert prompts.infos[-1].startswith("Đã sao lưu dữ liệu lúc ")
    press_alt(qtbot, Qt.Key.Key_G)  # "Đón&g"
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)
