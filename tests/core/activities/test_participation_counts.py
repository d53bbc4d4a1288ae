"""Participation counted by SQLite per member and state, and date by date only for the members
whose time here does not cover the year: the same counts as reading every mark, marks outside a
member's time here left out, ``as_of`` and the leave setting followed."""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict

import pytest

from doancoso.core.lifecycle.periods import active_periods
from doancoso.core.workspace import Workspace


@pytest.fixture
def people(ws: Workspace) -> dict[str, str]:
    ids = {}
    for name in ("Nguyễn Văn An", "Trần Thị Bình", "Lê Hoàng Cường"):
        ids[name.split()[-1]] = ws.members.save(
            {"full_name": name, "birth_date": "05/03/2001", "admission_date": "26/03/2018"}
        )
    ws.events.record(ids["Bình"], "transfer_out", "15/02/2025", other_organization="Đoàn phường 5")
    ids["Dung"] = ws.members.save({"full_name": "Phạm Thị Dung", "birth_date": "01/01/2004"})
    ws.events.record(ids["Dung"], "admission", "10/03/2025")
    return ids


def _three_dates(ws: Workspace) -> list[str]:
    activity_id, _ = ws.activities.save(
        {"title": "Sinh hoạt", "start_date": "15/01/2025", "repeat": "monthly",
         "until": "15/03/2025"}
    )  # fmt: skip
    return ws.activities.occurrence_ids_of(activity_id)


def test_marks_outside_a_members_time_are_left_out(ws: Workspace, people: dict[str, str]) -> None:
    """Every member marked on every date (the secretary added them by hand): Bình, gone on
    15/02, counts on 15/01 only; Dung, admitted on 10/03, on 15/03 only."""
    states = {"An": "present", "Bình": "present", "Cường": "excused", "Dung": "present"}
    for occurrence in _three_dates(ws):
        ws.attendance.save(occurrence, {people[k]: (v, None) for k, v in states.items()})
    counts = {r.full_name: (r.expected, r.attended, r.excused)
              for r in ws.participation.year(2025)}  # fmt: skip
    assert counts == {
        "Nguyễn Văn An": (3, 3, 0),
        "Trần Thị Bình": (1, 1, 0),
        "Lê Hoàng Cường": (3, 0, 3),
        "Phạm Thị Dung": (1, 1, 0),
    }
    until_february = {r.full_name: (r.expected, r.attended, r.excused)
                      for r in ws.participation.year(2025, dt.date(2025, 2, 15))}  # fmt: skip
    assert until_february == {
        "Nguyễn Văn An": (2, 2, 0),
        "Trần Thị Bình": (1, 1, 0),
        "Lê Hoàng Cường": (2, 0, 2),
    }  # Dung not yet admitted: not listed
    ws.participation.set_leave_counts(True)
    assert [r.attended for r in ws.participation.year(2025)] == [3, 1, 3, 1]


def test_same_counts_as_reading_every_mark(ws: Workspace, people: dict[str, str]) -> None:
    """Random marks on twelve dates: the rates equal a count made date by date from the
    attendance sheets and the members' periods."""
    rng = random.Random(13)
    activity_id, _ = ws.activities.save(
        {"title": "Sinh hoạt", "start_date": "20/01/2025", "repeat": "monthly",
         "until": "31/12/2025"}
    )  # fmt: skip
    for occurrence in ws.activities.occurrence_ids_of(activity_id):
        marks = {m: (rng.choice(["present", "excused", "absent"]), None) for m in people.values()}
        ws.attendance.save(occurrence, marks)
    org = ws.organization.get()
    assert org is not None
    with ws.db.read() as session:
        periods = active_periods(session, org.id)
    expected: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for row in ws.activities.occurrences(dt.date(2025, 1, 1), dt.date(2025, 12, 31)):
        for mark in ws.attendance.sheet(row.id):
            if any(p.covers(row.day) for p in periods[mark.member_id]):
                counts = expected[mark.member_id]
                counts[0] += 1
                counts[1] += mark.state == "present"
                counts[2] += mark.state == "excused"
    got = {r.member_id: [r.expected, r.attended, r.excused] for r in ws.participation.year(2025)}
    assert got == dict(expected)
    assert got[people["Bình"]][0] == 1 and got[people["Dung"]][0] == 10  # 20/03 to 20/12


def test_a_guest_counts_from_the_day_the_stay_began(ws: Workspace, people: dict[str, str]) -> None:
    """A young person from another organisation, added for her stay here ("Sinh hoạt tạm" her
    first event, on 15/02): expected from that day, not from her admission years before (she was
    counted absent at the January meeting, and listed in the rounds of the years before)."""
    em = ws.members.save(
        {"full_name": "Võ Thị Em", "birth_date": "02/09/1998", "admission_date": "26/03/2015"}
    )
    ws.events.record(em, "temporary", "15/02/2025", home_organization="Đoàn xã Tân Lộc",
                     period_start="15/02/2025", period_end="15/02/2026")  # fmt: skip
    org = ws.organization.get()
    assert org is not None
    with ws.db.read() as session:
        periods = active_periods(session, org.id, [em])[em]
    assert [(p.start, p.end) for p in periods] == [(dt.date(2025, 2, 15), None)]
    for occurrence in _three_dates(ws):
        ws.attendance.save(occurrence, {em: ("present", None), people["An"]: ("present", None)})
    counts = {r.full_name: (r.expected, r.attended) for r in ws.participation.year(2025)}
    assert counts["Võ Thị Em"] == (2, 2)
    assert "Võ Thị Em" not in {r.full_name for r in ws.participation.year(2024)}


def test_a_remembered_year_is_the_same_inside_and_read_again_after(
    ws: Workspace, people: dict[str, str]
) -> None:
    """Inside ``remembered()`` (the dossier's build, over one snapshot) a year asked again gives
    the same figures (a list of its own); after it, a mark saved since is counted."""
    first, *_ = _three_dates(ws)
    ws.attendance.save(first, {people["An"]: ("present", None)})
    with ws.db.snapshot(), ws.participation.remembered():
        once = ws.participation.year(2025)
        again = ws.participation.year(2025)
        assert again == once and again is not once
        assert [r.attended for r in once if r.full_name == "Nguyễn Văn An"] == [1]
    ws.attendance.save(first, {people["An"]: ("absent", None)})
    after = ws.participation.year(2025)
    assert [r.attended for r in after if r.full_name == "Nguyễn Văn An"] == [0]
