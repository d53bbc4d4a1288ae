"""Item 2.3 (chi đoàn meeting every month) over the months each chi đoàn was there: one deleted
(or merged away) during the year is held to, and credited for, the whole months before it went;
one typed in late is held from its first whole month, and the figure says why."""

from __future__ import annotations

import datetime as dt

import pytest

from doancoso.core.organization import OrganizationInfo
from doancoso.core.recognition.indicators import Indicator
from doancoso.core.storage import models
from doancoso.core.workspace import Workspace
from plan_data import held_meeting

YEAR = 2025
TAN_HUNG = OrganizationInfo(name="Đoàn xã Tân Hưng", superior_name="Tỉnh đoàn Cà Mau")


def _indicator(ws: Workspace, as_of: dt.date, year: int = YEAR) -> Indicator:
    (item,) = [v for v in ws.recognition.view(year, as_of).items if v.item.code == "2.3"]
    assert item.indicator is not None
    return item.indicator


def _on(monkeypatch: pytest.MonkeyPatch, day: dt.date) -> None:
    """What is written from now on is stamped on ``day`` (the storage's clock)."""
    monkeypatch.setattr(models, "utc_now", lambda: dt.datetime.combine(day, dt.time(3, 0)))


def _set_up(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch, *names: str, day: dt.date = dt.date(YEAR, 1, 5)
) -> list[str]:
    """The organisation set up in the app on ``day`` with the chi đoàn ``names``."""
    _on(monkeypatch, day)
    ws.organization.create(TAN_HUNG)
    ids = [ws.branches.create(name).id for name in names]
    monkeypatch.undo()
    return ids


def _meets(ws: Workspace, branch: str, months: range | list[int]) -> None:
    for month in months:
        held_meeting(ws, branch, dt.date(YEAR, month, 10))


def test_a_chi_doan_deleted_in_june_is_held_to_the_months_before(
    empty_ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ấp 2 missed March and was deleted on 10/06; ấp 3 met every month until it was deleted
    the same day. Both dropped out of item 2.3 ("1/1"), as if ấp 2 had never missed March.
    Each is held to January–May: ấp 2 failed, ấp 3 met, and the figure says until when."""
    ws = empty_ws
    ap1, ap2, ap3 = _set_up(ws, monkeypatch, "Chi đoàn ấp 1", "Chi đoàn ấp 2", "Chi đoàn ấp 3")
    _meets(ws, ap1, range(1, 13))
    _meets(ws, ap2, [1, 2, 4, 5, 6])
    _meets(ws, ap3, range(1, 7))
    _on(monkeypatch, dt.date(YEAR, 6, 10))
    ws.branches.delete(ap2)
    ws.branches.delete(ap3)
    monkeypatch.undo()
    gone = (
        "; Chi đoàn ấp 2 tính đến tháng 05/2025 (xóa khỏi danh sách ngày 10/06/2025)"
        "; Chi đoàn ấp 3 tính đến tháng 05/2025 (xóa khỏi danh sách ngày 10/06/2025)"
    )
    december = _indicator(ws, dt.date(YEAR, 12, 31))
    assert (december.value, december.met) == (66.7, False)
    assert december.text == f"2/3 chi đoàn sinh hoạt đủ hằng tháng (66,7%){gone}."
    # Read as it stood on 30/04, before they went: held to January–April like any other.
    april = _indicator(ws, dt.date(YEAR, 4, 30))
    assert april.text == "2/3 chi đoàn sinh hoạt đủ hằng tháng (66,7%)."
    # The year after, they are gone: not counted, not named.
    assert _indicator(ws, dt.date(YEAR + 1, 12, 31), YEAR + 1).text == (
        "0/1 chi đoàn sinh hoạt đủ hằng tháng (0,0%)."
    )


def test_a_chi_doan_deleted_the_year_after_counts_whole_in_its_last_year(
    empty_ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A chi đoàn that met every month of 2025 and was deleted in February 2026: 2025, read
    afterwards (as the superior body checks a year past), still counts it, whole."""
    ws = empty_ws
    ap1, ap2 = _set_up(ws, monkeypatch, "Chi đoàn ấp 1", "Chi đoàn ấp 2")
    _meets(ws, ap1, range(1, 13))
    _meets(ws, ap2, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])  # December missed
    _on(monkeypatch, dt.date(YEAR + 1, 2, 3))
    ws.branches.delete(ap2)
    monkeypatch.undo()
    past = _indicator(ws, dt.date(YEAR + 1, 3, 1))
    assert (past.value, past.met) == (50.0, False)
    assert past.text == "1/2 chi đoàn sinh hoạt đủ hằng tháng (50,0%)."


def test_a_chi_doan_merged_away_counts_until_the_merge(
    empty_ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A chi đoàn merged into another on 20/09 goes from the list as a deleted one does: its
    months until August count."""
    ws = empty_ws
    ap1, ap2 = _set_up(ws, monkeypatch, "Chi đoàn ấp 1", "Chi đoàn ấp 2")
    _meets(ws, ap1, range(1, 13))
    _meets(ws, ap2, [1, 2, 3, 4, 5, 6, 7])  # August missed
    _on(monkeypatch, dt.date(YEAR, 9, 20))
    ws.branches.merge(ap2, ap1)
    monkeypatch.undo()
    december = _indicator(ws, dt.date(YEAR, 12, 31))
    assert (december.value, december.met) == (50.0, False)
    assert december.text == (
        "1/2 chi đoàn sinh hoạt đủ hằng tháng (50,0%); Chi đoàn ấp 2 tính đến tháng 08/2025 "
        "(xóa khỏi danh sách ngày 20/09/2025)."
    )


def test_a_chi_doan_deleted_before_a_month_of_it_ended_is_not_counted(
    empty_ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Set up in the app in 2024, ấp 2 deleted on 20/01/2025: no month of 2025 was whole
    while it was there, so it is not counted, and the figure says so. One typed in by mistake
    and deleted within its first month in the app is never counted, nor named."""
    ws = empty_ws
    set_up = dt.date(YEAR - 1, 11, 1)
    ap1, ap2 = _set_up(ws, monkeypatch, "Chi đoàn ấp 1", "Chi đoàn ấp 2", day=set_up)
    _meets(ws, ap1, range(1, 13))
    _on(monkeypatch, dt.date(YEAR, 1, 20))
    ws.branches.delete(ap2)
    typo = ws.branches.create("Chi đoàn ấp 22").id
    _on(monkeypatch, dt.date(YEAR, 1, 21))
    ws.branches.delete(typo)
    monkeypatch.undo()
    december = _indicator(ws, dt.date(YEAR, 12, 31))
    assert (december.value, december.met) == (100.0, True)
    assert december.text == (
        "1/1 chi đoàn sinh hoạt đủ hằng tháng (100,0%); Chi đoàn ấp 2 không tính (xóa khỏi "
        "danh sách ngày 20/01/2025)."
    )


def test_a_chi_doan_added_then_deleted_in_the_year_counts_between(
    empty_ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Typed in on 15/07 and deleted on 10/11: held to August–October, and both are said."""
    ws = empty_ws
    (ap1,) = _set_up(ws, monkeypatch, "Chi đoàn ấp 1")
    _on(monkeypatch, dt.date(YEAR, 7, 15))
    new = ws.branches.create("Chi đoàn Khu công nghiệp").id
    monkeypatch.undo()
    _meets(ws, ap1, range(1, 13))
    _meets(ws, new, [8, 9, 10])
    _on(monkeypatch, dt.date(YEAR, 11, 10))
    ws.branches.delete(new)
    monkeypatch.undo()
    december = _indicator(ws, dt.date(YEAR, 12, 31))
    assert (december.value, december.met) == (100.0, True)
    assert december.text == (
        "2/2 chi đoàn sinh hoạt đủ hằng tháng (100,0%); Chi đoàn Khu công nghiệp tính từ tháng "
        "08/2025 đến tháng 10/2025 (chi đoàn mới: thêm vào ứng dụng ngày 15/07/2025, hơn một tháng "
        "sau khi đơn vị bắt đầu dùng ứng dụng; xóa khỏi danh sách ngày 10/11/2025)."
    )


def _typed_on_20_march(ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    """Set up on 05/01/2025 with ấp 1 (meeting every month); "Chi đoàn Khu công nghiệp"
    typed in on 20/03/2025, with no activity of its own before."""
    (ap1,) = _set_up(ws, monkeypatch, "Chi đoàn ấp 1")
    _on(monkeypatch, dt.date(YEAR, 3, 20))
    new = ws.branches.create("Chi đoàn Khu công nghiệp").id
    monkeypatch.undo()
    _meets(ws, ap1, range(1, 13))
    return ap1, new


NEW_SINCE_APRIL = (
    "Chi đoàn Khu công nghiệp tính từ tháng 04/2025 (chi đoàn mới: thêm vào ứng dụng ngày "
    "20/03/2025, hơn một tháng sau khi đơn vị bắt đầu dùng ứng dụng)"
)


def test_a_chi_doan_typed_in_on_20_march_is_held_from_april(
    empty_ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Typed in on 20/03, more than a month after the organisation was set up in the app: it is
    held from April, its first whole month, not from January nor from March; and the figure
    says why ("ghi nhận từ 20/03/2025" did not), the same words wherever it is read."""
    ws = empty_ws
    _, new = _typed_on_20_march(ws, monkeypatch)
    _meets(ws, new, range(4, 13))
    december = _indicator(ws, dt.date(YEAR, 12, 31))
    assert (december.value, december.met) == (100.0, True)
    assert december.text == f"2/2 chi đoàn sinh hoạt đủ hằng tháng (100,0%); {NEW_SINCE_APRIL}."
    # March ended, April not yet: not counted yet, and why.
    march = _indicator(ws, dt.date(YEAR, 4, 29))
    assert march.text == (
        "1/1 chi đoàn sinh hoạt đủ hằng tháng (100,0%); Chi đoàn Khu công nghiệp chưa tính "
        "(chi đoàn mới: thêm vào ứng dụng ngày 20/03/2025, hơn một tháng sau khi đơn vị bắt "
        "đầu dùng ứng dụng)."
    )
    # On 30/04 April has ended: counted from then.
    april = _indicator(ws, dt.date(YEAR, 4, 30))
    assert april.text == f"2/2 chi đoàn sinh hoạt đủ hằng tháng (100,0%); {NEW_SINCE_APRIL}."


@pytest.mark.parametrize(("missed", "met"), [(4, False), (12, False), (3, True)])
def test_the_months_a_chi_doan_typed_in_on_20_march_is_held_to(
    empty_ws: Workspace, monkeypatch: pytest.MonkeyPatch, missed: int, met: bool
) -> None:
    """April and December missed fail it; March (before its first whole month) does not."""
    ws = empty_ws
    _, new = _typed_on_20_march(ws, monkeypatch)
    _meets(ws, new, [m for m in range(4, 13) if m != missed])
    december = _indicator(ws, dt.date(YEAR, 12, 31))
    assert (december.value, december.met) == ((100.0, True) if met else (50.0, False))
    share = (
        "2/2 chi đoàn sinh hoạt đủ hằng tháng (100,0%)"
        if met
        else ("1/2 chi đoàn sinh hoạt đủ hằng tháng (50,0%)")
    )
    assert december.text == f"{share}; {NEW_SINCE_APRIL}."


def test_a_chi_doan_whose_first_activity_came_before_it_was_typed_in_says_so(
    empty_ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its first meeting recorded on 10/02, before it was typed in: held from March, and the
    figure names that meeting as what it is counted from."""
    ws = empty_ws
    _, new = _typed_on_20_march(ws, monkeypatch)
    _meets(ws, new, range(2, 13))
    december = _indicator(ws, dt.date(YEAR, 12, 31))
    assert december.text == (
        "2/2 chi đoàn sinh hoạt đủ hằng tháng (100,0%); Chi đoàn Khu công nghiệp tính từ tháng "
        "03/2025 (chi đoàn mới: hoạt động đầu tiên ngày 10/02/2025)."
    )


def test_the_chi_doan_named_are_in_vietnamese_order_as_the_plans_page_names_them(
    empty_ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """d before đ: "Chi đoàn ấp Dinh Điền" before "Chi đoàn ấp Đầu Sấu" (a folded name put đ
    with d, and Đầu before Dinh); each held to the months the plans page says."""
    ws = empty_ws
    ap1, dau_sau = _set_up(ws, monkeypatch, "Chi đoàn ấp 1", "Chi đoàn ấp Đầu Sấu")
    _on(monkeypatch, dt.date(YEAR, 6, 10))
    ws.branches.delete(dau_sau)
    _on(monkeypatch, dt.date(YEAR, 7, 15))
    dinh_dien = ws.branches.create("Chi đoàn ấp Dinh Điền").id
    _on(monkeypatch, dt.date(YEAR, 11, 20))
    ws.branches.create("Chi đoàn ấp Cái Rô")
    monkeypatch.undo()
    _meets(ws, ap1, range(1, 13))
    _meets(ws, dinh_dien, range(8, 13))
    since = "hơn một tháng sau khi đơn vị bắt đầu dùng ứng dụng"

    december = _indicator(ws, dt.date(YEAR, 12, 31))

    assert (december.value, december.met) == (50.0, False)
    assert december.text == (
        "2/4 chi đoàn sinh hoạt đủ hằng tháng (50,0%); Chi đoàn ấp Cái Rô tính từ tháng 12/2025 "
        f"(chi đoàn mới: thêm vào ứng dụng ngày 20/11/2025, {since}); Chi đoàn ấp Dinh Điền tính "
        f"từ tháng 08/2025 (chi đoàn mới: thêm vào ứng dụng ngày 15/07/2025, {since}); Chi đoàn "
        "ấp Đầu Sấu tính đến tháng 05/2025 (xóa khỏi danh sách ngày 10/06/2025)."
    )
    partly = ws.plans.partly_held(YEAR, dt.date(YEAR, 12, 31))
    assert [(p.name, p.months) for p in partly] == [
        ("Chi đoàn ấp Cái Rô", (12,)),
        ("Chi đoàn ấp Dinh Điền", (8, 9, 10, 11, 12)),
        ("Chi đoàn ấp Đầu Sấu", (1, 2, 3, 4, 5)),
    ]
