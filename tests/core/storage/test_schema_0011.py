"""Migration 0011 (name keys for both tone placements): a database at 0010 whose members and
youths hold keys of the old collation gets them recomputed at opening, nothing else of the
rows changed; the roster's order and ``doancoso check`` then agree with the names."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from doancoso.core.lang.text import name_sort_key
from doancoso.core.storage.db import head_revision
from doancoso.core.workspace import DATABASE_FILE, Workspace

NAMES = ("Nguyễn Thùy Thuỷ", "Nguyễn Thanh Thủy", "Trần Thị Hoà")


def _rows(path: Path, table: str) -> dict[str, tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return {r[0]: tuple(r) for r in conn.execute(f"SELECT * FROM {table}")}
    finally:
        conn.close()


def test_keys_of_the_old_collation_are_recomputed_and_nothing_else(ws: Workspace) -> None:
    ids = [ws.members.save({"full_name": name, "birth_date": "01/01/2000"}) for name in NAMES]
    ws.youth.save({"full_name": "Lê Văn Khoẻ", "birth_date": "01/01/2008"})
    folder = ws.data_dir
    ws.close()
    path = folder / DATABASE_FILE
    conn = sqlite3.connect(path)
    with conn:  # as a database of 0010 holds them: keys not yet of the new collation
        conn.execute("UPDATE members SET sort_key = 'khoa-cu-' || id")
        conn.execute("UPDATE youths SET sort_key = 'khoa-cu'")
        conn.execute("DROP TABLE exchange_bases")  # made by 0013
        for column in ("sick_months", "dues_unpaid"):  # made by 0014
            conn.execute(f"ALTER TABLE ratings DROP COLUMN {column}")
        conn.execute("UPDATE alembic_version SET version_num = '0010'")
    conn.close()
    members = _rows(path, "members")

    with Workspace.open(folder) as reopened:
        assert reopened.db.current_revision() == head_revision()
        for member_id, name in zip(ids, NAMES, strict=True):
            assert reopened.members.get(member_id).fields.full_name == name
        names = [reopened.members.get(i).fields.full_name for i in reopened.members.ids()]
        assert names == ["Trần Thị Hoà", "Nguyễn Thanh Thủy", "Nguyễn Thùy Thuỷ"]
        assert reopened.check().problems == []
    after = _rows(path, "members")
    for member_id, row in members.items():  # only the key changed
        changed = [i for i, (a, b) in enumerate(zip(row, after[member_id], strict=True)) if a != b]
        assert len(changed) == 1, changed
    conn = sqlite3.connect(path)
    try:
        stored = dict(conn.execute("SELECT full_name, sort_key FROM members"))
        assert stored == {name: name_sort_key(name) for name in NAMES}
        ((key,),) = conn.execute("SELECT sort_key FROM youths").fetchall()
        assert key == name_sort_key("Lê Văn Khoẻ")
    finally:
        conn.close()
