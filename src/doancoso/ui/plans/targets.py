"""The table of a plan's targets: criterion, text, planned, achieved, share, where the figure
comes from; and the delegate that draws the share as a small bar.

A plan holds tens of targets, not thousands: the model keeps the plan's
:class:`~doancoso.core.plans.service.TargetInfo` tuple as the core computed it (achieved figures
at a day) and is reset when the page loads the plan again. Rows stay in the plan's order (the
order printed); moving a target up or down is a core operation, so the table is not sortable.

The share's colour says at a glance how far a target is: green once it is met, amber from half
way, red below half; a target without planned or achieved figures has no share and no bar, nor
has any target of a plan whose year has not begun ("Chưa đến kỳ": not a failure).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    Qt,
)
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from ...core.lang.text import RATE_COLUMN
from ...core.plans.figures import (
    NOT_DUE_TEXT,
    criterion_heading,
    quantity_text,
    share_text,
)
from ...core.plans.rules import MEASURES
from ...core.plans.service import TargetInfo

TARGET_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SHARE_ROLE = Qt.ItemDataRole.UserRole + 2
"""The share achieved as a number (1.0: met), None when it cannot be computed or is not due."""

COL_STT, COL_CRITERION, COL_TEXT, COL_PLANNED, COL_ACHIEVED, COL_SHARE, COL_SOURCE = range(7)
HEADERS = ("STT", "Tiêu chí", "Chỉ tiêu", "Kế hoạch", "Đạt được", RATE_COLUMN, "Nguồn số liệu")
WIDTHS = (40, 62, 380, 100, 100, 100, 112)
MEASURED = "Đo tự động"
ENTERED = "Nhập tay"
NOT_ENTERED = "Chưa nhập"
MET_COLOUR, HALF_COLOUR, LOW_COLOUR = QColor("#2e7d32"), QColor("#f9a825"), QColor("#c62828")
MEASURED_COLOUR = QColor("#1565c0")
TRACK_COLOUR = QColor("#e0e0e0")

Index = QModelIndex | QPersistentModelIndex


def share_colour(share: float) -> QColor:
    """Green once met, amber from half way, red below half."""
    if share >= 1:
        return MET_COLOUR
    return HALF_COLOUR if share >= 0.5 else LOW_COLOUR


def source_text(target: TargetInfo) -> str:
    if target.measured:
        return MEASURED
    return ENTERED if target.achieved is not None else NOT_ENTERED


def source_tip(target: TargetInfo, kinds: dict[str, str]) -> str:
    if not target.measure:
        return "Kết quả do Bí thư nhập (Sửa chỉ tiêu để nhập số đạt được)."
    text = f"Ứng dụng tự tính: {MEASURES[target.measure][0]}"
    if target.measure_kind:
        text += f" – loại “{kinds.get(target.measure_kind, target.measure_kind)}”"
    return text + "."


class TargetTableModel(QAbstractTableModel):
    """The targets of one plan, in its order."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._targets: tuple[TargetInfo, ...] = ()
        self._kinds: dict[str, str] = {}
        self._started = True

    def set_targets(
        self, targets: tuple[TargetInfo, ...], kinds: dict[str, str], started: bool = True
    ) -> None:
        """Show ``targets``; ``started`` False for a plan whose year has not begun
        (:attr:`~doancoso.core.plans.service.PlanInfo.started`): no share is judged."""
        self.beginResetModel()
        self._targets = tuple(targets)
        self._kinds = dict(kinds)
        self._started = started
        self.endResetModel()

    def target(self, row: int) -> TargetInfo:
        return self._targets[row]

    def targets(self) -> tuple[TargetInfo, ...]:
        return self._targets

    def row_of(self, target_id: str) -> int | None:
        return next((i for i, t in enumerate(self._targets) if t.id == target_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._targets)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._targets):
            return None
        t = self._targets[index.row()]
        column = index.column()
        if role == TARGET_ID_ROLE:
            return t.id
        if role == SHARE_ROLE:
            return t.share if self._started else None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(t, index.row(), column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tip(t, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column == COL_TEXT:
                return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_SOURCE and t.measured:
            return MEASURED_COLOUR
        return None

    def _display(self, t: TargetInfo, row: int, column: int) -> str:
        if column == COL_STT:
            return str(row + 1)
        if column == COL_CRITERION:
            return str(t.criterion) if t.criterion else ""
        if column == COL_TEXT:
            return " ".join(t.text.split())
        if column == COL_PLANNED:
            return quantity_text(t.planned, t.unit) or "–"
        if column == COL_ACHIEVED:
            return quantity_text(t.achieved, t.unit) or "–"
        if column == COL_SHARE:
            if not self._started or not t.due:
                return NOT_DUE_TEXT.capitalize()
            return share_text(t.share) if t.share is not None else "–"
        return source_text(t)

    def _tip(self, t: TargetInfo, column: int) -> str | None:
        if column == COL_CRITERION and t.criterion:
            return criterion_heading(t.criterion)
        if column == COL_TEXT:
            return t.text
        if column in (COL_ACHIEVED, COL_SOURCE):
            return source_tip(t, self._kinds)
        if column == COL_SHARE and not self._started:
            return "Năm của kế hoạch chưa bắt đầu: chưa đánh giá đạt hay chưa đạt."
        if column == COL_SHARE and not t.due:
            return (
                "Tháng 01 chưa kết thúc: chưa đánh giá đạt hay chưa đạt (số đạt được là các "
                "chi đoàn đã sinh hoạt trong tháng)."
            )
        if column == COL_SHARE and t.share is None:
            return "Chưa tính được: chỉ tiêu chưa có số lượng kế hoạch hoặc chưa có kết quả."
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(HEADERS):
            if role == Qt.ItemDataRole.DisplayRole:
                return HEADERS[section]
            if role == Qt.ItemDataRole.ToolTipRole and section == COL_SHARE:
                return "Đạt được so với kế hoạch"
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class ShareDelegate(QStyledItemDelegate):
    """Draws the share column as a bar (its length the share, up to full when met, in the
    share's colour) under the percentage."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        share = index.data(SHARE_ROLE)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        widget = opt.widget
        style = widget.style() if isinstance(widget, QWidget) else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect: QRect = opt.rect
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        painter.save()
        bar_top = rect.center().y() + 4
        if share is not None:
            track = QRect(rect.left() + 8, bar_top, rect.width() - 16, 5)
            painter.fillRect(track, TRACK_COLOUR)
            filled = QRect(track)
            filled.setWidth(max(1, round(track.width() * min(float(share), 1.0))))
            painter.fillRect(filled, share_colour(float(share)))
        palette: QPalette = opt.palette
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.setPen(palette.color(role))
        above = QRect(rect.left() + 4, rect.top(), rect.width() - 8, bar_top - rect.top() - 1)
        flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom
        painter.drawText(above, int(flags), text)
        painter.restore()
