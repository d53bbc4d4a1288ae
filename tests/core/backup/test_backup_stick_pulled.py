"""A USB stick pulled out as a backup onto it takes its name, or as its folder is flushed after:
the system's EIO, ENODEV or ENXIO is said with what the secretary can do (put the stick back,
or check it, and back up again), as a write-protected stick's error is, and nothing is left on
the stick nor changed in the data folder. Skipped where FUSE cannot mount (:mod:`breakage`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from breakage import backing_of, failing_fsync, pulled_stick, snapshot
from doancoso.core.errors import StorageError
from doancoso.core.workspace import Workspace

FAILING = (
    "lỗi đọc ghi ổ đĩa (USB có thể đã bị rút ra). Ổ đĩa có thể đang hỏng: hãy kiểm tra ổ đĩa "
    "(hoặc cắm lại USB) rồi thử lại."
)
GONE = "ổ đĩa không còn kết nối (USB có thể đã bị rút ra). Hãy cắm lại USB vào máy rồi thử lại."


@pytest.mark.parametrize(("error", "said"), [("EIO", FAILING), ("ENODEV", GONE), ("ENXIO", GONE)])
def test_a_stick_pulled_out_as_the_backup_takes_its_name_says_what_to_do(
    ws: Workspace, tmp_path: Path, error: str, said: str
) -> None:
    before = snapshot(ws.data_dir)
    usb = tmp_path / "usb"
    usb.mkdir()
    with pulled_stick(usb, "rename", error, cached=True):
        with pytest.raises(StorageError) as caught:
            ws.backups.to_folder(usb)
        assert caught.value.message == (
            f"Không ghi được bản sao lưu vào “{usb}”: {said} Dữ liệu đang dùng không bị thay đổi."
        )
        assert list(backing_of(usb).iterdir()) == []
    assert snapshot(ws.data_dir) == before


def test_a_stick_failing_to_flush_the_backup_s_name_says_what_to_do(
    ws: Workspace, tmp_path: Path
) -> None:
    """The file renamed, then the folder's flush failing (EIO): the name may not last, so the
    backup is removed and said not written, with the same advice."""
    before = snapshot(ws.data_dir)
    usb = tmp_path / "usb"
    usb.mkdir()
    with failing_fsync(usb, "folders"):
        with pytest.raises(StorageError) as caught:
            ws.backups.to_folder(usb)
        assert caught.value.message == (
            f"Không ghi được bản sao lưu vào “{usb}”: {FAILING} Dữ liệu đang dùng không bị "
            "thay đổi."
        )
        assert list(backing_of(usb).iterdir()) == []
    assert snapshot(ws.data_dir) == before


def test_a_backup_the_stick_fails_to_give_back_is_not_left_on_it(
    ws: Workspace, tmp_path: Path
) -> None:
    """The stick pulled out once the backup is written, checked and named, as it is read back
    (EIO), then put back: the backup that did not read back right is removed, so that no
    restore later offers it."""
    before = snapshot(ws.data_dir)
    usb = tmp_path / "usb"
    usb.mkdir()
    with pulled_stick(usb, "readback", "EIO", cached=True):
        with pytest.raises(StorageError) as caught:
            ws.backups.to_folder(usb)
        assert caught.value.message == (
            f"Bản sao lưu ghi ra “{usb}” không đọc lại được đúng: USB có thể bị lỗi. Bản sao lưu "
            "đó đã được xóa khỏi USB. Hãy thử lại với USB khác. Dữ liệu đang dùng không bị "
            "thay đổi."
        )
        assert list(backing_of(usb).iterdir()) == []
    assert snapshot(ws.data_dir) == before


def test_a_backup_a_stick_gone_fails_to_give_back_is_named_to_delete(
    ws: Workspace, tmp_path: Path
) -> None:
    """The same, the stick gone for good: the backup cannot be removed, so the message names
    it, not to be used and to be deleted."""
    usb = tmp_path / "usb"
    usb.mkdir()
    with pulled_stick(usb, "readback", "ENODEV", gone=True, cached=True):
        with pytest.raises(StorageError) as caught:
            ws.backups.to_folder(usb)
        (left,) = backing_of(usb).iterdir()
        assert left.name.startswith("thu-cong-") and left.suffix == ".sqlite"
        assert caught.value.message == (
            f"Bản sao lưu ghi ra “{usb}” không đọc lại được đúng: USB có thể bị lỗi. Tệp "
            f"“{left.name}” còn trên USB không dùng được: đừng khôi phục từ tệp đó, hãy xóa nó "
            "đi. Hãy thử lại với USB khác. Dữ liệu đang dùng không bị thay đổi."
        )


def test_a_backup_cut_off_by_a_stick_gone_names_what_it_leaves(
    demo_ws: Workspace, tmp_path: Path
) -> None:
    """The stick pulled out for good half way through the copy (ENODEV): the copy under its
    temporary name and SQLite's journal beside it cannot be removed, so the message names
    them, as a bundle export names what it leaves."""
    before = snapshot(demo_ws.data_dir)
    usb = tmp_path / "usb"
    usb.mkdir()
    with pulled_stick(usb, "write", "ENODEV", gone=True, cached=True):
        with pytest.raises(StorageError) as caught:
            demo_ws.backups.to_folder(usb)
        left = sorted(p.name for p in backing_of(usb).iterdir())
    assert len(left) == 2
    copy, journal = left
    assert copy.startswith(".thu-cong-") and copy.endswith(".sqlite.tmp")
    assert journal == f"{copy}-journal"
    assert caught.value.message == (
        f"Không sao lưu được dữ liệu. Không ghi được dữ liệu vào thư mục “{usb}”: ổ đĩa đã đầy "
        "hoặc bị lỗi đọc ghi (USB có thể đã bị rút ra). Hãy giải phóng chỗ trống trên ổ đĩa "
        "hoặc cắm lại USB, rồi thử lại. Dữ liệu đang dùng không bị thay đổi. Các tệp dở dang "
        f"“{copy}”, “{journal}” có thể còn trong thư mục “{usb}”: đó không phải bản sao lưu, "
        "có thể xóa đi."
    )
    assert snapshot(demo_ws.data_dir) == before
