"""Migration 0007 (plans, the calendar, attendance, evidence): a database at 0006 is backed up,
then upgraded with every row and value kept, the organisation's new setting off, the new tables
empty and ready: the upgraded organisation gets a plan, an activity and its attendance; the
schema is a new database's."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from doancoso.core.storage.db import head_revision
from doancoso.core.workspace import DATABASE_FILE, Workspace
from schema_rows import copied, query, schema, table_rows

SCHEMA_0006 = Path(__file__).resolve().parents[2] / "fixtures" / "schema-0006.sqlite"
OLD_TABLES = ("organizations", "branches", "members", "member_events", "youths", "app_meta")
NEW_TABLES = (
    "plans", "plan_targets", "activity_kinds", "activities", "occurrences", "attendance",
    "minutes", "evidence_files",
)  # fmt: skip


def _rows(path: Path, tables: tuple[str, ...]) -> dict[str, list[tuple[object, ...]]]:
    return {t: table_rows(path, t) for t in tables}


def test_upgrade_from_0006_keeps_every_row_and_adds_empty_calendar_tables(tmp_path: Path) -> None:
    target = copied(SCHEMA_0006, tmp_path / "old")
    before = _rows(target, OLD_TABLES)
    assert not {t for (t,) in query(target, "SELECT name FROM sqlite_master")} & set(NEW_TABLES)
    with Workspace.open(target.parent) as ws:
        assert ws.db.current_revision() == head_revision()
        after = _rows(target, OLD_TABLES)
        assert after["organizations"] == [(*row, 0) for row in before["organizations"]]
        assert {t: r for t, r in after.items() if t != "organizations"} == {
            t: r for t, r in before.items() if t != "organizations"
        }
        assert all(query(target, f"SELECT count(*) FROM {t}") == [(0,)] for t in NEW_TABLES)

        ws.plans.create(2025, number="07-KH/ĐTN")
        kinds = ws.activities.kind_names()
        raw = {"text": "Kết nạp 5 đoàn viên mới", "planned": "5", "measure": "admissions"}
        target_id = ws.plans.add_target(2025, raw, kinds)
        activity_id, count = ws.activities.save(
            {"title": "Sinh hoạt chi đoàn tháng 3", "kind": "sinh-hoat",
             "start_date": "15/03/2025", "target_ids": [target_id]}
        )  # fmt: skip
        assert count == 1
        (occ,) = ws.activities.occurrences(dt.date(2025, 3, 1), dt.date(2025, 3, 31))
        sheet = ws.attendance.sheet(occ.id)
        assert sheet  # the upgraded roster is expected
        ws.attendance.save(occ.id, {row.member_id: ("present", None) for row in sheet})
        rates = {r.member_id: r.rate for r in ws.participation.year(2025)}
        assert {rates[row.member_id] for row in sheet} == {1.0}
    backups = list((target.parent / "backups").glob("*.sqlite"))
    assert len(backups) == 1
    assert query(backups[0], "SELECT version_num FROM alembic_version") == [("0006",)]


def test_new_and_upgraded_databases_have_the_same_schema(tmp_path: Path) -> None:
    old = copied(SCHEMA_0006, tmp_path / "old")
    Workspace.open(old.parent).close()
    Workspace.open(tmp_path / "new").close()
    assert schema(old) == schema(tmp_path / "new" / DATABASE_FILE)
