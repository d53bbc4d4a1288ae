"""A backup onto a full disk (the data folder's ``backups`` on an old PC's full drive, a full USB
stick): refused with the disk's message, and nothing left behind, neither the copy under a
temporary name nor the rollback journal SQLite made beside it (each failed attempt would
otherwise leave one more, on the disk that is already full)."""

from __future__ import annotations

import pytest

from breakage import small_disk
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
                "rác) rồi thử lại. Dữ liệu đã lưu không bị thay đổi."
            )
            assert sorted(p.name for p in folder.iterdir()) == []
    assert demo_ws.members.count() == 300
