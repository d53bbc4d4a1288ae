"""Calendar GUI tests: an organisation with two chi đoàn and eight members, activities made
through the core's API, a synchronous core and its undo history."""

from __future__ import annotations

import datetime as dt

import pytest
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.calendar.page import CalendarPage
from doancoso.ui.shell.operations import Core
from doancoso.ui.shell.undo import UndoHistory
from scripted import ScriptedPrompts, synchronous_core

MEMBERS = (
    ("Nguyễn Thị Như Quỳnh", "05/03/1996", "tan-hung"),
    ("Võ Văn Tùng", "01/02/1998", "tan-hung"),
    ("Lê Văn An", "12/07/2001", "tan-hung"),
    ("Trần Thị Thủy", "20/10/2003", "tan-hung"),
    ("Phạm Minh Bảo", "15/01/2000", "tan-hung"),
    ("Đặng Thu Hà", "05/05/2002", "kenh-xang"),
    ("Huỳnh Văn Đạt", "09/09/1999", "kenh-xang"),
    ("Lý Thị Mai", "30/11/2004", "kenh-xang"),
)


@pytest.fixture
def cal_ws(ws: Workspace) -> Workspace:
    """Tân Hưng with chi đoàn ấp Tân Hưng (5 members) and ấp Kênh Xáng (3 members)."""
    branches = {
        "tan-hung": ws.branches.create("Chi đoàn ấp Tân Hưng").id,
        "kenh-xang": ws.branches.create("Chi đoàn ấp Kênh Xáng").id,
    }
    for name, birth, branch in MEMBERS:
        ws.members.save({"full_name": name, "birth_date": birth, "branch_id": branches[branch]})
    return ws


def branch_id(ws: Workspace, name: str) -> str:
    found = ws.branches.find(name)
    assert found is not None
    return found.id


def member_id(ws: Workspace, name: str) -> str:
    return next(r.id for r in ws.members.list() if r.full_name == name)


def add_activity(ws: Workspace, title: str, day: str, **raw: object) -> str:
    """An activity through the core (``day`` dd/mm/yyyy); returns its id."""
    activity_id, _count = ws.activities.save({"title": title, "start_date": day, **raw})
    return activity_id


def first_occurrence(ws: Workspace, activity_id: str) -> str:
    return ws.activities.occurrence_ids_of(activity_id)[0]


def vn(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


def register_plans(ws: Workspace) -> None:
    """This year's and next year's plans made and registered today: no plan left to recall."""
    today = dt.date.today()
    for year in (today.year, today.year + 1):
        ws.plans.create(year)
        ws.plans.register(year, "Đã gửi", today)


@pytest.fixture
def core(cal_ws: Workspace, prompts: ScriptedPrompts) -> Core:
    return synchronous_core(cal_ws, prompts)


@pytest.fixture
def page(qtbot: QtBot, core: Core, history: UndoHistory) -> CalendarPage:
    page = CalendarPage(core, history)
    qtbot.addWidget(page)
    return page
