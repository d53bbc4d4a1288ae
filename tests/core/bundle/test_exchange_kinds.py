"""An activity kind of one name added apart on two copies of one organisation (issue #17's
walkthrough): joined into one, on both copies alike, the activities and the targets measured by
either kind now naming the one kept; never two "Hiến máu" in the list after an exchange."""

from __future__ import annotations

import datetime as dt

import pytest

from bundle_sync import bundle_of, by_id, carry, cross
from doancoso.core.bundle.merge import plan
from doancoso.core.workspace import Workspace

YEAR = dt.date.today().year + 1
"""A year the demo holds no plan, round or checklist of (it holds this year's and last)."""


def _own_kinds(ws: Workspace) -> list[tuple[str, str]]:
    with ws.db.raw() as cursor:
        cursor.execute("SELECT code, name FROM activity_kinds WHERE deleted_at IS NULL")
        return sorted(cursor.fetchall())


def _kinds_of_activities(ws: Workspace) -> dict[str, str]:
    with ws.db.raw() as cursor:
        cursor.execute("SELECT title, kind FROM activities WHERE deleted_at IS NULL"
                       " AND title LIKE 'Hiến máu%'")  # fmt: skip
        return dict(cursor.fetchall())


def _add(ws: Workspace, name: str, title: str, day: str) -> str:
    code = ws.activities.add_kind(name)
    ws.activities.save({"title": title, "kind": code, "start_date": day})
    return code


NOTE = (
    "Loại hoạt động “{}” được thêm riêng trên cả hai máy: đã gộp làm một, các hoạt động và chỉ "
    "tiêu của hai loại nay cùng một loại."
)


def _set_kind_id(ws: Workspace, code: str, new_id: str) -> None:
    """Give a kind not exchanged yet the id ``new_id``: which of two is kept goes by their ids,
    random otherwise (its code, which the rows name, stays)."""
    with ws.db.raw() as cursor:
        cursor.execute("UPDATE activity_kinds SET id = ? WHERE code = ?", (new_id, code))


@pytest.mark.parametrize("ours_kept", [True, False], ids=["ours-kept", "theirs-kept"])
def test_a_kind_added_on_both_copies_is_joined_with_its_activities_and_targets(
    home: Workspace, away: Workspace, ours_kept: bool
) -> None:
    mine = _add(home, "Hiến máu tình nguyện", "Hiến máu đợt 1", f"10/03/{YEAR}")
    home.plans.create(YEAR)
    target = home.plans.add_target(
        YEAR, {"text": "Tổ chức 4 đợt hiến máu", "planned": "4", "measure": "activities",
               "measure_kind": mine}, home.activities.kind_names(),
    )  # fmt: skip
    theirs = _add(away, "hiến máu tình nguyện", "Hiến máu đợt 2", f"12/05/{YEAR}")
    low, high = "00000000-0000-4000-8000-000000000001", "ffffffff-0000-4000-8000-000000000001"
    _set_kind_id(home, mine, low if ours_kept else high)
    _set_kind_id(away, theirs, high if ours_kept else low)
    kept, dropped = (mine, theirs) if ours_kept else (theirs, mine)
    dry = plan(home, bundle_of(away))
    assert dry.notes == [NOTE.format("hiến máu tình nguyện")]
    assert dry.conflicts == []
    if ours_kept:
        assert "activity_kinds" not in dry.new and "activity_kinds" not in dry.deleted
    else:
        assert dry.new["activity_kinds"] == dry.deleted["activity_kinds"] == 1
        assert dry.updated == {"activities": 1, "plan_targets": 1}
    result = carry(away, home)
    assert result.notes == dry.notes and (result.new, result.deleted) == (dry.new, dry.deleted)
    name = "Hiến máu tình nguyện" if ours_kept else "hiến máu tình nguyện"
    assert _own_kinds(home) == [(kept, name)]
    assert _kinds_of_activities(home) == {"Hiến máu đợt 1": kept, "Hiến máu đợt 2": kept}
    assert home.plans.target(target).measure_kind == kept
    assert [n for n in home.activities.kind_names().values() if "hiến máu" in n.lower()] == [name]
    back = carry(home, away)
    assert back.applied and back.conflicts == []
    assert by_id(home) == by_id(away)
    assert _own_kinds(away) == [(kept, name)]
    assert dropped not in away.activities.kind_names()
    again = carry(away, home)
    assert again.notes == [] and not again.updated and not again.deleted


def test_a_kind_added_on_both_copies_at_once_keeps_the_same_one(
    home: Workspace, away: Workspace
) -> None:
    """Both copies take the other's file made before either import: each keeps the same kind
    (the row of the smaller id), so that the two end equal with one kind."""
    codes = [_add(home, "Lao động công ích", "Hiến máu A", f"01/04/{YEAR}"),
             _add(away, "Lao động công ích", "Hiến máu B", f"02/04/{YEAR}")]  # fmt: skip
    cross(home, away)
    assert carry(away, home).applied
    assert carry(home, away).applied
    assert by_id(home) == by_id(away)
    (kept,) = _own_kinds(home)
    assert kept[0] in codes and _own_kinds(away) == [kept]
    assert set(_kinds_of_activities(home).values()) == {kept[0]}


def test_kinds_of_other_names_are_both_kept(home: Workspace, away: Workspace) -> None:
    codes = [_add(home, "Hiến máu", "Hiến máu 1", f"01/04/{YEAR}"),
             _add(away, "Hiến máu nhân đạo", "Hiến máu 2", f"02/04/{YEAR}")]  # fmt: skip
    result = carry(away, home)
    assert result.notes == [] and result.new["activity_kinds"] == 1
    assert [c for c, _ in _own_kinds(home)] == sorted(codes)


def test_a_kind_the_file_deletes_is_not_joined_with_its_namesake(
    home: Workspace, away: Workspace
) -> None:
    """The other copy deleted the kind both held and added one of that name again: the file's
    deletion is taken and its new kind kept, nothing joined."""
    shared = home.activities.add_kind("Văn nghệ")
    assert carry(home, away).applied
    away.activities.delete_kind(shared)
    again = away.activities.add_kind("Văn nghệ")
    result = carry(away, home)
    assert result.notes == [] and result.deleted == {"activity_kinds": 1}
    assert _own_kinds(home) == [(again, "Văn nghệ")]
