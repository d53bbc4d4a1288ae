"""The rating of the latest closed round on the statistics page: per chi đoàn and in total, how
many members were decided at each level and their share."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from ...core.lang.text import vn_number
from ...core.rating.service import LevelCounts
from ...core.statistics.export import RATING_HEADERS as HEADERS
from ..common.cells import ALIGN_LEFT, ALIGN_RIGHT, ALIGNMENT, CELL_FLAGS, DISPLAY

Index = QModelIndex | QPersistentModelIndex


class RatingStatsModel(QAbstractTableModel):
    """One row per chi đoàn, the whole organisation last (the core's summary order)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[LevelCounts] = []

    def set_rows(self, rows: Sequence[LevelCounts]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], index.column()
        if role == ALIGNMENT:
            return ALIGN_LEFT if column == 0 else ALIGN_RIGHT
        if role != DISPLAY:
            return None
        if column == 0:
            return row.branch
        if column == len(HEADERS) - 1:
            return vn_number(row.not_rated + row.undecided)
        return row.count_text(column)  # "1.234 (61,7%)", as on the rating page

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == DISPLAY:
            return HEADERS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return CELL_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags
