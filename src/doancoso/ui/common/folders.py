"""Where the app's file dialogs open, and how a file the app has written is opened. Save
dialogs: the user's Documents folder (on Windows ``C:\\Users\\<name>\\Documents``, where a
secretary looks for files), not the home folder. Open dialogs: a USB stick when one is plugged
in (files reach the commune's PC on sticks, as bundles do: see
:mod:`doancoso.ui.common.drives`), else Documents. A file just written (a PDF to print, an
Excel file to fix) is opened, once the user says yes, by :func:`open_file`; where no program on
the PC opens it (an old PC with no Excel), :func:`open_or_say` says so and where the file is."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

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


NOT_OPENED_TITLE = "Không mở được tệp"
KINDS = {".pdf": "tệp PDF", ".xlsx": "tệp Excel (.xlsx)", ".xls": "tệp Excel (.xls)"}


class _SaysErrors(Protocol):
    def error(self, parent: QWidget | None, title: str, text: str) -> None: ...


def not_opened_text(path: Path) -> str:
    """What the secretary is told when no program opened the file the app has just written."""
    kind = KINDS.get(path.suffix.lower(), "tệp này")
    return (
        f"Máy này không có chương trình nào mở được {kind} “{path.name}”. Tệp đã được lưu ở:\n"
        f"{path}\nHãy mở nó bằng một chương trình khác, hoặc cài chương trình mở {kind} rồi mở "
        "lại tệp."
    )


def open_or_say(
    parent: QWidget | None, prompts: _SaysErrors, path: Path,
    opener: Callable[[Path], object] = open_file,
) -> None:  # fmt: skip
    """Open ``path`` with ``opener`` (:func:`open_file`, or what a test puts there); when no
    program did (it returned False), say so and where the file is: it was written all the
    same, and nothing happening after "Mở tệp" reads as a file not saved."""
    if opener(path) is False:
        prompts.error(parent, NOT_OPENED_TITLE, not_opened_text(path))
