"""An event recorded from the roster that takes the member off the list shown (a transfer out,
on the active roster) and then taken back with Ctrl+Z: the member comes back chosen, as a
deleted member brought back does, so that the next key acts on her. She came back unchosen,
the list's place lost, and Enter did nothing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from active_window import active_window, press_ctrl
from doancoso.core.workspace import Workspace
from doancoso.ui.lifecycle.event_dialog import EventDialog
from scripted import ScriptedPrompts

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _transfer_out(dialog: QDialog) -> None:
    assert isinstance(dialog, EventDialog)
    dialog.set_kind("transfer_out")
    dialog.set_value("date", "15/03/2025")
    dialog.set_value("other_organization", "Đoàn xã Tân Lộc")
    dialog.save_button.click()


def test_ctrl_z_of_a_transfer_out_brings_the_member_back_chosen(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts
) -> None:
    branch = ws.branches.create("Chi đoàn ấp Tân Phú").id
    ids = {
        name: ws.members.save({"full_name": name, "birth_date": "01/01/2000", "branch_id": branch})
        for name in ("Nguyễn Văn An", "Nguyễn Thị Hoa", "Trần Văn Tâm")
    }
    window = active_window(qtbot, ws, prompts)
    roster = window.roster
    roster.select_member(ids["Nguyễn Thị Hoa"])
    roster.table.setFocus()
    prompts.dialog_script = _transfer_out
    roster.event_button.click()
    prompts.dialog_script = None
    assert ws.members.get(ids["Nguyễn Thị Hoa"]).fields.status == "transferred_out"
    assert roster.model.row_of(ids["Nguyễn Thị Hoa"]) is None  # off the active roster

    press_ctrl(qtbot, window, Qt.Key.Key_Z)
    assert ws.members.get(ids["Nguyễn Thị Hoa"]).fields.status == "active"
    assert roster.selected_ids() == [ids["Nguyễn Thị Hoa"]]
    opened: list[str] = []

    def cancel(dialog: QDialog) -> None:
        opened.append(dialog.windowTitle())
        dialog.reject()

    prompts.dialog_script = cancel
    roster.table.setFocus()
    qtbot.keyClick(roster.table, Qt.Key.Key_Return)
    assert opened == ["Sửa thông tin đoàn viên"]
