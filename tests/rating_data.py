"""What the rating tests of the core and of the GUI share: a year of chi đoàn meetings whose
attendance is known, made through the core's API."""

from __future__ import annotations

import datetime as dt

from doancoso.core.workspace import Workspace

YEAR = 2025


def meetings(ws: Workspace, present: dict[str, int], total: int = 10) -> None:
    """``total`` meetings in 2025 (one a month from January); member → how many attended."""
    for number in range(total):
        day = dt.date(YEAR, 1 + number, 10)
        ws.activities.save({"title": f"Sinh hoạt tháng {day.month}", "kind": "sinh-hoat",
                            "start_date": f"{day:%d/%m/%Y}"})  # fmt: skip
        (occ,) = ws.activities.occurrences(day, day)
        marks = {m.member_id: ("absent", None) for m in ws.attendance.sheet(occ.id)}
        for member_id, attended in present.items():
            if number < attended and member_id in marks:
                marks[member_id] = ("present", None)
        ws.attendance.save(occ.id, marks)
