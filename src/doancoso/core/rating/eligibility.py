"""Whom a year's round rates, read straight from a session: the reason a member is not rated
(:func:`~.records.not_rated_reason`, over the member's periods on the roster and the status at
the round's day), the statuses of a past day replayed from the events, and the members of a
closed round it does not rate, for the readers of a round's results outside the rating service
(the member template's rating column)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..lifecycle.periods import Period, active_periods, event_facts, from_admission_age
from ..lifecycle.transfer import free_note
from ..storage.live import is_live
from ..storage.models import Member, MemberEvent, Rating, RatingRound
from .records import CLOSED, Arrival, not_rated_reason, status_on
from .rules import RatingRules

_CHUNK = 900  # SQLite's bound-parameter limit


@dataclass(frozen=True)
class _Status:
    """A member's stored status, as :func:`status_on` reads it."""

    status: str


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
    member_ids: Sequence[str] | None = None,
) -> dict[str, Arrival]:  # fmt: skip
    """Each member's latest transfer in from 1 January of ``year`` to ``as_of`` (of
    ``member_ids`` when given, at most a chunk of bound parameters).

    A closed round keeps the members it rated: there, only the arrivals of members it decided a
    level for count (a round closed before members transferred in for less were rated left
    them unrated, with no level; one closed since has a level for each, or warned)."""
    stmt = (
        select(
            MemberEvent.member_id, MemberEvent.event_date, MemberEvent.other_organization,
            MemberEvent.note,
        )
        .where(
            is_live(MemberEvent, organization_id),
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
        for member_id, day, organization, note in session.execute(stmt)
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
    """The members of ``member_ids`` the round of ``year`` (with ``rules``) does not rate."""
    as_of = round_day(year)
    found: set[str] = set()
    for at in range(0, len(member_ids), _CHUNK):
        chunk = member_ids[at : at + _CHUNK]
        periods = active_periods(session, organization_id, chunk)
        then = statuses_on(session, organization_id, as_of, chunk)
        came = arrivals(session, organization_id, year, as_of, chunk)
        members = session.execute(
            select(
                Member.id, Member.status, Member.party_date, Member.birth_date,
                Member.birth_precision,
            ).where(is_live(Member, organization_id), Member.id.in_(chunk))
        )  # fmt: skip
        for member_id, status, party_date, birth, precision in members:
            status = then.get(member_id, status)
            spans = from_admission_age(periods.get(member_id, []), birth, precision)
            arrival = came.get(member_id)
            if reason_in(rules, year, as_of, spans, status, party_date, arrival) is not None:
                found.add(member_id)
    return found
