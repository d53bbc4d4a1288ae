"""One GUI per data folder: the lock file is taken, refused while its owner lives, taken over
once the owner is gone (however it ended), and released on close."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from doancoso.core.errors import AppError
from doancoso.core.storage.lock import (
    LOCK_FILE,
    LOCKED_MESSAGE,
    DataFolderLock,
    DataFolderLockedError,
    LockOwner,
    read_owner,
)

# A second process that takes the lock, says so, then waits until killed (never releasing it).
_HOLDER = """
import sys, time
from pathlib import Path
from doancoso.core.storage.lock import DataFolderLock

lock = DataFolderLock.acquire(Path(sys.argv[1]))
print("locked", flush=True)
time.sleep(120)
"""


@pytest.fixture
def holder(data_dir: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process holding the lock of ``data_dir``."""
    proc = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(data_dir)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout is not None and proc.stdout.readline() == "locked\n"
        yield proc
    finally:
        proc.kill()
        proc.wait(timeout=30)
        assert proc.stdout is not None
        proc.stdout.close()


def test_the_lock_records_its_owner_and_is_released(data_dir: Path) -> None:
    with DataFolderLock.acquire(data_dir) as lock:
        assert lock.held and lock.previous is None
        record = json.loads((data_dir / LOCK_FILE).read_text(encoding="utf-8"))
        assert record["pid"] == os.getpid() and record["host"] == socket.gethostname()
        assert read_owner(data_dir) == lock.owner
    assert not lock.held
    assert not (data_dir / LOCK_FILE).exists()
    lock.release()  # twice is harmless
    DataFolderLock.acquire(data_dir).release()  # free again


def test_a_second_lock_in_this_process_is_refused(data_dir: Path) -> None:
    with DataFolderLock.acquire(data_dir) as first:
        with pytest.raises(DataFolderLockedError) as refused:
            DataFolderLock.acquire(data_dir)
        assert refused.value.owner == first.owner
        assert first.held and (data_dir / LOCK_FILE).exists()


def test_a_live_lock_of_another_process_is_refused(
    data_dir: Path, holder: subprocess.Popen[str]
) -> None:
    with pytest.raises(DataFolderLockedError) as refused:
        DataFolderLock.acquire(data_dir)
    error = refused.value
    assert isinstance(error, AppError)
    assert error.message == (
        "Ứng dụng đang mở dữ liệu này trong một cửa sổ khác. Hãy dùng cửa sổ đó (tìm trên thanh "
        "tác vụ), hoặc đóng nó rồi mở lại."
    )
    assert error.owner is not None and error.owner.pid == holder.pid
    assert f"pid {holder.pid} on {socket.gethostname()}" in error.details
    assert read_owner(data_dir) == error.owner  # refused without touching the record


def test_the_lock_of_a_killed_process_is_taken_over(
    data_dir: Path, holder: subprocess.Popen[str]
) -> None:
    holder.kill()  # no chance to release: the file and its record stay behind
    holder.wait(timeout=30)
    assert (data_dir / LOCK_FILE).exists()
    with DataFolderLock.acquire(data_dir) as lock:
        assert lock.previous is not None and lock.previous.pid == holder.pid
        assert read_owner(data_dir) == lock.owner and lock.owner.pid == os.getpid()


def test_a_stale_lock_from_another_computer_is_taken_over(data_dir: Path) -> None:
    """E.g. a USB stick moved from a PC where the app crashed: nobody holds the file."""
    data_dir.mkdir(parents=True)
    stale = LockOwner(pid=4242, host="MAY-VAN-PHONG", started="2024-05-01T07:30:00+00:00")
    (data_dir / LOCK_FILE).write_bytes(stale.to_bytes())
    with DataFolderLock.acquire(data_dir) as lock:
        assert lock.previous == stale


@pytest.mark.parametrize("content", [b"", b'{"pid": ', b"\xff\xfe rubbish"])
def test_an_empty_or_damaged_lock_file_is_taken_over(data_dir: Path, content: bytes) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / LOCK_FILE).write_bytes(content)
    with DataFolderLock.acquire(data_dir) as lock:
        assert lock.previous is None
        assert read_owner(data_dir) == lock.owner


def test_the_message_names_another_computer() -> None:
    owner = LockOwner(pid=7, host="MAY-VAN-PHONG", started="2024-05-01T07:30:00+00:00")
    error = DataFolderLockedError(Path("data") / LOCK_FILE, owner)
    assert error.message == LOCKED_MESSAGE + "\n\nDữ liệu đang được mở trên máy “MAY-VAN-PHONG”."


def test_an_unwritable_data_folder_is_a_storage_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_bytes(b"")
    with pytest.raises(AppError) as failed:
        DataFolderLock.acquire(blocker / "data")  # a file where a folder should be
    assert failed.value.message == (
        f"Không ghi được vào thư mục dữ liệu “{blocker / 'data'}”: thư mục không tạo được hoặc "
        "không có quyền ghi."
    )
