"""The keys a live row of an organisation holds alone (a chi đoàn's name, a member's CCCD and
member code, the plan of a year...), checked over the rows of a walk (walk.py): the rows the
file adds, brings back live or moves onto another key, against the live rows here. A clash
between two copies of one organisation is joined, left to the user's choice or refused in
words naming both records (duplicates.py); any other is refused here, both records named as
the user knows them, never by id."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from .labels import field_label, row_label
from .one_per_year import KEYED
from .rows import travelling_tables
from .sync_errors import InvalidRows, SyncError
from .validate import NOTHING_WRITTEN

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from .kept import Kept
    from .rows import RowSource
    from .walk import Walk

UNIQUE_KEYS: dict[str, tuple[str, ...]] = {
    "branches": ("name_fold",),
    "members": ("national_id", "member_code"),
    "settings": ("key",),
    "plans": ("year",),
    "rating_rounds": ("year",),
    "checklists": ("year",),
    "criteria_templates": ("name",),
}
"""Columns a live row of an organisation holds alone (the unique indexes of the tables; a chi
đoàn's name, which the roster keeps unique: "Đã có chi đoàn tên …"; a criteria template's name,
which ``add_template`` keeps unique by replacing the older)."""
_CHUNK = 1000

Clash = tuple[str, str, dict[str, Any]]
"""(the id of the row here, the column both hold the same value in, their row)."""


def live_holding(
    session: Session, table: str, column: str, organization_id: str, values: list[Any]
) -> Iterator[tuple[str, Any]]:
    """(id, value) of each live row of ``organization_id`` in ``table`` whose ``column`` holds
    one of ``values``, asked :data:`_CHUNK` values at a time."""
    for start in range(0, len(values), _CHUNK):
        part = values[start : start + _CHUNK]
        marks = ", ".join("?" * len(part))
        yield from session.connection().exec_driver_sql(
            f"SELECT id, {column} FROM {table} WHERE organization_id = ?"
            f" AND deleted_at IS NULL AND {column} IN ({marks})",
            (organization_id, *part),
        )


def note_moved(
    walk: Walk, table: str, mine: Mapping[str, Mapping[str, Any]], updates: list[dict[str, Any]]
) -> set[str]:
    """The ids of ``updates`` (after the conflicts' choices) holding live a key they did not
    hold here (a chi đoàn renamed there), noted in the walk's ``moved``; each update's keys
    (None: deleted) in its ``taken_keys``."""
    keys = UNIQUE_KEYS[table]
    moved: set[str] = set()
    for row in updates:
        live = row["deleted_at"] is None
        walk.taken_keys[row["id"]] = tuple(row[k] for k in keys) if live else None
        before = mine.get(row["id"])
        if not live or before is None:
            continue
        changed = frozenset(k for k in keys if row[k] is not None and row[k] != before[k])
        if changed:
            walk.moved.append((row, changed))
            walk.was[row["id"]] = before
            moved.add(row["id"])
    return moved


def check(walk: Walk, session: Session, table: str) -> None:
    """Refuse new rows (and rows brought back live) holding what a live row here already
    holds alone (the CCCD of a member, the name of a chi đoàn, the plan of a year...),
    unless the bundle changes that row too and the version written of it frees the key (a
    version of this copy kept by the user's choice holds it still: kept.py): every such row
    named, on both sides (duplicates.py). Rows the file moves onto such a key are checked the
    same way, and two rows of the file on one key refused first."""
    own_org = walk.my_org or walk.their_org
    clashes: list[Clash] = []
    inside: list[Clash] = []  # both rows in the bundle
    chosen: Kept = []  # a version of this copy chosen over the file's frees nothing
    if table == "branches" and walk.mapper is not None:
        return  # sáp nhập: the mapping joins or renames them (orgmerge.py)
    _twice_in_file(table, walk.fresh, walk.moved)
    kept_here = _kept_here(walk, table) if walk.fresh else set()
    for column in UNIQUE_KEYS.get(table, ()):
        wanted = {r[column]: r for r in walk.fresh if r[column] is not None}
        position = UNIQUE_KEYS[table].index(column)
        for here_id, value in live_holding(session, table, column, own_org, list(wanted)):
            theirs = wanted.get(value)
            if theirs is None:
                continue
            if here_id not in walk.bundle_keys:  # added apart on both copies
                clashes.append((here_id, column, theirs))
                continue
            kept = walk.bundle_keys[here_id]  # the bundle holds that row too
            if kept is None or kept[position] != value:
                if here_id in kept_here:  # changed here since: still held
                    clashes.append((here_id, column, theirs))
                elif _held(walk.taken_keys.get(here_id), position, value):
                    chosen.append((here_id, column, theirs, kept is None))  # kept.py
                continue  # deleted or changed there: the key is free
            if table != "branches":  # a chi đoàn's name is unique by the roster only:
                inside.append((here_id, column, theirs))  # the other copy has both
    moved = _moved_clashes(walk, session, table, own_org)
    if moved:  # a record changed there onto what one here holds: named as taken() does
        here_id, column, theirs = moved[0]
        if table == "branches":
            raise _renamed_onto(walk, session, here_id, theirs)
        raise taken(walk, session, table, here_id, column, theirs)
    if chosen:
        from .kept import refusal

        raise refusal(session, table, chosen, walk.revived)
    if clashes and walk.mapper is None:  # two copies of one organisation
        from .duplicates import settle

        clashes = settle(walk, session, table, clashes)  # joined, or refused in words
    if not clashes and not inside:
        return
    here_id, column, theirs = (clashes or inside)[0]
    raise taken(walk, session, table, here_id, column, theirs)


def _held(keys: tuple[Any, ...] | None, position: int, value: Any) -> bool:
    """Whether a row whose version to be written holds ``keys`` (None: deleted, or not
    written) holds ``value`` at ``position``."""
    return keys is not None and keys[position] == value


class NewKeys:
    """The keys of the file's live rows written into a table empty here (a handover into a new
    installation: no row here, none of the checks against rows here runs), so that two rows of
    the file holding one key are refused naming both, not by the database's unique index with
    no word of which (value → the first row's id only: the file is read again to name it)."""

    def __init__(self, source: RowSource) -> None:
        self.source = source
        self.held: dict[tuple[str, str], dict[Any, str]] = {}

    def note(self, table: str, rows: list[dict[str, Any]]) -> None:
        for column in UNIQUE_KEYS.get(table, ()):
            held = self.held.setdefault((table, column), {})
            for row in rows:
                value = row[column]
                if value is None or row["deleted_at"] is not None:
                    continue
                first = held.setdefault(value, row["id"])
                if first != row["id"]:
                    rows_read = self.source.rows(table)
                    other = next((r for r in rows_read if r["id"] == first), {"id": first})
                    raise _both_in_file(table, column, other, row)


def _both_in_file(
    table: str, column: str, first: Mapping[str, Any], second: Mapping[str, Any]
) -> InvalidRows:
    """The refusal of two rows of the file to be written live holding one ``column``."""
    value = second[column]
    return InvalidRows(
        f"{row_label(table, first)} trong tệp có {field_label(column)} “{value}” trùng với "
        f"{row_label(table, second)} cũng trong tệp. Hãy sửa hoặc xóa một trong hai trên máy "
        f"đã tạo tệp rồi tạo lại tệp. {NOTHING_WRITTEN}",
        f"{table} {first['id']} and {second['id']}: {column} {value!r} in the file",
    )


def _twice_in_file(
    table: str, fresh: list[dict[str, Any]], moved: list[tuple[dict[str, Any], frozenset[str]]]
) -> None:
    """Refuse two rows of the file to be written live holding one key: a new row (or one
    brought back live) and a row the file changes onto that key, or two new rows. Neither
    is here, so no check against the rows here sees them; a chi đoàn's name is checked
    earlier, over every live row of the file (derived.py)."""
    for column in UNIQUE_KEYS.get(table, ()):
        holder: dict[Any, dict[str, Any]] = {}
        incoming = [*fresh, *(row for row, changed in moved if column in changed)]
        for row in incoming:
            value = row[column]
            if value is None:
                continue
            first = holder.setdefault(value, row)
            if first["id"] != row["id"]:
                raise _both_in_file(table, column, first, row)


def _kept_here(walk: Walk, table: str) -> set[str]:
    """The rows of the file this copy keeps as they are here (the file's version not taken;
    not a conflict left to choose) of a table whose updates :func:`note_moved` notes."""
    if table in KEYED:
        return set()
    asked = {c.id for c in walk.plan.unresolved if c.table == table}
    return {i for i in walk.bundle_keys if i not in walk.taken_keys and i not in asked}


def _moved_clashes(walk: Walk, session: Session, table: str, own_org: str) -> list[Clash]:
    """The rows the file moves onto a key another live row here keeps (one the file does
    not change: not one it moves away, a swap of names, nor deletes)."""
    found_clashes: list[Clash] = []
    keys = UNIQUE_KEYS.get(table, ())
    for column in keys:
        wanted = {r[column]: r for r, changed in walk.moved if column in changed}
        position = keys.index(column)
        for here_id, value in live_holding(session, table, column, own_org, list(wanted)):
            theirs = wanted.get(value)
            if theirs is None or theirs["id"] == here_id:
                continue
            if here_id in walk.taken_keys:  # the file changes that row too
                kept = walk.taken_keys[here_id]
                if kept is None or kept[position] != value:
                    continue  # deleted or moved away there: the key is free
            found_clashes.append((here_id, column, theirs))
    return found_clashes


def _renamed_onto(walk: Walk, session: Session, here_id: str, theirs: dict[str, Any]) -> SyncError:
    """The refusal of a chi đoàn the file renames onto the name of chi đoàn ``here_id``,
    both named as the roster shows them (duplicates.py)."""
    from .duplicates import renamed_onto

    sql = "SELECT name FROM branches WHERE id = ?"
    (here_name,) = session.connection().exec_driver_sql(sql, (here_id,)).one()
    before = walk.was[theirs["id"]]["name"]
    details = f"branches {theirs['id']}: renamed onto the name of {here_id} here"
    return renamed_onto(str(here_name), str(before), str(theirs["name"]), details)


def taken(
    walk: Walk, session: Session, table: str, here_id: str, column: str, theirs: dict[str, Any]
) -> InvalidRows:
    """The refusal of their row holding the ``column`` of our row ``here_id``: both named as
    the user knows them (a person by name and birth date), never by id; a person of a sáp
    nhập matched by CCCD and kept apart is told that two people cannot hold one."""
    from datetime import date

    model = travelling_tables()[table]
    held = session.execute(model.select().where(model.c.id == here_id)).mappings().one()
    here = {k: v.isoformat() if isinstance(v, date) else v for k, v in held.items()}
    label = field_label(column)
    way = "Hãy sửa hoặc xóa một trong hai rồi nhập lại."
    if walk.mapper is not None and theirs["id"] in walk.mapper.unmatch:
        way = (
            f"Hai người không thể có cùng một {label}: nếu là một người, hãy để hai người "
            "được ghép làm một; nếu là hai người, hãy sửa số bị nhập sai rồi nhập lại."
        )
    return InvalidRows(
        f"{row_label(table, theirs)} trong tệp có {label} “{theirs[column]}” trùng với "
        f"{row_label(table, here)} trên máy này. {way} {NOTHING_WRITTEN}",
        f"{table} {theirs['id']}: {column} {theirs[column]!r} held by {here_id} here",
    )
