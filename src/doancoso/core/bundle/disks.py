"""Writing a bundle on a cheap USB stick without ever leaving a bad file under its name.

The bundle is written beside the target under a temporary name (one that the app's other
writers clean up when a killed write left it), flushed and fsync'd, its cached pages dropped
where the system allows it (so that the read-back reads the stick, not memory), read back and
verified, renamed over the target, and the folder fsync'd. A full or pulled-out stick, a file
too large for a FAT32 drive, a read-back that is not what was written: each is a
:class:`BundleWriteError` with a Vietnamese message, the temporary file removed, nothing under
the final name. A stick pulled out for good cannot have its temporary file removed: every
message then names it rather than saying no partial file is left (the next export removes
it); a cancel, which the core lets through untouched (:mod:`doancoso.core.progress`), carries
it for the caller to say (:func:`temp_left`).
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from ..errors import AppError
from ..lang.text import size_text
from ..storage.files import fsync_folder, new_temp, remove_stale_temps, umask
from ..storage.folder import os_reason
from .errors import OLDER_FILE_KEPT, BundleWriteError
from .limits import FAT_MAX_FILE

FAT_TYPES = frozenset({"vfat", "msdos", "fat", "fat12", "fat16", "fat32", "umsdos"})
PULLED_OUT = frozenset({errno.EIO, errno.ENODEV, errno.ENXIO, errno.ENOENT})
"""What a write, flush or read on a stick pulled out fails with: EIO (Linux, the device's I/O
gone), ENODEV or ENXIO (the device itself gone), ENOENT (its folder gone with it)."""


def _unescape_mount(text: str) -> str:
    """/proc/mounts writes a space as \\040, a tab as \\011, a backslash as \\134."""
    out, i = [], 0
    while i < len(text):
        if text[i] == "\\" and text[i + 1 : i + 4].isdigit() and len(text) >= i + 4:
            out.append(chr(int(text[i + 1 : i + 4], 8)))
            i += 4
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def fs_type_from_mounts(mounts: str, path: Path) -> str | None:
    """The filesystem type of the mount holding ``path`` (absolute, resolved) in the text of
    /proc/mounts, or None when no line matches."""
    best, best_type = -1, None
    target = str(path)
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = _unescape_mount(fields[1])
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and len(point) > best:
            best, best_type = len(point), fields[2]
    return best_type


def _windows_fs_type(path: Path) -> str | None:
    if sys.platform != "win32":
        return None
    import ctypes

    volume = ctypes.create_unicode_buffer(261)
    name = ctypes.create_unicode_buffer(261)
    kernel = ctypes.windll.kernel32
    if not kernel.GetVolumePathNameW(str(path), volume, 261):
        return None
    if not kernel.GetVolumeInformationW(volume, None, 0, None, None, None, name, 261):
        return None
    return str(name.value)


def filesystem_type(folder: Path) -> str | None:
    """The type of the filesystem holding ``folder`` ("vfat", "FAT32", "ntfs"...) where the
    system tells it (Linux: /proc/mounts; Windows: GetVolumeInformationW), else None."""
    if sys.platform == "win32":
        return _windows_fs_type(folder)
    try:
        mounts = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    return fs_type_from_mounts(mounts, folder.resolve())


def is_fat(fs_type: str | None) -> bool:
    return fs_type is not None and fs_type.lower() in FAT_TYPES


def max_file_size(folder: Path) -> int | None:
    """The largest file the drive of ``folder`` takes, when it has a limit we know (FAT)."""
    return FAT_MAX_FILE if is_fat(filesystem_type(folder)) else None


def too_large_for_fat(folder: Path, size: int | None, *, started: bool = False) -> BundleWriteError:
    """The drive's limit: refused before writing (``size``, what the bundle needs at least), or
    reached half-way (``started``: the temporary file removed, said so)."""
    about = f" (gói dữ liệu cần khoảng {size_text(size)} trở lên)" if size else ""
    after = f" {OLDER_FILE_KEPT}" if started else ""
    return BundleWriteError(
        f"Không ghi được gói dữ liệu vào “{folder}”: ổ đĩa này định dạng FAT32, chỉ nhận tệp "
        f"nhỏ hơn 4 GB{about}. Hãy chọn ổ đĩa khác, hoặc định dạng lại USB theo exFAT hay "
        f"NTFS (định dạng lại sẽ xóa hết dữ liệu trên USB: hãy chép chúng ra trước).{after}"
    )


def _reason(error: OSError) -> str:
    if error.errno == errno.ENOSPC:
        return "ổ đĩa đã đầy: hãy giải phóng chỗ trống hoặc chọn ổ đĩa khác"
    if error.errno in PULLED_OUT:
        return "USB đã bị rút ra hoặc ổ đĩa không còn đọc ghi được: hãy cắm lại USB rồi xuất lại"
    if error.errno == errno.EFBIG:
        return (
            "tệp vượt quá kích thước lớn nhất mà ổ đĩa cho phép (USB định dạng FAT32 chỉ nhận "
            "tệp dưới 4 GB)"
        )
    return os_reason(error)


def write_failed(target: Path, error: OSError, left: Path | None = None) -> BundleWriteError:
    """The message of a write that failed with ``error``; ``left``: the temporary file that
    could not be removed (the stick gone with it), said so rather than "nothing left"."""
    kept = OLDER_FILE_KEPT if left is None else partial_left(left)
    return BundleWriteError(
        f"Không ghi được gói dữ liệu “{target}”: {_reason(error)}. {kept}", details=repr(error)
    )


def replaced_then_failed(target: Path, error: OSError, *, removed: bool) -> BundleWriteError:
    """The message of a write whose file, written and read back whole, took the target's name
    (replacing an older file of that name) and then could not be flushed there: the name may
    not last, so the file is removed (``removed``), or, the stick gone, said not to be used."""
    what = (
        "nên tệp mới đã được xóa; không có tệp dở dang nào được để lại"
        if removed
        else f"nên tệp “{target.name}” còn trên USB có thể chưa được lưu hẳn: đừng dùng tệp đó"
    )
    return BundleWriteError(
        f"Không ghi được gói dữ liệu “{target}”: {_reason(error)}. Ổ đĩa hỏng đúng lúc tệp mới "
        f"vừa thay chỗ tệp cũ cùng tên (nếu có), nên tệp cũ không còn; tên tệp mới chưa chắc đã "
        f"được lưu hẳn trên ổ đĩa, {what}.",
        details=repr(error),
    )


def partial_left(temp: Path) -> str:
    """Said after a write whose temporary file ``temp`` could not be removed."""
    return (
        f"Tệp cũ cùng tên (nếu có) vẫn còn nguyên. Tệp dở dang “{temp.name}” có thể còn trên "
        "USB: đó không phải gói dữ liệu, có thể xóa đi; lần xuất sau vào thư mục này sẽ tự "
        "xóa nó."
    )


def _temp_named(error: AppError, left: Path) -> BundleWriteError:
    """``error`` (a read-back not what was written, the drive's limit reached half-way, an
    evidence file gone from the store...) naming the temporary file ``left`` that could not be
    removed, in place of "no partial file left" where it said so."""
    said = error.message.removesuffix(OLDER_FILE_KEPT).rstrip()
    return BundleWriteError(f"{said} {partial_left(left)}", details=error.details)


_LEFT = "doancoso_temp_left"


def temp_left(error: BaseException) -> Path | None:
    """The temporary file that a write stopped by ``error`` (a cancel, let through untouched)
    could not remove, or None (removed, or not stopped in a write)."""
    left = getattr(error, _LEFT, None)
    return left if isinstance(left, Path) else None


def _discard(temp: Path) -> Path | None:
    """Remove the temporary file; returns it when it may still be there (a stick pulled out
    for good: removing fails, and looking cannot tell either)."""
    try:
        temp.unlink(missing_ok=True)
    except OSError:
        return temp
    return None


class _Limited:
    """The temporary file, refusing to grow past the drive's limit (FAT32's 4 GB) with the
    message that explains it, rather than the system's "File too large"."""

    def __init__(self, handle: BinaryIO, limit: int | None, folder: Path) -> None:
        self._handle = handle
        self._limit = limit
        self._folder = folder
        self.size = 0

    def write(self, data: bytes | bytearray | memoryview) -> int:
        size = len(memoryview(data).cast("B"))
        if self._limit is not None and self.size + size > self._limit:
            raise too_large_for_fat(self._folder, None, started=True)
        self.size += size
        return self._handle.write(data)

    def flush(self) -> None:
        self._handle.flush()

    def tell(self) -> int:
        return self.size

    def seek(self, offset: int, whence: int = 0) -> int:
        raise OSError("written in one pass")

    def seekable(self) -> bool:
        return False


def _no_folder(folder: Path) -> str:
    """Why ``folder`` (not a folder) cannot hold a file: missing, or a file on its path stands
    where a folder should ("afile/b.dcs" said the folder did not exist, and the secretary
    looked for a folder that was there, as a file)."""
    for place in (folder, *folder.parents):
        if place.is_dir():
            break
        if place.exists():
            return f"“{place}” là một tệp, không phải thư mục."
    return "thư mục không tồn tại."


def safe_write(
    target: Path,
    write: Callable[[BinaryIO], None],
    verify: Callable[[Path], None],
    *,
    expected_size: int = 0,
    limit: int | None = None,
) -> int:
    """Write ``target`` through ``write`` (given a one-pass stream), then ``verify`` the
    written file (reading it back from the disk) before it takes the target's name. Returns
    the size written. ``limit`` (default: the drive's, FAT32's 4 GB) bounds the file;
    ``expected_size`` (a lower bound of the final size) refuses at once a file that cannot fit.
    """
    target = Path(target)
    folder = target.parent
    if not folder.is_dir():
        raise BundleWriteError(f"Không ghi được gói dữ liệu “{target}”: {_no_folder(folder)}")
    if target.is_dir():
        raise BundleWriteError(f"Không ghi được gói dữ liệu “{target}”: đó là một thư mục.")
    if limit is None:
        limit = max_file_size(folder)
    if limit is not None and expected_size > limit:
        raise too_large_for_fat(folder, expected_size)
    remove_stale_temps(folder)
    try:  # named within the disk's limits however long the target's name
        temp = new_temp(target)
    except OSError as exc:
        raise write_failed(target, exc) from exc
    try:
        with open(temp, "wb") as handle:
            limited = _Limited(handle, limit, folder)
            write(limited)  # type: ignore[arg-type]  # a one-pass binary stream
            handle.flush()
            os.fsync(handle.fileno())
            if hasattr(os, "posix_fadvise"):  # read back from the stick, not from memory
                os.posix_fadvise(handle.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)
        verify(temp)
        os.chmod(temp, 0o666 & ~umask())
        os.replace(temp, target)
        try:
            fsync_folder(folder)
        except OSError as exc:  # the new name may not last: the file is not given as written
            try:
                target.unlink()
            except OSError:
                raise replaced_then_failed(target, exc, removed=False) from exc
            raise replaced_then_failed(target, exc, removed=True) from exc
        return limited.size
    except OSError as exc:
        raise write_failed(target, exc, _discard(temp)) from exc
    except AppError as exc:  # its message says the temporary file is gone only when it is
        left = _discard(temp)
        if left is None:
            raise
        raise _temp_named(exc, left) from exc
    except BaseException as exc:  # a cancel: untouched, the file it leaves named on it
        left = _discard(temp)
        if left is not None:
            setattr(exc, _LEFT, left)
            exc.add_note(f"temporary file left: {left}")
        raise
    finally:
        _discard(temp)
