"""Where the app's save dialogs open: the user's Documents folder (on Windows
``C:\\Users\\<name>\\Documents``, where a secretary looks for files), not the home folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths


def documents_folder() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()
