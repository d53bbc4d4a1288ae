"""What an activity is made of, validated from the form's or the command line's text."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..errors import ValidationError
from ..lang.dates import FIRST_YEAR, LAST_YEAR, DateFormatError, parse_vn_date
from ..lang.numbers import parse_count
from ..lang.text import nfc, nfc_multiline_or_none, nfc_or_none
from .recurrence import (
    ENDLESS_PRESET,
    ENDLESS_RULE,
    UNTIL_BEFORE_START,
    UNTIL_WORDS,
    normalize_rule,
)
from .rules import code_of, parse_time

END_DATE_LABEL = "Ngày kết thúc"
"""The form's label of ``end_date``, as a message telling to fill it in names it."""

LONGEST_TITLE = 500
"""The most characters an activity's title takes (its column is ``String(500)``): the form, the
command line and a bundle's rows (``bundle.validate``) refuse a longer one."""


@dataclass(frozen=True)
class ActivityFields:
    """An activity as the form edits it, validated and in NFC. ``rule`` is a normalised finite
    RRULE (None: once); ``branch_ids`` empty: the whole organisation."""

    title: str
    kind: str
    start_date: dt.date
    start_time: str | None = None
    end_date: dt.date | None = None
    end_time: str | None = None
    place: str | None = None
    branch_ids: tuple[str, ...] = ()
    target_ids: tuple[str, ...] = ()
    partners: str | None = None
    expected_participants: int | None = None
    rule: str | None = None
    notes: str | None = None


def activity_day(text: str) -> dt.date:
    """A date of an activity typed as dd/mm/yyyy; :class:`DateFormatError` (its message in
    Vietnamese) when it is not one, or not in :data:`FIRST_YEAR` – :data:`LAST_YEAR`."""
    day = parse_vn_date(text)[0]
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise DateFormatError(
            f"Năm {day.year} không hợp lệ: ngày của hoạt động phải trong các năm "
            f"{FIRST_YEAR}–{LAST_YEAR}."
        )
    return day


def _day(text: str, name: str, errors: dict[str, str]) -> dt.date | None:
    if not text.strip():
        return None
    try:
        return activity_day(text)
    except DateFormatError as exc:
        errors[name] = str(exc)
        return None


def _time(text: str, name: str, errors: dict[str, str]) -> str | None:
    try:
        return parse_time(text)
    except ValueError as exc:
        errors[name] = str(exc)
        return None


def parse_activity(raw: Mapping[str, object], kinds: Mapping[str, str]) -> ActivityFields:
    """Validate an activity: ``raw`` maps field names to text (``branch_ids`` and ``target_ids``
    to sequences of ids; ``repeat`` a preset or RRULE, ``until`` its end date). ``kinds`` maps
    each kind's code to its name. Every problem is reported at once."""

    def text(name: str) -> str:
        value = raw.get(name)
        return nfc(value) if isinstance(value, str) else ""

    def multiline(name: str) -> str | None:
        value = raw.get(name)
        return nfc_multiline_or_none(value) if isinstance(value, str) else None

    errors: dict[str, str] = {}
    mentions: dict[str, tuple[str, str]] = {}
    title = text("title")
    if not title:
        errors["title"] = "Cần nhập tên hoạt động."
    elif len(title) > LONGEST_TITLE:
        errors["title"] = f"Tên hoạt động dài quá {LONGEST_TITLE} ký tự."
    kind = code_of(dict(kinds), text("kind") or "khac")
    if kind is None:
        errors["kind"] = "Loại hoạt động không có trong danh sách: " + ", ".join(kinds.values())
    start = _day(text("start_date"), "start_date", errors)
    if start is None and "start_date" not in errors:
        errors["start_date"] = "Cần nhập ngày diễn ra."
    start_time = _time(text("start_time"), "start_time", errors)
    end = _day(text("end_date"), "end_date", errors)
    end_time = _time(text("end_time"), "end_time", errors)
    if start and end and end < start:
        errors["end_date"] = "Ngày kết thúc không thể trước ngày bắt đầu."
    elif start and end and (end - start).days > 366:
        errors["end_date"] = "Một hoạt động kéo dài tối đa một năm: hãy chia thành nhiều hoạt động."
    elif start_time and end_time and (end is None or end == start) and end_time < start_time:
        # An evening past midnight ("19:00" to "01:00") ends the next day: say how to enter it.
        errors["end_time"] = "Giờ kết thúc không thể trước giờ bắt đầu. " + (
            "Hoạt động lặp lại phải kết thúc trong ngày: nếu kéo dài qua nửa đêm, hãy để trống "
            "giờ kết thúc."
            if text("repeat")
            else f"Nếu hoạt động kéo dài qua nửa đêm, hãy nhập “{END_DATE_LABEL}” là ngày hôm sau."
        )
        if not text("repeat"):
            mentions["end_time"] = ("end_date", END_DATE_LABEL)
    expected: int | None = None
    if text("expected_participants"):
        try:
            expected = parse_count(text("expected_participants"))
            if expected is None or not 0 < expected <= 100_000:
                raise ValueError
        except ValueError:
            errors["expected_participants"] = "Số người dự kiến phải là số nguyên dương."
    rule: str | None = None
    repeat = text("repeat")
    until = _day(text("until"), "until", errors)
    if repeat and start is not None:
        if end is not None and end != start:
            errors["rule"] = "Hoạt động kéo dài nhiều ngày không thể lặp lại."
        elif until is not None and until < start:  # said under the date to correct
            errors["until"] = UNTIL_BEFORE_START
        else:
            try:
                rule = normalize_rule(repeat, start, until)
            except ValidationError as exc:
                found = exc.field_errors
                endless = found.get("rule") in (ENDLESS_PRESET, ENDLESS_RULE)
                if "until" in errors and endless:
                    found = {}  # an end date was typed: its own message says what is wrong
                elif endless:
                    mentions["rule"] = ("until", UNTIL_WORDS)
                errors.update(found)
    elif until is not None and not repeat:
        errors["until"] = "Chỉ hoạt động lặp lại mới có ngày kết thúc lặp lại."
    if errors:
        raise ValidationError(errors, mentions=mentions)
    assert start is not None and kind is not None

    def ids(name: str) -> tuple[str, ...]:
        value = raw.get(name) or ()
        assert isinstance(value, Sequence) and not isinstance(value, str)
        return tuple(dict.fromkeys(str(v) for v in value if v))

    return ActivityFields(
        title=title,
        kind=kind,
        start_date=start,
        start_time=start_time,
        end_date=end if end != start else None,
        end_time=end_time,
        place=nfc_or_none(text("place")),
        branch_ids=ids("branch_ids"),
        target_ids=ids("target_ids"),
        partners=multiline("partners"),
        expected_participants=expected,
        rule=rule,
        notes=multiline("notes"),
    )
