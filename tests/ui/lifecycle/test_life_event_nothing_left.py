"""“Ghi sự kiện…” for a member whose history refuses every kind offered (one who came of age
and is already in the Party): the dialog is not opened, all its kinds greyed out; the
secretary is told why instead, from the roster and from the member's history alike."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.lifecycle.timeline import TimelineWidget
from doancoso.ui.roster.page import RosterPage
from doancoso.ui.shell.undo import UndoHistory
from scripted import ScriptedPrompts, synchronous_core

from .conftest import AddMember

WHY = (
    "Không có sự kiện nào ghi được cho đoàn viên Lê Văn An (Đã trưởng thành Đoàn): đoàn viên "
    "Lê Văn An đã được ghi nhận vào Đảng."
)


def _matured_party_member(ws: Workspace, add_member: AddMember) -> str:
    an = add_member("Lê Văn An", "01/01/1994")
    ws.events.record(an, "party_admission", "01/01/2020")
    ws.events.record(an, "matured", "01/06/2025")
    return an


def test_the_roster_says_why_instead_of_opening_the_dialog(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: AddMember
) -> None:
    an = _matured_party_member(ws, add_member)
    core = synchronous_core(ws, prompts)
    page = RosterPage(core, UndoHistory(core))
    qtbot.addWidget(page)
    page.status_combo.setCurrentIndex(page.status_combo.findData(None))  # every status
    page.select_member(an)
    opened: list[str] = []
    prompts.dialog_script = lambda dialog: opened.append(dialog.windowTitle())
    page.event_button.click()
    assert opened == []
    assert prompts.errors == [WHY]
    assert len(ws.events.history(an)) == 2


def test_the_history_says_why_too(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: AddMember
) -> None:
    an = _matured_party_member(ws, add_member)
    timeline = TimelineWidget(synchronous_core(ws, prompts), an)
    qtbot.addWidget(timeline)
    opened: list[str] = []
    prompts.dialog_script = lambda dialog: opened.append(dialog.windowTitle())
    timeline.record_button.click()
    assert opened == [] and prompts.errors == [WHY]


def test_a_matured_member_not_in_the_party_still_gets_the_dialog(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: AddMember
) -> None:
    an = add_member("Lê Văn An", "01/01/1994")
    ws.events.record(an, "matured", "01/06/2025")
    timeline = TimelineWidget(synchronous_core(ws, prompts), an)
    qtbot.addWidget(timeline)
    opened: list[str] = []
    prompts.dialog_script = lambda dialog: opened.append(dialog.windowTitle())
    timeline.record_button.click()
    assert opened == ["Ghi sự kiện — Lê Văn An"] and prompts.errors == []
