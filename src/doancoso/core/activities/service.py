"""Activities and their dates (the calendar): add, edit, delete, move or cancel one date,
record its results; the kinds of activity.

Every date of an activity is an :class:`~doancoso.core.storage.models.Occurrence` row, made when
the activity is saved (a recurring one has at most
:data:`~.recurrence.MAX_OCCURRENCES`). Editing a recurring activity keeps every date that has a
life of its own (moved, given a status other than planned, results, attendance, minutes) and
lays out the untouched ones again from the new rule (:mod:`.schedule`). A date is read as
:mod:`.dates` reads it and changed alone as :mod:`.date_edit` checks it.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from ..context import WorkspaceContext
from ..errors import ConflictError, ValidationError
from ..lang.text import collation_key, fold, nfc
from ..storage.live import find_live, get_live, is_live
from ..storage.models import (
    Activity,
    ActivityKind,
    Attendance,
    Branch,
    EvidenceFile,
    Minutes,
    Occurrence,
    Plan,
    PlanTarget,
)
from ..storage.tracking import transaction_time
from .date_edit import update_occurrence
from .dates import (
    MAX_SPAN_DAYS,
    OCCURRENCE_TABLE,
    OccurrenceDetail,
    OccurrenceRow,
    attendance_counts,
    branch_order,
    busy_occurrences,
    json_ids,
    live_occurrence,
    occurrence_row,
)
from .fields import ActivityFields, parse_activity
from .recurrence import expand
from .rules import BUILTIN_KINDS, DONE, PLANNED, code_of
from .schedule import SCHEDULE_FIELDS, Schedule, one_off, touched

if TYPE_CHECKING:  # the .ics module loads when a calendar is exported
    from .ics import IcsFile

__all__ = [  # the dates' names, kept importable from here
    "MAX_SPAN_DAYS",
    "OCCURRENCE_TABLE",
    "ActivityRecord",
    "ActivityService",
    "OccurrenceDetail",
    "OccurrenceRow",
    "busy_occurrences",
    "json_ids",
]

_COLOURS = ("#00695c", "#5d4037", "#283593", "#9e9d24", "#d84315", "#37474f")


@dataclass(frozen=True)
class ActivityRecord:
    id: str
    revision: int
    fields: ActivityFields
    occurrences: int


class ActivityService:
    """The activities of the workspace's organisation."""

    def __init__(self, ctx: WorkspaceContext) -> None:
        self._ctx = ctx

    # Kinds ---------------------------------------------------------------------------------

    def kinds(self) -> dict[str, tuple[str, str]]:
        """code → (name, colour): the built-in kinds, then the organisation's own."""
        stmt = select(ActivityKind).where(is_live(ActivityKind, self._ctx.organization_id))
        with self._ctx.db.read() as session:
            own = {
                k.code: (k.name, k.colour)
                for k in session.scalars(stmt.order_by(ActivityKind.created_at))
            }
        return {**BUILTIN_KINDS, **own}

    def kind_names(self) -> dict[str, str]:
        return {code: name for code, (name, _) in self.kinds().items()}

    def add_kind(self, name: str) -> str:
        """Add a kind of activity to the list; returns its code."""
        name = nfc(name)
        if not name:
            raise ValidationError({"name": "Cần nhập tên loại hoạt động."})
        kinds = self.kinds()
        if code_of({c: n for c, (n, _) in kinds.items()}, name) is not None:
            raise ConflictError(f"Loại hoạt động “{name}” đã có trong danh sách.")
        with self._ctx.db.transaction() as session:
            row = ActivityKind(
                organization_id=self._ctx.organization_id,
                code="",
                name=name[:200],
                colour=_COLOURS[(len(kinds) - len(BUILTIN_KINDS)) % len(_COLOURS)],
            )
            session.add(row)
            session.flush()
            row.code = f"k-{row.id[:8]}"
            return row.code

    def delete_kind(self, code: str) -> None:
        """Remove one of the organisation's own kinds; refused while an activity uses it or a
        plan's target counts it."""
        if code in BUILTIN_KINDS:
            raise ConflictError("Không thể xóa loại hoạt động có sẵn.")
        org = self._ctx.organization_id
        with self._ctx.db.transaction() as session:
            used = session.scalar(
                select(func.count())
                .select_from(Activity)
                .where(is_live(Activity, org), Activity.kind == code)
            )
            if used:
                raise ConflictError(
                    f"Loại hoạt động đang được dùng cho {used} hoạt động: không thể xóa."
                )
            measuring = session.execute(
                select(PlanTarget.text, Plan.year)
                .join(Plan, Plan.id == PlanTarget.plan_id)
                .where(
                    is_live(PlanTarget, org),
                    is_live(Plan, org),
                    PlanTarget.measure_kind == code,
                )
                .order_by(Plan.year, PlanTarget.position)
            ).first()
            if measuring is not None:
                raise ConflictError(
                    f"Loại hoạt động này được chỉ tiêu “{measuring.text}” của kế hoạch năm "
                    f"{measuring.year} dùng để đếm kết quả: đổi cách đo của chỉ tiêu đó trước "
                    "khi xóa loại hoạt động."
                )
            row = session.scalar(
                select(ActivityKind).where(is_live(ActivityKind, org), ActivityKind.code == code)
            )
            if row is None:
                raise ValidationError({"kind": "Không tìm thấy loại hoạt động."})
            row.deleted_at = transaction_time(session)

    # Activities ----------------------------------------------------------------------------

    def validate(self, raw: Mapping[str, object]) -> ActivityFields:
        return parse_activity(raw, self.kind_names())

    def save(self, raw: Mapping[str, object], activity_id: str | None = None) -> tuple[str, int]:
        """Validate and write an activity with its dates (new when ``activity_id`` is None);
        returns its id and its number of dates."""
        values = self.validate(raw)
        dates = expand(values.rule, values.start_date) if values.rule else [values.start_date]
        org = self._ctx.organization_id
        with self._ctx.db.transaction() as session:
            self._check_links(session, values, dates)
            columns = asdict(values)
            columns["start_date"] = dates[0]
            columns["branch_ids"] = json.dumps(list(values.branch_ids))
            columns["target_ids"] = json.dumps(list(values.target_ids))
            before: Schedule | None = None
            if activity_id is None:
                activity = Activity(organization_id=org, **columns)
                session.add(activity)
                session.flush()
                existing: list[Occurrence] = []
            else:
                activity = self._get(session, activity_id)
                before = Schedule.of(activity)
                existing = list(
                    session.scalars(
                        select(Occurrence).where(
                            is_live(Occurrence, org), Occurrence.activity_id == activity.id
                        )
                    )
                )
                if one_off(activity, existing) and not values.rule:
                    # The form showed the date as it now is (:meth:`get`): what it left as
                    # shown is not changed, on the activity nor on the date.
                    before = Schedule.of_date(existing[0])
                    for name in SCHEDULE_FIELDS:
                        if columns[name] == getattr(before, name):
                            del columns[name]
                for name, value in columns.items():
                    if getattr(activity, name) != value:
                        setattr(activity, name, value)
            count = self._lay_out(session, activity, values, dates, existing, before)
            return activity.id, count

    def _lay_out(
        self,
        session: Session,
        activity: Activity,
        values: ActivityFields,
        dates: list[dt.date],
        existing: list[Occurrence],
        before: Schedule | None = None,
    ) -> int:
        """Make the activity's dates match ``dates``, keeping every date with a life of its own.

        ``before`` is the schedule the form showed (None: new): a one-off's is its date as it
        now is, moved on its own or not. A one-off's date follows what the form changed and
        keeps the rest (a postponed date stays where it went when a title is corrected).
        """
        busy = busy_occurrences(session, [o.id for o in existing])
        if not values.rule and len(existing) == 1 and len(dates) == 1:  # a one-off: it moves
            occ = existing[0]
            if before is None or before.start_date != dates[0]:
                occ.original_date = occ.day = dates[0]
                occ.end_day = values.end_date
            elif before.end_date != values.end_date:  # as long as the form says, from its day
                span = (values.end_date - dates[0]) if values.end_date else None
                occ.end_day = occ.day + span if span else None
            for name in ("start_time", "end_time", "place"):
                value = getattr(values, name)
                if before is None or value != getattr(before, name):
                    setattr(occ, name, value)
            return 1
        wanted = set(dates)
        kept: dict[dt.date, Occurrence] = {}
        when = transaction_time(session)
        for occ in existing:
            if occ.original_date in wanted or touched(occ, busy, before):
                kept[occ.original_date] = occ
                if not touched(occ, busy, before):
                    self._copy_times(occ, values)
            else:
                occ.deleted_at = when
        # A date moved onto a day of the rule is that day's meeting: no second one beside it,
        # unless it does not take place there (cancelled, or postponed again).
        moved_onto = {
            o.day for o in kept.values() if o.day != o.original_date and o.status in (PLANNED, DONE)
        }
        for day in dates:
            if day not in kept and day not in moved_onto:
                occ = Occurrence(
                    organization_id=activity.organization_id,
                    activity_id=activity.id,
                    original_date=day,
                    day=day,
                    status=PLANNED,
                    attendance_taken=False,
                )
                self._copy_times(occ, values)
                session.add(occ)
                kept[day] = occ
        return len(kept)

    @staticmethod
    def _copy_times(occ: Occurrence, values: ActivityFields) -> None:
        occ.start_time, occ.end_time, occ.place = values.start_time, values.end_time, values.place
        occ.end_day = values.end_date

    def _check_links(self, session: Session, values: ActivityFields, dates: list[dt.date]) -> None:
        org = self._ctx.organization_id
        for branch_id in values.branch_ids:
            if find_live(session, Branch, branch_id, org) is None:
                raise ValidationError({"branch_ids": "Chi đoàn tổ chức không còn trong danh sách."})
        for target_id in values.target_ids:
            target = find_live(session, PlanTarget, target_id, org)
            plan = find_live(session, Plan, target.plan_id, org) if target else None
            if target is None or plan is None:
                raise ValidationError({"target_ids": "Chỉ tiêu không còn trong kế hoạch."})
            outside = [d for d in dates if d.year != plan.year]
            if outside:
                raise ValidationError(
                    {
                        "start_date": (
                            f"Hoạt động phục vụ chỉ tiêu của kế hoạch năm {plan.year} nhưng "
                            f"có ngày {outside[0]:%d/%m/%Y} ngoài năm {plan.year}."
                        )
                    }
                )

    def get(self, activity_id: str) -> ActivityRecord:
        with self._ctx.db.read() as session:
            a = self._get(session, activity_id)
            count = session.scalar(
                select(func.count())
                .select_from(Occurrence)
                .where(is_live(Occurrence), Occurrence.activity_id == a.id)
            )
            # A one-off shows its one date as it now is (moved on its own or not).
            dates = (
                []
                if a.rule
                else list(
                    session.scalars(
                        select(Occurrence)
                        .where(is_live(Occurrence), Occurrence.activity_id == a.id)
                        .limit(2)
                    )
                )
            )
            shown = Schedule.of_date(dates[0]) if one_off(a, dates) else Schedule.of(a)
            fields_ = ActivityFields(
                title=a.title,
                kind=a.kind,
                start_date=shown.start_date,
                start_time=shown.start_time,
                end_date=shown.end_date,
                end_time=shown.end_time,
                place=shown.place,
                branch_ids=json_ids(a.branch_ids),
                target_ids=json_ids(a.target_ids),
                partners=a.partners,
                expected_participants=a.expected_participants,
                rule=a.rule,
                notes=a.notes,
            )
            return ActivityRecord(a.id, a.revision, fields_, int(count or 0))

    def delete(self, activity_id: str) -> None:
        """Tombstone an activity with its dates, their attendance, minutes and files (undone by
        :meth:`restore`)."""
        self._set_deleted(activity_id, deleted=True)

    def restore(self, activity_id: str) -> None:
        self._set_deleted(activity_id, deleted=False)

    def _set_deleted(self, activity_id: str, deleted: bool) -> None:
        org = self._ctx.organization_id
        with self._ctx.db.transaction() as session:
            activity = session.get(Activity, activity_id)
            if activity is None or activity.organization_id != org:
                raise ValidationError({"activity": "Không tìm thấy hoạt động."})
            if (activity.deleted_at is not None) != (not deleted):
                return
            # What goes with the activity is what was live when it went: restoring brings back
            # the rows deleted at that very moment, not those removed earlier on their own.
            mark = transaction_time(session) if deleted else None
            was = None if deleted else activity.deleted_at

            def gone_with(model: type[Occurrence | Attendance | Minutes | EvidenceFile]) -> Any:
                return model.deleted_at.is_(None) if deleted else model.deleted_at == was

            occurrences = list(
                session.scalars(
                    select(Occurrence).where(
                        Occurrence.activity_id == activity.id, gone_with(Occurrence)
                    )
                )
            )
            ids = [o.id for o in occurrences]
            for start in range(0, len(ids), 900):
                chunk = ids[start : start + 900]
                linked: list[Select[Any]] = [
                    select(Attendance).where(
                        Attendance.occurrence_id.in_(chunk), gone_with(Attendance)
                    ),
                    select(Minutes).where(Minutes.occurrence_id.in_(chunk), gone_with(Minutes)),
                    select(EvidenceFile).where(
                        EvidenceFile.owner_table == OCCURRENCE_TABLE,
                        EvidenceFile.owner_id.in_(chunk),
                        gone_with(EvidenceFile),
                    ),
                ]
                for stmt in linked:
                    for row in session.scalars(stmt):
                        row.deleted_at = mark
            for occ in occurrences:
                occ.deleted_at = mark
            activity.deleted_at = mark

    # Dates ---------------------------------------------------------------------------------

    def occurrences(
        self,
        first: dt.date,
        last: dt.date,
        branch_id: str | None = None,
        status: str | None = None,
    ) -> list[OccurrenceRow]:
        """The dates from ``first`` to ``last`` (inclusive), by day and time; ``branch_id``:
        only the activities of that chi đoàn (and of the whole organisation); ``status``: only
        the dates of that status."""
        org = self._ctx.organization_id
        stmt = (
            select(Occurrence, Activity)
            .join(Activity, Activity.id == Occurrence.activity_id)
            .where(
                is_live(Occurrence, org),
                # A date lasting several days shows on each of them: one that started within
                # the longest span an activity may have (MAX_SPAN_DAYS) before ``first`` and
                # ends in the range is in it too.
                Occurrence.day >= first - dt.timedelta(days=MAX_SPAN_DAYS),
                Occurrence.day <= last,
                func.coalesce(Occurrence.end_day, Occurrence.day) >= first,
            )
            .order_by(Occurrence.day, Occurrence.start_time, Activity.title, Occurrence.id)
        )
        if status is not None:
            stmt = stmt.where(Occurrence.status == status)
        with self._ctx.db.read() as session:
            pairs = list(session.execute(stmt))
            counts = attendance_counts(session, [o.id for o, _ in pairs])
            order = branch_order(session, self._ctx.organization_id)
        rows = [occurrence_row(o, a, counts.get(o.id, (0, 0, 0)), order) for o, a in pairs]
        # The titles of a day's same hour in Vietnamese order (A Ă Â B…), not the code points'
        # the query has; a date without a time first, on PostgreSQL as on SQLite.
        rows.sort(key=lambda r: (r.day, r.start_time or "", collation_key(r.title), r.id))
        if branch_id is not None:
            rows = [r for r in rows if not r.branch_ids or branch_id in r.branch_ids]
        return rows

    def occurrence_ids_of(self, activity_id: str) -> list[str]:
        with self._ctx.db.read() as session:
            return list(
                session.scalars(
                    select(Occurrence.id)
                    .where(
                        is_live(Occurrence, self._ctx.organization_id),
                        Occurrence.activity_id == activity_id,
                    )
                    .order_by(Occurrence.day)
                )
            )

    def occurrence(self, occurrence_id: str) -> OccurrenceDetail:
        return self.occurrence_details([occurrence_id])[0]

    def occurrence_details(self, occurrence_ids: Sequence[str]) -> list[OccurrenceDetail]:
        """:meth:`occurrence` of each of ``occurrence_ids``, in their order, read at once (a
        year's dates in the dossier: one read, not one per date); a date deleted or unknown
        raises :class:`~..errors.NotFoundError`, as :meth:`occurrence` does."""
        ids = list(occurrence_ids)
        org = self._ctx.organization_id
        with self._ctx.db.read() as session:
            occs: dict[str, Occurrence] = {}
            with_minutes: set[str] = set()
            for start in range(0, len(ids), 900):
                chunk = ids[start : start + 900]
                occs.update((o.id, o) for o in session.scalars(
                    select(Occurrence).where(is_live(Occurrence, org), Occurrence.id.in_(chunk))
                ))  # fmt: skip
                with_minutes.update(session.scalars(
                    select(Minutes.occurrence_id)
                    .where(Minutes.deleted_at.is_(None), Minutes.occurrence_id.in_(chunk))
                ))  # fmt: skip
            for occurrence_id in ids:
                if occurrence_id not in occs:
                    self._occurrence(session, occurrence_id)  # raises its NotFoundError
            wanted = sorted({o.activity_id for o in occs.values()})
            activities: dict[str, Activity] = {}
            for start in range(0, len(wanted), 900):
                activities.update((a.id, a) for a in session.scalars(
                    select(Activity).where(Activity.id.in_(wanted[start : start + 900]))
                ))  # fmt: skip
            counts = attendance_counts(session, ids)
            order = branch_order(session, self._ctx.organization_id)
            return [
                OccurrenceDetail(
                    occurrence_row(
                        o, activities[o.activity_id], counts.get(o.id, (0, 0, 0)), order
                    ),
                    o.revision,
                    o.original_date,
                    o.participants,
                    o.results,
                    o.resources,
                    o.id in with_minutes,
                )
                for o in (occs[i] for i in ids)
            ]

    def update_occurrence(self, occurrence_id: str, raw: Mapping[str, str]) -> None:
        """Change one date only: move it (``day``, ``start_time``, ``end_time``, ``place``),
        set its ``status``, record its results (``participants``, ``results``,
        ``resources``). Keys that are absent stay as they are."""
        update_occurrence(self._ctx, occurrence_id, raw)

    def upcoming(self, today: dt.date, days: int = 7) -> list[OccurrenceRow]:
        """Planned dates of the next ``days`` days, today included."""
        return self.occurrences(today, today + dt.timedelta(days=days - 1), status=PLANNED)

    def overdue(self, today: dt.date, since_days: int = 366) -> list[OccurrenceRow]:
        """Past dates still "planned": their results are missing. (Filtered in the query: the
        attendance of a year's other dates is not counted for nothing, as at every start.) A
        date lasting several days is past once its last day is: a camp still running is not
        overdue."""
        first = today - dt.timedelta(days=since_days)
        rows = self.occurrences(first, today - dt.timedelta(days=1), status=PLANNED)
        return [r for r in rows if (r.end_day or r.day) < today]

    def search(self, text: str, first: dt.date, last: dt.date) -> list[OccurrenceRow]:
        tokens = fold(text).split()
        return [
            r
            for r in self.occurrences(first, last)
            if all(t in fold(f"{r.title} {r.place or ''}") for t in tokens)
        ]

    def export_calendar(self, target: Path, first: dt.date, last: dt.date) -> IcsFile:
        """Write the activities with a date from ``first`` to ``last`` to the .ics ``target``
        (see :mod:`.ics`: the deleted ones cancelled); returns what it holds."""
        from .ics import export_calendar

        return export_calendar(self._ctx, target, first, last, self.kind_names())

    def calendar_size(self, first: dt.date, last: dt.date) -> int:
        """How many activities :meth:`export_calendar` would write, deleted ones included
        (0: nothing to export)."""
        from .ics import calendar_size

        return calendar_size(self._ctx, first, last)

    # Helpers -------------------------------------------------------------------------------

    def _get(self, session: Session, activity_id: str) -> Activity:
        return get_live(
            session,
            Activity,
            activity_id,
            self._ctx.organization_id,
            "Không tìm thấy hoạt động (có thể đã bị xóa).",
        )

    def _occurrence(self, session: Session, occurrence_id: str) -> Occurrence:
        return live_occurrence(session, self._ctx.organization_id, occurrence_id)
