"""Migration 0010 (exchange state of bundles): a database at 0009 is backed up, then upgraded
with every row kept and two empty exchange tables; the schema is a new database's."""

from __future__ import annotations

from pathlib import Path

from doancoso.core.storage.db import head_revision
from doancoso.core.workspace import DATABASE_FILE, Workspace
from schema_rows import copied, query, schema, table_rows

SCHEMA_0009 = Path(__file__).resolve().parents[2] / "fixtures" / "schema-0009.sqlite"
OLD_TABLES = (
    "organizations", "branches", "members", "member_events", "youths", "app_meta", "plans",
    "plan_targets", "activity_kinds", "activities", "occurrences", "attendance", "minutes",
    "evidence_files", "settings", "rating_rounds", "ratings", "branch_ratings",
    "criteria_templates", "checklists", "checklist_answers", "advice_records",
    "coordination_records",
)  # fmt: skip


def test_upgrade_from_0009_keeps_every_row_and_adds_empty_exchange_tables(tmp_path: Path) -> None:
    target = copied(SCHEMA_0009, tmp_path / "old")
    before = {t: table_rows(target, t) for t in OLD_TABLES}
    assert before["checklist_answers"] and before["advice_records"]
    assert before["coordination_records"] and len(before["evidence_files"]) == 2
    with Workspace.open(target.parent) as ws:
        assert ws.db.current_revision() == head_revision()
        after = {t: table_rows(target, t) for t in OLD_TABLES}
        assert after == before
        assert query(target, "SELECT count(*) FROM exchange_rows") == [(0,)]
        assert query(target, "SELECT count(*) FROM exchange_peers") == [(0,)]
        assert ws.recognition.view(2025).readiness() == (1, 14)
    backups = list((target.parent / "backups").glob("*.sqlite"))
    assert [query(b, "SELECT version_num FROM alembic_version") for b in backups] == [[("0009",)]]


def test_new_and_upgraded_0010_databases_have_the_same_schema(tmp_path: Path) -> None:
    old = copied(SCHEMA_0009, tmp_path / "old")
    Workspace.open(old.parent).close()
    Workspace.open(tmp_path / "new").close()
    assert schema(old) == schema(tmp_path / "new" / DATABASE_FILE)
