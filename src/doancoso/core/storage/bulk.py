"""Helpers for building large collections of plain values, and writing many rows, quickly."""

from __future__ import annotations

import contextlib
import gc
import threading
import traceback
from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while building large collections of plain values.

    Loading 100,000 roster rows or previewing a 10,000-row sheet makes hundreds of thousands of
    tuples, strings, lists and dates, none of which can hold a cycle; the collector would walk
    them again and again for nothing (a third of the roster load, a tenth of a preview).

    When the block raises (a preview cancelled with "Hủy"), what it built is let go before the
    collector runs again: it is garbage, held only by the frames of the exception's traceback,
    and the collector would walk it all once more first (0.1-0.5 s after a Hủy among 100,000
    rows, which the wizard waited for). The frames keep their code and line numbers.
    """
    global _pauses
    collecting = gc.isenabled()
    gc.disable()
    with _pauses_lock:
        _pauses += 1
    try:
        yield
    except BaseException as exc:
        traceback.clear_frames(exc.__traceback__)
        raise
    finally:
        with _pauses_lock:
            _pauses -= 1
        if collecting:
            gc.enable()


_pauses = 0
_pauses_lock = threading.Lock()


def gc_paused() -> bool:
    """Whether a :func:`paused_gc` block runs on some thread: the GUI's own collection
    (``ui/shell/collector.py``, which runs while the automatic one is off) waits for its end."""
    return _pauses > 0


LARGE_CACHE_KIB = 64 * 1024
"""SQLite's page cache while one transaction writes a great many rows (a bundle's import): 64 MiB
instead of its default 2 MiB, so that the tables' indexes, filled in the random order of their
ids, stay in memory rather than go back and forth to the disk (measured, the 100,000-member
handover's import: 15–16 s → 13 s, peak memory 131 → 205 MB; 128 MiB was no faster)."""


@contextlib.contextmanager
def large_page_cache(session: Session) -> Iterator[None]:
    """Give the connection of ``session`` (in a transaction) :data:`LARGE_CACHE_KIB` of page
    cache while the block runs, then its own size again (before the commit: a smaller cache never
    loses a page that is still to be written, it only lets SQLite free the others)."""
    connection = session.connection()
    (size,) = connection.exec_driver_sql("PRAGMA cache_size").one()
    connection.exec_driver_sql(f"PRAGMA cache_size = -{LARGE_CACHE_KIB}")
    try:
        yield
    finally:
        with contextlib.suppress(Exception):  # a broken connection: its own error is raised
            connection.exec_driver_sql(f"PRAGMA cache_size = {int(size)}")


@contextlib.contextmanager
def indexes_made_after(session: Session, table: str) -> Iterator[None]:
    """Fill ``table`` (empty, in the transaction of ``session``) without its indexes, then make
    them again from the filled table, as they were and in the same order: SQLite sorts the rows
    once for each index instead of inserting every row into every index in the random order
    of its values (ids are random: most of a large import's time went there). Its primary key
    stays, so that the foreign keys of the rows inserted meanwhile are still checked as they
    come; a unique index checks its rows when it is made (an ``IntegrityError`` then, as an
    insert would have raised). An error in the block leaves the indexes dropped: the caller
    rolls the transaction back, which makes them again (SQLite's schema changes are part of a
    transaction, begun here if no write has begun it yet). Nothing is done but on SQLite."""
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        yield
        return
    dbapi = connection.connection.dbapi_connection
    if not getattr(dbapi, "in_transaction", True):  # pysqlite begins only before a write:
        connection.exec_driver_sql("BEGIN")  # a DROP INDEX would otherwise be committed at once
    found = connection.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ?"
        " AND sql IS NOT NULL ORDER BY rowid",  # not the primary key's (it has no SQL)
        (table,),
    ).all()
    for name, _ in found:
        connection.exec_driver_sql(f'DROP INDEX "{name}"')
    yield
    for _, sql in found:
        connection.exec_driver_sql(sql)
