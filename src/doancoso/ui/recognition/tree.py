"""The checklist's tree view: criteria and items, word-wrapped, files dropped on an item
attached to it (the item is selected, so its panel shows them), Enter on an item leading to its
self-assessment."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QFontMetrics, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

from .checklist_model import CODE_ROLE, COL_FILES, COL_INDICATOR, COL_ITEM, COL_STATUS
from .evidence import dropped_paths


class WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as the item's text needs at its column's width (Qt's own size hint
    measures the text on one line, so a long item would be cut short with "…")."""

    def __init__(self, tree: QTreeView) -> None:
        super().__init__(tree)
        self._tree = tree
        self._heights: dict[tuple[str, int, bool], int] = {}  # Qt asks again and again

    def sizeHint(  # noqa: N802 (Qt's name)
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        hint = super().sizeHint(option, index)
        if index.column() != COL_ITEM:
            return hint
        depth = 1 if index.parent().isValid() else 0
        width = self._tree.columnWidth(COL_ITEM) - self._tree.indentation() * (depth + 1) - 12
        text = str(index.data() or "")
        font = index.data(Qt.ItemDataRole.FontRole) or option.font
        key = (text, width, font.bold())
        height = self._heights.get(key)
        if height is None:
            bounds = QRect(0, 0, max(width, 60), 10_000)
            height = (
                QFontMetrics(font).boundingRect(bounds, Qt.TextFlag.TextWordWrap, text).height()
            )
            self._heights[key] = height
        return QSize(hint.width(), max(hint.height(), height + 6))


class ChecklistTree(QTreeView):
    """Emits ``files_dropped(code, paths)`` when files are dropped on an item's row, and
    ``item_entered(code)`` when Enter is pressed on an item's row (a criterion's row keeps
    Qt's keys)."""

    files_dropped = Signal(str, list)
    item_entered = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setUniformRowHeights(False)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(False)
        self.setToolTip("Kéo thả ảnh hoặc tệp PDF vào một mục để đính kèm minh chứng")
        self.setItemDelegate(WrappingDelegate(self))

    def setup_columns(self) -> None:
        """Column widths once a model is set: the text takes what the others leave."""
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_ITEM, QHeaderView.ResizeMode.Stretch)
        for column, width in ((COL_STATUS, 98), (COL_INDICATOR, 132), (COL_FILES, 36)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.setColumnWidth(column, width)
        header.sectionResized.connect(self._column_resized)

    def _column_resized(self, column: int, _old: int, _new: int) -> None:
        if column == COL_ITEM:
            self.scheduleDelayedItemsLayout()  # the rows' heights follow the text's width

    def code_at(self, index: QModelIndex) -> str | None:
        code = index.siblingAtColumn(0).data(CODE_ROLE) if index.isValid() else None
        return str(code) if code else None

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        code = self.code_at(self.currentIndex())
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and code is not None:
            self.item_entered.emit(code)
            return
        super().keyPressEvent(event)

    def _target(self, event: QDragMoveEvent | QDropEvent) -> str | None:
        return self.code_at(self.indexAt(event.position().toPoint()))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt's name)
        if dropped_paths(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 (Qt's name)
        if self._target(event) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt's name)
        code, paths = self._target(event), dropped_paths(event)
        if code is None or not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        index = self.indexAt(event.position().toPoint())
        self.setCurrentIndex(index.siblingAtColumn(0))
        self.files_dropped.emit(code, [Path(p) for p in paths])
