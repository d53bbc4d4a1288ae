"""An export or a printed PDF written to a USB stick pulled out for good half-way: the user is
told the write's own reason in Vietnamese (never a traceback of the failed clean-up), and the
temporary file the stick took with it is named."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from breakage import backing_of, pulled_stick
from doancoso.core.errors import AppError
from doancoso.core.storage.files import written_atomically


def test_a_stick_gone_for_good_says_why_and_names_the_leftover(tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    target = usb / "danh-sach.xlsx"
    with pulled_stick(usb, "write", "ENODEV", gone=True):
        with pytest.raises(AppError) as caught, written_atomically(target) as temp:
            temp.write_bytes(b"PK" + bytes(256 * 1024))
        (left,) = [p.name for p in backing_of(usb).iterdir()]
    assert re.fullmatch(r"\.danh-sach\.xlsx\.[a-z0-9_]{8}\.doancoso\.tmp", left)
    assert caught.value.message == (
        f"Không ghi được tệp “{target}”: ổ đĩa không còn kết nối (USB có thể đã bị rút ra). "
        f"Tệp dở dang “{left}” có thể còn trong thư mục: có thể xóa đi; lần ghi sau vào thư mục "
        "này sẽ tự xóa nó."
    )
