"""The registration of the yearly plan with the superior body: its deadline (a setting of the
organisation, in the year before the plan's) and the reminder of a plan still to register.

The "3 chủ động" process starts with registering the plan (DOMAIN.md §2): a plan not made or
not registered is recalled from :data:`REMINDER_LEAD_DAYS` days before its deadline until it
is registered, and says "đã quá hạn" once the deadline has passed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from ..lang.dates import format_vn_date
from ..storage.settings import setting_value
from .rules import NOT_REGISTERED

PLAN_DEADLINE_KEY = "plan_deadline"
DEFAULT_PLAN_DEADLINE = (10, 11)
"""The superior body's deadline for next year's plan: day and month of the year before (a
setting; one city's was 10 November, DOMAIN.md §2)."""
REMINDER_LEAD_DAYS = 30
"""How long before its deadline a plan still to register is recalled: about a month, time
enough to draft the plan, have the executive committee agree it and send it."""


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


@dataclass(frozen=True)
class PlanReminder:
    """A plan still to register with the superior body: not made yet (``made`` False) or made
    and not registered."""

    year: int
    deadline: dt.date
    made: bool
    overdue: bool  # the deadline has passed

    @property
    def state_text(self) -> str:
        """ "chưa lập" or "chưa đăng ký"."""
        return "chưa đăng ký" if self.made else "chưa lập"

    @property
    def text(self) -> str:
        """ "Kế hoạch công tác năm 2027 chưa lập — hạn đăng ký với cấp trên 10/11/2026"."""
        what = f"Kế hoạch công tác năm {self.year} {self.state_text}"
        deadline = format_vn_date(self.deadline)
        if self.overdue:
            return f"{what} — đã quá hạn đăng ký với cấp trên (hạn {deadline})"
        return f"{what} — hạn đăng ký với cấp trên {deadline}"


def is_registered(state: str, registered_on: dt.date | None) -> bool:
    """Whether a plan counts as registered: sent (or approved) on a known day."""
    return state != NOT_REGISTERED and registered_on is not None


def reminder_due(deadline: dt.date, today: dt.date) -> bool:
    """Whether a plan with this deadline is recalled on ``today`` (if still to register)."""
    return today >= deadline - dt.timedelta(days=REMINDER_LEAD_DAYS)
