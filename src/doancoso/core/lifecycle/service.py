"""Recording and reading a member's events: the service behind ``ws.events``.

The rules (which events are allowed, how the status follows from them) are in
:mod:`doancoso.core.lifecycle.rules`; the vocabularies are re-exported here for the GUI.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..context import WorkspaceContext
from ..errors import ConflictError, NotFoundError, ValidationError
from ..lang.dates import format_vn_date
from ..lang.text import nfc_multiline_or_none, nfc_or_none
from ..roster.rules import COMING_OF_AGE
from ..roster.service import MEMBER_MISSING, MemberFilter, MemberRow, MemberService
from ..roster.validation import unknown_choice
from ..roster.vocab import STATUSES, choice_code
from ..storage.live import get_live, is_live
from ..storage.models import Branch, Member, MemberEvent, Organization, utc_now
from .introductions import introduced
from .member_fields import apply_timeline, forget_event, refill_before, vacate_on_return
from .recorded import MemberHistory, RecordedEvents, changed_since_message, standing
from .rules import ACTIVE_STATUSES as ACTIVE_STATUSES
from .rules import DEPARTURE_KINDS as DEPARTURE_KINDS
from .rules import (
    DETAILS,
    OrderConflict,
    allowed_kinds,
    baseline_status,
    check_date,
    event_order,
    next_kinds,
    parse_day,
    replay,
    replay_with,
    sure_refusals,
)
from .rules import DISCIPLINE_LEVELS as DISCIPLINE_LEVELS
from .rules import EVENT_KINDS as EVENT_KINDS
from .rules import LEFT_STATUSES as LEFT_STATUSES
from .rules import READ_ONLY_STATUSES as READ_ONLY_STATUSES
from .rules import is_read_only as is_read_only
from .transfer import TransferNote, check_dues, compose, parse


@dataclass(frozen=True)
class EventInfo:
    """One line of a member's timeline; ``status_after`` is the status that followed it."""

    id: str
    member_id: str
    kind: str
    kind_label: str
    event_date: dt.date
    number: str | None
    note: str | None
    status_after: str
    place: str | None = None
    introducer_id: str | None = None
    introducer_name: str | None = None
    other_organization: str | None = None
    home_organization: str | None = None
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    discipline_level: str | None = None
    discipline_label: str | None = None
    dues_paid_until: dt.date | None = None
    """A transfer out: the first day of the month the dues are paid up to (:mod:`.transfer`)."""
    remarks: str | None = None
    """A transfer out: the remarks on the member; ``note`` is then the rest of the note."""
    vacated_position: str | None = None
    """A transfer in: the post the member's return vacated (kept in the note, :mod:`.transfer`;
    deleting the return puts it back)."""


@dataclass(frozen=True)
class ComingOfAge:
    """A member who reaches the age limit in ``year_reached`` (``overdue``: in a year before
    today's)."""

    row: MemberRow
    year_reached: int
    overdue: bool


@dataclass(frozen=True)
class TemporaryStay:
    """A member on temporary activity here, with the period of their latest "temporary" event;
    ``ended``: the period ended before the day asked about."""

    row: MemberRow
    home_organization: str | None
    period_start: dt.date | None
    period_end: dt.date | None
    ended: bool


END_OF_STAY_NOTE = "Hết thời hạn sinh hoạt tạm, trở về sinh hoạt tại đơn vị gốc."


@dataclass(frozen=True)
class PartyIntroduction:
    """A member introduced to the Party, with the date; ``party_date`` once admitted."""

    event_id: str
    member_id: str
    full_name: str
    branch_name: str | None
    introduced_on: dt.date
    number: str | None
    party_date: dt.date | None
    status: str
    birth_date: dt.date | None = None
    birth_precision: str = "day"


class EventService:
    """Recording and reading the events of members of the workspace's organisation."""

    def __init__(self, ctx: WorkspaceContext, members: MemberService) -> None:
        self._ctx = ctx
        self._members = members

    # Reading -----------------------------------------------------------------------------

    def history(self, member_id: str) -> list[EventInfo]:
        """The member's timeline, oldest first (deleted events left out)."""
        with self._ctx.db.read() as session:
            member = self._member(session, member_id)
            events = self._live_events(session, member_id)
            after = replay(member, events, baseline_status(member, events), strict=False)
            return [_info(event, status) for event, status in zip(events, after, strict=True)]

    def next_kinds(self, member_id: str) -> tuple[str, ...]:
        """The kinds of event the member's standing and history accept as their next event,
        dated today (:func:`~.rules.next_kinds`), in the order they are offered."""
        with self._ctx.db.read() as session:
            member = self._member(session, member_id)
            events = self._live_events(session, member_id)
            return next_kinds(member.status, {e.kind for e in events}, len(events))

    def refusals(self, member_id: str, kinds: Iterable[str] | None = None) -> dict[str, str]:
        """The kinds of ``kinds`` (default: those offered for the member's status,
        :func:`~.rules.allowed_kinds`) the member's history refuses whatever the event's date,
        each with the core's reason naming the member (:func:`~.rules.sure_refusals`)."""
        with self._ctx.db.read() as session:
            member = self._member(session, member_id)
            events = self._live_events(session, member_id)
            return sure_refusals(
                member.status, baseline_status(member, events), events,
                allowed_kinds(member.status) if kinds is None else kinds, member.full_name,
            )  # fmt: skip

    def nothing_to_record(self, member_id: str, kinds: Iterable[str] | None = None) -> str | None:
        """Why no event at all can be recorded for the member (every kind of ``kinds``, default
        those offered for the member's status, refused whatever the date: :meth:`refusals`),
        naming them and their status; None when at least one kind may be."""
        offered = tuple(kinds) if kinds is not None else None
        refused = self.refusals(member_id, offered)
        with self._ctx.db.read() as session:
            member = self._member(session, member_id)
            name, status = member.full_name, member.status
        if not refused or len(refused) < len(allowed_kinds(status) if offered is None else offered):
            return None
        reasons = dict.fromkeys(r.rstrip(".") for r in refused.values())
        why = "; ".join(r[:1].lower() + r[1:] for r in reasons)
        return (
            f"Không có sự kiện nào ghi được cho đoàn viên {name} "
            f"({STATUSES.get(status, status)}): {why}."
        )

    def active_roster_ids(
        self, flt: MemberFilter | None = None, sort: str = "name", descending: bool = False
    ) -> list[str]:
        """Roster ids like ``ws.members.ids`` but only members of the active roster
        (statuses :data:`ACTIVE_STATUSES`). ``flt.status`` narrows further when given."""
        return self._members.ids(
            replace(flt or MemberFilter(), statuses=ACTIVE_STATUSES), sort, descending
        )

    def coming_of_age(
        self,
        year: int,
        include_overdue: bool = True,
        age: int | None = None,
        today: dt.date | None = None,
    ) -> list[ComingOfAge]:
        """Members of this organisation's roster ("active") who reach ``age`` in ``year``, in
        name order; ``age`` defaults to the organisation's setting
        (:attr:`OrganizationInfo.coming_of_age`, 30 unless the secretary changed it).

        With ``include_overdue`` (default) those who reached it in an earlier year and are still
        active are listed too. ``overdue`` is measured against ``today`` (default: the real
        day), not ``year``: a member who reached it before this year still waits for the
        decision, one who reaches it this year or later is not late, whatever year is viewed.
        A birth known only by its year counts by that year. Members here on temporary activity
        are left out: they belong to their home organisation, which records their coming of
        age (their stay here ends with a transfer back, :meth:`end_temporary`).
        """
        if age is None:
            age = self._ctx.coming_of_age()
        this_year = (today or dt.date.today()).year
        last_birth_year = year - age
        stmt = select(Member.id, Member.birth_date).where(
            is_live(Member, self._ctx.organization_id),
            Member.status == "active",
            Member.birth_date < dt.date(last_birth_year + 1, 1, 1),
        )
        if not include_overdue:
            stmt = stmt.where(Member.birth_date >= dt.date(last_birth_year, 1, 1))
        with self._ctx.db.read() as session:
            births = dict(session.execute(stmt.order_by(Member.sort_key, Member.birth_date)).all())
        rows = self._members.rows(list(births))
        return [
            ComingOfAge(row, births[row.id].year + age, births[row.id].year + age < this_year)
            for row in rows
        ]

    def temporary_stays(
        self, today: dt.date | None = None, ended_only: bool = False
    ) -> list[TemporaryStay]:
        """Members on temporary activity (status "temporary"), in name order, each with the
        period of their latest temporary event; ``ended_only``: those whose period ended before
        ``today``. Temporary activity does not end by itself: the secretary ends it
        (:meth:`end_temporary`) or records a new period."""
        today = today or dt.date.today()
        stmt = (
            select(Member.id, MemberEvent)
            .join(MemberEvent, MemberEvent.member_id == Member.id)
            .where(
                is_live(Member, self._ctx.organization_id),
                Member.status == "temporary",
                MemberEvent.kind == "temporary",
                is_live(MemberEvent),
            )
            .order_by(Member.sort_key, Member.birth_date)
        )
        latest: dict[str, MemberEvent] = {}
        with self._ctx.db.read() as session:
            for member_id, event in session.execute(stmt):
                if member_id not in latest or event_order(event) > event_order(latest[member_id]):
                    latest[member_id] = event
        stays = []
        for row in self._members.rows(list(latest)):
            event = latest[row.id]
            ended = event.period_end is not None and event.period_end < today
            if ended or not ended_only:
                stays.append(
                    TemporaryStay(
                        row, event.home_organization, event.period_start, event.period_end, ended
                    )
                )
        return stays

    def end_temporary(
        self,
        member_ids: Sequence[str],
        date: dt.date | str,
        number: str | None = None,
        note: str | None = END_OF_STAY_NOTE,
    ) -> RecordedEvents:
        """End the temporary activity of every member of ``member_ids`` in one transaction (all
        or none): a transfer out back to the home organisation of their latest temporary event.

        A member who is not on temporary activity, or whose home organisation was never
        recorded, is refused with a :class:`ConflictError` naming them; nothing is written then.
        One undoable write (:meth:`take_back`), so not marked bulk: it keeps the undo history.
        """
        stays = {stay.row.id: stay for stay in self.temporary_stays()}
        with self._ctx.db.transaction() as session:
            ids = []
            for member_id in member_ids:
                stay = stays.get(member_id)
                if stay is None:
                    name = self._member(session, member_id).full_name
                    raise ConflictError(f"Đoàn viên {name} không đang sinh hoạt tạm tại đơn vị.")
                if not stay.home_organization:
                    raise ConflictError(
                        f"Chưa ghi đơn vị gốc của đoàn viên {stay.row.full_name}: hãy ghi "
                        "“Chuyển sinh hoạt đi” cho đoàn viên này trong tab “Quá trình”."
                    )
                details = {"other_organization": stay.home_organization}
                try:
                    ids.append(
                        self.record_in(
                            session, member_id, "transfer_out", date, number, note, details
                        )
                    )
                except OrderConflict as exc:
                    if exc.earlier_kind != "temporary":
                        raise
                    message = (
                        f"ngày kết thúc sinh hoạt tạm ({format_vn_date(exc.date)}) phải sau "
                        f"ngày bắt đầu ({format_vn_date(exc.earlier_date)})."
                    )
                    if len(member_ids) > 1:  # say whose stay it is
                        raise ConflictError(f"Đoàn viên {stay.row.full_name}: {message}") from exc
                    raise ConflictError(message[:1].upper() + message[1:]) from exc
            return self._recorded(session, "transfer_out", ids, member_ids)

    def party_introductions(
        self, year: int | None = None, as_of: dt.date | None = None
    ) -> list[PartyIntroduction]:
        """Members introduced to the Party (oldest introduction first), with the date: all of
        them, or those of ``year`` up to ``as_of`` (the rows a plan's target and the checklist
        count, :mod:`~doancoso.core.plans.measures`)."""
        first = last = None
        if year is not None:
            first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
            if as_of is not None:
                last = min(last, as_of)
        stmt = introduced(
            select(MemberEvent, Member, Branch.name).select_from(MemberEvent),
            self._ctx.organization_id,
            first,
            last,
        )
        stmt = stmt.outerjoin(Branch, Branch.id == Member.branch_id).order_by(
            MemberEvent.event_date, Member.sort_key
        )
        with self._ctx.db.read() as session:
            return [
                PartyIntroduction(
                    event.id,
                    member.id,
                    member.full_name,
                    branch_name,
                    event.event_date,
                    event.number,
                    member.party_date,
                    member.status,
                    member.birth_date,
                    member.birth_precision,
                )  # fmt: skip
                for event, member, branch_name in session.execute(stmt)
            ]

    # Writing -----------------------------------------------------------------------------

    def record(
        self,
        member_id: str,
        kind: str,
        date: dt.date | str,
        number: str | None = None,
        note: str | None = None,
        **details: object,
    ) -> str:
        """Record one event and update the member's status; returns the event's id.

        ``details`` by kind: admission ``place``, ``introducer_id`` (a member) or
        ``introducer_name``; transfer_in/transfer_out ``other_organization`` (required);
        transfer_out also ``dues_paid_until`` (mm/yyyy, not after the transfer's month) and
        ``remarks`` (the remarks on the member), kept in the note (:mod:`.transfer`);
        temporary ``home_organization`` (required), ``period_start``, ``period_end``;
        discipline ``level`` (required: a code or label of :data:`DISCIPLINE_LEVELS`). Dates may
        be ``date`` objects or dd/mm/yyyy text. Raises :class:`ValidationError` (bad input, keyed
        by field) or :class:`ConflictError` (the member's standing does not allow it); nothing is
        written then.
        """
        with self._ctx.db.transaction() as session:
            event_id = self.record_in(session, member_id, kind, date, number, note, details)
        return event_id

    def record_undoable(
        self,
        member_id: str,
        kind: str,
        date: dt.date | str,
        number: str | None = None,
        note: str | None = None,
        **details: object,
    ) -> RecordedEvents:
        """:meth:`record`, returning the event with the member's history as it left it: what its
        undo (:meth:`take_back`) checks before taking it back."""
        with self._ctx.db.transaction() as session:
            before = ((member_id, standing(self._member(session, member_id))),)
            event_id = self.record_in(session, member_id, kind, date, number, note, details)
            recorded = self._recorded(session, kind, [event_id], [member_id])
            return replace(recorded, before=before)

    def confirm_coming_of_age(
        self,
        member_ids: Sequence[str],
        date: dt.date | str,
        number: str | None = None,
        note: str | None = None,
    ) -> RecordedEvents:
        """Record "matured" for every member of ``member_ids`` in one transaction (all or none).
        One undoable write (:meth:`take_back`), so not marked bulk: it keeps the undo history."""
        with self._ctx.db.transaction() as session:
            ids = [self._mature(session, m, date, number, note) for m in member_ids]
            return self._recorded(session, "matured", ids, member_ids)

    def _mature(
        self, session: Session, member_id: str, date: dt.date | str, number: str | None,
        note: str | None,
    ) -> str:  # fmt: skip
        """One member of :meth:`confirm_coming_of_age`. A date refused by the member's own
        history (before a transfer in) is refused naming the member: the decision covers many,
        and the date-order message names none."""
        try:
            return self.record_in(session, member_id, "matured", date, number, note, {})
        except OrderConflict as refused:
            name = self._member(session, member_id).full_name
            text = refused.message
            raise ConflictError(f"Đoàn viên {name}: {text[:1].lower()}{text[1:]}") from refused

    def delete(self, event_id: str) -> None:
        """Soft-delete an event and replay the member's status without it.

        Refused (:class:`ConflictError`) when the remaining events would not make sense, e.g.
        deleting a transfer in that later events depend on.
        """
        with self._ctx.db.transaction() as session:
            self._delete_in(session, self._event(session, event_id))

    def delete_undoable(self, event_id: str) -> RecordedEvents:
        """:meth:`delete`, returning the event (``deleted``) with the member's history as the
        deletion left it: what its undo (:meth:`bring_back`) checks before restoring it."""
        with self._ctx.db.transaction() as session:
            event = self._event(session, event_id)
            self._delete_in(session, event)
            return self._recorded(session, event.kind, [event.id], [event.member_id], True)

    def take_back(self, recorded: RecordedEvents) -> RecordedEvents:
        """Undo a write of events (:meth:`record_undoable`, :meth:`confirm_coming_of_age`,
        :meth:`end_temporary`), or redo a deletion (:meth:`delete_undoable`) its undo brought
        back: delete the events and replay each member's status, in one transaction (all or
        none); returns the histories as this left them, what :meth:`bring_back` checks.

        Refused (:class:`ConflictError`, nothing written) when a member's history changed since
        the last step (see :mod:`.recorded`); a member deleted since: :class:`NotFoundError`."""
        with self._ctx.db.transaction() as session:
            self._check_histories(session, recorded, restoring=False)
            for event_id in recorded.event_ids:
                self._delete_in(session, self._event(session, event_id))
            if not recorded.deleted:  # the undo of a recording: the record as it was before
                for member_id, before in recorded.before:
                    refill_before(self._member(session, member_id), before)
            return replace(recorded, histories=self._histories(session, recorded))

    def bring_back(self, taken: RecordedEvents) -> RecordedEvents:
        """Redo a write of events taken back by :meth:`take_back`, or undo a deletion
        (:meth:`delete_undoable`): restore the events and replay each member's status, in one
        transaction; returns the histories as this left them, what :meth:`take_back` checks.
        Refused likewise when a history changed since the last step."""
        with self._ctx.db.transaction() as session:
            self._check_histories(session, taken, restoring=True)
            for event_id in taken.event_ids:
                self._restore_in(session, event_id)
            return replace(taken, histories=self._histories(session, taken))

    def record_in(
        self,
        session: Session,
        member_id: str,
        kind: str,
        date: dt.date | str,
        number: str | None,
        note: str | None,
        details: Mapping[str, object],
        today: dt.date | None = None,
    ) -> str:
        """:meth:`record` inside the caller's transaction (used by the youth register too)."""
        if kind not in EVENT_KINDS:
            raise ValueError(f"unknown event kind {kind!r}")
        unknown = set(details) - set(DETAILS.get(kind, ()))
        if unknown:
            raise ValueError(f"details {sorted(unknown)} do not apply to {kind!r}")
        member = self._member(session, member_id)
        event = self._build(session, member, kind, date, number, note, details, today)
        events = self._live_events(session, member.id)
        baseline = baseline_status(member, events)
        event.status_before = baseline
        event.sequence = 1 + (
            session.scalar(
                select(func.max(MemberEvent.sequence)).where(MemberEvent.member_id == member.id)
            )
            or 0
        )  # tombstoned events count: a number is never given twice
        timeline, statuses = replay_with(member, events, event, baseline)
        session.add(event)
        apply_timeline(member, timeline, statuses[-1], given=event)
        vacate_on_return(member, timeline, statuses, baseline, event)
        session.flush()
        return event.id

    # Helpers ------------------------------------------------------------------------------

    def _event(self, session: Session, event_id: str) -> MemberEvent:
        return get_live(
            session, MemberEvent, event_id, self._ctx.organization_id,
            "Không tìm thấy sự kiện (có thể đã bị xóa).",
        )  # fmt: skip

    def _delete_in(self, session: Session, event: MemberEvent) -> None:
        """:meth:`delete` in the caller's transaction."""
        member = self._member(session, event.member_id)
        events = self._live_events(session, member.id)
        baseline = baseline_status(member, events)
        remaining = [e for e in events if e.id != event.id]
        try:
            statuses = replay(member, remaining, baseline)
        except ConflictError as exc:
            raise ConflictError(
                f"Không thể xóa sự kiện “{EVENT_KINDS.get(event.kind, event.kind)}”: {exc.message}"
            ) from exc
        event.deleted_at = utc_now()
        forget_event(member, event)
        apply_timeline(member, remaining, statuses[-1] if statuses else baseline)

    def _restore_in(self, session: Session, event_id: str) -> None:
        """Bring back a soft-deleted event and replay the member's status with it."""
        event = session.get(MemberEvent, event_id)
        if event is None or event.organization_id != self._ctx.organization_id:
            raise NotFoundError("Không tìm thấy sự kiện (có thể đã bị xóa hẳn).")
        member = self._member(session, event.member_id)
        timeline = sorted([*self._live_events(session, member.id), event], key=event_order)
        baseline = baseline_status(member, timeline)
        statuses = replay(member, timeline, baseline)
        event.deleted_at = None
        apply_timeline(member, timeline, statuses[-1], given=event)
        vacate_on_return(member, timeline, statuses, baseline, event)

    def _recorded(
        self, session: Session, kind: str, event_ids: Sequence[str], member_ids: Sequence[str],
        deleted: bool = False,
    ) -> RecordedEvents:  # fmt: skip
        """The events a write recorded (or ``deleted``), with the members' histories as it left
        them."""
        session.flush()
        recorded = RecordedEvents(tuple(event_ids), kind, (), deleted)
        histories = self._histories(session, recorded, tuple(dict.fromkeys(member_ids)))
        return replace(recorded, histories=histories)

    def _histories(
        self, session: Session, recorded: RecordedEvents, member_ids: Sequence[str] = ()
    ) -> tuple[MemberHistory, ...]:
        """The histories now of the members of ``recorded`` (or ``member_ids``)."""
        session.flush()
        ids = member_ids or [history.member_id for history in recorded.histories]
        return tuple(self._history(session, member_id) for member_id in ids)

    def _history(self, session: Session, member_id: str) -> MemberHistory:
        member = self._member(session, member_id)
        stmt = select(*_EVENT_CONTENT).where(
            MemberEvent.member_id == member_id, is_live(MemberEvent)
        )
        events = frozenset(tuple(row) for row in session.execute(stmt))
        return MemberHistory(member_id, events, standing(member))

    def _check_histories(self, session: Session, recorded: RecordedEvents, restoring: bool) -> None:
        """Refuse (:class:`ConflictError`) when a member's history differs from ``recorded``'s,
        naming whose (see :mod:`.recorded`), before the events are restored (``restoring``) or
        deleted."""
        members = [
            self._member(session, history.member_id)
            for history in recorded.histories
            if self._history(session, history.member_id) != history
        ]
        # Named as the roster lists them, not in the order the list was confirmed in.
        changed = [m.full_name for m in sorted(members, key=lambda m: (m.sort_key, m.birth_date))]
        if changed:
            label = EVENT_KINDS.get(recorded.kind, recorded.kind)
            undone = restoring != recorded.deleted  # restoring a deletion is its undo
            message = changed_since_message(label, changed, undone=undone, deleted=recorded.deleted)
            raise ConflictError(message)

    def _build(
        self,
        session: Session,
        member: Member,
        kind: str,
        date: dt.date | str,
        number: str | None,
        note: str | None,
        details: Mapping[str, object],
        today: dt.date | None,
    ) -> MemberEvent:
        """A new event from the arguments, every input checked (ValidationError by field)."""
        today = today or dt.date.today()
        errors: dict[str, str] = {}
        when = parse_day(date, "date", errors)
        if when is None and "date" not in errors:
            errors["date"] = "Cần nhập ngày của sự kiện."
        text = {k: nfc_or_none(str(v)) if v is not None else None for k, v in details.items()}
        event = MemberEvent(
            organization_id=self._ctx.organization_id,
            member_id=member.id,
            kind=kind,
            number=nfc_or_none(number),
            note=nfc_multiline_or_none(note),
        )
        if when is not None:
            event.event_date = when
            age = COMING_OF_AGE
            if kind == "matured":  # the organisation's setting, read in this transaction
                age = (
                    session.scalar(
                        select(Organization.coming_of_age).where(
                            Organization.id == self._ctx.organization_id
                        )
                    )
                    or COMING_OF_AGE
                )
            check_date(member, kind, when, today, errors, age)
        if kind == "admission":
            event.place = text.get("place")
            event.introducer_name = text.get("introducer_name")
            event.introducer_id = text.get("introducer_id")
            if event.introducer_id:
                introducer = session.get(Member, event.introducer_id)
                if introducer is None or introducer.deleted_at is not None:
                    errors["introducer_id"] = "Người giới thiệu không có trong danh sách đoàn viên."
                else:
                    event.introducer_name = event.introducer_name or introducer.full_name
        elif kind in ("transfer_in", "transfer_out"):
            event.other_organization = text.get("other_organization")
            if not event.other_organization:
                way = "chuyển đến" if kind == "transfer_out" else "chuyển đi"
                errors["other_organization"] = f"Cần nhập tên đơn vị {way}."
            if kind == "transfer_in" and parse(event.note, kind).vacated_position:
                event.note = compose(TransferNote(note=event.note))  # typed, not a post vacated
            if kind == "transfer_out":
                dues = check_dues(
                    details.get("dues_paid_until"), when, member.admission_date, errors
                )
                remarks = details.get("remarks")
                event.note = compose(TransferNote(
                    dues, nfc_multiline_or_none(str(remarks) if remarks else None), event.note
                ))  # fmt: skip
        elif kind == "temporary":
            event.home_organization = text.get("home_organization")
            if not event.home_organization:  # ending the stay sends the member back there
                errors["home_organization"] = "Cần nhập tên đơn vị gốc của đoàn viên."
            event.period_start = parse_day(details.get("period_start"), "period_start", errors)
            event.period_end = parse_day(details.get("period_end"), "period_end", errors)
            if event.period_start and event.period_end and event.period_end < event.period_start:
                errors["period_end"] = "Ngày kết thúc sinh hoạt tạm phải sau ngày bắt đầu."
        elif kind == "discipline":
            given = text.get("level") or ""
            level = choice_code(DISCIPLINE_LEVELS, given)
            if level is None and given:  # typed (the command line): said as given, not missing
                errors["level"] = unknown_choice(
                    "Hình thức kỷ luật", given, DISCIPLINE_LEVELS.values()
                )
            elif level is None:
                errors["level"] = "Cần chọn hình thức kỷ luật: " + ", ".join(
                    DISCIPLINE_LEVELS.values()
                ) + "."  # fmt: skip
            event.discipline_level = level
        if errors:
            raise ValidationError(errors)
        return event

    def _member(self, session: Session, member_id: str) -> Member:
        return get_live(session, Member, member_id, self._ctx.organization_id, MEMBER_MISSING)

    def _live_events(self, session: Session, member_id: str) -> list[MemberEvent]:
        stmt = select(MemberEvent).where(MemberEvent.member_id == member_id, is_live(MemberEvent))
        return sorted(session.scalars(stmt), key=event_order)


_EVENT_CONTENT = tuple(
    column
    for column in MemberEvent.__table__.c
    if column.name not in ("revision", "created_at", "updated_at", "origin", "deleted_at")
)
"""An event's columns but the bookkeeping ones (its id among them): what a
:class:`MemberHistory` compares (an event deleted and brought back by an undo is the same; see
:mod:`.recorded`)."""


def _info(event: MemberEvent, status_after: str) -> EventInfo:
    level = event.discipline_level
    transfer = parse(event.note, event.kind)
    return EventInfo(
        id=event.id,
        member_id=event.member_id,
        kind=event.kind,
        kind_label=EVENT_KINDS.get(event.kind, event.kind),
        event_date=event.event_date,
        number=event.number,
        note=transfer.note,
        status_after=status_after,
        place=event.place,
        introducer_id=event.introducer_id,
        introducer_name=event.introducer_name,
        other_organization=event.other_organization,
        home_organization=event.home_organization,
        period_start=event.period_start,
        period_end=event.period_end,
        discipline_level=level,
        discipline_label=DISCIPLINE_LEVELS.get(level) if level else None,
        dues_paid_until=transfer.dues_paid_until,
        remarks=transfer.remarks,
        vacated_position=transfer.vacated_position,
    )
