"""What the status bar says at start: the planned dates of the next 7 days, and the past dates
still planned (results missing) — not those done, postponed or cancelled."""

from __future__ import annotations

import datetime as dt

from doancoso.core.workspace import Workspace


def test_only_planned_dates(ws: Workspace) -> None:
    today = dt.date(2025, 6, 16)
    activity_id, _ = ws.activities.save(
        {"title": "Ra quân", "start_date": "01/06/2025", "repeat": "FREQ=DAILY;COUNT=30"}
    )
    by_day = {
        o.day: o.id for o in ws.activities.occurrences(today.replace(day=1), today.replace(day=30))
    }
    ws.activities.update_occurrence(by_day[dt.date(2025, 6, 2)], {"status": "Đã thực hiện"})
    ws.activities.update_occurrence(by_day[dt.date(2025, 6, 3)], {"status": "Hoãn"})
    ws.activities.update_occurrence(by_day[dt.date(2025, 6, 18)], {"status": "Hủy"})
    overdue = ws.activities.overdue(today)
    assert [r.day.day for r in overdue] == [1, *range(4, 16)]
    assert {r.status for r in overdue} == {"du-kien"}
    assert [r.day.day for r in ws.activities.upcoming(today)] == [16, 17, 19, 20, 21, 22]  # 7 days
    assert len(ws.activities.occurrences(dt.date(2025, 6, 1), dt.date(2025, 6, 30))) == 30
    assert [r.day.day for r in ws.activities.occurrences(
        dt.date(2025, 6, 1), dt.date(2025, 6, 30), status="huy")] == [18]  # fmt: skip
    assert {r.activity_id for r in overdue} == {activity_id}


def test_an_activity_still_going_on_is_not_overdue(ws: Workspace) -> None:
    """A summer camp from 14/06 to 18/06 is running on 16/06: not a date whose results are
    missing ("chưa ghi kết quả") until it is over."""
    ws.activities.save({"title": "Hội trại hè", "kind": "van-hoa", "start_date": "14/06/2025",
                        "end_date": "18/06/2025"})  # fmt: skip
    ws.activities.save({"title": "Dọn vệ sinh chợ", "start_date": "13/06/2025"})
    assert [r.title for r in ws.activities.overdue(dt.date(2025, 6, 16))] == ["Dọn vệ sinh chợ"]
    assert [r.title for r in ws.activities.overdue(dt.date(2025, 6, 19))] == [
        "Dọn vệ sinh chợ", "Hội trại hè",
    ]  # fmt: skip
