"""Migration 0003 (the statistics index): a database at 0002 is upgraded with every row intact,
ends with the same schema as a new database, and its statistics are those of its roster."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from doancoso.core.storage.db import head_revision
from doancoso.core.workspace import DATABASE_FILE, Workspace
from schema_rows import DERIVED_KEYS, copied, schema

SCHEMA_0002 = Path(__file__).resolve().parents[2] / "fixtures" / "schema-0002.sqlite"
TABLES = ("organizations", "branches", "members", "member_events", "youths")


def _rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of ``TABLES``, in the columns they had at 0002 (later migrations add some),
    but the derived name keys (0011 recomputes them: tests/schema_rows.py)."""
    conn = sqlite3.connect(SCHEMA_0002)
    try:
        columns = {
            t: ", ".join(
                r[1] for r in conn.execute(f"PRAGMA table_info({t})") if r[1] not in DERIVED_KEYS
            )
            for t in TABLES
        }
    finally:
        conn.close()
    conn = sqlite3.connect(path)
    try:
        return {t: sorted(conn.execute(f"SELECT {columns[t]} FROM {t}"), key=repr) for t in TABLES}
    finally:
        conn.close()


def test_upgrade_from_0002_adds_the_index_and_keeps_every_row(tmp_path: Path) -> None:
    target = copied(SCHEMA_0002, tmp_path / "old")
    before = _rows(target)
    assert "ix_members_org_stats" not in {name for _, name, _ in schema(target)}
    with Workspace.open(target.parent) as ws:
        assert ws.db.current_revision() == head_revision()
        assert "ix_members_org_stats" in {name for _, name, _ in schema(target)}
        assert _rows(target) == before
        stats = ws.statistics.roster(date(2025, 6, 15))
    # Đạt, Ân, Tư active and Sa Rây temporary; Thuỷ transferred out; Hòa deleted.
    assert (stats.total, stats.all_members) == (4, 5)
    assert stats.by_branch == {"Chi đoàn ấp Cái Rắn": 3, "Chi đoàn ấp Tân Long": 1}
    assert stats.by_gender == {"Nam": 3, "Nữ": 1}
    # Ân (born 2003, year only) 22, Sa Rây (29/02/2004) 21, Đạt 24 | Tư 16.
    assert stats.by_age_band == {"16–18": 1, "19–24": 3, "25–30": 0, "Ngoài độ tuổi": 0}
    assert (stats.admissions, stats.departures_total, stats.youth_total) == (1, 1, 2)
    backups = list((target.parent / "backups").glob("truoc-nang-cap-0002-*.sqlite"))
    assert len(backups) == 1


def test_new_and_upgraded_databases_have_the_same_schema(tmp_path: Path) -> None:
    old = copied(SCHEMA_0002, tmp_path / "old")
    Workspace.open(old.parent).close()
    Workspace.open(tmp_path / "new").close()
    assert schema(old) == schema(tmp_path / "new" / DATABASE_FILE)
