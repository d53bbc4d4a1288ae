"""Participation in activities by chi đoàn, for the statistics page: a small table model over
:meth:`~doancoso.core.activities.participation.ParticipationService.by_branch`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from ...core.activities.participation import BranchParticipation
from ...core.lang.text import vn_number
from ...core.statistics.export import (
    PARTICIPATION_COLUMNS,
    participation_headers,
    participation_members_note,
    rate_text,
)
from ..common.cells import ALIGN_LEFT, ALIGN_RIGHT, ALIGNMENT, CELL_FLAGS, DISPLAY

__all__ = ["PARTICIPATION_COLUMNS", "ParticipationModel", "rate_text"]
Index = QModelIndex | QPersistentModelIndex


class ParticipationModel(QAbstractTableModel):
    """One row per chi đoàn: members, expected and attended places, the rate; the whole
    organisation last. The members' header names the span counted, on two lines."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, int, int, int, float | None]] = []
        self.counted_span = ""

    def set_rows(self, rows: Sequence[BranchParticipation], span: str) -> None:
        """The rows of :func:`~doancoso.core.statistics.export.with_total` (each chi đoàn,
        then the whole organisation), counted over ``span`` ("từ 01/01/2026 đến 30/09/2026")."""
        self.beginResetModel()
        self._rows = [(r.branch, r.members, r.expected, r.attended, r.rate) for r in rows]
        self.counted_span = span
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else PARTICIPATION_COLUMNS

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], index.column()
        if role == ALIGNMENT:
            return ALIGN_LEFT if column == 0 else ALIGN_RIGHT
        if role != DISPLAY:
            return None
        if column == 0:
            return row[0]
        if column == 4:
            return rate_text(row[4])
        value = row[column]
        assert isinstance(value, int)
        return vn_number(value)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == DISPLAY:
            if section == 1:  # on two lines, not as wide as the span
                return f"Đoàn viên\n{self.counted_span}"
            return participation_headers(self.counted_span)[section]
        if role == Qt.ItemDataRole.ToolTipRole and section == 1:  # not the roster of today
            return participation_members_note(self.counted_span)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return CELL_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags
