"""With the app's threaded runner, a date's dialog, the question before an activity's deletion
and a date's roll call open on what the worker reads first: pressed twice before that read
came back (a double click, Enter pressed again), each opens once."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.calendar.attendance_dialog import AttendanceDialog
from doancoso.ui.calendar.occurrence_dialog import OccurrenceDialog, read_occurrence
from doancoso.ui.calendar.page import CalendarPage
from doancoso.ui.shell.operations import Core
from doancoso.ui.shell.undo import UndoHistory
from read_threads import delivered
from scripted import ScriptedPrompts

from .conftest import add_activity, branch_id, first_occurrence

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def meeting(cal_ws: Workspace) -> str:
    """A meeting of Tân Hưng on 12/03/2026: its activity's id."""
    return add_activity(cal_ws, "Sinh hoạt chi đoàn tháng 3", "12/03/2026", kind="sinh-hoat",
                        branch_ids=[branch_id(cal_ws, "Chi đoàn ấp Tân Hưng")])  # fmt: skip


def _page(qtbot: QtBot, cal_ws: Workspace, prompts: ScriptedPrompts,
          history: UndoHistory) -> tuple[Core, CalendarPage]:  # fmt: skip
    core = Core(cal_ws, prompts)  # threaded, as in the app
    page = CalendarPage(core, history)
    qtbot.addWidget(page)
    delivered(qtbot, core)  # what the page reads as it opens
    return core, page


def test_a_date_pressed_twice_opens_its_dialog_once(
    qtbot: QtBot, cal_ws: Workspace, prompts: ScriptedPrompts, history: UndoHistory,
    meeting: str,
) -> None:  # fmt: skip
    core, page = _page(qtbot, cal_ws, prompts, history)
    opened: list[str] = []

    def look(dialog: QDialog) -> None:
        assert isinstance(dialog, OccurrenceDialog)
        opened.append(dialog.detail.row.title)

    prompts.dialog_script = look
    occurrence = first_occurrence(cal_ws, meeting)
    page.open_occurrence(occurrence)
    page.open_occurrence(occurrence)  # again before the date was read
    delivered(qtbot, core)
    assert opened == ["Sinh hoạt chi đoàn tháng 3"]

    page.open_occurrence(occurrence)  # once it came: pressed again, it opens again
    delivered(qtbot, core)
    assert opened == ["Sinh hoạt chi đoàn tháng 3"] * 2


def test_delete_pressed_twice_asks_once(
    qtbot: QtBot, cal_ws: Workspace, prompts: ScriptedPrompts, history: UndoHistory,
    meeting: str,
) -> None:  # fmt: skip
    core, page = _page(qtbot, cal_ws, prompts, history)
    prompts.answer = False  # "Không": nothing deleted
    page.delete_activity(meeting, "Sinh hoạt chi đoàn tháng 3")
    page.delete_activity(meeting, "Sinh hoạt chi đoàn tháng 3")  # before its dates were counted
    delivered(qtbot, core)
    assert [text.split("\n")[0] for text in prompts.asked] == [
        "Xóa hoạt động “Sinh hoạt chi đoàn tháng 3”? Điểm danh, biên bản và minh chứng của "
        "hoạt động cũng bị xóa theo."
    ]
    assert cal_ws.activities.get(meeting).occurrences == 1


def test_the_roll_call_pressed_twice_opens_once(
    qtbot: QtBot, cal_ws: Workspace, prompts: ScriptedPrompts, history: UndoHistory,
    meeting: str,
) -> None:  # fmt: skip
    core = Core(cal_ws, prompts)
    date = OccurrenceDialog(
        core, history, read_occurrence(cal_ws, first_occurrence(cal_ws, meeting))
    )
    qtbot.addWidget(date)
    delivered(qtbot, core)
    opened: list[str] = []

    def look(dialog: QDialog) -> None:
        assert isinstance(dialog, AttendanceDialog)
        opened.append(dialog.windowTitle())

    prompts.dialog_script = look
    date.take_attendance()
    date.take_attendance()  # again before the sheet was read
    delivered(qtbot, core)
    assert opened == ["Điểm danh"]
