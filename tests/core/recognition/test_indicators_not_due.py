"""A checklist opened for a year not begun yet (as a plan is made for next year): its computed
figures read "chưa đến kỳ", neither met nor failed, as the plan's targets do on the plans page;
and no indicator of an organisation with nothing recorded reads "0/0" or divides by zero."""

from __future__ import annotations

import datetime as dt

from doancoso.core.recognition.indicators import Indicator
from doancoso.core.workspace import Workspace

AS_OF = dt.date(2026, 12, 6)
NEXT = 2027


def _indicator(ws: Workspace, year: int, code: str, as_of: dt.date = AS_OF) -> Indicator:
    view = ws.recognition.view(year, as_of)
    (item,) = [v for v in view.items if v.item.code == code]
    assert item.indicator is not None
    return item.indicator


def _plan_of_next_year(ws: Workspace) -> None:
    ws.plans.create(NEXT)
    kinds = ws.activities.kind_names()
    for target in (
        {"text": "Kết nạp 20 đoàn viên", "planned": "20", "measure": "admissions"},
        {"text": "Tổ chức 4 Ngày Chủ nhật xanh", "planned": "4", "measure": "activities",
         "measure_kind": "chu-nhat-xanh"},
        {"text": "Giới thiệu 2 đoàn viên ưu tú cho Đảng", "planned": "2",
         "measure": "party-introductions"},
    ):  # fmt: skip
        ws.plans.add_target(NEXT, target, kinds)


def test_the_targets_of_a_plan_made_in_advance_are_not_due(ws: Workspace) -> None:
    """Item 2.2 of next year read "Đạt 0/3 chỉ tiêu" (0%, failed) while the plans page says
    "chưa đến kỳ": it now says so too, and is not listed as missing or contradicted."""
    _plan_of_next_year(ws)
    assert ws.plans.get(NEXT, AS_OF) is not None
    assert not ws.plans.get(NEXT, AS_OF).started  # type: ignore[union-attr]
    ws.recognition.open(NEXT)
    ws.recognition.set(NEXT, "2.2", {"status": "dat"})
    indicator = _indicator(ws, NEXT, "2.2")
    assert (indicator.value, indicator.met, indicator.due) == (None, None, False)
    assert indicator.text == "Kế hoạch có 3 chỉ tiêu, chưa đến kỳ đánh giá: năm 2027 chưa bắt đầu."
    view = ws.recognition.view(NEXT, AS_OF)
    (item,) = [v for v in view.items if v.item.code == "2.2"]
    assert not item.contradiction
    assert not [m for m in view.missing() if m.code == "2.2"]
    # On its first day the year has begun: the targets are judged.
    begun = _indicator(ws, NEXT, "2.2", dt.date(NEXT, 1, 1))
    assert (begun.value, begun.met, begun.due) == (0.0, False, True)
    assert begun.text == "Đạt 0/3 chỉ tiêu của kế hoạch."


def test_no_plan_yet_for_a_year_not_begun_is_not_due(ws: Workspace) -> None:
    indicator = _indicator(ws, NEXT, "2.2")
    assert (indicator.value, indicator.met, indicator.due) == (None, None, False)
    assert indicator.text == "Chưa đến kỳ đánh giá: năm 2027 chưa bắt đầu."
