"""The rotating log file in the data folder, where unexpected errors are written."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

LOG_FILE = "doancoso.log"


def setup_logging(data_dir: Path) -> Path:
    """Send the app's log to ``data_dir/logs/doancoso.log`` (1 MB x 3 files); returns its path."""
    folder = data_dir / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOG_FILE
    root = logging.getLogger()
    if not any(getattr(h, "baseFilename", None) == str(path) for h in root.handlers):
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
        root.setLevel(logging.INFO)
    return path
