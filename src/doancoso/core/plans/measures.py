"""What the app knows of a target's achievement, computed from its own records at a day.

- ``admissions``: admissions (kết nạp) in the year, counted as the statistics count them (the
  members' date of admission);
- ``activities``: dates carried out in the year, of one kind (``measure_kind``) or of any;
- ``branch-meetings``: the share (%) of chi đoàn that held a meeting (kind "sinh hoạt chi đoàn
  định kỳ", by the chi đoàn or the whole organisation) in every month elapsed — a month counts
  once it is over (on its last day), the current month not yet, whatever was held in it; a chi
  đoàn the app knows to be new (:func:`branch_starts`) only in the months it was there for
  whole, one deleted or merged away during the year (:func:`year_branches`) in the whole months
  before it went. Before January is over no month is: the figure is those that met in January
  so far, and the target is not due yet (:func:`measure_due`);
- ``participation``: the members' average participation rate (%);
- ``youth-admitted``: young people of the register admitted in the year (whose member is still
  on the roster, as the register counts them);
- ``party-introductions``: outstanding members introduced to the Party in the year (the members'
  events, as the register of introductions lists them).
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..activities.participation import ParticipationService
from ..activities.rules import DONE, MEETING_KIND
from ..activities.service import json_ids
from ..context import WorkspaceContext
from ..lang.text import collation_key, one_decimal
from ..lifecycle.introductions import introduced
from ..storage.live import is_live
from ..storage.models import Activity, Branch, MemberEvent, Occurrence, Organization, Youth


def _bounds(year: int, as_of: dt.date) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), min(dt.date(year, 12, 31), as_of)


def measure(
    ctx: WorkspaceContext, session: Session, key: str, kind: str | None, year: int, as_of: dt.date
) -> float | None:
    """The achieved figure of ``key`` in ``year`` up to ``as_of`` (None: nothing to measure)."""
    first, last = _bounds(year, as_of)
    if last < first:
        return 0.0
    org = ctx.organization_id
    if key == "admissions":
        from ..statistics.service import count_admissions

        return float(count_admissions(session, org, first, last))
    if key == "youth-admitted":
        from ..youth.service import admitted_live

        stmt = (
            select(func.count())
            .select_from(Youth)
            .join(MemberEvent, MemberEvent.member_id == Youth.admitted_member_id)
            .where(
                is_live(Youth, org),
                admitted_live(),  # a member deleted since: not admitted, as the register says
                is_live(MemberEvent),
                MemberEvent.kind == "admission",
                MemberEvent.event_date >= first,
                MemberEvent.event_date <= last,
            )
        )
        return float(session.scalar(stmt) or 0)
    if key == "activities":
        stmt = (
            select(func.count())
            .select_from(Occurrence)
            .join(Activity, Activity.id == Occurrence.activity_id)
            .where(
                is_live(Occurrence, org),
                Occurrence.status == DONE,
                Occurrence.day >= first,
                Occurrence.day <= last,
            )
        )
        if kind:
            stmt = stmt.where(Activity.kind == kind)
        return float(session.scalar(stmt) or 0)
    if key == "branch-meetings":
        tally = branch_meetings_tally(ctx, session, year, as_of)
        return None if tally is None or not tally[1] else one_decimal(100 * tally[0] / tally[1])
    if key == "participation":
        average = ParticipationService(ctx).average(year, as_of)
        return None if average is None else one_decimal(average * 100)
    if key == "party-introductions":  # the rows the register of introductions lists
        counted = select(func.count(MemberEvent.id)).select_from(MemberEvent)
        return float(session.scalar(introduced(counted, org, first, last)) or 0)
    raise ValueError(f"unknown measure {key!r}")


def measure_due(key: str | None, year: int, as_of: dt.date) -> bool:
    """Whether a target measured by ``key`` can be judged at ``as_of``: ``branch-meetings``
    once a month of ``year`` has ended (from 31 January, as checklist item 2.3 reads), every
    other one whenever its year has begun (:attr:`~.service.PlanInfo.started`)."""
    return key != "branch-meetings" or as_of >= dt.date(year, 1, 31)


def branch_meetings_tally(
    ctx: WorkspaceContext, session: Session, year: int, as_of: dt.date
) -> tuple[int, int] | None:
    """(chi đoàn that met in every month elapsed, chi đoàn counted) in ``year`` up to ``as_of``;
    None when there is no chi đoàn; a chi đoàn is counted once a month it was there for whole
    is elapsed (none yet for any: (0, 0)): a new one from its first whole month, one deleted
    (:func:`year_branches`) until the last month that ended before it went. The
    ``branch-meetings`` share is the first over the second."""
    first, last = _bounds(year, as_of)
    org = ctx.organization_id
    ends = year_branches(session, org, year)
    branches = list(ends)
    if not branches:
        return None
    if last < first:
        return 0, len(branches)
    months = _held_months(year, last, ends, branch_starts(session, org, branches))
    stmt = (
        select(Occurrence.day, Activity.branch_ids)
        .join(Activity, Activity.id == Occurrence.activity_id)
        .where(
            is_live(Occurrence, org),
            Occurrence.status == DONE,
            Activity.kind == MEETING_KIND,
            Occurrence.day >= first,
            Occurrence.day <= last,
        )
    )
    met: dict[str, set[int]] = defaultdict(set)
    for day, branch_ids in session.execute(stmt):
        for branch in json_ids(branch_ids) or branches:
            met[branch].add(day.month)
    counted = [b for b in branches if months[b]]
    full = sum(1 for b in counted if all(m in met[b] for m in months[b]))
    return full, len(counted)


def _held_months(
    year: int, last: dt.date, ends: dict[str, dt.date | None], starts: dict[str, dt.date]
) -> dict[str, list[int]]:
    """The months of ``year`` elapsed on ``last`` each chi đoàn of ``ends``
    (:func:`year_branches`) was there for whole (none yet: not counted), given the ``starts``
    of the new ones (:func:`branch_starts`). Before January is over, January for those there
    on the day read."""
    first = dt.date(year, 1, 1)
    month_over = last.day == calendar.monthrange(last.year, last.month)[1]
    required = list(range(1, last.month + (1 if month_over else 0)))
    if not required:  # in the first month: those that already met
        required = [last.month]
    return {b: [m for m in required if dt.date(year, m, 1) >= starts.get(b, first)
                and min(_month_end(year, m), last) < (end or dt.date.max)]
            for b, end in ends.items()}  # fmt: skip


@dataclass(frozen=True)
class PartlyHeld:
    """A chi đoàn the ``branch-meetings`` share holds to part of a year only."""

    name: str
    start: dt.date | None
    """New in the year: the first day the app knows of it (:func:`branch_starts`)."""
    end: dt.date | None
    """Deleted or merged away in the months read: the day it went."""
    months: tuple[int, ...]
    """The months it is held to (elapsed, there for whole); none: not counted."""
    branch_id: str


def partly_held(session: Session, org: str, year: int, as_of: dt.date) -> list[PartlyHeld]:
    """The chi đoàn the ``branch-meetings`` share of ``year`` at ``as_of`` holds to part of the
    year only (new in it, or gone in the months read), in Vietnamese order of their names."""
    first, last = _bounds(year, as_of)
    ends = year_branches(session, org, year)
    if not ends or last < first:
        return []
    starts = branch_starts(session, org, list(ends))
    months = _held_months(year, last, ends, starts)
    names = dict(session.execute(select(Branch.id, Branch.name).where(Branch.id.in_(ends))).all())
    found = []
    for branch, end in ends.items():
        start = starts.get(branch)
        new = start if start is not None and start > first else None
        gone = end if end is not None and end <= last else None
        if new or gone:
            found.append(PartlyHeld(names[branch], new, gone, tuple(months[branch]), branch))
    return sorted(found, key=lambda p: collation_key(p.name))


SETTLING = dt.timedelta(days=31)
"""The organisation's first month in the app: the chi đoàn typed in then are the roster being
typed in, chi đoàn that existed before, whatever day they were typed."""


def branch_starts(session: Session, org: str, branches: list[str]) -> dict[str, dt.date]:
    """The chi đoàn the app knows to be new, with the first day it knows of each: one typed in
    more than a month after the organisation was set up in the app (``created_at`` of both,
    the only dates stored: no founding date is) is there from the day it was typed in, or from
    the first date of an activity of its own if one is recorded earlier. The others are absent:
    held to every month. A member's date of admission is not taken: it says when the member
    joined the union, not this chi đoàn (a new chi đoàn is often made of long-standing members)."""
    set_up = session.scalar(select(Organization.created_at).where(Organization.id == org))
    if set_up is None:
        return {}
    typed = session.execute(
        select(Branch.id, Branch.created_at).where(Branch.id.in_(branches))
    ).all()
    starts = {b: _local_day(created) for b, created in typed if created - set_up > SETTLING}
    if not starts:
        return starts
    stmt = (
        select(Activity.branch_ids, func.min(Occurrence.day))
        .join(Occurrence, Occurrence.activity_id == Activity.id)
        .where(is_live(Occurrence, org), Activity.branch_ids != "[]")
        .group_by(Activity.id)
    )
    for branch_ids, day in session.execute(stmt):
        for b in json_ids(branch_ids):
            if b in starts and day < starts[b]:
                starts[b] = day
    return starts


def year_branches(session: Session, org: str, year: int) -> dict[str, dt.date | None]:
    """The chi đoàn held to meet in ``year``, each with the day it was deleted or merged away
    (None: still there): the live ones, and those that went on or after 1 January of ``year``
    (their months before count, met or missed, as the superior body reads a year past). One
    deleted within :data:`SETTLING` of being typed in was typed by mistake: never counted."""
    first = dt.date(year, 1, 1)
    rows = session.execute(
        select(Branch.id, Branch.created_at, Branch.deleted_at).where(Branch.organization_id == org)
    )
    ends: dict[str, dt.date | None] = {}
    for branch, created, deleted in rows:
        if deleted is None:
            ends[branch] = None
        elif deleted - created > SETTLING and _local_day(deleted) >= first:
            ends[branch] = _local_day(deleted)
    return ends


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _local_day(moment: dt.datetime) -> dt.date:
    """The local day of a stored (UTC) moment."""
    return moment.replace(tzinfo=dt.UTC).astimezone().date()
