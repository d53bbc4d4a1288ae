"""A record deleted on one copy with what it holds (a plan with its targets, an activity with its
dates and their attendance) and changed on the other, kept by the user's choice ("Giữ lại"):
what it held is kept with it on both copies, never a plan brought back without its targets
whose deletion then travels to the other copy (issue #17: "never a silent loss"). A target
deleted on its own before stays deleted."""

from __future__ import annotations

from bundle_sync import by_id, carry, live_ids
from doancoso.core.workspace import Workspace
from stored import plan_of

YEAR = 2028
TARGETS = ("Kết nạp 20 đoàn viên mới", "Trồng 500 cây xanh", "Hiến 50 đơn vị máu")


def _plan(home: Workspace, away: Workspace) -> tuple[str, list[str]]:
    """The plan of :data:`YEAR` with its three targets, on both copies."""
    plan_id = home.plans.create(YEAR).id
    kinds = home.activities.kind_names()
    targets = [home.plans.add_target(YEAR, {"text": t}, kinds) for t in TARGETS]
    assert carry(home, away).applied
    return plan_id, targets


def _live_targets(ws: Workspace, plan_id: str) -> list[str]:
    return live_ids(ws, "plan_targets", "plan_id", plan_id)


def test_a_plan_deleted_here_and_kept_by_choice_comes_back_with_its_targets(
    home: Workspace, away: Workspace
) -> None:
    plan_id, targets = _plan(home, away)
    away.plans.delete(YEAR)
    home.plans.save(YEAR, {"title": "Kế hoạch sửa"})
    result = carry(home, away, on_conflict="theirs")  # "Giữ lại"
    assert [c.table for c in result.conflicts] == ["plans"]
    assert result.updated == {"plans": 1, "plan_targets": 3}
    assert _live_targets(away, plan_id) == sorted(targets)
    assert carry(away, home).applied
    assert _live_targets(home, plan_id) == sorted(targets)  # not deleted there by the way back
    assert by_id(home) == by_id(away)
    assert carry(home, away).updated == {}


def test_a_plan_deleted_there_and_kept_by_choice_keeps_its_targets(
    home: Workspace, away: Workspace
) -> None:
    plan_id, targets = _plan(home, away)
    home.plans.delete(YEAR)
    away.plans.save(YEAR, {"title": "Kế hoạch sửa"})
    result = carry(home, away, on_conflict="mine")  # "Giữ lại", the file having deleted it
    assert "plan_targets" not in result.deleted
    assert _live_targets(away, plan_id) == sorted(targets)
    assert carry(away, home).applied  # ours, new versions above the file's tombstones
    assert _live_targets(home, plan_id) == sorted(targets)
    assert plan_of(home, YEAR).title == "Kế hoạch sửa"
    assert by_id(home) == by_id(away)


def test_a_target_deleted_on_its_own_before_stays_deleted(home: Workspace, away: Workspace) -> None:
    plan_id, targets = _plan(home, away)
    away.plans.delete_target(targets[0])  # alone, a moment before the plan
    away.plans.delete(YEAR)
    home.plans.save(YEAR, {"title": "Kế hoạch sửa"})
    assert carry(home, away, on_conflict="theirs").applied
    assert _live_targets(away, plan_id) == sorted(targets[1:])
    assert carry(away, home).applied
    assert _live_targets(home, plan_id) == sorted(targets[1:])
    assert by_id(home) == by_id(away)


def test_an_activity_deleted_here_and_kept_by_choice_comes_back_with_its_attendance(
    home: Workspace, away: Workspace
) -> None:
    activity, _dates = home.activities.save(
        {"title": "Giúp dân thu hoạch lúa", "kind": "Khác", "start_date": "05/03/2026"}
    )
    (occurrence,) = home.activities.occurrence_ids_of(activity)
    present = [m.id for m in home.members.list()[:3]]
    home.attendance.save(occurrence, {m: ("present", None) for m in present})
    assert carry(home, away).applied
    away.activities.delete(activity)
    home.activities.save(
        {"title": "Giúp dân thu hoạch lúa vụ hè thu", "kind": "Khác",
         "start_date": "05/03/2026"},
        activity,
    )  # fmt: skip
    assert carry(home, away, on_conflict="theirs").applied
    assert live_ids(away, "occurrences", "activity_id", activity) == [occurrence]
    assert sorted(live_ids(away, "attendance", "occurrence_id", occurrence)) == sorted(
        live_ids(home, "attendance", "occurrence_id", occurrence)
    )
    assert len(live_ids(away, "attendance", "occurrence_id", occurrence)) == 3
    assert carry(away, home).applied
    assert len(live_ids(home, "attendance", "occurrence_id", occurrence)) == 3
    assert by_id(home) == by_id(away)
