"""A ``-journal`` left beside a database is rolled back only when it is hot, as SQLite judges
it: not empty and its header not zeroed. A journal whose header was zeroed (how a transaction
ends in ``journal_mode=PERSIST``) holds nothing to roll back and SQLite ignores it: the log
said "rolled back" of it all the same, sending whoever read the log after a crash looking for a
transaction that never was."""

from __future__ import annotations

import logging
import shutil
import sqlite3
from pathlib import Path

import pytest

from doancoso.core.storage.inspection import read_only_uri, roll_back_hot_journal, unfinished_writes

LOGGER = "doancoso.core.storage.inspection"


def _names(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT name FROM people ORDER BY name")]
    finally:
        conn.close()


def _database(path: Path, mode: str) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute(f"PRAGMA journal_mode = {mode}").fetchone()
        conn.execute("CREATE TABLE people (name TEXT)")
        conn.execute("INSERT INTO people VALUES ('Lê Văn An'), ('Trần Thị Bình')")
    finally:
        conn.close()


def _killed_mid_transaction(path: Path, scratch: Path) -> None:
    """``path`` as a writer killed in the middle of a transaction leaves it: the changed pages
    already in the file, the pages as they were in its hot ``-journal``."""
    scratch.mkdir()
    work = scratch / path.name
    shutil.copyfile(path, work)
    conn = sqlite3.connect(work, isolation_level=None)
    try:
        conn.execute("PRAGMA cache_size = 1")  # the changed pages spill into the file at once
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("UPDATE people SET name = 'Đã sửa dở' || hex(randomblob(2000))")
        conn.execute("CREATE TABLE filler (x BLOB)")
        conn.execute("INSERT INTO filler VALUES (randomblob(20000))")
        for suffix in ("", "-journal"):  # as the kill left them
            shutil.copyfile(f"{work}{suffix}", f"{path}{suffix}")
        conn.execute("ROLLBACK")
    finally:
        conn.close()


def test_a_hot_journal_is_rolled_back_and_said_so(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "doancoso.sqlite"
    _database(path, "DELETE")
    _killed_mid_transaction(path, tmp_path / "scratch")
    assert unfinished_writes(path) == "-journal"
    with caplog.at_level(logging.INFO, logger=LOGGER):
        roll_back_hot_journal(path)
    assert [(r.levelname, r.getMessage()) for r in caplog.records] == [
        ("WARNING", f"rolled back the transaction a killed writer left in {path}-journal"),
    ]
    assert not Path(f"{path}-journal").exists()
    assert _names(path) == ["Lê Văn An", "Trần Thị Bình"]


def test_a_zeroed_journal_is_left_alone_and_not_said_rolled_back(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "doancoso.sqlite"
    _database(path, "PERSIST")  # the journal stays after each commit, its header zeroed
    journal = Path(f"{path}-journal")
    kept = journal.read_bytes()
    assert len(kept) > 0 and kept[:1] == b"\x00"
    assert unfinished_writes(path) is None  # nothing in it the file lacks
    assert read_only_uri(path).endswith("&immutable=1")
    with caplog.at_level(logging.INFO, logger=LOGGER):
        roll_back_hot_journal(path)
    assert [(r.levelname, r.getMessage()) for r in caplog.records] == [
        ("INFO", f"left {journal} alone: its header is zeroed (a transaction ended in "
                 "persistent-journal mode), SQLite ignores it: nothing rolled back"),
    ]  # fmt: skip
    assert journal.read_bytes() == kept
    assert _names(path) == ["Lê Văn An", "Trần Thị Bình"]
