"""How the calendar writes dates, times, kinds and counts in Vietnamese (shared by its views)."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Mapping, Sequence

from ...core.activities.rules import STATUSES
from ...core.activities.service import OccurrenceRow
from ...core.lang.text import fold, vn_number
from ...core.plans.registration import PlanReminder

WEEKDAYS = ("T2", "T3", "T4", "T5", "T6", "T7", "CN")
"""Monday first, as Vietnamese calendars print them."""
WEEKDAY_NAMES = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")
WHOLE_ORGANISATION = "Toàn Đoàn cơ sở"
BRANCH_PREFIX = "Chi đoàn "
DELETED_BRANCH = "(chi đoàn đã xóa)"
KindColours = Mapping[str, tuple[str, str]]
"""code → (name, colour), as ``ActivityService.kinds()`` returns them."""
FALLBACK_COLOUR = "#546e7a"


def month_title(year: int, month: int) -> str:
    """ "Tháng 12 năm 2026"."""
    return f"Tháng {month} năm {year}"


def short_date(day: dt.date) -> str:
    """ "T5 15/01/2026": the weekday and the date, for lists."""
    return f"{WEEKDAYS[day.weekday()]} {day:%d/%m/%Y}"


def long_date(day: dt.date) -> str:
    """ "Thứ Năm, 15/01/2026"."""
    return f"{WEEKDAY_NAMES[day.weekday()]}, {day:%d/%m/%Y}"


def time_range(row: OccurrenceRow) -> str:
    """ "19:30–21:00", "19:30", or "" for a date without a time."""
    if row.start_time and row.end_time:
        return f"{row.start_time}–{row.end_time}"
    return row.start_time or ""


def chip_text(row: OccurrenceRow) -> str:
    """What a day's chip says: the time (if any) and the title; "✓" once it took place."""
    text = f"{row.start_time} {row.title}" if row.start_time else row.title
    return f"✓ {text}" if row.status == "da-thuc-hien" else text


def status_text(row: OccurrenceRow, today: dt.date) -> str:
    """The status's name; a planned date in the past (its last day past) reads "Chưa ghi kết
    quả"."""
    if row.status == "du-kien" and (row.end_day or row.day) < today:
        return "Chưa ghi kết quả"
    return STATUSES.get(row.status, row.status)


def kind_name(kinds: KindColours, code: str) -> str:
    return kinds[code][0] if code in kinds else code


def kind_colour(kinds: KindColours, code: str) -> str:
    return kinds[code][1] if code in kinds else FALLBACK_COLOUR


def branches_text(branch_ids: Sequence[str], names: Mapping[str, str]) -> str:
    """The organiser: the chi đoàn names, or "Toàn Đoàn cơ sở"."""
    if not branch_ids:
        return WHOLE_ORGANISATION
    return ", ".join(names.get(b, DELETED_BRANCH) for b in branch_ids)


def short_branches_text(branch_ids: Sequence[str], names: Mapping[str, str]) -> str:
    """The organiser under a "Chi đoàn" header: "ấp Tân Hưng" for "Chi đoàn ấp Tân Hưng"
    (a name without the prefix is kept whole), or "Toàn Đoàn cơ sở"."""
    if not branch_ids:
        return WHOLE_ORGANISATION
    return ", ".join(_without_prefix(names.get(b, DELETED_BRANCH)) for b in branch_ids)


def _without_prefix(name: str) -> str:
    rest = name.removeprefix(BRANCH_PREFIX).strip()
    return rest or name


def occurrence_tooltip(
    row: OccurrenceRow, kinds: KindColours, today: dt.date,
    branches: Mapping[str, str] | None = None,
) -> str:  # fmt: skip
    """A date of an activity in full, where its line or chip is cut short: the title, the days
    (the first and last of one over several) and time, the place, the chi đoàn (given their
    ``branches`` names), the kind and status."""
    days = long_date(row.day)
    if row.end_day is not None and row.end_day != row.day:
        days += f" – {long_date(row.end_day)}"
    lines = [row.title, days + (f", {time_range(row)}" if time_range(row) else "")]
    if row.place:
        lines.append(place_text(row))
    if branches is not None:
        lines.append(branches_text(row.branch_ids, branches))
    lines.append(f"{kind_name(kinds, row.kind)} — {status_text(row, today)}")
    return "\n".join(lines)


def place_text(row: OccurrenceRow) -> str:
    """ "Địa điểm: Bãi biển Khai Long", or "" for an activity without a place."""
    return f"Địa điểm: {row.place}" if row.place else ""


def attendance_text(row: OccurrenceRow) -> str:
    """ "35/40 · 3 phép", "1.180/1.219" (present / expected, and absent with leave) once the
    attendance is taken, else ""."""
    if not row.attendance_taken:
        return ""
    text = f"{vn_number(row.present)}/{vn_number(row.expected)}"
    return f"{text} · {vn_number(row.excused)} phép" if row.excused else text


def counts_text(present: int, excused: int, absent: int) -> str:
    """ "Có mặt 35/40 · Vắng có phép 3 · Vắng 2"."""
    total = present + excused + absent
    return (
        f"Có mặt {vn_number(present)}/{vn_number(total)} · Vắng có phép {vn_number(excused)} · "
        f"Vắng {vn_number(absent)}"
    )


def reminder_text(row: OccurrenceRow) -> str:
    """One line of the "Sắp diễn ra" and "Quá hạn" lists: "T5 15/01 19:30 · Sinh hoạt…"."""
    when = f"{WEEKDAYS[row.day.weekday()]} {row.day:%d/%m}"
    if row.start_time:
        when += f" {row.start_time}"
    return f"{when} · {row.title}"


def summary_text(upcoming: int, overdue: int, plans: Sequence[PlanReminder] = ()) -> str:
    """The status bar's line at start ("" when there is nothing to say): the dates coming and
    overdue, and each plan still to register ("Kế hoạch năm 2027 chưa lập")."""
    parts = []
    if upcoming:
        parts.append(f"{upcoming} hoạt động trong 7 ngày tới")
    if overdue:
        parts.append(f"{overdue} hoạt động chưa ghi kết quả")
    parts.extend(f"Kế hoạch năm {r.year} {r.state_text}" for r in plans)
    return " · ".join(parts)


def plan_notice_html(plans: Sequence[PlanReminder]) -> str:
    """The calendar's notice of the plans still to register, one paragraph each ending with a
    link to the plan (its target is the plan's year)."""
    return "".join(
        f'<p>{html.escape(r.text)}. <a href="{r.year}">Mở kế hoạch năm {r.year}</a></p>'
        for r in plans
    )


def search_tokens(text: str) -> list[str]:
    return fold(text).split()


def matches(row: OccurrenceRow, tokens: Sequence[str]) -> bool:
    """Whether the title or place holds every token (tones and case ignored)."""
    if not tokens:
        return True
    haystack = fold(f"{row.title} {row.place or ''}")
    return all(token in haystack for token in tokens)


def search_elsewhere_text(year: int, months: Sequence[int], count: int, target: int | None) -> str:
    """Under the search box, the month shown having no match: where in ``year`` there are
    (``count`` dates in ``months``) and where Enter goes, or that the year has none."""
    if not months or target is None:
        return f"Không có buổi hoạt động nào khớp trong năm {year}."
    where = ", ".join(f"tháng {month}" for month in months)
    return (
        f"Không có trong tháng này; có {count} buổi hoạt động khớp trong năm {year}: {where}. "
        f"Enter: đến tháng {target}."
    )


def month_grid(year: int, month: int) -> tuple[dt.date, int]:
    """The first Monday shown and the number of weeks for a month (Monday first)."""
    first = dt.date(year, month, 1)
    start = first - dt.timedelta(days=first.weekday())
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    last = following - dt.timedelta(days=1)
    weeks = ((last - start).days + 1 + 6) // 7
    return start, weeks


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later, or the month's last day where it is shorter."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    last = (following - dt.timedelta(days=1)).day
    return dt.date(year, month, min(day.day, last))
