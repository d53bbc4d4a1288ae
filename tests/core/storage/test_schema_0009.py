"""Migration 0009 (the checklist, criteria templates, advice and coordination): a database at
0008 is backed up, then upgraded with every row of the roster, the calendar and the closed
rating round kept; the upgraded organisation fills its checklist at once; the schema is a new
database's."""

from __future__ import annotations

from pathlib import Path

from doancoso.core.storage.db import head_revision
from doancoso.core.workspace import DATABASE_FILE, Workspace
from schema_rows import copied, query, schema, table_rows

SCHEMA_0008 = Path(__file__).resolve().parents[2] / "fixtures" / "schema-0008.sqlite"
OLD_TABLES = (
    "organizations", "branches", "members", "member_events", "youths", "app_meta", "plans",
    "plan_targets", "activity_kinds", "activities", "occurrences", "attendance", "minutes",
    "evidence_files", "settings", "rating_rounds", "ratings", "branch_ratings",
)  # fmt: skip


def test_upgrade_from_0008_keeps_the_rating_and_opens_a_checklist(tmp_path: Path) -> None:
    target = copied(SCHEMA_0008, tmp_path / "old")
    before = {t: table_rows(target, t) for t in OLD_TABLES}
    assert before["attendance"] and before["occurrences"] and before["evidence_files"]
    with Workspace.open(target.parent) as ws:
        assert ws.db.current_revision() == head_revision()
        after = {t: table_rows(target, t) for t in OLD_TABLES}
        assert after == before
        assert ws.rating.round(2025).closed  # type: ignore[union-attr]
        assert ws.rating.rules().thresholds == (90.0, 70.0, 45.0)  # the organisation's own
        ws.recognition.set(2025, "2.3", {"status": "Đạt"})
        view = ws.recognition.view(2025)
        assert view.readiness() == (1, 14)
    backups = list((target.parent / "backups").glob("*.sqlite"))
    assert [query(b, "SELECT version_num FROM alembic_version") for b in backups] == [[("0008",)]]


def test_new_and_upgraded_databases_have_the_same_schema(tmp_path: Path) -> None:
    old = copied(SCHEMA_0008, tmp_path / "old")
    Workspace.open(old.parent).close()
    Workspace.open(tmp_path / "new").close()
    assert schema(old) == schema(tmp_path / "new" / DATABASE_FILE)
