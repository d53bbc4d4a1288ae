"""What a data folder holds, for the tests asserting that a refused action changed nothing:
every row of every table of its database (every column, read with SQLite itself, not through the
app), the bytes of every file of its evidence store (temporary files included) and the names of
its backups."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any


def database_rows(database: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table of ``database``, each table's rows in a stable order."""
    conn = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        tables = [
            name
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        return {
            table: sorted(
                (tuple(row) for row in conn.execute(f'SELECT * FROM "{table}"')), key=repr
            )
            for table in tables
        }
    finally:
        conn.close()


def folder_files(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (relative path) with its bytes ({} when there is none)."""
    if not folder.is_dir():
        return {}
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def data_state(folder: Path) -> dict[str, Any]:
    """The database's rows, the evidence store's files and the backups' names of the data
    folder ``folder`` (a workspace on it closed, or between two of its transactions)."""
    backups = folder / "backups"
    return {
        "rows": database_rows(folder / "doancoso.sqlite"),
        "evidence": folder_files(folder / "evidence"),
        "backups": sorted(p.name for p in backups.iterdir()) if backups.is_dir() else [],
    }
