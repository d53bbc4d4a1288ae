"""The notice shown on the plan page after a plan was copied from another year's: which
"năm <old>" became "năm <new>", which years stayed and may be stale (the core decides:
:mod:`doancoso.core.plans.copying`), and a request to read the texts before printing.

It stays over the plan of its year until the secretary closes it ("Đã đọc"), and while the
page shows another year it waits hidden.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ...core.plans.copying import PlanCopy, copy_notice
from ..common.fields import WrappedLabel

SHOWN_MENTIONS = 5
"""Places to read named in the notice (the rest are counted): the page stays usable at 768."""

STYLE = (
    "QFrame#copyNotice { background: #fff3e0; border: 1px solid #ffb74d; border-radius: 3px; }"
    "QFrame#copyNotice QLabel { color: #4e3600; }"
)


class CopyNotice(QFrame):
    """What a copy of last year's plan moved and what to read, for the year it made."""

    open_texts = Signal()
    """"Xem nội dung" was pressed: the page shows the plan's texts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("copyNotice")
        self.setStyleSheet(STYLE)
        self._notices: dict[int, str] = {}
        self.year: int | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        self.label = WrappedLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.label, 1)
        buttons = QVBoxLayout()
        self.texts_button = QPushButton("X&em nội dung")
        self.texts_button.setToolTip("Mở thẻ “Nội dung kế hoạch”")
        self.close_button = QPushButton("Đã đọ&c")
        self.close_button.setToolTip("Ẩn thông báo này")
        buttons.addWidget(self.texts_button)
        buttons.addWidget(self.close_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.texts_button.clicked.connect(self.open_texts)
        self.close_button.clicked.connect(self.dismiss)
        self.hide()

    def add(self, copy: PlanCopy) -> None:
        """Keep the notice of ``copy`` for its year (shown by :meth:`show_year`)."""
        self._notices[copy.year] = copy_notice(copy, SHOWN_MENTIONS)

    def show_year(self, year: int | None) -> None:
        """Show the notice of ``year``'s plan if there is one not yet read; else hide."""
        self.year = year
        text = self._notices.get(year) if year is not None else None
        if text:
            self.label.setText(text)
        self.setVisible(bool(text))

    def dismiss(self) -> None:
        if self.year is not None:
            self._notices.pop(self.year, None)
        self.hide()
