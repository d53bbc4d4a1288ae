"""A rating round of one year opened on two copies, one of them holding only members' months
of sick leave or unpaid dues (no level yet): those facts are data like a level. The round
holding them is never dropped as empty, and when both rounds hold something the conflict
names them, so that the user does not discard them thinking the round holds nothing."""

from __future__ import annotations

import datetime as dt

from bundle_sync import bundle_of, by_id, carry, created_day, live_ids
from doancoso.core.bundle.merge import plan
from doancoso.core.workspace import Workspace

YEAR = dt.date.today().year + 1
"""A year the demo holds no round of (it holds this year's and last)."""


def _round_id(ws: Workspace) -> str:
    (round_id,) = live_ids(ws, "rating_rounds", "year", YEAR)
    return round_id


def _in_round(ws: Workspace) -> list[str]:
    """The ids of the members ``ws``'s round of :data:`YEAR` rates."""
    return [r.member_id for r in ws.rating.rows(YEAR) if r.eligible]


def _sick(ws: Workspace) -> dict[str, int | None]:
    return {r.member_id: r.sick_months for r in ws.rating.rows(YEAR) if r.sick_months}


def test_sick_months_typed_on_one_copy_survive_an_exchange_both_ways(
    home: Workspace, away: Workspace
) -> None:
    home.rating.open(YEAR)
    away.rating.open(YEAR)
    first, second = _in_round(away)[:2]
    away.rating.set(YEAR, first, {"sick_months": "5"})
    away.rating.set(YEAR, second, {"sick_months": "4"})
    assert carry(away, home).applied
    assert carry(home, away).applied
    for ws in (home, away):
        assert _sick(ws) == {first: 5, second: 4}
        assert _round_id(ws) == _round_id(away)
    assert by_id(home) == by_id(away)


def test_sick_months_typed_here_survive_the_other_copys_empty_round(
    home: Workspace, away: Workspace
) -> None:
    home.rating.open(YEAR)
    away.rating.open(YEAR)
    member = _in_round(home)[3]
    home.rating.set(YEAR, member, {"sick_months": "6"})
    mine = _round_id(home)
    assert carry(away, home).applied
    assert carry(home, away).applied
    for ws in (home, away):
        assert _sick(ws) == {member: 6} and _round_id(ws) == mine


def test_a_conflict_names_the_sick_leave_and_dues_a_round_holds(
    home: Workspace, away: Workspace
) -> None:
    home.rating.open(YEAR)
    away.rating.open(YEAR)
    members = _in_round(home)
    for member in members[:2]:
        home.rating.set(YEAR, member, {"decided_level": 2})
    away.rating.set(YEAR, members[4], {"sick_months": "5"})
    away.rating.set(YEAR, members[5], {"sick_months": "2", "dues_unpaid": "có"})
    away.rating.set(YEAR, members[6], {"dues_unpaid": "có"})
    mine, theirs = _round_id(home), _round_id(away)
    (conflict,) = plan(home, bundle_of(away)).conflicts
    (field,) = conflict.fields
    assert field.mine == (
        f"mở ngày {created_day(home, 'rating_rounds', mine)}, 2 đoàn viên đã có mức xếp loại"
    )
    assert field.theirs == (
        f"mở ngày {created_day(away, 'rating_rounds', theirs)}, chưa có mức xếp loại nào, "
        "2 đoàn viên có số tháng nghỉ ốm, 2 đoàn viên chưa đóng đủ đoàn phí"
    )
