"""The activity form's kind list: a combo box whose chosen kind, when longer than the field
("Tình nguyện vì cộng đồng và an sinh xã hội" at 1366×768), ends with "…" instead of being cut
off mid-word, and whose tooltip says the kind whole. The open list shows every name whole."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox, QStylePainter, QWidget

ICON_GAP = 4
"""The space Qt's styles leave between the icon and the text of a combo box's label."""


class ElidedComboBox(QComboBox):
    """A combo box that elides its current text on the right (see the module doc)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentTextChanged.connect(self.setToolTip)

    def text_width(self) -> int:
        """The width the current text may take: the edit field less the colour icon."""
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        field = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, self
        )
        icon = self.iconSize().width() + ICON_GAP if not option.currentIcon.isNull() else 0
        return max(0, field.width() - icon)

    def shown_text(self) -> str:
        """The current text as painted: whole, or cut at a word's letter and ended with "…"."""
        return self.fontMetrics().elidedText(
            self.currentText(), Qt.TextElideMode.ElideRight, self.text_width()
        )

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        option.currentText = self.shown_text()
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)
