"""The rows of a table as the migration tests compare them before and after an upgrade."""

from __future__ import annotations

import sqlite3
from pathlib import Path

DERIVED_KEYS = ("sort_key",)
"""Left out: the name keys are derived from the names and recomputed by migration 0011 when the
collation changed (tests/core/storage/test_schema_0011.py tests that)."""


def table_rows(path: Path, table: str) -> list[tuple[object, ...]]:
    """Every row of ``table`` but its derived keys, in a stable order."""
    conn = sqlite3.connect(path)
    try:
        columns = [c[1] for c in conn.execute(f"PRAGMA table_info({table})")]
        shown = ", ".join(f'"{c}"' for c in columns if c not in DERIVED_KEYS)
        return sorted((tuple(r) for r in conn.execute(f"SELECT {shown} FROM {table}")), key=repr)
    finally:
        conn.close()
