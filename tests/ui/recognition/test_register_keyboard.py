"""The register's records by keyboard: Tab into a section's table chooses the row it marks (its
files shown, "Sửa…" and Enter acting on it), and Tab goes on to the record's files, to attach
one. Qt marked a row current but chose none ("Sửa…" disabled, Enter nothing, "Chọn một văn bản
tham mưu…" in the files), and Tab stayed in the table, moving across its cells and choosing the
next record, so that the files were out of the keyboard's reach."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.recognition.page import RecognitionPage
from scripted import ScriptedPrompts

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_tab_into_the_records_then_on_to_their_files(
    qtbot: QtBot, page: RecognitionPage, ws: Workspace, prompts: ScriptedPrompts
) -> None:
    for day, title in (("10/03/2025", "Tờ trình về Tháng Thanh niên"),
                       ("15/06/2025", "Báo cáo tình hình thanh niên")):  # fmt: skip
        ws.registers.save_advice({"day": day, "title": title})
    page.refresh()
    with qtbot.wait_active(page):
        page.activateWindow()
    page.tabs.setCurrentWidget(page.register)
    section = page.register.advice
    assert section.model.rowCount() == 2 and section.selected_ids() == []
    section.add_button.setFocus()
    qtbot.waitUntil(section.add_button.hasFocus)
    qtbot.keyClick(section.add_button, Qt.Key.Key_Tab)  # "Sửa…", "Xóa" disabled: passed over
    assert QApplication.focusWidget() is section.table
    first = section.model.records[0]
    assert section.selected_ids() == [first.id]
    assert section.edit_button.isEnabled()
    assert section.files_title.text() == "Tệp minh chứng (0):"
    assert section.files.attach_button.isEnabled()

    qtbot.keyClick(section.table, Qt.Key.Key_Tab)
    assert section.selected_ids() == [first.id]  # still the one chosen
    focus = QApplication.focusWidget()
    assert focus is not None
    assert focus is not section.table and section.files.isAncestorOf(focus)

    opened: list[str] = []

    def note(dialog: QDialog) -> None:
        opened.append(dialog.windowTitle())
        dialog.done(QDialog.DialogCode.Rejected)

    prompts.dialog_script = note
    qtbot.keyClick(focus, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is section.table
    qtbot.keyClick(section.table, Qt.Key.Key_Return)
    assert opened == ["Sửa văn bản tham mưu"]
    assert first.day == dt.date(2025, 3, 10)
