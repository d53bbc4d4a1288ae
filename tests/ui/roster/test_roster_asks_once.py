"""With the app's threaded runner, "Chuyển chi đoàn…" asks which chi đoàn once the worker read
them: pressed twice before then (a double click, Ctrl+M pressed again), it asks once."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.roster.page import RosterPage
from doancoso.ui.shell.operations import Core
from doancoso.ui.shell.undo import UndoHistory
from read_threads import delivered, worker_held
from scripted import ScriptedPrompts

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_move_pressed_twice_asks_once(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts
) -> None:
    ap1 = ws.branches.create("Ấp 1").id
    ws.branches.create("Ấp 2")
    an = ws.members.save({"full_name": "Lê Văn An", "birth_date": "01/01/2001", "branch_id": ap1})
    core = Core(ws, prompts)  # threaded, as in the app
    page = RosterPage(core, UndoHistory(core))
    qtbot.addWidget(page)
    delivered(qtbot, core)  # what the page reads as it opens
    page.select_member(an)
    prompts.choice = None  # "Hủy": nothing moved
    with worker_held(core):
        page.move_button.click()
        page.move_action.trigger()  # Ctrl+M, before the chi đoàn were read
    delivered(qtbot, core)
    assert prompts.choices_offered == [["Ấp 1", "Ấp 2"]]

    page.move_button.click()  # once asked: pressed again, it asks again
    delivered(qtbot, core)
    assert prompts.choices_offered == [["Ấp 1", "Ấp 2"]] * 2
    assert ws.members.get(an).branch_name == "Ấp 1"
