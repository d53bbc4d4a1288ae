"""The agenda: the dates of a range as a table (date, time, title, kind, chi đoàn, status,
attendance), and the small list model of the "Sắp diễn ra" and "Quá hạn" lists.

Both hold a plain list of rows: a range is a month or a year (a few hundred dates at most).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QIcon, QPixmap

from ...core.activities.service import OccurrenceRow
from ..common.cells import ALIGN_LEFT, ALIGN_RIGHT, ALIGNMENT, CELL_FLAGS, DISPLAY, TOOLTIP
from .words import (
    WHOLE_ORGANISATION,
    KindColours,
    attendance_text,
    kind_colour,
    kind_name,
    occurrence_tooltip,
    reminder_text,
    short_branches_text,
    short_date,
    status_text,
    time_range,
)

OCCURRENCE_ID_ROLE = int(Qt.ItemDataRole.UserRole) + 20
"""The id of the date of an activity on a row."""
DECORATION = int(Qt.ItemDataRole.DecorationRole)
FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)

COLUMNS: tuple[str, ...] = (
    "Ngày", "Giờ", "Tên hoạt động", "Loại", "Chi đoàn", "Trạng thái", "Điểm danh",
)  # fmt: skip
COL_DATE, COL_TIME, COL_TITLE, COL_KIND, COL_BRANCH, COL_STATUS, COL_ATTENDANCE = range(7)
WIDEST_SHOWN: dict[int, str] = {
    COL_KIND: "Sinh hoạt chi đoàn định kỳ",
    COL_BRANCH: "ấp Thạnh Điền, ấp Tân Hưng",
}
"""The kind and the chi đoàn are as wide as their longest text up to these (a usual kind and
two chi đoàn); longer ones are elided, their tooltips say them in full. The short columns fit
their contents and the title's column takes the width left."""
NARROWEST_SHOWN: dict[int, str] = {
    COL_KIND: "Sinh hoạt chi đoàn",
    COL_BRANCH: WHOLE_ORGANISATION,
}
"""When the view is too narrow for the title (a year's agenda at 1366×768), the kind and then
the chi đoàn give way down to these."""
TITLE_KEPT = "Ra quân “Ngày Chủ nhật xanh” quý 4"
"""The width the title keeps, if its rows need it, before the kind and the chi đoàn."""
LATE = QColor("#c62828")
OFF = QColor("#757575")

Index = QModelIndex | QPersistentModelIndex
_icons: dict[str, QIcon] = {}


def colour_icon(colour: str) -> QIcon:
    """A small square of a kind's colour (made once per colour)."""
    icon = _icons.get(colour)
    if icon is None:
        pixmap = QPixmap(12, 12)
        pixmap.fill(QColor(colour))
        icon = _icons[colour] = QIcon(pixmap)
    return icon


class AgendaModel(QAbstractTableModel):
    """The dates of a range, by day and time."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[OccurrenceRow] = []
        self._kinds: KindColours = {}
        self._branches: Mapping[str, str] = {}
        self._today = dt.date.today()

    def set_rows(
        self, rows: Sequence[OccurrenceRow], kinds: KindColours, branches: Mapping[str, str],
        today: dt.date,
    ) -> None:  # fmt: skip
        self.beginResetModel()
        self.rows = list(rows)
        self._kinds, self._branches, self._today = kinds, branches, today
        self.endResetModel()

    def occurrence_id(self, row: int) -> str:
        return self.rows[row].id

    def row_of(self, occurrence_id: str) -> int | None:
        return next((i for i, r in enumerate(self.rows) if r.id == occurrence_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], index.column()
        if role == DISPLAY:
            return self._cell(row, column)
        if role == OCCURRENCE_ID_ROLE:
            return row.id
        if role == TOOLTIP:
            return occurrence_tooltip(row, self._kinds, self._today, self._branches)
        if role == ALIGNMENT:
            return ALIGN_RIGHT if column == COL_ATTENDANCE else ALIGN_LEFT
        if role == DECORATION and column == COL_KIND:
            return colour_icon(kind_colour(self._kinds, row.kind))
        if role == FOREGROUND and column == COL_STATUS:
            if row.status == "du-kien" and (row.end_day or row.day) < self._today:
                return LATE
            if row.status in ("huy", "hoan"):
                return OFF
        return None

    def _cell(self, row: OccurrenceRow, column: int) -> str:
        if column == COL_DATE:
            return short_date(row.day)
        if column == COL_TIME:
            return time_range(row)
        if column == COL_TITLE:
            return row.title
        if column == COL_KIND:
            return kind_name(self._kinds, row.kind)
        if column == COL_BRANCH:
            return short_branches_text(row.branch_ids, self._branches)
        if column == COL_STATUS:
            return status_text(row, self._today)
        return attendance_text(row)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == DISPLAY and 0 <= section < len(COLUMNS):
            return COLUMNS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return CELL_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags


class ReminderModel(QAbstractListModel):
    """A short list of dates ("Sắp diễn ra", "Quá hạn chưa ghi kết quả")."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[OccurrenceRow] = []
        self._kinds: KindColours = {}
        self._today = dt.date.today()

    def set_rows(self, rows: Sequence[OccurrenceRow], kinds: KindColours, today: dt.date) -> None:
        self.beginResetModel()
        self.rows, self._kinds, self._today = list(rows), kinds, today
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == DISPLAY:
            return reminder_text(row)
        if role == OCCURRENCE_ID_ROLE:
            return row.id
        if role == TOOLTIP:
            return occurrence_tooltip(row, self._kinds, self._today)
        if role == DECORATION:
            return colour_icon(kind_colour(self._kinds, row.kind))
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return CELL_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags
