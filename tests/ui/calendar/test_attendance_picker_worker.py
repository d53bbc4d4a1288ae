"""The roll call's "Thêm người" with the app's threaded runner: the members it offers are read
on the worker (the roster's index is the worker's), never on the GUI thread, and a name typed
then Enter adds the member found once the list has arrived."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.calendar.attendance_dialog import AttendanceDialog, read_attendance
from doancoso.ui.shell.operations import Core
from read_threads import on_the_worker, record_reads
from scripted import ScriptedPrompts

from .conftest import add_activity, branch_id, first_occurrence

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_enter_adds_the_member_found_by_a_search_on_the_worker(
    qtbot: QtBot, cal_ws: Workspace, prompts: ScriptedPrompts, monkeypatch: pytest.MonkeyPatch
) -> None:
    activity = add_activity(cal_ws, "Sinh hoạt chi đoàn tháng 3", "12/03/2026", kind="sinh-hoat",
                            branch_ids=[branch_id(cal_ws, "Chi đoàn ấp Tân Hưng")])  # fmt: skip
    read_on = record_reads(cal_ws.members, monkeypatch, "ids")
    core = Core(cal_ws, prompts)  # threaded, as in the app
    dialog = AttendanceDialog(core, read_attendance(cal_ws, first_occurrence(cal_ws, activity)))
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    assert dialog.model.rowCount() == 5
    dialog.picker.search.setFocus()
    qtbot.keyClicks(dialog.picker.search, "dat")
    qtbot.keyClick(dialog.picker.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 6, timeout=10_000)
    assert dialog.model.index(5, 1).data() == "Huỳnh Văn Đạt"
    assert dialog.isVisible() and not dialog.saved
    assert core.runner.wait()
    assert on_the_worker(read_on)
