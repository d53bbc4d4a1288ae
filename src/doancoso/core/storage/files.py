"""Writing a file the user chose (an export, a printed PDF) without ever leaving half of it.

The file is written beside its target under a temporary name and renamed over the target in one
step; on any failure the temporary file is removed and the target stays as it was. A folder
that does not exist, a file open in Excel, a full disk: each is an :class:`AppError` with a
Vietnamese message, never a traceback.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from ..errors import AppError


def _reason(error: OSError) -> str:
    if isinstance(error, IsADirectoryError):
        return "đó là một thư mục"
    if isinstance(error, PermissionError):
        return "không có quyền ghi (tệp có thể đang mở trong chương trình khác)"
    if error.errno == errno.ENOSPC:
        return "ổ đĩa đã đầy"
    return "lỗi ghi tệp"


@contextlib.contextmanager
def written_atomically(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; on success it replaces ``target`` in one step,
    on failure it is removed, so a half-written file never takes the target's place."""
    target = Path(target)
    try:
        handle, temp_name = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
        )
        os.close(handle)
    except OSError as exc:
        message = f"Không ghi được tệp “{target}”: thư mục không tồn tại hoặc không có quyền ghi."
        raise AppError(message, details=repr(exc)) from exc
    temp = Path(temp_name)
    try:
        yield temp
        os.replace(temp, target)
    except OSError as exc:
        message = f"Không ghi được tệp “{target}”: {_reason(exc)}."
        raise AppError(message, details=repr(exc)) from exc
    finally:
        temp.unlink(missing_ok=True)
