"""Change tracking and stamping, in one place for ORM and bulk writes alike.

Installed on the engine and the session factory by :class:`~doancoso.core.storage.db.Database`:

- **Stamping.** A travelling row (DESIGN.md "Records that travel") gets its origin, timestamps
  and revision here and nowhere else: new ORM objects and changed ones before each flush; bulk
  ``INSERT`` statements run through the session get the stamps they lack; bulk ``UPDATE``
  statements that do not set ``revision`` themselves get ``revision = revision + 1`` and
  ``updated_at``. One transaction uses one timestamp (:func:`transaction_time`). A session with
  ``info["keep_revisions"]`` (rows merged from elsewhere) keeps the revisions it is given.
- **Bases.** Before such a change, a row still at a version agreed with a peer has its content
  kept (:mod:`.bases`): the changed objects' rows before the flush writes them, a bulk UPDATE's
  rows (by their ids, or by its WHERE) before it runs.
- **Tracking.** Every statement that writes (ORM flushes, bulk statements, even
  ``exec_driver_sql``) names its table to the collector of the transaction; the ids come from
  the flushed objects, the parameters of bulk inserts and the ``id = …`` / ``id IN (…)`` of bulk
  updates; where they cannot be known the table is marked "any row" (None). The transaction hands
  the collected :class:`~doancoso.core.changes.Changes` to the workspace's log after its commit.
"""

from __future__ import annotations

import contextlib
import re
import threading
from collections.abc import Iterable, Iterator, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any

from ..changes import Changes, Ids

if TYPE_CHECKING:
    from sqlalchemy import Table
    from sqlalchemy.engine import Connection
    from sqlalchemy.orm import ORMExecuteState, Session

COLLECTOR = "doancoso_changes"
"""Key of the collector in ``Session.info`` during a transaction."""
NOW = "doancoso_now"
KEEP_REVISIONS = "keep_revisions"
WHOLESALE = "doancoso_wholesale"
"""Set in ``Session.info`` by a transaction that merges data wholesale (a bundle's import): its
changes are marked so (:attr:`~doancoso.core.changes.Changes.wholesale`)."""

_WRITE = re.compile(
    r"^\s*(?:INSERT(?:\s+OR\s+\w+)?\s+INTO|REPLACE\s+INTO|UPDATE(?:\s+OR\s+\w+)?|DELETE\s+FROM)"
    r"\s+[\"`\[]?(\w+)",
    re.IGNORECASE,
)
_STAMPS = ("origin", "created_at", "updated_at", "revision")
_BOOKKEEPING = frozenset({"alembic_version", "exchange_bases"})
"""Tables written beside the data, never a change anyone shows (nor a statement explained)."""


class Collector:
    """The tables one transaction wrote to, and the ids of the rows where the ORM hooks knew them.

    A table written by a statement whose rows no hook could name (``exec_driver_sql``, an update
    by a subquery) is reported with ids None: any row may have changed. A statement is "named"
    when it runs during a flush (``after_flush`` names the rows) or right after ``do_orm_execute``
    named its rows (``explained``).
    """

    def __init__(self) -> None:
        self.written: set[str] = set()
        self.ids: dict[str, set[str]] = {}
        self.unknown: set[str] = set()
        self.flushing = False
        self.explained: str | None = None

    def known(self, table: str, ids: Iterable[str]) -> None:
        self.ids.setdefault(table, set()).update(ids)

    def changes(self) -> Changes:
        return Changes.of(
            {
                table: None if table in self.unknown or table not in self.ids else self.ids[table]
                for table in self.written
            }
        )


def transaction_time(session: Session) -> datetime:
    """The one UTC timestamp of the session's transaction (the stamps of every row it writes)."""
    from .models import utc_now

    now: datetime | None = session.info.get(NOW)
    if now is None:
        now = session.info[NOW] = utc_now()
    return now


def is_travelling(table: Table) -> bool:
    return all(name in table.c for name in ("revision", "origin", "deleted_at"))


def new_row_stamps(installation_id: str, now: datetime) -> dict[str, Any]:
    """The columns every travelling row is born with."""
    return {"origin": installation_id, "created_at": now, "updated_at": now, "revision": 1}


# Hooks ----------------------------------------------------------------------------------------


_active = threading.local()
"""The collector of the transaction open on this thread (a session is used on one thread)."""


@contextlib.contextmanager
def collecting(collector: Collector) -> Iterator[None]:
    """Statements this thread runs meanwhile report to ``collector``."""
    outer = getattr(_active, "collector", None)
    _active.collector = collector
    try:
        yield
    finally:
        _active.collector = outer


def note_statement(
    _conn: Connection, _cursor: Any, statement: str, *_args: Any
) -> None:  # fmt: skip
    """``before_cursor_execute``: a statement that writes names its table to the collector."""
    collector: Collector | None = getattr(_active, "collector", None)
    if collector is None:
        return
    match = _WRITE.match(statement)
    if match is None or match.group(1).lower() in _BOOKKEEPING:
        return
    table = match.group(1)
    collector.written.add(table)
    if collector.flushing:
        return
    if collector.explained == table:
        collector.explained = None
        return
    collector.unknown.add(table)


def stamp_flush(installation_id: str, session: Session) -> None:
    """``before_flush``: stamp new and changed travelling objects."""
    from .models import Travelling

    collector: Collector | None = session.info.get(COLLECTOR)
    if collector is not None:
        collector.flushing = True

    now = transaction_time(session)
    for obj in session.new:
        if isinstance(obj, Travelling):
            obj.origin = obj.origin or installation_id
            obj.created_at = obj.created_at or now
            obj.updated_at = obj.updated_at or now
            obj.revision = obj.revision or 1
    if session.info.get(KEEP_REVISIONS):
        return
    changed: dict[Table, list[str]] = {}
    for obj in session.dirty:
        if isinstance(obj, Travelling) and session.is_modified(obj):
            changed.setdefault(type(obj).__table__, []).append(obj.id)  # type: ignore[attr-defined]
            obj.revision = (obj.revision or 0) + 1
            obj.updated_at = now
    if changed:
        from . import bases

        for table, ids in changed.items():
            bases.keep(session, table, ids)  # as the database holds them, before this flush


def track_flush(session: Session, _context: Any) -> None:
    """``after_flush``: the ids (primary keys) of the objects the flush wrote."""
    from sqlalchemy import inspect

    collector: Collector | None = session.info.get(COLLECTOR)
    if collector is None:
        return
    collector.flushing = False
    dirty = session.dirty  # computed on each access: once, not once per object (2,000 → 1.4 s)
    for obj in (*session.new, *dirty, *session.deleted):
        table = getattr(obj, "__tablename__", None)
        if table is None or (obj in dirty and not session.is_modified(obj)):
            continue
        key = inspect(obj).mapper.primary_key_from_instance(obj)
        if len(key) != 1 or key[0] is None:
            collector.unknown.add(table)
        else:
            collector.known(table, [str(key[0])])


def on_orm_execute(installation_id: str, state: ORMExecuteState) -> Any:
    """``do_orm_execute``: stamp and track bulk INSERT and UPDATE statements."""
    if not (state.is_insert or state.is_update or state.is_delete):
        return None
    table = getattr(state.statement, "table", None)
    if table is None or not hasattr(table, "c"):
        return None
    session = state.session
    collector: Collector | None = session.info.get(COLLECTOR)
    travelling = is_travelling(table)
    if state.is_insert:
        rows = _rows(state.parameters)
        if collector is not None:
            born = [r.get("id") for r in rows]
            if rows and all(isinstance(i, str) for i in born):
                collector.known(table.name, [str(i) for i in born])
                collector.explained = table.name
            else:
                collector.unknown.add(table.name)
        if travelling and rows and not session.info.get(KEEP_REVISIONS):
            stamps = new_row_stamps(installation_id, transaction_time(session))
            missing = [{k: v for k, v in stamps.items() if r.get(k) is None} for r in rows]
            if any(missing):
                params = missing if state.is_executemany else missing[0]
                return state.invoke_statement(params=params)
        return None
    if collector is not None:
        ids = _where_ids(state.statement, table, state.parameters)
        if ids is None:
            collector.unknown.add(table.name)
        else:
            collector.known(table.name, ids)
            collector.explained = table.name
    if state.is_update and travelling and not session.info.get(KEEP_REVISIONS):
        _keep_bases(state, table)
    if (
        state.is_update
        and travelling
        and not session.info.get(KEEP_REVISIONS)
        and not _sets(state.statement, "revision")
    ):
        stmt = state.statement.values(  # type: ignore[attr-defined]
            {"revision": table.c.revision + 1, "updated_at": transaction_time(session)}
        )
        return state.invoke_statement(statement=stmt)
    return None


def _keep_bases(state: ORMExecuteState, table: Table) -> None:
    """Before a bulk UPDATE: the bases of the rows it may change (see :mod:`.bases`), named by
    their ids or, for one set of parameters, by the statement's WHERE."""
    from . import bases

    if not bases.agreed_with_anyone(state.session):
        return
    ids = _where_ids(state.statement, table, state.parameters)
    if ids is not None:
        bases.keep(state.session, table, sorted(ids))
    elif not state.is_executemany and state.statement.whereclause is not None:  # type: ignore[attr-defined]
        bases.keep(state.session, table, where=state.statement.whereclause)  # type: ignore[attr-defined]


def _rows(parameters: Any) -> list[Mapping[str, Any]]:
    if parameters is None:
        return []
    if isinstance(parameters, Mapping):
        return [parameters]
    return list(parameters)


def _sets(statement: Any, column: str) -> bool:
    values = getattr(statement, "_values", None) or {}
    names = {getattr(k, "key", getattr(k, "name", k)) for k in values}
    for multi in getattr(statement, "_ordered_values", None) or ():
        names.add(getattr(multi[0], "key", multi[0]))
    return column in names


def _where_ids(statement: Any, table: Table, parameters: Any) -> Ids:
    """The ids an UPDATE/DELETE is limited to by ``id = x`` or ``id IN (...)`` at the top level of
    its WHERE (values or bound parameters, one set or many); None when it is not limited so."""
    from sqlalchemy.sql import operators
    from sqlalchemy.sql.elements import BinaryExpression, BindParameter, BooleanClauseList

    where = statement.whereclause
    if where is None:
        return None
    clauses = list(where.clauses) if isinstance(where, BooleanClauseList) else [where]
    if isinstance(where, BooleanClauseList) and where.operator is not operators.and_:
        return None
    rows = _rows(parameters)
    for clause in clauses:
        if not isinstance(clause, BinaryExpression):
            continue
        left, right = clause.left, clause.right
        if getattr(left, "key", None) != "id" or getattr(left, "table", None) is None:
            continue
        if getattr(left.table, "name", None) != table.name:
            continue
        if not isinstance(right, BindParameter):
            return None  # e.g. id IN (SELECT ...)
        if clause.operator in (operators.in_op, operators.eq):
            if right.key in (rows[0] if rows else {}):
                found: list[Any] = []
                for row in rows:
                    value = row[right.key]
                    found.extend(value if isinstance(value, list | tuple) else [value])
                return frozenset(str(v) for v in found)
            value = right.effective_value
            if value is None:
                return None
            values = value if isinstance(value, list | tuple) else [value]
            return frozenset(str(v) for v in values)
    return None
