"""A backup onto a USB stick that goes while its evidence files are copied, in its place a disk
that takes no write (so that removing a file fails, as on a stick gone for good): a cancel stays
the outcome, the file it could not remove named on it; a copy that fails says so with the
temporary file it left named; evidence a worn stick gives back wrong is said as such."""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from doancoso.core.errors import StorageError
from doancoso.core.storage.files import left_behind
from doancoso.core.workspace import Workspace

SCAN = b"%PDF-1.4\n" + bytes(range(256)) * (10 * 1024)  # 2.5 MiB: copied in 3 chunks


class Cancelled(Exception):
    """The user's "Hủy"."""


def _with_evidence(ws: Workspace, tmp_path: Path) -> None:
    source = tmp_path / "nguon" / "biên bản.pdf"
    source.parent.mkdir()
    source.write_bytes(SCAN)
    ws.recognition.attach(2025, "2.3", source)


def _mount(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["mount", *args], capture_output=True, text=True, timeout=60)


@contextlib.contextmanager
def _stick(usb: Path) -> Iterator[list[Path]]:
    """``usb`` a folder that :func:`_pull_out` covers (or a folder in it) with an empty
    read-only disk (the stick gone, its files out of reach, nothing removable); uncovered when
    the block ends. Yields the list :func:`_pull_out` fills."""
    if shutil.which("mount") is None or shutil.which("umount") is None:
        pytest.skip("no mount command on this machine")
    usb.mkdir()
    covered: list[Path] = []
    try:
        yield covered
    finally:
        for folder in covered:
            subprocess.run(["umount", str(folder)], capture_output=True, timeout=60)


def _pull_out(folder: Path, covered: list[Path]) -> None:
    """``folder`` (the stick, or a folder on it) covered with an empty read-only disk."""
    if not covered:
        done = _mount("-t", "tmpfs", "-o", "ro,size=64k", "tmpfs", str(folder))
        if done.returncode != 0:
            pytest.skip(f"mount is not permitted here ({done.stderr.strip()})")
        covered.append(folder)


def test_a_cancel_when_the_stick_is_gone_stays_a_cancel_naming_what_it_left(
    ws: Workspace, tmp_path: Path
) -> None:
    _with_evidence(ws, tmp_path)
    usb = tmp_path / "usb"

    with _stick(usb) as covered:

        def report(done: int, total: int) -> None:
            _pull_out(usb, covered)
            raise Cancelled

        with pytest.raises(Cancelled) as caught:
            ws.backups.to_folder(usb, report)
    (backup,) = [p for p in usb.iterdir() if p.suffix == ".sqlite"]
    assert left_behind(caught.value) == backup


def test_evidence_not_copied_to_a_stick_gone_names_the_temporary_file_left(
    ws: Workspace, tmp_path: Path
) -> None:
    _with_evidence(ws, tmp_path)
    usb = tmp_path / "usb"

    with _stick(usb) as covered:

        def report(done: int, total: int) -> None:
            (evidence,) = usb.glob("*.evidence")  # gone with the copy in it half written
            _pull_out(evidence, covered)

        with pytest.raises(StorageError) as caught:
            ws.backups.to_folder(usb, report)
    (backup,) = [p for p in usb.iterdir() if p.suffix == ".sqlite"]
    (left,) = [p.name for p in (usb / f"{backup.name}.evidence").iterdir()]
    assert caught.value.message == (
        f"Không chép được tệp minh chứng ra “{usb}”: đường dẫn không tồn tại. Bản sao lưu dữ "
        "liệu đã ghi, nhưng hãy thử lại với USB khác để có đủ minh chứng. Tệp dở dang "
        f"“{left}” có thể còn trong thư mục “{backup.name}.evidence” trên USB: đó không phải "
        "tệp minh chứng, có thể xóa đi."
    )


def test_evidence_that_reads_back_wrong_from_the_stick_is_said_so(
    ws: Workspace, tmp_path: Path
) -> None:
    """A worn stick giving other bytes back for an evidence file: said as the evidence copy
    says it ("bản chép không đọc lại được đúng"), never "lỗi của hệ điều hành"."""
    from datetime import datetime, timedelta

    from breakage import pulled_stick
    from doancoso.core.backup.store import backup_name

    _with_evidence(ws, tmp_path)
    usb = tmp_path / "usb"
    usb.mkdir()
    # The backup's evidence folder served by a stick that garbles what it gives back: named by
    # the second the backup starts, so the backup is started in that second.
    start = datetime.now().replace(microsecond=0) + timedelta(seconds=3)
    name = backup_name("thu-cong", start)
    (usb / f"{name}.evidence").mkdir()
    with pulled_stick(usb / f"{name}.evidence", "never", "EIO", garbled=True):
        while datetime.now() < start:
            time.sleep(0.01)
        with pytest.raises(StorageError) as caught:
            ws.backups.to_folder(usb)
    assert (usb / name).is_file()  # started in that second: its evidence went to that stick
    assert caught.value.message == (
        f"Không chép được tệp minh chứng ra “{usb}”: bản chép không đọc lại được đúng. Bản sao "
        "lưu dữ liệu đã ghi, nhưng hãy thử lại với USB khác để có đủ minh chứng."
    )
