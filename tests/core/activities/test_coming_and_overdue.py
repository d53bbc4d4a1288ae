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
