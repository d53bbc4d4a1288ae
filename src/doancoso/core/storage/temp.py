"""The app's own temporary folder, and its clean-up at the next start.

Files that leave the data folder only to be looked at or put together (an evidence file
copied under its own name for the system's viewer, the dossier's parts written before they
are put together, the dossier built for the preview) hold members' personal data (Decree
13/2023): on a shared PC they must not pile up in the system's temporary folder. They all go
into one folder of the app's, :data:`APP_TEMP` in the system's temporary folder, in a folder of
this session (:func:`session_folder`), the GUI's and the command line's alike. A viewer may
still hold a copy open while the app runs (on Windows a file open cannot be deleted), so the
copies are not removed when they are handed over: :func:`remove_old_copies`, at the app's next
start, removes the folders of the sessions that ended (a build cut short by a crash, a power
cut, a command killed), and what a viewer still holds open is tried again the start after.

A session is told live from ended by the same operating-system lock as the data folder's
(:class:`~.lock.DataFolderLock` on the session's folder): held while the app runs, dropped by
the system however it ends; a second window of the app (on another data folder) keeps its own
copies. The folders of older versions (``doancoso-minh-chung``, ``doancoso-hoso-*`` beside it)
are removed too, once a day old.
"""

from __future__ import annotations

import atexit
import fnmatch
import logging
import os
import shutil
import tempfile
import time
from pathlib import Path

from ..errors import AppError
from .lock import DataFolderLock, DataFolderLockedError

log = logging.getLogger("doancoso.core.storage.temp")

APP_TEMP = "doancoso-tam"
"""The app's folder in the system's temporary folder."""
SESSION_PREFIX = "phien-"
LEGACY_PATTERNS = ("doancoso-minh-chung", "doancoso-hoso-*")
"""Where versions before this one left their copies (directly in the temporary folder)."""
LEGACY_AGE_S = 24 * 3600
"""A folder of an older version is removed once this old (one of a window still open is not)."""

_session: tuple[Path, DataFolderLock] | None = None


def temp_root(base: Path | None = None) -> Path:
    """The app's temporary folder in ``base`` (default: the system's temporary folder)."""
    return (Path(tempfile.gettempdir()) if base is None else base) / APP_TEMP


def session_folder(base: Path | None = None) -> Path:
    """This session's folder in the app's temporary folder (made and locked on first use)."""
    global _session
    if _session is None or not _session[0].is_dir():
        root = temp_root(base)
        root.mkdir(parents=True, exist_ok=True)
        folder = Path(tempfile.mkdtemp(prefix=SESSION_PREFIX, dir=root))
        _session = (folder, DataFolderLock.acquire(folder))
    return _session[0]


@atexit.register
def _let_go() -> None:
    """At exit: the session's lock given up (its copies stay: a viewer may be showing one); the
    next start then finds the folder free without taking over a lock, which it would log."""
    if _session is not None:
        _session[1].release()


def end_session() -> None:
    """This session's folder removed with what it holds, its lock given up: for the command
    line, which hands no copy to a viewer, so that each run leaves nothing behind. A later
    :func:`session_folder` begins a new one."""
    global _session
    if _session is None:
        return
    folder, lock = _session
    _session = None
    lock.release()
    left = _remove(folder)
    if left:
        log.info("temporary folder left for the next start: %s", folder)


def remove_old_copies(base: Path | None = None) -> list[Path]:
    """Remove the folders of ended sessions from the app's temporary folder in ``base``, and the
    old versions' copies; returns what could not be removed (a file still open in a viewer, a
    session still running), left for the next start. Never raises."""
    try:
        return _remove_old_copies(Path(tempfile.gettempdir()) if base is None else base)
    except Exception:  # a bug: the copies stay until the next start, the log says why
        log.exception("removing the old temporary copies")
        return []


def _remove_old_copies(folder: Path) -> list[Path]:
    left: list[Path] = []
    root = folder / APP_TEMP
    current = _session[0] if _session is not None else None
    try:
        entries = sorted(root.iterdir()) if root.is_dir() else []
    except OSError as exc:
        log.warning("cannot list %s: %s", root, exc)
        return [root]
    for entry in entries:
        if entry == current:
            continue
        if entry.is_dir() and not entry.is_symlink() and not _ended(entry):
            left.append(entry)  # a window of the app still open
            continue
        left.extend(_remove(entry))
    cutoff = time.time() - LEGACY_AGE_S
    try:
        with os.scandir(folder) as listing:  # once: the folder may hold thousands of files
            names = [entry.name for entry in listing]
        legacy = sorted(folder / name for name in names
                        if any(fnmatch.fnmatch(name, p) for p in LEGACY_PATTERNS))  # fmt: skip
    except OSError as exc:
        log.warning("cannot list %s: %s", folder, exc)
        legacy = []
    for entry in legacy:
        try:
            old = entry.lstat().st_mtime < cutoff
        except OSError:
            continue
        left.extend(_remove(entry) if old else [entry])
    if left:
        log.info("temporary copies left for the next start: %s", [str(p) for p in left])
    return left


def _ended(folder: Path) -> bool:
    """Whether the session of ``folder`` ended (its lock is free: taken, then let go)."""
    try:
        lock = DataFolderLock.acquire(folder)
    except DataFolderLockedError:
        return False
    except AppError:  # cannot even write there: removed if it can be
        return True
    lock.release()
    return True


def _remove(entry: Path) -> list[Path]:
    """Remove ``entry`` (a folder with all it holds); ``[entry]`` if some of it stays."""
    try:
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)  # a file open in a viewer: the rest goes
        else:
            entry.unlink()
    except OSError:
        pass
    return [entry] if entry.exists() or entry.is_symlink() else []
