"""The rotating log file in the data folder, where unexpected errors are written."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

LOG_FILE = "doancoso.log"


def setup_logging(data_dir: Path) -> Path | None:
    """Send the app's log to ``data_dir/logs/doancoso.log`` (1 MB x 3 files); returns its path,
    or None when the folder cannot hold a log (missing, a file, read-only…): the caller then says
    what is wrong with the folder, and setting up the log never adds an error of its own."""
    folder = data_dir / "logs"
    path = folder / LOG_FILE
    root = logging.getLogger()
    if any(getattr(h, "baseFilename", None) == str(path) for h in root.handlers):
        return path
    if not data_dir.is_dir():
        return None  # a data folder is never created just to log into it
    try:
        folder.mkdir(exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path
