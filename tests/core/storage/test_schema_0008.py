"""Migration 0008 (the rating, settings that travel): a database at 0007 is backed up, then
upgraded with every row of the roster and the calendar kept; the upgraded organisation can open
a rating round at once; the schema is a new database's."""

from __future__ import annotations

from pathlib import Path

from doancoso.core.storage.db import head_revision
from doancoso.core.workspace import DATABASE_FILE, Workspace
from schema_rows import copied, query, schema, table_rows

SCHEMA_0007 = Path(__file__).resolve().parents[2] / "fixtures" / "schema-0007.sqlite"
OLD_TABLES = (
    "organizations", "branches", "members", "member_events", "youths", "app_meta", "plans",
    "plan_targets", "activity_kinds", "activities", "occurrences", "attendance", "minutes",
    "evidence_files",
)  # fmt: skip


def test_upgrade_from_0007_keeps_the_calendar_and_rates_at_once(tmp_path: Path) -> None:
    target = copied(SCHEMA_0007, tmp_path / "old")
    before = {t: table_rows(target, t) for t in OLD_TABLES}
    assert before["attendance"] and before["occurrences"] and before["evidence_files"]
    with Workspace.open(target.parent) as ws:
        assert ws.db.current_revision() == head_revision()
        after = {t: table_rows(target, t) for t in OLD_TABLES}
        assert after == before
        rows = ws.rating.rows(2025)
        assert rows and {r.expected for r in rows if r.eligible} >= {2}
        ws.rating.set(2025, rows[0].member_id, {"decided_level": "2"})
        assert ws.rating.rows(2025)[0].decided_level == 2
    backups = list((target.parent / "backups").glob("*.sqlite"))
    assert [query(b, "SELECT version_num FROM alembic_version") for b in backups] == [[("0007",)]]


def test_new_and_upgraded_databases_have_the_same_schema(tmp_path: Path) -> None:
    old = copied(SCHEMA_0007, tmp_path / "old")
    Workspace.open(old.parent).close()
    Workspace.open(tmp_path / "new").close()
    assert schema(old) == schema(tmp_path / "new" / DATABASE_FILE)
