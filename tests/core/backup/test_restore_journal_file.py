"""A backup on a write-protected stick with a rollback journal (``-journal``) left beside it.

A hot journal (a writer killed in the middle of a transaction: the file holds half of it, the
journal the pages as they were) is what SQLite rolls back at its next read-write open, which a
write-protected stick refuses: the sound data were called damaged. The file is read from a
private copy of it and its journal, where SQLite rolls the half transaction back, so that its
members are listed and restored as they were before it. An empty journal left beside it is
harmless: the file is read as it is."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from breakage import read_only_mount
from doancoso.core.backup.restore import inspect_backup, restore_backup
from doancoso.core.backup.store import list_backups
from doancoso.core.organization import OrganizationInfo
from doancoso.core.storage.folder import DATABASE_FILE
from doancoso.core.storage.temp import temp_root
from doancoso.core.workspace import Workspace

NAMES = ["Nguyễn Văn An", "Trần Thị Bình"]


def _backup_on(usb: Path, data_dir: Path) -> Path:
    """On ``usb``: a backup of Tân Hưng with two members, in rollback-journal mode (as a
    backup is written)."""
    with Workspace.open(data_dir) as ws:
        ws.organization.create(
            OrganizationInfo(name="Đoàn xã Tân Hưng", superior_name="Tỉnh đoàn Cà Mau")
        )
        for name in NAMES:
            ws.members.save({"full_name": name, "birth_date": "01/01/2000"})
    backup = usb / "thu-cong-20261201-080000.sqlite"
    shutil.copyfile(data_dir / DATABASE_FILE, backup)
    conn = sqlite3.connect(backup)
    try:
        conn.execute("PRAGMA journal_mode = DELETE").fetchone()
    finally:
        conn.close()
    return backup


def _killed_mid_transaction(backup: Path, scratch: Path) -> None:
    """``backup`` as a writer killed in the middle of a transaction leaves it: its members
    renamed and a large table added, part of that already in the file (spilled from a small
    cache), the pages as they were in its hot ``-journal``."""
    scratch.mkdir()
    work = scratch / backup.name
    shutil.copyfile(backup, work)
    conn = sqlite3.connect(work, isolation_level=None)
    try:
        conn.execute("PRAGMA cache_size = 10")
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("UPDATE members SET full_name = 'Đã sửa dở'")
        conn.execute("CREATE TABLE filler (x BLOB)")
        conn.execute(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) "
            "INSERT INTO filler SELECT randomblob(1000) FROM n"
        )
        for suffix in ("", "-journal"):  # as the kill left them
            shutil.copyfile(f"{work}{suffix}", f"{backup}{suffix}")
        conn.execute("ROLLBACK")
    finally:
        conn.close()
    alone = sqlite3.connect(f"{backup.as_uri()}?mode=ro&immutable=1", uri=True)
    try:  # the file without its journal holds half of the killed transaction: unreadable
        with pytest.raises(sqlite3.DatabaseError, match="malformed"):
            alone.execute("SELECT count(*) FROM members").fetchone()
    finally:
        alone.close()


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def _restored_names(data_dir: Path) -> list[str]:
    with Workspace.open(data_dir) as ws:
        return [m.full_name for m in ws.members.list()]


def _private_copies(temp: Path) -> list[Path]:
    return [p for p in temp_root(temp).rglob("*") if ".sqlite" in p.name]


def test_a_backup_with_a_hot_journal_on_a_write_protected_stick_is_restored_as_it_was(
    tmp_path: Path, temp: Path
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    backup = _backup_on(usb, tmp_path / "data")
    _killed_mid_transaction(backup, tmp_path / "scratch")
    before = {name: (usb / name).read_bytes() for name in _files(usb)}
    assert list(before) == [backup.name, f"{backup.name}-journal"]
    target = tmp_path / "may-moi"
    with read_only_mount(usb):
        assert [(b.path, b.members, b.ok) for b in list_backups(usb)] == [(backup, 2, True)]
        info = inspect_backup(backup)
        assert (info.path, info.members, info.ok) == (backup, 2, True)
        assert restore_backup(target, backup).members == 2
    assert _restored_names(target) == NAMES
    assert {name: (usb / name).read_bytes() for name in _files(usb)} == before
    assert _private_copies(temp) == []


def test_a_backup_with_an_empty_journal_on_a_write_protected_stick_is_sound(
    tmp_path: Path, temp: Path
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    backup = _backup_on(usb, tmp_path / "data")
    Path(f"{backup}-journal").touch()
    target = tmp_path / "may-moi"
    with read_only_mount(usb):
        assert [(b.path, b.members, b.ok) for b in list_backups(usb)] == [(backup, 2, True)]
        assert restore_backup(target, backup).members == 2
    assert _restored_names(target) == NAMES
    assert _files(usb) == [backup.name, f"{backup.name}-journal"]
    assert _private_copies(temp) == []
