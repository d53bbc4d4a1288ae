"""Item 1.2 (each member's annual remark) is due when the year's rating is: members are rated at
the year's end (DOMAIN.md §3), so from 1 January until December the year's round not opened
yet, or not finished, reads "chưa đến kỳ", as the other figures not due; a year past is judged
on its own round."""

from __future__ import annotations

import datetime as dt

import pytest

from doancoso.core.recognition.indicators import Indicator
from doancoso.core.workspace import Workspace

YEAR = 2026
NOT_DUE = "Chưa đến kỳ đánh giá: đoàn viên được xếp loại vào cuối năm (tháng 12/2026)."


def _indicator(ws: Workspace, as_of: dt.date, year: int = YEAR) -> Indicator:
    view = ws.recognition.view(year, as_of)
    (item,) = [v for v in view.items if v.item.code == "1.2"]
    assert item.indicator is not None
    return item.indicator


def _members(ws: Workspace) -> list[str]:
    branch = ws.branches.create("Chi đoàn ấp 1").id
    ids = []
    for name in ("Nguyễn Văn An", "Trần Thị Bé", "Lê Văn Cư"):
        member = ws.members.save({"full_name": name, "birth_date": "01/01/2000",
                                  "branch_id": branch})  # fmt: skip
        ws.events.record(member, "admission", "01/03/2020", place="Đoàn xã")
        ids.append(member)
    return ids


@pytest.mark.parametrize("day", [dt.date(YEAR, 1, 1), dt.date(YEAR, 6, 30), dt.date(YEAR, 11, 30)])
def test_before_december_no_round_yet_is_not_due(ws: Workspace, day: dt.date) -> None:
    """From 1 January item 1.2 read "Chưa có đợt xếp loại đoàn viên năm 2026." and "Chưa
    đạt", listed as missing, for a rating held in December."""
    _members(ws)
    ws.recognition.open(YEAR)
    ws.recognition.set(YEAR, "1.2", {"status": "dat"})
    indicator = _indicator(ws, day)
    assert (indicator.value, indicator.met, indicator.due) == (None, None, False)
    assert (indicator.text, indicator.verdict) == (NOT_DUE, "Chưa đến kỳ")
    view = ws.recognition.view(YEAR, day)
    (item,) = [v for v in view.items if v.item.code == "1.2"]
    assert not item.contradiction
    assert not [m for m in view.missing() if m.code == "1.2"]


@pytest.mark.parametrize("day", [dt.date(YEAR, 12, 1), dt.date(YEAR, 12, 31)])
def test_from_december_no_round_is_not_met(ws: Workspace, day: dt.date) -> None:
    _members(ws)
    indicator = _indicator(ws, day)
    assert (indicator.value, indicator.met, indicator.due) == (None, False, True)
    assert indicator.text == "Chưa có đợt xếp loại đoàn viên năm 2026."


def test_a_round_under_way_before_december_says_how_far_it_is(ws: Workspace) -> None:
    """A round opened early (30/06), a remark of three written: not due yet, with how many are
    written; every remark written, it is met early, as a plan registered before its deadline.
    From 1 December what is written is judged."""
    ids = _members(ws)
    ws.rating.open(YEAR)
    ws.rating.set(YEAR, ids[0], {"remark": "Hoàn thành tốt nhiệm vụ."})
    june = _indicator(ws, dt.date(YEAR, 6, 30))
    assert (june.value, june.met, june.due) == (None, None, False)
    assert june.text == (
        "Chưa đến kỳ đánh giá: đoàn viên được xếp loại vào cuối năm (tháng 12/2026); 1/3 đoàn "
        "viên thuộc diện xếp loại đã có nhận xét."
    )
    december = _indicator(ws, dt.date(YEAR, 12, 1))
    assert (december.value, december.met, december.due) == (33.3, False, True)
    assert december.text == "1/3 đoàn viên thuộc diện xếp loại có nhận xét năm 2026."
    for member in ids[1:]:
        ws.rating.set(YEAR, member, {"remark": "Có cố gắng."})
    early = _indicator(ws, dt.date(YEAR, 6, 30))
    assert (early.value, early.met, early.due) == (100.0, True, True)
    assert early.text == "3/3 đoàn viên thuộc diện xếp loại có nhận xét năm 2026."


def test_a_year_past_is_judged_on_its_closed_round(ws: Workspace) -> None:
    """Read in March 2027 (as the superior body checks 2026), item 1.2 of 2026 is its closed
    round's remarks; that of 2027, whose rating is months away, is not due."""
    ids = _members(ws)
    ws.rating.open(YEAR)
    for member in ids[:2]:
        ws.rating.set(YEAR, member, {"decided_level": 2, "remark": "Hoàn thành tốt nhiệm vụ."})
    ws.rating.close(YEAR)
    march = dt.date(YEAR + 1, 3, 1)
    past = _indicator(ws, march)
    assert (past.value, past.met, past.due) == (66.7, False, True)
    assert past.text == "2/3 đoàn viên thuộc diện xếp loại có nhận xét năm 2026."
    this_year = _indicator(ws, march, YEAR + 1)
    assert (this_year.met, this_year.due) == (None, False)
    assert this_year.text == (
        "Chưa đến kỳ đánh giá: đoàn viên được xếp loại vào cuối năm (tháng 12/2027)."
    )
    # A year past without a round is not met.
    none = _indicator(ws, march, YEAR - 1)
    assert (none.met, none.text) == (False, "Chưa có đợt xếp loại đoàn viên năm 2025.")
