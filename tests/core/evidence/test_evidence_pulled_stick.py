"""A file attached from a USB stick pulled out while it is read: a Vietnamese message naming the
file and the reason, nothing left in the store, no record naming a file that is not there."""

from __future__ import annotations

from pathlib import Path

import pytest

from breakage import backing_of, fill, pulled_stick, small_disk
from doancoso.core.errors import ImportFileError
from doancoso.core.organization import OrganizationInfo
from doancoso.core.workspace import Workspace

SCAN = b"%PDF-1.4\n" + bytes(range(256)) * 1024  # 256 KiB: read in several chunks


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        ("EIO", "lỗi đọc ghi ổ đĩa (USB có thể đã bị rút ra)"),
        ("ENODEV", "ổ đĩa không còn kết nối (USB có thể đã bị rút ra)"),
        ("ENXIO", "ổ đĩa không còn kết nối (USB có thể đã bị rút ra)"),
    ],
)
def test_a_stick_pulled_out_while_its_file_is_read(
    ws: Workspace, tmp_path: Path, error: str, reason: str
) -> None:
    stick = tmp_path / "usb"
    stick.mkdir()
    with pulled_stick(stick, "read", error, gone=error != "EIO"):
        (backing_of(stick) / "biên bản.pdf").write_bytes(SCAN)
        with pytest.raises(ImportFileError) as caught:
            ws.recognition.attach(2025, "2.3", stick / "biên bản.pdf", "Biên bản sinh hoạt")
    assert caught.value.message == f"Không đọc được tệp “biên bản.pdf”: {reason}."
    folder = ws.evidence.store.folder
    assert not folder.exists() or list(folder.iterdir()) == []
    (item,) = [v for v in ws.recognition.view(2025).items if v.item.code == "2.3"]
    assert item.files == ()
    assert ws.check().ok


def test_a_full_data_disk_is_said_as_such_not_as_an_unreadable_file(tmp_path: Path) -> None:
    """The photo is sound; the disk of the data folder is full: the message says which, and
    what to do, and nothing is left half-written in the store."""
    photo = tmp_path / "ảnh ra quân.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)) * 2048)  # 512 KiB
    disk = tmp_path / "o-dia"
    disk.mkdir()
    with small_disk(disk, 4096):
        ws = Workspace.open(disk / "du-lieu")
        try:
            ws.organization.create(
                OrganizationInfo(name="Đoàn xã Tân Hưng", superior_name="Tỉnh đoàn Cà Mau")
            )
            ws.recognition.set(2025, "1.6", {"note": "Đã lập danh sách."})
            filler = fill(disk)
            with pytest.raises(ImportFileError) as caught:
                ws.recognition.attach(2025, "1.6", photo)
            filler.unlink()
            assert caught.value.message == (
                "Không ghi được tệp “ảnh ra quân.jpg” vào thư mục dữ liệu: ổ đĩa đã đầy. Hãy "
                "giải phóng chỗ trống trên ổ đĩa rồi thử lại."
            )
            folder = ws.evidence.store.folder
            assert not folder.exists() or list(folder.iterdir()) == []
            (item,) = [v for v in ws.recognition.view(2025).items if v.item.code == "1.6"]
            assert item.files == ()
        finally:
            ws.close()
