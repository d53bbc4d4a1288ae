"""The evidence files of one date of an activity (minh chứng): photos as thumbnails, PDFs as
icons; attach with the file dialog or by dropping files, open with the system's viewer, caption,
detach with undo.

Files live in the data folder's evidence store under their SHA-256, without an extension; to
open one, a copy named as the original goes into a temporary folder and the system opens that
(the store itself is never handed to another program).
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import (
    QDesktopServices,
    QDragEnterEvent,
    QDropEvent,
    QIcon,
    QImageReader,
    QPainter,
    QPaintEvent,
    QPalette,
    QPixmap,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QListView,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from ...core.activities.service import OCCURRENCE_TABLE
from ...core.changes import Changes
from ...core.errors import AppError
from ...core.evidence.service import Attachment, EvidenceService
from ...core.evidence.store import MEDIA_TYPES
from ...core.storage.folder import os_reason
from ...core.workspace import Workspace
from ..common.cells import CELL_FLAGS, DISPLAY, TOOLTIP
from ..common.evidence_files import (
    FILE_FILTERS,
    VIEW_FOLDER,
    CaptionDialog,
    evidence_service,
    size_text,
    thumbnail_grid,
    viewable_copy,
)
from ..shell.operations import Core, CoreOp
from ..shell.undo import UndoHistory

THUMB = 96
ATTACHMENT_ID_ROLE = int(Qt.ItemDataRole.UserRole) + 30
DECORATION = int(Qt.ItemDataRole.DecorationRole)

Index = QModelIndex | QPersistentModelIndex


class EvidenceModel(QAbstractListModel):
    """The files attached to one owner, in the order they were attached."""

    def __init__(self, evidence: EvidenceService, owner_id: str, parent: Any = None) -> None:
        super().__init__(parent)
        self._evidence = evidence
        self.owner_id = owner_id
        self.items: list[Attachment] = []
        self._thumbs: dict[str, QIcon] = {}
        self._file_icon: QIcon | None = None

    def reload(self) -> None:
        self.beginResetModel()
        self.items = self._evidence.attachments(OCCURRENCE_TABLE, self.owner_id)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.items[index.row()]
        if role == DISPLAY:
            return item.caption or item.original_name
        if role == ATTACHMENT_ID_ROLE:
            return item.id
        if role == DECORATION:
            return self._thumbnail(item)
        if role == TOOLTIP:
            kind = MEDIA_TYPES.get(item.media_type, item.media_type)
            lines = [item.original_name, f"{kind}, {size_text(item.size)}"]
            if item.caption:
                lines.append(item.caption)
            return "\n".join(lines)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return CELL_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def _thumbnail(self, item: Attachment) -> QIcon:
        icon = self._thumbs.get(item.sha256)
        if icon is not None:
            return icon
        icon = self._image(item) if item.media_type.startswith("image/") else None
        if icon is None:
            if self._file_icon is None:
                from PySide6.QtWidgets import QApplication

                self._file_icon = QApplication.style().standardIcon(
                    QStyle.StandardPixmap.SP_FileIcon
                )
            icon = self._file_icon
        self._thumbs[item.sha256] = icon
        return icon

    @staticmethod
    def _image(item: Attachment) -> QIcon | None:
        """The photo scaled down while it is read (a 12-megapixel photo is not decoded whole)."""
        if not item.path.is_file():
            return None
        reader = QImageReader(str(item.path))
        reader.setAutoTransform(True)
        size = reader.size()
        if size.isValid() and max(size.width(), size.height()) > THUMB:
            reader.setScaledSize(size.scaled(THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio))
        image = reader.read()
        return None if image.isNull() else QIcon(QPixmap.fromImage(image))


class EvidenceList(QListView):
    """The files as icons; an empty list says how to add some."""

    EMPTY = "Chưa có minh chứng.\nBấm “Đính kèm tệp…” hoặc kéo thả ảnh, tệp PDF vào đây."

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        super().paintEvent(event)
        model = self.model()
        if model is not None and model.rowCount() == 0:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(
                self.viewport().rect().adjusted(12, 12, -12, -12),
                int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
                self.EMPTY,
            )
            painter.end()


class EvidencePanel(QWidget):
    """The files of one date: list, buttons, drops. ``status`` says what was just done."""

    status = Signal(str)

    def __init__(
        self, core: Core, history: UndoHistory, owner_id: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._core = core
        self._history = history
        self.model = EvidenceModel(core.ws.evidence, owner_id, self)
        self.open_url: Callable[[QUrl], object] = QDesktopServices.openUrl
        """How a file is shown (the system's viewer; tests record the address instead)."""
        self.view_folder = Path(tempfile.gettempdir()) / VIEW_FOLDER
        """Where the copies handed to the viewer go."""
        self.view = EvidenceList()
        self.view.setModel(self.model)
        thumbnail_grid(self.view, THUMB, QSize(THUMB + 40, THUMB + 44))
        self.view.doubleClicked.connect(lambda _index: self.open_selected())
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.setAcceptDrops(True)
        self.attach_button = QPushButton("Đính kèm tệp…")
        self.open_button = QPushButton("Mở")
        self.caption_button = QPushButton("Chú thích…")
        self.detach_button = QPushButton("Gỡ tệp")
        buttons = QHBoxLayout()
        for button, slot in (
            (self.attach_button, self.choose_files),
            (self.open_button, self.open_selected),
            (self.caption_button, self.caption_selected),
            (self.detach_button, self.detach_selected),
        ):
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.model.reload()
        self._update_buttons()
        core.data_changed.changed.connect(self._on_data_changed)

    # Selection ----------------------------------------------------------------------------

    def selected(self) -> list[Attachment]:
        rows = sorted({index.row() for index in self.view.selectionModel().selectedIndexes()})
        return [self.model.items[row] for row in rows if row < len(self.model.items)]

    def _update_buttons(self) -> None:
        chosen = self.selected()
        self.open_button.setEnabled(bool(chosen))
        self.caption_button.setEnabled(len(chosen) == 1)
        self.detach_button.setEnabled(bool(chosen))

    def _on_data_changed(self, changes: Changes) -> None:
        if changes.touches("evidence_files"):
            self.model.reload()
            self._update_buttons()

    # Attaching ----------------------------------------------------------------------------

    def ask_open_paths(self) -> list[Path]:
        """The files the user picks (none when cancelled); tests replace this."""
        names, _ = QFileDialog.getOpenFileNames(
            self, "Đính kèm tệp minh chứng", str(Path.home()), FILE_FILTERS
        )
        return [Path(name) for name in names]

    def choose_files(self) -> None:
        paths = self.ask_open_paths()
        if paths:
            self.attach(paths)

    def attach(self, paths: Sequence[Path]) -> None:
        """Attach each file (a file the store refuses is reported; the others are attached)."""
        owner, files = self.model.owner_id, list(paths)

        def job(ws: Workspace) -> tuple[int, list[str]]:
            attached, refused = 0, []
            for path in files:
                try:
                    ws.evidence.attach(OCCURRENCE_TABLE, owner, path)
                    attached += 1
                except AppError as exc:
                    refused.append(exc.message)
            return attached, refused

        def done(result: tuple[int, list[str]]) -> None:
            attached, refused = result
            if attached:
                self.status.emit(f"Đã đính kèm {attached} tệp minh chứng.")
            if refused:
                self._core.prompts.error(self, "Không đính kèm được", "\n".join(refused))

        op = CoreOp(self, job, self._core, label="Đang đính kèm tệp…")
        op.success(done).run()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt's name)
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt's name)
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.attach(paths)

    # Open, caption, detach ----------------------------------------------------------------

    def open_selected(self) -> None:
        for attachment in self.selected():
            try:
                path = viewable_copy(attachment, self.view_folder)
            except OSError as exc:
                self._core.prompts.error(
                    self, "Không mở được",
                    f"Không mở được tệp “{attachment.original_name}”: {os_reason(exc)}.",
                )  # fmt: skip
                return
            self.open_url(QUrl.fromLocalFile(str(path)))

    def caption_selected(self) -> None:
        chosen = self.selected()
        if len(chosen) != 1:
            return
        dialog = CaptionDialog(self._core, chosen[0], self)
        self._core.prompts.run(dialog)
        dialog.deleteLater()

    def detach_selected(self) -> None:
        """Detach the selected files; "Hoàn tác" (Ctrl+Z) attaches them again."""
        chosen = self.selected()
        if not chosen:
            return
        ids = [a.id for a in chosen]
        what = f"tệp “{chosen[0].original_name}”" if len(ids) == 1 else f"{len(ids)} tệp"
        hint = f"Đã gỡ {what} — bấm Hoàn tác (Ctrl+Z) để lấy lại."
        self._history.delete(self, evidence_service, ids, f"Gỡ {what}",
                             lambda: self.status.emit(hint))  # fmt: skip
