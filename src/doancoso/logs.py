"""The rotating log file in the data folder, where unexpected errors are written."""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
import tempfile
from pathlib import Path

LOG_FILE = "doancoso.log"
FALLBACK_FOLDER = "doancoso-logs"
"""In the system's temporary folder: the log of data that can only be read (a write-protected
USB stick), whose own folder cannot hold one."""


class _QuietFileHandler(logging.handlers.RotatingFileHandler):
    """A log that stops taking writes (a full disk, a file-size limit, a stick pulled out) drops
    the record: Python would print "--- Logging error ---" and a traceback to the user."""

    def handleError(self, record: logging.LogRecord) -> None:
        return None

    def flush(self) -> None:
        with contextlib.suppress(OSError):
            super().flush()

    def close(self) -> None:
        with contextlib.suppress(OSError):
            super().close()


def setup_logging(data_dir: Path) -> Path | None:
    """Send the app's log to ``data_dir/logs/doancoso.log`` (1 MB x 3 files); returns its path.

    When the data folder exists but cannot hold a log (read-only), the log goes to
    ``doancoso-logs`` in the system's temporary folder instead. Returns None when neither can
    (or the data folder is missing, a file…): the caller then says what is wrong with the
    folder, and setting up the log never adds an error of its own.
    """
    if not data_dir.is_dir():
        return None  # a data folder is never created just to log into it
    root = logging.getLogger()
    for folder in (data_dir / "logs", Path(tempfile.gettempdir()) / FALLBACK_FOLDER):
        path = folder / LOG_FILE
        if any(getattr(h, "baseFilename", None) == str(path) for h in root.handlers):
            return path
        try:
            folder.mkdir(exist_ok=True)
            handler = _QuietFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
        except OSError:
            continue
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
        root.setLevel(logging.INFO)
        return path
    return None
