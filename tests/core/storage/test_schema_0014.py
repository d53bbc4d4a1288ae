"""Migration 0014 (a member's months of sick leave and unpaid dues in a round): a database at
0013 is backed up, then upgraded with every row kept and the two facts empty; its rounds and
the organisation's rules, written before the rules of sick leave and dues, still read (neither
rule applied); the facts can be stored at once; the schema is a new database's."""

from __future__ import annotations

from pathlib import Path

from doancoso.core.storage.db import head_revision
from doancoso.core.workspace import DATABASE_FILE, Workspace
from schema_rows import columns, copied, query, schema, table_rows

SCHEMA_0013 = Path(__file__).resolve().parents[2] / "fixtures" / "schema-0013.sqlite"
OLD_TABLES = (
    "organizations", "branches", "members", "member_events", "youths", "plans", "plan_targets",
    "activity_kinds", "activities", "occurrences", "attendance", "minutes", "evidence_files",
    "settings", "rating_rounds", "branch_ratings", "criteria_templates", "checklists",
    "checklist_answers", "advice_records", "coordination_records", "exchange_rows",
    "exchange_peers", "exchange_bases",
)  # fmt: skip


def test_upgrade_from_0013_keeps_every_rating_and_adds_empty_facts(tmp_path: Path) -> None:
    target = copied(SCHEMA_0013, tmp_path / "old")
    before = {t: table_rows(target, t) for t in OLD_TABLES}
    ratings = query(target, "SELECT * FROM ratings ORDER BY id")
    assert len(ratings) == 8 and before["settings"]
    with Workspace.open(target.parent) as ws:
        assert ws.db.current_revision() == head_revision()
        assert {t: table_rows(target, t) for t in OLD_TABLES} == before
        # each rating as it was, the two new columns last and empty
        assert query(target, "SELECT * FROM ratings ORDER BY id") == [
            (*r, None, None) for r in ratings
        ]
        assert [c[1] for c in columns(target, "ratings")][-2:] == ["sick_months", "dues_unpaid"]
        rules = ws.rating.rules()  # the organisation's own, from before the new rules
        assert rules.thresholds == (90.0, 70.0, 45.0)
        assert (rules.sick_leave_cap, rules.unpaid_dues_cap) == (None, None)
        closed = ws.rating.round(2025)
        assert closed is not None and closed.closed and closed.rules.sick_leave_cap is None
        rated = next(r for r in ws.rating.rows(2026) if r.participation_entered)
        assert (rated.sick_months, rated.dues_unpaid, rated.remark) == (None, None, "Tích cực.")
        ws.rating.set(2026, rated.member_id, {"sick_months": "5", "dues_unpaid": "có"})
        again = next(r for r in ws.rating.rows(2026) if r.member_id == rated.member_id)
        assert (again.sick_months, again.dues_unpaid, again.suggested) == (5, True, rated.suggested)
    backups = list((target.parent / "backups").glob("*.sqlite"))
    assert [query(b, "SELECT version_num FROM alembic_version") for b in backups] == [[("0013",)]]


def test_new_and_upgraded_0014_databases_have_the_same_schema(tmp_path: Path) -> None:
    old = copied(SCHEMA_0013, tmp_path / "old")
    Workspace.open(old.parent).close()
    Workspace.open(tmp_path / "new").close()
    assert schema(old) == schema(tmp_path / "new" / DATABASE_FILE)
