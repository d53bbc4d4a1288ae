"""Đoàn viên ưu tú giới thiệu cho Đảng: the members introduced to the Party.

Read from ``ws.events.party_introductions()`` on the worker (the list grows with the roster, so
it sits in a table model, not in table items). An introduction is recorded as an event ("Giới
thiệu đoàn viên ưu tú cho Đảng") through "Ghi sự kiện…" on the roster.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...core.lang.dates import format_vn_date
from ...core.lang.text import vn_number
from ...core.lifecycle.service import PartyIntroduction
from ..shell.operations import Core, QueryOp

HEADERS = ("Họ và tên", "Ngày sinh", "Chi đoàn", "Ngày giới thiệu", "Số", "Ngày vào Đảng")
BRANCH_COLUMN = 2
HINT = (
    "Ghi nhận một lần giới thiệu: chọn đoàn viên trong danh sách → “Ghi sự kiện…” → "
    "“Giới thiệu đoàn viên ưu tú cho Đảng”. Ngày vào Đảng: sự kiện “Vào Đảng”."
)

Index = QModelIndex | QPersistentModelIndex


def cells(intro: PartyIntroduction) -> tuple[str, ...]:
    return (
        intro.full_name,
        format_vn_date(intro.birth_date, intro.birth_precision),  # namesakes told apart
        intro.branch_name or "",
        format_vn_date(intro.introduced_on),
        intro.number or "",
        format_vn_date(intro.party_date),
    )


class IntroductionsModel(QAbstractTableModel):
    """The introductions as rows of text, in the order the core lists them."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, ...]] = []

    def set_introductions(self, introductions: list[PartyIntroduction]) -> None:
        self.beginResetModel()
        self._rows = [cells(intro) for intro in introductions]
        self.endResetModel()

    def rows(self) -> list[tuple[str, ...]]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self._rows[index.row()][index.column()]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(HEADERS):
            return HEADERS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class PartyIntroductionsDialog(QDialog):
    """The list of introductions, oldest first, with the Party admission date once known."""

    def __init__(self, core: Core, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._core = core
        self.introductions: list[PartyIntroduction] = []
        self.setWindowTitle("Đoàn viên ưu tú giới thiệu cho Đảng")
        layout = QVBoxLayout(self)
        self.model = IntroductionsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, as elsewhere in the app
        vertical = self.table.verticalHeader()
        vertical.hide()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(BRANCH_COLUMN, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.summary = QLabel()
        layout.addWidget(self.summary)
        hint = QLabel(HINT)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #616161;")
        layout.addWidget(hint)
        buttons = QDialogButtonBox()
        buttons.addButton("Đón&g", QDialogButtonBox.ButtonRole.RejectRole)  # as the decision lists
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(760, 460)
        self.reload()

    def reload(self) -> None:
        """Read the list on the worker; the table fills when it arrives."""
        op = QueryOp(self, lambda ws: ws.events.party_introductions(), self._core,
                     label="Đang lập danh sách…")  # fmt: skip
        op.success(self._loaded).run()

    def _loaded(self, introductions: list[PartyIntroduction]) -> None:
        self.introductions = introductions
        self.model.set_introductions(introductions)
        # people, not rows: a member introduced again in a later year has a row for each time
        admitted = len({i.member_id for i in introductions if i.party_date is not None})
        self.summary.setText(
            f"{vn_number(len(introductions))} lượt giới thiệu, {vn_number(admitted)} đoàn viên "
            "đã vào Đảng."
            if introductions
            else "Chưa có đoàn viên nào được giới thiệu cho Đảng."
        )

    def rows(self) -> list[tuple[str, ...]]:
        return self.model.rows()
