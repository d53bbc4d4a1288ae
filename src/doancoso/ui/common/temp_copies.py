"""The GUI's use of the app's own temporary folder (:mod:`doancoso.core.storage.temp`, which
the command line uses too): the copies of evidence files for the system's viewer, and the
clean-up of ended sessions' folders at the start, on a thread of its own.
"""

from __future__ import annotations

import threading
from pathlib import Path

from ...core.storage.temp import APP_TEMP, LEGACY_AGE_S, remove_old_copies, session_folder

CLEANER = "doancoso-temp-cleaner"
"""The name of the thread of :func:`remove_old_copies_in_background`."""

__all__ = ["APP_TEMP", "CLEANER", "LEGACY_AGE_S", "remove_old_copies",
           "remove_old_copies_in_background", "session_folder", "view_copies_folder"]  # fmt: skip


def view_copies_folder() -> Path:
    """Where the copies of evidence files for the system's viewer go."""
    return session_folder() / "minh-chung"


def remove_old_copies_in_background() -> threading.Thread:
    """:func:`remove_old_copies` on a thread of its own, started now: the window does not wait
    for a shared PC's temporary folder of thousands of files to be listed."""
    thread = threading.Thread(target=remove_old_copies, name=CLEANER, daemon=True)
    thread.start()
    return thread
