"""Writing a file the user chose (an export, a printed PDF) without ever leaving half of it.

The file is written beside its target under a temporary name, flushed to the disk (a printed
PDF or an export is often written straight to a USB stick, pulled out as soon as the app says
"Đã ghi"), and renamed over the target in one step, the folder flushed too; on any failure the
temporary file is removed and the target stays as it was. A process killed in the middle leaves
its temporary file: the next write to that folder removes it. A folder that does not exist, a
file open in Excel, a full disk: each is an :class:`AppError` with a Vietnamese message, never a
traceback.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from ..errors import AppError
from .folder import os_reason

_NAME_KEPT = 200  # characters of the target's name in the temporary file's name
# The temporary files of :func:`written_atomically`: ".NAME." then tempfile's 8 random
# characters, then ".doancoso.tmp" (so that no file of the user's is taken for one). One left
# by an export that was killed is removed by the next write to its folder once it is a minute
# old: a younger one may belong to a write still running.
_TEMP_SUFFIX = ".doancoso.tmp"
_OUR_TEMP = re.compile(r"\..+\.[a-z0-9_]{8}\.doancoso\.tmp")
_STALE_AFTER = 60.0  # seconds


def _reason(error: OSError, folder: bool = False) -> str:
    """Why a file (or a file in a ``folder``) could not be written, in Vietnamese: never the
    system's English."""
    if folder and error.errno == errno.ENOENT:
        return "thư mục không tồn tại"
    if isinstance(error, PermissionError):
        if folder:
            return "không có quyền ghi vào thư mục này"
        return "không có quyền ghi (tệp có thể đang mở trong chương trình khác)"
    if error.errno == errno.EFBIG:
        return (
            "tệp vượt quá kích thước lớn nhất mà ổ đĩa cho phép (ổ USB định dạng FAT32 chỉ "
            "nhận tệp dưới 4 GB)"
        )
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
    _remove_stale_temps(target.parent)
    try:
        # the name cut, so that a long name the target may have still fits with the rest
        handle, temp_name = tempfile.mkstemp(
            prefix=f".{target.name[:_NAME_KEPT]}.", suffix=_TEMP_SUFFIX, dir=target.parent
        )
        os.close(handle)
    except OSError as exc:
        message = f"Không ghi được tệp “{target}”: {_reason(exc, folder=True)}."
        raise AppError(message, details=repr(exc)) from exc
    temp = Path(temp_name)
    try:
        yield temp
        # mkstemp makes the file private (0600); the user's file gets the usual permissions.
        os.chmod(temp, 0o666 & ~_umask())
        with open(temp, "rb+") as written:  # a handle that may write: Windows flushes only those
            os.fsync(written.fileno())
        os.replace(temp, target)
        fsync_folder(target.parent)
    except OSError as exc:
        message = f"Không ghi được tệp “{target}”: {_reason(exc)}."
        raise AppError(message, details=repr(exc)) from exc
    finally:
        temp.unlink(missing_ok=True)


def fsync_folder(folder: Path) -> None:
    """Flush ``folder``'s entries (a rename into it) to disk; a file system that cannot flush a
    folder (EINVAL: some network shares) is left to flush it in its own time."""
    if sys.platform == "win32":
        return  # a rename is flushed with the file there; folders cannot be opened to fsync
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError as exc:
        if exc.errno != errno.EINVAL:
            raise
    finally:
        os.close(fd)


def _remove_stale_temps(folder: Path) -> None:
    """Remove the temporary files of ours in ``folder`` that killed writes left (only regular
    files named as :func:`written_atomically` names them, only a minute old); any failure to
    look or to remove is ignored: the write itself will say what is wrong with the folder."""
    now = time.time()
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            if not (entry.name.endswith(_TEMP_SUFFIX) and _OUR_TEMP.fullmatch(entry.name)):
                continue
            with contextlib.suppress(OSError):
                info = entry.stat(follow_symlinks=False)
                if stat.S_ISREG(info.st_mode) and now - info.st_mtime > _STALE_AFTER:
                    os.unlink(entry.path)
