"""What changed since a round's closing that the closed round still reads as it is now, the
values of before being kept nowhere: the attendance marks and the dates of the year changed in
place (:func:`marks_changed_since`), the chi đoàn renamed (:func:`branches_renamed_since`).

A closed round counts the marks and dates recorded by its closing (those recorded since are not
its own: :func:`~doancoso.core.storage.live.known`), but a mark changed since (present to
absent), a date cancelled, moved or marked again since, is read as it is now: the figures and
suggestions on the page, and the summary printed again, may then differ from those the round was
closed with. What each row says is all the round can do: the ``updated_at`` of a mark, a date or
a chi đoàn after the closing tells that it changed, not what it was."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from sqlalchemy import and_, func, not_, or_, select
from sqlalchemy.orm import Session, aliased

from ..activities.rules import DONE
from ..lang.dates import format_vn_date
from ..storage.live import known
from ..storage.models import Attendance, Branch, Occurrence

MARKS_CHANGED = "Điểm danh đã sửa sau khi khóa đợt: {day}"
BRANCH_RENAMED = "Chi đoàn đã đổi tên sau khi khóa đợt: {day}"


def local_day(at: dt.datetime) -> str:
    """The local day (dd/mm/yyyy) of a stored UTC time."""
    return format_vn_date(at.replace(tzinfo=dt.UTC).astimezone().date())


def marks_changed_since(
    session: Session, organization_id: str, year: int, by: dt.datetime
) -> dict[str, str]:
    """member → :data:`MARKS_CHANGED` (the local day of the last change) for the members whose
    mark recorded by the closing ``by`` on a date of ``year`` changed since, or who were marked
    by then on a date of the year changed since (cancelled, put off, moved). A save of a date's
    sheet alone changes its head count (its marks say whose changed). A mark or a date deleted
    since is counted as it was deleted, as the round counted it: nothing is said of it, nor of
    a change followed by such a deletion (the deletion's time is all that is left). A date of
    the year is one whose day, or the day its repeat gave it (``original_date``), is in the
    year: a date moved out of the year since is still found. Marks and dates recorded after the
    closing are not the round's: nothing is said of them."""
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    of_year = and_(
        Occurrence.organization_id == organization_id,
        Occurrence.created_at <= by,
        or_(Occurrence.day.between(first, last), Occurrence.original_date.between(first, last)),
    )
    marks = (
        select(Attendance.member_id, func.max(Attendance.updated_at))
        .join(Occurrence, Occurrence.id == Attendance.occurrence_id)
        .where(
            of_year,
            Attendance.created_at <= by,
            Attendance.updated_at > by,
            # deleted since (with its date, or off the sheet): counted as it was (known)
            or_(Attendance.deleted_at.is_(None), Attendance.deleted_at != Attendance.updated_at),
        )
        .group_by(Attendance.member_id)
    )
    # Saving a date's sheet writes the date too (its number of participants): a date that
    # still counts (done, attendance taken, in the year), changed with a mark of its own, was
    # changed by that save, whose marks say for themselves whose changed. Such a date deleted
    # since is counted as it was deleted (known), as the round counted it.
    sheet = aliased(Attendance)
    saved_sheet = and_(
        Occurrence.status == DONE,
        Occurrence.attendance_taken.is_(True),
        Occurrence.day.between(first, last),
        or_(
            Occurrence.deleted_at == Occurrence.updated_at,
            select(sheet.id)
            .where(sheet.occurrence_id == Occurrence.id, sheet.updated_at == Occurrence.updated_at)
            .exists(),
        ),
    )
    dates = (
        select(Attendance.member_id, func.max(Occurrence.updated_at))
        .join(Occurrence, Occurrence.id == Attendance.occurrence_id)
        .where(
            of_year,
            Occurrence.updated_at > by,
            not_(saved_sheet),
            known(Attendance, organization_id, by),
        )
        .group_by(Attendance.member_id)
    )
    latest: dict[str, dt.datetime] = {}
    for stmt in (marks, dates):
        for member_id, at in session.execute(stmt):
            if member_id not in latest or at > latest[member_id]:
                latest[member_id] = at
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
