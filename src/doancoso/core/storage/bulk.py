"""Helpers for building large collections of plain values, and writing many rows, quickly."""

from __future__ import annotations

import contextlib
import gc
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
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


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
