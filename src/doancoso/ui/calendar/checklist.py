"""A short list of checkable choices (chi đoàn, targets of the plan) over a QStandardItemModel,
and the organiser of an activity: the whole organisation, or one or more chi đoàn."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QListView, QRadioButton, QStyle, QVBoxLayout, QWidget

from .words import WHOLE_ORGANISATION

ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1
NO_BRANCH = "Chọn ít nhất một chi đoàn tổ chức (hoặc “Toàn Đoàn cơ sở”)."


class CheckList(QListView):
    """Choices with a box each; Space ticks the current one (Qt's own behaviour)."""

    changed = Signal()

    def __init__(self, rows: int = 4, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices = QStandardItemModel(self)
        self.setModel(self.choices)
        self.setUniformItemSizes(True)
        self.setSpacing(1)
        self._rows = rows
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
        """Its fixed height (a scroll area's own hint is taller, and a stack holding the list
        would take that)."""
        return QSize(super().sizeHint().width(), self.maximumHeight())

    def _fit_height(self) -> None:
        """Room for ``rows`` whole rows (a row with its box is taller than a line of text)."""
        indicator = self.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorHeight)
        line = max(self.fontMetrics().height(), indicator) + 4
        if self.choices.rowCount():
            line = max(line, self.sizeHintForRow(0))
        line += 2 * self.spacing()
        self.setFixedHeight(line * self._rows + 2 * self.frameWidth() + 2)

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
    """ "Toàn Đoàn cơ sở" or the chi đoàn ticked in the list."""

    changed = Signal()

    def __init__(self, branches: Iterable[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.whole = QRadioButton(WHOLE_ORGANISATION)
        self.some = QRadioButton("Một hoặc nhiều chi đoàn:")
        self.branches = CheckList(4)
        self.branches.set_items(branches)
        layout.addWidget(self.whole)
        layout.addWidget(self.some)
        layout.addWidget(self.branches)
        self.whole.setChecked(True)
        self.branches.setEnabled(False)
        self.setFocusProxy(self.whole)
        self.some.toggled.connect(self._toggled)
        self.branches.changed.connect(self.changed)

    def _toggled(self, some: bool) -> None:
        self.branches.setEnabled(some)
        if some:
            self.branches.setFocus()
        self.changed.emit()

    def branch_ids(self) -> list[str]:
        return self.branches.checked_ids() if self.some.isChecked() else []

    def set_branch_ids(self, ids: Sequence[str]) -> None:
        self.branches.set_checked(ids)
        (self.some if ids else self.whole).setChecked(True)

    def check(self) -> str:
        """The field's message: chi đoàn chosen but none ticked."""
        return NO_BRANCH if self.some.isChecked() and not self.branches.checked_ids() else ""
