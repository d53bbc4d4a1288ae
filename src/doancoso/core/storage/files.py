"""Writing a file the user chose (an export, a printed PDF) without ever leaving half of it.

The file is written beside its target under a temporary name, flushed to the disk (a printed
PDF or an export is often written straight to a USB stick, pulled out as soon as the app says
"Đã ghi"), and renamed over the target in one step, the folder flushed too
(:func:`replace_flushed`); on any failure the temporary file is removed and the target stays as
it was. A process killed in the middle leaves its temporary file: the next write to that folder
removes it (:func:`remove_stale_temps`). A stick pulled out for good cannot have it removed: the
write's own error is what the user is told, the file left named (:func:`left_behind`). A folder
that does not exist, a file open in Excel, a full disk: each is an :class:`AppError` with a
Vietnamese message, never a traceback.
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
from ..lang.filenames import MAX_NAME, room_in, utf16_units
from .folder import os_reason

# The temporary files of :func:`written_atomically`: ".NAME." then tempfile's 8 random
# characters, then ".doancoso.tmp" (so that no file of the user's is taken for one). One left
# by an export that was killed is removed by the next write to its folder once it is a minute
# old: a younger one may belong to a write still running.
_TEMP_SUFFIX = ".doancoso.tmp"
# What a temporary file's name adds to the part of the target's name it keeps: the dots around
# it, tempfile's 8 characters and the suffix (all ASCII: as many bytes as UTF-16 units).
_TEMP_ADDS = 2 + 8 + len(_TEMP_SUFFIX)
_OUR_TEMP = re.compile(r"\..+\.[a-z0-9_]{8}\.doancoso\.tmp")
_STALE_AFTER = 60.0  # seconds
_LEFT = "doancoso_temp_left"  # the attribute of an error naming the temporary file it left


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


def umask() -> int:
    """The process's umask (what a new file's permissions leave out)."""
    mask = os.umask(0)  # reading the umask means setting it: put it straight back
    os.umask(mask)
    return mask


@contextlib.contextmanager
def written_atomically(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; on success it replaces ``target`` in one step,
    on failure it is removed, so a half-written file never takes the target's place."""
    target = Path(target)
    remove_stale_temps(target.parent)
    try:
        temp = new_temp(target)
    except OSError as exc:
        message = f"Không ghi được tệp “{target}”: {_reason(exc, folder=True)}."
        raise AppError(message, details=repr(exc)) from exc
    try:
        yield temp
        # mkstemp makes the file private (0600); the user's file gets the usual permissions.
        os.chmod(temp, 0o666 & ~umask())
        with open(temp, "rb+") as written:  # a handle that may write: Windows flushes only those
            os.fsync(written.fileno())
        replace_flushed(temp, target)
    except OSError as exc:
        left = discard(temp)
        message = f"Không ghi được tệp “{target}”: {_reason(exc)}."
        if left is not None:
            message += (
                f" Tệp dở dang “{left.name}” có thể còn trong thư mục: có thể xóa đi; lần ghi "
                "sau vào thư mục này sẽ tự xóa nó."
            )
        raise AppError(message, details=repr(exc)) from exc
    except BaseException as exc:  # the write's own error (a cancel), never the cleaning's
        leave_named(exc, discard(temp))
        raise
    finally:
        discard(temp)


def new_temp(target: Path) -> Path:
    """A new empty temporary file beside ``target``, named as :func:`remove_stale_temps`
    recognises the app's own (``.NAME.xxxxxxxx.doancoso.tmp``); an ``OSError`` of the folder."""
    handle, temp_name = tempfile.mkstemp(
        prefix=f".{_kept(target)}.", suffix=_TEMP_SUFFIX, dir=target.parent
    )
    os.close(handle)
    return Path(temp_name)


def _kept(target: Path) -> str:
    """The start of ``target``'s name that a temporary file's name keeps: within Linux's 255
    bytes a name (UTF-8: a Vietnamese letter takes 2 or 3) and Windows' 255 UTF-16 units a name
    and 259 a path (:func:`~doancoso.core.lang.filenames.room_in`), with what the temporary
    name adds; at least one character, for :data:`_OUR_TEMP` to know it."""
    units_left = room_in(target.parent) - _TEMP_ADDS
    bytes_left = MAX_NAME - _TEMP_ADDS
    kept = 0
    for ch in target.name:
        units_left -= utf16_units(ch)
        bytes_left -= len(ch.encode("utf-8", "surrogatepass"))
        if units_left < 0 or bytes_left < 0:
            break
        kept += 1
    return target.name[: max(kept, 1)]


def discard(temp: Path) -> Path | None:
    """Remove the temporary file ``temp``; returns it when it may still be there (a stick
    pulled out for good: removing fails, and looking cannot tell either). Never raises, so that
    the error of the write it served is the one the user is told."""
    try:
        temp.unlink(missing_ok=True)
    except OSError:
        return temp
    return None


def left_behind(error: BaseException) -> Path | None:
    """The temporary file a write stopped by ``error`` could not remove, or None."""
    left = getattr(error, _LEFT, None)
    return left if isinstance(left, Path) else None


def leave_named(error: BaseException, left: Path | None) -> None:
    """Mark ``error`` with the temporary file ``left`` it could not remove (see
    :func:`left_behind`)."""
    if left is not None:
        setattr(error, _LEFT, left)
        error.add_note(f"temporary file left: {left}")


def replace_flushed(temp: Path, target: Path) -> None:
    """Rename ``temp`` over ``target``, then flush the folder so that the new name is on the
    disk when this returns (FAT32 and a stick pulled out straight after the app says "Đã ghi"
    lose a rename that is still in memory): every writer of a file the user chose ends so.
    :class:`NameNotFlushed` when the rename was done but the folder could not be flushed."""
    if sys.platform == "win32":
        # Windows cannot open a folder to flush it; MoveFileExW with MOVEFILE_WRITE_THROUGH
        # returns only once the rename is on the disk, which is what a folder's fsync gives
        # elsewhere (a stick under Windows' default "Quick removal" policy writes through too).
        import ctypes

        replace_existing, write_through = 0x1, 0x8
        kernel = ctypes.WinDLL("kernel32", use_last_error=True)
        if not kernel.MoveFileExW(str(temp), str(target), replace_existing | write_through):
            raise ctypes.WinError(ctypes.get_last_error())
        return
    os.replace(temp, target)
    try:
        fsync_folder(target.parent)
    except OSError as exc:
        raise NameNotFlushed(exc.errno, exc.strerror, str(target.parent)) from exc


class NameNotFlushed(OSError):
    """The file took the target's name, but the folder could not be flushed after (a stick
    pulled out just then): the new name may not last, the file under it is whole."""


def fsync_folder(folder: Path) -> None:
    """Flush ``folder``'s entries (a rename into it) to disk; a file system that cannot flush a
    folder (EINVAL: some network shares) is left to flush it in its own time."""
    if sys.platform == "win32":
        return  # folders cannot be opened to fsync there: see replace_flushed
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError as exc:
        if exc.errno != errno.EINVAL:
            raise
    finally:
        os.close(fd)


def remove_stale_temps(
    folder: Path, also: re.Pattern[str] | None = None, older_than: float = _STALE_AFTER
) -> None:
    """Remove the temporary files of ours in ``folder`` that killed writes left: only regular
    files named as :func:`new_temp` names them (or as ``also``, a writer's own naming, matches
    in full), only when ``older_than`` seconds old (a younger one may belong to a write still
    running); any failure to look or to remove is ignored: the write itself will say what is
    wrong with the folder."""
    now = time.time()
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            ours = entry.name.endswith(_TEMP_SUFFIX) and _OUR_TEMP.fullmatch(entry.name)
            if not (ours or (also is not None and also.fullmatch(entry.name))):
                continue
            with contextlib.suppress(OSError):
                info = entry.stat(follow_symlinks=False)
                if stat.S_ISREG(info.st_mode) and now - info.st_mtime > older_than:
                    os.unlink(entry.path)
