"""A plan, a rating round or a checklist of one year made on two copies of one organisation, one
of them (or both) still as it was made (issue #17's walkthrough): nothing of it would be lost,
so the import takes the other silently, and the two copies end equal with one record of the
year, whichever side imports first, or both at once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from bundle_sync import bundle_of, by_id, carry, cross, every_row
from doancoso.core.bundle.merge import plan
from doancoso.core.bundle.sync_errors import UnresolvedConflicts
from doancoso.core.workspace import Workspace

YEAR = dt.date.today().year + 1
"""A year the demo holds no plan, round or checklist of (it holds this year's and last)."""


def _live(ws: Workspace, table: str) -> list[str]:
    """The ids of ``ws``'s live rows of :data:`YEAR` in ``table``."""
    with ws.db.raw() as cursor:
        cursor.execute(f"SELECT id FROM {table} WHERE year = ? AND deleted_at IS NULL", (YEAR,))
        return [str(r[0]) for r in cursor.fetchall()]


def _rated(ws: Workspace) -> dict[str, int | None]:
    return {r.full_name: r.decided_level for r in ws.rating.rows(YEAR) if r.decided_level}


def test_a_round_opened_on_both_and_rated_on_one_is_taken_either_way(
    home: Workspace, away: Workspace
) -> None:
    home.rating.open(YEAR)
    away.rating.open(YEAR)
    for member, level in zip(away.members.list()[:3], (1, 2, 2), strict=True):
        away.rating.set(YEAR, member.id, {"decided_level": level})
    rated = _rated(away)
    assert len(rated) == 3
    theirs = _live(away, "rating_rounds")
    dry = plan(home, bundle_of(away))
    assert (dry.new.get("rating_rounds"), dry.new.get("ratings")) == (1, 3)
    assert carry(away, home).applied
    assert _live(home, "rating_rounds") == theirs and _rated(home) == rated
    assert carry(home, away).applied
    assert by_id(home) == by_id(away)


def test_a_round_rated_here_keeps_when_the_file_brings_an_empty_one(
    home: Workspace, away: Workspace
) -> None:
    home.rating.open(YEAR)
    home.rating.set(YEAR, home.members.list()[0].id, {"decided_level": 3})
    away.rating.open(YEAR)
    mine, rated = _live(home, "rating_rounds"), _rated(home)
    dry = plan(home, bundle_of(away))
    assert (dry.new, dry.updated, dry.deleted) == ({}, {}, {})  # nothing seen to change
    assert carry(away, home).applied
    assert _live(home, "rating_rounds") == mine and _rated(home) == rated
    assert carry(home, away).applied
    assert by_id(home) == by_id(away)
    assert _live(away, "rating_rounds") == mine and _rated(away) == rated


def test_an_empty_plan_gives_way_to_the_plan_with_targets(home: Workspace, away: Workspace) -> None:
    home.plans.create(YEAR)
    away.plans.create(YEAR)
    kinds = away.activities.kind_names()
    for text in ("Kết nạp 20 đoàn viên mới", "Trồng 500 cây xanh"):
        away.plans.add_target(YEAR, {"text": text}, kinds)
    assert carry(away, home).applied
    assert carry(home, away).applied
    assert by_id(home) == by_id(away)
    shown = home.plans.get(YEAR)
    assert shown is not None
    assert [t.text for t in shown.targets] == ["Kết nạp 20 đoàn viên mới", "Trồng 500 cây xanh"]
    assert _live(home, "plans") == _live(away, "plans") and len(_live(home, "plans")) == 1


@pytest.mark.parametrize(
    ("table", "make"),
    [
        ("plans", lambda ws: ws.plans.create(YEAR)),
        ("rating_rounds", lambda ws: ws.rating.open(YEAR)),
        ("checklists", lambda ws: ws.recognition.open(YEAR)),
    ],
)
def test_two_empty_records_crossing_both_ways_at_once_end_as_one(
    home: Workspace, away: Workspace, table: str, make: Callable[[Workspace], object]
) -> None:
    """Both copies import the other's file made before either import: each keeps the record of
    the smaller id, so that the year is never left without one."""
    make(home)
    make(away)
    smaller = min(_live(home, table) + _live(away, table))
    cross(home, away)
    assert carry(away, home).applied
    assert carry(home, away).applied
    assert by_id(home) == by_id(away)
    assert _live(home, table) == _live(away, table) == [smaller]


def test_a_plan_holding_only_a_text_is_not_taken_as_empty(home: Workspace, away: Workspace) -> None:
    home.plans.create(YEAR)
    home.plans.save(YEAR, {"purposes": "Nâng cao chất lượng sinh hoạt chi đoàn."})
    away.plans.create(YEAR)
    away.plans.add_target(YEAR, {"text": "Trồng 500 cây xanh"}, away.activities.kind_names())
    before = every_row(home)
    with pytest.raises(UnresolvedConflicts):  # a choice of the plan kept (one_per_year.py)
        carry(away, home)
    assert every_row(home) == before
    assert [c.table for c in plan(home, bundle_of(away)).conflicts] == ["plans"]


def test_an_empty_checklist_gives_way_to_the_one_assessed(home: Workspace, away: Workspace) -> None:
    home.recognition.open(YEAR)
    away.recognition.open(YEAR)
    away.recognition.set(YEAR, "1.1", {"status": "Đạt", "note": "Danh sách cập nhật hằng tháng"})
    assert carry(away, home).applied
    assert carry(home, away).applied
    assert by_id(home) == by_id(away)
    item = next(v for v in home.recognition.view(YEAR).items if v.item.code == "1.1")
    assert (item.status, item.note) == ("dat", "Danh sách cập nhật hằng tháng")
