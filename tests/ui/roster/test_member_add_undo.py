"""Adds on the undo history, and what ends it, in the main window on a real workspace: Ctrl+Z
right after adding a member takes the add back (not an older command), the Sửa menu and the
status bar name what is undone or redone, an add edited since is not taken back, and after an
import (not undoable) Ctrl+Z reaches nothing older."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from active_window import active_window, press_ctrl
from doancoso.core.roster.service import MemberFilter
from doancoso.core.workspace import Workspace
from doancoso.ui.roster.import_wizard import RESULT_PAGE, ImportWizard
from doancoso.ui.shell.main_window import MainWindow
from scripted import ScriptedPrompts

# The window is shown (shortcuts need an active window): the offscreen platform warns.
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

AN = {"full_name": "Nguyễn Văn An", "birth_date": "12/08/2000", "phone": "0912345678"}
EDIT_AN = "Sửa thông tin đoàn viên Nguyễn Văn An"
ADD_THUY = "Thêm đoàn viên Lê Thị Thuỷ"
UNDO = " — bấm Hoàn tác (Ctrl+Z) để bỏ đoàn viên vừa thêm."
"""What the status bar says after "Đã thêm đoàn viên …" (the add's undo)."""


def _edit(window: MainWindow, prompts: ScriptedPrompts, member_id: str, **values: str) -> None:
    """Open the member's form from the roster, change ``values``, save."""

    def change(dialog) -> None:
        for name, value in values.items():
            dialog.set_value(name, value)
        dialog.save_button.click()

    prompts.dialog_script = change
    window.roster.select_member(member_id)
    window.roster.edit_action.trigger()
    prompts.dialog_script = None


def _add(window: MainWindow, prompts: ScriptedPrompts, name: str, birth: str) -> None:
    """ "Thêm đoàn viên…" (Ctrl+N's action), fill the name and birth date, save."""

    def fill(dialog) -> None:
        dialog.set_value("full_name", name)
        dialog.set_value("birth_date", birth)
        dialog.save_button.click()

    prompts.dialog_script = fill
    window.new_member_action.trigger()
    prompts.dialog_script = None


def _names(ws: Workspace) -> list[str]:
    return sorted(row.full_name for row in ws.members.rows(ws.members.ids(MemberFilter())))


def _message(window: MainWindow) -> str:
    return window.statusBar().currentMessage()


def test_ctrl_z_after_an_add_takes_the_add_back_not_an_older_edit(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts
) -> None:
    """The walkthrough: edit An → Ann, undo, redo, correct by hand, add a member, Ctrl+Z."""
    an = ws.members.save(AN)
    window = active_window(qtbot, ws, prompts)
    _edit(window, prompts, an, full_name="Nguyễn Văn Ann")
    assert window.undo_action.text() == "&Hoàn tác: Sửa thông tin đoàn viên Nguyễn Văn Ann"
    press_ctrl(qtbot, window, Qt.Key.Key_Z)
    assert _message(window) == "Đã hoàn tác: Sửa thông tin đoàn viên Nguyễn Văn Ann."
    assert window.redo_action.text() == "&Làm lại: Sửa thông tin đoàn viên Nguyễn Văn Ann"
    press_ctrl(qtbot, window, Qt.Key.Key_Y)
    assert _message(window) == "Đã làm lại: Sửa thông tin đoàn viên Nguyễn Văn Ann."
    assert ws.members.get(an).fields.full_name == "Nguyễn Văn Ann"
    _edit(window, prompts, an, full_name="Nguyễn Văn An")  # corrected by hand: a new edit
    assert window.undo_action.text() == f"&Hoàn tác: {EDIT_AN}"

    _add(window, prompts, "Lê Thị Thuỷ", "05/03/2004")
    assert _names(ws) == ["Lê Thị Thuỷ", "Nguyễn Văn An"]
    assert _message(window) == f"Đã thêm đoàn viên Lê Thị Thuỷ{UNDO}"
    assert window.undo_action.text() == f"&Hoàn tác: {ADD_THUY}"
    assert window.undo_button.text() == "Hoàn tác"
    assert window.undo_button.toolTip() == f"Hoàn tác: {ADD_THUY}"

    press_ctrl(qtbot, window, Qt.Key.Key_Z)  # the add, asked nothing
    assert _names(ws) == ["Nguyễn Văn An"]  # the correction stays
    assert _message(window) == f"Đã hoàn tác: {ADD_THUY}."
    assert prompts.asked == [] and prompts.errors == []
    assert window.roster.model.rowCount() == 1
    assert window.undo_action.text() == f"&Hoàn tác: {EDIT_AN}"
    assert window.redo_action.text() == f"&Làm lại: {ADD_THUY}"

    press_ctrl(qtbot, window, Qt.Key.Key_Y)  # brought back
    assert _names(ws) == ["Lê Thị Thuỷ", "Nguyễn Văn An"]
    assert _message(window) == f"Đã làm lại: {ADD_THUY}."
    assert window.roster.model.rowCount() == 2
    assert window.undo_action.text() == f"&Hoàn tác: {ADD_THUY}"
    assert window.redo_action.text() == "&Làm lại" and not window.redo_action.isEnabled()


def test_the_edit_menu_names_the_commands(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts
) -> None:
    window = active_window(qtbot, ws, prompts)
    [edit_menu] = [a.menu() for a in window.menuBar().actions() if a.text() == "&Sửa"]
    assert isinstance(edit_menu, QMenu)
    texts = lambda: [a.text() for a in edit_menu.actions()]  # noqa: E731
    assert texts() == ["&Hoàn tác", "&Làm lại"]
    _add(window, prompts, "Lê Thị Thuỷ", "05/03/2004")
    assert texts() == [f"&Hoàn tác: {ADD_THUY}", "&Làm lại"]
    window.undo_action.trigger()
    assert texts() == ["&Hoàn tác", f"&Làm lại: {ADD_THUY}"]
    assert window.redo_action.toolTip() == f"Làm lại: {ADD_THUY}"


def test_undo_of_an_add_edited_since_is_refused(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts
) -> None:
    window = active_window(qtbot, ws, prompts)
    _add(window, prompts, "Lê Thị Thuỷ", "05/03/2004")
    [thuy] = ws.members.ids()
    # Edited elsewhere (the command line while the GUI is open), then Ctrl+Z.
    ws.members.save({"full_name": "Lê Thị Thuỷ", "birth_date": "05/03/2004",
                     "phone": "0987654321"}, thuy)  # fmt: skip
    press_ctrl(qtbot, window, Qt.Key.Key_Z)
    assert prompts.errors == [
        "Thông tin của đoàn viên Lê Thị Thuỷ đã được sửa hoặc ghi thêm quá trình sau khi thêm: "
        "giữ nguyên, không xóa, để không mất thông tin nhập sau đó."
    ]
    assert ws.members.ids() == [thuy] and ws.members.get(thuy).fields.phone == "0987654321"
    assert _message(window) == "Không hoàn tác được."
    assert window.history.count() == 0  # dropped: no redo either


def test_undo_of_an_add_with_an_event_since_is_refused(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts
) -> None:
    window = active_window(qtbot, ws, prompts)
    _add(window, prompts, "Lê Thị Thuỷ", "05/03/2004")
    [thuy] = ws.members.ids()
    ws.events.record(thuy, "party_introduction", "01/06/2025")  # not on the undo history
    press_ctrl(qtbot, window, Qt.Key.Key_Z)
    assert len(prompts.errors) == 1 and "ghi thêm quá trình" in prompts.errors[0]
    assert ws.members.ids() == [thuy]


def _roster_of_seven(path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["STT", "Họ và tên", "Ngày sinh", "Giới tính"])
    names = ["Trần Văn Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hồ Văn Em", "Võ Thị Giang",
             "Đỗ Văn Hải", "Ngô Thị Hương"]  # fmt: skip
    for number, name in enumerate(names, 1):
        sheet.append([number, name, "05/03/2001", "Nam"])
    book.save(path)
    return path


def test_after_an_import_ctrl_z_reaches_nothing_older(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    an = ws.members.save(AN)
    window = active_window(qtbot, ws, prompts)
    _edit(window, prompts, an, full_name="Nguyễn Văn Ann")
    assert window.history.canUndo()

    wizard = ImportWizard(window.core, window)  # as "Nhập từ Excel…" opens it
    qtbot.addWidget(wizard)
    wizard.set_file(_roster_of_seven(tmp_path / "ds.xlsx"))
    wizard.next()
    wizard.next()
    wizard.apply()
    assert wizard.page == RESULT_PAGE and wizard.result_ is not None
    assert wizard.result_.created == 7 and ws.members.count() == 8
    assert not window.history.canUndo() and not window.history.canRedo()
    assert not window.undo_action.isEnabled() and not window.undo_button.isEnabled()
    assert window.undo_action.text() == "&Hoàn tác"

    window.activateWindow()
    press_ctrl(qtbot, window, Qt.Key.Key_Z)  # nothing to undo: the older edit stays
    assert ws.members.get(an).fields.full_name == "Nguyễn Văn Ann"
    assert ws.members.count() == 8 and prompts.errors == []
