"""The bases of the three-way merge: a travelling row's content at a version agreed with a peer.

When this installation changes a row (a session without ``keep_revisions``: not a bundle's
import) while the row is still at a version it agreed with some peer at their last exchange
(``exchange_rows``), the row's content at that version is copied into ``exchange_bases``, once:
an existing base at that version is kept. That version is the common ancestor both copies hold
until they exchange again, so the next merge of a row changed on both sides can tell which side
changed each field (``bundle/threeway.py``). :mod:`.tracking` calls :func:`keep` before each
flush (the objects changed, read from the database before it writes them) and before each bulk
UPDATE whose rows it can name (their ids, or the statement's own WHERE). A write whose rows
cannot be known (``exec_driver_sql``) keeps no base: the merge of such a row is then field by
field as without bases.

The copy is one ``INSERT … SELECT`` per table and statement, the content built by the database
(``json_object``: each column as stored, turned into its bundle form when read back). An
installation that never imported a bundle has no agreed version: one look at
``exchange_peers`` per transaction, then nothing. :func:`forget_unagreed` (the end of each
import) deletes the bases of versions no peer still agrees on, but a row's current version:
an import that resolves a conflict into a new version of this installation keeps the row's
content at that version and at the bundle's (:func:`keep_current`, ``bundle/threeway.py``), the
versions both copies will hold once the peer takes the resolution.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy import ColumnElement, Table
    from sqlalchemy.orm import Session

HAS_PEERS = "doancoso_has_peers"
"""Key in ``Session.info``: whether this installation agreed versions with any peer (looked up
once per transaction)."""
_CHUNK = 500
_PAIRS = 60
"""Columns per ``json_object`` call (SQLite allows 127 arguments in older builds): a wider
table joins several with ``json_patch``."""


def agreed_with_anyone(session: Session) -> bool:
    """Whether any peer agreed versions with this installation (cached for the transaction)."""
    found: bool | None = session.info.get(HAS_PEERS)
    if found is None:
        connection = session.connection()
        row = connection.exec_driver_sql("SELECT 1 FROM exchange_peers LIMIT 1").first()
        found = session.info[HAS_PEERS] = row is not None
    return found


def keep(
    session: Session,
    table: Table,
    ids: Iterable[str] | None = None,
    where: ColumnElement[bool] | None = None,
) -> None:
    """Copy the content of the rows of ``table`` that are at a version agreed with a peer into
    ``exchange_bases`` (an existing base kept): the rows ``ids`` names, or those ``where``
    selects."""
    if not agreed_with_anyone(session):
        return
    if ids is not None:
        listed = list(ids)
        statement = _by_ids(session, table, agreed=True)
        for start in range(0, len(listed), _CHUNK):
            session.connection().execute(statement, {"ids": listed[start : start + _CHUNK]})
    elif where is not None:
        session.connection().execute(_copy(session, table, where))


def _copy(
    session: Session, table: Table, condition: ColumnElement[bool], *, agreed: bool = True
) -> Any:
    from sqlalchemy import and_, exists, func, literal, literal_column, select

    from .models import ExchangeBase, ExchangePeer, ExchangeRow

    peers, rows_agreed = ExchangePeer.__table__, ExchangeRow.__table__
    # Each (few) peer, then the exchange state's primary key: (peer, table_name, row_id).
    at_agreed_version = exists(
        select(literal(1))
        .select_from(rows_agreed)
        .where(
            rows_agreed.c.peer.in_(select(peers.c.peer)),
            rows_agreed.c.table_name == table.name,
            rows_agreed.c.row_id == table.c.id,
            rows_agreed.c.agreed_revision == table.c.revision,
            rows_agreed.c.agreed_updated_at == table.c.updated_at,
            rows_agreed.c.agreed_origin == table.c.origin,
        )
    )
    dialect = session.connection().dialect.name
    build = func.json_build_object if dialect == "postgresql" else func.json_object
    columns = [c for c in table.c if c.name != "id"]
    parts = []
    for i in range(0, len(columns), _PAIRS):
        pairs: list[Any] = []
        for column in columns[i : i + _PAIRS]:
            pairs += [literal_column(f"'{column.name}'"), column]
        parts.append(build(*pairs))
    content = parts[0]
    for part in parts[1:]:
        content = func.json_patch(content, part)
    rows = select(
        literal(table.name), table.c.id, table.c.revision, table.c.updated_at, table.c.origin,
        content,
    ).where(and_(condition, at_agreed_version) if agreed else condition)  # fmt: skip
    names = ["table_name", "row_id", "base_revision", "base_updated_at", "base_origin", "content"]
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as postgresql_insert

        return postgresql_insert(ExchangeBase).from_select(names, rows).on_conflict_do_nothing()
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert(ExchangeBase).from_select(names, rows).on_conflict_do_nothing()


def keep_current(session: Session, table: Table, ids: Iterable[str]) -> None:
    """Copy the content of the rows ``ids`` of ``table`` at their current version, agreed or
    not: a resolution an import just wrote, which the peer will hold once it takes it."""
    listed = list(ids)
    statement = _by_ids(session, table, agreed=False)
    for start in range(0, len(listed), _CHUNK):
        session.connection().execute(statement, {"ids": listed[start : start + _CHUNK]})


_STATEMENTS: dict[tuple[str, str, bool], Any] = {}
"""The copy by ids of each table, made once (making it costs more than running it)."""


def _by_ids(session: Session, table: Table, *, agreed: bool) -> Any:
    from sqlalchemy import bindparam

    key = (session.connection().dialect.name, table.name, agreed)
    statement = _STATEMENTS.get(key)
    if statement is None:
        ids = table.c.id.in_(bindparam("ids", expanding=True))
        statement = _STATEMENTS[key] = _copy(session, table, ids, agreed=agreed)
    return statement


def forget_unagreed(session: Session) -> None:
    """Delete the bases of versions no peer agrees on any more (the end of an import), except
    a row's current version (a resolution the peer has not taken yet: see ``keep_current``)."""
    from .models import Base
    from .tracking import is_travelling

    connection = session.connection()
    if connection.exec_driver_sql("SELECT 1 FROM exchange_bases LIMIT 1").first() is None:
        return
    for table in Base.metadata.sorted_tables:
        if not is_travelling(table):
            continue
        name = table.name
        connection.exec_driver_sql(
            "DELETE FROM exchange_bases WHERE table_name = ? AND NOT EXISTS (SELECT 1"
            " FROM exchange_rows e WHERE e.peer IN (SELECT peer FROM exchange_peers)"
            " AND e.table_name = exchange_bases.table_name AND e.row_id = exchange_bases.row_id"
            " AND e.agreed_revision = exchange_bases.base_revision"
            " AND e.agreed_updated_at = exchange_bases.base_updated_at"
            " AND e.agreed_origin = exchange_bases.base_origin)"
            f" AND NOT EXISTS (SELECT 1 FROM {name} t WHERE t.id = exchange_bases.row_id"
            " AND t.revision = exchange_bases.base_revision"
            " AND t.updated_at = exchange_bases.base_updated_at"
            " AND t.origin = exchange_bases.base_origin)",
            (name,),
        )
