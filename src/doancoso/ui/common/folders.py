"""Where the app's file dialogs open, and how a file the app has written is opened. Save
dialogs: the user's Documents folder (on Windows ``C:\\Users\\<name>\\Documents``, where a
secretary looks for files), not the home folder. Open dialogs: a USB stick when one is plugged
in (files reach the commune's PC on sticks, as bundles do: see
:mod:`doancoso.ui.common.drives`), else Documents. A file just written (a PDF to print, an
Excel file to fix) is opened, once the user says yes, by :func:`open_file`."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QWidget

from ...core.lang.filenames import offered_name
from .drives import removable_drives


def documents_folder() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


def open_folder() -> Path:
    """Where an open dialog starts: the first plugged-in stick, else Documents."""
    drives = removable_drives()
    return drives[0].root if drives else documents_folder()


def ask_save_path(
    parent: QWidget | None, caption: str, name: str, filter_text: str, suffix: str
) -> Path | None:
    """The file chosen in a save dialog opened in Documents with ``name`` offered as Windows
    and a FAT32 stick accept it (:func:`~doancoso.core.lang.filenames.offered_name`), ``suffix``
    (".pdf") added to a name typed without it; None when cancelled."""
    chosen, _ = QFileDialog.getSaveFileName(
        parent, caption, str(documents_folder() / offered_name(name)), filter_text
    )
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)


def open_file(path: Path) -> bool:
    """Open ``path`` in the program the system opens it with (a PDF viewer, Excel for an
    .xlsx); False when none did."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
