"""The registration of the yearly plan with the superior body: its deadline (a setting of the
organisation, in the year before the plan's)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from ..storage.settings import setting_value

PLAN_DEADLINE_KEY = "plan_deadline"
DEFAULT_PLAN_DEADLINE = (10, 11)
"""The superior body's deadline for next year's plan: day and month of the year before (a
setting; one city's was 10 November, DOMAIN.md §2)."""


def plan_deadline(session: Session, org: str, year: int) -> dt.date:
    """The deadline to register the plan of ``year`` (in the year before)."""
    row = setting_value(session, org, PLAN_DEADLINE_KEY)
    day, month = DEFAULT_PLAN_DEADLINE
    if row:
        try:
            day, month = (int(p) for p in row.split("/"))
            dt.date(year - 1, month, day)
        except ValueError:
            day, month = DEFAULT_PLAN_DEADLINE
    return dt.date(year - 1, month, day)
