"""Repeating activities: RFC 5545 recurrence rules (python-dateutil's rrule), always finite.

The secretary picks a preset ("ngày 15 hằng tháng", "Chủ nhật cuối tháng", weekly) or types an
RRULE; :func:`normalize_rule` turns either into one RRULE string with an end (UNTIL or COUNT),
and :func:`expand` gives its dates. A rule that never ends, or that makes more than
:data:`MAX_OCCURRENCES` dates, is refused like any bad input: the calendar stays bounded.

"Monthly" on the 29th, 30th or 31st means that day, or the month's last day where the month is
shorter (``BYMONTHDAY=31,-1;BYSETPOS=1``): a meeting "on the 31st" falls on 30 April and on
28 or 29 February, as a secretary would expect, instead of skipping those months as a plain
``BYMONTHDAY=31`` does.
"""

from __future__ import annotations

import datetime as dt
import re

from ..errors import ValidationError
from ..lang.text import fold

MAX_OCCURRENCES = 1000
PRESETS: dict[str, str] = {
    "monthly": "Hằng tháng (cùng ngày)",
    "weekly": "Hằng tuần",
    "last-sunday": "Chủ nhật cuối tháng",
}
"""The repeats a secretary picks from a list (``--repeat`` takes these codes or an RRULE)."""
_ALLOWED_FREQ = {"DAILY", "WEEKLY", "MONTHLY", "YEARLY"}
_ALLOWED_PARTS = {
    "FREQ", "INTERVAL", "UNTIL", "COUNT", "BYDAY", "BYMONTHDAY", "BYMONTH", "BYSETPOS",
    "BYWEEKNO", "BYYEARDAY", "WKST",
}  # fmt: skip
_UNTIL = re.compile(r"^\d{8}(T\d{6}Z?)?$")
_WEEKDAYS = {"MO": "Thứ Hai", "TU": "Thứ Ba", "WE": "Thứ Tư", "TH": "Thứ Năm", "FR": "Thứ Sáu",
             "SA": "Thứ Bảy", "SU": "Chủ nhật"}  # fmt: skip
_BYDAY = re.compile(r"^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$")
UNTIL_WORDS = "ngày kết thúc lặp lại"
"""How the messages below name the repeat's end date (the field ``until``)."""
ENDLESS_PRESET = f"Hoạt động lặp lại cần {UNTIL_WORDS}, nếu không lịch sẽ dài vô hạn."
ENDLESS_RULE = (
    f"Quy tắc lặp lại cần {UNTIL_WORDS} hoặc số lần (COUNT), nếu không lịch sẽ dài vô hạn."
)
"""Why a repeat without an end is refused: a preset can only end by a date; a rule typed by
hand may also end after a number of dates."""


UNTIL_BEFORE_START = "Ngày kết thúc lặp lại không thể trước ngày bắt đầu."


def _error(message: str) -> ValidationError:
    return ValidationError({"rule": message})


def preset_rule(preset: str, start: dt.date) -> str:
    """The RRULE (without its end) of a preset for an activity starting on ``start``."""
    if preset == "weekly":
        return "FREQ=WEEKLY"
    if preset == "last-sunday":
        return "FREQ=MONTHLY;BYDAY=-1SU"
    if preset == "monthly":
        if start.day >= 29:
            return f"FREQ=MONTHLY;BYMONTHDAY={start.day},-1;BYSETPOS=1"
        return f"FREQ=MONTHLY;BYMONTHDAY={start.day}"
    raise _error(f"Kiểu lặp lại không hợp lệ: {preset}.")


def _parts(rule: str) -> dict[str, str]:
    text = rule.strip()
    if text.upper().startswith("RRULE:"):
        text = text[6:]
    parts: dict[str, str] = {}
    for chunk in filter(None, text.split(";")):
        name, sep, value = chunk.partition("=")
        name = name.strip().upper()
        if not sep or not value.strip():
            raise _error(f"Quy tắc lặp lại không hợp lệ (phần “{chunk}”).")
        if name not in _ALLOWED_PARTS:
            raise _error(f"Quy tắc lặp lại không hỗ trợ phần “{name}”.")
        if name in parts:
            raise _error(f"Quy tắc lặp lại có phần “{name}” hai lần.")
        parts[name] = value.strip().upper()
    if parts.get("FREQ") not in _ALLOWED_FREQ:
        raise _error(
            "Quy tắc lặp lại cần FREQ là DAILY, WEEKLY, MONTHLY hoặc YEARLY "
            "(ví dụ FREQ=MONTHLY;BYMONTHDAY=15)."
        )
    return parts


def normalize_rule(rule: str, start: dt.date, until: dt.date | None = None) -> str:
    """One finite RRULE from a preset code (:data:`PRESETS`, also its Vietnamese name) or an
    RRULE string, ending at ``until`` when given (which replaces an UNTIL or COUNT of the rule).

    Raises :class:`ValidationError` (field ``rule``) for a rule that cannot be read, never ends,
    ends before it starts or makes more than :data:`MAX_OCCURRENCES` dates.
    """
    key = fold(rule).strip()
    presets = {fold(name): code for code, name in PRESETS.items()} | {c: c for c in PRESETS}
    base = preset_rule(presets[key], start) if key in presets else rule
    parts = _parts(base)
    if until is not None:
        if until < start:
            raise _error(UNTIL_BEFORE_START)
        parts.pop("COUNT", None)
        parts["UNTIL"] = until.strftime("%Y%m%d")
    if "UNTIL" in parts and "COUNT" in parts:
        raise _error("Quy tắc lặp lại không được có cả UNTIL và COUNT.")
    if "UNTIL" not in parts and "COUNT" not in parts:
        raise _error(ENDLESS_PRESET if key in presets else ENDLESS_RULE)
    if "UNTIL" in parts and not _UNTIL.match(parts["UNTIL"]):
        raise _error("UNTIL trong quy tắc lặp lại phải có dạng YYYYMMDD.")
    if "COUNT" in parts and not (parts["COUNT"].isdigit() and int(parts["COUNT"]) >= 1):
        raise _error("COUNT trong quy tắc lặp lại phải là một số nguyên dương.")
    if "COUNT" in parts and int(parts["COUNT"]) > MAX_OCCURRENCES:
        raise _error(f"Hoạt động lặp lại tối đa {MAX_OCCURRENCES} lần.")
    if "UNTIL" in parts:
        parts["UNTIL"] = parts["UNTIL"][:8]  # dates only: the calendar is by day
    order = ["FREQ", *sorted(p for p in parts if p not in ("FREQ", "UNTIL", "COUNT"))]
    order += [p for p in ("UNTIL", "COUNT") if p in parts]
    normalized = ";".join(f"{p}={parts[p]}" for p in order)
    expand(normalized, start)  # checks that dateutil reads it and the number of dates
    return normalized


def expand(rule: str, start: dt.date) -> list[dt.date]:
    """The dates of a finite ``rule`` from ``start`` (the first date is ``start`` itself when
    the rule matches it). At most :data:`MAX_OCCURRENCES`, else :class:`ValidationError`."""
    from dateutil.rrule import rrulestr

    try:
        recurrence = rrulestr(rule, dtstart=dt.datetime.combine(start, dt.time()))
    except (ValueError, TypeError, OverflowError) as exc:
        raise _error(f"Quy tắc lặp lại không hợp lệ: {rule}.") from exc
    dates: list[dt.date] = []
    try:
        for moment in recurrence:
            dates.append(moment.date())
            if len(dates) > MAX_OCCURRENCES:
                raise _error(
                    f"Quy tắc lặp lại tạo ra hơn {MAX_OCCURRENCES} ngày: "
                    "hãy chọn ngày kết thúc gần hơn."
                )
    except (ValueError, OverflowError) as exc:
        raise _error(f"Quy tắc lặp lại không hợp lệ: {rule}.") from exc
    if not dates:
        raise _error("Quy tắc lặp lại không tạo ra ngày nào trước ngày kết thúc.")
    return dates


def _nth_day(nth: int, name: str) -> str:
    """ "Thứ Bảy tuần thứ 2", "Chủ nhật cuối tháng", "Chủ nhật áp chót"…"""
    if nth > 0:
        return f"{name} tuần thứ {nth}"
    if nth == -1:
        return f"{name} cuối tháng"
    if nth == -2:
        return f"{name} áp chót"
    return f"{name} thứ {-nth} tính từ cuối tháng"


def _nth_of(position: int) -> str:
    """The BYSETPOS among several weekdays: "đầu tiên", "thứ 2", "cuối cùng", "áp chót"…"""
    if position == 1:
        return "đầu tiên"
    if position > 0:
        return f"thứ {position}"
    if position == -1:
        return "cuối cùng"
    if position == -2:
        return "áp chót"
    return f"thứ {-position} tính từ cuối"


def _monthly_days(parts: dict[str, str], days: list[tuple[str | None, str]], every: str) -> str:
    """A monthly rule by weekdays ("BYDAY=SA", "BYDAY=-2SU", "BYDAY=MO,FR;BYSETPOS=-1")."""
    positions = parts.get("BYSETPOS", "").split(",") if "BYSETPOS" in parts else []
    single = len(positions) == 1 and positions[0].lstrip("+-").isdigit()
    if single and all(not nth for nth, _ in days):
        position = int(positions[0])
        if len(days) == 1:  # "BYDAY=SA;BYSETPOS=2" is "BYDAY=2SA"
            days = [(str(position), days[0][1])]
        else:
            names = ", ".join(_WEEKDAYS[code] for _, code in days)
            return f"Ngày {_nth_of(position)} trong các ngày {names} của tháng{every}"
    if all(not nth for nth, _ in days):
        text = "Mọi " + ", ".join(_WEEKDAYS[code] for _, code in days)
    else:
        text = ", ".join(
            _nth_day(int(nth), _WEEKDAYS[code]) if nth else f"mọi {_WEEKDAYS[code]}"
            for nth, code in days
        )
        text = text[:1].upper() + text[1:]
    if every:
        return text + every
    return text if text.endswith("tháng") else f"{text} hằng tháng"


def describe(rule: str | None) -> str:
    """The rule in Vietnamese words, for lists and documents ("" for a one-off activity)."""
    if not rule:
        return ""
    parts = _parts(rule)
    freq = parts["FREQ"]
    interval = int(parts.get("INTERVAL", "1") or 1)
    words = {"DAILY": "ngày", "WEEKLY": "tuần", "MONTHLY": "tháng", "YEARLY": "năm"}[freq]
    text = f"Hằng {words}" if interval == 1 else f"{interval} {words} một lần"
    every = "" if interval == 1 else f", {interval} tháng một lần"  # a quarter: not "hằng"
    days = [_BYDAY.match(d) for d in parts.get("BYDAY", "").split(",")]
    plain = "BYDAY" in parts and all(d and not d[1] for d in days)
    if freq == "DAILY" and plain and interval == 1 and "BYSETPOS" not in parts:
        freq = "WEEKLY"  # FREQ=DAILY;BYDAY=MO,TU: those days of every week
    if freq == "WEEKLY" and plain:
        names = ", ".join(_WEEKDAYS[d[2]] for d in days if d)
        text = f"{names} hằng tuần" if interval == 1 else f"{names}, {interval} tuần một lần"
    elif freq == "MONTHLY" and "BYDAY" in parts and all(days):
        text = _monthly_days(parts, [(d[1], d[2]) for d in days if d], every)
    elif freq == "MONTHLY" and "BYMONTHDAY" in parts:
        numbers = parts["BYMONTHDAY"].split(",")
        if "BYSETPOS" in parts:  # the preset's "31,-1;BYSETPOS=1": the 31st or the last day
            numbers = numbers[:1]
        day = ", ".join("cuối tháng" if n == "-1" else n for n in numbers)
        text = f"Ngày {day}{every}" if every or day.endswith("tháng") else f"Ngày {day} hằng tháng"
    if "UNTIL" in parts:
        until = parts["UNTIL"]
        text += f", đến {until[6:8]}/{until[4:6]}/{until[0:4]}"
    elif "COUNT" in parts:
        text += f", {parts['COUNT']} lần"
    return text
