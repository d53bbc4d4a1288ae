"""The registration of the yearly plan with the superior body: its deadline (a setting of the
organisation: a day of the year before the plan's, or of the plan's own year) and the reminder
of a plan still to register.

The "3 chủ động" process starts with registering the plan (DOMAIN.md §2): a plan not made or
not registered is recalled from :data:`REMINDER_LEAD_DAYS` days before its deadline until it
is registered, and says "đã quá hạn" once the deadline has passed. The deadline is a day and
month that every year has (29/02 is refused), in the year before the plan's (10/11 for next
year's plan, the usual case) or in the plan's own year (31/01 of the plan's year, as some
provinces set it). The setting :data:`PLAN_DEADLINE_KEY` holds "d/m" for a day of the year
before (what every version wrote, so old databases and bundles keep their meaning, and older
versions still read what this one writes for that case) and "d/m/0" for a day of the plan's
own year (the year's offset from the plan's); :meth:`PlanService.set_registration_deadline
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


@dataclass(frozen=True)
class Deadline:
    """The superior body's yearly deadline for registering a plan: a day and month of the year
    before the plan's, or of the plan's own year when ``in_plan_year``."""

    day: int
    month: int
    in_plan_year: bool = False

    def of_plan(self, year: int) -> dt.date:
        """The deadline of the plan of ``year``."""
        return dt.date(year if self.in_plan_year else year - 1, self.month, self.day)

    @property
    def text(self) -> str:
        """ "10/11": the day and month as they are shown."""
        return deadline_text(self.day, self.month)

    @property
    def stored(self) -> str:
        """The setting's value: "d/m" for the year before ("10/11", "5/3"), "d/m/0" for the
        plan's own year ("31/1/0")."""
        value = f"{self.day}/{self.month}"
        return f"{value}/0" if self.in_plan_year else value


YEAR_CHOICES = {False: "năm trước năm kế hoạch", True: "năm kế hoạch"}
"""The year a deadline is a day of, as the settings page and the command line say it."""
DEFAULT_PLAN_DEADLINE = Deadline(10, 11)
"""The superior body's deadline for next year's plan: 10 November of the year before (a
setting; one city's, DOMAIN.md §2)."""
REMINDER_LEAD_DAYS = 30
"""How long before its deadline a plan still to register is recalled: about a month, time
enough to draft the plan, have the executive committee agree it and send it."""


_COMMON_YEAR = 2001
"""A year without 29 February: a day and month that make a date in it make one in every year."""
_DAY_MONTH = re.compile(r"\s*(\d{1,2})\s*/\s*(\d{1,2})\s*")
_STORED = re.compile(r"\s*(\d{1,2})\s*/\s*(\d{1,2})\s*(/0|/-1)?\s*")
"""A stored value: "d/m" (the year before), "d/m/0" (the plan's year); "d/m/-1" is read as
"d/m"."""
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


def read_stored(value: str) -> Deadline | None:
    """The deadline a stored value says (see the module's docstring), None when it says none
    (a day not of every year, text not written by the app)."""
    found = _STORED.fullmatch(value)
    if found is None:
        return None
    day, month = int(found[1]), int(found[2])
    if deadline_problem(day, month) is not None:
        return None
    return Deadline(day, month, found[3] == "/0")


def stored_deadline(value: str | None) -> Deadline:
    """The deadline the setting's stored value says, the default when it has none or holds one
    that is not a day of every year."""
    return (read_stored(value) if value else None) or DEFAULT_PLAN_DEADLINE


def plan_deadline(session: Session, org: str, year: int) -> dt.date:
    """The deadline to register the plan of ``year``."""
    return stored_deadline(setting_value(session, org, PLAN_DEADLINE_KEY)).of_plan(year)


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
    def deadline_text(self) -> str:
        """ "hạn đăng ký với cấp trên 10/11/2026", "đã quá hạn đăng ký với cấp trên (hạn …)"."""
        deadline = format_vn_date(self.deadline)
        if self.overdue:
            return f"đã quá hạn đăng ký với cấp trên (hạn {deadline})"
        return f"hạn đăng ký với cấp trên {deadline}"

    @property
    def text(self) -> str:
        """ "Kế hoạch công tác năm 2027 chưa lập — hạn đăng ký với cấp trên 10/11/2026"."""
        return f"Kế hoạch công tác năm {self.year} {self.state_text} — {self.deadline_text}"


def is_registered(state: str, registered_on: dt.date | None) -> bool:
    """Whether a plan counts as registered: sent (or approved) on a known day."""
    return state != NOT_REGISTERED and registered_on is not None


def reminder_due(deadline: dt.date, today: dt.date) -> bool:
    """Whether a plan with this deadline is recalled on ``today`` (if still to register)."""
    return today >= deadline - dt.timedelta(days=REMINDER_LEAD_DAYS)
