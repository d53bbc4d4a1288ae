"""What the grid asks of the core beyond the round itself: the levels a bulk action would
decide (kept for its undo), the results counted from rows already read, the participation
counted from periods already read, and a bulk write of levels (now a few bulk statements) whose
changes name every row it wrote, each row's revision raised."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from doancoso.core.context import OWN_ORGANIZATION_KEY
from doancoso.core.errors import ConflictError
from doancoso.core.lifecycle.periods import active_periods
from doancoso.core.storage.models import Rating
from doancoso.core.workspace import Workspace

YEAR = 2025
AS_OF = dt.date(YEAR, 12, 31)


@pytest.fixture
def members(ws: Workspace) -> dict[str, str]:
    branch = ws.branches.create("Chi đoàn ấp 1").id
    other = ws.branches.create("Chi đoàn ấp 2").id
    ids = {}
    for name, where in (("An", branch), ("Bình", branch), ("Cường", other), ("Dũng", None)):
        raw = {"full_name": name, "birth_date": "01/01/2000", "branch_id": where or "",
               "admission_date": "01/01/2020"}  # fmt: skip
        ids[name] = ws.members.save(raw)
    for name, rate in (("An", 95), ("Bình", 75), ("Cường", 55), ("Dũng", 30)):
        ws.rating.set(YEAR, ids[name], {"participation": rate})
    return ids


def test_levels_to_accept_are_what_accept_decides(ws: Workspace, members: dict[str, str]) -> None:
    ws.rating.set(YEAR, members["An"], {"proposed_level": 1})
    ws.rating.set(YEAR, members["Cường"], {"proposed_level": 3, "decided_level": 2})
    assert ws.rating.levels_to_accept(YEAR, "proposals") == {members["An"]: 1}
    suggestions = ws.rating.levels_to_accept(YEAR, "suggestions")
    assert suggestions == {members["An"]: 2, members["Bình"]: 2, members["Dũng"]: 4}
    branch = ws.branches.find("Chi đoàn ấp 1")
    assert branch is not None
    assert ws.rating.levels_to_accept(YEAR, "suggestions", branch.id) == {
        members["An"]: 2, members["Bình"]: 2
    }  # fmt: skip
    # From rows already read (the grid's), the same.
    rows = ws.rating.rows(YEAR)
    assert ws.rating.levels_to_accept(YEAR, "suggestions", None, rows) == suggestions
    assert ws.rating.levels_to_accept(YEAR, "suggestions", branch.id, rows) == {
        members["An"]: 2, members["Bình"]: 2
    }  # fmt: skip
    assert ws.rating.accept(YEAR, "suggestions") == 3
    decided = {r.full_name: r.decided_level for r in ws.rating.rows(YEAR, as_of=AS_OF)}
    assert decided == {"An": 2, "Bình": 2, "Cường": 2, "Dũng": 4}
    assert ws.rating.levels_to_accept(YEAR, "suggestions") == {}
    ws.rating.close(YEAR)
    with pytest.raises(ConflictError):
        ws.rating.accept(YEAR, "proposals")


def test_summary_from_rows_already_read(ws: Workspace, members: dict[str, str]) -> None:
    ws.rating.set_levels(YEAR, "decided_level", {members["An"]: 1, members["Dũng"]: 4})
    rows = ws.rating.rows(YEAR, as_of=AS_OF)
    assert ws.rating.summary(YEAR, rows) == ws.rating.summary(YEAR)
    # The rows given are what is counted (the grid counts the rows it shows).
    assert ws.rating.summary(YEAR, rows[:1])[-1].counts == {1: 1, 2: 0, 3: 0, 4: 0}


def test_participation_counted_from_periods_already_read(ws: Workspace) -> None:
    an = ws.members.save({"full_name": "An", "birth_date": "01/01/2000",
                          "admission_date": "01/01/2020"})  # fmt: skip
    late = ws.members.save({"full_name": "Bình", "birth_date": "01/01/2000"})
    ws.events.record(late, "transfer_in", "01/06/2025", other_organization="Đoàn xã Tân Lộc")
    for month in (3, 9):
        day = dt.date(YEAR, month, 10)
        ws.activities.save({"title": "Sinh hoạt", "kind": "sinh-hoat",
                            "start_date": f"{day:%d/%m/%Y}"})  # fmt: skip
        (occ,) = ws.activities.occurrences(day, day)
        ws.attendance.save(occ.id, {m.member_id: ("present", None)
                                    for m in ws.attendance.sheet(occ.id)})  # fmt: skip
    with ws.db.read() as session:
        periods = active_periods(session, str(ws.db.get_meta(OWN_ORGANIZATION_KEY)))
    counted = ws.participation.counts(YEAR, AS_OF, periods)
    assert counted == ws.participation.counts(YEAR, AS_OF)
    assert counted[an][:2] == (2, 2) and counted[late][:2] == (1, 1)


def test_a_bulk_write_names_every_row_it_wrote(ws: Workspace) -> None:
    given = ("An", "Bình", "Cường", "Dũng", "Em", "Giang", "Hòa", "Khánh", "Lan", "Minh")
    middle = ("Văn", "Thị", "Ngọc", "Minh", "Thanh", "Hữu")
    family = ("Nguyễn", "Trần", "Lê", "Phạm", "Võ")
    names = [f"{f} {m} {g}" for f in family for m in middle for g in given]
    rows = [{"full_name": name, "birth_date": "01/01/2000", "admission_date": "01/01/2020"}
            for name in names]  # fmt: skip
    ids = [ws.members.save(raw) for raw in rows]
    ws.rating.set_levels(YEAR, "decided_level", dict.fromkeys(ids, 2))
    start = ws.changes.generation
    assert ws.rating.set_levels(YEAR, "decided_level", dict.fromkeys(ids, 3)) == 300
    changed = ws.changes.since(start).ids("ratings")
    assert changed is not None and len(changed) == 300
    with ws.db.read() as session:  # each row's revision went up (what bundles merge on)
        revisions = session.scalars(select(Rating.revision).where(Rating.id.in_(changed)))
        assert set(revisions) == {2}
    rated = ws.rating.rows(YEAR, as_of=AS_OF)
    assert {r.decided_level for r in rated} == {3} and len(rated) == 300
    start = ws.changes.generation
    assert ws.rating.set_levels(YEAR, "decided_level", dict.fromkeys(ids, 3)) == 0
    assert ws.changes.since(start).ids("ratings") == frozenset()
    # Mixed: some cleared, some set, a new member's row made.
    newcomer = ws.members.save({"full_name": "Lý Thị Mai", "birth_date": "01/01/2000",
                                "admission_date": "01/01/2020"})  # fmt: skip
    mixed: dict[str, int | None] = {ids[0]: None, ids[1]: 1, ids[2]: 3, newcomer: 4}
    assert ws.rating.set_levels(YEAR, "self_level", mixed) == 3  # no row to clear for ids[0]
    assert ws.rating.set_levels(YEAR, "decided_level", mixed) == 3  # ids[2] already 3
    levels = {r.member_id: (r.self_level, r.decided_level) for r in ws.rating.rows(YEAR)}
    assert [levels[m] for m in (ids[0], ids[1], ids[2], newcomer)] == [
        (None, None), (1, 1), (3, 3), (4, 4)
    ]  # fmt: skip


def test_the_members_covered_are_the_eligible_rows(demo_ws: Workspace) -> None:
    """``covered`` (the checklist's remarks share counts over it) is the eligible of ``rows``,
    without their figures: the same members on the 300 demo members, each reason included."""
    year = dt.date.today().year
    rows = demo_ws.rating.rows(year)
    eligible = {r.member_id for r in rows if r.eligible}
    assert 0 < len(eligible) < len(rows)
    assert demo_ws.rating.covered(year) == eligible
