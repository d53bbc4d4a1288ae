"""Writing an import preview: one transaction, bulk statements, all or nothing.

New members go in with one executemany of INSERTs (ORM objects cost several times more at
10,000 rows), so the columns the ORM would fill are set here: UUID id, the storage's stamps
(:func:`~doancoso.core.storage.tracking.new_row_stamps`), and the stored sort key and search text
(:func:`doancoso.core.roster.service.derived_columns`). Updates change only the listed fields and
are guarded by the revision seen at preview time (one executemany per set of changed fields; the
storage bumps the revision): a member edited since makes the whole import fail, untouched. A
text longer than its column takes fails it too, naming the row (:func:`_refuse_long`): the
preview rejects such a row, but the inserts pass no session's check.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import Table, bindparam, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ...context import WorkspaceContext
from ...errors import ConflictError, ValidationError
from ...storage.lengths import text_limits, too_long, too_long_message
from ...storage.live import is_live
from ...storage.models import Branch, Member, new_id
from ...storage.tracking import new_row_stamps, transaction_time
from ..service import derived_columns
from .preview import MEMBERS, NEW, REJECTED, UNCHANGED, UPDATE, ImportPreview, ImportRow
from .rows import cached_fold

if TYPE_CHECKING:
    from ...backup.store import BackupInfo

_MEMBERS = cast(Table, Member.__table__)
_BRANCHES = cast(Table, Branch.__table__)
_MEMBER_COLUMNS = tuple(c.key for c in _MEMBERS.columns)
_DIRECT = (
    "full_name", "birth_date", "birth_precision", "gender", "national_id", "phone", "position",
    "status", "admission_date", "party_date", "other_name", "ethnicity", "religion", "hometown",
    "occupation", "education", "qualification", "political_theory", "foreign_language",
    "admission_place", "card_number", "notes", "member_code", "email", "national_id_date",
    "national_id_place", "computer_skills", "admission_decision", "association",
)  # fmt: skip
_CHUNK = 1000


@dataclass(frozen=True)
class ImportResult:
    """What an import wrote."""

    created: int
    updated: int
    unchanged: int
    rejected: int
    branches_created: tuple[str, ...] = ()
    backup: BackupInfo | None = None
    """The backup of the data as they were before the import: what to restore to go back, since
    an import is not undone with Hoàn tác."""


def apply_preview(ctx: WorkspaceContext, preview: ImportPreview) -> ImportResult:
    if preview.kind != MEMBERS:
        raise ValueError(f"not a roster import: {preview.kind!r}")
    ctx.db.require_writable()  # before the backup, which could not be written either
    if preview.generation != ctx.roster_generation:
        raise ConflictError(
            "Danh sách đoàn viên đã thay đổi sau khi xem trước. Hãy xem trước lại rồi nhập; "
            "chưa có gì được ghi."
        )
    from ...backup.store import BACKUP_FOLDER, take_backup

    backup = take_backup(ctx.db.path, ctx.db.path.parent / BACKUP_FOLDER, "truoc-nhap")  # checked
    new_rows = [r for r in preview.rows if r.action == NEW]
    updates = [r for r in preview.rows if r.action == UPDATE]
    try:
        with ctx.db.transaction(bulk=True) as session:
            branch_ids, created = _branches(ctx, session, new_rows + updates)
            _insert(ctx, session, new_rows, branch_ids)
            _update(ctx, session, updates, branch_ids)
    except IntegrityError as exc:
        raise ConflictError(
            "Không nhập được: dữ liệu vi phạm ràng buộc của cơ sở dữ liệu (thường là số CCCD hoặc "
            "mã định danh đã dùng cho đoàn viên khác). Không có thay đổi nào được ghi.",
            str(exc.orig),
        ) from exc
    return ImportResult(
        created=len(new_rows),
        updated=len(updates),
        unchanged=preview.count(UNCHANGED),
        rejected=preview.count(REJECTED),
        branches_created=tuple(created),
        backup=backup,
    )


def _stamp(ctx: WorkspaceContext, session: Session) -> dict[str, Any]:
    """The stamps of a new row, for the inserts sent as driver SQL (which no hook sees)."""
    stamps = new_row_stamps(ctx.db.installation_id, transaction_time(session))
    return {**stamps, "deleted_at": None}


def _branches(
    ctx: WorkspaceContext, session: Session, rows: list[ImportRow]
) -> tuple[dict[str, str], list[str]]:
    """Branch ids by folded name; chi đoàn named in the file and missing are created."""
    existing = session.execute(
        select(Branch.id, Branch.name).where(is_live(Branch, ctx.organization_id))
    ).all()
    ids = {cached_fold(name): branch_id for branch_id, name in existing}
    created: list[str] = []
    missing: list[dict[str, Any]] = []
    for row in rows:
        name = row.values.get("branch")
        if isinstance(name, str) and cached_fold(name) not in ids:
            branch_id = new_id()
            ids[cached_fold(name)] = branch_id
            created.append(name)
            missing.append({"id": branch_id, "organization_id": ctx.organization_id, "name": name,
                            "name_fold": cached_fold(name), **_stamp(ctx, session)})  # fmt: skip
    if missing:
        session.execute(_BRANCHES.insert(), missing)
    return ids, created


def _address(values: dict[str, object]) -> dict[str, object]:
    """The one-cell address replaces the three stored parts (hamlet holds all of it)."""
    return {"address_hamlet": values["address"], "address_commune": None, "address_province": None}


def _insert(
    ctx: WorkspaceContext, session: Session, rows: list[ImportRow], branch_ids: dict[str, str]
) -> None:
    """One executemany of plain tuples: SQLAlchemy's per-row parameter handling would cost as
    much as SQLite's own work. Values still go through each column type's bind processor (dates
    stored as SQLAlchemy stores them), taken from the table, so the stored rows are the same."""
    if not rows:
        return
    connection = session.connection()
    dialect = connection.dialect
    compiled = _MEMBERS.insert().compile(dialect=dialect)
    order: list[str] = list(compiled.positiontup or ())
    assert sorted(order) == sorted(_MEMBER_COLUMNS)
    position = {name: index for index, name in enumerate(order)}
    processors = {
        c.key: p
        for c in _MEMBERS.columns
        if (p := c.type.dialect_impl(dialect).bind_processor(dialect)) is not None
    }
    # sqlite3 would otherwise store dates with its own (deprecated) adapters, in another format
    assert {"birth_date", "created_at"} <= processors.keys()
    template: dict[str, Any] = dict.fromkeys(_MEMBER_COLUMNS)
    template.update(
        _stamp(ctx, session),
        organization_id=ctx.organization_id,
        birth_precision="day",
        status="active",
    )
    base = [processors[n](template[n]) if n in processors else template[n] for n in order]
    # (column, position, bind processor or None) of the columns copied from the row's values
    direct = [(n, position[n], processors.get(n)) for n in _DIRECT]
    at = {n: position[n] for n in ("id", "address_hamlet", "branch_id", "sort_key", "search_text",
                                   *_IDENTITY)}  # fmt: skip
    assert not processors.keys() & at.keys()  # plain text columns, stored as given
    # the texts held to their column's length (sent past the session's check, see _refuse_long)
    texts = [(n, position[n], longest) for n, longest in text_limits("members").items() if longest]
    assert not processors.keys() & {n for n, _, _ in texts}  # checked as written
    batch: list[tuple[Any, ...]] = []
    for row in rows:
        values = row.values
        line = list(base)
        line[at["id"]] = row.member_id = new_id()
        for name, index, processor in direct:
            value = values.get(name)
            if value is not None:
                line[index] = value if processor is None else processor(value)
        if "address" in values:
            line[at["address_hamlet"]] = values["address"]  # commune and province stay empty
        branch = values.get("branch")
        if isinstance(branch, str):
            line[at["branch_id"]] = branch_ids[cached_fold(branch)]
        derived = derived_columns(*(line[at[name]] for name in _IDENTITY))
        line[at["sort_key"]], line[at["search_text"]] = derived["sort_key"], derived["search_text"]
        for _name, index, longest in texts:  # a plain loop: 2,000 dicts for too_long cost more
            if isinstance(text := line[index], str) and len(text) > longest:
                _refuse_long(row, {n: line[i] for n, i, _ in texts})
        batch.append(tuple(line))
    for first in range(0, len(batch), _CHUNK):
        connection.exec_driver_sql(compiled.string, batch[first : first + _CHUNK])


def _update(
    ctx: WorkspaceContext, session: Session, rows: list[ImportRow], branch_ids: dict[str, str]
) -> None:
    """The updates as one executemany per set of changed columns, each row guarded by its
    revision; the stored name, ids and phone of the members whose sort key or search text must
    be recomputed are read in one query."""
    now = transaction_time(session)  # the storage stamps each update with it
    current = _current_identity(
        session, [str(r.member_id) for r in rows if _DERIVED_FROM.intersection(r.changed)]
    )
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for row in rows:
        values = row.values
        changes: dict[str, Any] = {}
        for name in row.changed:
            if name == "status":
                continue  # a member's status changes only through events (see .preview)
            if name == "address":
                changes.update(_address(values))
            elif name == "branch":
                changes["branch_id"] = branch_ids[cached_fold(str(values["branch"]))]
            elif name == "birth_date":
                changes["birth_date"] = values["birth_date"]
                changes["birth_precision"] = values.get("birth_precision", "day")
            else:
                changes[name] = values[name]
        if _DERIVED_FROM & set(changes):
            stored = current.get(str(row.member_id), (None, None, None, None))
            merged: list[Any] = [changes.get(k, stored[i]) for i, k in enumerate(_IDENTITY)]
            changes.update(derived_columns(*merged))
        _refuse_long(row, changes)
        assert row.member_revision is not None
        line = {f"v_{name}": value for name, value in changes.items()}
        line.update(b_id=row.member_id, b_revision=row.member_revision)
        groups.setdefault(tuple(changes), []).append(line)
    written = 0
    for columns, lines in groups.items():
        stmt = (
            update(_MEMBERS)
            .where(
                _MEMBERS.c.id == bindparam("b_id"),
                _MEMBERS.c.organization_id == ctx.organization_id,
                _MEMBERS.c.deleted_at.is_(None),
                _MEMBERS.c.revision == bindparam("b_revision"),
            )
            .values({name: bindparam(f"v_{name}") for name in columns})
        )
        written += session.execute(stmt, lines).rowcount  # type: ignore[attr-defined]
    if written != len(rows):
        raise ConflictError(
            f"Đoàn viên ở dòng {_first_unwritten(session, rows, now)} đã bị sửa hoặc xóa sau khi "
            "xem trước. Hãy xem trước lại; chưa có gì được ghi."
        )


def _refuse_long(row: ImportRow, written: dict[str, Any]) -> None:
    """Refuse the whole import (nothing written) if ``written``, the columns ``row`` writes,
    holds a text longer than its column takes (:func:`~...storage.lengths.too_long`, the check
    of every flush): the preview rejects such a row, but the new members go in by driver SQL,
    which no session check sees, and a caller may hand over rows no preview made. The one-cell
    address is named as the sheet names it."""
    errors = too_long("members", written)
    if not errors:
        return
    if "address_hamlet" in errors:  # stored in the hamlet's column (_address)
        del errors["address_hamlet"]
        address = str(written["address_hamlet"])
        longest = text_limits("members")["address_hamlet"]
        assert longest is not None
        errors = {"address": too_long_message("address", len(address), longest), **errors}
    raise ValidationError(
        errors,
        f"Dòng {row.row}: {' '.join(errors.values())} Hãy xem trước lại; chưa có gì được ghi.",
    )


_IDENTITY = ("full_name", "other_name", "national_id", "phone", "member_code")
_DERIVED_FROM = frozenset(_IDENTITY)  # the stored sort key and search text derive from these


def _current_identity(session: Session, member_ids: list[str]) -> dict[str, tuple[Any, ...]]:
    """(full name, other name, CCCD, phone, member code) of each member, as stored."""
    found: dict[str, tuple[Any, ...]] = {}
    for first in range(0, len(member_ids), _CHUNK):
        chunk = member_ids[first : first + _CHUNK]
        stmt = select(Member.id, *(getattr(Member, k) for k in _IDENTITY)).where(
            Member.id.in_(chunk)
        )
        for member_id, *identity in session.execute(stmt):
            found[member_id] = tuple(identity)
    return found


def _first_unwritten(session: Session, rows: list[ImportRow], now: datetime) -> int:
    """The sheet row of the first update that its revision guard refused (a member edited or
    deleted since the preview): every other one now carries the new revision and ``now``."""
    written: set[str] = set()
    ids = [str(r.member_id) for r in rows]
    for first in range(0, len(ids), _CHUNK):
        stmt = select(Member.id).where(
            Member.id.in_(ids[first : first + _CHUNK]), Member.updated_at == now
        )
        written.update(session.scalars(stmt))
    return next(r.row for r in rows if str(r.member_id) not in written)
