"""A data file copied by hand onto a stick (in WAL mode, as the app keeps its data) given to
restore: read as every backup is, without making anything beside it, so that on a
write-protected stick it is restored rather than refused as damaged, and in a folder that
takes files it leaves no ``-wal`` or ``-shm`` there.

One copied while the app was open carries its last changes in the ``-wal`` beside it, without
the ``-shm`` (Windows refuses to copy it while the app holds it): on a write-protected stick
SQLite cannot read such a file where it is (it must make the ``-shm``), so it is read from a
private copy of the two, its last members listed and restored."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from breakage import read_only_mount
from doancoso.core.backup.restore import inspect_backup, restore_backup
from doancoso.core.backup.store import list_backups
from doancoso.core.organization import OrganizationInfo
from doancoso.core.storage.folder import DATABASE_FILE
from doancoso.core.storage.temp import temp_root
from doancoso.core.workspace import Workspace


def _data_file_on(usb: Path, data_dir: Path) -> Path:
    """On ``usb``: the data file of Tân Hưng with two members, copied there by hand once the
    app was closed (in WAL mode)."""
    ws = Workspace.open(data_dir)
    try:
        ws.organization.create(
            OrganizationInfo(name="Đoàn xã Tân Hưng", superior_name="Tỉnh đoàn Cà Mau")
        )
        for name in ("Nguyễn Văn An", "Trần Thị Bình"):
            ws.members.save({"full_name": name, "birth_date": "01/01/2000"})
    finally:
        ws.close()
    by_hand = usb / "thu-cong-20261201-080000.sqlite"
    shutil.copyfile(data_dir / DATABASE_FILE, by_hand)
    assert by_hand.read_bytes()[18:20] == b"\x02\x02"  # WAL mode
    return by_hand


def _copied_while_open_on(usb: Path, data_dir: Path) -> Path:
    """On ``usb``: the data file of Tân Hưng and its ``-wal`` (not its ``-shm``), copied there
    while the app was open, Trần Thị Bình saved since its last checkpoint: only in the
    ``-wal``."""
    with Workspace.open(data_dir) as ws:
        ws.organization.create(
            OrganizationInfo(name="Đoàn xã Tân Hưng", superior_name="Tỉnh đoàn Cà Mau")
        )
        ws.members.save({"full_name": "Nguyễn Văn An", "birth_date": "01/01/2000"})
    live = data_dir / DATABASE_FILE
    by_hand = usb / "thu-cong-20261201-080000.sqlite"
    with Workspace.open(data_dir) as ws:
        ws.members.save({"full_name": "Trần Thị Bình", "birth_date": "01/01/2000"})
        for suffix in ("", "-wal"):
            shutil.copyfile(f"{live}{suffix}", f"{by_hand}{suffix}")
    alone = sqlite3.connect(f"{by_hand.as_uri()}?mode=ro&immutable=1", uri=True)
    try:  # the file without its -wal holds only the first member
        assert alone.execute("SELECT count(*) FROM members").fetchone() == (1,)
    finally:
        alone.close()
    assert _files(usb) == [by_hand.name, f"{by_hand.name}-wal"]
    return by_hand


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def _restored_names(data_dir: Path) -> list[str]:
    ws = Workspace.open(data_dir)
    try:
        return [m.full_name for m in ws.members.list()]
    finally:
        ws.close()


def test_a_data_file_in_wal_mode_on_a_write_protected_stick_is_restored(tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    by_hand = _data_file_on(usb, tmp_path / "data")
    target = tmp_path / "may-moi"
    with read_only_mount(usb):
        info = inspect_backup(by_hand)
        assert (info.members, info.ok) == (2, True)
        assert [(b.members, b.ok) for b in list_backups(usb)] == [(2, True)]
        result = restore_backup(target, by_hand)
        assert result.members == 2
    assert _restored_names(target) == ["Nguyễn Văn An", "Trần Thị Bình"]


def test_restoring_a_data_file_in_wal_mode_makes_nothing_beside_it(tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    by_hand = _data_file_on(usb, tmp_path / "data")
    before = _files(usb)
    info = inspect_backup(by_hand)
    assert (info.members, info.ok) == (2, True)
    assert [(b.members, b.ok) for b in list_backups(usb)] == [(2, True)]
    assert _files(usb) == before
    assert restore_backup(tmp_path / "may-moi", by_hand).members == 2
    assert _files(usb) == before
    assert _restored_names(tmp_path / "may-moi") == ["Nguyễn Văn An", "Trần Thị Bình"]


def _private_copies(temp: Path) -> list[Path]:
    """What the reading of a file left in the app's temporary folder of ``temp``."""
    return [p for p in temp_root(temp).rglob("*") if ".sqlite" in p.name]


def test_a_file_copied_with_its_wal_is_listed_with_its_last_members_on_a_write_protected_stick(
    tmp_path: Path, temp: Path
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    by_hand = _copied_while_open_on(usb, tmp_path / "data")
    with read_only_mount(usb):
        assert [(b.path, b.members, b.ok) for b in list_backups(usb)] == [(by_hand, 2, True)]
    assert _files(usb) == [by_hand.name, f"{by_hand.name}-wal"]
    assert _private_copies(temp) == []


def test_a_file_copied_with_its_wal_is_restored_with_its_last_members_from_a_write_protected_stick(
    tmp_path: Path, temp: Path
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    by_hand = _copied_while_open_on(usb, tmp_path / "data")
    target = tmp_path / "may-moi"
    with read_only_mount(usb):
        info = inspect_backup(by_hand)
        assert (info.path, info.members, info.ok) == (by_hand, 2, True)
        result = restore_backup(target, by_hand)
        assert result.members == 2
    assert _restored_names(target) == ["Nguyễn Văn An", "Trần Thị Bình"]
    assert _files(usb) == [by_hand.name, f"{by_hand.name}-wal"]
    assert _private_copies(temp) == []
