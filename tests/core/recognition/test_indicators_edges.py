"""The checklist's figures at the edges of a year and a month: on 1 January nothing of the year
has ended, on the first of a month the month before has, on 31 December the whole year has; a
year past is read whole."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from doancoso.core.organization import OrganizationInfo
from doancoso.core.recognition.indicators import Indicator
from doancoso.core.storage import models
from doancoso.core.workspace import Workspace
from plan_data import held_meeting

YEAR = 2025
TAN_HUNG = OrganizationInfo(name="Đoàn xã Tân Hưng", superior_name="Tỉnh đoàn Cà Mau")
TYPED_15_07 = (
    "chi đoàn mới: thêm vào ứng dụng ngày 15/07/2025, hơn một tháng sau khi đơn vị bắt đầu "
    "dùng ứng dụng"
)


def _indicator(ws: Workspace, code: str, as_of: dt.date, year: int = YEAR) -> Indicator:
    (item,) = [v for v in ws.recognition.view(year, as_of).items if v.item.code == code]
    assert item.indicator is not None
    return item.indicator


def test_branch_meetings_are_not_due_until_the_first_month_has_ended(ws: Workspace) -> None:
    """Item 2.3 counts the chi đoàn that met in every month ended. On 1 and 15 January no month
    has ended: it read "0/2 chi đoàn sinh hoạt đủ hằng tháng (0%)" in red, then "1/2" once one
    had met, a failure listed under "Còn thiếu" for a month not over. It is "chưa đến kỳ", as
    a year not begun reads, and says who has met so far; from 1 February January is judged."""
    ap1 = ws.branches.create("Chi đoàn ấp 1").id
    ap2 = ws.branches.create("Chi đoàn ấp 2").id
    for month in range(1, 13):
        held_meeting(ws, ap1, dt.date(YEAR, month, 10))
    held_meeting(ws, ap2, dt.date(YEAR, 1, 20))  # then never again
    ws.recognition.open(YEAR)
    ws.recognition.set(YEAR, "2.3", {"status": "dat"})
    for day, met_so_far in ((dt.date(YEAR, 1, 1), 0), (dt.date(YEAR, 1, 15), 1)):
        indicator = _indicator(ws, "2.3", day)
        assert (indicator.value, indicator.met, indicator.due) == (None, None, False)
        assert indicator.text == (
            f"Chưa đến kỳ đánh giá: tháng 01/{YEAR} chưa kết thúc ({met_so_far}/2 chi đoàn đã "
            "sinh hoạt trong tháng)."
        )
        view = ws.recognition.view(YEAR, day)
        (item,) = [v for v in view.items if v.item.code == "2.3"]
        assert not item.contradiction
        assert not [m for m in view.missing() if m.code == "2.3"]
    february = _indicator(ws, "2.3", dt.date(YEAR, 2, 1))
    assert (february.value, february.met, february.due) == (100.0, True, True)
    assert february.text == "2/2 chi đoàn sinh hoạt đủ hằng tháng (100,0%)."
    december = _indicator(ws, "2.3", dt.date(YEAR, 12, 31))
    assert (december.value, december.met, december.due) == (50.0, False, True)
    assert december.text == "1/2 chi đoàn sinh hoạt đủ hằng tháng (50,0%)."
    # A year past is read whole, whatever day it is read on.
    later = dt.date(YEAR + 1, 1, 1)
    assert _indicator(ws, "2.3", later) == replace(december, computed_on=later)


def _typed_on(monkeypatch: pytest.MonkeyPatch, day: dt.date) -> None:
    """What is written from now on is stamped as typed in on ``day`` (the storage's clock)."""
    monkeypatch.setattr(models, "utc_now", lambda: dt.datetime.combine(day, dt.time(3, 0)))


def _new_chi_doan(empty_ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    """The organisation set up in the app on 05/01/2025 with "Chi đoàn ấp 1" (meeting every
    month of 2025), and "Chi đoàn Khu công nghiệp" typed in on 15/07/2025."""
    _typed_on(monkeypatch, dt.date(YEAR, 1, 5))
    empty_ws.organization.create(TAN_HUNG)
    old = empty_ws.branches.create("Chi đoàn ấp 1").id
    _typed_on(monkeypatch, dt.date(YEAR, 7, 15))
    new = empty_ws.branches.create("Chi đoàn Khu công nghiệp").id
    monkeypatch.undo()
    for month in range(1, 13):
        held_meeting(empty_ws, old, dt.date(YEAR, month, 10))
    return old, new


def test_a_chi_doan_added_during_the_year_is_judged_from_its_first_whole_month(
    empty_ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A chi đoàn typed in on 15/07, half a year after the organisation was set up in the app,
    was held to every month since January: it could never reach 100% that year. It is judged
    on the months it was there for whole (from August), and the figure says so."""
    ws = empty_ws
    _, new = _new_chi_doan(ws, monkeypatch)
    for month in range(8, 13):
        held_meeting(ws, new, dt.date(YEAR, month, 10))
    note = f"Chi đoàn Khu công nghiệp tính từ tháng 08/2025 ({TYPED_15_07})"
    december = _indicator(ws, "2.3", dt.date(YEAR, 12, 31))
    assert (december.value, december.met) == (100.0, True)
    assert december.text == f"2/2 chi đoàn sinh hoạt đủ hằng tháng (100,0%); {note}."
    assert _indicator(ws, "2.3", dt.date(YEAR, 9, 1)).text == (
        f"2/2 chi đoàn sinh hoạt đủ hằng tháng (100,0%); {note}."
    )
    # On 01/08 none of its months has ended: it is not counted yet, and that is said.
    august = _indicator(ws, "2.3", dt.date(YEAR, 8, 1))
    assert (august.value, august.met) == (100.0, True)
    assert august.text == (
        "1/1 chi đoàn sinh hoạt đủ hằng tháng (100,0%); Chi đoàn Khu công nghiệp chưa tính "
        f"({TYPED_15_07})."
    )
    # The year before it was typed in, it is not counted at all.
    before = _indicator(ws, "2.3", dt.date(YEAR - 1, 12, 31), YEAR - 1)
    assert before.text == (
        "0/1 chi đoàn sinh hoạt đủ hằng tháng (0,0%); Chi đoàn Khu công nghiệp chưa tính "
        f"({TYPED_15_07})."
    )


def test_a_chi_doan_added_during_the_year_that_misses_a_month_fails(
    empty_ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its months from August count as any other's: September missed is a failure; and a
    meeting of it recorded before it was typed in (10/03) shows it was there then: it is held
    to every month from April."""
    ws = empty_ws
    _, new = _new_chi_doan(ws, monkeypatch)
    for month in (8, 10, 11, 12):
        held_meeting(ws, new, dt.date(YEAR, month, 10))
    december = _indicator(ws, "2.3", dt.date(YEAR, 12, 31))
    assert (december.value, december.met) == (50.0, False)
    assert december.text == (
        "1/2 chi đoàn sinh hoạt đủ hằng tháng (50,0%); Chi đoàn Khu công nghiệp tính từ tháng "
        f"08/2025 ({TYPED_15_07})."
    )
    held_meeting(ws, new, dt.date(YEAR, 9, 10))
    assert _indicator(ws, "2.3", dt.date(YEAR, 12, 31)).value == 100.0
    held_meeting(ws, new, dt.date(YEAR, 3, 10))
    earlier = _indicator(ws, "2.3", dt.date(YEAR, 12, 31))
    assert (earlier.value, earlier.met) == (50.0, False)
    assert earlier.text == (
        "1/2 chi đoàn sinh hoạt đủ hằng tháng (50,0%); Chi đoàn Khu công nghiệp tính từ tháng "
        "04/2025 (chi đoàn mới: hoạt động đầu tiên ngày 10/03/2025)."
    )


def test_a_chi_doan_typed_in_while_the_organisation_is_set_up_is_held_to_every_month(
    empty_ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Installed in December, the secretary types in the chi đoàn that have long existed: the
    day they were typed in is not when they were founded. Those typed in within a month of the
    organisation's setup are held to every month of the year, as before."""
    ws = empty_ws
    _typed_on(monkeypatch, dt.date(YEAR, 12, 1))
    ws.organization.create(TAN_HUNG)
    ap1 = ws.branches.create("Chi đoàn ấp 1").id
    _typed_on(monkeypatch, dt.date(YEAR, 12, 20))
    ws.branches.create("Chi đoàn ấp 2")
    monkeypatch.undo()
    for month in range(1, 13):
        held_meeting(ws, ap1, dt.date(YEAR, month, 10))
    december = _indicator(ws, "2.3", dt.date(YEAR, 12, 31))
    assert (december.value, december.met) == (50.0, False)
    assert december.text == "1/2 chi đoàn sinh hoạt đủ hằng tháng (50,0%)."


def test_only_new_chi_doan_none_of_whose_months_has_ended_are_not_due(
    empty_ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its only chi đoàn typed in on 15/07: on 01/08 none has a whole month behind it. Not
    "0/0" nor a failure: not due yet, and why."""
    ws = empty_ws
    _typed_on(monkeypatch, dt.date(YEAR, 1, 5))
    ws.organization.create(TAN_HUNG)
    _typed_on(monkeypatch, dt.date(YEAR, 7, 15))
    ws.branches.create("Chi đoàn Khu công nghiệp")
    monkeypatch.undo()
    august = _indicator(ws, "2.3", dt.date(YEAR, 8, 1))
    assert (august.value, august.met, august.due) == (None, None, False)
    assert august.text == (
        "Chưa đến kỳ đánh giá: chi đoàn chưa qua trọn tháng nào; Chi đoàn Khu công nghiệp chưa "
        f"tính ({TYPED_15_07})."
    )
    september = _indicator(ws, "2.3", dt.date(YEAR, 9, 1))
    assert (september.value, september.met, september.due) == (0.0, False, True)


def test_a_chi_doan_added_or_deleted_changes_the_figure_at_once(ws: Workspace) -> None:
    """Item 2.3's figure is kept until what it reads changes: it read the chi đoàn but did not
    follow them, so a chi đoàn added after the checklist was read left "1/1" until something
    else changed; and a meeting moved to another chi đoàn (the activity, not its dates)."""
    ap1 = ws.branches.create("Chi đoàn ấp 1").id
    december = [held_meeting(ws, ap1, dt.date(YEAR, month, 10)) for month in range(1, 13)][-1]
    day = dt.date(YEAR, 12, 31)
    assert _indicator(ws, "2.3", day).text == "1/1 chi đoàn sinh hoạt đủ hằng tháng (100,0%)."
    ap2 = ws.branches.create("Chi đoàn ấp 2").id
    assert _indicator(ws, "2.3", day).text == "1/2 chi đoàn sinh hoạt đủ hằng tháng (50,0%)."
    ws.branches.delete(ap2)
    assert _indicator(ws, "2.3", day).text == "1/1 chi đoàn sinh hoạt đủ hằng tháng (100,0%)."
    ap3 = ws.branches.create("Chi đoàn ấp 3").id
    ws.activities.save({"title": "Sinh hoạt chi đoàn", "kind": "sinh-hoat",
                        "start_date": "10/12/2025", "branch_ids": [ap3]}, december)  # fmt: skip
    assert _indicator(ws, "2.3", day).text == "0/2 chi đoàn sinh hoạt đủ hằng tháng (0,0%)."


def test_a_year_without_a_plan_says_there_is_no_plan(ws: Workspace) -> None:
    """A year past with no plan: item 2.1 said "Chưa có kế hoạch công tác năm 2025." while 2.2
    said "Kế hoạch năm 2025 chưa có chỉ tiêu đo được." and 1.4 "kế hoạch năm 2025 chưa có chỉ
    tiêu kết nạp", as if a plan existed. They say there is none; a plan without such targets
    still reads as before."""
    day = dt.date(YEAR + 1, 1, 1)
    assert _indicator(ws, "2.1", day).text == "Chưa có kế hoạch công tác năm 2025."
    targets = _indicator(ws, "2.2", day)
    assert (targets.text, targets.met) == ("Chưa có kế hoạch công tác năm 2025.", False)
    admissions = _indicator(ws, "1.4", day)
    assert (admissions.text, admissions.met) == (
        "Đã kết nạp 0 đoàn viên; chưa có kế hoạch công tác năm 2025.",
        False,
    )
    ws.plans.create(YEAR)
    assert _indicator(ws, "2.2", day).text == "Kế hoạch năm 2025 chưa có chỉ tiêu đo được."
    assert _indicator(ws, "1.4", day).text == (
        "Đã kết nạp 0 đoàn viên; kế hoạch năm 2025 chưa có chỉ tiêu kết nạp."
    )


def test_the_years_counts_hold_its_first_and_last_days(ws: Workspace) -> None:
    """What was done on 01/01 counts from that day, what was done on 31/12 on that day and in
    the year read afterwards; the days either side belong to the years either side."""
    ap1 = ws.branches.create("Chi đoàn ấp 1").id
    ws.plans.create(YEAR)
    ws.plans.add_target(YEAR, {"text": "Kết nạp 4 đoàn viên", "planned": "4",
                               "measure": "admissions"}, ws.activities.kind_names())  # fmt: skip
    days = ("31/12/2024", "01/01/2025", "31/12/2025", "01/01/2026")
    for n, day in enumerate(days):
        given = ("An", "Bình", "Chi", "Dũng")[n]
        member = ws.members.save({"full_name": f"Lê Văn {given}", "birth_date": "01/01/2000",
                                  "branch_id": ap1})  # fmt: skip
        ws.events.record(member, "admission", day, place="Đoàn xã")
        elder = ws.members.save({"full_name": f"Trần Thị {given}", "birth_date": "01/01/1998",
                                 "branch_id": ap1})  # fmt: skip
        ws.events.record(elder, "admission", "01/03/2015", place="Đoàn xã")
        ws.events.record(elder, "party_introduction", day)
        ws.registers.save_advice({"day": day, "title": f"Tờ trình {n}"})
        ws.registers.save_coordination({"day": day, "partner": "Công an xã",
                                        "title": f"Phối hợp {n}"})  # fmt: skip
        activity_id, _ = ws.activities.save({"title": "Ngày Chủ nhật xanh", "kind": "chu-nhat-xanh",
                                             "start_date": day})  # fmt: skip
        the_day = dt.datetime.strptime(day, "%d/%m/%Y").date()
        (occurrence,) = ws.activities.occurrences(the_day, the_day)
        assert occurrence.activity_id == activity_id
        ws.activities.update_occurrence(occurrence.id, {"status": "da-thuc-hien"})
    expected = {"1.4": "Đã kết nạp {}/4 đoàn viên theo chỉ tiêu.",
                "2.4": "{} hoạt động “Ngày Chủ nhật xanh” đã thực hiện trong năm.",
                "3.1": "{} văn bản tham mưu trong năm.",
                "3.2": "{} đoàn viên ưu tú được giới thiệu cho Đảng trong năm.",
                "3.3": "{} chương trình phối hợp trong năm."}  # fmt: skip
    for as_of, count in (
        (dt.date(YEAR, 1, 1), 1),
        (dt.date(YEAR, 6, 1), 1),
        (dt.date(YEAR, 12, 30), 1),
        (dt.date(YEAR, 12, 31), 2),
        (dt.date(YEAR + 1, 3, 1), 2),  # a year past, read whole
    ):
        view = ws.recognition.view(YEAR, as_of)
        said = {v.item.code: v.indicator.text for v in view.items if v.indicator is not None}
        assert {code: said[code] for code in expected} == {
            code: text.format(count) for code, text in expected.items()
        }, as_of


def test_a_roster_changed_after_the_day_counted_is_not_minus_months_old(ws: Workspace) -> None:
    """Item 1.1 counts the months since the roster last changed. A change stamped after the
    day counted (a bundle from a computer whose clock runs ahead) read "-0,5 tháng / ≤ 3
    tháng": it is as fresh as can be, 0 months."""
    ap1 = ws.branches.create("Chi đoàn ấp 1").id
    member = ws.members.save(
        {"full_name": "Nguyễn Văn An", "birth_date": "01/01/2000", "branch_id": ap1}
    )
    with ws.db.raw() as cursor:
        cursor.execute(
            "UPDATE members SET updated_at = '2025-07-01 03:00:00.000000' WHERE id = ?", (member,)
        )
    early = _indicator(ws, "1.1", dt.date(YEAR, 6, 15))
    assert (early.value, early.met) == (0.0, True)
    assert early.text == "Cập nhật lần cuối ngày 01/07/2025."
    later = _indicator(ws, "1.1", dt.date(YEAR, 12, 31))
    assert (later.value, later.met) == (6.0, False)
