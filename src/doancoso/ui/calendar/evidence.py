"""The evidence files of one date of an activity (minh chứng): the shared evidence panel
(:mod:`..common.evidence_panel`) on the date's files, PDFs with the system's file icon.

The panel reads the date's files again whenever evidence files change (an attach, a caption,
a detach, its undo).
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle, QWidget

from ...core.activities.service import OCCURRENCE_TABLE
from ...core.changes import Changes
from ..common.evidence_panel import THUMB
from ..common.evidence_panel import EvidencePanel as SharedPanel
from ..shell.operations import Core
from ..shell.undo import UndoHistory

EMPTY = "Chưa có minh chứng.\nBấm “Đính kèm tệp…” hoặc kéo thả ảnh, tệp PDF vào đây."
_FILE_ICON: list[QIcon] = []


def file_icon() -> QIcon:
    """The style's icon of a file (a PDF here)."""
    if not _FILE_ICON:
        style = QApplication.style()
        _FILE_ICON.append(style.standardIcon(QStyle.StandardPixmap.SP_FileIcon))
    return _FILE_ICON[0]


class EvidencePanel(SharedPanel):
    """The files of one date: list, buttons, drops. ``status`` says what was just done."""

    def __init__(
        self, core: Core, history: UndoHistory, owner_id: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            core, history, parent, empty_text=EMPTY, cell=QSize(THUMB + 40, THUMB + 44),
            document_icon=file_icon, caption_saved=None,
        )  # fmt: skip
        self.owner_id = owner_id
        self.reload()
        core.data_changed.changed.connect(self._on_data_changed)

    def reload(self) -> None:
        """Show the date's files as they are stored now."""
        owner = self.owner_id
        files = self._core.ws.evidence.attachments(OCCURRENCE_TABLE, owner)
        self.set_target(lambda ws, path: ws.evidence.attach(OCCURRENCE_TABLE, owner, path), files)

    def _on_data_changed(self, changes: Changes) -> None:
        if changes.touches("evidence_files"):
            self.reload()
