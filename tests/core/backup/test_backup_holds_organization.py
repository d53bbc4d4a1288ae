"""Whether a backup holds its organisation (what the window and the commands offer to restore on
a folder with no data) is read without making anything beside the file, on a write-protected
stick too: a data file copied by hand among the backups is in WAL mode, which a plain read-only
open reads only by making ``-wal`` and ``-shm`` beside it, and cannot read at all where nothing
can be made."""

from __future__ import annotations

import shutil
from pathlib import Path

from breakage import read_only_mount
from doancoso.core.backup.store import held_organization, holds_organization
from doancoso.core.organization import OrganizationInfo
from doancoso.core.storage.folder import DATABASE_FILE
from doancoso.core.workspace import Workspace


def _backups_on(usb: Path, data_dir: Path) -> list[Path]:
    """On ``usb``: a backup the app took of Tân Hưng with two members, and its data file
    copied there by hand once the app was closed (in WAL mode, as the app keeps it)."""
    ws = Workspace.open(data_dir)
    try:
        ws.organization.create(
            OrganizationInfo(name="Đoàn xã Tân Hưng", superior_name="Tỉnh đoàn Cà Mau")
        )
        for name in ("Nguyễn Văn An", "Trần Thị Bình"):
            ws.members.save({"full_name": name, "birth_date": "01/01/2000"})
        taken = ws.backups.to_folder(usb)
    finally:
        ws.close()
    by_hand = usb / "thu-cong-20261201-080000.sqlite"
    shutil.copyfile(data_dir / DATABASE_FILE, by_hand)
    assert by_hand.read_bytes()[18:20] == b"\x02\x02"  # WAL mode
    return [taken.path, by_hand]


def _named(backup: Path) -> tuple[str, int | None] | None:
    """The name and members of the organisation ``backup`` holds."""
    held = held_organization(backup)
    return None if held is None else (held.name, held.members)


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_backup_on_a_write_protected_stick_holds_its_organisation(tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    backups = _backups_on(usb, tmp_path / "data")
    before = _files(usb)
    with read_only_mount(usb):
        for backup in backups:
            assert holds_organization(backup)
            assert _named(backup) == ("Đoàn xã Tân Hưng", 2)
        assert _files(usb) == before


def test_looking_whether_a_backup_holds_its_organisation_makes_nothing_beside_it(
    tmp_path: Path,
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    backups = _backups_on(usb, tmp_path / "data")
    before = _files(usb)
    for backup in backups:
        assert holds_organization(backup)
        assert _named(backup) == ("Đoàn xã Tân Hưng", 2)
    assert _files(usb) == before
