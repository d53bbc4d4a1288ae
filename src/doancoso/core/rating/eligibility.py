"""Whom a year's round rates, read straight from a session: the reason a member is not rated
(:func:`~.records.not_rated_reason`, over the member's periods on the roster and the status at
the round's day), the statuses of a past day replayed from the events, and the members of a
closed round it does not rate, for the readers of a round's results outside the rating service
(the member template's rating column).

A closed round reads the roster as it stood when it was closed (:func:`standing` up to
:func:`closing_of`): the members and events recorded by then, a member or an event deleted
since still counted (and the attendance recorded by then:
:meth:`~doancoso.core.activities.participation.ParticipationService.counts`). A departure or an
admission dated in the year but recorded after the closing changes neither whom the round rated
nor its figures, so the decision already issued and signed reads the same; reopening the round
reads today's events again. This needs little stored beyond what travels already (each row's
``created_at`` and ``deleted_at``, the round's ``closed_at``): an event deleted before the
closing ("Hoàn tác" of its recording, or deleted) and brought back since ("Làm lại", or the
undo of its deletion) has its ``deleted_at`` cleared, so the closing keeps the ids of the events
deleted then (:data:`~.records.DELETED_EVENTS`, :func:`deleted_at_closing`) and the round leaves
them out, its row saying an event was brought back (:func:`brought_back_since`). A round closed
by an older version, with nothing recorded since, reads as it did (an event brought back since
is read there). An event or a member's record edited after the closing is read as edited
(nothing stored keeps the values of before); the row says so (:func:`changed_since`, which the
members' versions kept by the closing help). A member deleted before the closing and brought
back since (``deleted_at`` cleared) is read as on the roster then, its row saying the record
changed (:func:`changed_since`): it leaves what an edit since of a member with no level in the
round leaves (recorded before, changed after, no rating row), and leaving those out would drop
members the round rated."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from ..lang.dates import format_vn_date
from ..lifecycle.periods import (
    EventRow,
    Period,
    active_periods,
    event_facts,
    from_admission_age,
    periods_of,
)
from ..lifecycle.rules import EventFacts, baseline_status, event_order, lenient_replay
from ..lifecycle.transfer import free_note
from ..storage.live import is_live, known
from ..storage.models import Member, MemberEvent, Rating, RatingRound
from .records import CLOSED, Arrival, closing_deleted, not_rated_reason, status_on
from .rules import RatingRules

_CHUNK = 900  # SQLite's bound-parameter limit


@dataclass(frozen=True)
class _Status:
    """A member's stored status, as :func:`status_on` reads it."""

    status: str


@dataclass(frozen=True)
class _Closed:
    """A member as a closed round reads it: the status at its closing, the admission date, the
    events recorded by then and the Party admission date then."""

    id: str
    status: str
    admission_date: dt.date | None
    events: list[EventFacts]
    party_date: dt.date | None


class Standing(NamedTuple):
    """The members as a round reads them (:func:`standing`)."""

    periods: dict[str, list[Period]]
    """Each member's periods on the roster."""
    statuses: dict[str, str]
    """The status at the round's day where it may not be the stored one (a member left out:
    the stored one)."""
    party_dates: dict[str, dt.date | None]
    """The Party admission date where it may not be the stored one (a member left out: the
    stored one)."""


def closing_of(session: Session, organization_id: str, year: int) -> dt.datetime | None:
    """What the round of ``year`` reads up to once closed (:func:`standing`); None while it is
    open (or there is none).

    Its closing, or a later moment its own rows show: the round's record and its ratings were
    all written before the closing (a closed round takes no change), so a closing stamped before
    them (by a clock set back, or a round written already closed, as the demo writes last
    year's) is read from the latest of them."""
    found = session.execute(
        select(RatingRound.id, RatingRound.closed_at, RatingRound.created_at).where(
            is_live(RatingRound, organization_id),
            RatingRound.year == year,
            RatingRound.state == CLOSED,
        )
    ).one_or_none()
    if found is None:
        return None
    round_id, closed_at, created_at = found
    rated = session.scalar(
        select(func.max(Rating.updated_at)).where(is_live(Rating), Rating.round_id == round_id)
    )
    return max(t for t in (closed_at, created_at, rated) if t is not None)


def deleted_at_closing(session: Session, organization_id: str, year: int) -> frozenset[str]:
    """The ids of the events deleted when the round of ``year`` was closed, as its closing kept
    them (:func:`~.records.closing_deleted`): a closed round leaves out those brought back
    since. Empty while the round is open, or for one closed by an older version."""
    history = session.scalar(
        select(RatingRound.history).where(
            is_live(RatingRound, organization_id),
            RatingRound.year == year,
            RatingRound.state == CLOSED,
        )
    )
    return closing_deleted(history)


EVENT_BROUGHT_BACK = "Sự kiện đã khôi phục sau khi khóa đợt: {day}"


def says_brought_back(note: str | None) -> bool:
    """Whether a row's note of a change since the closing is :data:`EVENT_BROUGHT_BACK`."""
    return note is not None and note.startswith(EVENT_BROUGHT_BACK.partition("{")[0])


def brought_back_since(
    session: Session, organization_id: str, by: dt.datetime, gone: frozenset[str]
) -> dict[str, str]:
    """member → :data:`EVENT_BROUGHT_BACK` (the local day of the latest) for the members with an
    event deleted at the closing ``by`` (``gone``: :func:`deleted_at_closing`) and brought back
    since, which the closed round leaves out."""
    if not gone:
        return {}
    stmt = select(MemberEvent.id, MemberEvent.member_id, MemberEvent.updated_at).where(
        is_live(MemberEvent, organization_id),
        MemberEvent.created_at <= by,
        MemberEvent.updated_at > by,
    )
    latest: dict[str, dt.datetime] = {}
    for event_id, member_id, updated in session.execute(stmt):
        if event_id in gone and (member_id not in latest or updated > latest[member_id]):
            latest[member_id] = updated
    return {
        member_id: EVENT_BROUGHT_BACK.format(
            day=format_vn_date(at.replace(tzinfo=dt.UTC).astimezone().date())
        )
        for member_id, at in latest.items()
    }


def standing(
    session: Session,
    organization_id: str,
    day: dt.date,
    by: dt.datetime | None,
    member_ids: Sequence[str] | None = None,
    gone: frozenset[str] = frozenset(),
) -> Standing:
    """Each member's periods on the roster, the statuses at the end of ``day`` and the Party
    admission dates that differ from the stored ones (of ``member_ids`` when given, at most a
    chunk), as a round reads them: from today's events (``by`` None), or from those recorded by
    its closing ``by``, less those deleted then (``gone``: :func:`deleted_at_closing`). A member
    recorded after the closing has no period in a closed round."""
    if by is None:
        return Standing(
            active_periods(session, organization_id, member_ids),
            statuses_on(session, organization_id, day, member_ids),
            {},
        )
    members = _as_closed(session, organization_id, by, member_ids, gone)
    return Standing(
        {m.id: periods_of(m, m.events) for m in members},
        {m.id: status_on(m, m.events, day) for m in members},
        {m.id: m.party_date for m in members},
    )


def _as_closed(
    session: Session,
    organization_id: str,
    by: dt.datetime,
    member_ids: Sequence[str] | None,
    gone: frozenset[str],
) -> list[_Closed]:
    """The members recorded by ``by`` and not deleted by then (a member deleted since is still
    the round's), with their status then and the events recorded by then (those of ``gone``,
    deleted then and brought back since, read as events recorded since).

    The status then is the one the events recorded by then leave, starting from the status
    kept on the first event ever recorded; with none recorded by then, the status before the
    first one recorded since (the stored status is today's, after the later events). The Party
    admission date then is that of a Party admission recorded by then; none when the stored one
    comes from a Party admission recorded since."""
    members = select(Member.id, Member.status, Member.admission_date, Member.party_date).where(
        known(Member, organization_id, by)
    )
    events = select(
        MemberEvent.member_id,
        MemberEvent.id,
        MemberEvent.kind,
        MemberEvent.event_date,
        MemberEvent.sequence,
        MemberEvent.status_before,
        MemberEvent.discipline_level,
        known(MemberEvent, organization_id, by).label("known"),
    ).where(
        MemberEvent.organization_id == organization_id,
        or_(MemberEvent.deleted_at.is_(None), known(MemberEvent, organization_id, by)),
    )
    if member_ids is not None:
        members = members.where(Member.id.in_(member_ids))
        events = events.where(MemberEvent.member_id.in_(member_ids))
    then: dict[str, list[EventFacts]] = defaultdict(list)
    ever: dict[str, list[EventFacts]] = defaultdict(list)
    for row in session.execute(events):
        event = EventRow(*row[:-1])
        was_known = row[-1] and event.id not in gone  # brought back since: as one recorded since
        ever[event.member_id].append(event)
        if was_known:
            then[event.member_id].append(event)
    found = []
    for member_id, stored, admitted, party in session.execute(members):
        recorded = sorted(then.get(member_id, []), key=event_order)
        status = baseline_status(_Status(stored), ever.get(member_id, []))
        if recorded:
            status = lenient_replay(recorded, baseline_status(_Status(stored), recorded))[-1]
        admissions = [e.event_date for e in recorded if e.kind == "party_admission"]
        if admissions:
            party = admissions[-1]
        elif any(
            e.kind == "party_admission" and e.event_date == party and e not in recorded
            for e in ever.get(member_id, [])
        ):
            party = None
        found.append(_Closed(member_id, status, admitted, recorded, party))
    return found


EDITED_SINCE = "Hồ sơ đã sửa sau khi khóa đợt: {day}"
DELETED_SINCE = "Đã xóa khỏi danh sách đoàn viên sau khi khóa đợt: {day}"


def says_deleted(note: str | None) -> bool:
    """Whether a note of :func:`changed_since` says the member was deleted (not edited)."""
    return note is not None and note.startswith(DELETED_SINCE.partition("{")[0])


def event_versions(
    session: Session, organization_id: str, member_ids: Sequence[str] | None = None
) -> dict[str, int]:
    """member → the sum of the versions (``revision``) of the member's events, deleted ones too
    (of ``member_ids`` when given, at most a chunk), for the members with events: each write of
    an event (recorded, deleted, brought back) adds one to it and one to the member's version,
    as it rewrites the record (:func:`changed_since`)."""
    stmt = (
        select(MemberEvent.member_id, func.sum(MemberEvent.revision))
        .where(MemberEvent.organization_id == organization_id)
        .group_by(MemberEvent.member_id)
    )
    if member_ids is not None:
        stmt = stmt.where(MemberEvent.member_id.in_(member_ids))
    return {member_id: int(total or 0) for member_id, total in session.execute(stmt)}


def deleted_events(session: Session, organization_id: str) -> dict[str, str]:
    """member → the ids of the member's deleted events, by commas, for the members on the roster
    with such events: what a closing keeps (:data:`~.records.DELETED_EVENTS`), since an event
    brought back later has no trace of its deletion left (:func:`deleted_at_closing`)."""
    stmt = (
        select(MemberEvent.member_id, MemberEvent.id)
        .where(
            MemberEvent.organization_id == organization_id,
            MemberEvent.deleted_at.is_not(None),
            MemberEvent.member_id.in_(select(Member.id).where(is_live(Member, organization_id))),
        )
        .order_by(MemberEvent.member_id, MemberEvent.id)
    )
    found: dict[str, list[str]] = defaultdict(list)
    for member_id, event_id in session.execute(stmt):
        found[member_id].append(event_id)
    return {member_id: ",".join(ids) for member_id, ids in found.items()}


def changed_since(
    session: Session,
    organization_id: str,
    by: dt.datetime,
    revisions: Mapping[str, int] | None = None,
    event_revisions: Mapping[str, int] | None = None,
) -> dict[str, str]:
    """What a round closed at ``by`` says of the members whose stored record changed since
    (:data:`EDITED_SINCE`, :data:`DELETED_SINCE`, with the local day of the last change);
    ``revisions``: each member's version at the closing, ``event_revisions`` the sum of their
    events' versions then, as the closing kept them (:func:`~.records.closing_revisions`; None
    for a round closed by an older version).

    Nothing stored keeps a record's values of before an edit, so the round reads the name, the
    birth and admission dates or the chi đoàn as they are now, and the page and a decision
    printed again may differ from the one signed: the row says so. A change of the record that
    came with an event recorded, deleted or brought back since (the status the events decide,
    written in the same transaction, so at the same time) is no edit: the round reads the
    events as they were. Each such transaction adds one version to the record and one to the
    event; an edit followed by one, whose own time the event's overwrote, is told by the
    versions added to the record since the closing beyond those added to its events
    (:func:`event_versions`), an event changed several times since (deleted, brought back,
    deleted again) counting each time. A round closed without the events' versions kept counts
    each event changed since once (twice if recorded since), so that an event changed more
    often reads as an edit there; without the member's version kept, an edit followed by an
    event cannot be told."""
    members = select(Member.id, Member.updated_at, Member.deleted_at, Member.revision).where(
        known(Member, organization_id, by), Member.updated_at > by
    )
    found = session.execute(members).all()
    if not found:
        return {}
    by_events: dict[str, set[dt.datetime]] = defaultdict(set)
    ids = [member_id for member_id, *_ in found]
    versions_now: dict[str, int] = {}
    for at in range(0, len(ids), _CHUNK):
        if event_revisions is not None:
            versions_now.update(event_versions(session, organization_id, ids[at : at + _CHUNK]))
        events = select(
            MemberEvent.member_id, MemberEvent.created_at, MemberEvent.updated_at
        ).where(
            MemberEvent.organization_id == organization_id,
            MemberEvent.member_id.in_(ids[at : at + _CHUNK]),
            MemberEvent.updated_at > by,
        )
        for member_id, created, updated in session.execute(events):
            by_events[member_id].add(updated)
            if created > by:  # recorded since, then changed or deleted: two transactions
                by_events[member_id].add(created)
    said = {}
    for member_id, updated, deleted, revision in found:
        day = format_vn_date(updated.replace(tzinfo=dt.UTC).astimezone().date())
        times = by_events.get(member_id, set())
        then = revisions.get(member_id) if revisions is not None else None
        by_event = len(times)
        if event_revisions is not None:
            by_event = versions_now.get(member_id, 0) - event_revisions.get(member_id, 0)
        if deleted is not None:
            said[member_id] = DELETED_SINCE.format(day=day)
        elif updated not in times or (then is not None and revision - then > by_event):
            said[member_id] = EDITED_SINCE.format(day=day)
    return said


def round_day(year: int) -> dt.date:
    """The day a round's standing is read at: the year's last day, or today in the year."""
    return min(dt.date(year, 12, 31), dt.date.today())


def reason_in(
    rules: RatingRules,
    year: int,
    as_of: dt.date,
    periods: Sequence[Period],
    status: str,
    party_date: dt.date | None,
    arrival: Arrival | None = None,
) -> str | None:
    """Why the round of ``year`` does not rate a member with ``periods`` on the roster (of any
    years) and ``status`` at ``as_of`` (None: rated); ``arrival``: the member's transfer in of
    the year (:func:`arrivals`)."""
    return not_rated_reason(rules, status, party_date, in_year(periods, year), year, as_of, arrival)


def in_year(periods: Sequence[Period], year: int) -> list[Period]:
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    return [p for p in periods if p.overlaps(first, last)]


def arrivals(
    session: Session, organization_id: str, year: int, as_of: dt.date,
    member_ids: Sequence[str] | None = None, by: dt.datetime | None = None,
    gone: frozenset[str] = frozenset(),
) -> dict[str, Arrival]:  # fmt: skip
    """Each member's latest transfer in from 1 January of ``year`` to ``as_of`` (of
    ``member_ids`` when given, at most a chunk of bound parameters; recorded by ``by``, the
    closing of a closed round, when given, less those deleted then: ``gone``, :func:`standing`).

    A closed round keeps the members it rated: there, only the arrivals of members it decided a
    level for count (a round closed before members transferred in for less were rated left
    them unrated, with no level; one closed since has a level for each, or warned)."""
    stmt = (
        select(
            MemberEvent.member_id, MemberEvent.event_date, MemberEvent.other_organization,
            MemberEvent.note, MemberEvent.id,
        )
        .where(
            known(MemberEvent, organization_id, by),
            MemberEvent.kind == "transfer_in",
            MemberEvent.event_date >= dt.date(year, 1, 1),
            MemberEvent.event_date <= as_of,
        )
        .order_by(MemberEvent.event_date, MemberEvent.sequence)
    )  # fmt: skip
    if member_ids is not None:
        stmt = stmt.where(MemberEvent.member_id.in_(member_ids))
    closed = session.scalar(
        select(RatingRound.id).where(
            is_live(RatingRound, organization_id),
            RatingRound.year == year,
            RatingRound.state == CLOSED,
        )
    )
    if closed is not None:
        decided = select(Rating.member_id).where(
            is_live(Rating), Rating.round_id == closed, Rating.decided_level.is_not(None)
        )
        stmt = stmt.where(MemberEvent.member_id.in_(decided))
    return {
        member_id: Arrival(day, organization, free_note(note, "transfer_in"))  # not the post
        for member_id, day, organization, note, event_id in session.execute(stmt)
        if event_id not in gone
    }


def statuses_on(
    session: Session, organization_id: str, day: dt.date, member_ids: Sequence[str] | None = None
) -> dict[str, str]:
    """The status at the end of ``day`` of the members (of ``member_ids`` when given, at most
    a chunk of bound parameters) whose status may have changed since (those with an event
    after it); the others' is the one stored. Only their events are read: for the current
    year, none."""
    later = select(MemberEvent.member_id).where(
        is_live(MemberEvent, organization_id), MemberEvent.event_date > day
    )
    if member_ids is not None:
        later = later.where(MemberEvent.member_id.in_(member_ids))
    events = session.execute(
        event_facts(organization_id).where(MemberEvent.member_id.in_(later))
    ).all()
    if not events:
        return {}
    by_member: dict[str, list[Any]] = defaultdict(list)
    for event in events:
        by_member[event.member_id].append(event)
    stored = dict(
        session.execute(
            select(Member.id, Member.status).where(
                is_live(Member, organization_id), Member.id.in_(later)
            )
        ).all()
    )
    return {
        member_id: status_on(_Status(stored[member_id]), found, day)
        for member_id, found in by_member.items()
        if member_id in stored
    }


def not_rated(
    session: Session, organization_id: str, year: int, rules: RatingRules, member_ids: Sequence[str]
) -> set[str]:
    """The members of ``member_ids`` the round of ``year`` (with ``rules``) does not rate (a
    closed round: as it was closed)."""
    as_of = round_day(year)
    by = closing_of(session, organization_id, year)
    gone = deleted_at_closing(session, organization_id, year)
    found: set[str] = set()
    for at in range(0, len(member_ids), _CHUNK):
        chunk = member_ids[at : at + _CHUNK]
        periods, then, party_then = standing(session, organization_id, as_of, by, chunk, gone)
        came = arrivals(session, organization_id, year, as_of, chunk, by, gone)
        members = session.execute(
            select(
                Member.id, Member.status, Member.party_date, Member.birth_date,
                Member.birth_precision,
            ).where(known(Member, organization_id, by), Member.id.in_(chunk))
        )  # fmt: skip
        for member_id, status, party_date, birth, precision in members:
            status = then.get(member_id, status)
            spans = from_admission_age(periods.get(member_id, []), birth, precision)
            arrival = came.get(member_id)
            party_date = party_then.get(member_id, party_date)
            if reason_in(rules, year, as_of, spans, status, party_date, arrival) is not None:
                found.add(member_id)
    return found
