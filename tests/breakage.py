"""Ways to make a data folder unwritable for real in tests that run as root, for whom permission
bits do not apply (#12):

- :func:`read_only_mount`: the folder bind-mounted over itself read-only. Every write then fails
  with ``EROFS``, for root too, exactly as on a write-protected USB stick; the test process itself
  sees it (the core, the CLI in-process, the GUI). Needs ``mount`` (CAP_SYS_ADMIN).
- :func:`run_as_nobody`: a command run in a subprocess as the unprivileged user 65534 through
  ``setpriv``, so that a folder's or file's permission bits apply (``EACCES``).
- :func:`small_disk`: a small tmpfs mounted on the folder, to be filled up: a full disk.
- :func:`failing_fsync`: the folder served through FUSE with every ``fsync`` failing (``EIO``):
  a disk that fails under the write-back (:mod:`failing_fsync`).
- :func:`pulled_stick`: the folder served through FUSE as a USB stick pulled out mid-way: its
  writes, flushes and reads failing from a chosen moment with ``EIO``, ``ENODEV`` or ``ENXIO``
  (:mod:`pulled_stick`).
- :func:`hot_journal`: a data folder as a writer killed mid-transaction leaves it.
- :func:`limited_file_size`: a ``preexec_fn`` setting ``RLIMIT_FSIZE`` (SIGXFSZ ignored, so that
  a write past the limit fails with ``EFBIG`` instead of killing the process).

Each skips the test with the reason when the machine does not allow it.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest

NOBODY = 65534


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, timeout=60)


@contextlib.contextmanager
def read_only_mount(folder: Path) -> Iterator[Path]:
    """``folder`` made read-only (a read-only bind mount of itself) for the block's duration."""
    if shutil.which("mount") is None or shutil.which("umount") is None:
        pytest.skip("no mount command on this machine: a read-only mount cannot be made")
    done = _run("mount", "--bind", str(folder), str(folder))
    if done.returncode != 0:
        pytest.skip(f"mount is not permitted here ({done.stderr.strip()})")
    try:
        done = _run("mount", "-o", "remount,bind,ro", str(folder), str(folder))
        if done.returncode != 0:
            pytest.skip(f"a read-only remount is not permitted here ({done.stderr.strip()})")
        yield folder
    finally:
        if _run("umount", str(folder)).returncode != 0:
            _run("umount", "-l", str(folder))  # a file still open in it: detach it anyway


@contextlib.contextmanager
def small_disk(folder: Path, size_kib: int, inodes: int | None = None) -> Iterator[Path]:
    """A tmpfs of ``size_kib`` KiB mounted on ``folder`` for the block's duration; ``inodes``:
    how many files and folders it holds, its own folder counted (a stick whose root folder is
    full, or a disk too full to make a folder: ``mkdir`` fails with ``ENOSPC``)."""
    if shutil.which("mount") is None or shutil.which("umount") is None:
        pytest.skip("no mount command on this machine: a small disk cannot be made")
    options = f"size={size_kib}k" + ("" if inodes is None else f",nr_inodes={inodes}")
    done = _run("mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder))
    if done.returncode != 0:
        pytest.skip(f"mount is not permitted here ({done.stderr.strip()})")
    try:
        yield folder
    finally:
        if _run("umount", str(folder)).returncode != 0:
            _run("umount", "-l", str(folder))


@contextlib.contextmanager
def failing_fsync(
    folder: Path, failing: str = "both", switch: Path | None = None
) -> Iterator[Path]:
    """``folder`` (empty) served by :mod:`failing_fsync` for the block's duration: its files are
    written, read and renamed for real in a hidden folder beside it, and flushing them to disk
    fails with ``EIO``: each file's ``fsync`` (``failing="files"``), the folder's own (its
    entries, the renames into it: ``"folders"``) or both; with ``switch``, only while that file
    exists. Needs ``/dev/fuse``, the system's libfuse2 and ``fusepy``."""
    with _served(folder, "failing_fsync.py", failing, str(switch or "")) as served:
        yield served


@contextlib.contextmanager
def pulled_stick(folder: Path, at: str, error: str, *, gone: bool = False,
                 garbled: bool = False, cached: bool = False) -> Iterator[Path]:  # fmt: skip
    """``folder`` (empty) served by :mod:`pulled_stick` for the block's duration: a USB stick
    pulled out ``at`` the file's ``"write"`` (half way), its ``"fsync"``, its ``"read"``
    (back), its rename to its final name (``"rename"``), the folder's flush after the rename
    (``"fsyncdir"``), the first read once a file took its final name (``"readback"``) or its
    removal (``"unlink"``; ``"never"``: not pulled), every write, read
    and flush failing from then on with ``error`` (``"EIO"``, ``"ENODEV"``, ``"ENXIO"``); with
    ``gone``, removing and renaming files too; with ``garbled``, every read gives back the byte
    at 64 KiB changed; with ``cached``, through the page cache (which a database SQLite writes
    there needs). Its files live in :func:`backing_of`. Needs what :func:`failing_fsync`
    needs."""
    flags = ",".join(
        name for name, on in (("gone", gone), ("garbled", garbled), ("cached", cached)) if on
    )
    with _served(folder, "pulled_stick.py", at, error, flags) as served:
        yield served


def backing_of(folder: Path) -> Path:
    """The hidden folder beside a FUSE-served ``folder`` that holds its files for real."""
    return folder.parent / f".backing-{folder.name}"


@contextlib.contextmanager
def _served(folder: Path, script: str, *args: str) -> Iterator[Path]:
    """``folder`` served through FUSE by the tests' ``script`` (``BACKING MOUNTPOINT ARGS``)
    until the block ends; the test skipped where FUSE cannot mount."""
    try:
        import fuse  # type: ignore[import-untyped]  # noqa: F401  (loads libfuse2)
    except (ImportError, OSError) as exc:  # fusepy raises OSError without libfuse2
        pytest.skip(f"FUSE is not available here ({exc})")
    if not os.path.exists("/dev/fuse") or shutil.which("fusermount") is None:
        pytest.skip("no /dev/fuse or fusermount on this machine: FUSE cannot mount")
    backing = backing_of(folder)
    backing.mkdir()
    server = subprocess.Popen(
        [sys.executable, str(Path(__file__).with_name(script)), backing, folder, *args],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        for _ in range(200):  # until the kernel shows the mount (or the server gave up)
            if os.path.ismount(folder) or server.poll() is not None:
                break
            time.sleep(0.05)
        if not os.path.ismount(folder):
            server.kill()
            pytest.skip(f"FUSE could not mount here ({server.communicate()[1].strip()})")
        yield folder
    finally:
        if os.path.ismount(folder) and _run("fusermount", "-u", str(folder)).returncode != 0:
            _run("fusermount", "-u", "-z", str(folder))
        with contextlib.suppress(subprocess.TimeoutExpired):
            server.communicate(timeout=10)
        if server.poll() is None:
            server.kill()
            server.communicate()
        shutil.rmtree(backing, ignore_errors=True)


def fill(folder: Path) -> Path:
    """Fill the disk of ``folder`` up with one file; returns it (remove it to free the space)."""
    filler = folder / "day-o-dia.bin"
    with open(filler, "wb", buffering=0) as handle, contextlib.suppress(OSError):
        while handle.write(b"\0" * 4096):
            pass
    return filler


def shared_folder() -> Path:
    """A new folder the unprivileged user can reach (pytest's own are root's alone)."""
    folder = Path(tempfile.mkdtemp(prefix="doancoso-nobody-"))
    folder.chmod(0o755)
    return folder


def _nobody_env() -> dict[str, str]:
    return {
        **os.environ,
        "HOME": tempfile.gettempdir(),
        "PYTHONDONTWRITEBYTECODE": "1",
        "TMPDIR": tempfile.gettempdir(),
    }


def run_as_nobody(args: Sequence[str], cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m doancoso ARGS`` run as user 65534 (permission bits then apply)."""
    if os.geteuid() != 0:
        pytest.skip("not root: cannot run a command as another user")
    if shutil.which("setpriv") is None:
        pytest.skip("no setpriv on this machine: cannot run a command as another user")
    prefix = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]
    probe = subprocess.run(
        [*prefix, sys.executable, "-c", "import doancoso.cli.main"],
        capture_output=True, text=True, timeout=120, env=_nobody_env(), cwd=cwd or "/",
    )  # fmt: skip
    if probe.returncode != 0:
        pytest.skip(f"the app cannot run as user {NOBODY} here: {probe.stderr.strip()[-200:]}")
    return subprocess.run(
        [*prefix, sys.executable, "-m", "doancoso", *args],
        capture_output=True, text=True, timeout=120, env=_nobody_env(), cwd=cwd or "/",
    )  # fmt: skip


def limited_file_size(limit: int) -> Callable[[], None]:
    """A ``preexec_fn``: no file of the child may grow past ``limit`` bytes."""

    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` (relative path) with the SHA-256 of its bytes."""
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def hot_journal(source: Path, target: Path) -> None:
    """``target`` made as a writer killed mid-transaction in rollback-journal mode leaves a
    database: pages of the transaction already in the file, the originals in a hot
    ``-journal`` beside it (copied while the transaction is open, as a kill would freeze them)."""
    target.mkdir()
    conn = sqlite3.connect(source / "doancoso.sqlite", isolation_level=None)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("PRAGMA cache_size = 1")  # the changed pages spill into the file at once
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("UPDATE members SET search_text = search_text || hex(randomblob(300))")
    conn.execute("DELETE FROM member_events")
    for suffix in ("", "-journal"):
        (target / f"doancoso.sqlite{suffix}").write_bytes(
            (source / f"doancoso.sqlite{suffix}").read_bytes()
        )
    conn.execute("ROLLBACK")
    conn.close()
    if (source / "evidence").is_dir():  # the files the records name (the demo attaches some)
        shutil.copytree(source / "evidence", target / "evidence")
