"""The calendar page on a day where a postponed date of a repeating activity was moved, after
the repeat moved onto that day: the series' own meeting and the postponed date both show."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from doancoso.core.workspace import Workspace
from doancoso.ui.calendar.page import CalendarPage

from .conftest import add_activity


def test_the_series_meeting_and_the_postponed_date_moved_onto_its_day_both_show(
    page: CalendarPage, cal_ws: Workspace
) -> None:
    year = dt.date.today().year + 1
    monthly = add_activity(cal_ws, "Sinh hoạt chi đoàn", f"15/01/{year}", kind="sinh-hoat",
                           start_time="19:30", repeat="monthly", until=f"30/04/{year}")  # fmt: skip
    day = dt.date(year, 3, 20)
    (march,) = cal_ws.activities.occurrences(dt.date(year, 3, 15), dt.date(year, 3, 15))
    cal_ws.activities.update_occurrence(march.id, {"day": f"20/03/{year}", "status": "Hoãn"})
    cal_ws.activities.save({"title": "Sinh hoạt chi đoàn", "kind": "sinh-hoat",
                            "start_date": f"20/01/{year}", "start_time": "19:30",
                            "repeat": "monthly", "until": f"30/04/{year}"}, monthly)  # fmt: skip
    page.month.select_date(day)
    rows = page.month_model.occurrences_on(day)
    assert sorted((r.title, r.status, r.id == march.id) for r in rows) == [
        ("Sinh hoạt chi đoàn", "du-kien", False),
        ("Sinh hoạt chi đoàn", "hoan", True),
    ]
    tip = page.month_model.index_of(day).data(Qt.ItemDataRole.ToolTipRole)
    assert sorted(tip.splitlines()[1:]) == [
        "• 19:30 Sinh hoạt chi đoàn (Sinh hoạt chi đoàn định kỳ) — Dự kiến",
        "• 19:30 Sinh hoạt chi đoàn (Sinh hoạt chi đoàn định kỳ) — Hoãn",
    ]
