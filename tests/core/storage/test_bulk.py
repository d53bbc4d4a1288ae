"""The page cache a bundle's import writes its rows with, and the indexes of a table it fills
from empty made once the table is full (storage/bulk.py)."""

from __future__ import annotations

import pytest
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from doancoso.core.storage.bulk import LARGE_CACHE_KIB, indexes_made_after, large_page_cache
from doancoso.core.workspace import Workspace


def _cache(session: Session) -> int:
    (size,) = session.connection().exec_driver_sql("PRAGMA cache_size").one()
    return int(size)


def test_the_block_has_the_large_cache_and_the_connection_its_own_size_after(
    ws: Workspace,
) -> None:
    with ws.db.transaction() as session:
        before = _cache(session)
        with large_page_cache(session):
            assert _cache(session) == -LARGE_CACHE_KIB
        assert _cache(session) == before
    assert before == -2000  # SQLite's default: the app's other work keeps it


def test_the_size_comes_back_when_the_block_fails(ws: Workspace) -> None:
    with pytest.raises(RuntimeError), ws.db.transaction() as session:
        before = _cache(session)
        with large_page_cache(session):
            raise RuntimeError("refused")
    with ws.db.transaction() as session:
        assert _cache(session) == before


def _indexes(session: Session, table: str) -> list[tuple[str, str | None]]:
    """The indexes of ``table`` in the order SQLite keeps them (its own one, without SQL, too)."""
    found = session.connection().exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? ORDER BY rowid",
        (table,),
    )
    return [(str(name), sql) for name, sql in found]


def _add_branches(session: Session, ws: Workspace, names: list[tuple[str, str]]) -> None:
    """Branches of ``ws``'s organisation by plain SQL, as an import writes: (id, folded name)."""
    org = ws.organization.get()
    assert org is not None
    moment = "2026-12-05 10:00:00.000000"
    session.connection().exec_driver_sql(
        "INSERT INTO branches (organization_id, name, name_fold, id, created_at, updated_at,"
        " revision, origin, deleted_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?, NULL)",
        [(org.id, fold, fold, i, moment, moment, ws.db.installation_id) for i, fold in names],
    )


def test_the_indexes_are_made_again_as_they_were_in_their_order(ws: Workspace) -> None:
    with ws.db.transaction() as session:
        before = _indexes(session, "members")
        assert len(before) == 6 and before[0][1] is None  # the primary key's comes first
        with indexes_made_after(session, "members"):
            assert _indexes(session, "members") == before[:1]
        assert _indexes(session, "members") == before
    with ws.db.transaction() as session:
        assert _indexes(session, "members") == before


def test_the_rows_written_meanwhile_are_in_the_indexes_made(ws: Workspace) -> None:
    with ws.db.transaction() as session:
        with indexes_made_after(session, "branches"):
            _add_branches(session, ws, [(f"b{i}", f"chi doan {i}") for i in range(3)])
        found = session.connection().exec_driver_sql(
            "SELECT id FROM branches INDEXED BY ix_branches_org_name"
            " WHERE organization_id = ? AND name_fold = ?",
            (ws.organization.get().id, "chi doan 1"),  # type: ignore[union-attr]
        )
        assert found.all() == [("b1",)]
        (check,) = session.connection().exec_driver_sql("PRAGMA integrity_check").one()
        assert check == "ok"


def test_a_unique_key_held_twice_is_refused_when_its_index_is_made(ws: Workspace) -> None:
    before = None
    with pytest.raises(IntegrityError), ws.db.transaction() as session:
        before = _indexes(session, "plans")
        with indexes_made_after(session, "plans"):
            org = ws.organization.get()
            assert org is not None
            session.connection().exec_driver_sql(
                "INSERT INTO plans (organization_id, year, title, registration_state, id,"
                " created_at, updated_at, revision, origin)"
                " VALUES (?, 2026, 'Kế hoạch', 'draft', ?, ?, ?, 1, ?)",
                [(org.id, i, "2026-12-05", "2026-12-05", ws.db.installation_id) for i in "ab"],
            )
    with ws.db.transaction() as session:  # rolled back: no plan, every index there
        assert _indexes(session, "plans") == before
        assert session.connection().exec_driver_sql("SELECT count(*) FROM plans").one() == (0,)


def test_a_failure_in_the_block_rolls_the_indexes_back_with_the_rows(ws: Workspace) -> None:
    before = None
    with pytest.raises(RuntimeError), ws.db.transaction() as session:
        before = _indexes(session, "branches")
        with indexes_made_after(session, "branches"):
            _add_branches(session, ws, [("b1", "chi doan 1")])
            raise RuntimeError("refused")
    with ws.db.transaction() as session:
        assert _indexes(session, "branches") == before
        assert session.connection().exec_driver_sql("SELECT count(*) FROM branches").one() == (0,)
