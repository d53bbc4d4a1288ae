"""The participation rate of members in a year (what the annual rating starts from).

rate = dates attended / dates expected, over the year's dates that were carried out and whose
attendance was taken, up to a day (``as_of``). A member is expected only on the dates inside
their periods on the active roster (:mod:`~doancoso.core.lifecycle.periods`): joining, leaving
or a temporary stay in the middle of the year counts only the dates of their time here.
Whether an absence with leave counts as attended is the organisation's setting
(``leave_counts_as_attended``, off by default). A closed rating round counts the attendance as
recorded by its closing (:meth:`ParticipationService.counts` ``by``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..context import WorkspaceContext
from ..lifecycle.periods import Period, active_periods
from ..roster.branches import UNASSIGNED
from ..storage.live import is_live, known
from ..storage.models import Attendance, Branch, Member, Occurrence, Organization
from .rules import DONE, PARTICIPATION_TABLES

__all__ = ["PARTICIPATION_TABLES", "BranchParticipation", "Participation", "ParticipationService"]


_REMEMBERED = threading.local()
"""``answers``: :meth:`ParticipationService.year`'s answers inside
:meth:`ParticipationService.remembered` on this thread, by database, organisation, year and
day; None outside."""


@dataclass(frozen=True)
class Participation:
    member_id: str
    full_name: str
    branch_id: str | None
    expected: int
    attended: int
    excused: int

    @property
    def rate(self) -> float | None:
        return self.attended / self.expected if self.expected else None


@dataclass(frozen=True)
class BranchParticipation:
    branch_id: str | None
    branch: str
    members: int
    expected: int
    attended: int

    @property
    def rate(self) -> float | None:
        return self.attended / self.expected if self.expected else None


def _bounds(year: int, as_of: dt.date | None) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), min(dt.date(year, 12, 31), as_of or dt.date(year, 12, 31))


class ParticipationService:
    def __init__(self, ctx: WorkspaceContext) -> None:
        self._ctx = ctx

    @contextlib.contextmanager
    def remembered(self) -> Iterator[None]:
        """Inside, on this thread, :meth:`year` asked again for the same year and day answers
        from memory, whichever :class:`ParticipationService` asks (the plan's measures and the
        rating make their own): for one document read from one snapshot of the database (the
        dossier asks for the year's figures for its targets, its statistics and its rating
        parts), whose data do not change under it. Nested: the outer one holds."""
        if getattr(_REMEMBERED, "answers", None) is not None:
            yield
            return
        _REMEMBERED.answers = {}
        try:
            yield
        finally:
            _REMEMBERED.answers = None

    def leave_counts(self) -> bool:
        with self._ctx.db.read() as session:
            org = session.get(Organization, self._ctx.organization_id)
            return bool(org and org.leave_counts_as_attended)

    def set_leave_counts(self, value: bool) -> None:
        with self._ctx.db.transaction() as session:
            org = session.get(Organization, self._ctx.organization_id)
            assert org is not None
            if org.leave_counts_as_attended != value:
                org.leave_counts_as_attended = value

    def year(self, year: int, as_of: dt.date | None = None) -> list[Participation]:
        """Every member on the active roster at some time in ``year`` (until ``as_of``), in name
        order, with their counts (inside :meth:`remembered`, from memory when asked before)."""
        answers: dict[tuple[int, str, int, dt.date | None], list[Participation]] | None
        answers = getattr(_REMEMBERED, "answers", None)
        if answers is None:
            return self._year(year, as_of)
        key = (id(self._ctx.db), self._ctx.organization_id, year, as_of)
        if key not in answers:
            answers[key] = self._year(year, as_of)
        return list(answers[key])

    def _year(self, year: int, as_of: dt.date | None) -> list[Participation]:
        first, last = _bounds(year, as_of)
        org = self._ctx.organization_id
        members = (
            select(Member.id, Member.full_name, Member.branch_id)
            .where(is_live(Member, org))
            .order_by(Member.sort_key, Member.birth_date, Member.id)
        )
        with self._ctx.db.read() as session:
            periods = active_periods(session, org)
            counts = self._counts(session, first, last, periods)
            people = list(session.execute(members))
        return [
            Participation(member_id, name, branch_id, *counts.get(member_id, (0, 0, 0)))
            for member_id, name, branch_id in people
            if member_id in counts or any(p.overlaps(first, last) for p in periods[member_id])
        ]

    def counts(
        self,
        year: int,
        as_of: dt.date | None = None,
        periods: dict[str, list[Period]] | None = None,
        by: dt.datetime | None = None,
    ) -> dict[str, tuple[int, int, int]]:
        """member id → (expected, attended, excused) for the members expected at least once in
        ``year``: what the roster's column shows, without reading every member's history (a
        roster of 100,000 with no attendance costs one query). A caller that has read every
        member's ``periods`` already (the rating round) passes them, not to read them twice.
        ``by``: the closing of a closed rating round, which counts the dates and marks recorded
        by then, those deleted since included (a meeting whose attendance is taken later does
        not change the round's figures)."""
        first, last = _bounds(year, as_of)
        with self._ctx.db.read() as session:
            return self._counts(session, first, last, periods, by)

    def _counts(
        self,
        session: Session,
        first: dt.date,
        last: dt.date,
        periods: dict[str, list[Period]] | None,
        by: dt.datetime | None = None,
    ) -> dict[str, tuple[int, int, int]]:
        """Each member's counts from the attendance of the done dates from ``first`` to
        ``last``, only within the member's periods (read here for the members concerned when
        ``periods`` is None).

        SQLite counts by member and mark; only the members whose time here does not cover the
        whole range have their dates read one by one.
        """
        org = self._ctx.organization_id
        done = (
            select(Occurrence.id)
            .where(
                known(Occurrence, org, by),
                Occurrence.attendance_taken.is_(True),
                Occurrence.status == DONE,
                Occurrence.day >= first,
                Occurrence.day <= last,
            )
            .scalar_subquery()
        )
        live = (known(Attendance, org, by), Attendance.occurrence_id.in_(done))
        grouped = (
            select(Attendance.member_id, Attendance.state, func.count())
            .where(*live)
            .group_by(Attendance.member_id, Attendance.state)
        )
        org_row = session.get(Organization, org)
        leave = bool(org_row and org_row.leave_counts_as_attended)
        totals: dict[str, dict[str, int]] = defaultdict(dict)
        for member_id, state, n in session.execute(grouped):
            totals[member_id][state] = int(n)
        if periods is None:
            periods = active_periods(session, org, list(totals))
        partial = [
            m
            for m in totals
            if not any(p.covers(first) and p.covers(last) for p in periods.get(m, []))
        ]
        for start in range(0, len(partial), 900):
            chunk = partial[start : start + 900]
            for m in chunk:
                totals[m] = {}
            stmt = (
                select(Attendance.member_id, Attendance.state, Occurrence.day)
                .join(Occurrence, Occurrence.id == Attendance.occurrence_id)
                .where(*live, Attendance.member_id.in_(chunk))
            )
            for member_id, state, day in session.execute(stmt):
                if any(p.covers(day) for p in periods.get(member_id, [])):
                    marks = totals[member_id]
                    marks[state] = marks.get(state, 0) + 1
        counts: dict[str, tuple[int, int, int]] = {}
        for member_id, marks in totals.items():
            expected = sum(marks.values())
            if expected:
                present, excused = marks.get("present", 0), marks.get("excused", 0)
                attended = present + (excused if leave else 0)
                counts[member_id] = (expected, attended, excused)
        return counts

    def by_branch(self, year: int, as_of: dt.date | None = None) -> list[BranchParticipation]:
        """The year's participation summed by chi đoàn (those without one last)."""
        rows = self.year(year, as_of)
        with self._ctx.db.read() as session:
            names = dict(
                session.execute(
                    select(Branch.id, Branch.name).where(is_live(Branch, self._ctx.organization_id))
                ).all()
            )
        sums: dict[str | None, list[int]] = defaultdict(lambda: [0, 0, 0])
        for row in rows:
            key = row.branch_id if row.branch_id in names else None
            s = sums[key]
            s[0] += 1
            s[1] += row.expected
            s[2] += row.attended
        from ..lang.text import collation_key

        ordered = sorted((k for k in sums if k), key=lambda k: collation_key(names[k]))
        result = [BranchParticipation(k, names[k], *sums[k]) for k in ordered]
        if None in sums:
            result.append(BranchParticipation(None, UNASSIGNED, *sums[None]))
        return result

    def average(self, year: int, as_of: dt.date | None = None) -> float | None:
        """The mean of the members' rates (members with no date expected left out)."""
        rates = [r.rate for r in self.year(year, as_of) if r.rate is not None]
        return sum(rates) / len(rates) if rates else None
