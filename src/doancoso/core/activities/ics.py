"""The calendar for phones: an .ics file (RFC 5545, the ``icalendar`` library).

One VEVENT per activity that has (or had, see :func:`_in_calendar`) a date in the range or
lasting into it, local time in Asia/Ho_Chi_Minh with its VTIMEZONE; a recurring activity carries
its RRULE, an EXDATE for each date cancelled, postponed or laid out no more, and one more VEVENT
(same UID, RECURRENCE-ID) for each date that was moved. A date kept when the rule changed (or was
removed: a one-off) is an event of its own (its UID the date's id), and stays one while it has
something of its own, even once a later repeat names its day (the series skipping it, see
:func:`_activity_events`), so that a phone never shows it twice. Cancelled or postponed, it is
exported as STATUS:CANCELLED, so that the phone removes it; deleted since (a tombstone, taken
off when the repeat was edited again or brought by a bundle), it is sent the same way
(:func:`_dropped_events`): no EXDATE of the series removes an event of its own. The UID is the
activity's id, so that a phone's calendar updates on the next import instead of duplicating; a
phone keeps its copy unless the SEQUENCE is higher (RFC 5546 §2.1.4), so the SEQUENCE counts the
changes of the activity and of each of its dates (a date moved or cancelled changes the date's
row only). An activity without a time is an all-day event.

An activity deleted (a tombstone, kept for bundles) stays in the file of a range it had a date
in, with its events as they were but STATUS:CANCELLED: its deletion raised the revisions, so the
SEQUENCE is higher than the phone's copy, and a phone importing the file removes it (RFC 5546
§3.2.5) instead of keeping an activity that no longer takes place. "Hoàn tác" raises them again:
the next file puts it back.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session, aliased

from ..context import WorkspaceContext
from ..errors import NotFoundError
from ..lang.dates import format_vn_date
from ..lang.text import vn_number
from ..storage.files import written_atomically
from ..storage.models import Activity, Occurrence, Organization
from .recurrence import expand
from .rules import BUILTIN_KINDS, PLANNED, STATUSES
from .service import MAX_SPAN_DAYS, busy_occurrences

if TYPE_CHECKING:
    from icalendar import Event

TIMEZONE = "Asia/Ho_Chi_Minh"
UID_DOMAIN = "doancoso"
PRODID = "-//doancoso//Quản lý Đoàn cơ sở 3 chủ động//VI"
OFF = ("huy", "hoan")
"""A date cancelled or postponed ("Hoãn") does not take place on its day: the calendar strikes
it out and refuses its attendance, and the phone does not show it as planned."""


def _moment(day: dt.date, time: str | None) -> dt.date | dt.datetime:
    if not time:
        return day
    hour, minute = (int(p) for p in time.split(":"))
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=ZoneInfo(TIMEZONE))


def _end(
    start: dt.date | dt.datetime, end_day: dt.date | None, end_time: str | None
) -> dt.date | dt.datetime:
    if isinstance(start, dt.datetime):
        day = end_day or start.date()
        if end_time:
            return _moment(day, end_time)
        return start + dt.timedelta(hours=2) if end_day is None else _moment(day, "23:59")
    return (end_day or start) + dt.timedelta(days=1)  # all-day: DTEND is exclusive


@dataclass(frozen=True)
class IcsFile:
    """An .ics: its bytes, its events of activities that take place, the deleted activities it
    cancels on a phone."""

    data: bytes
    events: int
    deleted: int

    @property
    def counts_text(self) -> str:
        """ "4 sự kiện", "1 sự kiện; 2 hoạt động đã xóa được ghi là đã hủy…"."""
        text = f"{vn_number(self.events)} sự kiện"
        if self.deleted:
            text += (
                f"; {vn_number(self.deleted)} hoạt động đã xóa được ghi là đã hủy để điện thoại "
                "xóa theo"
            )
        return text


def build_calendar(
    ctx: WorkspaceContext, first: dt.date, last: dt.date, kinds: dict[str, str]
) -> IcsFile:
    """The .ics of the activities with a date from ``first`` to ``last`` (the deleted ones
    cancelled, see the module docstring)."""
    from icalendar import Calendar, Timezone

    org = ctx.organization_id
    with ctx.db.read() as session:
        org_row = session.get(Organization, org)
        activities = list(
            session.scalars(
                select(Activity)
                .where(_in_calendar(org, first, last))
                .order_by(Activity.start_date, Activity.id)
            )
        )
        gone = {a.id: a.deleted_at for a in activities}
        ids = list(gone)
        dates: dict[str, list[Occurrence]] = defaultdict(list)
        dropped: dict[str, list[Occurrence]] = defaultdict(list)
        relaid: dict[str, dt.datetime] = {}
        for start in range(0, len(ids), 900):
            for occ in session.scalars(
                select(Occurrence).where(Occurrence.activity_id.in_(ids[start : start + 900]))
            ):
                # A live activity's live dates; a deleted one's, those deleted with it.
                if occ.deleted_at == gone[occ.activity_id]:
                    dates[occ.activity_id].append(occ)
                    continue
                assert occ.deleted_at is not None  # deleted on its own
                if occ.activity_id not in relaid or occ.deleted_at > relaid[occ.activity_id]:
                    relaid[occ.activity_id] = occ.deleted_at
                if occ.day <= last and (occ.end_day or occ.day) >= first:
                    dropped[occ.activity_id].append(occ)
        versions = _versions(session, activities)
        busy = busy_occurrences(session, [o.id for days in dates.values() for o in days])
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", f"Lịch hoạt động – {org_row.name if org_row else ''}".strip(" –"))
    cal.add("x-wr-timezone", TIMEZONE)
    zone = Timezone.from_tzid(TIMEZONE)
    # The library's English note on the years it covers: a file handed on carries no English
    # (Vietnam has kept +07:00 without daylight saving since 1975, so the note adds nothing).
    zone.pop("COMMENT", None)
    cal.add_component(zone)
    events = deleted = 0
    for activity in activities:
        occurrences = sorted(dates[activity.id], key=lambda o: o.original_date)
        kind = kinds.get(activity.kind) or BUILTIN_KINDS.get(activity.kind, ("Khác", ""))[0]
        made = _activity_events(
            activity, occurrences, versions[activity.id], kind, relaid.get(activity.id), busy
        )
        if activity.deleted_at is None:
            events += len(made)
        else:
            deleted += 1
        made += _dropped_events(activity, dropped[activity.id], versions[activity.id], kind)
        for event in made:
            cal.add_component(event)
    return IcsFile(bytes(cal.to_ical()), events, deleted)


def _own_life(occ: Occurrence, activity: Activity, busy: set[str]) -> bool:
    """Whether a date now has something of its own (moved, a status, held, results, minutes,
    evidence, its own time or place): what keeps a date out of a repeat when the repeat is
    edited (``busy``: the dates with minutes or evidence)."""
    return (
        occ.id in busy
        or occ.day != occ.original_date
        or occ.status != PLANNED
        or occ.attendance_taken
        or bool(occ.results or occ.resources or occ.participants)
        or (occ.start_time, occ.end_time, occ.place or None)
        != (activity.start_time, activity.end_time, activity.place or None)
    )


def _activity_events(
    activity: Activity,
    occurrences: list[Occurrence],
    version: tuple[int, dt.datetime],
    kind: str,
    relaid: dt.datetime | None = None,
    busy: set[str] | None = None,
) -> list[Event]:
    """The VEVENTs of an activity and its dates (sorted by their day in the rule), all of them
    cancelled when the activity is deleted. ``relaid``: when the activity last had a date taken
    off on its own (its repeat edited), None if never; ``busy``: its dates with minutes or
    evidence.

    A date of the RRULE that has something of its own and was there when the repeat was edited
    may have been kept out of the repeat then, and be on a phone as an event of its own: it
    stays one (its own UID), the series skipping its day (EXDATE). Sent as an instance of the
    series instead, the phone would keep its own event beside it and show the date twice; a
    phone that had it as an instance drops that by the EXDATE and takes the event: once too.
    So does the date a repeat made a one-off keeps as its own: the activity's UID, which the
    phone holds as the series, is then sent cancelled."""

    def lived_through(occ: Occurrence) -> bool:
        """There, with something of its own, when the repeat was last edited."""
        return (
            relaid is not None
            and relaid > occ.created_at
            and _own_life(occ, activity, busy or set())
        )

    if not activity.rule:
        if not occurrences:
            return [_event(activity, version, kind, activity.start_date, None)]
        # A repeat made a one-off keeps its dates with a life of their own (held, attended…):
        # the activity's UID on its one date, each date kept an event of its own, as when the
        # rule changes.
        main = next((o for o in occurrences if o.original_date == activity.start_date), None)
        main = main or occurrences[0]
        alone = lived_through(main)  # maybe on the phone as its own: stays so
        made = [_event(activity, version, kind, main.day, main, cancelled=alone)]
        for occ in occurrences:
            if occ is not main or alone:
                made.append(_event(activity, version, kind, occ.day, occ, f"{occ.id}@{UID_DOMAIN}"))
        return made
    master = _event(activity, version, kind, activity.start_date, None)
    master.add("rrule", _rrule_dict(activity.rule, bool(activity.start_time)))
    by_original = {o.original_date: o for o in occurrences}
    rule_dates = expand(activity.rule, activity.start_date)
    in_rule = set(rule_dates)

    def own(occ: Occurrence) -> bool:
        # Kept when the rule changed (no date of the RRULE to name it by), or maybe kept then.
        return occ.original_date not in in_rule or lived_through(occ)

    excluded = [
        d
        for d in rule_dates
        if d not in by_original or by_original[d].status in OFF or own(by_original[d])
    ]
    for day in excluded:
        master.add("exdate", _moment(day, activity.start_time))
    made = [master]
    for occ in occurrences:
        moved = (
            occ.day != occ.original_date
            or occ.start_time != activity.start_time
            or occ.end_time != activity.end_time
            or (occ.place or None) != (activity.place or None)
        )
        if own(occ):
            # Kept when the rule changed (held, attended, moved…), or maybe kept then: an event
            # of its own, with the date's id as UID. Cancelled or postponed since, it stays, as
            # STATUS:CANCELLED: no EXDATE can remove it.
            uid = f"{occ.id}@{UID_DOMAIN}"
            made.append(_event(activity, version, kind, occ.day, occ, uid))
        elif occ.status not in OFF and moved:
            ev = _event(activity, version, kind, occ.day, occ)
            ev.add("recurrence-id", _moment(occ.original_date, activity.start_time))
            made.append(ev)
    return made


def _dropped_events(
    activity: Activity, dropped: list[Occurrence], version: tuple[int, dt.datetime], kind: str
) -> list[Event]:
    """The dates of an activity deleted on their own (tombstones: taken off by a change of the
    repeat, or deleted elsewhere and brought by a bundle) that may be on a phone as events of
    their own, which no EXDATE removes: each is sent as STATUS:CANCELLED under its own UID.

    Such a date is one no date of the RRULE names that was changed on its own before its
    deletion (its revision past the one laying it out and the one deleting it): only a date
    changed on its own (moved, held, given a status…) is ever kept out of a repeat. A date that
    was only ever an instance of the series is left to its RRULE and EXDATEs: a cancelled event
    under a UID the phone never had would be noise."""
    if not dropped:
        return []
    in_rule = set(expand(activity.rule, activity.start_date)) if activity.rule else set()
    return [
        _event(activity, version, kind, occ.day, occ, f"{occ.id}@{UID_DOMAIN}", dropped=True)
        for occ in sorted(dropped, key=lambda o: (o.day, o.id))
        if occ.original_date not in in_rule and occ.revision > 2
    ]


def _in_calendar(org: str, first: dt.date, last: dt.date) -> ColumnElement[bool]:
    """The activities the .ics of ``first`` to ``last`` holds: those with a date in it (or
    lasting into it), or that had one (taken off since by a change of the repeat: the file
    carries the series as it now is, so that the phone drops that date), and those deleted with
    a date in it (the dates deleted with them)."""
    in_range = (
        Occurrence.organization_id == org,
        # A date lasting into the range is in it (a camp, an evening past midnight), as the
        # calendar shows it: started at most the longest span an activity may have before.
        Occurrence.day >= first - dt.timedelta(days=MAX_SPAN_DAYS),
        Occurrence.day <= last,
        func.coalesce(Occurrence.end_day, Occurrence.day) >= first,
    )
    live = select(Occurrence.activity_id).where(*in_range)
    parent = aliased(Activity)
    gone_with = (
        select(Occurrence.activity_id)
        .join(parent, parent.id == Occurrence.activity_id)
        .where(parent.deleted_at.is_not(None), Occurrence.deleted_at == parent.deleted_at)
        .where(*in_range)
    )
    return and_(
        Activity.organization_id == org,
        or_(
            and_(Activity.deleted_at.is_(None), Activity.id.in_(live)),
            and_(Activity.deleted_at.is_not(None), Activity.id.in_(gone_with)),
        ),
    )


def calendar_size(ctx: WorkspaceContext, first: dt.date, last: dt.date) -> int:
    """How many activities the .ics of ``first`` to ``last`` would hold (0: nothing to
    export)."""
    in_calendar = _in_calendar(ctx.organization_id, first, last)
    with ctx.db.read() as session:
        stmt = select(func.count()).select_from(Activity).where(in_calendar)
        return session.scalar(stmt) or 0


def _versions(session: Session, activities: list[Activity]) -> dict[str, tuple[int, dt.datetime]]:
    """activity id → (SEQUENCE, DTSTAMP): the activity's revision plus every change of its
    dates since each was laid out (a date's revision less one; tombstoned dates too, so that
    the sum never goes down), and the last time the activity or one of its dates changed."""
    versions = {a.id: (a.revision, a.updated_at) for a in activities}
    ids = list(versions)
    for start in range(0, len(ids), 900):
        stmt = (
            select(
                Occurrence.activity_id,
                func.sum(Occurrence.revision - 1),
                func.max(Occurrence.updated_at),
            )
            .where(Occurrence.activity_id.in_(ids[start : start + 900]))
            .group_by(Occurrence.activity_id)
        )
        for activity_id, changes, last in session.execute(stmt):
            revision, updated = versions[activity_id]
            versions[activity_id] = (revision + int(changes or 0), max(updated, last or updated))
    return versions


def _event(
    activity: Activity,
    version: tuple[int, dt.datetime],
    kind: str,
    day: dt.date,
    occ: Occurrence | None,
    uid: str | None = None,
    dropped: bool = False,
    cancelled: bool = False,
) -> Event:
    """The VEVENT of an activity on ``day`` (``version``: its SEQUENCE and DTSTAMP, see
    :func:`_versions`; ``occ``: one date's own values, for a moved date or a one-off activity;
    ``uid``: the event's own, not the activity's), cancelled when the activity is deleted or
    the date was (``dropped``); ``cancelled``: sent cancelled, the date being sent under its
    own UID."""
    from icalendar import Event

    ev = Event()
    ev.add("uid", uid or f"{activity.id}@{UID_DOMAIN}")
    ev.add("summary", activity.title)
    start = _moment(day, occ.start_time if occ else activity.start_time)
    ev.add("dtstart", start)
    end_day = occ.end_day if occ else activity.end_date
    ev.add("dtend", _end(start, end_day, occ.end_time if occ else activity.end_time))
    place = (occ.place if occ else None) or activity.place
    if place:
        ev.add("location", place)
    deleted = dropped or activity.deleted_at is not None
    lines = ["Đã xóa khỏi lịch hoạt động."] if deleted else []
    lines.append(f"Loại: {kind}")
    if occ is not None and occ.status != "du-kien":
        lines.append(f"Trạng thái: {STATUSES.get(occ.status, occ.status)}")
    if activity.partners:
        lines.append(f"Phối hợp: {activity.partners}")
    if activity.notes:
        lines.append(activity.notes)
    ev.add("description", "\n".join(lines))
    ev.add("categories", [kind])
    sequence, stamp = version
    ev.add("dtstamp", stamp.replace(tzinfo=dt.UTC))
    ev.add("sequence", sequence)
    if deleted or cancelled or (occ is not None and occ.status in OFF):
        ev.add("status", "CANCELLED")
    return ev


def _rrule_dict(rule: str, timed: bool) -> dict[str, object]:
    """The RRULE for icalendar. With a timed DTSTART, RFC 5545 wants UNTIL as a UTC date-time:
    the end of that day in Vietnam."""
    from icalendar import vRecur

    parts = dict(vRecur.from_ical(rule))
    if timed and "UNTIL" in parts:
        (until,) = parts["UNTIL"]
        day = until.date() if isinstance(until, dt.datetime) else until
        local = dt.datetime.combine(day, dt.time(23, 59, 59), tzinfo=ZoneInfo(TIMEZONE))
        parts["UNTIL"] = [local.astimezone(dt.UTC)]
    return parts


def nothing_to_export(first: dt.date, last: dt.date) -> str:
    """Why a range without any activity (deleted ones included) is not exported: an empty
    calendar imported into a phone shows nothing and looks like a failed export."""
    return (
        f"Từ {format_vn_date(first)} đến {format_vn_date(last)} không có hoạt động nào: không "
        "có gì để xuất. Hãy chọn năm hoặc khoảng ngày khác."
    )


def export_calendar(
    ctx: WorkspaceContext, target: Path, first: dt.date, last: dt.date, kinds: dict[str, str]
) -> IcsFile:
    """Write the .ics to ``target`` (atomically); returns what it holds. Raises
    :class:`NotFoundError` (nothing written) for a range without any activity."""
    if calendar_size(ctx, first, last) == 0:
        raise NotFoundError(nothing_to_export(first, last))
    ics = build_calendar(ctx, first, last, kinds)
    with written_atomically(target) as temp:
        temp.write_bytes(ics.data)
    return ics
