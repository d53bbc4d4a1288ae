"""Writing checked rows of a bundle in bulk (issue #17, the import's write pass).

A chunk of rows is written with one ``executemany`` of plain SQL through the session's own
connection (same transaction), its values converted the way SQLAlchemy stores them (each column
type's bind processor, made once per table), instead of SQLAlchemy compiling and processing
every row's parameters. The rows' values are taken in the statement's order by one
``itemgetter`` per row, and only the columns that need it are converted, a whole column at a
time (dates and times as SQLAlchemy writes them, without parsing the common ISO forms again).
The change log still learns exactly which ids were written (:mod:`..storage.tracking`): the
collector is told before the statement runs, as ``on_orm_execute`` would for an ORM insert or
update.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from .rows import columns_of, travelling_tables

if TYPE_CHECKING:
    from sqlalchemy.engine import Dialect
    from sqlalchemy.orm import Session

Convert = Callable[[Sequence[Any]], Sequence[Any]]


class _Parameters:
    """A statement's parameters from rows: the columns in its order (taken from each row by one
    ``itemgetter``), then the columns that need it converted, a whole column at a time."""

    def __init__(self, order: tuple[str, ...], converts: dict[str, Convert | None]) -> None:
        getter = itemgetter(*order)
        self._take: Callable[[dict[str, Any]], tuple[Any, ...]] = (
            getter if len(order) > 1 else (lambda row: (getter(row),))
        )
        self._converts = tuple(
            (at, convert) for at, name in enumerate(order) if (convert := converts[name])
        )

    def __call__(self, rows: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
        values = list(map(self._take, rows))
        if not self._converts or not values:
            return values
        columns: list[Sequence[Any]] = list(zip(*values, strict=True))
        for at, convert in self._converts:
            columns[at] = convert(columns[at])
        return list(zip(*columns, strict=True))


@dataclass(frozen=True)
class TableWriter:
    """The INSERT and UPDATE of one travelling table, and how its JSON values are stored."""

    table: str
    names: tuple[str, ...]
    insert_sql: str
    update_sql: str
    converts: tuple[Convert | None, ...]
    _inserted: _Parameters = field(init=False, repr=False, compare=False)
    _updated: _Parameters = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_name = dict(zip(self.names, self.converts, strict=True))
        update_order = (*(name for name in self.names if name != "id"), "id")
        object.__setattr__(self, "_inserted", _Parameters(self.names, by_name))
        object.__setattr__(self, "_updated", _Parameters(update_order, by_name))

    def values(self, rows: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
        """The rows' (checked JSON) values as the INSERT stores them (:attr:`names`' order)."""
        return self._inserted(rows)

    def insert(self, session: Session, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        parameters = self._inserted(rows)
        _explain(session, self.table, [row["id"] for row in rows])
        session.connection().exec_driver_sql(self.insert_sql, parameters)

    def update(self, session: Session, rows: list[dict[str, Any]]) -> None:
        """Every column of each row (by id) set to the row's values."""
        if not rows:
            return
        parameters = self._updated(rows)
        _explain(session, self.table, [row["id"] for row in rows])
        session.connection().exec_driver_sql(self.update_sql, parameters)


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
    if kind == "date" and process is not None and process(_SAMPLE.date()) == "2026-01-02":
        return _dates(process)
    parse: Callable[[str], Any] | None = None
    if kind == "datetime":
        parse = datetime.fromisoformat
    elif kind == "date":
        parse = date.fromisoformat
    elif kind == "float":
        parse = float
    if parse is None and process is None:
        return None

    def convert(values: Sequence[Any]) -> Sequence[Any]:
        out = [None if v is None else parse(v) for v in values] if parse else values
        return [None if v is None else process(v) for v in out] if process else out

    return convert


_SAMPLE = datetime(2026, 1, 2, 3, 4, 5, 6)
_DIGITS_AS_ZERO = str.maketrans("123456789", "000000000")
_ISO_DATETIME = "0000-00-00T00:00:00.000000"
"""The shape of ``isoformat()``'s date and time with microseconds ("0": any digit 0-9)."""
_ISO_DATE = "0000-00-00"
_ONE_DATETIME = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{6})?")


def _stores_alike(process: Callable[[Any], Any]) -> bool:
    """Whether ``process`` stores a date and time as ``YYYY-MM-DD HH:MM:SS.ffffff`` (SQLite's
    DATETIME of SQLAlchemy, which the shortcut of :func:`_datetimes` reproduces)."""
    return bool(process(_SAMPLE) == "2026-01-02 03:04:05.000006")


def _shaped(texts: Sequence[str], shape: str) -> str | None:
    """``texts`` joined by newlines if each has the ``shape`` ("0": an ASCII digit, any other
    character itself), found for the whole column in a few calls; None otherwise."""
    joined = "\n".join(texts)
    if joined.isascii() and joined.translate(_DIGITS_AS_ZERO) == "\n".join([shape] * len(texts)):
        return joined
    return None


def _present(values: Sequence[Any]) -> Sequence[Any]:
    return [v for v in values if v is not None] if None in values else values


def _refill(values: Sequence[Any], present: Sequence[Any], stored: list[Any]) -> Sequence[Any]:
    """``stored`` (one for each of ``present``, ``values`` without their Nones) in the places
    of ``values``, the Nones kept."""
    if present is values:
        return stored
    if not stored:
        return values  # all None
    taken = iter(stored)
    return [None if v is None else next(taken) for v in values]


def _datetimes(process: Callable[[Any], Any]) -> Convert:
    """ISO dates and times (checked) as stored: the two forms the app writes (``isoformat()``
    with and without microseconds) rewritten as text, any other parsed and processed."""

    def one(value: str) -> str:
        form = _ONE_DATETIME.fullmatch(value)
        if form is None:  # another form of ISO 8601 (a zone, a week date...): as SQLAlchemy
            return str(process(datetime.fromisoformat(value)))
        return f"{value[:10]} {value[11:]}" + ("" if form.group(1) else ".000000")

    def convert(values: Sequence[Any]) -> Sequence[Any]:
        return moments_as_stored(values, one)

    return convert


def moments_as_stored(values: Sequence[Any], one: Callable[[str], str]) -> Sequence[Any]:
    """ISO dates and times (checked; None kept) as SQLAlchemy stores them in SQLite, ``one``
    making each (see :func:`_datetimes`). A column all in the form of ``isoformat()`` with
    microseconds (the common case) is rewritten at once: its only "T"s are the separators,
    every other character a digit or a punctuation mark in its place."""
    present = _present(values)
    joined = _shaped(present, _ISO_DATETIME) if present else None
    if joined is None:
        return _refill(values, present, list(map(one, present)))
    return _refill(values, present, joined.replace("T", " ").split("\n"))


def _dates(process: Callable[[Any], Any]) -> Convert:
    """ISO dates (checked) as stored: ``YYYY-MM-DD`` as it is (SQLAlchemy writes a date so), any
    other form (a week date...) parsed and processed."""

    def convert(values: Sequence[Any]) -> Sequence[Any]:
        present = _present(values)
        if not present or _shaped(present, _ISO_DATE) is not None:
            return values
        stored = [
            v if _shaped((v,), _ISO_DATE) is not None else process(date.fromisoformat(v))
            for v in present
        ]
        return _refill(values, present, stored)

    return convert
