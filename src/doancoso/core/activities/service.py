"""Activities and their dates (the calendar): add, edit, delete, move or cancel one date,
record its results; the kinds of activity.

Every date of an activity is an :class:`~doancoso.core.storage.models.Occurrence` row, made when
the activity is saved (a recurring one has at most
:data:`~.recurrence.MAX_OCCURRENCES`). Editing a recurring activity keeps every date that has a
life of its own (moved, given a status other than planned, results, attendance, minutes) and
lays out the untouched ones again from the new rule.
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
from ..lang.numbers import parse_count
from ..lang.text import collation_key, fold, nfc, nfc_multiline_or_none, nfc_or_none
from ..storage.live import find_live, get_live, is_live
from ..storage.models import (
    Activity,
    ActivityKind,
    Attendance,
    Branch,
    EvidenceFile,
    Member,
    Minutes,
    Occurrence,
    Plan,
    PlanTarget,
)
from ..storage.tracking import transaction_time
from .fields import END_DATE_LABEL, ActivityFields, parse_activity
from .recurrence import expand
from .rules import BUILTIN_KINDS, DONE, PLANNED, STATUSES, code_of, parse_time

if TYPE_CHECKING:  # the .ics module loads when a calendar is exported
    from .ics import IcsFile

MAX_SPAN_DAYS = 366
"""The longest an activity may last (a camp, a campaign month): :mod:`.fields` refuses more."""
OCCURRENCE_TABLE = "occurrences"
"""The owner table of an occurrence's evidence files."""
_COLOURS = ("#00695c", "#5d4037", "#283593", "#9e9d24", "#d84315", "#37474f")


@dataclass(frozen=True)
class ActivityRecord:
    id: str
    revision: int
    fields: ActivityFields
    occurrences: int


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


@dataclass(frozen=True)
class _Schedule:
    """When and where an activity said its dates take place before an edit: a date whose time
    or place differs was set on its own (the date's form) and is not the activity's to change."""

    start_date: dt.date
    end_date: dt.date | None
    start_time: str | None
    end_time: str | None
    place: str | None

    @classmethod
    def of(cls, a: Activity) -> _Schedule:
        return cls(a.start_date, a.end_date, a.start_time, a.end_time, a.place)

    @classmethod
    def of_date(cls, o: Occurrence) -> _Schedule:
        """A one-off's schedule as its form shows it: its one date as it now is."""
        return cls(o.day, o.end_day, o.start_time, o.end_time, o.place)

    def own_time_or_place(self, occ: Occurrence) -> bool:
        return (occ.start_time, occ.end_time, occ.place) != (
            self.start_time,
            self.end_time,
            self.place,
        )


_SCHEDULE = ("start_date", "end_date", "start_time", "end_time", "place")
"""The fields of :class:`_Schedule`, named as the activity's columns."""


def _one_off(activity: Activity, occurrences: Sequence[Occurrence]) -> bool:
    """Whether the activity is a one-off: no rule, one live date (whose form shows that date)."""
    return not activity.rule and len(occurrences) == 1


def _touched(occ: Occurrence, busy: set[str], before: _Schedule | None) -> bool:
    """Whether a date has a life of its own that re-laying the rule must keep."""
    return (
        occ.id in busy
        or occ.day != occ.original_date
        or (before is not None and before.own_time_or_place(occ))
        or occ.status != PLANNED
        or occ.attendance_taken
        or bool(occ.results or occ.resources or occ.participants)
    )


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
            before: _Schedule | None = None
            if activity_id is None:
                activity = Activity(organization_id=org, **columns)
                session.add(activity)
                session.flush()
                existing: list[Occurrence] = []
            else:
                activity = self._get(session, activity_id)
                before = _Schedule.of(activity)
                existing = list(
                    session.scalars(
                        select(Occurrence).where(
                            is_live(Occurrence, org), Occurrence.activity_id == activity.id
                        )
                    )
                )
                if _one_off(activity, existing) and not values.rule:
                    # The form showed the date as it now is (:meth:`get`): what it left as
                    # shown is not changed, on the activity nor on the date.
                    before = _Schedule.of_date(existing[0])
                    for name in _SCHEDULE:
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
        before: _Schedule | None = None,
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
            if occ.original_date in wanted or _touched(occ, busy, before):
                kept[occ.original_date] = occ
                if not _touched(occ, busy, before):
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
            shown = _Schedule.of_date(dates[0]) if _one_off(a, dates) else _Schedule.of(a)
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
            counts = self._counts(session, [o.id for o, _ in pairs])
            order = self._branch_order(session)
        rows = [self._row(o, a, counts.get(o.id, (0, 0, 0)), order) for o, a in pairs]
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
            counts = self._counts(session, ids)
            order = self._branch_order(session)
            return [
                OccurrenceDetail(
                    self._row(o, activities[o.activity_id], counts.get(o.id, (0, 0, 0)), order),
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
        errors: dict[str, str] = {}
        mentions: dict[str, tuple[str, str]] = {}
        changes: dict[str, object] = {}
        today = dt.date.today()
        if "day" in raw:
            from ..lang.dates import DateFormatError
            from .fields import activity_day

            try:
                changes["day"] = activity_day(str(raw["day"]))
            except DateFormatError as exc:
                errors["day"] = str(exc)
        for name in ("start_time", "end_time"):
            if name in raw:
                try:
                    changes[name] = parse_time(raw[name])
                except ValueError as exc:
                    errors[name] = str(exc)
        if "place" in raw:
            changes["place"] = nfc_or_none(raw["place"])
        if "status" in raw:
            status = code_of(STATUSES, raw["status"])
            if status is None:
                errors["status"] = "Trạng thái phải là: " + ", ".join(STATUSES.values()) + "."
            changes["status"] = status
        if "participants" in raw:
            try:
                count = parse_count(raw["participants"])  # "1.200", "1 200" as plans read them
                if count is not None and not 0 <= count <= 100_000:
                    raise ValueError
            except ValueError:
                errors["participants"] = "Số người tham gia phải là số nguyên không âm."
                count = None
            changes["participants"] = count
        for name in ("results", "resources"):
            if name in raw:
                changes[name] = nfc_multiline_or_none(raw[name])
        with self._ctx.db.transaction() as session:
            occ = self._occurrence(session, occurrence_id)
            day = changes.get("day", occ.day)
            assert isinstance(day, dt.date)
            if changes.get("status", occ.status) == DONE and day > today:
                # Refused whether the status is set or a date done is moved (a year mistyped):
                # a date "done" in the future would leave the year's participation unsaid.
                if "status" in changes:
                    errors["status"] = (
                        f"Hoạt động ngày {day:%d/%m/%Y} chưa diễn ra: chưa thể ghi “Đã thực hiện”."
                    )
                elif day != occ.day:
                    errors["day"] = (
                        f"Buổi hoạt động đã thực hiện: không thể dời sang ngày {day:%d/%m/%Y} "
                        "chưa diễn ra."
                    )
            start = changes.get("start_time", occ.start_time)
            end = changes.get("end_time", occ.end_time)
            if start and end and occ.end_day is None and str(end) < str(start):
                # A date has no end day of its own to type here: say where an evening past
                # midnight is entered (as the activity's form says it).
                activity = session.get(Activity, occ.activity_id)
                errors["end_time"] = "Giờ kết thúc không thể trước giờ bắt đầu. " + (
                    "Một buổi của hoạt động lặp lại phải kết thúc trong ngày: nếu kéo dài qua "
                    "nửa đêm, hãy để trống giờ kết thúc."
                    if activity is not None and activity.rule
                    else "Nếu hoạt động kéo dài qua nửa đêm, hãy sửa hoạt động (“Sửa hoạt "
                    f"động…”) và nhập “{END_DATE_LABEL}” là ngày hôm sau."
                )
                if activity is None or not activity.rule:
                    mentions["end_time"] = ("end_date", END_DATE_LABEL)
            if "day" in changes and occ.end_day is not None:
                changes["end_day"] = occ.end_day + (day - occ.day)
            if errors:
                raise ValidationError(errors, mentions=mentions)
            for name, value in changes.items():
                if getattr(occ, name) != value:
                    setattr(occ, name, value)

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

    def _counts(self, session: Session, ids: Sequence[str]) -> dict[str, tuple[int, int, int]]:
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

    def _branch_order(self, session: Session) -> dict[str, str]:
        """The sort key of each chi đoàn of the organisation, deleted ones too (an activity
        keeps them): its name's, so that an activity's chi đoàn read in Vietnamese order."""
        stmt = select(Branch.id, Branch.name).where(
            Branch.organization_id == self._ctx.organization_id
        )
        return {branch: collation_key(name) for branch, name in session.execute(stmt)}

    @staticmethod
    def _row(
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

    def _get(self, session: Session, activity_id: str) -> Activity:
        return get_live(
            session,
            Activity,
            activity_id,
            self._ctx.organization_id,
            "Không tìm thấy hoạt động (có thể đã bị xóa).",
        )

    def _occurrence(self, session: Session, occurrence_id: str) -> Occurrence:
        return get_live(
            session,
            Occurrence,
            occurrence_id,
            self._ctx.organization_id,
            "Không tìm thấy buổi hoạt động (có thể đã bị xóa).",
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
