"""A closed round counts the attendance recorded by its closing, but a mark changed in place
since (present to absent), or a date of the year cancelled since, changes its figures: nothing
stored keeps the mark or the date as they were. The round says so on the rows of the members
concerned; a mark changed before the closing says nothing."""

from __future__ import annotations

import datetime as dt

from doancoso.core.workspace import Workspace
from rating_data import YEAR, meetings

MARKS_CHANGED = "Điểm danh đã sửa sau khi khóa đợt: {day}"


def _member(ws: Workspace, branch: str, name: str) -> str:
    return ws.members.save({"full_name": name, "birth_date": "01/01/2000", "branch_id": branch,
                            "admission_date": "01/01/2020"})  # fmt: skip


def _marks(ws: Workspace, month: int) -> tuple[str, dict[str, tuple[str, str | None]]]:
    day = dt.date(YEAR, month, 10)
    (occ,) = ws.activities.occurrences(day, day)
    return occ.id, {m.member_id: (m.state, m.reason) for m in ws.attendance.sheet(occ.id)}


def _flags(ws: Workspace) -> dict[str, tuple[int, int, str | None]]:
    return {r.full_name: (r.expected, r.attended, r.attendance_changed)
            for r in ws.rating.rows(YEAR)}  # fmt: skip


def test_a_mark_changed_after_the_closing_is_said_on_the_row(ws: Workspace) -> None:
    branch = ws.branches.create("Chi đoàn ấp 1").id
    an, binh = (_member(ws, branch, n) for n in ("Lê Văn An", "Trần Thị Bình"))
    meetings(ws, {an: 10, binh: 8})
    occ, marks = _marks(ws, 1)
    ws.attendance.save(occ, {**marks, binh: ("excused", "Ốm")})  # before the closing: no flag
    ws.rating.set_levels(YEAR, "decided_level", {an: 1, binh: 2})
    ws.rating.close(YEAR)
    assert _flags(ws) == {"Lê Văn An": (10, 10, None), "Trần Thị Bình": (10, 7, None)}

    occ, marks = _marks(ws, 2)
    ws.attendance.save(occ, {**marks, an: ("absent", None)})
    today = dt.date.today().strftime("%d/%m/%Y")
    assert _flags(ws) == {
        "Lê Văn An": (10, 9, MARKS_CHANGED.format(day=today)),
        "Trần Thị Bình": (10, 7, None),
    }

    ws.rating.reopen(YEAR)  # an open round reads today's attendance: nothing to say
    assert _flags(ws) == {"Lê Văn An": (10, 9, None), "Trần Thị Bình": (10, 7, None)}


def test_a_date_cancelled_after_the_closing_is_said_on_its_members_rows(ws: Workspace) -> None:
    branch = ws.branches.create("Chi đoàn ấp 2").id
    an, binh = (_member(ws, branch, n) for n in ("Lê Văn An", "Trần Thị Bình"))
    meetings(ws, {an: 10, binh: 8})
    late = _member(ws, branch, "Võ Văn Mới")  # on no sheet of the year
    ws.rating.set_levels(YEAR, "decided_level", {an: 1, binh: 2, late: 3})
    ws.rating.close(YEAR)

    occ, _ = _marks(ws, 3)
    ws.activities.update_occurrence(occ, {"status": "huy"})
    today = dt.date.today().strftime("%d/%m/%Y")
    assert _flags(ws) == {
        "Lê Văn An": (9, 9, MARKS_CHANGED.format(day=today)),
        "Trần Thị Bình": (9, 7, MARKS_CHANGED.format(day=today)),
        "Võ Văn Mới": (0, 0, None),
    }


def test_a_date_moved_out_of_the_year_after_the_closing_is_said(ws: Workspace) -> None:
    """A date moved into the next year since is no longer counted: its day is out of the year,
    the day its repeat gave it is not."""
    branch = ws.branches.create("Chi đoàn ấp 4").id
    an = _member(ws, branch, "Lê Văn An")
    meetings(ws, {an: 10})
    ws.rating.set_levels(YEAR, "decided_level", {an: 1})
    ws.rating.close(YEAR)
    occ, _ = _marks(ws, 10)
    ws.activities.update_occurrence(occ, {"day": f"10/01/{YEAR + 1}"})
    today = dt.date.today().strftime("%d/%m/%Y")
    assert _flags(ws) == {"Lê Văn An": (9, 9, MARKS_CHANGED.format(day=today))}


def test_a_round_says_nothing_of_attendance_taken_or_dates_of_another_year_since(
    ws: Workspace,
) -> None:
    """Attendance taken after the closing is not the round's (it counts none of it), nor is a
    mark of the next year changed since: no row says anything."""
    branch = ws.branches.create("Chi đoàn ấp 3").id
    an = _member(ws, branch, "Lê Văn An")
    meetings(ws, {an: 5}, total=5)
    january = dt.date(YEAR + 1, 1, 10)
    ws.activities.save({"title": "Sinh hoạt tháng 1", "kind": "sinh-hoat",
                        "start_date": f"{january:%d/%m/%Y}"})  # fmt: skip
    (next_year,) = ws.activities.occurrences(january, january)
    ws.attendance.save(next_year.id, {an: ("present", None)})
    ws.rating.set_levels(YEAR, "decided_level", {an: 2})
    ws.rating.close(YEAR)

    november = dt.date(YEAR, 11, 10)
    ws.activities.save({"title": "Sinh hoạt tháng 11", "kind": "sinh-hoat",
                        "start_date": f"{november:%d/%m/%Y}"})  # fmt: skip
    (occ,) = ws.activities.occurrences(november, november)
    ws.attendance.save(occ.id, {an: ("absent", None)})
    ws.attendance.save(next_year.id, {an: ("absent", None)})
    ws.activities.update_occurrence(next_year.id, {"status": "huy"})
    assert _flags(ws) == {"Lê Văn An": (5, 5, None)}
