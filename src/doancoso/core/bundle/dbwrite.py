"""Writing checked rows of a bundle in bulk (issue #17, the import's write pass).

A chunk of rows is written with one ``executemany`` of plain SQL through the session's own
connection (same transaction), its values converted column by column the way SQLAlchemy stores
them (each column type's bind processor, made once per table), instead of SQLAlchemy compiling
and processing every row's parameters. The change log still learns exactly which ids were
written (:mod:`..storage.tracking`): the collector is told before the statement runs, as
``on_orm_execute`` would for an ORM insert or update.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from .rows import columns_of, travelling_tables

if TYPE_CHECKING:
    from sqlalchemy.engine import Dialect
    from sqlalchemy.orm import Session

Convert = Callable[[list[Any]], list[Any]]


@dataclass(frozen=True)
class TableWriter:
    """The INSERT and UPDATE of one travelling table, and how its JSON values are stored."""

    table: str
    names: tuple[str, ...]
    insert_sql: str
    update_sql: str
    converts: tuple[Convert | None, ...]

    def values(self, rows: list[dict[str, Any]]) -> list[list[Any]]:
        """The columns of ``rows`` (checked JSON values) as stored, column by column."""
        columns: list[list[Any]] = []
        for name, convert in zip(self.names, self.converts, strict=True):
            column = [row[name] for row in rows]
            columns.append(column if convert is None else convert(column))
        return columns

    def insert(self, session: Session, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        columns = self.values(rows)
        _explain(session, self.table, [row["id"] for row in rows])
        session.connection().exec_driver_sql(self.insert_sql, list(zip(*columns, strict=True)))

    def update(self, session: Session, rows: list[dict[str, Any]]) -> None:
        """Every column of each row (by id) set to the row's values."""
        if not rows:
            return
        columns = self.values(rows)
        at = self.names.index("id")
        ids = columns[at]
        rest = [c for i, c in enumerate(columns) if i != at]
        _explain(session, self.table, [row["id"] for row in rows])
        session.connection().exec_driver_sql(self.update_sql, list(zip(*rest, ids, strict=True)))


def _explain(session: Session, table: str, ids: list[str]) -> None:
    """Tell the change log which ids of ``table`` the next statement writes."""
    from ..storage.tracking import COLLECTOR, Collector

    collector: Collector | None = session.info.get(COLLECTOR)
    if collector is not None:
        collector.known(table, ids)
        collector.explained = table


def writer(table: str, dialect: Dialect) -> TableWriter:
    """The :class:`TableWriter` of ``table`` for ``dialect`` (SQLite's)."""
    model = travelling_tables()[table]
    kinds = columns_of(table)
    names = tuple(kinds)
    converts = tuple(
        _convert(kinds[name], model.c[name].type._cached_bind_processor(dialect)) for name in names
    )
    marks = ", ".join("?" * len(names))
    sets = ", ".join(f"{name} = ?" for name in names if name != "id")
    return TableWriter(
        table,
        names,
        f"INSERT INTO {table} ({', '.join(names)}) VALUES ({marks})",
        f"UPDATE {table} SET {sets} WHERE id = ?",
        converts,
    )


def _convert(kind: str, process: Callable[[Any], Any] | None) -> Convert | None:
    """A column's JSON values → what SQLAlchemy would store (None: stored as they are)."""
    if kind == "datetime" and process is not None and _stores_alike(process):
        return _datetimes(process)
    parse: Callable[[str], Any] | None = None
    if kind == "datetime":
        parse = datetime.fromisoformat
    elif kind == "date":
        parse = date.fromisoformat
    elif kind == "float":
        parse = float
    if parse is None and process is None:
        return None

    def convert(values: list[Any]) -> list[Any]:
        out = [None if v is None else parse(v) for v in values] if parse else values
        return [None if v is None else process(v) for v in out] if process else out

    return convert


_SAMPLE = datetime(2026, 1, 2, 3, 4, 5, 6)


def _stores_alike(process: Callable[[Any], Any]) -> bool:
    """Whether ``process`` stores a date and time as ``YYYY-MM-DD HH:MM:SS.ffffff`` (SQLite's
    DATETIME of SQLAlchemy, which the shortcut of :func:`_datetimes` reproduces)."""
    return bool(process(_SAMPLE) == "2026-01-02 03:04:05.000006")


def _datetimes(process: Callable[[Any], Any]) -> Convert:
    """ISO dates and times (checked) as stored: the two forms the app writes (``isoformat()``
    with and without microseconds) rewritten as text, any other parsed and processed."""

    def one(value: str) -> str:
        if value[10:11] == "T" and value[13:14] == value[16:17] == ":" and value[4] == "-":
            if len(value) == 26 and value[19] == "." and value[20:].isdigit():
                return f"{value[:10]} {value[11:]}"
            if len(value) == 19 and value[17:].isdigit():
                return f"{value[:10]} {value[11:]}.000000"
        return str(process(datetime.fromisoformat(value)))

    def convert(values: list[Any]) -> list[Any]:
        return [None if v is None else one(v) for v in values]

    return convert
