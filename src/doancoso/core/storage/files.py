"""Writing a file the user chose (an export, a printed PDF) without ever leaving half of it.

The file is written beside its target under a temporary name and renamed over the target in one
step; on any failure the temporary file is removed and the target stays as it was. A folder
that does not exist, a file open in Excel, a full disk: each is an :class:`AppError` with a
Vietnamese message, never a traceback.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from ..errors import AppError
from .folder import os_reason


def _reason(error: OSError) -> str:
    if isinstance(error, PermissionError):
        return "không có quyền ghi (tệp có thể đang mở trong chương trình khác)"
    return os_reason(error)


def _umask() -> int:
    mask = os.umask(0)  # reading the umask means setting it: put it straight back
    os.umask(mask)
    return mask


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
        # mkstemp makes the file private (0600); the user's file gets the usual permissions.
        os.chmod(temp, 0o666 & ~_umask())
        os.replace(temp, target)
    except OSError as exc:
        message = f"Không ghi được tệp “{target}”: {_reason(exc)}."
        raise AppError(message, details=repr(exc)) from exc
    finally:
        temp.unlink(missing_ok=True)
