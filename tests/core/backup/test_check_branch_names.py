"""``check``'s chi đoàn names: two live chi đoàn of the organisation whose names differ only by
case or tones (from an older version, or made before the rule) are named, with what to do."""

from __future__ import annotations

import contextlib
import sqlite3

from doancoso.core.workspace import Workspace


def test_two_live_chi_doan_of_one_folded_name_are_named(demo_ws: Workspace) -> None:
    ws = demo_ws
    first = ws.branches.list()[0]
    second = ws.branches.create("Chi đoàn ấp Bến Đình")  # made after the demo's
    assert [p for p in ws.check().problems if p.table == "branches"] == []
    with contextlib.closing(sqlite3.connect(ws.db.path)) as db, db:  # as older data hold them
        db.execute(
            "UPDATE branches SET name = ?, name_fold = (SELECT name_fold FROM branches WHERE"
            " id = ?) WHERE id = ?",
            (first.name.upper(), first.id, second.id),
        )
    report = ws.check()
    found = [(p.kind, p.table, p.id, p.message) for p in report.problems]
    assert found == [
        (
            "branch_name",
            "branches",
            second.id,
            f"Hai chi đoàn “{first.name}” và “{first.name.upper()}” trùng tên (chỉ khác chữ hoa "
            "hoặc dấu): hãy đổi tên một trong hai ở trang “Chi đoàn”.",
        )
    ]
