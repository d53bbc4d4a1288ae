"""The dates of the calendar as they are read: one row per date with its attendance counts,
a date's details, the dates with a life of their own (minutes, evidence files)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..lang.text import collation_key
from ..storage.live import get_live
from ..storage.models import Activity, Attendance, Branch, EvidenceFile, Member, Minutes, Occurrence

MAX_SPAN_DAYS = 366
"""The longest an activity may last (a camp, a campaign month): :mod:`.fields` refuses more."""
OCCURRENCE_TABLE = "occurrences"
"""The owner table of an occurrence's evidence files."""


@dataclass(frozen=True)
class OccurrenceRow:
    """One date of the calendar."""

    id: str
    activity_id: str
    title: str
    kind: str
    day: dt.date
    start_time: str | None
    end_day: dt.date | None
    end_time: str | None
    place: str | None
    branch_ids: tuple[str, ...]
    """The organising chi đoàn (none: the whole organisation), in Vietnamese order of their
    names as they are now, whatever order they were stored in."""
    status: str
    recurring: bool
    moved: bool
    attendance_taken: bool
    expected: int
    present: int
    excused: int


@dataclass(frozen=True)
class OccurrenceDetail:
    row: OccurrenceRow
    revision: int
    original_date: dt.date
    participants: int | None
    results: str | None
    resources: str | None
    has_minutes: bool


def json_ids(text: str | None) -> tuple[str, ...]:
    try:
        value = json.loads(text or "[]")
    except ValueError:
        return ()
    return tuple(str(v) for v in value) if isinstance(value, list) else ()


def live_occurrence(session: Session, organization_id: str, occurrence_id: str) -> Occurrence:
    return get_live(
        session,
        Occurrence,
        occurrence_id,
        organization_id,
        "Không tìm thấy buổi hoạt động (có thể đã bị xóa).",
    )


def attendance_counts(session: Session, ids: Sequence[str]) -> dict[str, tuple[int, int, int]]:
    """occurrence id → (expected, present, excused) from its attendance, of the members on
    the roster (one deleted from it keeps a mark that counts again if the deletion is
    undone)."""
    counts: dict[str, list[int]] = {}
    for start in range(0, len(ids), 900):
        stmt = (
            select(Attendance.occurrence_id, Attendance.state, func.count())
            .join(Member, Member.id == Attendance.member_id)
            .where(
                Attendance.deleted_at.is_(None),
                Attendance.occurrence_id.in_(ids[start : start + 900]),
                Member.deleted_at.is_(None),
            )
            .group_by(Attendance.occurrence_id, Attendance.state)
        )
        for occ_id, state, n in session.execute(stmt):
            c = counts.setdefault(occ_id, [0, 0, 0])
            c[0] += n
            if state == "present":
                c[1] += n
            elif state == "excused":
                c[2] += n
    return {k: (v[0], v[1], v[2]) for k, v in counts.items()}


def branch_order(session: Session, organization_id: str) -> dict[str, str]:
    """The sort key of each chi đoàn of the organisation, deleted ones too (an activity
    keeps them): its name's, so that an activity's chi đoàn read in Vietnamese order."""
    stmt = select(Branch.id, Branch.name).where(Branch.organization_id == organization_id)
    return {branch: collation_key(name) for branch, name in session.execute(stmt)}


def occurrence_row(
    o: Occurrence, a: Activity, counts: tuple[int, int, int], order: Mapping[str, str]
) -> OccurrenceRow:
    return OccurrenceRow(
        o.id,
        a.id,
        a.title,
        a.kind,
        o.day,
        o.start_time,
        o.end_day,
        o.end_time,
        o.place,
        tuple(sorted(json_ids(a.branch_ids), key=lambda b: (b not in order, order.get(b, b)))),
        o.status,
        bool(a.rule),
        o.day != o.original_date,
        o.attendance_taken,
        *counts,
    )


def busy_occurrences(session: Session, occurrence_ids: list[str]) -> set[str]:
    """The dates among ``occurrence_ids`` with minutes or evidence files (a life of their own)."""
    busy: set[str] = set()
    for start in range(0, len(occurrence_ids), 900):
        chunk = occurrence_ids[start : start + 900]
        busy.update(
            session.scalars(
                select(Minutes.occurrence_id).where(
                    Minutes.deleted_at.is_(None), Minutes.occurrence_id.in_(chunk)
                )
            )
        )
        busy.update(
            session.scalars(
                select(EvidenceFile.owner_id).where(
                    EvidenceFile.deleted_at.is_(None),
                    EvidenceFile.owner_table == OCCURRENCE_TABLE,
                    EvidenceFile.owner_id.in_(chunk),
                )
            )
        )
    return busy
