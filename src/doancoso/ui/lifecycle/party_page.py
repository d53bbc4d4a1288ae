"""Đoàn viên ưu tú giới thiệu cho Đảng: the members introduced to the Party.

Read from ``ws.events.party_introductions()``. An introduction is recorded as an event
("Giới thiệu đoàn viên ưu tú cho Đảng") through "Ghi sự kiện…" on the roster.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.lang.dates import format_vn_date
from ...core.lifecycle.service import PartyIntroduction
from ...core.workspace import Workspace

HEADERS = ("Họ và tên", "Chi đoàn", "Ngày giới thiệu", "Số", "Ngày vào Đảng")
HINT = (
    "Ghi nhận một lần giới thiệu: chọn đoàn viên trong danh sách → “Ghi sự kiện…” → "
    "“Giới thiệu đoàn viên ưu tú cho Đảng”. Ngày vào Đảng: sự kiện “Vào Đảng”."
)


class PartyIntroductionsDialog(QDialog):
    """The list of introductions, oldest first, with the Party admission date once known."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ws = ws
        self.introductions: list[PartyIntroduction] = []
        self.setWindowTitle("Đoàn viên ưu tú giới thiệu cho Đảng")
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels(list(HEADERS))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.summary = QLabel()
        layout.addWidget(self.summary)
        hint = QLabel(HINT)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #616161;")
        layout.addWidget(hint)
        buttons = QDialogButtonBox()
        buttons.addButton("Đóng", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(760, 460)
        self.reload()

    def reload(self) -> None:
        self.introductions = self._ws.events.party_introductions()
        self.table.setRowCount(len(self.introductions))
        for row, intro in enumerate(self.introductions):
            cells = (
                intro.full_name,
                intro.branch_name or "",
                format_vn_date(intro.introduced_on),
                intro.number or "",
                format_vn_date(intro.party_date),
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        admitted = sum(intro.party_date is not None for intro in self.introductions)
        self.summary.setText(
            f"{len(self.introductions)} lượt giới thiệu, {admitted} đoàn viên đã vào Đảng."
            if self.introductions
            else "Chưa có đoàn viên nào được giới thiệu cho Đảng."
        )

    def rows(self) -> list[tuple[str, ...]]:
        return [
            tuple(self.table.item(r, c).text() for c in range(len(HEADERS)))
            for r in range(self.table.rowCount())
        ]
