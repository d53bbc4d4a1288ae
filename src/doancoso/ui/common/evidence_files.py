"""What every list of evidence files in the GUI shares: the detach the undo history sees, a
file's size in words, and where a copy under its own name goes for the system's viewer (the
store's files are named by their hash, with no extension)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import ValidationError
from ...core.evidence.copies import copy_name
from ...core.evidence.service import Attachment, EvidenceService
from ...core.lang.dates import format_vn_date
from ...core.lang.filenames import room_in
from ...core.workspace import Workspace
from ..shell.operations import Core, CoreOp
from ..shell.undo import SoftDeleting
from .date_popup import attach_date_popup
from .fields import ErrorLabel, FieldErrors, WrappedLabel, open_with_room

FILE_FILTERS = "Ảnh và PDF (*.jpg *.jpeg *.png *.pdf);;Tất cả các tệp (*)"
NAME_IN_MESSAGE = 80
"""The longest file name a one-line message gives whole."""
_CELL_MARGIN = 4
_TEXT_UNDER_THUMB = (
    QStyleOptionViewItem.ViewItemFeature.HasDecoration
    | QStyleOptionViewItem.ViewItemFeature.HasDisplay
    | QStyleOptionViewItem.ViewItemFeature.WrapText
)
Index = QModelIndex | QPersistentModelIndex
_BREAK_AFTER = re.compile(r"([_\-.])")


class _Detaching:
    """The evidence service seen by the undo history: delete = detach, restore = reattach."""

    def __init__(self, evidence: EvidenceService) -> None:
        self._evidence = evidence

    def delete(self, ids: Sequence[str]) -> int:
        return self._evidence.detach(list(ids))

    def restore(self, ids: Sequence[str]) -> int:
        return self._evidence.reattach(list(ids))


def evidence_service(ws: Workspace) -> SoftDeleting:
    return _Detaching(ws.evidence)


def name_in_message(name: str) -> str:
    """A file's name as a one-line message (the status bar, the "Hoàn tác" menu item) names
    it: a long one shortened in the middle, its start and its end (the extension) kept."""
    if len(name) <= NAME_IN_MESSAGE:
        return name
    tail_size = (NAME_IN_MESSAGE - 3) * 2 // 5
    head, tail = name[: NAME_IN_MESSAGE - 3 - tail_size], name[-tail_size:]
    # Cut between words where there are some: "… Ngày Chủ … (bản có …", not "Chủ nh…g (bản".
    if " " in head[len(head) // 2 :]:
        head = head[: head.rindex(" ")]
    if " " in tail[: len(tail) // 2]:
        tail = tail[tail.index(" ") + 1 :]
    return f"{head.rstrip()} … {tail.lstrip()}"


def view_copy_path(attachment: Attachment, under: Path) -> Path:
    """Where the copy of a stored file for the system's viewer goes: its original name (with
    its type's extension) made one Windows accepts, within the path Windows opens
    (:mod:`~doancoso.core.lang.filenames`), in a folder of ``under`` (the app's temporary
    folder)."""
    folder = under / attachment.sha256[:16]
    return folder / copy_name(attachment.original_name, attachment.media_type, room_in(folder))


class _CellDelegate(QStyledItemDelegate):
    """Every file the same size, its grid cell's (less a margin, and less what would only
    hold part of a line): a long name or caption wraps onto the lines the cell holds,
    whatever the other files are. (With uniform item sizes Qt sizes
    every item as the last one: a short name attached last cut the others to one line; sized
    one by one, every thumbnail would be read just to lay the list out.)"""

    def __init__(self, cell: QSize, thumb: int, parent: QWidget) -> None:
        super().__init__(parent)
        self._cell = cell - QSize(_CELL_MARGIN, _CELL_MARGIN)
        self._thumb = thumb

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        # Room under the thumbnail for whole lines only: Qt draws a line that starts inside
        # the item's text area even when it ends outside, cut in half under the elided one.
        # The text area is the style's, measured on a probe (no thumbnail is read for it).
        probe = QStyleOptionViewItem(option)
        probe.rect = QRect(QPoint(0, 0), self._cell)
        probe.features |= _TEXT_UNDER_THUMB
        probe.decorationSize = QSize(self._thumb, self._thumb)
        probe.decorationPosition = QStyleOptionViewItem.Position.Top
        probe.text = "x"
        widget = probe.widget
        style = widget.style() if widget is not None else QApplication.style()
        text = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, probe, widget)
        line = max(probe.fontMetrics.lineSpacing(), 1)
        spare = text.height() % line if text.height() >= line else 0
        return QSize(self._cell.width(), self._cell.height() - spare)

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:  # noqa: N802
        super().initStyleOption(option, index)
        # Every name starts at the same height, under the room of a square thumbnail (a
        # landscape photo centred in it): the lines measured in sizeHint are the lines drawn.
        option.decorationSize = QSize(self._thumb, self._thumb)
        option.displayAlignment = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop


def thumbnail_grid(view: QListView, thumb: int, grid: QSize) -> None:
    """A list of files shown as thumbnails in a grid, several selectable, files dropped on it."""
    view.setViewMode(QListView.ViewMode.IconMode)
    view.setIconSize(QSize(thumb, thumb))
    view.setGridSize(grid)
    view.setItemDelegate(_CellDelegate(grid, thumb, view))
    view.setResizeMode(QListView.ResizeMode.Adjust)
    view.setMovement(QListView.Movement.Static)
    view.setWordWrap(True)
    view.setUniformItemSizes(True)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    view.setToolTip("Kéo thả ảnh hoặc tệp PDF vào đây để đính kèm")


class CaptionDialog(QDialog):
    """A file's caption and its date (the day of the photo or the document), saved on the
    worker; a bad date is said under its field and nothing is saved."""

    def __init__(self, core: Core, attachment: Attachment, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._core = core
        self._id = attachment.id
        self.setWindowTitle("Chú thích tệp minh chứng")
        layout = QVBoxLayout(self)
        form = QFormLayout()
        # A long name wraps (at its spaces, or after its "_", "-" and ".") rather than widening
        # the dialog past the screen.
        name = _BREAK_AFTER.sub("\\1\u200b", attachment.original_name)
        self.file_label = WrappedLabel(f"Tệp: {name}")
        self.file_label.setTextFormat(Qt.TextFormat.PlainText)
        form.addRow(self.file_label)
        self.errors = FieldErrors()
        self.editor = QLineEdit(attachment.caption or "")
        self.editor.setPlaceholderText("Ví dụ: Đoàn viên dọn vệ sinh tuyến đường liên ấp")
        self.editor.setMinimumWidth(420)
        self.errors.add_row(form, "caption", "&Chú thích", self.editor)
        self.date_edit = QLineEdit(format_vn_date(attachment.taken_on))
        self.date_edit.setPlaceholderText("dd/mm/yyyy: ngày chụp ảnh hoặc ngày của văn bản")
        attach_date_popup(self.date_edit)
        self.errors.add_row(form, "taken_on", "&Ngày", self.date_edit)
        layout.addLayout(form)
        layout.addStretch(1)  # the room of the messages, "Lưu" staying in place
        self.general_error = ErrorLabel()
        layout.addWidget(self.general_error)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton("&Lưu", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("&Hủy", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        open_with_room(self, 2)  # the date's message and one the core adds

    def submit(self) -> None:
        attachment_id, text, day = self._id, self.editor.text(), self.date_edit.text()
        op = CoreOp(self, lambda ws: ws.evidence.caption(attachment_id, text, day), self._core)
        op.success(lambda _none: self.accept()).failure(self._refused).run()

    def _refused(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            self.errors.show_all(exc.field_errors, self.general_error)
            return
        self._core.runner.show_error(exc, "Không lưu được chú thích", self)
