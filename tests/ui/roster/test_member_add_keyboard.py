"""Adding a member by keyboard: after the form saves, the keyboard is on the roster's table
with the new member chosen (whence Ctrl+N was pressed, the side bar included), so that Ctrl+G
and Ctrl+M act on her at once; and the status bar says how to take the add back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from active_window import active_window, press_ctrl
from doancoso.core.workspace import Workspace
from doancoso.ui.lifecycle.event_dialog import EventDialog
from doancoso.ui.roster.member_form import MemberFormDialog
from scripted import ScriptedPrompts

# The window is shown (shortcuts need an active window): the offscreen platform warns.
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _fill(name: str):
    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, MemberFormDialog)
        dialog.set_value("full_name", name)
        dialog.set_value("birth_date", "05/03/2004")
        dialog.save_button.click()

    return fill


def test_after_an_add_from_the_side_bar_the_keyboard_is_on_the_new_member(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts
) -> None:
    ws.members.save({"full_name": "Nguyễn Văn An", "birth_date": "12/08/2000"})
    window = active_window(qtbot, ws, prompts)
    window.sidebar.setFocus()
    assert window.focusWidget() is window.sidebar
    prompts.dialog_script = _fill("Lê Thị Thuỷ")
    press_ctrl(qtbot, window, Qt.Key.Key_N)
    page = window.roster
    [thuy] = [m for m in ws.members.ids() if ws.members.get(m).fields.full_name == "Lê Thị Thuỷ"]
    assert window.focusWidget() is page.table
    assert page.selected_ids() == [thuy]
    assert page.current_row() == page.model.row_of(thuy)

    opened: list[tuple[type, str]] = []

    def seen(dialog: QDialog) -> None:
        assert isinstance(dialog, EventDialog)
        opened.append((type(dialog), dialog.member.fields.full_name))

    prompts.dialog_script = seen
    press_ctrl(qtbot, window, Qt.Key.Key_G)  # Ctrl+G works on her at once
    assert opened == [(EventDialog, "Lê Thị Thuỷ")]


def test_after_save_and_next_then_escape_the_keyboard_is_on_the_last_one_added(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts
) -> None:
    window = active_window(qtbot, ws, prompts)
    window.sidebar.setFocus()

    def one_then_escape(dialog: QDialog) -> None:
        assert isinstance(dialog, MemberFormDialog) and dialog.next_button is not None
        dialog.set_value("full_name", "Trần Văn Bình")
        dialog.set_value("birth_date", "05/03/2001")
        dialog.next_button.click()
        dialog.reject()  # Esc on the empty form of the next one

    prompts.dialog_script = one_then_escape
    press_ctrl(qtbot, window, Qt.Key.Key_N)
    assert window.focusWidget() is window.roster.table
    assert window.roster.selected_ids() == ws.members.ids()


def test_the_add_is_said_with_its_undo(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts
) -> None:
    window = active_window(qtbot, ws, prompts)
    prompts.dialog_script = _fill("Lê Thị Thuỷ")
    press_ctrl(qtbot, window, Qt.Key.Key_N)
    assert window.statusBar().currentMessage() == (
        "Đã thêm đoàn viên Lê Thị Thuỷ — bấm Hoàn tác (Ctrl+Z) để bỏ đoàn viên vừa thêm."
    )
