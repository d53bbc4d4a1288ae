"""Migration 0002 (member events, youth register): a database at 0001 is upgraded with its data
intact, gets the same new tables as a new database, and the new services work on it."""

from __future__ import annotations

import re
import sqlite3
from datetime import date
from pathlib import Path

from doancoso.core.roster.service import MemberFilter
from doancoso.core.storage.db import head_revision
from doancoso.core.workspace import DATABASE_FILE, Workspace
from schema_rows import DERIVED_KEYS, copied

SCHEMA_0001 = Path(__file__).resolve().parents[2] / "fixtures" / "schema-0001.sqlite"
NEW_TABLES = ("member_events", "youths")
OLD_TABLES = ("organizations", "branches", "members")


def _rows(path: Path, table: str) -> list[tuple[object, ...]]:
    """The rows of ``table``, in the columns it had at 0001 (later migrations add some), but
    the derived name keys (0011 recomputes them: tests/schema_rows.py)."""
    conn = sqlite3.connect(SCHEMA_0001)
    try:
        columns = ", ".join(
            r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[1] not in DERIVED_KEYS
        )
    finally:
        conn.close()
    conn = sqlite3.connect(path)
    try:
        return sorted(conn.execute(f"SELECT {columns or '*'} FROM {table}"), key=repr)
    finally:
        conn.close()


def _schema(path: Path, tables: tuple[str, ...]) -> dict[str, tuple[object, ...]]:
    """Columns, foreign keys and indexes of ``tables`` as SQLite reports them."""
    conn = sqlite3.connect(path)
    try:
        shape: dict[str, tuple[object, ...]] = {}
        for table in tables:
            columns = [tuple(r[1:]) for r in conn.execute(f"PRAGMA table_info({table})")]
            fks = sorted(tuple(r[2:5]) for r in conn.execute(f"PRAGMA foreign_key_list({table})"))
            indexes = sorted(
                (name, unique, tuple(c[2] for c in conn.execute(f"PRAGMA index_info('{name}')")))
                for _, name, unique, *_ in conn.execute(f"PRAGMA index_list({table})")
            )
            (sql,) = conn.execute(
                "SELECT sql FROM sqlite_master WHERE name = ?", (table,)
            ).fetchone()
            constraints = sorted(re.findall(r"CONSTRAINT (\w+)", sql))
            shape[table] = (columns, fks, indexes, constraints)
        return shape
    finally:
        conn.close()


def test_upgrade_from_0001_adds_the_tables_and_keeps_the_data(tmp_path: Path) -> None:
    target = copied(SCHEMA_0001, tmp_path / "old")
    before = {table: _rows(target, table) for table in OLD_TABLES}
    with Workspace.open(target.parent) as ws:
        assert ws.db.current_revision() == head_revision()
        names = {n for (n,) in sqlite3.connect(target).execute("SELECT name FROM sqlite_master")}
        assert set(NEW_TABLES) <= names
        assert {
            "ix_member_events_member",
            "ix_member_events_org_kind",
            "ix_youths_org_sort",
        } <= names
        assert {table: _rows(target, table) for table in OLD_TABLES} == before
        # The new services work on the old members.
        member_id = ws.members.ids(MemberFilter(search="dat"))[0]
        ws.events.record(member_id, "transfer_out", date(2025, 1, 2), other_organization="Đoàn X")
        assert ws.members.get(member_id).fields.status == "transferred_out"
        youth_id = ws.youth.save({"full_name": "Lâm Văn Tư", "birth_date": "01/01/2008"})
        assert ws.youth.ids() == [youth_id]
        assert ws.statistics.roster(date(2025, 6, 1)).all_members == len(ws.members.ids())
    backups = list((target.parent / "backups").glob("truoc-nang-cap-0001-*.sqlite"))
    assert len(backups) == 1


def test_new_and_upgraded_databases_have_the_same_new_tables(tmp_path: Path) -> None:
    old = copied(SCHEMA_0001, tmp_path / "old")
    Workspace.open(old.parent).close()
    Workspace.open(tmp_path / "new").close()
    new = tmp_path / "new" / DATABASE_FILE
    assert _schema(old, NEW_TABLES + OLD_TABLES) == _schema(new, NEW_TABLES + OLD_TABLES)
    *_, constraints = _schema(new, ("member_events",))["member_events"]
    assert constraints == [  # named by the models' naming convention
        "fk_member_events_introducer_id_members",
        "fk_member_events_member_id_members",
        "fk_member_events_organization_id_organizations",
        "pk_member_events",
    ]
