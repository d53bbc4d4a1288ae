"""Vietnamese dates: written dd/mm/yyyy; a birth date may be known only by its year."""

from __future__ import annotations

import re
from datetime import date, datetime

from ..errors import ValidationError
from .text import fold

_DAY_FIRST = re.compile(r"^\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})\s*$")
# A year of fewer than four digits, told what the year needs (:func:`short_year_message`):
# "5/3/98", "ngày 05 tháng 03 năm 01" (folded), and a bare "98" where a year alone is taken.
_SHORT_YEAR = re.compile(r"^\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{1,3})\s*$")
_SHORT_WRITTEN = re.compile(
    r"(?:ngay )?(?:(?:mung|mong) )?(\d{1,2}) thang (\d{1,2}),? nam (\d{1,3})"
)
_SHORT_BARE = re.compile(r"^\s*(\d{2,3})\s*$")
_YEAR = re.compile(r"^\s*(\d{4})\s*$")
_MONTH = re.compile(r"^\s*(\d{1,2})\s*[/.\-]\s*(\d{4})\s*$")
# "ngày 05 tháng 03 năm 2001" (also "mùng 5 tháng 3 năm 2001"), matched once tones and case are
# folded away: how documents and decisions write a date.
_WRITTEN = re.compile(r"(?:ngay )?(?:(?:mung|mong) )?(\d{1,2}) thang (\d{1,2}),? nam (\d{4})")

# A date inside a text, as people type it ("ngày 24/5/2023"); not one within a longer run of
# digits and slashes.
_DATE_IN_TEXT = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])")

DAY = "day"
YEAR = "year"


FIRST_YEAR, LAST_YEAR = 2000, 2100
"""The years the app's yearly records (plans, activities, rating rounds, checklists, dossiers)
may be of: a year typed short ("25", "15/03/0025") is refused, never made a record of its own,
out of every year's pages."""


def check_year(year: int) -> int:
    """``year`` if a yearly record may be of it, else :class:`ValidationError` naming it."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        # The range said, so that "25" is seen to want "2025".
        message = f"Năm {year} không hợp lệ: chỉ nhận các năm {FIRST_YEAR}–{LAST_YEAR}."
        raise ValidationError({"year": message})
    return year


class DateFormatError(ValueError):
    """The text is not a date in dd/mm/yyyy form (or a real calendar date)."""


def written_date(text: str) -> date | None:
    """The date of ``text`` written out as documents write it, "ngày 05 tháng 03 năm 2001"
    (tones and case aside), or None when it is not written so; :class:`DateFormatError` when it
    is, but names no day of the calendar."""
    match = _WRITTEN.fullmatch(fold(text))
    if match is None:
        return None
    day, month, year = (int(g) for g in match.groups())
    try:
        return date(year, month, day)
    except ValueError as exc:
        shown = f"{day:02d}/{month:02d}/{year:04d}"
        raise DateFormatError(f"Ngày {shown} không có trên lịch.") from exc


def _example_year(digits: str, today: date, *, past: bool = False) -> int:
    """The year nearest ``today`` (the earlier of two as near; with ``past``, none after
    today's) that ends in ``digits``: for an example only, never read as the year meant."""
    step: int = 10 ** len(digits)
    base = today.year - today.year % step + int(digits)
    years = [y for y in (base - step, base, base + step) if not past or y <= today.year]
    return min(years, key=lambda y: (abs(y - today.year), y))


def short_year_message(
    text: str, *, allow_year: bool = False, today: date | None = None
) -> str | None:
    """What a date typed with a year of fewer than four digits needs, its example in the form
    typed ("5/3/98": "Năm phải đủ 4 chữ số, ví dụ 05/03/1998."; "ngày 5 tháng 3 năm 01":
    "…, ví dụ ngày 05 tháng 03 năm 2001."; with ``allow_year``, "98": "…, ví dụ 1998.", a
    year alone being a year of birth, its example never after today), or
    None when ``text`` is no such date. The century is not guessed: "98" is 1998 for a birth
    date, but "25" may be 1925 or 2025; the date is refused and the example only shows the
    four digits, with the year nearest ``today`` ending in those typed."""
    today = today or date.today()
    bare = _SHORT_BARE.match(text) if allow_year else None
    if bare is not None:  # a year alone is a year of birth: never one after today
        return f"Năm phải đủ 4 chữ số, ví dụ {_example_year(bare.group(1), today, past=True)}."
    numeric = _SHORT_YEAR.match(text)
    written = None if numeric else _SHORT_WRITTEN.fullmatch(" ".join(fold(text).split()))
    match = numeric or written
    if match is None:
        return None
    day, month, digits = int(match.group(1)), int(match.group(2)), match.group(3)
    try:
        example = date(_example_year(digits, today), month, day)
    except ValueError:  # no such day: the usual example
        example = date(1998, 3, 5)
    if written is not None:
        shown = f"ngày {example.day:02d} tháng {example.month:02d} năm {example.year}"
    else:
        shown = format_vn_date(example)
    return f"Năm phải đủ 4 chữ số, ví dụ {shown}."


def unread_date(label: str, text: str, today: date, *, allow_year: bool = False) -> str:
    """An imported cell's date that could not be read, ``label`` naming it ("Ngày sinh không
    đọc được: “98”."), and what a year typed short needs, as the member form says it
    (:func:`short_year_message`)."""
    short = short_year_message(text, allow_year=allow_year, today=today)
    return f"{label} không đọc được: “{text}”." + (f" {short}" if short else "")


def parse_vn_date(text: str, *, allow_year: bool = False) -> tuple[date, str]:
    """Parse ``dd/mm/yyyy`` (also ``d/m/yyyy``, ``-`` or ``.`` as separators), or a date written
    out, "ngày 05 tháng 03 năm 2001" (:func:`written_date`). A month and year alone ("03/2001")
    is no date; with ``allow_year`` it is told to type the whole date or the year alone.

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
    written = written_date(text)
    if written is not None:
        return written, DAY
    if allow_year:
        year_match = _YEAR.match(text)
        if year_match:
            return date(int(year_match.group(1)), 1, 1), YEAR
    short = short_year_message(text, allow_year=allow_year)
    if short is not None:  # the century is not guessed: the secretary types it
        raise DateFormatError(short)
    month_year = _MONTH.match(text) if allow_year else None
    if month_year is not None and 1 <= int(month_year.group(1)) <= 12:
        # A month of birth: the field takes the whole date or the year alone, as its hint says.
        shown = f"01/{int(month_year.group(1)):02d}/{month_year.group(2)}"
        raise DateFormatError(
            f"Nhập đủ ngày/tháng/năm (ví dụ {shown}) hoặc chỉ năm sinh ({month_year.group(2)})."
        )
    raise DateFormatError("Ngày phải viết dạng dd/mm/yyyy, ví dụ 05/03/2001.")


def format_vn_date(value: date | None, precision: str = DAY) -> str:
    """``05/03/2001``, or ``2001`` when only the year is known; empty for None."""
    if value is None:
        return ""
    if precision == YEAR:
        return f"{value.year:04d}"
    return f"{value.day:02d}/{value.month:02d}/{value.year:04d}"


def parse_vn_month(text: str) -> date:
    """A month written ``mm/yyyy`` (also ``m/yyyy``, ``-`` or ``.`` as separators) as the first
    day of that month; :class:`DateFormatError` otherwise."""
    match = _MONTH.match(text)
    if match is None or not 1 <= int(match.group(1)) <= 12:
        raise DateFormatError("Tháng phải viết dạng mm/yyyy, ví dụ 05/2026.")
    return date(int(match.group(2)), int(match.group(1)), 1)


def format_vn_month(value: date | None) -> str:
    """``05/2026`` for any day of May 2026; empty for None."""
    return "" if value is None else f"{value.month:02d}/{value.year:04d}"


def padded_dates(text: str) -> str:
    """``text`` with every date in it written dd/mm/yyyy, as every date shown is: "Hướng dẫn
    18-HD/TWĐTN-BTC ngày 24/5/2023" -> "... ngày 24/05/2023". What names no day of the calendar
    ("31/2/2023") is left as it is."""

    def padded(match: re.Match[str]) -> str:
        day, month, year = (int(g) for g in match.groups())
        try:
            return format_vn_date(date(year, month, day))
        except ValueError:
            return match.group(0)

    return _DATE_IN_TEXT.sub(padded, text)


def day_range(first: date | None, last: date | None) -> tuple[date, date]:
    """The days from ``first`` to ``last`` as a range of days is given (the calendar's .ics,
    the agenda of the command line), one of them at least: without ``first``, from the start
    of ``last``'s year; without ``last``, to the end of ``first``'s year. An end before the
    start is :class:`ValidationError` on ``"to"``."""
    if first is None:
        if last is None:
            raise ValueError("a range of days needs its first day, its last or both")
        first = date(last.year, 1, 1)
    if last is None:
        last = date(first.year, 12, 31)
    if last < first:
        message = f"Ngày cuối {format_vn_date(last)} trước ngày đầu {format_vn_date(first)}."
        raise ValidationError({"to": message})
    return first, last


def format_vn_datetime(value: datetime) -> str:
    """``05/03/2001 14:30``: a moment in lists and reports (backups, bundles), to the minute; a
    moment with its time zone (a bundle's creation, stored in UTC) in the machine's local time."""
    if value.tzinfo is not None:
        value = value.astimezone()
    return f"{format_vn_date(value.date())} {value:%H:%M}"


def add_years(value: date, years: int) -> date:
    """Same day ``years`` later; 29 February becomes 28 February in a common year: the Civil
    Code's rule for a term counted in years (Bộ luật Dân sự 2015, Điều 148: a term ending in a
    month without its day ends on that month's last day), so that someone born on 29 February
    has their birthday on 28 February then. Every age the app computes follows it
    (:func:`age_on`, the statistics' age bands, the admission and coming-of-age checks)."""
    try:
        return value.replace(year=value.year + years)
    except ValueError:
        return value.replace(year=value.year + years, day=28)


def age_on(birth: date, on: date) -> int:
    """Completed years of age on a day, birthdays falling as :func:`add_years` puts them (born
    29/02/1996: 30 on 28/02/2026)."""
    years = on.year - birth.year
    if add_years(birth, years) > on:
        years -= 1
    return years
