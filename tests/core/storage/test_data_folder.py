"""A data folder that cannot be used gets a Vietnamese message saying what is wrong and what to
do, and opening one only to read creates nothing (#10)."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from doancoso.core.errors import StorageError
from doancoso.core.storage.folder import os_reason
from doancoso.core.workspace import Workspace


def test_a_file_is_not_a_data_folder(tmp_path: Path) -> None:
    plain = tmp_path / "ghi-chu.txt"
    plain.write_text("x")
    with pytest.raises(StorageError) as info:
        Workspace.open(plain)
    assert info.value.message == (
        f"Thư mục dữ liệu “{plain}” là một tệp, không phải thư mục. "
        "Hãy chọn một thư mục để chứa dữ liệu."
    )
    assert plain.read_text() == "x"


def test_a_folder_that_cannot_be_made(tmp_path: Path) -> None:
    with pytest.raises(StorageError) as info:
        Workspace.open(Path("/proc/doancoso-khong-the-co"))
    assert info.value.message.startswith("Không tạo được thư mục dữ liệu “/proc/doancoso-khong")
    assert info.value.message.endswith(". Hãy chọn một thư mục khác.")
    under_a_file = tmp_path / "tep"
    under_a_file.write_text("x")
    with pytest.raises(StorageError) as info:
        Workspace.open(under_a_file / "du-lieu")
    assert "một phần của đường dẫn là tệp, không phải thư mục" in info.value.message


def test_reading_creates_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "chua-co"
    with pytest.raises(StorageError) as info:
        Workspace.open(missing, create=False)
    assert info.value.message == (
        f"Chưa có dữ liệu ở thư mục “{missing}”. Hãy mở ứng dụng để thiết lập, hoặc chạy lệnh: "
        'doancoso init --name "Đoàn xã …" --superior "Tỉnh đoàn …"'
    )
    assert not missing.exists()
    empty = tmp_path / "rong"
    empty.mkdir()
    with pytest.raises(StorageError, match="Chưa có dữ liệu"):
        Workspace.open(empty, create=False)
    assert list(empty.iterdir()) == []


def test_a_folder_named_like_the_database(tmp_path: Path) -> None:
    (tmp_path / "doancoso.sqlite").mkdir()
    with pytest.raises(StorageError, match="không phải tệp dữ liệu"):
        Workspace.open(tmp_path)


def test_operating_system_errors_in_vietnamese() -> None:
    assert os_reason(PermissionError(errno.EACCES, "Permission denied")) == (
        "không có quyền truy cập"
    )
    assert os_reason(OSError(errno.EROFS, "Read-only file system")) == (
        "ổ đĩa chỉ cho phép đọc (USB có thể đang bị khóa ghi)"
    )
    assert os_reason(OSError(errno.ENAMETOOLONG, "File name too long")) == (
        "tên tệp hoặc đường dẫn quá dài"
    )
    for gone in (errno.ENODEV, errno.ENXIO):  # a stick pulled out, as the system may say it
        assert os_reason(OSError(gone, "No such device")) == (
            "ổ đĩa không còn kết nối (USB có thể đã bị rút ra)"
        )
    assert os_reason(OSError(errno.EXDEV, "x")) == f"lỗi của hệ điều hành (mã {errno.EXDEV})"
