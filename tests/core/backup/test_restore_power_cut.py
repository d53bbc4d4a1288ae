"""A restore whose power goes (a stick in portable mode pulled out) at any point: the data folder
holds either the data replaced, their last change included, or the restored data, never the
restored file paired with the replaced one's WAL (SQLite would apply it: nothing in a WAL names
the file it belongs to); and the restored file's name is flushed to the disk before the restore
says "Đã khôi phục"."""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from doancoso.core.backup.restore import restore_backup
from doancoso.core.errors import StorageError
from doancoso.core.storage.folder import DATABASE_FILE
from doancoso.core.workspace import Workspace
from flush_steps import flush_steps


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
    folders: tuple[Path, Path],
) -> None:
    data, backup = folders
    with flush_steps() as steps:
        restore_backup(data, backup)

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
        "sổ và lệnh doancoso khác đang mở dữ liệu này rồi thử lại. Dữ liệu đang dùng không bị "
        "thay đổi."
    )
    assert sorted(p.name for p in data.iterdir() if p.name.startswith(".")) == []
    with Workspace.open(data) as ws:
        assert ws.members.count() == 19


def test_a_stick_gone_at_the_rename_says_the_data_are_kept(
    folders: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Portable mode, the stick pulled out as the restored copy takes the name: the user is told
    so in Vietnamese and that the data replaced are still there, not given the OS's error."""
    data, backup = folders
    real_replace = os.replace

    def replace(source: str | Path, target: str | Path) -> None:
        if Path(target) == data / DATABASE_FILE:
            raise OSError(errno.ENODEV, "No such device", str(target))
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(StorageError) as caught:
        restore_backup(data, backup)
    monkeypatch.undo()

    assert caught.value.message == (
        f"Chưa khôi phục được: ổ đĩa không còn kết nối (USB có thể đã bị rút ra) khi thay dữ liệu "
        f"trong “{data}”. Dữ liệu đang dùng không bị thay đổi. Hãy cắm lại USB vào máy rồi thử lại."
    )
    assert sorted(p.name for p in data.iterdir() if p.name.startswith(".")) == []
    with Workspace.open(data) as ws:
        assert ws.members.count() == 19


def test_a_damaged_database_set_aside_then_the_stick_gone_at_the_rename_says_so(
    folders: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    data, backup = folders
    for suffix in ("-wal", "-shm"):
        (data / f"{DATABASE_FILE}{suffix}").unlink(missing_ok=True)
    (data / DATABASE_FILE).write_bytes(b"not a database" * 100)
    real_replace = os.replace

    def replace(source: str | Path, target: str | Path) -> None:
        if Path(target) == data / DATABASE_FILE:
            raise OSError(errno.EIO, "Input/output error", str(target))
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(StorageError) as caught:
        restore_backup(data, backup)
    monkeypatch.undo()

    (aside,) = data.glob("doancoso-hong-*.sqlite")
    assert caught.value.message == (
        "Chưa khôi phục được: lỗi đọc ghi ổ đĩa (USB có thể đã bị rút ra) khi thay dữ liệu "
        f"trong “{data}”. Dữ liệu hỏng đã được đổi tên thành “{aside.name}” và chưa có dữ liệu "
        "nào thay vào. Ổ đĩa có thể đang hỏng: hãy kiểm tra ổ đĩa (hoặc cắm lại USB) rồi thử lại."
    )
    assert not (data / DATABASE_FILE).exists()


def test_a_stick_gone_after_the_rename_says_the_restore_may_not_have_lasted(
    folders: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The name taken, the folder's flush failing (the stick gone just then): the restored
    data are in place but the user is told the name may not have reached the stick."""
    data, backup = folders
    real_fsync, real_replace = os.fsync, os.replace
    renamed: list[bool] = []

    def replace(source: str | Path, target: str | Path) -> None:
        real_replace(source, target)
        renamed.append(Path(target) == data / DATABASE_FILE)

    def fsync(fd: int) -> None:
        if renamed and renamed[-1] and os.fstat(fd).st_ino == data.stat().st_ino:
            raise OSError(errno.EIO, "Input/output error")
        real_fsync(fd)

    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr(os, "fsync", fsync)
    with pytest.raises(StorageError) as caught:
        restore_backup(data, backup)
    monkeypatch.undo()

    (safety,) = (data / "backups").glob("truoc-khoi-phuc-*.sqlite")
    assert caught.value.message == (
        "Bản sao lưu đã được đưa vào thay dữ liệu nhưng chưa chắc đã ghi hẳn xuống ổ đĩa: lỗi "
        "đọc ghi ổ đĩa (USB có thể đã bị rút ra). Khi cắm lại USB, có thể vẫn thấy dữ liệu cũ: "
        "hãy mở lại ứng dụng và kiểm tra; nếu vẫn là dữ liệu cũ, hãy khôi phục lại. Dữ liệu cũ "
        f"đã được sao lưu thành “{safety.name}”."
    )
    with Workspace.open(data) as ws:
        assert ws.members.count() == 20
