"""The registration of the yearly plan with the superior body: its deadline (a setting of the
organisation, in the year before the plan's) and the reminder of a plan still to register.

The "3 chủ động" process starts with registering the plan (DOMAIN.md §2): a plan not made or
not registered is recalled from :data:`REMINDER_LEAD_DAYS` days before its deadline until it
is registered, and says "đã quá hạn" once the deadline has passed. The deadline is a day and
month that every year has (29/02 is refused), written "d/m" in the setting
:data:`PLAN_DEADLINE_KEY`; :meth:`PlanService.set_registration_deadline
<doancoso.core.plans.service.PlanService.set_registration_deadline>` changes it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy.orm import Session

from ..errors import ValidationError
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


_COMMON_YEAR = 2001
"""A year without 29 February: a day and month that make a date in it make one in every year."""
_DAY_MONTH = re.compile(r"\s*(\d{1,2})\s*/\s*(\d{1,2})\s*")
DEADLINE_FIELD = "plan_deadline"
"""The field a refused deadline is reported on (one message for the day and month together)."""


def deadline_problem(day: int, month: int) -> str | None:
    """Why ``day``/``month`` cannot be the yearly deadline (Vietnamese), None when it can: it
    must be a day of that month in every year, so 29/02 is refused too."""
    day_ok, month_ok = 1 <= day <= 31, 1 <= month <= 12
    if not day_ok and not month_ok:
        return "Ngày phải từ 1 đến 31 và tháng phải từ 1 đến 12."
    if not day_ok:
        return "Ngày phải từ 1 đến 31."
    if not month_ok:
        return "Tháng phải từ 1 đến 12."
    try:
        dt.date(_COMMON_YEAR, month, day)
    except ValueError:
        if (day, month) == (29, 2):
            return (
                "Ngày 29/02 chỉ có trong năm nhuận: hạn đăng ký phải là ngày có trong mọi năm "
                "(ví dụ 28/02 hoặc 01/03)."
            )
        days = 28 if month == 2 else 30
        return f"Tháng {month} chỉ có {days} ngày: không có ngày {day:02d}/{month:02d}."
    return None


def check_deadline(day: int, month: int) -> tuple[int, int]:
    """``(day, month)`` if it can be the yearly deadline, else :class:`ValidationError`."""
    problem = deadline_problem(day, month)
    if problem is not None:
        raise ValidationError({DEADLINE_FIELD: problem})
    return day, month


def parse_deadline(text: str) -> tuple[int, int]:
    """The deadline written "ngày/tháng" ("10/11", "5/3"), checked by :func:`check_deadline`."""
    found = _DAY_MONTH.fullmatch(text)
    if found is None:
        raise ValidationError(
            {DEADLINE_FIELD: "Hạn đăng ký phải viết dạng ngày/tháng, ví dụ 10/11."}
        )
    return check_deadline(int(found[1]), int(found[2]))


def deadline_text(day: int, month: int) -> str:
    """ "10/11": the deadline as it is shown."""
    return f"{day:02d}/{month:02d}"


def stored_deadline(value: str | None) -> tuple[int, int]:
    """The day and month of the setting's stored value ("d/m"), the default when it has none
    or holds one that is not a day of every year."""
    if value:
        try:
            return parse_deadline(value)
        except ValidationError:
            pass
    return DEFAULT_PLAN_DEADLINE


def stored_value(day: int, month: int) -> str:
    """The setting's value for a checked deadline: "d/m" ("10/11", "5/3")."""
    return f"{day}/{month}"


def plan_deadline(session: Session, org: str, year: int) -> dt.date:
    """The deadline to register the plan of ``year`` (in the year before)."""
    day, month = stored_deadline(setting_value(session, org, PLAN_DEADLINE_KEY))
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
