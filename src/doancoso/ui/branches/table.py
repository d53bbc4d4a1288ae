"""A small table model of the chi đoàn list with member counts.

The members in no chi đoàn are counted on a last row, "Chưa có chi đoàn" (the core's
``ws.branches.unassigned()``, id ""), shown only when there are some and set apart in grey
italics: it is no chi đoàn, and cannot be renamed, merged or deleted. With it the page's totals
are the roster's.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from ...core.lang.text import vn_number
from ...core.roster.branches import BranchInfo

BRANCH_ID_ROLE = Qt.ItemDataRole.UserRole + 2
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
HEADERS = ("Chi đoàn", "Đang sinh hoạt (kể cả tạm)", "Tổng số hồ sơ")
COUNT_TIPS = (
    "",
    "Đoàn viên đang sinh hoạt, kể cả đoàn viên của đơn vị khác đang sinh hoạt tạm tại chi đoàn",
    "Mọi đoàn viên có hồ sơ trong chi đoàn, cả những người đã chuyển đi, trưởng thành Đoàn "
    "hoặc bị xóa tên",
)

UNASSIGNED_TIP = (
    "Đoàn viên chưa được xếp vào chi đoàn nào. Xếp họ vào một chi đoàn ở trang Đoàn viên "
    "(chọn đoàn viên rồi bấm “Chuyển chi đoàn…”)."
)
UNASSIGNED_COLOUR = QColor("#616161")

Index = QModelIndex | QPersistentModelIndex


def is_unassigned(branch: BranchInfo) -> bool:
    """The row of the members in no chi đoàn (not a chi đoàn: nothing can be done to it)."""
    return branch.id == ""


class BranchTableModel(QAbstractTableModel):
    """Branches in Vietnamese order (as the core lists them) with their member counts."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._branches: list[BranchInfo] = []

    def set_branches(
        self, branches: list[BranchInfo], unassigned: BranchInfo | None = None
    ) -> None:
        """The chi đoàn, then ``unassigned`` (the members in no chi đoàn) when it counts any."""
        self.beginResetModel()
        self._branches = list(branches)
        if unassigned is not None and unassigned.member_count:
            self._branches.append(unassigned)
        self.endResetModel()

    def branch(self, row: int) -> BranchInfo:
        return self._branches[row]

    def row_of(self, branch_id: str) -> int | None:
        return next((i for i, b in enumerate(self._branches) if b.id == branch_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._branches)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        branch = self._branches[index.row()]
        if role == BRANCH_ID_ROLE:
            return branch.id
        column = index.column()
        counts = (branch.active_count, branch.member_count)
        if role == SORT_ROLE:
            return branch.name if column == 0 else counts[column - 1]
        if role == Qt.ItemDataRole.DisplayRole:
            return branch.name if column == 0 else vn_number(counts[column - 1])
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if is_unassigned(branch):
            if role == Qt.ItemDataRole.ForegroundRole:
                return UNASSIGNED_COLOUR
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setItalic(True)
                return font
            if role == Qt.ItemDataRole.ToolTipRole:
                return UNASSIGNED_TIP
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and 0 <= section < len(HEADERS):
            if role == Qt.ItemDataRole.DisplayRole:
                return HEADERS[section]
            if role == Qt.ItemDataRole.ToolTipRole and COUNT_TIPS[section]:
                return COUNT_TIPS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
