"""Adds of the youth register on the undo history, in the main window on a real workspace: a
young person added, and one admitted into the union ("Kết nạp vào Đoàn", which creates a
member), are taken back by Ctrl+Z and brought back by Ctrl+Y; an import of a hamlet's list (not
undoable) leaves nothing older to undo."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from active_window import active_window, press_ctrl
from doancoso.core.workspace import Workspace
from doancoso.ui.roster.import_wizard import RESULT_PAGE, ImportWizard
from doancoso.ui.youth.admit_dialog import AdmitDialog
from scripted import ScriptedPrompts

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _youth_id(ws: Workspace, name: str) -> str:
    return next(r.id for r in ws.youth.list() if r.full_name == name)


def test_ctrl_z_takes_back_an_added_young_person(
    qtbot: QtBot, youth_ws: Workspace, prompts: ScriptedPrompts
) -> None:
    window = active_window(qtbot, youth_ws, prompts)
    before = youth_ws.youth.count()

    def fill(dialog) -> None:
        dialog.set_value("full_name", "Trần Thị Ngọc")
        dialog.set_value("birth_date", "05/03/2007")
        dialog.save_button.click()

    prompts.dialog_script = fill
    window.youth.add_youth()
    prompts.dialog_script = None
    assert youth_ws.youth.count() == before + 1
    assert window.undo_action.text() == "&Hoàn tác: Thêm thanh niên Trần Thị Ngọc"
    press_ctrl(qtbot, window, Qt.Key.Key_Z)
    assert youth_ws.youth.count() == before and prompts.asked == []
    assert window.statusBar().currentMessage() == "Đã hoàn tác: Thêm thanh niên Trần Thị Ngọc."
    press_ctrl(qtbot, window, Qt.Key.Key_Y)
    assert youth_ws.youth.count() == before + 1
    assert window.statusBar().currentMessage() == "Đã làm lại: Thêm thanh niên Trần Thị Ngọc."


def test_ctrl_z_takes_back_an_admission(
    qtbot: QtBot, youth_ws: Workspace, prompts: ScriptedPrompts
) -> None:
    window = active_window(qtbot, youth_ws, prompts)
    page = window.youth
    youth_id = _youth_id(youth_ws, "Lê Văn An")
    members = youth_ws.members.count()

    def admit(dialog) -> None:
        assert isinstance(dialog, AdmitDialog)
        dialog.date_edit.setText("02/09/2025")
        dialog.admit_button.click()

    prompts.dialog_script = admit
    page.select_youth(youth_id)
    page.admit_selected()
    prompts.dialog_script = None
    assert youth_ws.members.count() == members + 1
    assert youth_id not in youth_ws.youth.ids()  # left the active list
    label = "Kết nạp Lê Văn An vào Đoàn"
    assert window.undo_action.text() == f"&Hoàn tác: {label}"

    press_ctrl(qtbot, window, Qt.Key.Key_Z)
    assert youth_ws.members.count() == members
    assert youth_id in youth_ws.youth.ids()  # back in the register's active list
    assert page.model.row_of(youth_id) is not None
    assert window.statusBar().currentMessage() == f"Đã hoàn tác: {label}."

    press_ctrl(qtbot, window, Qt.Key.Key_Y)
    assert youth_ws.members.count() == members + 1
    assert youth_id not in youth_ws.youth.ids()
    assert window.statusBar().currentMessage() == f"Đã làm lại: {label}."
    assert prompts.errors == []


def test_after_a_youth_import_ctrl_z_reaches_nothing_older(
    qtbot: QtBot, youth_ws: Workspace, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    window = active_window(qtbot, youth_ws, prompts)
    page = window.youth
    youth_id = _youth_id(youth_ws, "Lê Văn An")
    page.select_youth(youth_id)
    prompts.answer = True
    page.delete_selected()  # undoable
    assert window.history.canUndo()
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Ấp"])
    sheet.append([1, "Huỳnh Thị Mỹ", "05/05/2002", "Nữ", "Ấp Kênh Xáng"])
    book.save(tmp_path / "kenh-xang.xlsx")

    wizard = page.make_import_wizard()
    assert isinstance(wizard, ImportWizard)
    qtbot.addWidget(wizard)
    wizard.set_file(tmp_path / "kenh-xang.xlsx")
    wizard.next()
    wizard.next()
    wizard.apply()
    assert wizard.page == RESULT_PAGE, (prompts.asked, prompts.errors, wizard.summary.text())
    assert not window.history.canUndo() and not window.undo_action.isEnabled()
    window.activateWindow()
    press_ctrl(qtbot, window, Qt.Key.Key_Z)
    assert youth_id not in youth_ws.youth.ids()  # the older deletion stays


def test_ctrl_n_on_the_youth_register_adds_a_young_person(
    qtbot: QtBot, youth_ws: Workspace, prompts: ScriptedPrompts
) -> None:
    """Ctrl+N adds to the list of the page shown: a young person on the youth register
    (wherever the focus is in the window), a member on the roster, nothing on a page that adds
    nothing (the settings)."""
    from doancoso.ui.shell.main_window import ROSTER, SETTINGS, YOUTH_AREA

    window = active_window(qtbot, youth_ws, prompts)
    youths, members = youth_ws.youth.count(), youth_ws.members.count()
    opened: list[str] = []

    def fill(dialog) -> None:
        opened.append(dialog.windowTitle())
        if dialog.windowTitle() == "Thêm thanh niên vào sổ theo dõi":
            dialog.set_value("full_name", "Trần Thị Ngọc")
            dialog.set_value("birth_date", "05/03/2007")
            dialog.save_button.click()
        else:
            dialog.reject()

    prompts.dialog_script = fill
    window.show_area(YOUTH_AREA)
    window.sidebar.setFocus()
    press_ctrl(qtbot, window, Qt.Key.Key_N)
    assert opened == ["Thêm thanh niên vào sổ theo dõi"]
    assert window.sidebar.currentRow() == YOUTH_AREA
    assert youth_ws.youth.count() == youths + 1 and youth_ws.members.count() == members
    assert window.youth.selected_ids() == [_youth_id(youth_ws, "Trần Thị Ngọc")]
    assert window.undo_action.text() == "&Hoàn tác: Thêm thanh niên Trần Thị Ngọc"
    # The "Đoàn viên" menu's item still adds a member when clicked, without the key it lacks.
    assert window.new_member_action.shortcut().isEmpty()
    assert window.youth.add_button.toolTip() == "Thêm một thanh niên vào sổ theo dõi (Ctrl+N)"

    window.show_area(SETTINGS)
    press_ctrl(qtbot, window, Qt.Key.Key_N)
    assert opened[1:] == [] and window.sidebar.currentRow() == SETTINGS
    window.show_area(ROSTER)
    press_ctrl(qtbot, window, Qt.Key.Key_N)
    assert opened[1:] == ["Thêm đoàn viên"]
    assert youth_ws.youth.count() == youths + 1
