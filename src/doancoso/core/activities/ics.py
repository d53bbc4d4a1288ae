"""The calendar for phones: an .ics file (RFC 5545, the ``icalendar`` library).

One VEVENT per activity that has a date in the range, local time in Asia/Ho_Chi_Minh with its
VTIMEZONE; a recurring activity carries its RRULE, an EXDATE for each date cancelled,
postponed or laid out no more, and one more VEVENT (same UID, RECURRENCE-ID) for each date that
was moved. The UID is the activity's id, so that a phone's calendar updates on the next import
instead of duplicating; a phone keeps its copy unless the SEQUENCE is higher (RFC 5546 §2.1.4),
so the SEQUENCE counts the changes of the activity and of each of its dates (a date moved or
cancelled changes the date's row only). An activity without a time is an all-day event.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, and_, func, select
from sqlalchemy.orm import Session

from ..context import WorkspaceContext
from ..storage.files import written_atomically
from ..storage.live import is_live
from ..storage.models import Activity, Occurrence, Organization
from .recurrence import expand
from .rules import BUILTIN_KINDS, STATUSES

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


def build_calendar(
    ctx: WorkspaceContext, first: dt.date, last: dt.date, kinds: dict[str, str]
) -> bytes:
    """The .ics of the activities with a date from ``first`` to ``last``."""
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
        ids = [a.id for a in activities]
        dates: dict[str, list[Occurrence]] = defaultdict(list)
        for start in range(0, len(ids), 900):
            for occ in session.scalars(
                select(Occurrence).where(
                    is_live(Occurrence), Occurrence.activity_id.in_(ids[start : start + 900])
                )
            ):
                dates[occ.activity_id].append(occ)
        versions = _versions(session, activities)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", f"Lịch hoạt động – {org_row.name if org_row else ''}".strip(" –"))
    cal.add("x-wr-timezone", TIMEZONE)
    cal.add_component(Timezone.from_tzid(TIMEZONE))
    for activity in activities:
        occurrences = sorted(dates[activity.id], key=lambda o: o.original_date)
        kind = kinds.get(activity.kind) or BUILTIN_KINDS.get(activity.kind, ("Khác", ""))[0]
        version = versions[activity.id]
        if not activity.rule:
            only = occurrences[0] if occurrences else None
            day = only.day if only else activity.start_date
            cal.add_component(_event(activity, version, kind, day, only))
            continue
        master = _event(activity, version, kind, activity.start_date, None)
        master.add("rrule", _rrule_dict(activity.rule, bool(activity.start_time)))
        by_original = {o.original_date: o for o in occurrences}
        rule_dates = expand(activity.rule, activity.start_date)
        excluded = [d for d in rule_dates if d not in by_original or by_original[d].status in OFF]
        for day in excluded:
            master.add("exdate", _moment(day, activity.start_time))
        cal.add_component(master)
        in_rule = set(rule_dates)
        for occ in occurrences:
            moved = (
                occ.day != occ.original_date
                or occ.start_time != activity.start_time
                or occ.end_time != activity.end_time
                or (occ.place or None) != (activity.place or None)
            )
            if occ.status not in OFF and occ.original_date not in in_rule:
                # Kept when the rule changed (held, attended, moved…): no date of the RRULE to
                # name by RECURRENCE-ID, so an event of its own, with the date's id as UID.
                uid = f"{occ.id}@{UID_DOMAIN}"
                cal.add_component(_event(activity, version, kind, occ.day, occ, uid))
            elif occ.status not in OFF and moved:
                ev = _event(activity, version, kind, occ.day, occ)
                ev.add("recurrence-id", _moment(occ.original_date, activity.start_time))
                cal.add_component(ev)
    return bytes(cal.to_ical())


def _in_calendar(org: str, first: dt.date, last: dt.date) -> ColumnElement[bool]:
    """The activities the .ics of ``first`` to ``last`` holds: those with a date in it."""
    in_range = select(Occurrence.activity_id).where(
        is_live(Occurrence, org), Occurrence.day >= first, Occurrence.day <= last
    )
    return and_(is_live(Activity, org), Activity.id.in_(in_range))


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
) -> Event:
    """The VEVENT of an activity on ``day`` (``version``: its SEQUENCE and DTSTAMP, see
    :func:`_versions`; ``occ``: one date's own values, for a moved date or a one-off activity;
    ``uid``: the event's own, not the activity's)."""
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
    lines = [f"Loại: {kind}"]
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
    if occ is not None and occ.status in OFF:
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


def export_calendar(
    ctx: WorkspaceContext, target: Path, first: dt.date, last: dt.date, kinds: dict[str, str]
) -> int:
    """Write the .ics to ``target`` (atomically); returns the number of VEVENTs."""
    data = build_calendar(ctx, first, last, kinds)
    with written_atomically(target) as temp:
        temp.write_bytes(data)
    return data.count(b"BEGIN:VEVENT")
