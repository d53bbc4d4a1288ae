"""A backup restored from a USB stick that fails or is pulled out as it is read (the check before
the restore, or the question before it in "Khôi phục từ tệp…"): said as a stick that cannot be
read, with what to do (check it, put it back), never as a damaged backup, which would send the
secretary away from a sound one; the data folder unchanged. Skipped where FUSE cannot mount
(:mod:`breakage`)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from breakage import backing_of, pulled_stick, snapshot
from doancoso.core.backup.restore import inspect_backup, restore_backup
from doancoso.core.errors import StorageError
from doancoso.core.workspace import Workspace

NAME = "thu-cong-20261204-101500.sqlite"
SAID = {
    "EIO": (
        "lỗi đọc ghi ổ đĩa (USB có thể đã bị rút ra). Ổ đĩa có thể đang hỏng: hãy kiểm tra ổ "
        "đĩa (hoặc cắm lại USB) rồi thử lại."
    ),
    "ENODEV": (
        "ổ đĩa không còn kết nối (USB có thể đã bị rút ra). Hãy cắm lại USB vào máy rồi thử lại."
    ),
}


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A data folder of 20 members, closed, with a sound backup of it ready for the stick."""
    folder = tmp_path / "du-lieu"
    with Workspace.open(folder) as ws:
        ws.generate_demo(members=20, seed=8)
        shutil.copyfile(ws.backups.take().path, tmp_path / NAME)
    return folder


@pytest.mark.parametrize("error", ["EIO", "ENODEV"])
def test_a_backup_the_stick_fails_to_give_back_is_not_said_damaged(
    data: Path, tmp_path: Path, error: str
) -> None:
    before = snapshot(data)
    usb = tmp_path / "usb"
    usb.mkdir()
    with pulled_stick(usb, "read", error):
        shutil.copyfile(tmp_path / NAME, backing_of(usb) / NAME)
        for step in (inspect_backup, lambda backup: restore_backup(data, backup)):
            with pytest.raises(StorageError) as caught:
                step(usb / NAME)
            assert caught.value.message == (
                f"Không đọc được bản sao lưu “{usb / NAME}”: {SAID[error]} Dữ liệu đang dùng "
                "không bị thay đổi."
            )
    assert snapshot(data) == before
