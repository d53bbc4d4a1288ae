"""The rows of a bundle (issue #17): what travels, read as JSON values and streamed.

:class:`RowSource` is the interface between the container (which writes and reads the bytes) and
the merge (which applies rows): table names, rows as JSON objects, evidence files by hash, and a
manifest. :func:`collect` makes one over the live database, :class:`DictSource` over rows held
in memory (tests, small tools).

What travels: every table of :data:`~doancoso.core.storage.models.TRAVELLING_TABLES` (settings,
criteria templates and the rating rules, which are stored as a setting, among them), each row
with every column, tombstones included so that deletions travel. A ``report`` bundle holds what
the superior body needs for one year: the organisation, the roster with its histories, the youth
register, the year's plan, activities, rating, checklist, advice and coordination records, and
the evidence files of those rows.

A :class:`Snapshot` reads in ONE read transaction on its own read-only connection (a consistent
view however many commits land meanwhile), table by table, 1,000 rows at a time: 100,000 members
are never all in memory.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Mapping
from datetime import date, datetime
from functools import cache, partial
from operator import attrgetter, is_not, itemgetter
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Literal, Protocol

from ..errors import AppError

if TYPE_CHECKING:
    from sqlalchemy import Table

    from ..workspace import Workspace

Kind = Literal["handover", "report"]
KINDS: tuple[str, ...] = ("handover", "report")
JsonValue = str | int | float | bool | None
_CHUNK = 1000

REPORT_ONLY_WHOLE = ("organizations", "branches", "members", "member_events", "youths")
"""Tables a report carries whole (the roster and its histories, the youth register)."""
HANDOVER_ONLY = ("settings", "criteria_templates")
"""Tables only a handover carries (the organisation's settings, rules and templates)."""


class RowSource(Protocol):
    """Rows of a bundle, streamed: never all tables in memory at once (100,000 members)."""

    manifest: dict[str, Any]

    def tables(self) -> list[str]: ...

    def rows(self, table: str) -> Iterator[dict[str, Any]]: ...

    def evidence(self, sha256: str) -> Path: ...

    def evidence_hashes(self) -> list[str]: ...


# Columns and their JSON form -------------------------------------------------------------------


@cache
def travelling_tables() -> dict[str, Table]:
    """Every travelling table by name, in an order where a row's references come first."""
    from ..storage.models import TRAVELLING_TABLES

    return {model.__table__.name: model.__table__ for model in TRAVELLING_TABLES}  # type: ignore[attr-defined]


def column_kind(column: Any) -> str:
    """``str``, ``int``, ``float``, ``bool``, ``date`` or ``datetime``: a column's JSON kind."""
    from sqlalchemy import Boolean, Date, DateTime, Float, Integer

    kind = column.type
    if isinstance(kind, Boolean):
        return "bool"
    if isinstance(kind, DateTime):
        return "datetime"
    if isinstance(kind, Date):
        return "date"
    if isinstance(kind, Integer):
        return "int"
    if isinstance(kind, Float):
        return "float"
    return "str"


@cache
def columns_of(table: str) -> dict[str, str]:
    """A travelling table's columns (in the table's order) and their JSON kinds."""
    return {c.name: column_kind(c) for c in travelling_tables()[table].columns}


def to_json(value: Any, kind: str) -> JsonValue:
    """A value as SQLite stores it (or as Python holds it) in its JSON form: dates and times as
    ISO text, booleans as booleans."""
    if value is None:
        return None
    if kind == "bool":
        return bool(value)
    if kind == "int":
        return int(value)
    if kind == "float":
        return float(value)
    if kind == "datetime":
        moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
        return moment.isoformat()
    if kind == "date":
        return value.isoformat() if isinstance(value, date) else str(value)[:10]
    return str(value)


def _iso_datetime(value: str | None) -> str | None:
    """A date and time as SQLite holds it (text) in its ISO form, as ``to_json`` makes it;
    the form the app stores (``YYYY-MM-DD HH:MM:SS.ffffff``, microseconds not all zero: what
    ``isoformat`` would give back with a ``T``) without making it again."""
    if value is None:
        return None
    moment = datetime.fromisoformat(value)  # checked whatever its form
    if (
        len(value) == 26
        and value[10] == " "
        and value[19] == "."
        and moment.microsecond
        and moment.tzinfo is None
    ):
        return f"{value[:10]}T{value[11:]}"
    return moment.isoformat()


def _column(kind: str, plain: frozenset[type]) -> Callable[[list[Any]], list[Any]]:
    """A column of values as SQLite returns them → their JSON form (:func:`to_json`), taken
    as they are when each is already of a ``plain`` type (or None)."""

    def convert(values: list[Any]) -> list[Any]:
        found = set(map(type, values))
        if found <= plain:
            return values
        if kind == "datetime" and found <= _TEXT:
            return list(map(_iso_datetime, values))
        if kind == "date" and found <= _TEXT:
            return [None if v is None else v[:10] for v in values]
        if kind == "bool" and found <= _WHOLE:
            return [None if v is None else bool(v) for v in values]
        return [to_json(v, kind) for v in values]

    return convert


_TEXT: frozenset[type] = frozenset({str, type(None)})
_WHOLE: frozenset[type] = frozenset({int, type(None)})
_NOTHING: frozenset[type] = frozenset()
_JSON_COLUMNS: dict[str, Callable[[list[Any]], list[Any]]] = {
    "str": _column("str", _TEXT),
    "int": _column("int", _WHOLE),
    "float": _column("float", frozenset({float, type(None)})),
    "bool": _column("bool", frozenset({bool, type(None)})),
    "date": _column("date", _NOTHING),
    "datetime": _column("datetime", _NOTHING),
}
"""Per JSON kind, how a column of a chunk of rows read from SQLite becomes JSON values: as
:func:`to_json` makes them, without a call per value where SQLite already returned them so."""


SQL_FUNCTION_ARGUMENTS = 127
"""SQLite's limit on a function's arguments (``SQLITE_MAX_FUNCTION_ARG``, 127 unless built
otherwise): a table of more columns than ``json_object`` can take (a name and a value each) has
its rows encoded by Python (:meth:`Snapshot.json_lines`)."""


def _sql_value(name: str, kind: str) -> tuple[str, str]:
    """A column's JSON value as SQLite's ``json_object`` writes it, byte for byte what the
    writer writes of :func:`to_json`'s value (text escaped as Python's ``json`` escapes it with
    ``ensure_ascii=False``, integers in full), and the condition under which it would not be:
    a value of another type (a REAL above all: SQLite writes 15 digits, Python as many as the
    value needs). A date and time is written as the app stores it with its space made a ``T``,
    what :func:`_iso_datetime` makes of it; whether it is of that form is checked in Python
    (:func:`_stored_form`), so its condition here is none. A boolean is ``json()`` of its text
    given to ``json_object`` as is, the documented way to give it JSON: a ``json('true')``
    inside a ``CASE`` would ride on SQLite's value subtypes passing through the ``CASE``, which
    has changed across SQLite's versions (the frozen app may carry another SQLite than the
    tests'), and a boolean written as the text "true" would make a bundle no reader takes."""
    if kind in ("str", "date"):
        odd = f"typeof({name}) NOT IN ('text', 'null')"
        return (name if kind == "str" else f"substr({name}, 1, 10)"), odd
    if kind in ("int", "bool"):
        odd = f"typeof({name}) NOT IN ('integer', 'null')"
        if kind == "int":
            return name, odd
        truth = f"CASE WHEN {name} IS NULL THEN 'null' WHEN {name} THEN 'true' ELSE 'false' END"
        return f"json({truth})", odd  # json() the argument itself: see the docstring
    if kind == "datetime":
        return f"substr({name}, 1, 10) || 'T' || substr({name}, 12)", ""
    return name, f"{name} IS NOT NULL"  # a float: written by Python (repr's digits)


def _stored_form(values: tuple[Any, ...]) -> bool:
    """Whether each of ``values`` (a column of dates and times as SQLite holds them) is None or
    a text of the form :func:`_iso_datetime` writes with its space made a ``T``
    (``YYYY-MM-DD HH:MM:SS.ffffff``, the fraction not zero, no offset); a text that is no date
    and time raises ``ValueError`` as there. A pass in C over the column for each check."""
    texts = list(filter(partial(is_not, None), values))
    if not set(map(type, texts)) <= {str} or not set(map(len, texts)) <= {26}:
        return False
    if not set(map(itemgetter(10, 19), texts)) <= {(" ", ".")}:
        return False
    moments = list(map(datetime.fromisoformat, texts))  # checked whatever its form
    if not set(map(attrgetter("tzinfo"), moments)) <= {None}:
        return False
    return 0 not in map(attrgetter("microsecond"), moments)


def from_json(value: JsonValue, kind: str) -> Any:
    """A JSON value (already validated, see :mod:`.validate`) as the Python value to write."""
    if value is None:
        return None
    if kind == "datetime":
        return datetime.fromisoformat(str(value))
    if kind == "date":
        return date.fromisoformat(str(value))
    if kind == "float":
        return float(value)
    return value


# What a bundle holds ----------------------------------------------------------------------------


def _year_range(year: int) -> tuple[str, str]:
    return f"{year:04d}-01-01", f"{year:04d}-12-31"


def selection(kind: str, year: int | None) -> dict[str, tuple[str, tuple[Any, ...]]]:
    """Per table carried, the SQL condition (over that table's columns, unqualified) and its
    parameters selecting the rows of one organisation (``?`` first) for a bundle of ``kind``."""
    org = "organization_id = ?"
    chosen: dict[str, tuple[str, tuple[Any, ...]]]
    if kind == "handover":
        chosen = {name: (org, ()) for name in travelling_tables()}
        chosen["organizations"] = ("id = ?", ())
        return chosen
    if year is None:
        raise AppError("Gói báo cáo cần chọn năm báo cáo.")
    first, last = _year_range(year)
    in_year = "{col} BETWEEN ? AND ?"
    occurrences = f"SELECT id FROM occurrences WHERE {in_year.format(col='day')}"
    chosen = {name: (org, ()) for name in REPORT_ONLY_WHOLE}
    chosen["organizations"] = ("id = ?", ())
    chosen.update(
        {
            "plans": (f"{org} AND year = ?", (year,)),
            "plan_targets": (
                f"{org} AND plan_id IN (SELECT id FROM plans WHERE year = ?)",
                (year,),
            ),
            "activity_kinds": (org, ()),
            "activities": (
                f"{org} AND ({in_year.format(col='start_date')} OR id IN "
                f"(SELECT activity_id FROM occurrences WHERE {in_year.format(col='day')}))",
                (first, last, first, last),
            ),
            "occurrences": (f"{org} AND {in_year.format(col='day')}", (first, last)),
            "attendance": (f"{org} AND occurrence_id IN ({occurrences})", (first, last)),
            "minutes": (f"{org} AND occurrence_id IN ({occurrences})", (first, last)),
            "rating_rounds": (f"{org} AND year = ?", (year,)),
            "ratings": (
                f"{org} AND round_id IN (SELECT id FROM rating_rounds WHERE year = ?)",
                (year,),
            ),
            "branch_ratings": (
                f"{org} AND round_id IN (SELECT id FROM rating_rounds WHERE year = ?)",
                (year,),
            ),
            "checklists": (f"{org} AND year = ?", (year,)),
            "checklist_answers": (
                f"{org} AND checklist_id IN (SELECT id FROM checklists WHERE year = ?)",
                (year,),
            ),
            "advice_records": (f"{org} AND {in_year.format(col='day')}", (first, last)),
            "coordination_records": (f"{org} AND {in_year.format(col='day')}", (first, last)),
        }
    )
    owners: list[str] = []
    owner_params: list[Any] = []
    for name, (where, params) in chosen.items():
        if name in ("organizations", "evidence_files"):
            continue
        owners.append(
            f"(owner_table = '{name}' AND owner_id IN (SELECT id FROM {name} WHERE {where}))"
        )
        owner_params.extend(("?org", *params))
    chosen["evidence_files"] = (f"{org} AND ({' OR '.join(owners)})", tuple(owner_params))
    return {name: chosen[name] for name in travelling_tables() if name in chosen}


def _bind(org_id: str, params: tuple[Any, ...]) -> tuple[Any, ...]:
    """The parameters of a condition: the organisation first, then ``params`` (where the marker
    ``"?org"`` stands for the organisation again)."""
    return (org_id, *(org_id if p == "?org" else p for p in params))


# The live database ---------------------------------------------------------------------------


class Snapshot:
    """A :class:`RowSource` over a workspace's database, read in one read transaction.

    Use it as a context manager (``with collect(ws, "handover", None) as snap:``): it holds a
    read transaction on its own read-only connection until closed. Rows stream 1,000 at a time.
    """

    def __init__(self, ws: Workspace, kind: str, year: int | None) -> None:
        if kind not in KINDS:
            raise AppError(f"Loại gói dữ liệu “{kind}” không có (chỉ có: {', '.join(KINDS)}).")
        self.kind = kind
        self.year = year
        from ..context import OWN_ORGANIZATION_KEY
        from ..evidence.store import EvidenceStore

        own = ws.db.get_meta(OWN_ORGANIZATION_KEY)
        if own is None:
            raise AppError("Dữ liệu này chưa có thông tin Đoàn cơ sở nên chưa có gì để đóng gói.")
        self.organization_id = own
        self.installation_id = ws.db.installation_id

        self._evidence_store = EvidenceStore(ws.data_dir)
        self._where = selection(kind, year)
        self._conn = sqlite3.connect(ws.db.source_uri, uri=True, check_same_thread=False)
        try:
            self._conn.execute("BEGIN")
            (name,) = self._conn.execute(
                "SELECT name FROM organizations WHERE id = ?", (self.organization_id,)
            ).fetchone()
            self.organization_name = str(name)
            self._hashes = self._read_hashes()
            self.manifest: dict[str, Any] = self.manifest_fields()
        except BaseException:
            self.close()
            raise

    # RowSource
    def tables(self) -> list[str]:
        return list(self._where)

    def rows(self, table: str) -> Iterator[dict[str, Any]]:
        for names, columns in self.columns(table):
            for values in zip(*columns, strict=True):
                yield dict(zip(names, values, strict=True))

    def columns(self, table: str) -> Iterator[tuple[list[str], list[list[JsonValue]]]]:
        """The rows of ``table`` (as :meth:`rows` gives them), 1,000 at a time, as columns: the
        column names, and per column its values in their JSON form (what the container's
        writer encodes a column at a time)."""
        where, params = self._where[table]
        kinds = columns_of(table)
        names = list(kinds)
        cursor = self._conn.execute(  # rowid order: a scan of the table, not of an index
            f"SELECT {', '.join(names)} FROM {table} WHERE {where} ORDER BY rowid",
            _bind(self.organization_id, params),
        )
        converts = [_JSON_COLUMNS[kinds[n]] for n in names]
        try:
            while chunk := cursor.fetchmany(_CHUNK):
                yield (
                    names,
                    [
                        convert(list(column))
                        for convert, column in zip(converts, zip(*chunk, strict=True), strict=True)
                    ],
                )
        finally:
            cursor.close()

    def json_lines(self, table: str) -> Iterator[bytes | tuple[list[str], list[list[Any]]]]:
        """The rows of ``table`` (those :meth:`rows` gives, in that order), 1,000 at a time,
        each chunk as its JSON lines made by SQLite (``json_object``, in C, without holding the
        GIL while SQLite works), UTF-8, each ended by a newline: exactly the bytes the
        container's writer makes of :meth:`columns`. A chunk holding a value SQLite would write
        otherwise (:func:`_sql_value`, :func:`_stored_form`) or a text that is not UTF-8 comes
        as :meth:`columns` gives it, for the writer to encode (or fails there as ever: a date
        and time that is not one, a text Python cannot read)."""
        where, params = self._where[table]
        kinds = columns_of(table)
        names = list(kinds)
        if 2 * len(names) > SQL_FUNCTION_ARGUMENTS:
            yield from self.columns(table)
            return
        made = [_sql_value(name, kinds[name]) for name in names]
        times = [name for name in names if kinds[name] == "datetime"]
        pairs = (f"'{n}', {value}" for n, (value, _) in zip(names, made, strict=True))
        odd = " OR ".join(f"({condition})" for _, condition in made if condition) or "0"
        cursor = self._conn.execute(  # rowid order, as columns()
            f"SELECT rowid, {odd}, CAST(json_object({', '.join(pairs)}) AS BLOB)"
            f"{''.join(', ' + t for t in times)} FROM {table} WHERE {where} ORDER BY rowid",
            _bind(self.organization_id, params),
        )
        try:
            while chunk := cursor.fetchmany(_CHUNK):
                found = list(zip(*chunk, strict=True))
                lines = b"\n".join((*found[2], b""))
                try:
                    sound = not any(found[1]) and all(map(_stored_form, found[3:]))
                    lines.decode("utf-8")  # checked only
                except ValueError:  # no date and time, no UTF-8: columns() fails as ever
                    sound = False
                if sound:
                    yield lines
                else:
                    yield self._chunk_columns(table, found[0][0], found[0][-1])
        finally:
            cursor.close()

    def _chunk_columns(
        self, table: str, first: int, last: int
    ) -> tuple[list[str], list[list[Any]]]:
        """The rows of ``table`` with rowids ``first`` to ``last`` as :meth:`columns` gives
        them (one chunk of :meth:`json_lines`: the same rows, read in the same transaction)."""
        where, params = self._where[table]
        kinds = columns_of(table)
        names = list(kinds)
        rows = self._conn.execute(
            f"SELECT {', '.join(names)} FROM {table} WHERE ({where}) AND rowid BETWEEN ? AND ? "
            "ORDER BY rowid",
            (*_bind(self.organization_id, params), first, last),
        ).fetchall()
        converts = [_JSON_COLUMNS[kinds[n]] for n in names]
        return names, [
            convert(list(column))
            for convert, column in zip(converts, zip(*rows, strict=True), strict=True)
        ]

    def evidence(self, sha256: str) -> Path:
        if sha256 not in self._hashes:
            raise KeyError(sha256)
        return self._evidence_store.path(sha256)

    def evidence_hashes(self) -> list[str]:
        return list(self._hashes)

    # The rest
    def count(self, table: str) -> int:
        return self.counts(table)[0]

    def counts(self, table: str) -> tuple[int, int]:
        """The rows of ``table`` carried, and those of them not deleted (no tombstone): one
        pass over the table for both."""
        where, params = self._where[table]
        sql = f"SELECT count(*), coalesce(sum(deleted_at IS NULL), 0) FROM {table} WHERE {where}"
        rows, live = self._conn.execute(sql, _bind(self.organization_id, params)).fetchone()
        return int(rows), int(live)

    def member_statuses(self) -> dict[str, int]:
        """The members carried that are not deleted, by status code (as stored)."""
        where, params = self._where["members"]
        found = self._conn.execute(
            f"SELECT coalesce(status, ''), count(*) FROM members WHERE ({where}) AND "
            "deleted_at IS NULL GROUP BY 1 ORDER BY 1",
            _bind(self.organization_id, params),
        ).fetchall()
        return {str(status): int(n) for status, n in found}

    def manifest_fields(self) -> dict[str, Any]:
        """What the manifest says of these rows: kind, year, organisation, the installation
        that made them, counts per table (every row, and ``live_counts`` those not deleted,
        with ``member_statuses``, the members not deleted by status: what the biên bản bàn
        giao and the receiving side print), evidence files and the exchange state (see
        :func:`.exchange.exchange_section`)."""
        from .exchange import exchange_section

        counts = {table: self.counts(table) for table in self._where}
        return {
            "kind": self.kind,
            "year": self.year,
            "organization": {"id": self.organization_id, "name": self.organization_name},
            "installation_id": self.installation_id,
            "counts": {table: rows for table, (rows, _) in counts.items()},
            "live_counts": {table: live for table, (_, live) in counts.items()},
            "member_statuses": self.member_statuses() if "members" in self._where else {},
            "evidence_files": len(self._hashes),
            "exchange": exchange_section(
                self._conn, self.installation_id, self.organization_id, self._where
            ),
        }

    def _read_hashes(self) -> list[str]:
        """The files named by the evidence rows carried: every live row's (missing from the
        store: refused), and a tombstone's when the store still has it (an undo may need it)."""
        where, params = self._where["evidence_files"]
        found = self._conn.execute(
            f"SELECT sha256, max(deleted_at IS NULL), min(original_name) FROM evidence_files"
            f" WHERE {where} GROUP BY sha256 ORDER BY sha256",
            _bind(self.organization_id, params),
        ).fetchall()
        hashes: list[str] = []
        for sha, any_live, name in found:
            if self._evidence_store.has(sha):
                hashes.append(sha)
            elif any_live:
                raise AppError(
                    f"Tệp minh chứng “{name}” không còn trong kho minh chứng nên không đóng gói "
                    "được. Hãy chạy “Kiểm tra dữ liệu” rồi đính kèm lại tệp.",
                    f"evidence {sha} missing from the store",
                )
        return hashes

    def close(self) -> None:
        try:
            self._conn.rollback()
        finally:
            self._conn.close()

    def __enter__(self) -> Snapshot:
        return self

    def __exit__(
        self, _t: type[BaseException] | None, _e: BaseException | None, _tb: TracebackType | None
    ) -> None:
        self.close()


def collect(ws: Workspace, kind: str, year: int | None = None) -> Snapshot:
    """The rows of ``ws``'s organisation that a bundle of ``kind`` carries (``report``: of
    ``year``), as a :class:`Snapshot` to close."""
    return Snapshot(ws, kind, year)


# Rows in memory ---------------------------------------------------------------------------------


class DictSource:
    """A :class:`RowSource` over rows held in memory: ``tables`` maps a table name to its rows
    (JSON values), ``files`` a SHA-256 to a file with that content."""

    def __init__(
        self,
        manifest: Mapping[str, Any],
        tables: Mapping[str, list[dict[str, Any]]],
        files: Mapping[str, Path] | None = None,
    ) -> None:
        self.manifest = dict(manifest)
        self._tables = {name: list(rows) for name, rows in tables.items()}
        self._files = dict(files or {})

    @classmethod
    def of(cls, source: RowSource) -> DictSource:
        """Every row of ``source`` held in memory (its evidence files stay where they are)."""
        return cls(
            source.manifest,
            {name: list(source.rows(name)) for name in source.tables()},
            {sha: source.evidence(sha) for sha in source.evidence_hashes()},
        )

    def tables(self) -> list[str]:
        return list(self._tables)

    def rows(self, table: str) -> Iterator[dict[str, Any]]:
        yield from (dict(row) for row in self._tables[table])

    def evidence(self, sha256: str) -> Path:
        return self._files[sha256]

    def evidence_hashes(self) -> list[str]:
        return list(self._files)

    def table(self, name: str) -> list[dict[str, Any]]:
        """The rows of ``name`` themselves (to change them in a test)."""
        return self._tables.setdefault(name, [])
