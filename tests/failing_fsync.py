"""A folder whose files cannot be flushed to disk: ``fsync`` fails with ``EIO``, as on a disk
that fails under the write-back (a worn USB stick, a dying drive), while writing, reading and
renaming work.

``python failing_fsync.py BACKING MOUNTPOINT [files|folders|both] [SWITCH]`` serves BACKING's
files at MOUNTPOINT through FUSE (``fusepy`` over the system's libfuse2) until unmounted: each
call is the real one on BACKING, except that flushing a file (``fsync``), a folder's entries
(``fsyncdir``) or both fail — always, or only while the file SWITCH exists (a disk that starts
failing once the data are open). Tests use :func:`breakage.failing_fsync`, which
runs this in a subprocess and skips where FUSE cannot mount.
"""

from __future__ import annotations

import errno
import os
import sys
from typing import Any

from fuse import FUSE, FuseOSError, Operations  # type: ignore[import-untyped]

_STAT_FIELDS = (
    "st_atime", "st_ctime", "st_gid", "st_mode", "st_mtime", "st_nlink", "st_size", "st_uid",
)  # fmt: skip


class FailingFsync(Operations):  # type: ignore[misc]
    """BACKING's files as they are; flushing them to disk fails."""

    def __init__(self, backing: str, failing: str = "both", switch: str = "") -> None:
        self.backing = backing
        self.files = failing in ("files", "both")
        self.folders = failing in ("folders", "both")
        self.switch = switch

    def _failing(self) -> bool:
        return not self.switch or os.path.exists(self.switch)

    def _path(self, path: str) -> str:
        return os.path.join(self.backing, path.lstrip("/"))

    def __call__(self, op: str, *args: Any) -> Any:
        try:
            return super().__call__(op, *args)
        except OSError as exc:  # the real call's error, as the kernel would give it
            if isinstance(exc, FuseOSError) or exc.errno is None:
                raise
            raise FuseOSError(exc.errno) from exc

    def getattr(self, path: str, fh: int | None = None) -> dict[str, Any]:
        st = os.lstat(self._path(path))
        return {name: getattr(st, name) for name in _STAT_FIELDS}

    def readdir(self, path: str, fh: int) -> list[str]:
        return [".", "..", *os.listdir(self._path(path))]

    def access(self, path: str, amode: int) -> None:
        if not os.access(self._path(path), amode):
            raise FuseOSError(errno.EACCES)

    def chmod(self, path: str, mode: int) -> None:
        os.chmod(self._path(path), mode)

    def chown(self, path: str, uid: int, gid: int) -> None:
        os.chown(self._path(path), uid, gid)

    def utimens(self, path: str, times: tuple[float, float] | None = None) -> None:
        os.utime(self._path(path), times)

    def mkdir(self, path: str, mode: int) -> None:
        os.mkdir(self._path(path), mode)

    def rmdir(self, path: str) -> None:
        os.rmdir(self._path(path))

    def unlink(self, path: str) -> None:
        os.unlink(self._path(path))

    def rename(self, old: str, new: str) -> None:
        os.rename(self._path(old), self._path(new))

    def statfs(self, path: str) -> dict[str, Any]:
        st = os.statvfs(self._path(path))
        names = ("f_bavail", "f_bfree", "f_blocks", "f_bsize", "f_favail", "f_ffree", "f_files")
        return {name: getattr(st, name) for name in (*names, "f_flag", "f_frsize", "f_namemax")}

    def create(self, path: str, mode: int, fi: Any = None) -> int:
        return os.open(self._path(path), os.O_RDWR | os.O_CREAT | os.O_EXCL, mode)

    def open(self, path: str, flags: int) -> int:
        return os.open(self._path(path), flags)

    def read(self, path: str, size: int, offset: int, fh: int) -> bytes:
        return os.pread(fh, size, offset)

    def write(self, path: str, data: bytes, offset: int, fh: int) -> int:
        return os.pwrite(fh, data, offset)

    def truncate(self, path: str, length: int, fh: int | None = None) -> None:
        os.truncate(self._path(path), length)

    def flush(self, path: str, fh: int) -> None:
        return None  # close(): nothing is flushed to disk by it

    def release(self, path: str, fh: int) -> None:
        os.close(fh)

    def fsync(self, path: str, datasync: int, fh: int) -> None:
        if self.files and self._failing():
            raise FuseOSError(errno.EIO)
        os.fsync(fh)

    def fsyncdir(self, path: str, datasync: int, fh: int) -> None:
        if self.folders and self._failing():
            raise FuseOSError(errno.EIO)
        fd = os.open(self._path(path), os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


if __name__ == "__main__":
    failing = sys.argv[3] if len(sys.argv) > 3 else "both"
    switch = sys.argv[4] if len(sys.argv) > 4 else ""
    FUSE(FailingFsync(sys.argv[1], failing, switch), sys.argv[2], foreground=True, nothreads=True)
