"""The month grid: each day a cell with its number and a coloured chip per activity, driven by
the keyboard as much as by the mouse.

Keys: the arrows move the selected day (a day of another month shows that month), Page Up /
Page Down change the month, Home comes back to today, Enter opens the day's activity, N starts a
new activity on the selected day. A double click on a chip opens that date; elsewhere in a day,
the day. The mouse resting on a chip shows its activity whole (title, day and time, place), on
the rest of a day the day's list.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QPoint, QRect, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPen,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolTip,
    QWidget,
)

from ...core.activities.service import OccurrenceRow
from .month_model import DATE_ROLE, IN_MONTH_ROLE, OCCURRENCES_ROLE, TODAY_ROLE, MonthModel
from .words import KindColours, add_months, chip_text, kind_colour, occurrence_tooltip

OTHER_MONTH_BACKGROUND = QColor("#f1f1f1")
SELECTED_BACKGROUND = QColor("#e3f2fd")
SELECTED_BORDER = QColor("#1565c0")
TODAY_COLOUR = QColor("#c62828")
DIM_TEXT = QColor("#9e9e9e")
GAP = 2
CHIP_PADDING = 7
"""The chip's text stands 4 pixels from its left edge and 3 from its right."""
MOST_LINES = 3
"""The lines a chip may take when its day has room: a held meeting's "✓ 19:30 Sinh hoạt chi
đoàn ấp Tân Hưng" is read whole at 1366×768, where two lines cut the chi đoàn's name."""

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class CellLayout:
    """Where a day's parts go: its number, the chips that fit, the "+N nữa" line."""

    number: QRect
    chips: list[QRect]
    more: QRect | None
    hidden: int


def layout_cell(rect: QRect, count: int, line: int, wanted: Sequence[int] = ()) -> CellLayout:
    """The parts of a day of ``rect`` with ``count`` activities, chips ``line`` pixels high a
    line of text: two lines each when they all fit so (a title of several words is read whole,
    "19:30 Sinh hoạt chi đoàn Ấp 3"), else one. ``wanted``: the lines each chip's text takes
    (:func:`chip_lines`, up to :data:`MOST_LINES`); a chip is given them when all the day's
    chips fit so."""
    number = QRect(rect.left() + 3, rect.top() + 2, rect.width() - 6, line + 2)
    top = number.bottom() + GAP
    room = rect.bottom() - GAP - top + GAP
    lines = [max(2, min(MOST_LINES, n)) for n in wanted[:count]]
    lines += [2] * (count - len(lines))
    if sum(n * line + 2 + GAP for n in lines) <= room:  # each chip as tall as its text
        chips, y = [], top
        for n in lines:
            chips.append(QRect(rect.left() + 3, y, rect.width() - 6, n * line + 2))
            y += n * line + 2 + GAP
        return CellLayout(number, chips, None, 0)
    height = 2 * line + 2
    if count * (height + GAP) > room:
        height = line + 2
    fit = max(0, room // (height + GAP))
    shown = count if count <= fit else max(fit - 1, 0)
    chips = [
        QRect(rect.left() + 3, top + i * (height + GAP), rect.width() - 6, height)
        for i in range(shown)
    ]
    more = None
    if shown < count and fit > 0:
        more = QRect(rect.left() + 3, top + shown * (height + GAP), rect.width() - 6, line + 2)
    return CellLayout(number, chips, more, count - shown)


def chip_lines(metrics: QFontMetrics, text: str, width: int, lines: int) -> list[str]:
    """``text`` in at most ``lines`` lines of ``width`` pixels, broken between words, the last
    one elided."""
    out: list[str] = []
    words = text.split()
    while words and len(out) < lines - 1:
        taken = 1
        while (
            taken < len(words) and metrics.horizontalAdvance(" ".join(words[: taken + 1])) <= width
        ):
            taken += 1
        if metrics.horizontalAdvance(" ".join(words[:taken])) > width:
            break  # one word wider than the chip: elided below
        out.append(" ".join(words[:taken]))
        words = words[taken:]
    rest = " ".join(words)
    if rest and metrics.horizontalAdvance(rest) <= width:  # whole: Qt's eliding cut some that fit
        out.append(rest)
    elif rest:
        out.append(metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width))
    return out


def _inner(chip: QRect) -> QRect:
    """Where a chip's text goes (:data:`CHIP_PADDING` across)."""
    return chip.adjusted(4, 1, -3, -1)


def _faded(colour: QColor, amount: float = 0.55) -> QColor:
    """``colour`` mixed with white (a dimmed day, a cancelled date)."""
    return QColor(
        round(colour.red() + (255 - colour.red()) * amount),
        round(colour.green() + (255 - colour.green()) * amount),
        round(colour.blue() + (255 - colour.blue()) * amount),
    )


class ChipDelegate(QStyledItemDelegate):
    """Paints a day: background, number (today in a red disc), chips coloured by kind."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kinds: KindColours = {}

    def chip_font(self, base: QFont) -> QFont:
        font = QFont(base)
        if font.pointSizeF() > 0:
            font.setPointSizeF(max(font.pointSizeF() - 0.5, 7.0))
        return font

    def layout(self, option: QStyleOptionViewItem, rows: Sequence[OccurrenceRow]) -> CellLayout:
        metrics = QFontMetrics(self.chip_font(option.font))
        width = option.rect.width() - 6 - CHIP_PADDING
        wanted = [len(chip_lines(metrics, chip_text(r), width, MOST_LINES)) for r in rows]
        return layout_cell(option.rect, len(rows), metrics.height(), wanted)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        rect: QRect = option.rect
        day: dt.date = index.data(DATE_ROLE)
        rows: tuple[OccurrenceRow, ...] = index.data(OCCURRENCES_ROLE) or ()
        in_month = bool(index.data(IN_MONTH_ROLE))
        is_today = bool(index.data(TODAY_ROLE))
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        if selected:
            painter.fillRect(rect, SELECTED_BACKGROUND)
        elif not in_month:
            painter.fillRect(rect, OTHER_MONTH_BACKGROUND)
        parts = self.layout(option, rows)
        self._paint_number(painter, parts.number, day, in_month, is_today, option.font)
        font = self.chip_font(option.font)
        painter.setFont(font)
        metrics = QFontMetrics(font)
        for chip, row in zip(parts.chips, rows, strict=False):
            self._paint_chip(painter, chip, row, in_month, metrics)
        if parts.more is not None:
            painter.setPen(DIM_TEXT if not in_month else QColor("#424242"))
            painter.drawText(
                parts.more.adjusted(4, 0, 0, 0),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                f"+{parts.hidden} nữa",
            )
        if selected:
            painter.setPen(QPen(SELECTED_BORDER, 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect.adjusted(1, 1, -1, -1))
        painter.restore()

    @staticmethod
    def _paint_number(
        painter: QPainter, rect: QRect, day: dt.date, in_month: bool, is_today: bool, base: QFont
    ) -> None:
        font = QFont(base)
        font.setBold(is_today or day.day == 1)
        painter.setFont(font)
        text = str(day.day) if day.day != 1 else f"{day.day}/{day.month}"
        width = QFontMetrics(font).horizontalAdvance(text) + 10
        if is_today:
            disc = QRect(rect.left(), rect.top(), max(width, rect.height()), rect.height())
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(TODAY_COLOUR)
            painter.drawRoundedRect(disc, rect.height() / 2, rect.height() / 2)
            painter.setPen(QColor("white"))
            painter.drawText(disc, int(Qt.AlignmentFlag.AlignCenter), text)
            return
        painter.setPen(QColor("#212121") if in_month else DIM_TEXT)
        painter.drawText(
            rect.adjusted(4, 0, 0, 0),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            text,
        )

    def _paint_chip(
        self, painter: QPainter, rect: QRect, row: OccurrenceRow, in_month: bool,
        metrics: QFontMetrics,
    ) -> None:  # fmt: skip
        colour = QColor(kind_colour(self.kinds, row.kind))
        off = row.status in ("huy", "hoan")
        if off or not in_month:
            colour = _faded(colour)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(rect, 3, 3)
        font = QFont(painter.font())
        font.setStrikeOut(off)
        painter.setFont(font)
        painter.setPen(QColor("white"))
        text = "\n".join(self.chip_text_lines(rect, row, metrics))
        painter.drawText(
            _inner(rect), int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text
        )
        font.setStrikeOut(False)
        painter.setFont(font)

    @staticmethod
    def chip_text_lines(rect: QRect, row: OccurrenceRow, metrics: QFontMetrics) -> list[str]:
        """The lines the chip ``rect`` of ``row`` reads, as many as its height holds."""
        inner = _inner(rect)
        lines = max(1, inner.height() // metrics.height())
        return chip_lines(metrics, chip_text(row), inner.width(), lines)

    def chip_at(
        self, option: QStyleOptionViewItem, rows: Sequence[OccurrenceRow], point: QPoint
    ) -> int | None:
        """Which chip of a day of ``rows`` is under ``point`` (None: none, or "+N nữa")."""
        for i, chip in enumerate(self.layout(option, rows).chips):
            if chip.contains(point):
                return i
        return None


class MonthView(QTableView):
    """The grid of a :class:`MonthModel`, with the calendar's keys (module docstring)."""

    day_selected = Signal(object)
    """The selected day changed (a ``datetime.date``)."""
    open_day = Signal(object)
    """Enter, or a double click outside the chips: the day's activity."""
    open_occurrence = Signal(str)
    """A double click on a chip: that date of an activity (its id)."""
    new_activity = Signal(object)
    """N: a new activity on the selected day."""

    def __init__(self, model: MonthModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.month_model = model
        self.chips = ChipDelegate(self)
        self.setModel(model)
        self.setItemDelegate(self.chips)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        self.setWordWrap(False)
        self.setCornerButtonEnabled(False)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setMinimumSectionSize(40)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.horizontalHeader().setSectionsClickable(False)
        self.horizontalHeader().setHighlightSections(False)
        self.selected = model.today
        self._moved_month = False
        model.reloaded.connect(self._mark_selected)

    # Selection ----------------------------------------------------------------------------

    def select_date(self, day: dt.date) -> None:
        """Make ``day`` the selected day, showing its month if another one is shown."""
        model = self.month_model
        changed = day != self.selected
        self.selected = day
        if (day.year, day.month) != (model.year, model.month):
            model.show_month(day.year, day.month)  # selects it again once reloaded
        else:
            self._mark_selected()
        if changed:
            self.day_selected.emit(day)

    def _mark_selected(self) -> None:
        index = self.month_model.index_of(self.selected)
        if index.isValid():
            self.setCurrentIndex(index)

    # Keys and mouse -----------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        key = event.key()
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        steps = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Up: -7, Qt.Key.Key_Down: 7}
        if plain and key in steps:
            self.select_date(self.selected + dt.timedelta(days=steps[Qt.Key(key)]))
        elif plain and key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            self.select_date(add_months(self.selected, -1 if key == Qt.Key.Key_PageUp else 1))
        elif plain and key == Qt.Key.Key_Home:
            self.select_date(dt.date.today())
        elif plain and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.open_day.emit(self.selected)
        elif plain and key == Qt.Key.Key_N:
            self.new_activity.emit(self.selected)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt's name)
        super().mousePressEvent(event)
        index = self.indexAt(event.position().toPoint())
        shown = (self.month_model.year, self.month_model.month)
        if index.isValid():
            self.select_date(index.data(DATE_ROLE))
        # A click on a day of another month shows that month: the cells moved under the mouse,
        # and the second click of a double click would open another day.
        self._moved_month = shown != (self.month_model.year, self.month_model.month)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt's name)
        point = event.position().toPoint()
        index = self.indexAt(point)
        if not index.isValid() or self._moved_month:
            self._moved_month = False
            return
        occurrence = self.occurrence_at(point)
        if occurrence is not None:
            self.open_occurrence.emit(occurrence.id)
        else:
            self.open_day.emit(index.data(DATE_ROLE))
        event.accept()

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        # A chip cut short (a long title in a day 133 pixels wide at 1366×768) is read whole
        # where the mouse rests on it; elsewhere in a day, the day's list (the model's).
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            found = self.chip_under(event.pos())
            if found is not None:
                row, rect = found
                kinds, today = self.month_model.kinds, self.month_model.today
                QToolTip.showText(event.globalPos(), occurrence_tooltip(row, kinds, today),
                                  self.viewport(), rect)  # fmt: skip
                return True
        return super().viewportEvent(event)

    def occurrence_at(self, point: QPoint) -> OccurrenceRow | None:
        """The date of an activity whose chip is under ``point`` (viewport coordinates)."""
        found = self.chip_under(point)
        return found[0] if found is not None else None

    def chip_under(self, point: QPoint) -> tuple[OccurrenceRow, QRect] | None:
        """The date of an activity whose chip is under ``point`` and the chip (viewport
        coordinates)."""
        index = self.indexAt(point)
        if not index.isValid():
            return None
        rows: tuple[OccurrenceRow, ...] = index.data(OCCURRENCES_ROLE) or ()
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        option.rect = self.visualRect(index)
        chip = self.chips.chip_at(option, rows, point)
        if chip is None:
            return None
        return rows[chip], self.chips.layout(option, rows).chips[chip]
