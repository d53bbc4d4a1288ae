"""The rules of a member's standing over time: admission, transfers, temporary activity,
coming of age, discipline, striking off, the Party (DOMAIN.md §4).

Each change is a :class:`~doancoso.core.storage.models.MemberEvent` with a date and usually a
decision number.
**The member's status follows from the events**: it is replayed from the events in date
order (ties: order of recording) starting from the status the member had before its first event
(kept on every event as ``status_before``), checked at every step, and stored in
``members.status`` in the same transaction. Deleting an event (a tombstone) replays the rest,
and takes back the fields it gave the member (an admission's date, place and decision number,
a Party admission's date): those of a remaining event take their place, a value the event did
not give (typed by the secretary) stays.

Effects of each kind on the status (anything not listed keeps it):

==================  ==================  ======================================================
kind                status after        also
==================  ==================  ======================================================
admission           active              sets ``admission_date`` (and ``admission_place``,
                                        ``admission_decision`` from its number, when given)
transfer_in         active
transfer_out        transferred_out
temporary           temporary
matured             matured
discipline          expelled            only for "khai trừ" (expulsion)
struck_off          removed
party_admission     (unchanged)         sets ``party_date``
party_introduction  (unchanged)
==================  ==================  ======================================================

Members who left (transferred out, expelled, struck off) stay on record, read-only, outside the
active roster (:data:`ACTIVE_STATUSES`); only a transfer back in can be recorded for them. A
matured member can only still have a Party admission recorded. A transfer in is refused for an
active member who already has events, but allowed as the first event of a member whose record
was just added for the arrival. An admission must be the member's first event, and only one.
Temporary activity does not end by itself at ``period_end``: a transfer in (or out) ends it
(``EventService.end_temporary`` records the transfer out back to the home organisation), so a
temporary event needs the home organisation. A Party admission comes after the member's
introduction to the Party, when there is one (DOMAIN.md requires none: members admitted before
their records were kept), never on the same day; an introduction recorded once the admission
is (a secretary back-filling the history) must be dated before it, never on the same day either
(:class:`PrecedenceConflict`): events of one day replay in the order they were recorded, and
the introduction would follow the admission. An event refused at its date but accepted after a
later event of the history is refused naming that event and both dates (:func:`replay_with`).

Dates are checked against the member's age (:func:`check_date`): admission from 16 to 30 (an
admission dated before today's rules took effect is history: not refused), coming of age from
the year the member reaches the organisation's coming-of-age age, Party admission from 18 full
years; a birth known only by its year counts by the year.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from ..errors import ConflictError
from ..lang.dates import DAY, DateFormatError, format_vn_date, parse_vn_date
from ..roster.rules import COMING_OF_AGE, admission_age_error, party_age_error
from ..roster.vocab import STATUSES

if TYPE_CHECKING:
    from ..storage.models import Member, MemberEvent

EVENT_KINDS: dict[str, str] = {
    "admission": "Kết nạp Đoàn",
    "transfer_in": "Chuyển sinh hoạt đến",
    "transfer_out": "Chuyển sinh hoạt đi",
    "temporary": "Sinh hoạt tạm",
    "discipline": "Kỷ luật",
    "struck_off": "Xóa tên",
    "matured": "Trưởng thành Đoàn",
    "party_introduction": "Giới thiệu đoàn viên ưu tú cho Đảng",
    "party_admission": "Vào Đảng",
    "org_merge": "Sáp nhập tổ chức Đoàn",
}

APP_KINDS: tuple[str, ...] = ("org_merge",)
"""Kinds the app records itself (the merge of another organisation's data, issue #17), never
offered for a secretary to record; they leave the member's status as it was."""

DISCIPLINE_LEVELS: dict[str, str] = {
    "reprimand": "Khiển trách",
    "warning": "Cảnh cáo",
    "expulsion": "Khai trừ",
}

ACTIVE_STATUSES: tuple[str, ...] = ("active", "temporary")
"""The active roster: members who take part in the life of the union here."""

LEFT_STATUSES: tuple[str, ...] = ("transferred_out", "expelled", "removed")
"""Members who left: kept on record, read-only; only a transfer back in can be recorded."""

READ_ONLY_STATUSES: tuple[str, ...] = (*LEFT_STATUSES, "matured")
"""Statuses whose member record is read-only: the roster refuses to save it, the GUI shows it
read-only."""

READ_ONLY_REASONS: dict[str, str] = {
    "transferred_out": "đã chuyển sinh hoạt đi",
    "expelled": "đã bị khai trừ",
    "removed": "đã bị xóa tên",
    "matured": "đã trưởng thành Đoàn",
}
"""Why a member with a :data:`READ_ONLY_STATUSES` status is read-only, in words."""

# Kinds that take a member off the active roster (statistics: "departures").
DEPARTURE_KINDS: tuple[str, ...] = ("transfer_out", "struck_off", "matured", "discipline")

_STATUS_AFTER = {
    "admission": "active",
    "transfer_in": "active",
    "transfer_out": "transferred_out",
    "temporary": "temporary",
    "matured": "matured",
    "struck_off": "removed",
}

# Keyword details accepted by :meth:`EventService.record`, per kind.
DETAILS: dict[str, tuple[str, ...]] = {
    "admission": ("place", "introducer_id", "introducer_name"),
    "transfer_in": ("other_organization",),
    "transfer_out": ("other_organization", "dues_paid_until", "remarks"),
    "temporary": ("home_organization", "period_start", "period_end"),
    "discipline": ("level",),
}


def is_read_only(status: str) -> bool:
    """Whether a member with ``status`` is shown read-only (left the union or came of age)."""
    return status in READ_ONLY_STATUSES


def held_position(position: str | None, status: str) -> str:
    """The union position a member with ``status`` holds, as lists and documents show it: none
    for a member who left or came of age (:data:`READ_ONLY_STATUSES`), whose post is vacated
    (the chi đoàn's one Bí thư is counted so too, ``roster.branches.secretary_rows``). Their
    record keeps the stored value, read-only: the post they held before leaving, which their
    history names (``ui.lifecycle.timeline``), until a transfer in brings them back holding
    none (``member_fields.vacate_on_return``)."""
    return "" if is_read_only(status) else position or ""


LEAVING_WORDS: dict[str, str] = {
    "transfer_out": "chuyển sinh hoạt",
    "matured": "trưởng thành Đoàn",
    "struck_off": "bị xóa tên",
    "discipline": "bị khai trừ",
}
"""How "Chức vụ trước khi …" names the event that took a member off the roster, by kind."""


def allowed_kinds(status: str) -> tuple[str, ...]:
    """The kinds of event worth offering for a member with ``status``: those
    :func:`check_transition` can accept from it, whatever the member's history.

    A member who left can only come back (transfer in); a matured member can only still join
    the Party. Anyone else is offered every kind: the member's history decides the rest, and the
    core still checks each event.
    """
    if status in LEFT_STATUSES:
        return ("transfer_in",)
    if status == "matured":
        return ("party_admission",)
    return tuple(k for k in EVENT_KINDS if k not in APP_KINDS)


def parse_day(value: object, field: str, errors: dict[str, str]) -> dt.date | None:
    """A date given as a ``date`` or as dd/mm/yyyy text; a bad one is noted in ``errors``."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return parse_vn_date(str(value))[0]
    except DateFormatError as exc:
        errors[field] = str(exc)
        return None


class EventEffect(Protocol):
    """What the transition rule reads of an event: its kind, and a discipline's level."""

    @property
    def kind(self) -> str: ...
    @property
    def discipline_level(self) -> str | None: ...


class EventFacts(Protocol):
    """What replaying a member's events reads of each: a :class:`MemberEvent`, or the same
    columns read without the ORM (see :mod:`.periods`)."""

    @property
    def id(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def event_date(self) -> dt.date: ...
    @property
    def sequence(self) -> int: ...
    @property
    def status_before(self) -> str: ...
    @property
    def discipline_level(self) -> str | None: ...


class DatedEffect(EventEffect, Protocol):
    """An event of a member's history with its date (what the date-order refusals name)."""

    @property
    def event_date(self) -> dt.date: ...


class StatusFacts(Protocol):
    """What :func:`baseline_status` reads of a member without events."""

    @property
    def status(self) -> str: ...


def event_order(event: EventFacts) -> tuple[dt.date, int, str]:
    """Events replay by date, then in the order they were recorded for the member (their
    ``sequence``, which travels with them): never by a machine's clock."""
    return event.event_date, event.sequence or 0, event.id or ""


def check_transition(
    status: str, event: MemberEvent, index: int, member: Member, seen: set[str]
) -> None:
    """Refuse ``event`` when the member's ``status`` (after ``index`` events) does not allow it."""
    message = transition_refusal(status, event.kind, index, seen, member.full_name)
    if message is not None:
        raise ConflictError(message)


def transition_refusal(
    status: str, kind: str, index: int, seen: Collection[str], name: str
) -> str | None:
    """Why an event of ``kind`` cannot follow ``index`` events (of the kinds ``seen``) that left
    the member ``name`` with ``status``, or None: the rule of :func:`check_transition`."""
    label = EVENT_KINDS[kind]
    if status in LEFT_STATUSES and kind != "transfer_in":
        left = STATUSES.get(status, status).lower()
        if kind == "transfer_out":
            return f"Đoàn viên {name} {left}: không thể chuyển sinh hoạt đi lần nữa."
        return (
            f"Đoàn viên {name} {left}: chỉ có thể ghi nhận “Chuyển sinh hoạt đến”, "
            f"không thể ghi nhận “{label}”."
        )
    if status == "matured" and kind != "party_admission":
        return f"Đoàn viên {name} đã trưởng thành Đoàn: không thể ghi nhận “{label}”."
    if kind == "transfer_in" and status == "active" and index > 0:
        return (
            f"Đoàn viên {name} đang sinh hoạt tại đơn vị: không thể ghi nhận chuyển sinh hoạt đến."
        )
    if kind == "admission" and "admission" in seen:
        return f"Đoàn viên {name} đã có quyết định kết nạp Đoàn."
    if kind == "admission" and index > 0:
        return f"Ngày kết nạp Đoàn của {name} phải trước mọi sự kiện khác của đoàn viên này."
    if kind == "party_admission" and "party_admission" in seen:
        return f"Đoàn viên {name} đã được ghi nhận vào Đảng."
    if kind == "party_introduction" and "party_admission" in seen:
        return f"Đoàn viên {name} đã được ghi nhận vào Đảng: không thể ghi nhận “{label}”."
    return None


def next_kinds(status: str, seen: Collection[str], count: int) -> tuple[str, ...]:
    """The kinds of :func:`allowed_kinds` that :func:`check_transition` accepts as the latest
    of a member's events (dated today, after the ``count`` recorded, of the kinds ``seen``),
    the member's status being ``status``: what an event dialog can open on."""
    return tuple(
        kind
        for kind in allowed_kinds(status)
        if transition_refusal(status, kind, count, seen, "") is None
    )


def sure_refusals(
    status: str, baseline: str, history: Sequence[DatedEffect], kinds: Iterable[str], name: str
) -> dict[str, str]:
    """The kinds of ``kinds`` that :func:`check_transition` refuses whatever the new event's
    date, each with the reason it is refused dated today (after the whole ``history``, which
    left the member ``name`` with ``status``): for every place among the member's events (in
    timeline order, starting from ``baseline``) the new event could take, the new event or
    one after it is refused (an admission before the member's admission makes that one the
    second). A kind accepted at some date stays out: the core decides once the date is given
    (an introduction to the Party of a Party member, dated before the admission).
    """
    seen = {event.kind for event in history}
    refusals: dict[str, str] = {}
    for kind in kinds:
        reason = transition_refusal(status, kind, len(history), seen, name)
        if reason is None:
            continue
        levels = tuple(DISCIPLINE_LEVELS) if kind == "discipline" else (None,)
        timelines = (
            list[EventEffect]([*history[:place], _Effect(kind, level), *history[place:]])
            for place in range(len(history) + 1)
            for level in levels
        )
        if not any(_accepted(baseline, timeline) for timeline in timelines):
            refusals[kind] = reason
    return refusals


@dataclass(frozen=True)
class _Effect:
    """An event not recorded yet, as far as the transition rule reads it."""

    kind: str
    discipline_level: str | None


def _accepted(baseline: str, timeline: Sequence[EventEffect]) -> bool:
    """Whether :func:`check_transition` accepts every event of ``timeline`` from ``baseline``."""
    status, seen = baseline, set[str]()
    for index, event in enumerate(timeline):
        if transition_refusal(status, event.kind, index, seen, "") is not None:
            return False
        seen.add(event.kind)
        status = _status_after(status, event)
    return True


def replay(
    member: Member, events: Sequence[MemberEvent], baseline: str, strict: bool = True
) -> list[str]:
    """The status after each of ``events`` (in timeline order), starting from ``baseline``.

    ``strict``: refuse an impossible transition with a :class:`ConflictError`; otherwise (to
    show a history merged from elsewhere) apply every event as it comes.
    """
    if not strict:
        return lenient_replay(events, baseline)
    status, seen, after = baseline, set[str](), []
    introduced: MemberEvent | None = None
    joined: MemberEvent | None = None
    for index, event in enumerate(events):
        if event.kind == "party_introduction" and joined is not None and not is_read_only(status):
            raise PrecedenceConflict(event, joined)  # the date is wrong, not the status
        check_transition(status, event, index, member, seen)
        same_day = introduced is not None and introduced.event_date == event.event_date
        if event.kind == "party_admission" and introduced is not None and same_day:
            raise OrderConflict(event, introduced)  # in that order by their recording only
        if event.kind == "party_introduction":
            introduced = event
        if event.kind == "party_admission":
            joined = event
        seen.add(event.kind)
        status = _status_after(status, event)
        after.append(status)
    return after


_DATE_NOUNS: dict[str, str] = {
    "party_introduction": "giới thiệu cho Đảng",
}
"""How "ngày …" names an event of a kind when the label does not say it well."""

_EARLIER_NOUNS: dict[str, str] = {
    **_DATE_NOUNS,
    "transfer_in": "chuyển đến",
    "transfer_out": "chuyển đi",
    "temporary": "bắt đầu sinh hoạt tạm",
}
"""The same, for the event another one must follow ("… phải sau ngày chuyển đi …")."""


def date_noun(kind: str, earlier: bool = False) -> str:
    """What "ngày …" names the date of an event of ``kind`` with (``earlier``: as the event
    another must follow)."""
    nouns = _EARLIER_NOUNS if earlier else _DATE_NOUNS
    label = EVENT_KINDS.get(kind, kind)
    return nouns.get(kind, label[:1].lower() + label[1:])


class OrderConflict(ConflictError):
    """An event refused for its date: it must follow ``earlier``, a later event of the history
    (``kind``, ``date``, ``earlier_kind`` and ``earlier_date`` say which)."""

    def __init__(self, event: DatedEffect, earlier: DatedEffect) -> None:
        self.kind, self.date = event.kind, event.event_date
        self.earlier_kind, self.earlier_date = earlier.kind, earlier.event_date
        super().__init__(
            f"Ngày {date_noun(self.kind)} ({format_vn_date(self.date)}) phải sau ngày "
            f"{date_noun(self.earlier_kind, earlier=True)} ({format_vn_date(self.earlier_date)})."
        )


class PrecedenceConflict(ConflictError):
    """An event refused for its date: it must come before ``later``, an event of the history
    dated on or before it (an introduction to the Party recorded after the admission)."""

    def __init__(self, event: DatedEffect, later: DatedEffect) -> None:
        self.event = event
        super().__init__(
            f"Ngày {date_noun(event.kind)} ({format_vn_date(event.event_date)}) phải trước ngày "
            f"{date_noun(later.kind, earlier=True)} ({format_vn_date(later.event_date)})."
        )


def replay_with(
    member: Member, events: Sequence[MemberEvent], event: MemberEvent, baseline: str
) -> tuple[list[MemberEvent], list[str]]:
    """The member's timeline with the new ``event`` in its place among ``events`` (in timeline
    order), and the status after each (:func:`replay`, strict).

    An event refused at its date that the history accepts after a later event is refused with
    an :class:`OrderConflict` naming the first such event: the date is what is wrong, not the
    status the member had then (a transfer in dated before the transfer out it answers). A new
    introduction to the Party dated on or after the admission is refused with the
    :class:`PrecedenceConflict` naming the admission.
    """
    timeline = sorted([*events, event], key=event_order)
    try:
        return timeline, replay(member, timeline, baseline)
    except OrderConflict:
        raise
    except ConflictError as refused:
        if isinstance(refused, PrecedenceConflict) and refused.event is event:
            raise
        others = [e for e in timeline if e is not event]
        place = timeline.index(event)
        for later in range(place + 1, len(others) + 1):
            moved = [*others[:later], event, *others[later:]]
            try:
                replay(member, moved, baseline)
            except ConflictError:
                continue
            raise OrderConflict(event, others[later - 1]) from refused
        raise


def lenient_replay(events: Sequence[EventFacts], baseline: str) -> list[str]:
    """:func:`replay` without its checks: every event applied as it comes."""
    after = []
    status = baseline
    for event in events:
        status = _status_after(status, event)
        after.append(status)
    return after


def _status_after(status: str, event: EventEffect) -> str:
    if event.kind == "discipline":
        return "expelled" if event.discipline_level == "expulsion" else status
    return _STATUS_AFTER.get(event.kind, status)


def check_date(
    member: Member,
    kind: str,
    when: dt.date,
    today: dt.date,
    errors: dict[str, str],
    coming_of_age: int = COMING_OF_AGE,
) -> None:
    """Refuse (in ``errors["date"]``) a date the member's age does not allow for ``kind``.

    Admission: from 16 to 30 (:func:`~doancoso.core.roster.rules.admission_age_error`: an
    admission dated before today's rules is history and not refused). Coming of age: in
    the year the member reaches ``coming_of_age`` (the organisation's setting) or later. Party
    admission: from 18 full years. A birth known only by its year counts by the year.
    """
    birth, precision = member.birth_date, member.birth_precision
    born = format_vn_date(birth, precision)
    if when > today:
        errors["date"] = "Ngày của sự kiện không thể sau ngày hôm nay."
    elif (when < birth) if precision == DAY else (when.year < birth.year):
        errors["date"] = (
            f"Ngày của sự kiện ({format_vn_date(when)}) không thể trước ngày sinh của "
            f"đoàn viên ({born})."
        )
    elif kind == "admission":
        message = admission_age_error(birth, precision, when)
        if message:
            errors["date"] = message
    elif kind == "matured":
        reached = birth.year + coming_of_age
        if when.year < reached:
            errors["date"] = (
                f"Đoàn viên {member.full_name} chưa đến tuổi trưởng thành Đoàn "
                f"({coming_of_age} tuổi): sinh {born}, đến năm {reached} mới tròn "
                f"{coming_of_age} tuổi."
            )
    elif kind == "party_admission":
        message = party_age_error(birth, precision, when)
        if message:
            errors["date"] = message


def baseline_status(member: StatusFacts, events: Iterable[EventFacts]) -> str:
    """The member's status before any event: kept on the first event ever recorded."""
    first = min(events, key=lambda e: (e.sequence or 0, e.id or ""), default=None)
    return first.status_before if first is not None else member.status
