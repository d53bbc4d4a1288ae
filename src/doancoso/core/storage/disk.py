"""SQLite's errors that come from the disk rather than from the app, in Vietnamese: a full disk, a
file-size limit, a failing or pulled-out stick, a file that cannot be written.

SQLite reports a full disk as ``SQLITE_FULL`` when a write of the database or its journal fails,
and as ``SQLITE_IOERR_*`` when it cannot grow the WAL index (``-shm``) or write the WAL; a
file-size limit (``RLIMIT_FSIZE``) gives the same. These are what a secretary can fix (free some
space, put the stick back), so they get a message, never "Lỗi không mong đợi".
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from ..errors import StorageError

UNCHANGED = "Dữ liệu đã lưu không bị thay đổi."


def disk_error(exc: BaseException, folder: Path) -> StorageError | None:
    """The :class:`StorageError` for ``exc`` (a ``sqlite3`` error, or SQLAlchemy's wrapping of
    one) when the disk under ``folder`` caused it; None for any other error."""
    orig = getattr(exc, "orig", None) or exc
    if not isinstance(orig, sqlite3.Error):
        return None
    name = str(getattr(orig, "sqlite_errorname", ""))
    details = f"{name}: {orig}"
    if name == "SQLITE_FULL":
        return StorageError(
            f"Không ghi được dữ liệu: ổ đĩa chứa thư mục “{folder}” đã đầy. Hãy giải phóng chỗ "
            f"trống (xóa bớt tệp không cần, dọn Thùng rác) rồi thử lại. {UNCHANGED}",
            details,
        )
    if name.startswith("SQLITE_IOERR"):
        return StorageError(
            f"Không ghi được dữ liệu vào thư mục “{folder}”: ổ đĩa đã đầy hoặc bị lỗi đọc ghi "
            "(USB có thể đã bị rút ra). Hãy giải phóng chỗ trống trên ổ đĩa hoặc cắm lại USB, "
            f"rồi thử lại. {UNCHANGED}",
            details,
        )
    if name.startswith("SQLITE_READONLY"):
        return StorageError(
            f"Không ghi được dữ liệu vào thư mục “{folder}”: tệp dữ liệu hoặc thư mục chỉ cho "
            f"phép đọc. Hãy đóng ứng dụng rồi mở lại. {UNCHANGED}",
            details,
        )
    if name.startswith("SQLITE_BUSY") or name.startswith("SQLITE_LOCKED"):
        return StorageError(
            "Dữ liệu đang được một chương trình khác ghi (có thể là một lệnh doancoso đang "
            f"chạy). Hãy đợi giây lát rồi thử lại. {UNCHANGED}",
            details,
        )
    return None


@contextlib.contextmanager
def disk_errors(folder: Path) -> Iterator[None]:
    """Turn the disk's errors raised inside into :func:`disk_error`'s messages."""
    try:
        yield
    except Exception as exc:
        converted = disk_error(exc, folder)
        if converted is None:
            raise
        raise converted from exc
