"""Where the app's file dialogs open. Save dialogs: the user's Documents folder (on Windows
``C:\\Users\\<name>\\Documents``, where a secretary looks for files), not the home folder.
Open dialogs: a USB stick when one is plugged in (files reach the commune's PC on sticks, as
bundles do: see :mod:`doancoso.ui.common.drives`), else Documents."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths

from .drives import removable_drives


def documents_folder() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


def open_folder() -> Path:
    """Where an open dialog starts: the first plugged-in stick, else Documents."""
    drives = removable_drives()
    return drives[0].root if drives else documents_folder()
