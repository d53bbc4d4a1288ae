"""The member's history by keyboard: Delete on an event asks, then deletes it, as Delete does in
the roster and on the chi đoàn page (it did nothing here)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.roster.member_form import MemberFormDialog
from scripted import ScriptedPrompts, synchronous_core

from .conftest import AddMember

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # a window shown offscreen


def test_delete_deletes_the_chosen_event(
    qtbot: QtBot, ws: Workspace, add_member: AddMember
) -> None:
    an = add_member("Nguyễn Văn An", "01/01/2000")
    ws.events.record(an, "admission", "26/03/2017")
    ws.events.record(an, "transfer_out", "15/03/2025", other_organization="Đoàn xã Tân Lộc")
    prompts = ScriptedPrompts()
    form = MemberFormDialog(synchronous_core(ws, prompts), an)
    qtbot.addWidget(form)
    with qtbot.wait_active(form):  # keys reach the shortcuts of the active window only
        form.show()
        form.activateWindow()
    assert form.timeline is not None
    form.tabs.setCurrentWidget(form.timeline)
    table = form.timeline.table
    table.setFocus()
    form.timeline.select_row(1)
    prompts.answer = False
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    question = (
        "Xóa sự kiện “Chuyển sinh hoạt đi” ngày 15/03/2025?\n\n"
        "Trạng thái của đoàn viên sẽ được tính lại từ các sự kiện còn lại."
    )
    assert prompts.asked == [question]
    assert ws.members.get(an).fields.status == "transferred_out"
    prompts.answer = True
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert prompts.asked == [question, question]
    assert ws.members.get(an).fields.status == "active"
    assert [row[1] for row in form.timeline.rows()] == ["Kết nạp Đoàn"]
    assert form.isVisible()  # the form stays open


def test_keyed_into_the_history_chooses_the_latest_event(
    qtbot: QtBot, ws: Workspace, add_member: AddMember
) -> None:
    """Ctrl+Shift+Tab from "Họ và tên" brings the "Quá trình" tab and the keyboard into its
    table: the latest event is chosen there, so that Delete (a wrong event just recorded) and
    "In giấy giới thiệu…" act at once (Qt marked a cell but chose no row: both did nothing)."""
    an = add_member("Nguyễn Văn An", "01/01/2000")
    ws.events.record(an, "admission", "26/03/2017")
    ws.events.record(an, "transfer_out", "15/03/2025", other_organization="Đoàn xã Tân Lộc")
    prompts = ScriptedPrompts()
    prompts.answer = False
    form = MemberFormDialog(synchronous_core(ws, prompts), an)
    qtbot.addWidget(form)
    with qtbot.wait_active(form):
        form.show()
        form.activateWindow()
    assert form.timeline is not None
    assert form.focusWidget() is form.editors["full_name"]
    back = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(form.editors["full_name"], Qt.Key.Key_Tab, back)  # to the last tab
    table = form.timeline.table
    assert form.tabs.currentWidget() is form.timeline
    assert form.focusWidget() is table
    assert form.timeline.letter_button.isEnabled()
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert prompts.asked == [
        "Xóa sự kiện “Chuyển sinh hoạt đi” ngày 15/03/2025?\n\n"
        "Trạng thái của đoàn viên sẽ được tính lại từ các sự kiện còn lại."
    ]
