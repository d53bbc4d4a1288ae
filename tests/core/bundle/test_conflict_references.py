"""A conflict's id fields shown as what the user knows (#17): a youth's follow-up member by
full name, an activity's chi đoàn by name in Vietnamese order, "(không còn)" for a record
neither copy holds; the texts the import wizard and ``doancoso bundle import`` show."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from bundle_sync import bundle_of, carry
from doancoso.core.bundle.labels import field_value_text
from doancoso.core.bundle.merge import plan
from doancoso.core.bundle.outcome import Conflict
from doancoso.core.workspace import Workspace


def _raw_edit(ws: Workspace, table: str, row_id: str, moment: str, **values: object) -> None:
    """Change a row as another version of the app would: a new revision, this copy's origin."""
    sets = ", ".join(f"{c} = ?" for c in values)
    with ws.db.raw() as cursor:
        cursor.execute(
            f"UPDATE {table} SET {sets}, revision = revision + 1, updated_at = ?, origin = ? "
            "WHERE id = ?",
            (*values.values(), moment, ws.db.installation_id, row_id),
        )


def _first_id(ws: Workspace, table: str) -> str:
    with ws.db.raw() as cursor:
        cursor.execute(f"SELECT id FROM {table} WHERE deleted_at IS NULL ORDER BY id LIMIT 1")
        return str(cursor.fetchone()[0])


def _shown(conflict: Conflict) -> list[tuple[str, str, str]]:
    return [
        (
            f.label,
            field_value_text(conflict.table, f.name, f.mine, conflict.names),
            field_value_text(conflict.table, f.name, f.theirs, conflict.names),
        )
        for f in conflict.fields
    ]


def test_ids_show_as_names(home: Workspace, away: Workspace) -> None:
    carry(away, home)  # each copy agreed every row with the other
    members = home.members.list()
    an, binh = members[0], members[1]
    youth_id, activity_id = _first_id(home, "youths"), _first_id(home, "activities")
    branches = {b.name: b.id for b in home.branches.list()}
    first, second, *_ = sorted(branches)  # names in Vietnamese order
    new_branch = away.branches.create("Chi đoàn Ấp Mới Lập")  # in the file only
    here = datetime(2026, 12, 1, 8, tzinfo=UTC).isoformat()
    there = datetime(2026, 12, 2, 8, tzinfo=UTC).isoformat()
    _raw_edit(home, "youths", youth_id, here, follow_up_member_id=an.id)
    _raw_edit(away, "youths", youth_id, there, follow_up_member_id=binh.id)
    mine_branches = [branches[second], branches[first]]
    theirs_branches = ["00000000-0000-4000-8000-000000000000", new_branch.id]
    _raw_edit(home, "activities", activity_id, here, branch_ids=json.dumps(mine_branches))
    _raw_edit(away, "activities", activity_id, there, branch_ids=json.dumps(theirs_branches))

    by_table = {c.table: c for c in plan(home, bundle_of(away)).conflicts}
    assert _shown(by_table["youths"]) == [
        ("Đoàn viên theo dõi (1+1)", an.full_name, binh.full_name)
    ]
    assert _shown(by_table["activities"]) == [
        ("Chi đoàn tham gia", f"{first}, {second}", "Chi đoàn Ấp Mới Lập, (không còn)")
    ]


def test_no_chi_doan_is_the_whole_organisation() -> None:
    assert field_value_text("activities", "branch_ids", "[]", {}) == "Toàn Đoàn cơ sở"
    assert field_value_text("youths", "follow_up_member_id", None, {}) == "(trống)"
