"""Database.snapshot: every read of the thread (raw cursors, sessions, consistent reads, the
roster index) sees the database as it was when it began, while other connections commit; writes
inside are refused; afterwards the connection is an ordinary one again."""

from __future__ import annotations

import sqlite3
import threading

import pytest
from sqlalchemy import text

from doancoso.core.workspace import Workspace


def _member(ws: Workspace, name: str) -> str:
    return ws.members.save({"full_name": name, "birth_date": "01/01/2000"})


def _elsewhere(ws: Workspace, name: str) -> None:
    thread = threading.Thread(target=_member, args=(ws, name))
    thread.start()
    thread.join()


def _count(ws: Workspace) -> tuple[int, int, int]:
    with ws.db.raw() as cursor:
        raw = cursor.execute("SELECT count(*) FROM members").fetchone()[0]
    with ws.db.read() as session:
        orm = session.execute(text("SELECT count(*) FROM members")).scalar_one()
    with ws.db.consistent_read() as (cursor, _):
        consistent = cursor.execute("SELECT count(*) FROM members").fetchone()[0]
    return raw, orm, consistent


def test_reads_inside_see_the_moment_it_began(ws: Workspace) -> None:
    _member(ws, "Nguyễn Thị An")
    assert len(ws.members.ids()) == 1  # the roster index loaded before
    with ws.db.snapshot() as generation:
        assert ws.db.pinned_generation() == generation == ws.db.changes.generation
        _elsewhere(ws, "Lê Văn Bình")
        assert ws.db.changes.generation == generation + 1  # the write landed
        assert _count(ws) == (1, 1, 1)
        assert _count(ws) == (1, 1, 1)  # a session closed leaves the snapshot open
        assert [r.full_name for r in ws.members.list()] == ["Nguyễn Thị An"]
        # Another thread is not in the snapshot: it sees the write.
        seen: list[list[str]] = []
        reader = threading.Thread(target=lambda: seen.append(ws.members.ids()))
        reader.start()
        reader.join()
        assert len(seen[0]) == 2
        # The index, now brought past the snapshot by that thread, is read again at it.
        assert len(ws.members.ids()) == 1
    assert ws.db.pinned_generation() is None
    assert _count(ws) == (2, 2, 2)
    assert len(ws.members.ids()) == 2


def test_writes_inside_are_refused_and_the_connection_is_ordinary_after(ws: Workspace) -> None:
    with ws.db.snapshot():
        with pytest.raises(sqlite3.OperationalError), ws.db.raw() as cursor:
            cursor.execute("UPDATE members SET full_name = 'X'")
        with ws.db.snapshot() as inner:  # nested: the outer one holds
            assert inner == ws.db.pinned_generation()
    # The pooled connection the snapshot used takes writes again (query_only off).
    names = ("An", "Bình", "Cường", "Dung", "Em", "Giang", "Hà", "Khoa")
    for name in names:
        _member(ws, f"Nguyễn Văn {name}")
    with ws.db.raw() as cursor:
        assert cursor.execute("SELECT count(*) FROM members").fetchone()[0] == len(names)
