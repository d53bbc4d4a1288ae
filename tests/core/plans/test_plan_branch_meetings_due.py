"""The plan's target "chi đoàn meet every month" before any month of its year has ended: it is
"chưa đến kỳ", as checklist item 2.3 reads, not missed; from 1 February January is judged."""

from __future__ import annotations

import datetime as dt

from doancoso.core.plans.figures import MET, NOT_DUE, NOT_MET, outcome, tally
from doancoso.core.plans.service import PlanInfo
from doancoso.core.workspace import Workspace
from plan_data import held_meeting

YEAR = 2025


def _plan(ws: Workspace, as_of: dt.date) -> PlanInfo:
    plan = ws.plans.get(YEAR, as_of)
    assert plan is not None and plan.started
    return plan


def _item_2_2(ws: Workspace, as_of: dt.date) -> tuple[float | None, bool | None, str]:
    (item,) = [v for v in ws.recognition.view(YEAR, as_of).items if v.item.code == "2.2"]
    assert item.indicator is not None
    return item.indicator.value, item.indicator.met, item.indicator.text


def test_branch_meetings_target_is_not_due_until_january_has_ended(ws: Workspace) -> None:
    """On 1 and 15 January the target read 0% then 50% "chưa đạt" (judged on a month not
    over), and item 2.2 counted it missed ("Đạt 1/2 chỉ tiêu"), while item 2.3 said "Chưa đến
    kỳ đánh giá: tháng 01/2025 chưa kết thúc". It is not due; what was met so far still shows."""
    ap1 = ws.branches.create("Chi đoàn ấp 1").id
    ap2 = ws.branches.create("Chi đoàn ấp 2").id
    ws.plans.create(YEAR)
    kinds = ws.activities.kind_names()
    ws.plans.add_target(YEAR, {"text": "100% chi đoàn sinh hoạt hằng tháng", "criterion": "2",
                               "planned": "100", "unit": "%", "measure": "branch-meetings"},
                        kinds)  # fmt: skip
    ws.plans.add_target(YEAR, {"text": "Giới thiệu 1 đoàn viên ưu tú cho Đảng", "criterion": "3",
                               "planned": "1", "achieved": "1"}, kinds)  # fmt: skip
    held_meeting(ws, ap1, dt.date(YEAR, 1, 10))
    held_meeting(ws, ap2, dt.date(YEAR, 1, 20))
    ws.recognition.open(YEAR)

    for day, so_far in ((dt.date(YEAR, 1, 1), 0.0), (dt.date(YEAR, 1, 15), 50.0)):
        meetings, introductions = _plan(ws, day).targets
        assert (meetings.achieved, meetings.share, meetings.due) == (so_far, None, False)
        assert outcome(meetings) == NOT_DUE
        assert outcome(introductions) == MET
        counts = tally(_plan(ws, day).targets)
        assert (counts.met, counts.not_met, counts.unknown, counts.not_due) == (
            (introductions,), (), (), (meetings,)
        )  # fmt: skip
        assert _item_2_2(ws, day) == (100.0, True, "Đạt 1/1 chỉ tiêu của kế hoạch.")

    # From 1 February January has ended and is judged: both chi đoàn met in it.
    meetings, _ = _plan(ws, dt.date(YEAR, 2, 1)).targets
    assert (meetings.achieved, meetings.share, meetings.due) == (100.0, 1.0, True)
    assert outcome(meetings) == MET
    assert _item_2_2(ws, dt.date(YEAR, 2, 1)) == (100.0, True, "Đạt 2/2 chỉ tiêu của kế hoạch.")
    # On 1 March February is judged: nobody met in it.
    meetings, _ = _plan(ws, dt.date(YEAR, 3, 1)).targets
    assert (meetings.achieved, meetings.share, meetings.due) == (0.0, 0.0, True)
    assert outcome(meetings) == NOT_MET
    assert _item_2_2(ws, dt.date(YEAR, 3, 1)) == (50.0, False, "Đạt 1/2 chỉ tiêu của kế hoạch.")
