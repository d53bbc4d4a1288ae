"""The reading of a rating round's grid: every member on the active roster in the year with
eligibility, figures, the suggested level and the saved levels, and, in a closed round, what
changed since its closing (:func:`~.eligibility.changed_since`, :mod:`.since`); the members the
round covers. Nothing here writes: :mod:`.service` stores the round and passes the rules it is
read with."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..activities.participation import ParticipationService
from ..context import WorkspaceContext
from ..lifecycle.periods import Period, from_admission_age
from ..storage.bulk import paused_gc
from ..storage.live import is_live, known
from ..storage.models import Branch, Member, MemberEvent, Rating, RatingRound
from .eligibility import (
    arrivals,
    brought_back_since,
    changed_since,
    closing_of,
    deleted_at_closing,
    reason_in,
    standing,
)
from .records import EVENT_REVISIONS, Arrival, RatingRow, arrival_note, closing_revisions
from .rules import RatingRules, suggest
from .since import (
    branches_renamed_since,
    by_the_attendance,
    closing_counts,
    closing_periods,
    marks_changed_since,
)

SAVED_FIELDS = ("self_level", "self_text", "proposed_level", "proposed_remark", "decided_level",
                "remark")  # fmt: skip
"""The fields of a saved rating a :class:`RatingRow` ends with, in its order."""
_DISCIPLINE_WEIGHT = {"reprimand": 1, "warning": 2, "expulsion": 3}


def read_rows(
    ctx: WorkspaceContext,
    participation: ParticipationService,
    rules: RatingRules,
    round_id: str,
    year: int,
    branch_id: str | None = None,
    as_of: dt.date | None = None,
) -> list[RatingRow]:
    """:meth:`~.service.RatingService.rows`, read with ``rules`` for the round ``round_id``
    ("" for a year whose round is not opened yet)."""
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    as_of = min(last, as_of or dt.date.today())
    org = ctx.organization_id
    with ctx.db.read() as session:
        by = closing_of(session, org, year)  # a closed round as it was closed
        gone = deleted_at_closing(session, org, year)  # its events deleted then
        periods, then, party = standing(session, org, as_of, by, gone=gone)
    counts = participation.counts(year, as_of, periods, by)
    with ctx.db.read() as session:
        stmt = (
            select(
                Member.id,
                Member.full_name,
                Member.birth_date,
                Member.branch_id,
                Member.status,
                Member.party_date,
                Member.sort_key,
                Member.birth_precision,
            )
            .where(known(Member, org, by))  # a closed round: those deleted since too
            .order_by(Member.sort_key, Member.birth_date, Member.id)
        )
        if branch_id:
            stmt = stmt.where(Member.branch_id == branch_id)
        members = session.execute(stmt).all()
        branches = dict(
            session.execute(select(Branch.id, Branch.name).where(is_live(Branch, org))).all()
        )
        # Plain columns, not ORM objects: a round of thousands is read at every refresh.
        saved = {
            r.member_id: r
            for r in session.execute(
                select(
                    Rating.member_id,
                    Rating.participation,
                    Rating.training_registered,
                    Rating.training_result,
                    Rating.sick_months,
                    Rating.dues_unpaid,
                    *(getattr(Rating, f) for f in SAVED_FIELDS),
                ).where(is_live(Rating), Rating.round_id == round_id)
            )
        }
        discipline = discipline_in(session, org, first, last, by, gone)
        came = arrivals(session, org, year, as_of, by=by, gone=gone)
        changed, marked = {}, {}
        kept, kept_periods = None, None
        if by is not None:  # the members' versions the closing kept tell edits from events
            history = session.scalar(select(RatingRound.history).where(RatingRound.id == round_id))
            changed = brought_back_since(session, org, by, gone)  # unless edited or deleted
            changed |= changed_since(
                session, org, by, closing_revisions(history),
                closing_revisions(history, EVENT_REVISIONS),
            )  # fmt: skip
            kept, kept_periods = closing_counts(history), closing_periods(history)
            marked = marks_changed_since(session, org, year, by, kept, counts)
        renamed = branches_renamed_since(session, org, by) if by is not None else {}
    if marked and kept is not None and kept_periods is not None:
        # Figures changed by the events alone (periods of now, not of the closing) are not the
        # attendance's: counted again over the periods the closing counted with.
        marked = by_the_attendance(
            marked, year, kept, kept_periods, periods,
            lambda over: participation.counts(year, as_of, over, by),
        )  # fmt: skip
    with paused_gc():
        rows = _build_rows(
            rules, year, as_of, members, periods, counts, branches, saved, discipline, then,
            came, party, (changed, marked, renamed),
        )  # fmt: skip
    return [r for r in rows if not r.branch] if branch_id == "" else rows


def covered_ids(
    ctx: WorkspaceContext, rules: RatingRules, year: int, as_of: dt.date | None = None
) -> set[str]:
    """:meth:`~.service.RatingService.covered`, read with ``rules``."""
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    as_of = min(last, as_of or dt.date.today())
    org = ctx.organization_id
    with ctx.db.read() as session:
        by = closing_of(session, org, year)  # a closed round as it was closed
        gone = deleted_at_closing(session, org, year)
        periods, then, party = standing(session, org, as_of, by, gone=gone)
        members = session.execute(
            select(
                Member.id, Member.status, Member.party_date, Member.birth_date,
                Member.birth_precision,
            ).where(known(Member, org, by))
        ).all()  # fmt: skip
        came = arrivals(session, org, year, as_of, by=by, gone=gone)
    covered = set()
    for m in members:
        spans = from_admission_age(periods.get(m.id, []), m.birth_date, m.birth_precision)
        status, party_date = then.get(m.id, m.status), party.get(m.id, m.party_date)
        if any(p.overlaps(first, last) for p in spans) and (
            reason_in(rules, year, as_of, spans, status, party_date, came.get(m.id)) is None
        ):
            covered.add(m.id)
    return covered


def _build_rows(
    rules: RatingRules,
    year: int,
    as_of: dt.date,
    members: Sequence[Any],
    periods: Mapping[str, list[Period]],
    counts: Mapping[str, tuple[int, int, int]],
    branches: Mapping[str, str],
    saved: Mapping[str, Any],
    discipline: Mapping[str, str],
    then: Mapping[str, str],
    came: Mapping[str, Arrival],
    party: Mapping[str, dt.date | None],
    since: tuple[Mapping[str, str], Mapping[str, str], Mapping[str, str]],
) -> list[RatingRow]:
    """``since``: what changed since a closed round's closing, by member (the record, the
    attendance) and by chi đoàn (:mod:`.since`)."""
    changed, marked, renamed = since
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    rows = []
    for m in members:
        known = from_admission_age(periods.get(m.id, []), m.birth_date, m.birth_precision)
        spans = [p for p in known if p.overlaps(first, last)]
        if not spans and m.id not in saved:
            continue
        status = then.get(m.id, m.status)
        arrival = came.get(m.id)
        party_date = party.get(m.id, m.party_date)
        reason = reason_in(rules, year, as_of, spans, status, party_date, arrival)
        note = arrival_note(rules, spans, year, arrival) if reason is None else None
        r = saved.get(m.id)
        expected, attended, _ = counts.get(m.id, (0, 0, 0))
        entered = r is not None and r.participation is not None
        rate = (
            r.participation
            if entered and r is not None
            else (attended / expected if expected else None)
        )
        training = r.training_result if r else None
        sick, unpaid = (r.sick_months, r.dues_unpaid) if r else (None, None)
        hint = (
            suggest(rules, rate, discipline.get(m.id), training, sick, unpaid)
            if reason is None
            else None
        )
        rows.append(
            RatingRow(
                m.id,
                m.full_name,
                m.birth_date,
                m.branch_id,
                branches.get(m.branch_id),
                reason is None,
                reason,
                rate,
                entered,
                expected,
                attended,
                r.training_registered if r else None,
                training,
                discipline.get(m.id),
                hint.level if hint else None,
                hint.reason if hint else (reason or ""),
                **{f: getattr(r, f) if r else None for f in SAVED_FIELDS},
                left=not any(p.covers(as_of) for p in spans),
                birth_precision=m.birth_precision,
                note=note,
                arrival_remarks=arrival.note if note and arrival else None,
                changed_after_closing=changed.get(m.id),
                # a rate entered by hand is no count of the marks
                attendance_changed=None if reason or entered else marked.get(m.id),
                branch_renamed=renamed.get(m.branch_id) if m.branch_id else None,
                sick_months=sick,
                dues_unpaid=unpaid or None,
            )
        )
    return rows


def discipline_in(
    session: Session,
    organization_id: str,
    first: dt.date,
    last: dt.date,
    by: dt.datetime | None,
    gone: frozenset[str] = frozenset(),
) -> dict[str, str]:
    """member → the heaviest discipline recorded in the year (of those the round reads: recorded
    by its closing ``by``, less those deleted then, ``gone``)."""
    stmt = select(MemberEvent.member_id, MemberEvent.discipline_level, MemberEvent.id).where(
        known(MemberEvent, organization_id, by),
        MemberEvent.kind == "discipline",
        MemberEvent.event_date >= first,
        MemberEvent.event_date <= last,
    )
    heaviest: dict[str, str] = {}
    for member_id, level, event_id in session.execute(stmt):
        if event_id in gone:
            continue
        if level and _DISCIPLINE_WEIGHT.get(level, 0) > _DISCIPLINE_WEIGHT.get(
            heaviest.get(member_id, ""), 0
        ):
            heaviest[member_id] = level
    return heaviest
