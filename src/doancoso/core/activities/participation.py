"""The participation rate of members in a year (what the annual rating starts from).

rate = dates attended / dates expected, over the year's dates that were carried out and whose
attendance was taken, up to a day (``as_of``). A member is expected only on the dates inside
their periods on the active roster (:mod:`~doancoso.core.lifecycle.periods`): joining, leaving
or a temporary stay in the middle of the year counts only the dates of their time here.
Whether an absence with leave counts as attended is the organisation's setting
(``leave_counts_as_attended``, off by default).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import func, select

from ..context import WorkspaceContext
from ..lifecycle.periods import active_periods
from ..storage.live import is_live
from ..storage.models import Attendance, Branch, Member, Occurrence, Organization
from .rules import DONE


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


class ParticipationService:
    def __init__(self, ctx: WorkspaceContext) -> None:
        self._ctx = ctx

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
        order, with their counts.

        The marks are counted by SQLite, per member and state; only the members whose time
        here does not cover the whole year have theirs read date by date, to keep those that
        fall in their periods (reading every mark of a year took most of the time: 90,000
        rows at 2,000 members and 60 dates)."""
        first = dt.date(year, 1, 1)
        last = min(dt.date(year, 12, 31), as_of or dt.date(year, 12, 31))
        org = self._ctx.organization_id
        counted = (
            Attendance.deleted_at.is_(None),
            is_live(Occurrence, org),
            Occurrence.attendance_taken.is_(True),
            Occurrence.status == DONE,
            Occurrence.day >= first,
            Occurrence.day <= last,
        )
        totals = (
            select(Attendance.member_id, Attendance.state, func.count())
            .join(Occurrence, Occurrence.id == Attendance.occurrence_id)
            .where(*counted)
            .group_by(Attendance.member_id, Attendance.state)
        )
        dated = (
            select(Attendance.member_id, Attendance.state, Occurrence.day)
            .join(Occurrence, Occurrence.id == Attendance.occurrence_id)
            .where(*counted)
        )
        members = (
            select(Member.id, Member.full_name, Member.branch_id)
            .where(is_live(Member, org))
            .order_by(Member.sort_key, Member.birth_date, Member.id)
        )
        with self._ctx.db.read() as session:
            org_row = session.get(Organization, org)
            leave = bool(org_row and org_row.leave_counts_as_attended)
            periods = active_periods(session, org)
            people = list(session.execute(members))
            whole_year = {
                m
                for m, ps in periods.items()
                if any(p.covers(first) and p.covers(last) for p in ps)
            }
            by_state = session.execute(totals).all()
            partial = sorted({m for m, _, _ in by_state if m not in whole_year})
            marks: list[tuple[str, str, int]] = [
                (m, state, n) for m, state, n in by_state if m in whole_year
            ]
            for start in range(0, len(partial), 900):
                chunk = partial[start : start + 900]
                for member_id, state, day in session.execute(
                    dated.where(Attendance.member_id.in_(chunk))
                ):
                    if any(p.covers(day) for p in periods.get(member_id, [])):
                        marks.append((member_id, state, 1))  # else: outside their time here
        counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
        for member_id, state, n in marks:
            c = counts[member_id]
            c[0] += n
            if state == "present" or (leave and state == "excused"):
                c[1] += n
            if state == "excused":
                c[2] += n
        return [
            Participation(member_id, name, branch_id, *counts.get(member_id, (0, 0, 0)))
            for member_id, name, branch_id in people
            if member_id in counts or any(p.overlaps(first, last) for p in periods[member_id])
        ]

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
            result.append(BranchParticipation(None, "Chưa xếp chi đoàn", *sums[None]))
        return result

    def average(self, year: int, as_of: dt.date | None = None) -> float | None:
        """The mean of the members' rates (members with no date expected left out)."""
        rates = [r.rate for r in self.year(year, as_of) if r.rate is not None]
        return sum(rates) / len(rates) if rates else None
