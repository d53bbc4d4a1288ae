"""A closed round counts the marks and dates recorded by its closing, those deleted since too,
as they now are: a deletion alone changes nothing it counts, a change followed by a deletion
does, and a meeting's results entered since (head count, results text) change nothing. The
round says so on exactly the rows whose figures changed."""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import select, update

from doancoso.core.storage.models import RatingRound
from doancoso.core.workspace import Workspace
from rating_data import YEAR, meetings

MARKS_CHANGED = "Điểm danh đã sửa sau khi khóa đợt: {day}"


def _member(ws: Workspace, branch: str, name: str) -> str:
    return ws.members.save({"full_name": name, "birth_date": "01/01/2000", "branch_id": branch,
                            "admission_date": "01/01/2020"})  # fmt: skip


def _date(ws: Workspace, month: int) -> tuple[str, str, dict[str, tuple[str, str | None]]]:
    """The meeting of ``month``: its date's id, its activity's id, its marks."""
    day = dt.date(YEAR, month, 10)
    (occ,) = ws.activities.occurrences(day, day)
    marks = {m.member_id: (m.state, m.reason) for m in ws.attendance.sheet(occ.id)}
    return occ.id, occ.activity_id, marks


def _flags(ws: Workspace) -> dict[str, tuple[int, int, str | None]]:
    return {r.full_name: (r.expected, r.attended, r.attendance_changed)
            for r in ws.rating.rows(YEAR)}  # fmt: skip


def _closed(ws: Workspace, name: str) -> tuple[str, str]:
    """Two members of a new chi đoàn at 10 meetings (An at all, Bình at 8), rated and closed."""
    branch = ws.branches.create(name).id
    an, binh = (_member(ws, branch, n) for n in ("Lê Văn An", "Trần Thị Bình"))
    meetings(ws, {an: 10, binh: 8})
    ws.rating.set_levels(YEAR, "decided_level", {an: 1, binh: 2})
    ws.rating.close(YEAR)
    assert _flags(ws) == {"Lê Văn An": (10, 10, None), "Trần Thị Bình": (10, 8, None)}
    return an, binh


def test_a_mark_taken_off_the_sheet_since_is_counted_as_it_was(ws: Workspace) -> None:
    an, binh = _closed(ws, "Chi đoàn ấp 1")
    occ, _, marks = _date(ws, 2)
    ws.attendance.save(occ, {an: marks[an]})  # Bình taken off the sheet: still counted
    assert _flags(ws) == {"Lê Văn An": (10, 10, None), "Trần Thị Bình": (10, 8, None)}


def test_a_mark_changed_then_taken_off_the_sheet_since_is_said(ws: Workspace) -> None:
    an, binh = _closed(ws, "Chi đoàn ấp 2")
    occ, _, marks = _date(ws, 2)
    ws.attendance.save(occ, {**marks, an: ("absent", None)})
    ws.attendance.save(occ, {binh: marks[binh]})  # An taken off the sheet: read as absent
    today = dt.date.today().strftime("%d/%m/%Y")
    assert _flags(ws) == {
        "Lê Văn An": (10, 9, MARKS_CHANGED.format(day=today)),
        "Trần Thị Bình": (10, 8, None),
    }


def test_a_meeting_deleted_since_is_counted_as_it_was(ws: Workspace) -> None:
    _closed(ws, "Chi đoàn ấp 3")
    _, activity, _ = _date(ws, 4)
    ws.activities.delete(activity)
    assert _flags(ws) == {"Lê Văn An": (10, 10, None), "Trần Thị Bình": (10, 8, None)}


def test_a_meeting_changed_then_deleted_since_is_said(ws: Workspace) -> None:
    """A mark changed, or the date cancelled, then the whole activity deleted: the round reads
    the deleted rows as they were deleted, so the change counts."""
    an, _ = _closed(ws, "Chi đoàn ấp 4")
    occ, activity, marks = _date(ws, 2)
    ws.attendance.save(occ, {**marks, an: ("absent", None)})
    ws.activities.delete(activity)
    today = dt.date.today().strftime("%d/%m/%Y")
    assert _flags(ws) == {
        "Lê Văn An": (10, 9, MARKS_CHANGED.format(day=today)),
        "Trần Thị Bình": (10, 8, None),
    }
    occ, activity, _ = _date(ws, 9)  # Bình was absent there: her count of dates changes
    ws.activities.update_occurrence(occ, {"status": "huy"})
    ws.activities.delete(activity)
    assert _flags(ws) == {
        "Lê Văn An": (9, 8, MARKS_CHANGED.format(day=today)),
        "Trần Thị Bình": (9, 8, MARKS_CHANGED.format(day=today)),
    }


def test_a_meetings_results_entered_since_say_nothing(ws: Workspace) -> None:
    _closed(ws, "Chi đoàn ấp 5")
    occ, _, _ = _date(ws, 5)
    ws.activities.update_occurrence(
        occ, {"participants": "25", "results": "Kết nạp 2 đoàn viên mới.", "resources": "500.000 đ"}
    )
    assert _flags(ws) == {"Lê Văn An": (10, 10, None), "Trần Thị Bình": (10, 8, None)}


def test_a_date_moved_within_the_year_and_back_says_nothing(ws: Workspace) -> None:
    """What the round counts is unchanged: no row is flagged, though the date changed twice."""
    _closed(ws, "Chi đoàn ấp 6")
    occ, _, _ = _date(ws, 6)
    ws.activities.update_occurrence(occ, {"day": f"12/06/{YEAR}"})
    assert _flags(ws) == {"Lê Văn An": (10, 10, None), "Trần Thị Bình": (10, 8, None)}
    ws.activities.update_occurrence(occ, {"status": "huy"})
    ws.activities.update_occurrence(occ, {"status": "da-thuc-hien"})
    assert _flags(ws) == {"Lê Văn An": (10, 10, None), "Trần Thị Bình": (10, 8, None)}


def test_the_closing_keeps_the_counts_once(ws: Workspace) -> None:
    an, binh = _closed(ws, "Chi đoàn ấp 7")
    kept = [f"{an}:10/10/0", f"{binh}:10/8/0"]  # in the order of the ids
    ws.rating.reopen(YEAR)
    ws.rating.close(YEAR)
    with ws.db.read() as session:
        history = json.loads(session.scalar(select(RatingRound.history)) or "[]")
    assert [(e["action"], e.get("counts")) for e in history] == [
        ("close", None), ("reopen", None), ("close", " ".join(sorted(kept))),
    ]  # fmt: skip


def test_a_round_closed_by_an_older_version_reads_each_rows_time(ws: Workspace) -> None:
    """Its closing kept no counts: a mark changed in place and a date cancelled since are
    said; a change then a deletion cannot be told from the deletion alone, nor a results edit
    from a change of a date that still counts: neither is said."""
    an, binh = _closed(ws, "Chi đoàn ấp 8")
    with ws.db.transaction() as session:
        history = json.loads(session.scalar(select(RatingRound.history)) or "[]")
        for entry in history:
            entry.pop("counts", None)
        session.execute(update(RatingRound).values(history=json.dumps(history)))
    occ, _, marks = _date(ws, 2)
    ws.attendance.save(occ, {**marks, an: ("absent", None)})
    ws.attendance.save(occ, {binh: marks[binh]})  # An taken off the sheet
    occ, _, _ = _date(ws, 5)
    ws.activities.update_occurrence(occ, {"participants": "25", "results": "Tốt."})
    assert _flags(ws) == {"Lê Văn An": (10, 9, None), "Trần Thị Bình": (10, 8, None)}

    occ, _, marks = _date(ws, 3)
    ws.attendance.save(occ, {**marks, binh: ("excused", "Ốm")})
    today = dt.date.today().strftime("%d/%m/%Y")
    assert _flags(ws) == {
        "Lê Văn An": (10, 9, None),
        "Trần Thị Bình": (10, 7, MARKS_CHANGED.format(day=today)),
    }
    ws.activities.update_occurrence(_date(ws, 4)[0], {"status": "huy"})
    assert _flags(ws) == {
        "Lê Văn An": (9, 8, MARKS_CHANGED.format(day=today)),
        "Trần Thị Bình": (9, 6, MARKS_CHANGED.format(day=today)),
    }


def test_a_round_whose_history_is_not_as_the_app_writes_it_still_reads(ws: Workspace) -> None:
    """A round's history comes from a bundle as any text: what its closing kept unreadable
    ("id:" without a number, a list of strings, not JSON), the round reads as one closed by an
    older version (by each row's time), its page never refused."""
    an, binh = _closed(ws, "Chi đoàn ấp 9")
    occ, _, marks = _date(ws, 2)
    ws.attendance.save(occ, {**marks, an: ("absent", None)})
    day = dt.date.today().strftime("%d/%m/%Y")
    said = {"Lê Văn An": (10, 9, MARKS_CHANGED.format(day=day)), "Trần Thị Bình": (10, 8, None)}
    assert _flags(ws) == said
    for history in (
        json.dumps([{"action": "close", "at": "01/01/2026 08:00", "counts": f"{an}:x/1",
                     "revisions": f"{an}:"}]),
        json.dumps(["close"]),
        "không phải JSON",
    ):  # fmt: skip
        with ws.db.transaction() as session:
            session.execute(update(RatingRound).values(history=history))
        assert _flags(ws) == said, history
