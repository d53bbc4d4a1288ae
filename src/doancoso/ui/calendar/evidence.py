"""The evidence files of one date of an activity (minh chứng): the shared evidence panel
(:mod:`..common.evidence_panel`) on the date's files, PDFs with the system's file icon.

The panel opens on the date's files read with the date on the worker
(:func:`.occurrence_dialog.read_occurrence`) and reads them again there whenever evidence files
change (an attach, a caption, a detach, its undo): the GUI thread reads no core service.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle, QWidget

from ...core.activities.service import OCCURRENCE_TABLE
from ...core.changes import Changes
from ...core.evidence.service import Attachment
from ...core.workspace import Workspace
from ..common.evidence_panel import THUMB
from ..common.evidence_panel import EvidencePanel as SharedPanel
from ..common.latest_read import LatestRead
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


def date_files(ws: Workspace, occurrence_id: str) -> list[Attachment]:
    """The files of the date ``occurrence_id``, in the order they were attached (on the
    worker)."""
    return ws.evidence.attachments(OCCURRENCE_TABLE, occurrence_id)


class EvidencePanel(SharedPanel):
    """The files of one date (``files``, as read with it): list, buttons, drops. ``status``
    says what was just done."""

    def __init__(
        self, core: Core, history: UndoHistory, owner_id: str, files: Sequence[Attachment],
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(
            core, history, parent, empty_text=EMPTY, cell=QSize(THUMB + 40, THUMB + 44),
            document_icon=file_icon, caption_saved=None,
        )  # fmt: skip
        self.owner_id = owner_id
        self._files_read = LatestRead(
            self, core, lambda ws: date_files(ws, owner_id), self._show_files
        )
        self._show_files(files)
        core.data_changed.changed.connect(self._on_data_changed)

    def reload(self) -> None:
        """Read the date's files as they are stored now (on the worker), then show them."""
        self._files_read.run()

    def _show_files(self, files: Sequence[Attachment]) -> None:
        owner = self.owner_id
        self.set_target(lambda ws, path: ws.evidence.attach(OCCURRENCE_TABLE, owner, path), files)

    def _on_data_changed(self, changes: Changes) -> None:
        if changes.touches("evidence_files"):
            self.reload()
