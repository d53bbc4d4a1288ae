"""A rating round closed on this copy takes no rating from another copy of the organisation, as
a sáp nhập takes none (closed_rounds.py): a member's rating changed on the other copy, or a chi
đoàn's, is left out of our closed round, said in the dry run and the result with how to take it
(reopen the round, import the file again: tested to work). A round the other copy reopens, or
closes while ours is open, travels with its ratings."""

from __future__ import annotations

import contextlib
import sqlite3

from bundle_sync import DEMO_DAY, bundle_of, carry, round_rows
from doancoso.core.bundle.merge import apply, plan
from doancoso.core.workspace import Workspace

THIS_YEAR = DEMO_DAY.year
"""The demo's open round (last year's is closed)."""


def _change_levels(ws: Workspace, year: int) -> tuple[str, int, str, int]:
    """Change, on ``ws``, one member's decided level and one chi đoàn's level of ``year``:
    (member id, its new level, chi đoàn id, its new level)."""
    with contextlib.closing(sqlite3.connect(ws.db.path)) as db:
        member_id, level = db.execute(
            "SELECT x.member_id, x.decided_level FROM ratings x JOIN rating_rounds r"
            " ON r.id = x.round_id WHERE r.year = ? AND x.deleted_at IS NULL ORDER BY x.id",
            (year,),
        ).fetchone()
    branch_id = ws.branches.list()[0].id
    member_level = 1 if level != 1 else 2
    ws.rating.set(year, member_id, {"decided_level": member_level})
    ws.rating.set_branch_level(year, branch_id, 3)
    return member_id, member_level, branch_id, 3


def _levels(ws: Workspace, year: int, member_id: str, branch_id: str) -> tuple[object, object]:
    with contextlib.closing(sqlite3.connect(ws.db.path)) as db:
        (member,) = db.execute(
            "SELECT x.decided_level FROM ratings x JOIN rating_rounds r ON r.id = x.round_id"
            " WHERE r.year = ? AND x.member_id = ? AND x.deleted_at IS NULL",
            (year, member_id),
        ).fetchone()
        (branch,) = db.execute(
            "SELECT x.level FROM branch_ratings x JOIN rating_rounds r ON r.id = x.round_id"
            " WHERE r.year = ? AND x.branch_id = ? AND x.deleted_at IS NULL",
            (year, branch_id),
        ).fetchone()
    return member, branch


NOTE = (
    f"Đợt xếp loại năm {THIS_YEAR}: đợt của máy này đã kết thúc nên được giữ nguyên; không "
    "nhận 1 xếp loại đoàn viên, 1 xếp loại chi đoàn có thay đổi trong tệp (kết quả của đợt đã "
    "kết thúc không được thay đổi; muốn nhận thì mở lại đợt (“Mở lại”) rồi nhập lại tệp)."
)


def test_a_round_closed_here_keeps_its_ratings_changed_on_the_other_copy(
    home: Workspace, away: Workspace
) -> None:
    """Closed here after the handover; the other copy, its round still open, changes a member's
    level and a chi đoàn's: our closed round keeps ours, and the words say so and how to take
    them; reopened here, the same file takes them."""
    home.rating.close(THIS_YEAR)
    member_id, member_level, branch_id, branch_level = _change_levels(away, THIS_YEAR)
    before = round_rows(home, THIS_YEAR)

    preview = plan(home, bundle_of(away))
    assert NOTE in preview.notes
    assert not {"ratings", "branch_ratings"} & {*preview.updated, *preview.new}
    result = apply(home, bundle_of(away))
    assert result.applied and NOTE in result.notes
    assert result.to_json()["notes"] == preview.to_json()["notes"]
    assert round_rows(home, THIS_YEAR) == before
    assert THIS_YEAR in home.rating.closed_years()
    assert home.check().problems == []
    again = plan(home, bundle_of(away))  # not agreed: still said, still not taken
    assert NOTE in again.notes

    home.rating.reopen(THIS_YEAR)
    taken = apply(home, bundle_of(away))
    assert not any("Đợt xếp loại" in note for note in taken.notes)
    assert _levels(home, THIS_YEAR, member_id, branch_id) == (member_level, branch_level)
    assert home.check().problems == []


def test_a_round_closed_on_both_copies_keeps_ours(home: Workspace, away: Workspace) -> None:
    """The other copy changed the levels and closed its round too (the two closings, at other
    moments, are a conflict of the round's row: whichever is kept, the round stays closed); ours,
    closed here, keeps its levels (a closed round's change only once it is reopened here)."""
    home.rating.close(THIS_YEAR)
    _change_levels(away, THIS_YEAR)
    away.rating.close(THIS_YEAR)
    before = round_rows(home, THIS_YEAR)
    (conflict,) = plan(home, bundle_of(away)).unresolved
    assert conflict.table == "rating_rounds"
    for choice in ("mine", "theirs"):
        result = apply(home, bundle_of(away), on_conflict={("rating_rounds", conflict.id): choice})
        assert NOTE in result.notes
        assert round_rows(home, THIS_YEAR) == before
        assert THIS_YEAR in home.rating.closed_years()
    assert NOTE in result.notes
    assert round_rows(home, THIS_YEAR) == before
    assert THIS_YEAR in home.rating.closed_years()


def test_a_round_the_other_copy_reopens_or_closes_travels_with_its_ratings(
    home: Workspace, away: Workspace
) -> None:
    """Closed on the other copy only (ours open): its levels and its closing are taken. Then
    reopened there and changed: the reopening and the levels are taken by our closed round,
    whose row the other copy changed alone."""
    member_id, member_level, branch_id, branch_level = _change_levels(away, THIS_YEAR)
    away.rating.close(THIS_YEAR)
    result = carry(away, home)
    assert not any("Đợt xếp loại" in note for note in result.notes)
    assert THIS_YEAR in home.rating.closed_years()
    assert _levels(home, THIS_YEAR, member_id, branch_id) == (member_level, branch_level)

    away.rating.reopen(THIS_YEAR)
    away.rating.set(THIS_YEAR, member_id, {"decided_level": 4})
    result = carry(away, home)
    assert not any("Đợt xếp loại" in note for note in result.notes)
    assert THIS_YEAR not in home.rating.closed_years()
    assert _levels(home, THIS_YEAR, member_id, branch_id) == (4, branch_level)
    assert home.check().problems == []
