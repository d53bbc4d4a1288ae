"""A question with one answer to pick from a list, and nothing picked at first.

Asking "move these members to which chi đoàn?" with the first chi đoàn already chosen invites
an OK that moves them to the wrong one: here the list starts empty (its placeholder shows) and
"Đồng ý" stays disabled until the user picks something. The question is shown as it is written
(a chi đoàn's "&" included).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .combo_search import toneless_search

PLACEHOLDER = "— Chọn —"
MIN_WIDTH = 420


class ChoiceDialog(QDialog):
    """``label`` above a combo of ``items`` showing ``placeholder`` until one is picked."""

    def __init__(
        self, parent: QWidget | None, title: str, label: str, items: Sequence[str],
        placeholder: str = PLACEHOLDER,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        caption = QLabel(label)
        caption.setWordWrap(True)
        layout.addWidget(caption)
        self.combo = QComboBox()
        self.combo.addItems(list(items))
        self.combo.setPlaceholderText(placeholder)
        self.combo.setCurrentIndex(-1)
        self.combo.setMinimumContentsLength(28)
        toneless_search(self.combo)  # "tan thanh" picks "Chi đoàn ấp Tân Thành"
        # The question names the list, as written: as a buddy's label it took an "&" of a chi
        # đoàn's name ("Tân & Phú") for an Alt letter, hidden. The list has the keyboard at once.
        self.combo.setAccessibleName(label)
        layout.addWidget(self.combo)
        buttons = QDialogButtonBox()
        self.ok_button: QPushButton = buttons.addButton(  # Alt+N: "Đ" is no key of its own
            "Đồ&ng ý", QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton("&Hủy", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        # The question on one or two lines, not wrapped word by word.
        self.setMinimumWidth(MIN_WIDTH)
        self.ok_button.setEnabled(False)
        self.combo.currentIndexChanged.connect(lambda index: self.ok_button.setEnabled(index >= 0))

    def chosen(self) -> int | None:
        """The index of the picked item, or None while nothing is picked."""
        index = self.combo.currentIndex()
        return index if index >= 0 else None

    def accept(self) -> None:
        if self.chosen() is not None:  # Enter with nothing picked does nothing
            super().accept()
