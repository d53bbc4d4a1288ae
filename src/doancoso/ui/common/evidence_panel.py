"""The panel of one record's evidence files (minh chứng), shared by the calendar's dates and the
checklist's records: photos and PDFs (their first page) as thumbnails, other files with a
document icon, a PDF that cannot be shown with :func:`~.thumbnails.unreadable_pdf` and why on
its tooltip; attach with the
file dialog or by dropping files, open with the system's viewer, copy into a folder (a USB
stick) under their own names, caption, detach with undo.

What differs between the places that show it is given to :class:`EvidencePanel`: the words of
an empty list, the size of a grid cell, the icon of a file that is not a photo, what is said
after a caption is saved, and (through :meth:`EvidencePanel.set_target`) how a new file is
attached to the record shown.

Thumbnails are read off the GUI thread (:mod:`.thumbnails`): the list paints at once, a photo
not read yet with a placeholder, and each file is repainted when its thumbnail arrives. Stored
files have no extension; to open one, a copy named as the original goes into the app's
temporary folder (:mod:`.temp_copies`: removed at the next start) and the system opens that
(the store itself is never handed to another program); the file is checked and copied on the
worker, only the hand-over to the viewer is on the GUI thread.
"""

from __future__ import annotations

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
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPalette,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import AppError
from ...core.evidence.service import Attachment
from ...core.evidence.store import MEDIA_TYPES, lost_file_message
from ...core.lang.text import size_text
from ...core.storage.folder import os_reason
from ...core.workspace import Workspace
from ..shell.operations import Core, CoreOp, QueryOp
from ..shell.tasks import Report
from ..shell.undo import UndoHistory
from .cells import CELL_FLAGS, DISPLAY, TOOLTIP
from .evidence_files import (
    FILE_FILTERS,
    CaptionDialog,
    evidence_service,
    name_in_message,
    thumbnail_grid,
    view_copy_path,
)
from .folders import open_folder
from .opening import OpenAfterRead
from .temp_copies import view_copies_folder
from .thumbnails import Key, thumbnails, unreadable_pdf

THUMB = 96
PDF = "application/pdf"
ATTACHMENT_ID_ROLE = int(Qt.ItemDataRole.UserRole) + 30
DECORATION = int(Qt.ItemDataRole.DecorationRole)

Index = QModelIndex | QPersistentModelIndex
Attach = Callable[[Workspace, Path], object]
"""How a file is attached to the record shown (on the worker)."""
Opened = tuple[Attachment, Path | OSError | None]
"""A file to open and its copy for the viewer (None: gone or changed; an error: no copy)."""
OPENING = "Đang mở tệp minh chứng…"
DocumentIcon = Callable[[], QIcon]
"""The icon of a file that is not a photo (or a photo that cannot be read)."""


def dropped_paths(event: QDropEvent | QDragEnterEvent) -> list[Path]:
    """The local files of a drop (links and other data ignored)."""
    return [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]


class EvidenceModel(QAbstractListModel):
    """The files of one record, in the order they were attached."""

    def __init__(self, document_icon: DocumentIcon, parent: Any = None) -> None:
        super().__init__(parent)
        self._document_icon = document_icon
        self.items: list[Attachment] = []
        thumbnails().ready.connect(self._thumbnail_ready)

    def set_files(self, files: Sequence[Attachment]) -> None:
        """Show ``files``; the same files again (a caption changed, a lost file taken back)
        keep the selection."""
        thumbnails().retry((f.sha256, THUMB) for f in files)  # shown afresh: a lost one again
        if [f.id for f in files] == [f.id for f in self.items]:
            self.items = list(files)
            if self.items:
                self.dataChanged.emit(self.index(0), self.index(len(self.items) - 1))
                # A longer caption takes more lines: the view lays its items out again (it
                # keeps their sizes through dataChanged), the selection kept.
                self.layoutAboutToBeChanged.emit()
                self.layoutChanged.emit()
            return
        self.beginResetModel()
        self.items = list(files)
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
            return self._icon(item)
        if role == TOOLTIP:
            kind = MEDIA_TYPES.get(item.media_type, item.media_type)
            lines = [item.original_name, f"{kind}, {size_text(item.size)}"]
            if item.caption:
                lines.append(item.caption)
            if reason := thumbnails().reason(item.sha256, THUMB):
                lines.append(reason)
            return "\n".join(lines)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return CELL_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def _icon(self, item: Attachment) -> QIcon:
        """The photo's or the PDF's first page's thumbnail (a placeholder until it is read), a
        PDF that cannot be shown or a photo gone from the store marked so, else the document
        icon."""
        if item.media_type == PDF:
            icon = thumbnails().icon(item.sha256, item.path, THUMB, pdf=True)
            return unreadable_pdf(THUMB) if icon is None else icon
        if item.media_type.startswith("image/"):
            icon = thumbnails().icon(item.sha256, item.path, THUMB)
            if icon is not None:
                return icon
            if thumbnails().reason(item.sha256, THUMB):  # gone: not shown as a document
                return unreadable_pdf(THUMB)
        return self._document_icon()

    def _thumbnail_ready(self, key: Key) -> None:
        """Repaint the files whose thumbnail arrived (or turned out unreadable)."""
        sha256, size = key
        if size != THUMB:
            return
        for row, item in enumerate(self.items):
            if item.sha256 == sha256:
                index = self.index(row)
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])


class EvidenceList(QListView):
    """The files as icons; an empty list says ``empty_text`` (how to add some). Enter on the
    files chosen emits ``open_requested`` (a double click opens them too), Delete
    ``detach_requested``."""

    open_requested = Signal()
    detach_requested = Signal()

    def __init__(self, empty_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.empty_text = empty_text

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.selectedIndexes():
            self.open_requested.emit()
            return
        if event.matches(QKeySequence.StandardKey.Delete) and self.selectedIndexes():
            self.detach_requested.emit()
            return
        super().keyPressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        super().paintEvent(event)
        model = self.model()
        if model is not None and model.rowCount() == 0:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(
                self.viewport().rect().adjusted(12, 8, -12, -8),
                int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
                self.empty_text,
            )
            painter.end()


class EvidencePanel(QWidget):
    """The files of the record given to :meth:`set_target`: list, buttons, drops. ``status``
    says what was just done. Nothing can be attached while no record is shown.

    ``empty_text`` is what an empty list says, ``cell`` the size of a thumbnail's grid cell,
    ``document_icon`` the icon of a file that is not a photo, ``caption_saved`` what
    ``status`` says once a caption is saved (None: nothing)."""

    status = Signal(str)

    def __init__(
        self, core: Core, history: UndoHistory, parent: QWidget | None = None, *,
        empty_text: str, cell: QSize, document_icon: DocumentIcon, caption_saved: str | None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self._core = core
        self._history = history
        self._attach: Attach | None = None
        self._caption_saved = caption_saved
        self._detached: set[str] = set()  # the files detached here: chosen when they come back
        self._opening = OpenAfterRead(self, core)  # the copies handed to the viewer
        self.model = EvidenceModel(document_icon, self)
        self.open_url: Callable[[QUrl], object] = QDesktopServices.openUrl
        """How a file is shown (the system's viewer; tests record the address instead): False
        when no program took it."""
        self.view_folder: Path | None = None
        """Where the copies handed to the viewer go (None: this session's folder of the app's
        temporary folder, made on first use)."""
        self.view = EvidenceList(empty_text)
        self.view.setModel(self.model)
        thumbnail_grid(self.view, THUMB, cell)
        self.view.doubleClicked.connect(lambda _index: self.open_selected())
        self.view.open_requested.connect(self.open_selected)
        self.view.detach_requested.connect(self.detach_selected)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.setAcceptDrops(True)
        # Letters free both on the 3 chủ động page (the menus take Alt+T, S, X, V, G) and in a
        # date's form (its fields and "Điể&m danh" take A, B, D, G, H, I, K, L, M, N, O, S, T, X):
        # "Mở" alone could only be M, "Gỡ tệp" and "Đính kèm tệp…" only P.
        self.attach_button = QPushButton("Đính kèm tệ&p…")
        self.open_button = QPushButton("Mở x&em")
        self.copy_button = QPushButton("Chép &ra…")
        self.copy_button.setToolTip(
            "Chép các tệp đã chọn vào một thư mục (ví dụ USB), mỗi tệp giữ tên gốc"
        )
        self.caption_button = QPushButton("&Chú thích…")
        self.detach_button = QPushButton("Gỡ khỏi đâ&y")
        buttons = QHBoxLayout()
        for button, slot in (
            (self.attach_button, self.choose_files),
            (self.open_button, self.open_selected),
            (self.copy_button, self.copy_selected),
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
        self._update_buttons()

    def set_target(self, attach: Attach | None, files: Sequence[Attachment]) -> None:
        """Show ``files``; new files go through ``attach`` (None: no record, nothing to
        attach to). Files detached here and now back (Ctrl+Z) are chosen, the first the current
        one: the buttons act on them and the arrows go on from there."""
        self._attach = attach
        shown = {f.id for f in self.model.items}
        self.model.set_files(files)
        back = [row for row, f in enumerate(files) if f.id in self._detached and f.id not in shown]
        if back:
            chosen = self.view.selectionModel()
            flags = chosen.SelectionFlag
            for row in back:
                command = flags.ClearAndSelect if row == back[0] else flags.Select
                chosen.select(self.model.index(row), command)
            chosen.setCurrentIndex(self.model.index(back[0]), flags.NoUpdate)
        self._update_buttons()

    # Selection ----------------------------------------------------------------------------

    def selected(self) -> list[Attachment]:
        rows = sorted({index.row() for index in self.view.selectionModel().selectedIndexes()})
        return [self.model.items[row] for row in rows if row < len(self.model.items)]

    def _update_buttons(self) -> None:
        chosen = self.selected()
        self.attach_button.setEnabled(self._attach is not None)
        self.open_button.setEnabled(bool(chosen))
        self.copy_button.setEnabled(bool(chosen))
        self.caption_button.setEnabled(len(chosen) == 1)
        self.detach_button.setEnabled(bool(chosen))

    # Attaching ----------------------------------------------------------------------------

    def ask_open_paths(self) -> list[Path]:
        """The files the user picks (none when cancelled); tests replace this."""
        names, _ = QFileDialog.getOpenFileNames(
            self, "Đính kèm tệp minh chứng", str(open_folder()), FILE_FILTERS
        )
        return [Path(name) for name in names]

    def choose_files(self) -> None:
        if self._attach is None:
            return
        paths = self.ask_open_paths()
        if paths:
            self.attach(paths)

    def attach(self, paths: Sequence[Path], attach: Attach | None = None) -> None:
        """Attach each file through ``attach`` (default: the record shown); a file the store
        refuses is reported with its reason, the others are attached."""
        attach_one = attach or self._attach
        if attach_one is None:
            return
        files = list(paths)

        def job(ws: Workspace) -> tuple[int, list[str]]:
            attached, refused = 0, []
            for path in files:
                try:
                    attach_one(ws, path)
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
        if self._attach is not None and dropped_paths(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt's name)
        paths = dropped_paths(event)
        if paths and self._attach is not None:
            event.acceptProposedAction()
            self.attach(paths)

    # Open, caption, detach ----------------------------------------------------------------

    def open_selected(self) -> None:
        """Open the selected files in the system's viewer. Each is checked against its hash and
        copied under its own name on the worker (a scan of hundreds of MB, or a data folder on
        a stick pulled out, never freezes the window; a long one shows a progress dialog with
        "Hủy"), then handed to the viewer here; the first that cannot be opened is said.
        Pressed again while they are copied (a double click, Enter again), nothing more opens."""
        chosen = self.selected()
        if not chosen:
            return
        under = self.view_folder or view_copies_folder()
        total = sum(a.size for a in chosen)

        def job(ws: Workspace, report: Report) -> list[Opened]:
            done = 0

            def copied(size: int) -> None:
                nonlocal done
                done += size
                report(done, total)

            results: list[Opened] = []
            for attachment in chosen:
                target = view_copy_path(attachment, under)
                try:
                    sound = ws.evidence.store.copy_checked(attachment.sha256, target, copied)
                except OSError as exc:
                    results.append((attachment, exc))
                    break
                results.append((attachment, target if sound else None))
                if not sound:
                    break
            return results

        self._opening.run_reporting(job, self._show, label=OPENING)

    def _show(self, results: list[Opened]) -> None:
        """Hand each copy to the viewer; say why the first that cannot be opened is not."""
        for attachment, copy in results:
            name = attachment.original_name
            if copy is None:  # gone or changed
                self._core.prompts.error(self, "Không mở được", lost_file_message(name))
                return
            if isinstance(copy, OSError):
                self._core.prompts.error(
                    self, "Không mở được", f"Không mở được tệp “{name}”: {os_reason(copy)}."
                )
                return
            if self.open_url(QUrl.fromLocalFile(str(copy))) is False:
                kind = MEDIA_TYPES.get(attachment.media_type, "tệp")
                self._core.prompts.error(
                    self, "Không mở được",
                    f"Máy này không có chương trình nào mở được {kind} “{name}”. Một bản sao "
                    f"của tệp nằm ở:\n{copy}\nHãy mở nó bằng chương trình xem ảnh hoặc PDF khác, "
                    "hoặc cài một chương trình như vậy.",
                )  # fmt: skip
                return

    def ask_folder(self) -> Path | None:
        """The folder the user picks to copy files into (None when cancelled), looked for on a
        plugged-in stick first; tests replace this."""
        chosen = QFileDialog.getExistingDirectory(
            self, "Chép tệp minh chứng ra thư mục", str(open_folder())
        )
        return Path(chosen) if chosen else None

    def copy_selected(self) -> None:
        """Copy the selected files into a folder the user picks, each under its own name as
        Windows accepts it, none replacing a file there (:mod:`~doancoso.core.evidence.copies`),
        on the worker with a progress dialog; then say where they are."""
        chosen = self.selected()
        if not chosen:
            return
        folder = self.ask_folder()
        if folder is None:
            return

        def job(ws: Workspace, report: Report) -> list[Path]:
            return ws.evidence.copy_to_folder(chosen, folder, report)

        def done(copies: list[Path]) -> None:
            if len(copies) == 1:
                self.status.emit(f"Đã chép tệp vào “{copies[0]}”.")
            else:
                self.status.emit(f"Đã chép {len(copies)} tệp vào thư mục “{folder}”.")

        op = QueryOp(self, job, self._core, label="Đang chép tệp minh chứng…", reporting=True)
        op.success(done).failure(self._core.reporter(self, "Không chép được")).run()

    def caption_selected(self) -> None:
        chosen = self.selected()
        if len(chosen) != 1:
            return
        dialog = CaptionDialog(self._core, chosen[0], self)
        if self._core.prompts.run(dialog) and self._caption_saved is not None:
            self.status.emit(self._caption_saved)
        dialog.deleteLater()

    def detach_selected(self) -> None:
        """Detach the selected files; "Hoàn tác" (Ctrl+Z) attaches them again."""
        chosen = self.selected()
        if not chosen:
            return
        ids = [a.id for a in chosen]
        name = name_in_message(chosen[0].original_name)
        what = f"tệp “{name}”" if len(ids) == 1 else f"{len(ids)} tệp"
        hint = f"Đã gỡ {what} — bấm Hoàn tác (Ctrl+Z) để lấy lại."

        def detached() -> None:
            self._detached.update(ids)
            self.status.emit(hint)

        self._history.delete(self, evidence_service, ids, f"Gỡ {what}", detached)
