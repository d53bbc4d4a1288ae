"""What the migration tests compare before and after an upgrade: the rows of a table, the schema
as SQLite stores it; and an old database file copied into a data folder to upgrade."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from doancoso.core.storage.folder import DATABASE_FILE

DERIVED_KEYS = ("sort_key",)
"""Left out: the name keys are derived from the names and recomputed by migration 0011 when the
collation changed (tests/core/storage/test_schema_0011.py tests that)."""
LATER_COLUMNS = ("sick_months", "dues_unpaid")
"""Left out: the ratings' columns migration 0014 appends, empty after an upgrade, so that the
tests of earlier migrations compare a table's rows as they were (test_schema_0014.py checks
them)."""


def table_rows(path: Path, table: str) -> list[tuple[object, ...]]:
    """Every row of ``table`` but its derived keys and :data:`LATER_COLUMNS`, in a stable
    order."""
    conn = sqlite3.connect(path)
    try:
        columns = [c[1] for c in conn.execute(f"PRAGMA table_info({table})")]
        shown = ", ".join(f'"{c}"' for c in columns if c not in (*DERIVED_KEYS, *LATER_COLUMNS))
        return sorted((tuple(r) for r in conn.execute(f"SELECT {shown} FROM {table}")), key=repr)
    finally:
        conn.close()


def query(path: Path, sql: str) -> list[tuple[object, ...]]:
    """The rows ``sql`` reads from the database file ``path``, as tuples."""
    conn = sqlite3.connect(path)
    try:
        return [tuple(r) for r in conn.execute(sql)]
    finally:
        conn.close()


def columns(path: Path, table: str) -> list[tuple[object, ...]]:
    """SQLite's ``PRAGMA table_info`` of ``table``: a row per column."""
    return query(path, f"PRAGMA table_info({table})")


def schema(path: Path) -> list[tuple[object, ...]]:
    """Every table and index as SQLite stores its definition, whitespace aside (ALTER TABLE ADD
    COLUMN writes the new column on the line of the one before it)."""
    return sorted(
        (kind, name, " ".join(str(sql).split()))
        for kind, name, sql in query(
            path,
            "SELECT type, name, coalesce(sql, '') FROM sqlite_master"
            " WHERE name != 'alembic_version'",
        )
    )


def copied(fixture: Path, data_dir: Path) -> Path:
    """The database file ``fixture`` copied into a new data folder ``data_dir``: the copy."""
    data_dir.mkdir(parents=True)
    target = data_dir / DATABASE_FILE
    shutil.copyfile(fixture, target)
    return target
