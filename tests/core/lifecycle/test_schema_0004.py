"""Migration 0004 (the organisation's coming-of-age age): a database at 0003 is backed up, then
upgraded with every row intact; its organisation comes of age at 30, like before; its schema is
a new database's."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from doancoso.core.storage.db import head_revision
from doancoso.core.workspace import DATABASE_FILE, Workspace
from schema_rows import columns, copied, schema, table_rows

SCHEMA_0003 = Path(__file__).resolve().parents[2] / "fixtures" / "schema-0003.sqlite"
TABLES = ("organizations", "branches", "members", "member_events", "youths", "app_meta")


def _rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    return {t: table_rows(path, t) for t in TABLES}


def test_upgrade_from_0003_keeps_every_row_and_the_organisation_comes_of_age_at_30(
    tmp_path: Path,
) -> None:
    target = copied(SCHEMA_0003, tmp_path / "old")
    before = _rows(target)
    assert "coming_of_age" not in [c[1] for c in columns(target, "organizations")]
    with Workspace.open(target.parent) as ws:
        assert ws.db.current_revision() == head_revision()
        after = _rows(target)
        # Every row is kept; the organisation's only gains the new column, at 30 (and each event
        # its place in its member's history, from 0005; each member the seven empty fields of
        # the member template, from 0006).
        changed = ("organizations", "member_events", "members")
        assert {t: r for t, r in after.items() if t not in changed} == {
            t: r for t, r in before.items() if t not in changed
        }
        assert sorted(r[:-1] for r in after["member_events"]) == before["member_events"]
        assert sorted(r[:-7] for r in after["members"]) == before["members"]
        assert {r[-7:] for r in after["members"]} == {(None,) * 7}
        # 0004 appends coming_of_age (30); 0007 then appends leave_counts_as_attended (off).
        assert after["organizations"] == [(*row, 30, 0) for row in before["organizations"]]
        org = ws.organization.get()
        assert org is not None
        assert (org.name, org.coming_of_age) == ("Đoàn xã Tân Hưng", 30)
        # Võ Thị Mười (born 1996) reaches 30 in 2026; Đặng Văn Quá (1995) did in 2025: judged
        # in 2026 (from 2027 both are overdue).
        listed = [
            (c.row.full_name, c.year_reached, c.overdue)
            for c in ws.events.coming_of_age(2026, today=date(2026, 12, 7))
        ]
        assert listed == [("Võ Thị Mười", 2026, False), ("Đặng Văn Quá", 2025, True)]
    backups = list((target.parent / "backups").glob("truoc-nang-cap-0003-*.sqlite"))
    assert len(backups) == 1
    # The backup is the database as it was: still at 0003, without the column.
    assert _rows(backups[0]) == before
    assert "coming_of_age" not in [c[1] for c in columns(backups[0], "organizations")]


def test_new_and_upgraded_databases_have_the_same_schema(tmp_path: Path) -> None:
    old = copied(SCHEMA_0003, tmp_path / "old")
    Workspace.open(old.parent).close()
    Workspace.open(tmp_path / "new").close()
    new = tmp_path / "new" / DATABASE_FILE
    assert schema(old) == schema(new)
    # Same columns in the same order, down to the default and NOT NULL of the new one.
    assert columns(old, "organizations") == columns(new, "organizations")
    assert columns(new, "organizations")[12] == (12, "coming_of_age", "INTEGER", 1, "'30'", 0)
