"""The page cache a bundle's import writes its rows with (storage/bulk.py)."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from doancoso.core.storage.bulk import LARGE_CACHE_KIB, large_page_cache
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
