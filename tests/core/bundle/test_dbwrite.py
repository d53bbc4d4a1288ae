"""The import's bulk writes (dbwrite.py) store values exactly as the app's own writes do."""

from __future__ import annotations

import contextlib
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Date, DateTime
from sqlalchemy.dialects import sqlite

from bundle_sync import carry
from doancoso.core.bundle.dbwrite import _dates, _datetimes
from doancoso.core.bundle.rows import travelling_tables
from doancoso.core.workspace import DATABASE_FILE, Workspace


def _stored(folder: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every travelling table as SQLite holds it (text, numbers), by id."""
    with contextlib.closing(sqlite3.connect(folder / DATABASE_FILE)) as conn:
        return {
            t: conn.execute(f"SELECT * FROM {t} ORDER BY id").fetchall()
            for t in travelling_tables()
        }


def test_a_handover_stores_every_value_as_the_app_stored_it(
    home: Workspace, tmp_path: Path
) -> None:
    with Workspace.open(tmp_path / "fresh") as fresh:
        carry(home, fresh)
        assert _stored(fresh.data_dir) == _stored(home.data_dir)
        assert len(_stored(fresh.data_dir)["members"]) == 40


@pytest.mark.parametrize(
    "value",
    [
        "2026-12-04T10:00:00",
        "2026-12-04T10:00:00.123456",
        "2026-12-04 10:00:00",
        "2026-12-04T10:00:00+07:00",
        "2026-12-04T10:00:00.123+07",
        "2026-12-04T10:00",
        "2026-12-04T10:00:00.123",
        "2026-12-04T10:00:00.123456+00:00",
        "2026-12-04T10:00:00.12345Z",
        "2026-12-04T10:00:00.1+0700",
        "2026-W49-5T10:00:00.123456",  # a week date: the 4th of December
        "2026-W49-5T10:00:00",
    ],
)
def test_dates_and_times_are_stored_as_sqlalchemy_stores_them(value: str) -> None:
    process = DateTime()._cached_bind_processor(sqlite.dialect())
    assert process is not None
    stored = process(datetime.fromisoformat(value))
    assert _datetimes(process)([value, None]) == [stored, None]
    # Among a column of the common form, as alone.
    column = ["2026-12-04T09:00:00.000001"] * 3 + [None, value, "2026-12-04T09:00:00.000002"]
    assert _datetimes(process)(column) == [
        None if v is None else process(datetime.fromisoformat(v)) for v in column
    ]


@pytest.mark.parametrize("value", ["2026-12-04", "2026-W49-5"])
def test_dates_are_stored_as_sqlalchemy_stores_them(value: str) -> None:
    process = Date()._cached_bind_processor(sqlite.dialect())
    assert process is not None
    column = [None, "2026-12-03", value, "2026-12-05"]
    assert _dates(process)(column) == [None, "2026-12-03", "2026-12-04", "2026-12-05"]
