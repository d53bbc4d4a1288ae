"""A file attached from a USB stick pulled out while it is read: a Vietnamese message naming the
file and the reason, nothing left in the store, no record naming a file that is not there."""

from __future__ import annotations

from pathlib import Path

import pytest

from breakage import backing_of, pulled_stick
from doancoso.core.errors import ImportFileError
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
