"""Vietnamese dates: written dd/mm/yyyy; a birth date may be known only by its year."""

from __future__ import annotations

import re
from datetime import date, datetime

from ..errors import ValidationError

_DAY_FIRST = re.compile(r"^\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})\s*$")
_YEAR = re.compile(r"^\s*(\d{4})\s*$")

DAY = "day"
YEAR = "year"


FIRST_YEAR, LAST_YEAR = 2000, 2100
"""The years the app's yearly records (plans, activities, rating rounds, checklists, dossiers)
may be of: a year typed short ("25", "15/03/0025") is refused, never made a record of its own,
out of every year's pages."""


def check_year(year: int) -> int:
    """``year`` if a yearly record may be of it, else :class:`ValidationError` naming it."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValidationError({"year": f"Năm {year} không hợp lệ."})
    return year


class DateFormatError(ValueError):
    """The text is not a date in dd/mm/yyyy form (or a real calendar date)."""


def parse_vn_date(text: str, *, allow_year: bool = False) -> tuple[date, str]:
    """Parse ``dd/mm/yyyy`` (also ``d/m/yyyy``, ``-`` or ``.`` as separators).

    With ``allow_year`` a bare year is accepted and returned as 1 January with precision
    ``"year"``: the day is never invented for display, only kept as a storage convention.
    """
    match = _DAY_FIRST.match(text)
    if match:
        day, month, year = (int(g) for g in match.groups())
        try:
            return date(year, month, day), DAY
        except ValueError as exc:
            raise DateFormatError(f"Ngày {text.strip()} không có trên lịch.") from exc
    if allow_year:
        year_match = _YEAR.match(text)
        if year_match:
            return date(int(year_match.group(1)), 1, 1), YEAR
    raise DateFormatError("Ngày phải viết dạng dd/mm/yyyy, ví dụ 05/03/2001.")


def format_vn_date(value: date | None, precision: str = DAY) -> str:
    """``05/03/2001``, or ``2001`` when only the year is known; empty for None."""
    if value is None:
        return ""
    if precision == YEAR:
        return f"{value.year:04d}"
    return f"{value.day:02d}/{value.month:02d}/{value.year:04d}"


def format_vn_datetime(value: datetime) -> str:
    """``05/03/2001 14:30``: a moment in lists and reports (backups, bundles), to the minute; a
    moment with its time zone (a bundle's creation, stored in UTC) in the machine's local time."""
    if value.tzinfo is not None:
        value = value.astimezone()
    return f"{format_vn_date(value.date())} {value:%H:%M}"


def add_years(value: date, years: int) -> date:
    """Same day ``years`` later; 29 February becomes 28 February in a common year."""
    try:
        return value.replace(year=value.year + years)
    except ValueError:
        return value.replace(year=value.year + years, day=28)


def age_on(birth: date, on: date) -> int:
    """Completed years of age on a day."""
    years = on.year - birth.year
    if (on.month, on.day) < (birth.month, birth.day):
        years -= 1
    return years
