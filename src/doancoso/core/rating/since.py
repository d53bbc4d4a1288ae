"""What changed since a round's closing that the closed round still reads as it is now, the
values of before being kept nowhere: the attendance marks and the dates of the year changed in
place (:func:`marks_changed_since`), the chi đoàn renamed (:func:`branches_renamed_since`).

A closed round counts the marks and dates recorded by its closing (those recorded since are not
its own: :func:`~doancoso.core.storage.live.known`), those deleted since included, but reads each
as it is now: a mark changed since (present to absent), a date cancelled, moved or marked again
since, changes the figures and suggestions on the page, and the summary printed again, from
those the round was closed with; a mark or a date deleted since is read as it was deleted (the
deletion alone changes nothing, a change before it does). The closing keeps each member's counts
as the round read them (:func:`counts_kept`), and the periods on the roster it counted them
over (:func:`periods_kept`), so the round tells exactly whose figures the attendance changed (a
figure changed by an event brought back since, or a date of admission edited, is not the
attendance's: :func:`by_the_attendance`); a round closed by an older version has only each
row's ``updated_at``, which tells that it changed, not what it was (nor, once deleted, whether it
changed before its deletion)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence

from sqlalchemy import and_, func, not_, or_, select
from sqlalchemy.orm import Session

from ..activities.rules import DONE
from ..lang.dates import format_vn_date
from ..lifecycle.periods import Period
from ..storage.live import known
from ..storage.models import Attendance, Branch, Occurrence
from .records import closing_kept, kept_text

MARKS_CHANGED = "Điểm danh đã sửa sau khi khóa đợt: {day}"
BRANCH_RENAMED = "Chi đoàn đã đổi tên sau khi khóa đợt: {day}"

COUNTS = "counts"
"""Key of a closing's entry in a round's history: each member's counts (expected, attended,
excused) as the round read them at the closing, "id:expected/attended/excused" separated by
spaces in the order of the ids, for the members with a date expected. Only the latest closing
keeps them."""

PERIODS = "periods"
"""Key of a closing's entry in a round's history: the members' periods on the roster in the year
as the closing counted them, "id:yyyymmdd-yyyymmdd,…" (each period within the year, its end
excluded) separated by spaces in the order of the ids, for the members on the roster for part of
the year only (one on it all year, or not at all, keeps none). The counts kept (:data:`COUNTS`)
are told from the attendance by them (:func:`by_the_attendance`). Only the latest closing keeps
them."""

Counts = Mapping[str, tuple[int, int, int]]
_PERIODS_TEXT = re.compile(r"\d{8}-\d{8}(,\d{8}-\d{8})*")
_NONE = (0, 0, 0)
_CHUNK = 900  # SQLite's bound-parameter limit


def counts_kept(counts: Counts) -> str:
    """``counts`` as a closing keeps them under :data:`COUNTS` (:func:`closing_counts`)."""
    return kept_text({member_id: f"{e}/{a}/{x}" for member_id, (e, a, x) in counts.items()})


def closing_counts(history: str | None) -> dict[str, tuple[int, int, int]] | None:
    """Each member's counts at the latest closing in ``history`` (:data:`COUNTS`); None when
    the closing kept none (:func:`~.records.closing_kept`)."""
    kept = closing_kept(history, COUNTS)
    if kept is None:
        return None
    found = {}
    for member_id, figures in kept.items():
        numbers = figures.split("/")
        if len(numbers) != 3 or not all(n.isdigit() for n in numbers):
            return None
        expected, attended, excused = (int(n) for n in numbers)
        found[member_id] = (expected, attended, excused)
    return found


def _year_text(periods: Sequence[Period], year: int) -> str:
    """``periods`` as they cover ``year``: "yyyymmdd-yyyymmdd" (the end excluded), by commas."""
    first, end = dt.date(year, 1, 1), dt.date(year + 1, 1, 1)
    spans = []
    for p in periods:
        start, until = max(p.start or first, first), min(p.end or end, end)
        if start < until:
            spans.append(f"{start:%Y%m%d}-{until:%Y%m%d}")
    return ",".join(spans)


def _whole(year: int) -> str:
    return _year_text([Period(None, None)], year)


def periods_kept(periods: Mapping[str, Sequence[Period]], year: int) -> str:
    """The members' ``periods`` as a closing keeps them under :data:`PERIODS`
    (:func:`closing_periods`): those on the roster for part of ``year`` only."""
    whole = _whole(year)
    texts = {member_id: _year_text(spans, year) for member_id, spans in periods.items()}
    return kept_text({m: text for m, text in texts.items() if text not in ("", whole)})


def closing_periods(history: str | None) -> dict[str, str] | None:
    """The periods in the year of the members on the roster for part of it only, as the latest
    closing in ``history`` kept them (:data:`PERIODS`), in their kept text; None when the
    closing kept none (:func:`~.records.closing_kept`)."""
    kept = closing_kept(history, PERIODS)
    if kept is None or not all(_PERIODS_TEXT.fullmatch(text) for text in kept.values()):
        return None
    return kept


def _periods(text: str) -> list[Period]:
    """The periods of a text of :func:`_year_text`."""
    spans = []
    for span in text.split(","):
        start, _, end = span.partition("-")
        spans.append(Period(*(dt.datetime.strptime(d, "%Y%m%d").date() for d in (start, end))))
    return spans


def by_the_attendance(
    flagged: Mapping[str, str],
    year: int,
    kept: Counts,
    kept_periods: Mapping[str, str],
    periods: Mapping[str, list[Period]],
    recount: Callable[[dict[str, list[Period]]], Counts],
) -> dict[str, str]:
    """Of the members ``flagged`` by :func:`marks_changed_since` (their counts differ from those
    ``kept`` by the closing, and a mark or a date of theirs changed since), those whose counts
    the attendance changed: a member whose periods on the roster in ``year`` (``periods``, as
    the round reads them now) differ from those the closing counted with (``kept_periods``: a
    date of admission edited; an event deleted before the closing and brought back since, which
    only a round closed before the closing kept such events' ids reads) is
    counted again, the attendance as it is now within the periods of then (``recount``: the
    counts over the periods given), and kept only when that differs from the counts kept: a
    figure changed by the events alone says nothing of the attendance."""
    whole = _whole(year)
    moved = {
        m: _periods(kept_periods.get(m, whole))
        for m in flagged
        if _year_text(periods.get(m, []), year) != kept_periods.get(m, whole)
    }
    if not moved:
        return dict(flagged)
    counted = recount({**periods, **moved})
    return {
        m: note
        for m, note in flagged.items()
        if m not in moved or counted.get(m, _NONE) != kept.get(m, _NONE)
    }


def local_day(at: dt.datetime) -> str:
    """The local day (dd/mm/yyyy) of a stored UTC time."""
    return format_vn_date(at.replace(tzinfo=dt.UTC).astimezone().date())


def marks_changed_since(
    session: Session,
    organization_id: str,
    year: int,
    by: dt.datetime,
    kept: Counts | None = None,
    now: Counts | None = None,
) -> dict[str, str]:
    """member → :data:`MARKS_CHANGED` (the local day of the last change) for the members whose
    attendance of ``year`` the round closed at ``by`` reads changed since.

    ``kept``: the counts the closing kept (:func:`closing_counts`), ``now``: those the round
    reads today. With both, a member is flagged when the two differ and a mark of theirs or a
    date they were marked on (recorded by the closing, deleted since or not) changed since: a
    mark changed then deleted, a date cancelled then deleted, are; a mark or a date deleted
    alone, a meeting's results (head count, results text, expenses) entered since, a date
    moved within the year, are not, as the counts do not change. (A figure changed by an event
    changed since, with a date changed since too, is flagged here: :func:`by_the_attendance`
    then keeps only those whose attendance changed the figures.)

    Without them (a round closed by an older version) only each row's ``updated_at`` is left:
    a member is flagged whose mark recorded by the closing changed since (not deleted), or who
    was marked on a date changed since that no longer counts (cancelled, put off, moved out of
    the year). A date that still counts (done, attendance taken, in the year) is not, since
    its ``updated_at`` cannot tell a results edit or a save of its sheet from a change the round
    counts; a mark or a date deleted since is not either, as the deletion's time is all that is
    left of a change before it. A date of the year is one whose day, or the day its repeat gave
    it (``original_date``), is in the year: a date moved out of the year since is still found.
    Marks and dates recorded after the closing are not the round's: nothing is said of them."""
    if kept is not None and now is not None:
        differ = [m for m in {*kept, *now} if kept.get(m, _NONE) != now.get(m, _NONE)]
        latest: dict[str, dt.datetime] = {}
        for at in range(0, len(differ), _CHUNK):
            latest.update(_changed(session, organization_id, year, by, differ[at : at + _CHUNK]))
        return _flags(latest)
    return _flags(_changed(session, organization_id, year, by, None))


def _changed(
    session: Session, organization_id: str, year: int, by: dt.datetime, members: list[str] | None
) -> dict[str, dt.datetime]:
    """member → the time of the last change since ``by`` of their marks of ``year`` recorded
    by then and of the dates they were marked on: of ``members`` (at most a chunk), deleted
    since or not; or, ``members`` None, as a round closed by an older version reads them
    (:func:`marks_changed_since`)."""
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    of_year = and_(
        Occurrence.organization_id == organization_id,
        Occurrence.created_at <= by,
        or_(Occurrence.day.between(first, last), Occurrence.original_date.between(first, last)),
    )
    marks = (
        select(Attendance.member_id, func.max(Attendance.updated_at))
        .join(Occurrence, Occurrence.id == Attendance.occurrence_id)
        .where(of_year, Attendance.created_at <= by, Attendance.updated_at > by)
        .group_by(Attendance.member_id)
    )
    dates = (
        select(Attendance.member_id, func.max(Occurrence.updated_at))
        .join(Occurrence, Occurrence.id == Attendance.occurrence_id)
        .where(of_year, Occurrence.updated_at > by, known(Attendance, organization_id, by))
        .group_by(Attendance.member_id)
    )
    if members is not None:
        marks = marks.where(Attendance.member_id.in_(members))
        dates = dates.where(Attendance.member_id.in_(members))
    else:
        # deleted since (with its date, or off the sheet): its time is the deletion's
        marks = marks.where(
            or_(Attendance.deleted_at.is_(None), Attendance.deleted_at != Attendance.updated_at)
        )
        still_counts = and_(
            Occurrence.status == DONE,
            Occurrence.attendance_taken.is_(True),
            Occurrence.day.between(first, last),
        )
        dates = dates.where(not_(still_counts))
    latest: dict[str, dt.datetime] = {}
    for stmt in (marks, dates):
        for member_id, at in session.execute(stmt):
            if member_id not in latest or at > latest[member_id]:
                latest[member_id] = at
    return latest


def _flags(latest: Mapping[str, dt.datetime]) -> dict[str, str]:
    return {m: MARKS_CHANGED.format(day=local_day(at)) for m, at in latest.items()}


def branches_renamed_since(
    session: Session, organization_id: str, by: dt.datetime
) -> dict[str, str]:
    """chi đoàn → the local day (dd/mm/yyyy) of its last change since the closing ``by``, for
    the chi đoàn on the roster at the closing and still on it whose row changed since: a chi
    đoàn has nothing but its name to change (a chi đoàn deleted and brought back since reads as
    renamed), so the round's pages and prints name it as it is now, not as it was when the round
    was closed (:data:`BRANCH_RENAMED`, :func:`renamed_note`)."""
    stmt = select(Branch.id, Branch.updated_at).where(
        known(Branch, organization_id, by), Branch.deleted_at.is_(None), Branch.updated_at > by
    )
    return {branch_id: local_day(at) for branch_id, at in session.execute(stmt)}


def renamed_note(renamed: Mapping[str, str]) -> str:
    """What a printed round says of the chi đoàn renamed since its closing (name → day of the
    change), in the order given; "" for none."""
    if not renamed:
        return ""
    names = ", ".join(f"{name} ({day})" for name, day in renamed.items())
    return f"Chi đoàn đã đổi tên sau khi khóa đợt: {names}; bản in ghi tên hiện tại."
