"""The parts of the dossier to build: each one ticked or not, in an order the secretary can change
(buttons "Dời lên"/"Dời xuống", Alt+↑/↓). Every part of
:data:`~doancoso.core.dossier.check.PARTS` is listed in its order, those of ``DEFAULT_PARTS``
ticked (both read from the core, so parts added there appear here without a change)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.dossier.check import DEFAULT_PARTS, PARTS

CODE_ROLE = Qt.ItemDataRole.UserRole + 1


class PartsList(QWidget):
    """The ticked parts in order (:meth:`chosen`); ``changed`` after any tick or move."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget()
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setWordWrap(True)
        self.up_button = QPushButton("&Dời lên")
        self.up_button.setToolTip("Đưa phần đã chọn lên trước (Alt+↑)")
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button = QPushButton("Dời x&uống")
        self.down_button.setToolTip("Đưa phần đã chọn xuống sau (Alt+↓)")
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.default_button = QPushButton("Mặ&c định")
        self.default_button.setToolTip("Các phần và thứ tự mặc định")
        self.default_button.clicked.connect(self.reset)
        for key, step in ((Qt.Key.Key_Up, -1), (Qt.Key.Key_Down, 1)):
            shortcut = QShortcut(QKeySequence(Qt.KeyboardModifier.AltModifier | key), self.list)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(lambda step=step: self.move_current(step))
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for button in (self.up_button, self.down_button, self.default_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.list.itemChanged.connect(lambda _item: self.changed.emit())
        self.list.currentRowChanged.connect(self._update_buttons)
        self.reset()

    def reset(self) -> None:
        """Every part in the default order, the default ones ticked."""
        self.list.blockSignals(True)
        self.list.clear()
        for code, name in PARTS.items():
            item = QListWidgetItem(name)
            item.setData(CODE_ROLE, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            ticked = code in DEFAULT_PARTS
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.blockSignals(False)
        self.list.setCurrentRow(0)
        self._update_buttons()
        self.changed.emit()

    def codes(self) -> list[str]:
        """Every part's code in the order shown, ticked or not."""
        return [self.list.item(row).data(CODE_ROLE) for row in range(self.list.count())]

    def chosen(self) -> list[str]:
        """The ticked parts' codes in the order shown."""
        return [self.list.item(row).data(CODE_ROLE) for row in range(self.list.count())
                if self.list.item(row).checkState() == Qt.CheckState.Checked]  # fmt: skip

    def set_ticked(self, code: str, ticked: bool) -> None:
        state = Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        self.list.item(self.codes().index(code)).setCheckState(state)

    def move_current(self, step: int) -> None:
        """The current part ``step`` rows up (−1) or down (1)."""
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        self.list.blockSignals(True)
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.blockSignals(False)
        self.list.setCurrentRow(target)
        self.changed.emit()

    def _update_buttons(self) -> None:
        row = self.list.currentRow()
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < self.list.count() - 1)
