"""Reading one cell of a spreadsheet row: a date (a real Excel date, a serial number, dd/mm/yyyy
and its variants, yyyy-mm-dd, a date written in words, a bare year), a cell as the user sees it
for messages, and the numbers Excel changed as they were typed (a level of education turned into
a date, a CCCD, phone or member code that lost its leading zeros). Used by :mod:`.rows`.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from ...lang.dates import DAY, YEAR, DateFormatError, format_vn_date, unread_date, written_date
from ...lang.text import nfc
from ...xlsx.workbook import Cell
from ..rules import MEMBER_CODE_DIGITS

_DATE = re.compile(
    r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$"
)
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$")
_YEAR = re.compile(r"^(\d{4})$")
_EXCEL_EPOCH = date(1899, 12, 30)


def parse_date_value(value: Cell, today: date, *, allow_year: bool) -> tuple[date, str]:
    """A date from a cell; raises DateFormatError when it cannot be read."""
    if isinstance(value, datetime):
        return value.date(), DAY
    if isinstance(value, date):
        return value, DAY
    if isinstance(value, (bool, time, timedelta)):  # a time or a duration is no day
        raise DateFormatError(shown(value))
    if isinstance(value, (int, float)):
        if float(value).is_integer() and 1900 <= value <= today.year and allow_year:
            return date(int(value), 1, 1), YEAR
        if 10_000 <= value < 80_000:  # a date typed in a cell formatted as a number
            return _EXCEL_EPOCH + timedelta(days=int(value)), DAY
        raise DateFormatError(str(value))
    if isinstance(value, str) and _DATE.match(value):
        text = value  # already clean: normalising would change nothing the pattern reads
    else:
        text = nfc(str(value)) if value is not None else ""
    match = _DATE.match(text)
    if match:
        day, month, year = (int(g) for g in match.group(1, 2, 3))
        return _real_date(year, month, day, text), DAY
    match = _ISO.match(text)
    if match:
        return _real_date(int(match.group(1)), int(match.group(2)), int(match.group(3)), text), DAY
    written = written_date(text)  # "ngày 05 tháng 03 năm 2001", as the member form reads it
    if written is not None:
        return written, DAY
    match = _YEAR.match(text)
    if match and allow_year:
        return _real_date(int(match.group(1)), 1, 1, text), YEAR  # "0000" is no year
    raise DateFormatError(text)


def unread_date_message(label: str, value: Cell, today: date, *, allow_year: bool = False) -> str:
    """Why the date cell ``value`` labelled ``label`` was not taken: a day written in full that
    does not exist ("Ngày sinh 31/02/2004 không có trên lịch.", the member form's words), else
    :func:`~doancoso.core.lang.dates.unread_date`."""
    text = shown(value)
    cleaned = nfc(text).strip()
    match = _DATE.match(cleaned)
    parts = match.group(1, 2, 3) if match else None
    iso = None if match else _ISO.match(cleaned)
    if iso is not None:
        parts = iso.group(3, 2, 1)
    if parts is not None:
        day, month, year = (int(p) for p in parts)
        try:
            date(year, month, day)
        except ValueError:
            return f"{label} {day:02d}/{month:02d}/{year:04d} không có trên lịch."
    return unread_date(label, text, today, allow_year=allow_year)


def _real_date(year: int, month: int, day: int, text: str) -> date:
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise DateFormatError(text) from exc


def shown(value: Cell) -> str:
    """A cell as the user sees it, for messages."""
    if isinstance(value, datetime):
        return format_vn_date(value.date())
    if isinstance(value, date):
        return format_vn_date(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, timedelta):  # a duration, as Excel's "[h]:mm:ss" shows it
        minutes, seconds = divmod(round(value.total_seconds()), 60)
        hours, minutes = divmod(minutes, 60)
        return f"{hours}:{minutes:02d}:{seconds:02d}"
    return nfc(str(value)) if value is not None else ""


# The grades general education counts to: 12, and 10 in the old northern system ("7/10").
_GRADE_SCALES = (10, 12)


def education_of_date(value: date) -> str:
    """A level of education ("9/12") that Excel turned into a date as it was typed: read day
    first ("9/12": 9 December) on a Windows set to Vietnamese, month first (12 September) on one
    set to English (United States). The level is a grade over 12 (or 10), so the reading that
    gives one is taken."""
    grade, scale = value.day, value.month
    if not (scale in _GRADE_SCALES and grade <= scale) and (
        value.day in _GRADE_SCALES and value.month <= value.day
    ):
        grade, scale = value.month, value.day
    return f"{grade}/{scale}"


def member_code_digits(value: Cell) -> str:
    """A member code as typed: a number cell lost its leading zeros, which are put back."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return shown(value).replace(" ", "")
    if value < 0 or not float(value).is_integer():
        return shown(value)
    return str(int(value)).zfill(MEMBER_CODE_DIGITS)


# The full length of a number typed in a number cell, by how many digits are left of it: a
# CCCD begins with its province's code, "001" (Hà Nội) to "096" (Cà Mau), so it loses one or
# two zeros; a CMND ("0…") or a phone number ("0…") one.
CCCD_LENGTHS = {11: 12, 10: 12, 8: 9}
PHONE_LENGTHS = {9: 10, 10: 11}


def digits_of_number(value: Cell, lengths: dict[int, int]) -> str | None:
    """A CCCD or phone typed as a number lost its leading zeros: put them back, up to the full
    length ``lengths`` gives for the digits left."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if isinstance(value, float) and not value.is_integer():
        return None
    digits = str(int(value))
    return digits.zfill(lengths.get(len(digits), 0))
