"""The checklist's figures at the edges of a year and a month: on 1 January nothing of the year
has ended, on the first of a month the month before has, on 31 December the whole year has; a
year past is read whole."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from doancoso.core.recognition.indicators import Indicator
from doancoso.core.workspace import Workspace

YEAR = 2025


def _indicator(ws: Workspace, code: str, as_of: dt.date, year: int = YEAR) -> Indicator:
    (item,) = [v for v in ws.recognition.view(year, as_of).items if v.item.code == code]
    assert item.indicator is not None
    return item.indicator


def _meeting(ws: Workspace, branch_id: str, day: dt.date) -> None:
    """A meeting of the chi đoàn ("sinh hoạt chi đoàn"), held on ``day``."""
    activity_id, _ = ws.activities.save({"title": "Sinh hoạt chi đoàn", "kind": "sinh-hoat",
                                         "start_date": day.strftime("%d/%m/%Y"),
                                         "branch_ids": [branch_id]})  # fmt: skip
    (occurrence,) = [o for o in ws.activities.occurrences(day, day) if o.activity_id == activity_id]
    ws.activities.update_occurrence(occurrence.id, {"status": "da-thuc-hien"})


def test_branch_meetings_are_not_due_until_the_first_month_has_ended(ws: Workspace) -> None:
    """Item 2.3 counts the chi đoàn that met in every month ended. On 1 and 15 January no month
    has ended: it read "0/2 chi đoàn sinh hoạt đủ hằng tháng (0%)" in red, then "1/2" once one
    had met, a failure listed under "Còn thiếu" for a month not over. It is "chưa đến kỳ", as
    a year not begun reads, and says who has met so far; from 1 February January is judged."""
    ap1 = ws.branches.create("Chi đoàn ấp 1").id
    ap2 = ws.branches.create("Chi đoàn ấp 2").id
    for month in range(1, 13):
        _meeting(ws, ap1, dt.date(YEAR, month, 10))
    _meeting(ws, ap2, dt.date(YEAR, 1, 20))  # then never again
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
