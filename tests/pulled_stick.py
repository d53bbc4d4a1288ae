"""A USB stick pulled out in the middle of a write: from a chosen moment on, its files can no more
be written, flushed or read; each such call fails with the error the system reports for a
vanished device (``EIO`` on Linux; ``ENODEV`` or ``ENXIO`` where the device itself is gone).

``python pulled_stick.py BACKING MOUNTPOINT AT ERRNO [FLAGS]`` serves BACKING's files at
MOUNTPOINT through FUSE (as :mod:`failing_fsync` does, every call the real one on BACKING, no
page cache between: ``direct_io``) until unmounted. AT is when the stick goes:

- ``write``: at the first write past 64 KiB into a file (the file half written);
- ``fsync``: when the written file is flushed to disk;
- ``fsyncdir``: when the folder is flushed, once the file took its final name;
- ``read``: at the first read of a file (the read-back of what was written);
- ``readback``: at the first read of a file once a file took its final name (the read-back of a
  file renamed after it was written and checked: a stick pulled just after the write);
- ``rename``: when a written file first takes its final name (the app's ``os.replace``: SQLite
  renames nothing, and the FUSE layer's own renames of files removed while open do not count);
- ``unlink``: when a file is first removed (the temporary file of a write that failed);
- ``never``: it stays.

From then on every write, read and flush fails with ERRNO (a name: ``EIO``, ``ENODEV``...).
FLAGS, comma-separated: without ``gone``, removing or renaming a file still works (the stick
back in its port, or a device that failed its data but not its folder), except at ``unlink``;
with ``gone``, every call but listing and looking up names fails too: the stick is gone for
good, so a temporary file cannot be removed. With ``garbled``, every read returns the byte at
64 KiB into a file changed, without an error (a worn stick giving back other data than it was
given). With ``cached``, the system's page cache stands between, as on a real stick: without
``direct_io`` a file can be mapped in memory, which SQLite's WAL index (``-shm``) needs, so
that SQLite can write a whole database there (a backup's copy passes through WAL mode). Tests
use :func:`breakage.pulled_stick`.
"""

from __future__ import annotations

import errno
import sys
from typing import Any

from fuse import FUSE, FuseOSError

from failing_fsync import FailingFsync

HALF_WAY = 64 * 1024


class PulledStick(FailingFsync):  # type: ignore[misc]
    """BACKING's files, until the stick is pulled out at ``at``."""

    def __init__(self, backing: str, at: str, error: int, gone: bool,
                 garbled: bool = False) -> None:  # fmt: skip
        super().__init__(backing, failing="none")
        self.at = at
        self.error = error
        self.gone = gone
        self.garbled = garbled
        self.pulled = False
        self.renamed = False  # a file took its final name (for ``readback``)

    def _pull(self, when: bool) -> None:
        if when:
            self.pulled = True
        if self.pulled:
            raise FuseOSError(self.error)

    def _metadata(self) -> None:
        if self.pulled and self.gone:
            raise FuseOSError(self.error)

    def write(self, path: str, data: bytes, offset: int, fh: int) -> int:
        self._pull(self.at == "write" and offset + len(data) > HALF_WAY)
        return super().write(path, data, offset, fh)

    def read(self, path: str, size: int, offset: int, fh: int) -> bytes:
        self._pull(self.at == "read" or (self.at == "readback" and self.renamed))
        data: bytes = super().read(path, size, offset, fh)
        if self.garbled and offset <= HALF_WAY < offset + len(data):
            changed = bytearray(data)
            changed[HALF_WAY - offset] ^= 0xFF
            return bytes(changed)
        return data

    def fsync(self, path: str, datasync: int, fh: int) -> None:
        self._pull(self.at == "fsync")
        return super().fsync(path, datasync, fh)

    def fsyncdir(self, path: str, datasync: int, fh: int) -> None:
        self._pull(self.at == "fsyncdir")
        return super().fsyncdir(path, datasync, fh)

    def open(self, path: str, flags: int) -> int:
        self._metadata()
        return super().open(path, flags)

    def create(self, path: str, mode: int, fi: Any = None) -> int:
        self._metadata()
        return super().create(path, mode, fi)

    def unlink(self, path: str) -> None:
        if self.at == "unlink":
            self._pull(True)
        self._metadata()
        super().unlink(path)

    def rename(self, old: str, new: str) -> None:
        # Not the FUSE layer's own renames of a file removed while open (SQLite's -shm).
        ours = not new.rsplit("/", 1)[-1].startswith(".fuse_hidden")
        if self.at == "rename" and ours:
            self._pull(True)
        self._metadata()
        super().rename(old, new)
        self.renamed = self.renamed or ours

    def chmod(self, path: str, mode: int) -> None:
        self._metadata()
        super().chmod(path, mode)

    def truncate(self, path: str, length: int, fh: int | None = None) -> None:
        self._metadata()
        super().truncate(path, length, fh)


if __name__ == "__main__":
    backing, mountpoint, at, name = sys.argv[1:5]
    flags = set(sys.argv[5].split(",")) if len(sys.argv) > 5 else set()
    FUSE(
        PulledStick(backing, at, getattr(errno, name), "gone" in flags, "garbled" in flags),
        mountpoint,
        foreground=True,
        nothreads=True,
        direct_io="cached" not in flags,
    )
