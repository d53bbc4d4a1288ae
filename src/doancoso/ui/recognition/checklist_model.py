"""The checklist of a year as a tree: the three criteria (with their readiness), and under each
its items with their self-assessment, indicator and number of files.

A criterion's index carries internal id 0, an item's the row of its criterion plus one, so the
model needs no object per node. A new view with the same items (a tick, the indicators coming
in) changes cells in place, keeping the selection and what is expanded; another template
resets the model.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ...core.recognition.service import ChecklistView, ItemView
from ..common.cells import ALIGN_LEFT, CELL_FLAGS, DISPLAY, TOOLTIP
from . import words

COL_ITEM, COL_STATUS, COL_INDICATOR, COL_FILES = range(4)
HEADERS = ("Nội dung", "Tự đánh giá", "Chỉ số", "Tệp")
CODE_ROLE = int(Qt.ItemDataRole.UserRole) + 1
"""An item's code ("1.2"); None on a criterion's row."""
CONTRADICTION_ROLE = int(Qt.ItemDataRole.UserRole) + 2
"""Whether the item is ticked "Đạt" against its indicator."""
FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
FONT = int(Qt.ItemDataRole.FontRole)
ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
ALIGN_CENTER = int(Qt.AlignmentFlag.AlignCenter)

Index = QModelIndex | QPersistentModelIndex


class ChecklistModel(QAbstractItemModel):
    """Criteria and items of one :class:`ChecklistView` (empty until :meth:`set_view`)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.view: ChecklistView | None = None
        self._items: list[list[ItemView]] = []
        self._bold = QFont()
        self._bold.setBold(True)
        self._brushes: dict[str, QBrush] = {}

    # Content ------------------------------------------------------------------------------

    def set_view(self, view: ChecklistView | None) -> bool:
        """Show ``view``; returns whether the model was reset (other items)."""
        same = (
            view is not None
            and self.view is not None
            and [v.item.code for v in view.items] == [v.item.code for v in self.view.items]
            and [c.code for c in view.template.criteria]
            == [c.code for c in self.view.template.criteria]
        )
        if not same:
            self.beginResetModel()
        self.view = view
        self._items = [view.criterion_items(c.code) for c in view.template.criteria] if view else []
        if same:
            last = self.columnCount() - 1
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._items) - 1, last))
            for row, items in enumerate(self._items):
                if items:
                    parent = self.index(row, 0)
                    first, end = self.index(0, 0, parent), self.index(len(items) - 1, last, parent)
                    self.dataChanged.emit(first, end)
        else:
            self.endResetModel()
        return not same

    def item_index(self, code: str) -> QModelIndex:
        """The index (first column) of the item ``code``; invalid when there is none."""
        for row, items in enumerate(self._items):
            for position, view in enumerate(items):
                if view.item.code == code:
                    return self.createIndex(position, 0, row + 1)
        return QModelIndex()

    def item_view(self, index: Index) -> ItemView | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        return self._items[index.internalId() - 1][index.row()]

    # Structure ----------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._items)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self._items[parent.row()])
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(HEADERS)

    def flags(self, index: Index) -> Qt.ItemFlag:
        return CELL_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == DISPLAY:
            return HEADERS[section]
        return None

    # Cells --------------------------------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.view is None:
            return None
        if index.internalId() == 0:
            return self._criterion_data(index.row(), index.column(), role)
        return self._item_data(self._items[index.internalId() - 1][index.row()], index, role)

    def _brush(self, colour: str) -> QBrush:
        brush = self._brushes.get(colour)
        if brush is None:
            brush = self._brushes[colour] = QBrush(QColor(colour))
        return brush

    def _criterion_data(self, row: int, column: int, role: int) -> Any:
        assert self.view is not None
        criterion = self.view.template.criteria[row]
        if role == DISPLAY:
            if column == COL_ITEM:
                return f"Tiêu chí {criterion.code}. {criterion.title}"
            if column == COL_STATUS:
                return words.met_text(self.view, criterion.code)
            if column == COL_INDICATOR:
                return words.points_text(self.view, criterion.code)
            if column == COL_FILES:
                return str(sum(len(v.files) for v in self._items[row]))
            return ""
        if role == FONT:
            return self._bold
        if role == TOOLTIP and column == COL_ITEM:
            return f"Tiêu chí {criterion.code}. {criterion.title}"
        if role == CODE_ROLE:
            return None
        if role == ALIGNMENT and column == COL_FILES:
            return ALIGN_CENTER
        return None

    def _item_data(self, view: ItemView, index: Index, role: int) -> Any:
        column = index.column()
        indicator = view.indicator
        if role == DISPLAY:
            if column == COL_ITEM:
                return f"{view.item.code}  {view.item.text}"
            if column == COL_STATUS:
                return words.status_name(view.status)
            if column == COL_INDICATOR:
                if view.item.indicator is None:
                    return ""
                if indicator is None:
                    return words.PENDING
                return ("⚠ " if view.contradiction else "") + words.indicator_cell(indicator)
            if column == COL_FILES:
                return str(len(view.files)) if view.files else ""
            return ""
        if role == CODE_ROLE:
            return view.item.code
        if role == CONTRADICTION_ROLE:
            return view.contradiction
        if role == FOREGROUND:
            if column == COL_STATUS:
                return self._brush(words.STATUS_COLOURS.get(view.status, words.GREY))
            if column == COL_INDICATOR and indicator is not None:
                return self._brush(words.verdict_colour(indicator))
            return None
        if role == BACKGROUND and view.contradiction and column in (COL_STATUS, COL_INDICATOR):
            return self._brush(words.CONTRADICTION_BACKGROUND)
        if role == TOOLTIP:
            if column == COL_INDICATOR and indicator is not None:
                return words.contradiction_text(view) or "\n".join(
                    [f"{indicator.label}: {words.verdict(indicator)}"]
                    + words.indicator_lines(indicator)
                )
            if column == COL_ITEM:
                return f"{view.item.code}. {view.item.text}"
            return None
        if role == ALIGNMENT:
            return ALIGN_CENTER if column == COL_FILES else ALIGN_LEFT
        return None
