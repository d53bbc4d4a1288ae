"""A data file copied by hand onto a stick (in WAL mode, as the app keeps its data) given to
restore: read as every backup is, without making anything beside it, so that on a
write-protected stick it is restored rather than refused as damaged, and in a folder that
takes files it leaves no ``-wal`` or ``-shm`` there."""

from __future__ import annotations

import shutil
from pathlib import Path

from breakage import read_only_mount
from doancoso.core.backup.restore import inspect_backup, restore_backup
from doancoso.core.backup.store import list_backups
from doancoso.core.organization import OrganizationInfo
from doancoso.core.storage.folder import DATABASE_FILE
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
