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


YEAR_BOUND = ("1.2", "1.4", "2.3", "2.4", "3.1", "3.2", "3.3")
"""The items of the default template whose figure counts what was done in the year."""


def test_every_figure_of_a_year_not_begun_is_not_due(ws: Workspace) -> None:
    """Next year's checklist read "0 văn bản tham mưu trong năm" (failed), "Đã kết nạp 0/20",
    "0%" of chi đoàn meeting monthly…: nothing of a year not begun can have been done. Those
    figures are "chưa đến kỳ"; the roster and the youth register (not of a year) still count."""
    _plan_of_next_year(ws)
    ws.branches.create("Chi đoàn ấp 1")
    view = ws.recognition.view(NEXT, AS_OF)
    by_code = {v.item.code: v.indicator for v in view.items if v.indicator is not None}
    for code in YEAR_BOUND:
        indicator = by_code[code]
        assert (code, indicator.value, indicator.met, indicator.due) == (code, None, None, False)
        assert indicator.text == "Chưa đến kỳ đánh giá: năm 2027 chưa bắt đầu."
    assert not [m for m in view.missing() if m.kind == "indicator" and m.code in YEAR_BOUND]
    assert by_code["1.6"].due and by_code["1.6"].value == 0.0  # the register as it is today
    # Its first day: counted, and what is not done yet reads as such.
    begun = ws.recognition.view(NEXT, dt.date(NEXT, 1, 1))
    (advice,) = [v.indicator for v in begun.items if v.item.code == "3.1"]
    assert advice is not None
    assert (advice.text, advice.met) == ("0 văn bản tham mưu trong năm.", False)


def test_registering_next_years_plan_before_its_deadline_is_not_yet_late(ws: Workspace) -> None:
    """Before the deadline (10/11 of the year before), next year's plan not made or not
    registered yet is not a failure: item 2.1 read "Chưa đạt" from the first day of the year
    before. Once the deadline has passed it is."""
    early = dt.date(2026, 10, 1)
    indicator = _indicator(ws, NEXT, "2.1", early)
    assert (indicator.met, indicator.due) == (None, False)
    assert indicator.text == "Chưa có kế hoạch công tác năm 2027 (hạn đăng ký 10/11/2026)."
    _plan_of_next_year(ws)
    indicator = _indicator(ws, NEXT, "2.1", early)
    assert (indicator.met, indicator.due) == (None, False)
    assert indicator.text == (
        "Kế hoạch năm 2027 chưa đăng ký với cấp trên (hạn 10/11/2026: chưa đến hạn)."
    )
    late = _indicator(ws, NEXT, "2.1", AS_OF)
    assert (late.met, late.due) == (False, True)
    assert late.text == "Kế hoạch năm 2027 chưa đăng ký với cấp trên (hạn 10/11/2026)."
    # A deadline in the plan's own year (31/01): this year's plan on 06/01 is not late yet.
    ws.plans.set_registration_deadline(31, 1, in_plan_year=True)
    ws.plans.create(2026)
    january = _indicator(ws, 2026, "2.1", dt.date(2026, 1, 6))
    assert (january.met, january.due) == (None, False)
    assert _indicator(ws, 2026, "2.1", dt.date(2026, 2, 1)).met is False


def test_a_rating_round_that_covers_nobody_is_not_said_missing(ws: Workspace) -> None:
    """An organisation with no members opened this year's rating round: item 1.2 said "Chưa có
    đợt xếp loại đoàn viên năm 2026." (there is one) and "Chưa đạt"; there is nobody to remark
    on, so nothing to judge — and never "0/0"."""
    ws.rating.open(2026)
    indicator = _indicator(ws, 2026, "1.2")
    assert (indicator.value, indicator.met) == (None, None)
    assert indicator.text == "Đợt xếp loại năm 2026 chưa có đoàn viên nào thuộc diện xếp loại."


def test_nothing_recorded_reads_no_zero_over_zero(ws: Workspace) -> None:
    """An organisation with no members, no activities, no plan this year: no figure is "0/0",
    "nan" or a division by zero, in the indicators or in what is said missing."""
    view = ws.recognition.view(2026, AS_OF)
    said = [v.indicator.text for v in view.items if v.indicator is not None]
    said += [m.message for m in view.missing()]
    assert said and not [t for t in said if "0/0" in t or "nan" in t.lower()]


def test_a_plan_whose_only_measured_target_is_not_due_yet_is_not_due(ws: Workspace) -> None:
    """In January a plan whose only measured target is "chi đoàn meet every month" (not due
    until January has ended) read "Kế hoạch năm 2026 chưa có chỉ tiêu đo được." and failed item
    2.2, as if it had none. It is not due yet, in the words of the other figures not due; from
    31 January the target is judged."""
    ws.branches.create("Chi đoàn ấp 1")
    ws.plans.create(2026)
    ws.plans.add_target(2026, {"text": "100% chi đoàn sinh hoạt hằng tháng", "planned": "100",
                               "unit": "%", "measure": "branch-meetings"},
                        ws.activities.kind_names())  # fmt: skip
    ws.recognition.open(2026)
    ws.recognition.set(2026, "2.2", {"status": "dat"})
    for day in (dt.date(2026, 1, 1), dt.date(2026, 1, 30)):
        indicator = _indicator(ws, 2026, "2.2", day)
        assert (indicator.value, indicator.met, indicator.due) == (None, None, False)
        assert indicator.text == (
            "Kế hoạch có 1 chỉ tiêu, chưa đến kỳ đánh giá: tháng 01/2026 chưa kết thúc."
        )
        view = ws.recognition.view(2026, day)
        (item,) = [v for v in view.items if v.item.code == "2.2"]
        assert not item.contradiction
        assert not [m for m in view.missing() if m.code == "2.2"]
    judged = _indicator(ws, 2026, "2.2", dt.date(2026, 1, 31))
    assert (judged.value, judged.met, judged.due) == (0.0, False, True)
    assert judged.text == "Đạt 0/1 chỉ tiêu của kế hoạch."
