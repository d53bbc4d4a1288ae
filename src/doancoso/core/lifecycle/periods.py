"""When each member belonged to the active roster: the periods that decide which activities a
member is expected at (the participation rate) and whom a year's rating concerns.

A period starts on the day of an admission or transfer in (or of the member's admission date
when no event says otherwise) and ends, exclusive, on the day the member leaves: a member who
transferred out on 15/03 is not expected on 15/03. Statuses come from replaying the events
(:func:`~.rules.replay`, lenient as for a merged history); a member without events is active
for as long as the record says so, from the admission date if known.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..storage.live import is_live
from ..storage.models import Member, MemberEvent
from .rules import ACTIVE_STATUSES, baseline_status, event_order, replay

_ARRIVALS = ("admission", "transfer_in")


@dataclass(frozen=True)
class Period:
    """From ``start`` (inclusive; None: always) to ``end`` (exclusive; None: still)."""

    start: dt.date | None
    end: dt.date | None

    def covers(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)

    def overlaps(self, first: dt.date, last: dt.date) -> bool:
        """Whether the period meets the days ``first`` to ``last`` (both inclusive)."""
        return (self.start is None or self.start <= last) and (self.end is None or first < self.end)


def periods_of(member: Member, events: list[MemberEvent]) -> list[Period]:
    """The member's periods on the active roster, oldest first (``events`` live, any order).

    ``member`` and ``events`` may be rows with the same attributes (see :func:`active_periods`).
    """
    timeline = sorted(events, key=event_order)
    if not timeline:
        if member.status not in ACTIVE_STATUSES:
            return []
        return [Period(member.admission_date, None)]
    baseline = baseline_status(member, timeline)
    after = replay(member, timeline, baseline, strict=False)
    active = baseline in ACTIVE_STATUSES and timeline[0].kind not in _ARRIVALS
    start = member.admission_date if active else None
    periods: list[Period] = []
    for event, status in zip(timeline, after, strict=True):
        now = status in ACTIVE_STATUSES
        if active and not now:
            periods.append(Period(start, event.event_date))
        elif now and not active:
            start = event.event_date
        active = now
    if active:
        periods.append(Period(start, None))
    return periods


def active_periods(
    session: Session, organization_id: str, member_ids: Collection[str] | None = None
) -> dict[str, list[Period]]:
    """Every member's periods (of ``member_ids`` when given), in one read of members and
    events. Members never on the active roster map to an empty list.

    The rows are read as plain columns, not ORM objects (a roster of thousands is read for each
    participation count): they carry the attributes :func:`periods_of` reads.
    """
    members = select(Member.id, Member.status, Member.admission_date).where(
        is_live(Member, organization_id)
    )
    events = select(
        MemberEvent.id,
        MemberEvent.member_id,
        MemberEvent.kind,
        MemberEvent.event_date,
        MemberEvent.sequence,
        MemberEvent.status_before,
        MemberEvent.discipline_level,
    ).where(is_live(MemberEvent, organization_id))
    by_member: dict[str, list[Any]] = defaultdict(list)
    rows: list[Any] = []
    if member_ids is not None:
        ids = list(member_ids)
        for start in range(0, len(ids), 900):
            chunk = ids[start : start + 900]
            rows += session.execute(members.where(Member.id.in_(chunk))).all()
            for event in session.execute(events.where(MemberEvent.member_id.in_(chunk))):
                by_member[event.member_id].append(event)
    else:
        rows = list(session.execute(members).all())
        for event in session.execute(events):
            by_member[event.member_id].append(event)
    return {member.id: periods_of(member, by_member.get(member.id, [])) for member in rows}
