"""A restore whose power goes (a stick in portable mode pulled out) at any point: the data folder
holds either the data replaced, their last change included, or the restored data, never the
restored file paired with the replaced one's WAL (SQLite would apply it: nothing in a WAL names
the file it belongs to); and the restored file's name is flushed to the disk before the restore
says "Đã khôi phục"."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from doancoso.core.backup.restore import restore_backup
from doancoso.core.errors import StorageError
from doancoso.core.workspace import DATABASE_FILE, Workspace


class PowerCut(Exception):
    """The power gone at the rename: nothing after it happens."""


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path]:
    """A data folder whose writer was killed just after deleting one of 20 members (the change
    still in the WAL beside the file), and a backup of the 20, outside the folder."""
    data = tmp_path / "du-lieu"
    killed = tmp_path / "killed"
    with Workspace.open(data) as ws:
        ws.generate_demo(members=20, seed=8)
        taken = ws.backups.take().path
        ws.members.delete(ws.members.ids()[:1])
        killed.mkdir()
        for suffix in ("", "-wal"):  # frozen as a kill leaves them
            shutil.copyfile(data / f"{DATABASE_FILE}{suffix}", killed / f"{DATABASE_FILE}{suffix}")
    shutil.copytree(data / "evidence", killed / "evidence")  # the files the demo's records name
    backup = tmp_path / "thu-cong-20261204-101500.sqlite"
    backup.write_bytes(taken.read_bytes())
    return killed, backup


def test_power_cut_at_the_rename_leaves_the_data_with_their_last_change(
    folders: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    data, backup = folders
    real_replace = os.replace

    def replace(source: str | Path, target: str | Path) -> None:
        if Path(target) == data / DATABASE_FILE:
            raise PowerCut
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(PowerCut):
        restore_backup(data, backup)
    monkeypatch.undo()

    with Workspace.open(data) as ws:
        assert ws.members.count() == 19


def test_the_restored_data_are_the_backups_and_the_replaced_ones_kept_whole(
    folders: tuple[Path, Path],
) -> None:
    data, backup = folders
    result = restore_backup(data, backup)
    assert sorted(p.name for p in data.glob(f"{DATABASE_FILE}*")) == [DATABASE_FILE]
    with Workspace.open(data) as ws:
        assert ws.members.count() == 20 and ws.check().ok
    assert result.safety_copy is not None
    kept = data.parent / "kept"
    kept.mkdir()
    shutil.copyfile(result.safety_copy, kept / DATABASE_FILE)
    with Workspace.open(kept) as ws:
        assert ws.members.count() == 19


def test_the_old_files_removal_then_the_restored_name_are_flushed(
    folders: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    data, backup = folders
    steps: list[tuple[str, int]] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        steps.append(("fsync", os.fstat(fd).st_ino))
        real_fsync(fd)

    def replace(source: str | Path, target: str | Path) -> None:
        steps.append(("replace", os.stat(source).st_ino))
        real_replace(source, target)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    restore_backup(data, backup)
    monkeypatch.undo()

    restored, folder = (data / DATABASE_FILE).stat().st_ino, data.stat().st_ino
    assert steps[-3:] == [("fsync", folder), ("replace", restored), ("fsync", folder)]


def test_data_another_program_is_reading_are_not_replaced(folders: tuple[Path, Path]) -> None:
    """A window opened "chỉ để xem" in the middle of a read: the replaced data's WAL cannot be
    emptied into the file, so nothing is replaced."""
    data, backup = folders
    reader = sqlite3.connect(data / DATABASE_FILE, timeout=0.1)
    try:
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM members").fetchone()
        with pytest.raises(StorageError) as caught:
            restore_backup(data, backup)
    finally:
        reader.close()
    assert caught.value.message == (
        "Dữ liệu đang được một chương trình khác dùng nên chưa khôi phục được: hãy đóng các cửa "
        "sổ và lệnh doancoso khác đang mở dữ liệu này rồi thử lại. Dữ liệu hiện tại giữ nguyên."
    )
    assert sorted(p.name for p in data.iterdir() if p.name.startswith(".")) == []
    with Workspace.open(data) as ws:
        assert ws.members.count() == 19
