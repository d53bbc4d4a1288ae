"""What a rating round reads and shows, apart from the service that stores it: the round, a
member's row and the counts by level (plain values), and the rules applied to them — who is not
rated and why, the fields a change may set, the counts of a chi đoàn."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import ValidationError
from ..lang.dates import DAY, add_years, format_vn_date
from ..lang.text import fold, nfc, nfc_multiline_or_none, percent_cell, shares, vn_number
from ..lifecycle.periods import Period
from ..lifecycle.rules import (
    ACTIVE_STATUSES,
    EventFacts,
    StatusFacts,
    baseline_status,
    event_order,
    lenient_replay,
)
from ..roster.vocab import STATUSES, choice_code
from .rules import LEVELS, NOT_REGISTERED, TRAINING_RESULTS, RatingRules, parse_level

OPEN, CLOSED = "open", "closed"
LEVEL_FIELDS = ("self_level", "proposed_level", "decided_level")
TEXT_FIELDS = ("self_text", "proposed_remark", "remark")


@dataclass(frozen=True)
class RoundInfo:
    id: str
    year: int
    state: str
    rules: RatingRules
    closed_at: dt.datetime | None
    own_level: int | None
    own_remark: str | None
    history: tuple[tuple[str, str], ...]  # (action, dd/mm/yyyy hh:mm) of closings and reopenings

    @property
    def closed(self) -> bool:
        return self.state == CLOSED


@dataclass(frozen=True)
class RatingRow:
    """One member of the round with everything the grid shows."""

    member_id: str
    full_name: str
    birth_date: dt.date
    branch_id: str | None
    branch: str | None
    eligible: bool
    reason: str | None
    participation: float | None
    participation_entered: bool
    expected: int
    attended: int
    training_registered: bool | None
    training_result: str | None
    discipline: str | None
    suggested: int | None
    suggestion: str
    self_level: int | None
    self_text: str | None
    proposed_level: int | None
    proposed_remark: str | None
    decided_level: int | None
    remark: str | None
    left: bool = False
    """Off the active roster by the end of the year (or today, for the current year): moved
    away, matured, struck off or expelled during the year, not after it."""
    birth_precision: str = DAY
    """"year" for a member known by the birth year alone: ``birth_date`` is then its 1 January
    and is shown as the year (``format_vn_date(row.birth_date, row.birth_precision)``)."""
    note: str | None = None
    """For a rated member transferred in during the year for fewer months than the rules ask
    for: the rating rests on the previous organisation's remarks (:func:`arrival_note`)."""
    arrival_remarks: str | None = None
    """That transfer's note, where the previous organisation's remarks are usually written."""
    changed_after_closing: str | None = None
    """In a closed round, a member whose stored record was edited, or who was deleted from the
    roster, after the closing: what the row says of it
    (:func:`~.eligibility.changed_since`); None otherwise."""
    attendance_changed: str | None = None
    """In a closed round, for a rated member whose participation comes from the attendance: a
    mark of the year's recorded by the closing, or a date of the year the member was marked on,
    changed since; what the row says of it (:func:`~.since.marks_changed_since`)."""
    branch_renamed: str | None = None
    """In a closed round, the day (dd/mm/yyyy) the member's chi đoàn was renamed after the
    closing: ``branch`` is its name of now (:func:`~.since.branches_renamed_since`)."""
    sick_months: int | None = None
    """Months of sick leave in the year (1–12; None: none)."""
    dues_unpaid: bool | None = None
    """True when the year's dues are not paid in full (None: paid)."""

    @property
    def round_levels(self) -> tuple[int | None, int | None, int | None]:
        """The self-assessed, proposed and decided levels as the round holds them: none for a
        member it does not rate (a level saved for the member, before the member became so or
        by a command that warned, is not the round's; the grid, the sheet and the printed
        summary show none)."""
        if not self.eligible:
            return None, None, None
        return self.self_level, self.proposed_level, self.decided_level

    @property
    def differs_from_suggestion(self) -> bool:
        return (
            None not in (self.decided_level, self.suggested)
            and self.decided_level != self.suggested
        )

    @property
    def differs_from_proposal(self) -> bool:
        return None not in (self.decided_level, self.proposed_level) and (
            self.decided_level != self.proposed_level
        )


@dataclass(frozen=True)
class LevelCounts:
    """How many members were decided at each level (eligible members only)."""

    branch_id: str | None
    branch: str
    counts: dict[int, int]
    undecided: int
    not_rated: int
    branch_level: int | None = None
    branch_remark: str | None = None

    @property
    def rated(self) -> int:
        return sum(self.counts.values())

    @property
    def shares(self) -> dict[int, float]:
        """Each level's share of the members decided, in percent to one decimal, each its
        count's own rounding (:func:`~..lang.text.shares`): 9, 63, 32 and 4 of 108 are 8,3 +
        58,3 + 29,6 + 3,7 (99,9 in all). All 0 when none is decided."""
        return dict(zip(LEVELS, shares([self.counts.get(lv, 0) for lv in LEVELS]), strict=True))

    def share_text(self, level: int) -> str | None:
        """The share of the decided at ``level`` as the page and every document write it, in a
        table and in a sentence alike: one decimal and a comma ("33,3%", "20,0%"); None when
        none is decided at it."""
        if not self.counts.get(level, 0):
            return None
        return percent_cell(self.shares[level])

    def count_text(self, level: int) -> str:
        """ "9 (8,3%)": how many at ``level`` and their share of the decided; "0" for none."""
        share = self.share_text(level)
        count = vn_number(self.counts.get(level, 0))
        return count if share is None else f"{count} ({share})"


def parse_participation(text: str | float | None) -> float | None:
    """A rate given as 85, "85", "85%" or "85,5%" → 0.855; None for empty."""
    if text is None or (isinstance(text, str) and not text.strip()):
        return None
    value = float(str(text).strip().removesuffix("%").strip().replace(",", "."))
    if not 0 <= value <= 100:
        raise ValueError
    return value / 100


HISTORY_ACTIONS = {"close": "Kết thúc", "reopen": "Mở lại"}
"""A round's history entries' actions, as the page and a bundle's conflicts name them."""


def _entries(history: str | None) -> tuple[tuple[str, str], ...]:
    return tuple((str(h.get("action")), str(h.get("at"))) for h in json.loads(history or "[]"))


def history_entries(history: str | None) -> tuple[tuple[str, str], ...]:
    """(action, "dd/mm/yyyy hh:mm") of each closing and reopening in a round's ``history``
    (the JSON list :func:`append_history` writes; what a closing also keeps is left out); none
    when the text is not such a list (a bundle's): the round still reads."""
    try:
        return _entries(history)
    except (ValueError, AttributeError, TypeError):
        return ()


def history_said(history: str | None) -> str:
    """A round's ``history`` as the user reads it: "Kết thúc 10/12/2025 09:30; Mở lại
    12/12/2025 14:00" ("" for none). A text that is not such a history is given back as it is
    (a bundle's conflict shows what the file holds)."""
    try:
        entries = _entries(history)
    except (ValueError, AttributeError, TypeError):
        return str(history or "")
    return "; ".join(entries_said(entries))


def entries_said(entries: Sequence[tuple[str, str]]) -> list[str]:
    """Each (action, time) of :func:`history_entries` in words: "Kết thúc 10/12/2025 09:30"."""
    return [f"{HISTORY_ACTIONS.get(action, action)} {at}" for action, at in entries]


REVISIONS = "revisions"
"""Key of a closing's entry in a round's history: each member's version (``revision``) at the
closing, "id:revision" separated by spaces (:func:`~.eligibility.changed_since`). Only the
latest closing keeps it."""
EVENT_REVISIONS = "event_revisions"
"""Key of a closing's entry in a round's history: for each member with events, the sum of their
events' versions (deleted ones too) at the closing, "id:sum" separated by spaces: what the
events add to the member's version since is told by it (:func:`~.eligibility.changed_since`).
Only the latest closing keeps it."""
DELETED_EVENTS = "deleted_events"
"""Key of a closing's entry in a round's history: the ids of the members' events deleted at the
closing (taken back by "Hoàn tác", or deleted), "member:event,event" separated by spaces, for
the members with such events only: one brought back since ("Làm lại", or the undo of its
deletion) was not the round's, and a closed round leaves it out (:func:`closing_deleted`). Only
the latest closing keeps it."""


def append_history(history: str, action: str, kept: Mapping[str, str] | None = None) -> str:
    """``history`` (a round's JSON list) with ``action`` at the local time now; ``kept``: what a
    closing keeps (:data:`REVISIONS`, :data:`EVENT_REVISIONS`, :data:`DELETED_EVENTS`,
    :data:`~.since.COUNTS`: :func:`kept_text`), which replaces what an earlier closing kept under
    the same keys."""
    entries = json.loads(history or "[]")
    entry = {"action": action, "at": dt.datetime.now().strftime("%d/%m/%Y %H:%M")}
    for key, value in (kept or {}).items():
        for earlier in entries:
            earlier.pop(key, None)
        entry[key] = value
    entries.append(entry)
    return json.dumps(entries, ensure_ascii=False)


def kept_text(values: Mapping[str, object]) -> str:
    """Members' values as a closing keeps them (:func:`closing_kept` reads them back): "id:value"
    separated by spaces, in the order of the ids."""
    return " ".join(f"{member_id}:{value}" for member_id, value in sorted(values.items()))


def closing_kept(history: str | None, key: str) -> dict[str, str] | None:
    """What the latest closing in ``history`` kept under ``key`` ("id:value" separated by
    spaces), by member id; None when it kept none (a round closed by an older version, or
    written closed) or when the history is not as this app writes it (a bundle's): the round
    is then read as one that kept nothing, never refused."""
    try:
        entries = json.loads(history or "[]")
        closings = [e for e in entries if e.get("action") == "close"]
    except (ValueError, AttributeError, TypeError):
        return None
    kept = closings[-1].get(key) if closings else None
    if not isinstance(kept, str):
        return None
    found = {}
    for pair in kept.split():
        member_id, colon, value = pair.rpartition(":")
        if not colon:
            return None
        found[member_id] = value
    return found


def closing_revisions(history: str | None, key: str = REVISIONS) -> dict[str, int] | None:
    """Each member's version at the latest closing in ``history`` (:data:`REVISIONS`), or what
    it kept under another ``key`` of versions (:data:`EVENT_REVISIONS`); None when the closing
    kept none (:func:`closing_kept`)."""
    kept = closing_kept(history, key)
    if kept is None or not all(v.isdigit() for v in kept.values()):
        return None
    return {member_id: int(revision) for member_id, revision in kept.items()}


def closing_deleted(history: str | None) -> frozenset[str]:
    """The ids of the events deleted at the latest closing in ``history``
    (:data:`DELETED_EVENTS`); none when the closing kept none (a round closed by an older
    version reads the events brought back since as it always did: :func:`closing_kept`)."""
    kept = closing_kept(history, DELETED_EVENTS)
    if kept is None:
        return frozenset()
    return frozenset(event_id for ids in kept.values() for event_id in ids.split(","))


SICK_MONTHS_ERROR = "Số tháng nghỉ ốm phải là số nguyên từ 0 đến 12 (để trống: không nghỉ)."
DUES_ERROR = "Đoàn phí: ghi “có” (chưa đóng đủ đoàn phí) hoặc “không”."
_SICK = re.compile(r"(\d{1,2})(?:\s*thang)?")
_UNPAID = frozenset({"co", "x", "1", "yes", "true", "chua dong", "chua dong du", "chua du"})
_PAID = frozenset({"khong", "0", "no", "false", "da dong", "da dong du", "du"})


def parse_sick_months(value: object) -> int | None:
    """Months of sick leave as typed: 4, "4", "4 tháng" → 4; empty or 0 → None (none);
    ValueError for anything but a whole number from 0 to 12."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise ValueError
    if isinstance(value, float):
        if not value.is_integer():
            raise ValueError
        value = int(value)
    if isinstance(value, int):
        months = value
    else:
        found = _SICK.fullmatch(fold(str(value)).strip())
        if found is None:
            raise ValueError
        months = int(found.group(1))
    if not 0 <= months <= 12:
        raise ValueError
    return months or None


def parse_dues(value: object) -> bool | None:
    """Whether the year's dues are unpaid, as typed: True, "có", "x", "chưa đóng đủ" → True;
    empty, False, "không", "đã đóng đủ" → None (paid); ValueError otherwise."""
    if value is None or value is False:
        return None
    if value is True:
        return True
    if isinstance(value, int | float) and value in (0, 1):
        return True if value else None
    key = fold(str(value)).strip()
    if not key or key in _PAID:
        return None
    if key in _UNPAID:
        return True
    raise ValueError


def parse_level_field(value: int | str | None, field: str) -> int | None:
    try:
        return parse_level(value)
    except ValueError:
        raise ValidationError({field: "Mức xếp loại phải từ 1 đến 4 (hoặc tên mức)."}) from None


def parse_fields(raw: Mapping[str, Any]) -> dict[str, Any]:
    errors: dict[str, str] = {}
    values: dict[str, Any] = {}
    for name, value in raw.items():
        if name in LEVEL_FIELDS:
            try:
                values[name] = parse_level(value)
            except ValueError:
                errors[name] = "Mức xếp loại phải từ 1 đến 4 (hoặc tên mức)."
        elif name in TEXT_FIELDS:
            values[name] = nfc_multiline_or_none(value)
        elif name == "participation":
            try:
                values[name] = parse_participation(value)
            except ValueError:
                errors[name] = "Tỉ lệ tham gia phải là số từ 0 đến 100 (ví dụ 85 hoặc 85%)."
        elif name == "sick_months":
            try:
                values[name] = parse_sick_months(value)
            except ValueError:
                errors[name] = SICK_MONTHS_ERROR
        elif name == "dues_unpaid":
            try:
                values[name] = parse_dues(value)
            except ValueError:
                errors[name] = DUES_ERROR
        elif name == "training_registered":
            values[name] = None if value is None else bool(value)
        elif name == "training_result":
            text = nfc(value)
            code = choice_code(TRAINING_RESULTS, text)  # as a level: tones and case ignored
            if text and code is None:
                errors[name] = (
                    "Kết quả rèn luyện phải là: " + ", ".join(TRAINING_RESULTS.values()) + "."
                )
            values[name] = code
            if "training_registered" not in raw:  # a result says whether the member registered
                values["training_registered"] = None if code is None else code != NOT_REGISTERED
        else:
            raise ValueError(f"unknown rating field {name!r}")
    if errors:
        raise ValidationError(errors)
    return values


@dataclass(frozen=True)
class Arrival:
    """A member's latest transfer in of a year (by the round's day): its date, the organisation
    the member came from and the event's note (the previous organisation's remarks)."""

    day: dt.date
    organization: str | None
    note: str | None


def not_rated_reason(
    rules: RatingRules,
    status: str,
    party_date: dt.date | None,
    spans: list[Period],
    year: int,
    as_of: dt.date,
    arrival: Arrival | None = None,
) -> str | None:
    """Why a member is not rated this year (None: rated). A member who ``arrival`` says
    transferred in during the year is rated even with fewer months here than the rules ask for
    (DOMAIN.md §3: on the previous organisation's remarks, :func:`arrival_note`); a member
    admitted in the year is not."""
    if not any(p.covers(as_of) for p in spans):
        left = STATUSES.get(status, status) if status not in ACTIVE_STATUSES else "Thôi sinh hoạt"
        return f"{left} trong năm: không xếp loại tại đơn vị."
    if status == "temporary" and rules.temporary_remarks_only:
        return "Sinh hoạt tạm: đơn vị gốc xếp loại, ở đây chỉ nhận xét."
    full_member = party_date is not None and add_years(party_date, 1) <= dt.date(year, 12, 31)
    if rules.party_members_not_rated and full_member:
        return "Đảng viên chính thức: đánh giá, không xếp loại."
    if arrival is None and short_stay(rules, spans, year):
        return f"Sinh hoạt tại đơn vị chưa đủ {rules.min_months} tháng liên tục trong năm."
    return None


def arrival_note(
    rules: RatingRules, spans: list[Period], year: int, arrival: Arrival | None
) -> str | None:
    """What a rated member's row says when the member transferred in during the year for
    fewer months than the rules ask for (None otherwise)."""
    if arrival is None or not short_stay(rules, spans, year):
        return None
    origin = f" (từ {arrival.organization})" if arrival.organization else ""
    return (
        f"Chuyển đến ngày {format_vn_date(arrival.day)}{origin}: "
        "xếp loại căn cứ nhận xét của đơn vị cũ."
    )


def short_stay(rules: RatingRules, spans: Sequence[Period], year: int) -> bool:
    """Whether the member's longest unbroken stay in ``year`` is shorter than the months the
    rules ask for (none asked: never)."""
    if not rules.min_months:
        return False
    first, end = dt.date(year, 1, 1), dt.date(year + 1, 1, 1)
    needed = (end - months_before(end, rules.min_months)).days
    return longest_stay(spans, first, end) < needed


def longest_stay(spans: Sequence[Period], first: dt.date, end: dt.date) -> int:
    """The days of the member's longest unbroken stay from ``first`` to ``end`` (exclusive):
    the months the rules ask for are continuous (DOMAIN.md §3), so stays apart are not added
    up. Periods that meet (one ends the day the next begins) are one stay."""
    longest, start, until = 0, first, first
    for period in spans:  # oldest first, as lifecycle.periods gives them
        begins, ends = max(first, period.start or first), min(end, period.end or end)
        if ends <= begins:
            continue
        if begins > until:
            start = begins
        until = max(until, ends)
        longest = max(longest, (until - start).days)
    return longest


def status_on(member: StatusFacts, events: Sequence[EventFacts], day: dt.date) -> str:
    """The member's status at the end of ``day``, replayed from ``events`` (live, any order):
    a past year is rated by the standing of that year, not by today's (a member on temporary
    activity here in 2025 who transferred in for good in 2026 was only given remarks in 2025)."""
    timeline = sorted(events, key=event_order)
    if not timeline or timeline[0].event_date > day:
        # Nothing known of that day: a record added for an arrival after it holds a default
        # status before its first event, no standing of the member here. Today's is kept.
        return member.status
    status = baseline_status(member, timeline)
    for event, after in zip(timeline, lenient_replay(timeline, status), strict=True):
        if event.event_date > day:
            break
        status = after
    return status


def months_before(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 - months
    return dt.date(index // 12, index % 12 + 1, 1)


def level_counts(
    key: str | None,
    name: str,
    rows: list[RatingRow],
    level: int | None = None,
    remark: str | None = None,
) -> LevelCounts:
    eligible = [r for r in rows if r.eligible]
    decided = Counter(r.decided_level for r in eligible if r.decided_level is not None)
    return LevelCounts(
        key,
        name,
        {lv: decided.get(lv, 0) for lv in LEVELS},
        sum(1 for r in eligible if r.decided_level is None),
        len(rows) - len(eligible),
        level,
        remark,
    )
