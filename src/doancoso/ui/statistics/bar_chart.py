"""A small horizontal bar chart drawn with QPainter (QtCharts is not part of PySide6 Essentials).

One row per item: the Vietnamese label at left (elided if it is too long; the full label is in
the row's tooltip), the bar, then the count and its share ("12 · 40,0%"). Everything is sized
from the widget's font metrics, so it stays readable at 1366×768 and on high-DPI screens.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QHelpEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from ...core.lang.text import vn_number
from ...core.statistics.export import decimal_text, shares

BAR_COLOR = QColor(21, 101, 192)  # the union's blue
EMPTY_TEXT = "Chưa có số liệu"
LABEL_SHARE = 0.38  # at most this share of the width for the labels


class BarChart(QWidget):
    """Horizontal bars of ``label -> count``; :meth:`data` gives the numbers back."""

    def __init__(self, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = title
        self._items: list[tuple[str, int]] = []
        self._shares: list[float] = []  # of the items, each rounded on its own
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(280)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, False)

    # Data ---------------------------------------------------------------------------------

    def set_data(self, items: Mapping[str, int]) -> None:
        self._items = [(str(k), int(v)) for k, v in items.items()]
        self._shares = shares([n for _, n in self._items])
        self.setAccessibleDescription(self.as_text())
        self.updateGeometry()
        self.update()

    def data(self) -> list[tuple[str, int]]:
        return list(self._items)

    def title(self) -> str:
        return self._title

    def total(self) -> int:
        return sum(n for _, n in self._items)

    def row_text(self, index: int) -> str:
        """ "Nam: 3 (60,0%)" for the row ``index``."""
        label, count = self._items[index]
        return f"{label}: {vn_number(count)} ({decimal_text(self._shares[index])}%)"

    def is_empty(self) -> bool:
        """No item, or only zeros: no bar is drawn, :data:`EMPTY_TEXT` is shown instead."""
        return self.total() == 0

    def as_text(self) -> str:
        """The chart as lines of text, as it is shown: the title, then one line per row, or
        :data:`EMPTY_TEXT` when it is empty."""
        if self.is_empty():
            return "\n".join([self._title, EMPTY_TEXT])
        return "\n".join([self._title, *(self.row_text(i) for i in range(len(self._items)))])

    # Geometry -----------------------------------------------------------------------------

    def _row_height(self) -> int:
        return self.fontMetrics().height() + 8

    def _title_height(self) -> int:
        return self.fontMetrics().height() + 12 if self._title else 4

    def _title_font(self) -> QFont:
        font = QFont(self.font())
        font.setBold(True)
        return font

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        rows = max(1, len(self._items))
        return QSize(440, self._title_height() + rows * self._row_height() + 8)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(280, self.sizeHint().height())

    def _row_at(self, point: QPoint) -> int | None:
        top = self._title_height()
        if point.y() < top:
            return None
        index = (point.y() - top) // self._row_height()
        return index if 0 <= index < len(self._items) else None

    # Painting -----------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        try:
            self._paint(painter)
        finally:
            painter.end()

    def _paint(self, painter: QPainter) -> None:
        palette = self.palette()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        width = self.width()
        text_color = palette.color(QPalette.ColorRole.WindowText)
        painter.setPen(text_color)
        painter.setFont(self._title_font())
        title_h = self._title_height()
        title_rect = QRect(4, 0, width - 8, title_h)
        title = painter.fontMetrics().elidedText(
            self._title, Qt.TextElideMode.ElideRight, title_rect.width()
        )
        painter.drawText(title_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         title)  # fmt: skip
        painter.setFont(self.font())
        metrics = painter.fontMetrics()
        if self.is_empty():
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(QRect(8, title_h, width - 16, self._row_height()),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             EMPTY_TEXT)  # fmt: skip
            return
        biggest = max(n for _, n in self._items) or 1
        label_w = min(
            max(metrics.horizontalAdvance(label) for label, _ in self._items) + 16,
            int(width * LABEL_SHARE),
        )
        value_texts = [
            f"{vn_number(n)} · {decimal_text(part)}%"
            for (_, n), part in zip(self._items, self._shares, strict=True)
        ]
        value_w = max(metrics.horizontalAdvance(t) for t in value_texts) + 10
        bar_left = 8 + label_w
        bar_space = max(10, width - bar_left - value_w - 8)
        row_h = self._row_height()
        for index, (label, count) in enumerate(self._items):
            top = title_h + index * row_h
            painter.setPen(text_color)
            shown = metrics.elidedText(label, Qt.TextElideMode.ElideRight, label_w - 10)
            painter.drawText(QRect(6, top, label_w - 8, row_h),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             shown)  # fmt: skip
            bar_w = round(bar_space * count / biggest)
            if count and bar_w < 2:
                bar_w = 2
            if bar_w:
                painter.fillRect(QRect(bar_left, top + 4, bar_w, row_h - 8), BAR_COLOR)
            painter.drawText(QRect(bar_left + bar_w + 6, top, value_w, row_h),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             value_texts[index])  # fmt: skip

    # Tooltips -----------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self._row_at(event.pos())
            if index is None:
                QToolTip.showText(event.globalPos(), self.as_text(), self)
            else:
                QToolTip.showText(event.globalPos(), self.row_text(index), self)
            return True
        return super().event(event)
