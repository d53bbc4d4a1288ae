"""A backup onto a full disk (the data folder's ``backups`` on an old PC's full drive, a full USB
stick): refused with the disk's message, and nothing left behind, neither the copy under a
temporary name nor the rollback journal SQLite made beside it (each failed attempt would
otherwise leave one more, on the disk that is already full)."""

from __future__ import annotations

from pathlib import Path

import pytest

from breakage import small_disk, snapshot
from doancoso.core.backup.store import BACKUP_FOLDER
from doancoso.core.errors import StorageError
from doancoso.core.workspace import Workspace


def test_a_backup_onto_a_full_disk_leaves_nothing(demo_ws: Workspace) -> None:
    folder = demo_ws.data_dir / BACKUP_FOLDER
    folder.mkdir(exist_ok=True)
    with small_disk(folder, 200):  # the database (3 MB) does not fit
        for _ in range(2):
            with pytest.raises(StorageError) as failed:
                demo_ws.backups.take("hang-ngay")
            assert failed.value.message == (
                f"Không sao lưu được dữ liệu. Không ghi được dữ liệu: ổ đĩa chứa thư mục "
                f"“{folder}” đã đầy. Hãy giải phóng chỗ trống (xóa bớt tệp không cần, dọn Thùng "
                "rác) rồi thử lại. Dữ liệu đang dùng không bị thay đổi."
            )
            assert sorted(p.name for p in folder.iterdir()) == []
    assert demo_ws.members.count() == 300


def test_a_backup_onto_a_stick_too_full_for_its_folder_says_to_make_room(
    ws: Workspace, tmp_path: Path
) -> None:
    """The folder the backup goes into cannot be made (``mkdir`` fails with ENOSPC: the
    stick has no room for one more entry): said with what to do, as a full disk's write is."""
    usb = tmp_path / "usb"
    usb.mkdir()
    before = snapshot(ws.data_dir)
    with small_disk(usb, 100, inodes=2):  # the stick's own folder and one more entry
        (usb / "ghi-chu.txt").write_text("đã đầy", encoding="utf-8")
        target = usb / "saoluu"
        with pytest.raises(StorageError) as failed:
            ws.backups.to_folder(target)
        assert failed.value.message == (
            f"Không ghi được bản sao lưu vào “{target}”: ổ đĩa đã đầy. Hãy giải phóng chỗ trống "
            "trên ổ đĩa rồi thử lại. Dữ liệu đang dùng không bị thay đổi."
        )
        assert sorted(p.name for p in usb.iterdir()) == ["ghi-chu.txt"]
    assert snapshot(ws.data_dir) == before
