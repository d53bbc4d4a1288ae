"""The member roster: search, filter, Vietnamese order, add and edit with validation, soft delete.

The roster scales to 100,000 members by keeping the work in SQLite: the name's collation key
and a folded search text are stored on each row at write time, so ordering is an index scan
and a keystroke is one query returning ids. Views fetch the rows they show by id, in blocks.

Reading (ids, counts, rows) uses plain ``sqlite3``; SQLAlchemy and the models are imported by the
methods that need them, so the roster shows before they load (see core/storage/db.py).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from ..context import WorkspaceContext
from ..errors import ConflictError, ValidationError
from ..lang.dates import DAY, DateFormatError, format_vn_date, parse_vn_date
from ..lang.text import collation_key, fold, name_sort_key, nfc
from ..lifecycle.rules import ACTIVE_STATUSES, READ_ONLY_REASONS, held_position, is_read_only
from ..storage.live import find_live, get_live, is_live, set_deleted
from .branches import SECRETARY, one_secretary_advice, secretary_rows
from .index import RosterSnapshot, refreshed
from .rules import (
    admission_history_message,
    national_id_mismatch_message,
    over_age_message,
    same_birth,
    same_person_message,
)
from .validation import MemberFields, clean_identifier, parse_member
from .vocab import GENDERS, POSITIONS, STATUSES, choice_code, position_of

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ..storage.models import Member

SORT_COLUMNS = (
    "name",
    "birth_date",
    "gender",
    "branch",
    "position",
    "status",
    "national_id",
    "phone",
    "member_code",
)


@dataclass(frozen=True)
class MemberFilter:
    """What the roster shows: a search (tones and case ignored) and exact filters, combined."""

    search: str = ""
    branch_id: str | None = None
    """One chi đoàn; "" (the id of ``BranchService.unassigned``): the members in no chi đoàn."""
    status: str | None = None
    gender: str | None = None
    statuses: tuple[str, ...] = ()
    """Any of these statuses (e.g. the active roster: active and temporary); empty: any."""


@dataclass(frozen=True)
class MemberRow:
    """One line of the roster table."""

    id: str
    full_name: str
    birth_date: date
    birth_precision: str
    gender: str | None
    branch_id: str | None
    branch_name: str | None
    position: str | None
    status: str
    national_id: str | None
    phone: str | None
    member_code: str | None = None

    @property
    def held_position(self) -> str:
        """The position as lists and documents show it: none once the member left or came of
        age (:func:`~doancoso.core.lifecycle.rules.held_position`); ``position`` keeps the
        stored one."""
        return held_position(self.position, self.status)


@dataclass(frozen=True)
class MemberRecord:
    """A member with every field of the form, for editing or showing in full."""

    id: str
    revision: int
    branch_name: str | None
    fields: MemberFields


@dataclass(frozen=True)
class AddedMember:
    """A member as their add left them, read in its transaction (:meth:`MemberService.add`,
    ``YouthService.admit_undoable``): what the undo of the add (:meth:`MemberService.take_back`)
    checks is still so before taking the member back."""

    member_id: str
    fields: MemberFields
    events: frozenset[tuple[str, int]] = frozenset()
    """The member's live events then, as (id, revision): none for a plain add, the admission
    for a young person admitted from the register."""


def derived_columns(
    full_name: str,
    other_name: str | None,
    national_id: str | None,
    phone: str | None,
    member_code: str | None = None,
) -> dict[str, str]:
    """The stored sort key and search text of a member (see the module docstring): the name,
    other name, CCCD, phone and the union's member code are searchable."""
    parts = (fold(full_name), fold(other_name), national_id, phone, member_code)
    return {"sort_key": name_sort_key(full_name), "search_text": " ".join(p for p in parts if p)}


_ROWS = """
    SELECT m.id, m.full_name, m.birth_date, m.birth_precision, m.gender, m.branch_id, b.name,
           m.position, m.status, m.national_id, m.phone, m.member_code
    FROM members AS m LEFT JOIN branches AS b ON b.id = m.branch_id
    WHERE m.id IN ({marks})
"""


MEMBER_MISSING = "Không tìm thấy đoàn viên (có thể đã bị xóa)."
_NO_BRANCH: frozenset[str | None] = frozenset({None})
"""The index's chi đoàn filter of the members in no chi đoàn (``MemberFilter(branch_id="")``)."""


class MemberService:
    """Members of the workspace's organisation."""

    def __init__(self, ctx: WorkspaceContext) -> None:
        self._ctx = ctx
        self._index: RosterSnapshot | None = None
        # The index is read by the GUI thread (the table paints) and by the worker (exports,
        # imports): one at a time, since refreshing patches it in place.
        self._index_lock = threading.RLock()

    # Reading -----------------------------------------------------------------------------

    def _snapshot(self) -> RosterSnapshot:
        self._index = refreshed(self._ctx, self._index)
        return self._index

    def _rank(self, sort: str) -> Callable[[str | None], Any] | None:
        """How values of column ``sort`` compare, where plain text order is wrong."""
        if sort not in SORT_COLUMNS:
            raise ValueError(f"unknown sort column {sort!r}")
        if sort == "branch":
            ordered = sorted(self._ctx_branches(), key=lambda r: collation_key(r[1]))
            ranks = {branch_id: i for i, (branch_id, _) in enumerate(ordered)}
            return lambda v: ranks.get(v or "", -1)
        if sort == "position":
            positions = {p: i for i, p in enumerate(POSITIONS)}
            return lambda v: positions.get(v, len(positions))  # type: ignore[arg-type]
        if sort == "status":
            statuses = {s: i for i, s in enumerate(STATUSES)}
            return lambda v: statuses.get(v, len(statuses))  # type: ignore[arg-type]
        if sort == "gender":  # as shown, Nam before Nữ (the codes would put "female" first)
            genders = {g: i for i, g in enumerate(GENDERS)}
            return lambda v: genders.get(v, -1)  # type: ignore[arg-type]
        return None

    def _ctx_branches(self) -> list[tuple[str, str]]:
        with self._ctx.db.raw() as cursor:
            cursor.execute(
                "SELECT id, name FROM branches WHERE organization_id = ?",
                (self._ctx.organization_id,),
            )
            return [(str(branch_id), str(name)) for branch_id, name in cursor.fetchall()]

    def ids(
        self, flt: MemberFilter | None = None, sort: str = "name", descending: bool = False
    ) -> list[str]:
        """Ids of the members shown by ``flt``, in order. Default: Vietnamese name order.

        Any other column sorts with name order breaking ties.
        """
        flt = flt or MemberFilter()
        column = {"branch": "branch_id"}.get(sort, sort)
        rank = self._rank(sort) if sort != "name" else None
        filters: dict[str, str | frozenset[str | None] | None] = {
            "branch_id": _NO_BRANCH if flt.branch_id == "" else flt.branch_id,
            "status": flt.status,
            "gender": flt.gender,
        }
        if flt.statuses:
            filters["statuses"] = frozenset(flt.statuses)
        with self._index_lock:
            snapshot = self._snapshot()
            if sort == "position" and rank is not None:  # as shown: none once the member left
                positions, statuses = snapshot.column("position"), snapshot.column("status")
                ranked = rank
                order = snapshot.order_by(
                    ("held_position", descending),
                    lambda i: ranked(held_position(positions[i], statuses[i] or "") or None),
                    descending,
                )
            else:
                order = snapshot.order(column, descending, rank)
            return snapshot.select((sort, descending), order, fold(flt.search).split(), filters)

    def count(self, flt: MemberFilter | None = None) -> int:
        if flt is None or flt == MemberFilter():
            with self._index_lock:
                return self._snapshot().size  # the whole live roster: no list to build
        return len(self.ids(flt))

    def rows(self, ids: Sequence[str]) -> list[MemberRow]:
        """Rows for ``ids``, in the same order; ids that no longer exist are left out."""
        found: dict[str, MemberRow] = {}
        with self._ctx.db.raw() as cursor:
            for start in range(0, len(ids), 900):  # SQLite's bound-parameter limit
                chunk = list(ids[start : start + 900])
                cursor.execute(_ROWS.format(marks=", ".join("?" * len(chunk))), chunk)
                for member_id, name, birth, *rest in cursor.fetchall():
                    found[member_id] = MemberRow(member_id, name, date.fromisoformat(birth), *rest)
        return [found[i] for i in ids if i in found]

    def list(self, flt: MemberFilter | None = None, sort: str = "name") -> list[MemberRow]:
        return self.rows(self.ids(flt, sort))

    def get(self, member_id: str) -> MemberRecord:
        from ..storage.models import Branch

        with self._ctx.db.read() as session:
            row = self._get(session, member_id)
            branch = session.get(Branch, row.branch_id) if row.branch_id else None
            return MemberRecord(
                row.id, row.revision, branch.name if branch else None, member_fields(row)
            )

    def _get(self, session: Session, member_id: str) -> Member:
        from ..storage.models import Member

        return get_live(session, Member, member_id, self._ctx.organization_id, MEMBER_MISSING)

    # Writing -----------------------------------------------------------------------------

    def _identifiers_taken(
        self, session: Session, values: Mapping[str, str | None], member_id: str | None
    ) -> dict[str, str]:
        """By field of :data:`IDENTIFIERS`, why its value in ``values`` cannot be the member's:
        another live member of the organisation has it."""
        from sqlalchemy import select

        from ..storage.models import Member

        taken: dict[str, str] = {}
        for field, what in IDENTIFIERS.items():
            value = values.get(field)
            if not value:
                continue
            other = session.scalar(
                select(Member.full_name).where(
                    is_live(Member, self._ctx.organization_id),
                    getattr(Member, field) == value,
                    Member.id != (member_id or ""),
                )
            )
            if other:
                taken[field] = f"{what} này đã dùng cho đoàn viên {other}."
        return taken

    def validate(self, raw: Mapping[str, str], member_id: str | None = None) -> MemberFields:
        """Every check of the form, including those that need the database."""
        from ..storage.models import Branch

        errors: dict[str, str] = {}
        try:
            fields = parse_member(raw)
        except ValidationError as exc:
            errors.update(exc.field_errors)
            fields = None
        with self._ctx.db.read() as session:
            # Identifiers of one member in the organisation, as parse_member cleans them.
            cleaned = {field: clean_identifier(raw.get(field)) for field in IDENTIFIERS}
            taken = self._identifiers_taken(session, cleaned, member_id)
            errors.update({f: message for f, message in taken.items() if f not in errors})
            branch_id = raw.get("branch_id") or None
            if (
                branch_id
                and find_live(session, Branch, branch_id, self._ctx.organization_id) is None
            ):
                errors["branch_id"] = "Chi đoàn không còn tồn tại."
        if errors:
            raise ValidationError(errors)
        assert fields is not None
        return fields

    def warnings(self, raw: Mapping[str, str], member_id: str | None = None) -> dict[str, str]:
        """What is allowed in ``raw`` but unusual, by field: the form asks before saving, the
        command line saves and says so. Today: an active member past the coming-of-age year,
        an admission dated before today's rules outside today's ages (kept as history: see
        :mod:`.validation`), a CCCD that says another gender or birth year than the ones
        entered (the import warns of these three with the same words), and a Bí thư of a chi
        đoàn that already has one (a chi đoàn has one: the sitting one is named)."""
        try:
            birth, precision = parse_vn_date(nfc(raw.get("birth_date", "")), allow_year=True)
        except DateFormatError:
            return {}  # an error, which validate() reports
        found: dict[str, str] = {}
        try:
            admitted = parse_vn_date(nfc(raw.get("admission_date", "")))[0]
        except DateFormatError:
            admitted = None  # none, or an error that validate() reports
        if admitted is not None:
            history = admission_history_message(birth, precision, admitted)
            if history is not None:
                found["admission_date"] = history
        if member_id is None:
            status = choice_code(STATUSES, nfc(raw.get("status", ""))) or "active"
        else:
            rows = self.rows([member_id])
            status = rows[0].status if rows else "active"
        if status in ACTIVE_STATUSES:
            message = over_age_message(birth, date.today(), self._ctx.coming_of_age())
            if message is not None:
                found["birth_date"] = message
        gender = choice_code(GENDERS, nfc(raw.get("gender", "")))
        national_id = clean_identifier(raw.get("national_id"))  # as parse_member keeps it
        mismatch = national_id_mismatch_message(national_id, gender, birth)
        if mismatch is not None:
            found["national_id"] = mismatch
        sitting = self._other_secretaries(raw, member_id)
        if sitting is not None:
            found["position"] = sitting
        double = self._same_person(nfc(raw.get("full_name", "")), birth, precision, member_id)
        if double is not None:
            found["full_name"] = double
        return found

    def _same_person(
        self, name: str, birth: date, precision: str, member_id: str | None
    ) -> str | None:
        """The warning for a member whose folded ``name`` and birth are those of another live
        record (one who left included: she may come back by a transfer in), naming them."""
        from sqlalchemy import and_, select

        from ..storage.models import Branch, Member

        folded = fold(name)
        if not folded:
            return None
        with self._ctx.db.read() as session:
            rows = session.execute(
                select(Member.full_name, Member.birth_date, Member.birth_precision,
                       Member.status, Branch.name)
                .outerjoin(Branch, and_(Branch.id == Member.branch_id, is_live(Branch)))
                .where(
                    is_live(Member, self._ctx.organization_id),
                    Member.birth_date.between(date(birth.year, 1, 1), date(birth.year, 12, 31)),
                    Member.id != (member_id or ""),
                )
                .order_by(Member.sort_key)
            ).all()  # fmt: skip
        same = [
            row
            for row in rows
            if fold(row[0]) == folded and same_birth(row[1], row[2], birth, precision)
        ]
        if not same:
            return None
        records = [
            f"{full_name} (sinh {format_vn_date(born, known)}, "
            f"{branch or 'chưa thuộc chi đoàn'}, {STATUSES.get(status, status)})"
            for full_name, born, known, status, branch in same
        ]
        by_day = precision == DAY and all(row[2] == DAY for row in same)
        return same_person_message(records, by_day)

    def _other_secretaries(self, raw: Mapping[str, str], member_id: str | None) -> str | None:
        """The warning for a Bí thư of a chi đoàn that already has one (a chi đoàn has one:
        allowed, the secretary decides who keeps the post), naming the sitting one(s)."""
        from ..storage.models import Branch, Member

        branch_id = raw.get("branch_id") or None
        if branch_id is None or position_of(nfc(raw.get("position", ""))) != SECRETARY:
            return None
        org = self._ctx.organization_id
        with self._ctx.db.read() as session:
            branch = find_live(session, Branch, branch_id, org)
            rows = secretary_rows(session, org, Member.branch_id == branch_id)
        names = [name for i, _, name, _ in sorted(rows, key=lambda r: r[1]) if i != member_id]
        if branch is None or not names:
            return None
        return (
            f"Chi đoàn “{branch.name}” đã có {SECRETARY}: {', '.join(names)}. "
            + one_secretary_advice()
        )

    def save(self, raw: Mapping[str, str], member_id: str | None = None) -> str:
        """Validate and write one member (new when ``member_id`` is None); returns its id.

        Nothing is written unless every field is valid. A member's status changes only through
        events (``ws.events``): a new member may be given a starting status (the baseline before
        any event, e.g. when entering an existing roster), but saving an existing member keeps
        the stored status whatever ``raw["status"]`` says. A member who left or came of age
        (:data:`~doancoso.core.lifecycle.rules.READ_ONLY_STATUSES`) cannot be saved at all:
        :class:`ConflictError`.
        """
        return self._write(raw, member_id)[0]

    def add(self, raw: Mapping[str, str]) -> AddedMember:
        """Add a member as :meth:`save` does; returns the member as the add left them: what its
        undo (:meth:`take_back`) checks before taking them back."""
        member_id, _, after = self._write(raw, None)
        return AddedMember(member_id, after)

    def take_back(self, added: AddedMember) -> None:
        """Undo an add: soft-delete the member (:meth:`bring_back` restores them), provided they
        are still as the add left them. A later change is never lost unseen: a member edited
        since, or with an event recorded (or one of theirs changed) since, is refused
        (:class:`ConflictError`); a deleted one too (:class:`NotFoundError`). When all that
        changed is the chi đoàn, deleted or merged away since, the refusal says so
        (:func:`branch_gone_since_message`), not that the member was edited."""
        with self._ctx.db.transaction() as session:
            self.take_back_in(session, added)

    def take_back_in(self, session: Session, added: AddedMember) -> Member:
        """:meth:`take_back` in the caller's transaction; returns the member's row."""
        from ..storage.models import Member

        row = self._get(session, added.member_id)
        if member_fields(row) != added.fields or live_events(session, row.id) != added.events:
            gone = live_events(session, row.id) == added.events and branch_gone_since_message(
                session, row, added.fields, "lúc thêm", "giữ nguyên, không xóa đoàn viên."
            )
            if gone:
                raise ConflictError(gone)
            raise ConflictError(added_since_message("đoàn viên", row.full_name, events=True))
        set_deleted(session, Member, [row.id], self._ctx.organization_id, deleted=True)
        return row

    def bring_back(self, added: AddedMember) -> None:
        """Redo an add taken back by :meth:`take_back`: restore the member."""
        self.restore([added.member_id])

    def edit(self, raw: Mapping[str, str], member_id: str) -> tuple[MemberFields, MemberFields]:
        """Save an existing member as :meth:`save` does; returns its fields before and after the
        write, read in its transaction (equal when nothing changed): what the undo of the edit
        writes back with :meth:`put_back`."""
        _, before, after = self._write(raw, member_id)
        assert before is not None
        return before, after

    def _write(
        self, raw: Mapping[str, str], member_id: str | None
    ) -> tuple[str, MemberFields | None, MemberFields]:
        """:meth:`save`; returns the id, the fields before (None for a new member) and after."""
        from sqlalchemy.exc import IntegrityError

        from ..storage.models import Member

        before: MemberFields | None = None
        if member_id is not None:
            with self._ctx.db.read() as session:
                _check_editable(self._get(session, member_id))
        fields = self.validate(raw, member_id)
        values = asdict(fields)
        values.update(
            derived_columns(
                fields.full_name,
                fields.other_name,
                fields.national_id,
                fields.phone,
                fields.member_code,
            )
        )
        try:
            with self._ctx.db.transaction() as session:
                if member_id is None:
                    row = Member(organization_id=self._ctx.organization_id, **values)
                    session.add(row)
                else:
                    row = self._get(session, member_id)
                    _check_editable(row)  # again: an event may have been recorded meanwhile
                    _check_event_dates(session, row.id, values)
                    before = member_fields(row)
                    del values["status"]  # decided by the member's events only
                    _assign(row, values)
                session.flush()
                member_id = row.id
                after = member_fields(row)
        except IntegrityError as exc:  # an identifier taken between the check and the write
            raise _identifier_error(exc) from exc
        return member_id, before, after

    def put_back(self, member_id: str, fields: MemberFields, expected: MemberFields) -> None:
        """Write ``fields`` (from :meth:`edit`) over the member's, provided they are still
        ``expected``: the undo of an edit (``fields`` before it, ``expected`` after it) and its
        redo (the other way round). The status is left to the events, as in :meth:`save`.

        A later change is never overwritten: a member whose fields differ from ``expected``
        (edited again, an event recorded) is refused (:class:`ConflictError`), as is a member
        deleted (:class:`NotFoundError`), who left or came of age, whose chi đoàn was deleted
        or whose CCCD or member code another member now has. The form's rules are not checked
        again (the values were the member's), those of the data are, as on saving: nothing is
        written unless all hold.
        """
        from sqlalchemy.exc import IntegrityError

        from ..storage.models import Branch

        values: dict[str, Any] = asdict(fields)
        del values["status"]
        values.update(
            derived_columns(
                fields.full_name, fields.other_name, fields.national_id, fields.phone,
                fields.member_code,
            )
        )  # fmt: skip
        org = self._ctx.organization_id
        try:
            with self._ctx.db.transaction() as session:
                row = self._get(session, member_id)
                _check_editable(row)
                if replace(member_fields(row), status="") != replace(expected, status=""):
                    gone = branch_gone_since_message(
                        session, row, expected, "lúc đó",
                        "giữ nguyên như hiện tại để không ghi đè thay đổi mới hơn.",
                    )  # fmt: skip
                    raise ConflictError(gone or changed_since_message("đoàn viên", row.full_name))
                if fields.branch_id and find_live(session, Branch, fields.branch_id, org) is None:
                    raise ConflictError(branch_gone_message(row.full_name))
                _check_event_dates(session, row.id, values)
                taken = self._identifiers_taken(session, values, member_id)
                if taken:
                    raise ConflictError(next(iter(taken.values())))
                _assign(row, values)
        except IntegrityError as exc:  # an identifier taken by another process meanwhile
            raise _identifier_error(exc) from exc

    def delete(self, member_ids: Sequence[str]) -> int:
        """Soft-delete (tombstone) members; returns how many. Undone by :meth:`restore`."""
        return self._set_deleted(member_ids, deleted=True)

    def restore(self, member_ids: Sequence[str]) -> int:
        """Bring back soft-deleted members (the "Hoàn tác" of a delete)."""
        from sqlalchemy.exc import IntegrityError

        try:
            return self._set_deleted(member_ids, deleted=False)
        except IntegrityError as exc:
            what = "mã định danh" if "member_code" in str(exc.orig) else "số CCCD"
            raise ConflictError(
                f"Không thể khôi phục: {what} của đoàn viên này đã được dùng cho người khác."
            ) from exc

    def restore_in(self, session: Session, member_ids: Sequence[str]) -> int:
        """Bring back soft-deleted members in the caller's transaction (:meth:`restore`, the
        redo of an add or an admission): one whose chi đoàn was deleted or merged away since is
        in no chi đoàn, never in one that no longer exists. Returns how many."""
        from ..storage.models import Member
        from .branches import leave_gone_branches

        org = self._ctx.organization_id
        changed = set_deleted(session, Member, member_ids, org, deleted=False)
        leave_gone_branches(session, org, member_ids)
        return changed

    def _set_deleted(self, member_ids: Sequence[str], deleted: bool) -> int:
        from ..storage.models import Member

        with self._ctx.db.transaction() as session:
            if not deleted:
                return self.restore_in(session, member_ids)
            return set_deleted(session, Member, member_ids, self._ctx.organization_id, True)


IDENTIFIERS = {"national_id": "Số CCCD", "member_code": "Mã định danh đoàn viên"}
"""Fields no two live members of an organisation share, with what they are called."""


def changed_since_message(who: str, name: str) -> str:
    """Why an undo (or redo) of an edit of ``who`` ("đoàn viên", "thanh niên") ``name`` is
    refused: the record was edited again since, and that change would be lost."""
    return (
        f"Thông tin của {who} {name} đã được sửa lại sau đó: giữ nguyên như hiện tại để không "
        "ghi đè thay đổi mới hơn."
    )


def branch_gone_since_message(
    session: Session, row: Member, expected: MemberFields, when: str, outcome: str
) -> str:
    """Why an undo (or redo) that expected the member ``row`` as ``expected`` is refused when
    all that differs is the chi đoàn, and the one expected was deleted or merged away since: the
    secretary did not edit the member, the chi đoàn went ("" when that is not the case).
    ``when`` names the state expected ("lúc thêm"), ``outcome`` what is done instead."""
    from ..storage.models import Branch

    now = member_fields(row)
    if expected.branch_id is None or replace(now, branch_id=None, status="") != replace(
        expected, branch_id=None, status=""
    ):
        return ""
    branch = session.get(Branch, expected.branch_id)
    if branch is None or branch.deleted_at is None or now.branch_id == expected.branch_id:
        return ""
    name = row.full_name
    if now.branch_id is None:
        return (
            f"Đoàn viên {name} không còn ở “{branch.name}” như {when} (chi đoàn đã bị xóa sau "
            f"đó) và nay chưa có chi đoàn: {outcome}"
        )
    current = session.get(Branch, now.branch_id)
    where = f"“{current.name}”" if current is not None else "chi đoàn khác"
    return (
        f"Đoàn viên {name} không còn ở “{branch.name}” như {when} (chi đoàn đã bị xóa hoặc gộp "
        f"sau đó) mà nay ở {where}: {outcome}"
    )


def added_since_message(who: str, name: str, *, events: bool = False) -> str:
    """Why the undo of the add of ``who`` ("đoàn viên", "thanh niên") ``name`` is refused: the
    record was edited (or, ``events``, had events recorded) since, which would be lost."""
    since = "được sửa hoặc ghi thêm quá trình" if events else "được sửa"
    return (
        f"Thông tin của {who} {name} đã {since} sau khi thêm: giữ nguyên, không xóa, để không "
        "mất thông tin nhập sau đó."
    )


def live_events(session: Session, member_id: str) -> frozenset[tuple[str, int]]:
    """The member's live events, as (id, revision): what an add's undo compares."""
    from sqlalchemy import select

    from ..storage.models import MemberEvent

    stmt = select(MemberEvent.id, MemberEvent.revision).where(
        MemberEvent.member_id == member_id, is_live(MemberEvent)
    )
    return frozenset((event_id, revision) for event_id, revision in session.execute(stmt))


def member_fields(row: Member) -> MemberFields:
    return MemberFields(**{name: getattr(row, name) for name in MemberFields.__dataclass_fields__})


def _assign(row: Any, values: Mapping[str, Any]) -> None:
    """Set the columns of ``row`` that differ from ``values`` (an unchanged row stays clean)."""
    for name, value in values.items():
        if getattr(row, name) != value:
            setattr(row, name, value)


def _identifier_error(exc: Exception) -> ValidationError:
    """The error of a unique identifier taken between the check and the write."""
    field = "member_code" if "member_code" in str(getattr(exc, "orig", exc)) else "national_id"
    return ValidationError({field: f"{IDENTIFIERS[field]} này đã dùng cho một đoàn viên khác."})


# Dates of the record that an event decides: the field, the event kind, what the event is called.
EVENT_DECIDED_DATES = (
    ("admission_date", "admission", "Ngày vào Đoàn", "quyết định kết nạp"),
    ("party_date", "party_admission", "Ngày vào Đảng", "sự kiện “Vào Đảng”"),
)


def event_date_message(field: str, when: date, kept: bool = False) -> str:
    """Why ``field`` (a date of :data:`EVENT_DECIDED_DATES`) is not changed here: the event that
    recorded it on ``when`` decides it. ``kept``: said where the other value is left out."""
    label, event = next((lab, ev) for name, _, lab, ev in EVENT_DECIDED_DATES if name == field)
    keep = " giữ nguyên;" if kept else ""
    return (
        f"{label} theo {event} là {format_vn_date(when)}:{keep} muốn sửa, hãy sửa sự kiện trong "
        "tab “Quá trình”."
    )


def _check_event_dates(session: Session, member_id: str, values: Mapping[str, Any]) -> None:
    """Refuse a date of admission (to the union, to the Party) that differs from the event that
    recorded it: the event decides it (and the statistics count it), so it is changed there."""
    from sqlalchemy import select

    from ..storage.models import MemberEvent

    kinds = [kind for _, kind, _, _ in EVENT_DECIDED_DATES]
    stmt = select(MemberEvent.kind, MemberEvent.event_date).where(
        MemberEvent.member_id == member_id,
        is_live(MemberEvent),
        MemberEvent.kind.in_(kinds),
    )
    decided: dict[str, date] = {kind: when for kind, when in session.execute(stmt)}
    errors = {
        field: event_date_message(field, decided[kind])
        for field, kind, _, _ in EVENT_DECIDED_DATES
        if kind in decided and values.get(field) != decided[kind]
    }
    if errors:
        raise ValidationError(errors)


def read_only_message(name: str, status: str) -> str:
    """Why the record of the member ``name``, who left or came of age (``status``), is not
    changed: it is only kept to be read."""
    reason = READ_ONLY_REASONS.get(status, STATUSES.get(status, status))
    return f"Hồ sơ đoàn viên {name} chỉ để xem ({reason}): không sửa được."


def branch_gone_message(name: str) -> str:
    """Why the member ``name`` is not put back into the chi đoàn they were in: it was deleted
    or merged away since."""
    return f"Chi đoàn của đoàn viên {name} lúc đó không còn tồn tại."


def _check_editable(row: Member) -> None:
    """Refuse to edit a member who left or came of age: their record is only kept to be read."""
    if is_read_only(row.status):
        raise ConflictError(read_only_message(row.full_name, row.status))
