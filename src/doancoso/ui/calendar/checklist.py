"""A list of checkable choices (chi đoàn, targets of the plan) over a QStandardItemModel, and
the organiser of an activity: the whole organisation, or one or more chi đoàn.

A list asks for the height of all its rows and takes what its form can give, never less than
a few rows (the form puts its lists in rows that stretch): fifteen chi đoàn or a dozen targets
are read without scrolling when the window has the room, and scroll when it has not. A long
choice wraps onto more lines, never under a horizontal scrollbar; its tooltip holds it whole.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QRadioButton,
    QSizePolicy,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from .words import WHOLE_ORGANISATION

ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1
NO_BRANCH = "Chọn ít nhất một chi đoàn tổ chức (hoặc “Toàn Đoàn cơ sở”)."


class CheckList(QListView):
    """Choices with a box each, wrapped to the list's width; Space ticks the current one (Qt's
    own behaviour). At least ``rows`` rows high, as high as all its rows if it can; before it
    is shown, its rows are measured wrapped at ``text_width`` (its real width is not known)."""

    changed = Signal()

    def __init__(self, rows: int = 4, text_width: int = 320, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices = QStandardItemModel(self)
        self.setModel(self.choices)
        self.setSpacing(1)
        self.setWordWrap(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setResizeMode(QListView.ResizeMode.Adjust)  # rows wrap again at a new width
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._rows = rows
        self._text_width = text_width
        self._fit_height()
        self.choices.itemChanged.connect(lambda _item: self.changed.emit())

    def set_items(self, items: Iterable[tuple[str, str]], checked: Iterable[str] = ()) -> None:
        """``items`` as (id, label); those in ``checked`` are ticked."""
        ticked = set(checked)
        self.choices.blockSignals(True)
        self.choices.clear()
        for item_id, label in items:
            item = QStandardItem(label)
            item.setData(item_id, ID_ROLE)
            item.setToolTip(label)
            item.setEditable(False)
            item.setCheckable(True)
            item.setCheckState(
                Qt.CheckState.Checked if item_id in ticked else Qt.CheckState.Unchecked
            )
            self.choices.appendRow(item)
        self.choices.blockSignals(False)
        self.reset()
        self._fit_height()
        self.changed.emit()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        """The height of all its rows wrapped at its width (at least its minimum)."""
        if self.isVisible():
            self.executeDelayedItemsLayout()  # the rows laid out at the current width
            rows = self.contentsSize().height() if self.choices.rowCount() else 0
        else:
            rows = self._estimated_rows_height()
        height = max(rows + 2 * self.frameWidth() + 2, self.minimumHeight())
        return QSize(super().sizeHint().width(), height)

    def _estimated_rows_height(self) -> int:
        """The rows' height with their text wrapped at ``text_width`` (by its words' widths)."""
        metrics = self.fontMetrics()
        indicator = self.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorHeight)
        total = 0
        for row in range(self.choices.rowCount()):
            lines = max(1, math.ceil(metrics.horizontalAdvance(self.choices.item(row).text())
                                     / max(self._text_width, 1)))  # fmt: skip
            total += max(lines * metrics.lineSpacing(), indicator) + 2 * self.spacing()
        return total

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(super().minimumSizeHint().width(), self.minimumHeight())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.updateGeometry()  # its rows wrapped anew: another height to ask for

    def _fit_height(self) -> None:
        """At least ``rows`` one-line rows (a row with its box is taller than a line of text)."""
        indicator = self.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorHeight)
        line = max(self.fontMetrics().height(), indicator) + 4
        line += 2 * self.spacing()
        self.setMinimumHeight(line * self._rows + 2 * self.frameWidth() + 2)
        self.updateGeometry()

    def checked_ids(self) -> list[str]:
        return [
            str(item.data(ID_ROLE))
            for row in range(self.choices.rowCount())
            if (item := self.choices.item(row)).checkState() == Qt.CheckState.Checked
        ]

    def set_checked(self, ids: Sequence[str]) -> None:
        wanted = set(ids)
        for row in range(self.choices.rowCount()):
            item = self.choices.item(row)
            state = (
                Qt.CheckState.Checked if item.data(ID_ROLE) in wanted else Qt.CheckState.Unchecked
            )
            item.setCheckState(state)


class OrganiserField(QWidget):
    """ "Toàn Đoàn cơ sở" or the chi đoàn ticked in the list; the keyboard comes to the option
    chosen."""

    changed = Signal()

    def __init__(
        self, branches: Iterable[tuple[str, str]], text_width: int = 320,
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.whole = QRadioButton(WHOLE_ORGANISATION)
        self.some = QRadioButton("Một hoặc nhiều chi đoàn:")
        self.branches = CheckList(4, text_width)
        self._wanted: list[str] = []  # chosen before the list was filled
        self.branches.set_items(branches)
        layout.addWidget(self.whole)
        layout.addWidget(self.some)
        layout.addWidget(self.branches, 1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.whole.setChecked(True)
        self.branches.setEnabled(False)
        self.setFocusProxy(self.whole)
        self.some.toggled.connect(self._toggled)
        self.branches.changed.connect(self.changed)

    def _toggled(self, some: bool) -> None:
        self.branches.setEnabled(some)
        # The label's letter (and Tab) lands on the option chosen, as in a radio group.
        self.setFocusProxy(self.some if some else self.whole)
        if some:
            self.branches.setFocus()
        self.changed.emit()

    def branch_ids(self) -> list[str]:
        return self.branches.checked_ids() if self.some.isChecked() else []

    def set_branch_ids(self, ids: Sequence[str]) -> None:
        """Choose ``ids`` (ticked now, or when :meth:`set_branches` lists them)."""
        self._wanted = list(ids)
        self.branches.set_checked(ids)
        (self.some if ids else self.whole).setChecked(True)

    def set_branches(self, branches: Iterable[tuple[str, str]]) -> None:
        """List ``branches`` (id, name), those chosen still ticked."""
        self.branches.set_items(branches, [*self._wanted, *self.branches.checked_ids()])

    def check(self) -> str:
        """The field's message: chi đoàn chosen but none ticked."""
        return NO_BRANCH if self.some.isChecked() and not self.branches.checked_ids() else ""
