"""A year whose checklist is not opened yet: choose the template it will keep (the default or
one imported from a province), see what it holds, and open it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.recognition.template import Template
from ..common.fields import WrappedLabel
from ..common.steps import is_enter
from . import words


def describe(template: Template) -> str:
    """ "3 tiêu chí, 14 mục" (", 100 điểm" when it has points)."""
    text = f"{len(template.criteria)} tiêu chí, {len(template.items)} mục"
    if template.has_points:
        text += f", tổng {words.number(sum(i.points or 0 for i in template.items))} điểm"
    return text


class OpenPanel(QWidget):
    """Emits ``open_year(template name)`` when "Mở bảng tự đánh giá năm Y" is pressed."""

    open_year = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.templates: list[Template] = []
        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        intro = WrappedLabel(
            "Mỗi năm dùng một bộ tiêu chí, chọn khi mở bảng tự đánh giá của năm. Đổi hoặc nhập "
            "bộ tiêu chí mới sau này không làm thay đổi bảng của các năm đã mở."
        )
        self.choice = QComboBox()
        self.choice.setMinimumContentsLength(40)
        self.choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.choice.currentIndexChanged.connect(self._chosen)
        self.source = WrappedLabel()
        self.province = QLabel()
        self.contents = QLabel()
        form = QFormLayout()
        form.addRow("Bộ tiêu &chí:", self.choice)  # C, M: the checklist's, hidden here
        # What the criteria chosen say, to read: no field, so no letter (a label given as
        # text would take its value as a buddy).
        form.addRow(QLabel("Nguồn:"), self.source)
        form.addRow(QLabel("Tỉnh/thành:"), self.province)
        form.addRow(QLabel("Gồm:"), self.contents)
        self.open_button = QPushButton()
        self.open_button.setDefault(True)
        self.open_button.clicked.connect(self._open)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        box = QFrame()
        box.setFrameShape(QFrame.Shape.StyledPanel)
        box.setMaximumWidth(900)
        inner = QVBoxLayout(box)
        inner.setContentsMargins(24, 20, 24, 20)
        inner.addWidget(self.title)
        inner.addWidget(intro)
        inner.addSpacing(8)
        inner.addLayout(form)
        inner.addSpacing(8)
        inner.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addSpacing(30)
        layout.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)

    def set_year(self, year: int, templates: list[Template]) -> None:
        chosen = self.chosen()
        self.templates = templates
        self.title.setText(f"Năm {year} chưa có bảng tự đánh giá “3 chủ động”.")
        self.open_button.setText(f"&Mở bảng tự đánh giá năm {year}")
        self.choice.blockSignals(True)
        self.choice.clear()
        for template in templates:
            self.choice.addItem(template.name)
        names = [t.name for t in templates]
        self.choice.setCurrentIndex(names.index(chosen.name) if chosen and chosen.name in names
                                    else 0)  # fmt: skip
        self.choice.blockSignals(False)
        self._chosen()

    def chosen(self) -> Template | None:
        row = self.choice.currentIndex()
        return self.templates[row] if 0 <= row < len(self.templates) else None

    def _chosen(self) -> None:
        template = self.chosen()
        self.source.setText(template.source or "không ghi" if template else "")
        self.province.setText(template.province or "không ghi (dùng chung)" if template else "")
        self.contents.setText(describe(template) if template else "")

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        """Enter left unanswered in the panel (in the criteria's closed list) opens the year, as
        the default button promises: Qt presses a default button on Enter only in a dialog."""
        if is_enter(event) and self.open_button.isEnabled():
            self.open_button.click()
            return
        super().keyPressEvent(event)

    def _open(self) -> None:
        template = self.chosen()
        if template is not None:
            self.open_year.emit(template.name)
