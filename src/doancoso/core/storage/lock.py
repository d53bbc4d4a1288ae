"""One GUI per data folder: the lock file ``doancoso.lock`` in the data folder.

The GUI takes the lock when it opens a data folder and releases it when it closes; a second GUI on
the same folder is refused with :class:`DataFolderLockedError`. Headless commands (the CLI) do
not take it: they may run while the GUI is open.

How a live lock is told from a stale one: the file records the owner's process id, host name, user
account and start time, but what decides is an operating-system lock held on the open file for as
long as the owner runs (``flock`` on Linux and macOS, ``LockFileEx`` through ``msvcrt.locking`` on
Windows). The system drops it when the process ends, however it ends (closed, crashed, killed, the
power cut, a USB stick pulled out), so a lock file whose owner is gone is free by construction and
is taken over at once, its old record kept in :attr:`DataFolderLock.previous` for the log. This
avoids what a check of the recorded process id alone gets wrong: Windows reuses process ids soon
(an unrelated program would keep the folder locked), and a lock left by another computer (a USB
stick moved from a PC where the app crashed) could only be judged by its age, against a clock that
may be wrong. The record is there to tell the user where the folder is open: another account of a
shared PC holds a window that is on no taskbar of this one, so it is named.

A file system that cannot lock at all (rare; some network mounts) is logged and the folder opens:
never lock the user out of their own data because of the disk.
"""

from __future__ import annotations

import getpass
import json
import logging
import os
import socket
import sys
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from ..errors import AppError, StorageError

log = logging.getLogger(__name__)

LOCK_FILE = "doancoso.lock"
_RECORD_LIMIT = 4096  # bytes of the record read back; it is about 100
# Windows locks byte ranges, and a locked range cannot be read by others: the lock is on one byte
# far past the record, so that the record stays readable.
_LOCKED_OFFSET = 1 << 20
_ATTEMPTS = 5  # the file may be replaced under us by an owner releasing it (see _open_locked)

LOCKED_MESSAGE = (
    "Ứng dụng đang mở dữ liệu này trong một cửa sổ khác. Hãy dùng cửa sổ đó (tìm trên thanh tác "
    "vụ), hoặc đóng nó rồi mở lại."
)


@dataclass(frozen=True)
class LockOwner:
    """Who holds (or last held) the lock: process id, host name, start time (UTC, ISO 8601),
    user account ("" when unknown: a record of an older version, an account without a name)."""

    pid: int
    host: str
    started: str
    user: str = ""

    @classmethod
    def of_this_process(cls) -> LockOwner:
        started = datetime.now(UTC).isoformat(timespec="seconds")
        return cls(pid=os.getpid(), host=socket.gethostname(), started=started, user=_user())

    @classmethod
    def parse(cls, data: bytes) -> LockOwner | None:
        """The record written by :meth:`to_bytes`, or None for an empty or damaged one."""
        try:
            raw = json.loads(data.decode("utf-8"))
            return cls(
                pid=int(raw["pid"]),
                host=str(raw["host"]),
                started=str(raw["started"]),
                user=str(raw.get("user", "")),
            )
        except (ValueError, TypeError, KeyError, AttributeError):
            return None

    @property
    def since(self) -> str:
        """When the owner took the lock, in local time ("19:58 ngày 06/12/2026"; "" if the
        record's time does not read)."""
        try:
            when = datetime.fromisoformat(self.started).astimezone()
        except (ValueError, OverflowError, OSError):
            return ""
        return f"{when:%H:%M} ngày {when:%d/%m/%Y}"

    def to_bytes(self) -> bytes:
        return json.dumps(asdict(self), ensure_ascii=False).encode("utf-8")


class DataFolderLockedError(AppError):
    """The data folder is open in another window of the app (another process holds the lock)."""

    def __init__(self, path: Path, owner: LockOwner | None) -> None:
        message = LOCKED_MESSAGE
        if owner is not None and owner.host != socket.gethostname():
            message += f"\n\nDữ liệu đang được mở trên máy “{owner.host}”."
        elif owner is not None and owner.user and owner.user != _user():
            since = f" (từ {owner.since})" if owner.since else ""
            message = (
                f"Dữ liệu này đang được mở trong ứng dụng của tài khoản “{owner.user}” trên máy "
                f"này{since}. Hai cửa sổ cùng ghi vào một dữ liệu có thể làm mất thay đổi, nên "
                "ứng dụng không mở thêm cửa sổ thứ hai. Hãy nhờ người dùng tài khoản "
                f"“{owner.user}” đóng ứng dụng (hoặc đăng xuất tài khoản đó) rồi mở lại."
            )
        holder = f"pid {owner.pid} on {owner.host} since {owner.started}" if owner else "unknown"
        super().__init__(message, f"{path} is locked by {holder}")
        self.path = path
        self.owner = owner


class DataFolderLock:
    """The lock of one data folder, held by this process until :meth:`release`."""

    def __init__(self, path: Path, fd: int, owner: LockOwner, previous: LockOwner | None) -> None:
        self.path = path
        self.owner = owner
        self.previous = previous  # the record of a stale lock taken over, if there was one
        self._fd: int | None = fd

    @classmethod
    def acquire(cls, data_dir: Path) -> DataFolderLock:
        """Take the lock of ``data_dir`` (created if needed), taking over a stale one.

        Raises :class:`DataFolderLockedError` when another process holds it, and
        :class:`StorageError` when the lock file cannot be written.
        """
        path = data_dir / LOCK_FILE
        try:
            data_dir.mkdir(parents=True, exist_ok=True)
            fd = _open_locked(path)
            try:
                previous = LockOwner.parse(_read(fd))
                owner = LockOwner.of_this_process()
                _write(fd, owner.to_bytes())
            except BaseException:
                _unlock_and_close(fd)
                raise
        except OSError as error:
            raise StorageError(
                f"Không ghi được vào thư mục dữ liệu “{data_dir}”: thư mục không tạo được hoặc "
                "không có quyền ghi.",
                f"lock file {path}: {error!r}",
            ) from error
        if previous is not None:
            log.warning("took over the stale lock of %s (%s)", path, previous)
        return cls(path, fd, owner, previous)

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        """Give the lock up and remove the file (idempotent)."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        if sys.platform == "win32":
            # An open file cannot be removed on Windows: close first; if another process has
            # opened it meanwhile, the removal fails and that process simply takes the lock.
            _unlock_and_close(fd)
            _remove(self.path)
        else:
            # Removed while still locked, so no process can lock this file and then lose it;
            # one that opened it before is told by _open_locked that it is gone, and retries.
            _remove(self.path)
            _unlock_and_close(fd)

    def __enter__(self) -> DataFolderLock:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()


def _user() -> str:
    """This process's user account ("" when the system names none)."""
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):  # no name in the environment nor the user database
        return ""


def read_owner(data_dir: Path) -> LockOwner | None:
    """The record of the lock file of ``data_dir`` (live or stale), if there is one."""
    try:
        with (data_dir / LOCK_FILE).open("rb") as file:
            return LockOwner.parse(file.read(_RECORD_LIMIT))
    except OSError:
        return None


def _open_locked(path: Path) -> int:
    """Open ``path`` (created if absent) and lock it; returns the descriptor."""
    for _ in range(_ATTEMPTS):
        fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o644)
        try:
            locked = _try_lock(fd, path)
        except BaseException:
            os.close(fd)
            raise
        if not locked:
            os.close(fd)
            raise DataFolderLockedError(path, read_owner(path.parent))
        if _is_current_file(fd, path):
            return fd
        _unlock_and_close(fd)  # its owner removed it between our open and our lock: again
    raise DataFolderLockedError(path, read_owner(path.parent))


def _is_current_file(fd: int, path: Path) -> bool:
    try:
        here, there = os.fstat(fd), os.stat(path)
    except FileNotFoundError:
        return False
    return (here.st_dev, here.st_ino) == (there.st_dev, there.st_ino)


def _read(fd: int) -> bytes:
    os.lseek(fd, 0, os.SEEK_SET)
    return os.read(fd, _RECORD_LIMIT)


def _write(fd: int, data: bytes) -> None:
    os.ftruncate(fd, 0)
    os.lseek(fd, 0, os.SEEK_SET)
    os.write(fd, data)


def _remove(path: Path) -> None:
    try:
        path.unlink()
    except OSError as error:  # e.g. opened by the next owner on Windows: it stays, harmless
        log.info("lock file %s not removed: %s", path, error)


if sys.platform == "win32":
    import msvcrt

    def _try_lock(fd: int, path: Path) -> bool:
        os.lseek(fd, _LOCKED_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:  # held by another handle: Windows file systems all support locks
            return False
        return True

    def _unlock_and_close(fd: int) -> None:
        try:
            os.lseek(fd, _LOCKED_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        except OSError:
            pass  # not locked (a failed attempt); closing releases it anyway
        finally:
            os.close(fd)

else:
    import errno
    import fcntl

    def _try_lock(fd: int, path: Path) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        except OSError as error:
            if error.errno in (errno.EAGAIN, errno.EACCES):
                return False
            log.warning("cannot lock %s (%s): opening without the lock", path, error)
        return True

    def _unlock_and_close(fd: int) -> None:
        os.close(fd)  # closing the last descriptor drops the flock
