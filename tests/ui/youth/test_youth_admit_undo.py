"""A young person admitted into the union from the register, then Ctrl+Z: the status bar says
the admission can be taken back, as every other act of the register does, and the young person
comes back to the register chosen (the next one was chosen instead)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from active_window import active_window, press_ctrl
from doancoso.core.workspace import Workspace
from doancoso.ui.shell.main_window import YOUTH_AREA
from doancoso.ui.youth.admit_dialog import AdmitDialog
from scripted import ScriptedPrompts

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _admit(dialog: QDialog) -> None:
    assert isinstance(dialog, AdmitDialog)
    dialog.date_edit.setText("05/12/2026")
    dialog.admit_button.click()


def test_an_admission_says_ctrl_z_and_its_undo_brings_the_young_person_back_chosen(
    qtbot: QtBot, youth_ws: Workspace, prompts: ScriptedPrompts
) -> None:
    window = active_window(qtbot, youth_ws, prompts)
    window.show_area(YOUTH_AREA)
    page = window.youth
    an = next(r.id for r in youth_ws.youth.list() if r.full_name == "Lê Văn An")
    page.select_youth(an)
    prompts.dialog_script = _admit
    page.admit_button.click()
    prompts.dialog_script = None
    assert youth_ws.members.count() == 3
    assert page.model.row_of(an) is None  # left the register's list
    assert window.statusBar().currentMessage() == (
        "Đã kết nạp Lê Văn An vào Đoàn (có trong danh sách đoàn viên) — bấm Hoàn tác (Ctrl+Z) "
        "để trả lại như trước."
    )

    press_ctrl(qtbot, window, Qt.Key.Key_Z)
    assert youth_ws.members.count() == 2
    assert page.selected_ids() == [an]
