"""A workspace on data that can only be read, opened directly (runs everywhere, unlike a real
write-protected mount): what the pages that offer no write on such data are tested on."""

from __future__ import annotations

from pathlib import Path

from doancoso.core.storage.db import Database
from doancoso.core.storage.folder import ReadOnlyData
from doancoso.core.workspace import DATABASE_FILE, Workspace

READ_ONLY = ReadOnlyData(
    "thư mục dữ liệu “E:\\doancoso” nằm trên ổ đĩa chỉ cho phép đọc (USB có thể đang bị khóa ghi)",
    "Muốn sửa dữ liệu, hãy gạt khóa ghi của USB rồi mở lại.",
)
TIP = "Dữ liệu chỉ đọc: không lưu được thay đổi nào."
"""The tooltip of a button that can only write, on such data."""


def open_read_only(data_dir: Path) -> Workspace:
    """The workspace of ``data_dir`` as a write-protected stick opens it (close it after)."""
    return Workspace(data_dir, Database.open(data_dir / DATABASE_FILE, READ_ONLY))
