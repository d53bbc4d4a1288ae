"""Sáp nhập: where each chi đoàn of the other organisation goes, and who is the same person.

The dry run proposes (a chi đoàn of the same name joined with ours, the others kept; people
matched by CCCD, then by name and birth date); the secretary confirms or changes it: for each
of their chi đoàn "Giữ riêng" under its own or a new name, or "Gộp vào" one of ours; each
matched person can be unticked to keep them apart. :meth:`MergePanel.options` gives the
``branch_map``, ``branch_names`` and ``unmatch`` that the preview and the import take; the
wizard recomputes the preview with them ("Xem lại với lựa chọn này").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.bundle.labels import filled_text, value_text
from ..common.wheel import wheel_needs_focus

KEEP = ""
REASONS = {"cccd": "cùng số CCCD", "name_birth": "cùng họ tên và ngày sinh"}


class MergePanel(QWidget):
    """Chi đoàn mapping and matched people (module docstring)."""

    changed = Signal()
    refresh_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.branches: list[Any] = []
        self.matches: list[Any] = []
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        left = QVBoxLayout()
        left.addWidget(QLabel("<b>Chi đoàn của tổ chức sáp nhập vào</b>"))
        self.branch_table = QTableWidget(0, 3)
        self.branch_table.setHorizontalHeaderLabels(
            ["Chi đoàn trong tệp", "Xử lý", "Tên sau khi nhận"]
        )
        self.branch_table.verticalHeader().hide()
        self.branch_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.branch_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.branch_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        left.addWidget(self.branch_table, 1)
        layout.addLayout(left, 3)
        right = QVBoxLayout()
        self.match_heading = QLabel()
        self.match_heading.setWordWrap(True)
        right.addWidget(self.match_heading)
        self.match_list = QListWidget()
        self.match_list.itemChanged.connect(lambda _item: self.changed.emit())
        right.addWidget(self.match_list, 1)
        self.refresh_button = QPushButton("Xem lại với lựa chọn này")
        self.refresh_button.setAutoDefault(False)
        self.refresh_button.clicked.connect(self.refresh_requested)
        right.addWidget(self.refresh_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addLayout(right, 2)

    def set_plan(self, branches: Sequence[Any], matches: Sequence[Any],
                 ours: Sequence[tuple[str, str]]) -> None:  # fmt: skip
        """Show the plan's proposal; ``ours``: (id, name) of this organisation's chi đoàn."""
        self.branches, self.matches = list(branches), list(matches)
        table = self.branch_table
        table.setRowCount(len(self.branches))
        for r, branch in enumerate(self.branches):
            table.setItem(r, 0, QTableWidgetItem(branch.theirs_name))
            combo = QComboBox()
            wheel_needs_focus(combo)  # the wheel scrolls the table past it
            combo.addItem("Giữ riêng", KEEP)
            for branch_id, name in ours:
                combo.addItem(f"Gộp vào “{name}”", branch_id)
            joined = branch.action == "joined" and branch.mine_id
            combo.setCurrentIndex(max(combo.findData(branch.mine_id if joined else KEEP), 0))
            name_edit = QLineEdit(branch.name)
            name_edit.setEnabled(not joined)
            combo.currentIndexChanged.connect(
                lambda _i, c=combo, e=name_edit: self._action_chosen(c, e)
            )
            name_edit.textChanged.connect(lambda _t: self.changed.emit())
            table.setCellWidget(r, 1, combo)
            table.setCellWidget(r, 2, name_edit)
        table.resizeRowsToContents()
        self.match_list.blockSignals(True)
        self.match_list.clear()
        for match in self.matches:
            taken = f"; lấy thêm: {filled_text(match.filled)}" if match.filled else ""
            item = QListWidgetItem(
                f"{match.full_name} ({value_text(match.birth_date)}) — "
                f"{REASONS.get(match.reason, match.reason)}{taken}"
            )
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            item.setData(Qt.ItemDataRole.UserRole, match.theirs_id)
            self.match_list.addItem(item)
        self.match_list.blockSignals(False)
        self.match_heading.setText(
            f"<b>Người có trong cả hai tổ chức: {len(self.matches)}</b><br>Được ghép làm một "
            "(gộp quá trình sinh hoạt). Bỏ chọn người nào không phải cùng một người."
            if self.matches
            else "<b>Không có người nào trùng</b>: mọi đoàn viên của tệp được thêm mới."
        )

    def _action_chosen(self, combo: QComboBox, name_edit: QLineEdit) -> None:
        name_edit.setEnabled(combo.currentData() == KEEP)
        self.changed.emit()

    def options(self) -> dict[str, Any]:
        """``branch_map``, ``branch_names`` and ``unmatch`` as chosen."""
        branch_map: dict[str, str | None] = {}
        names: dict[str, str] = {}
        for r, branch in enumerate(self.branches):
            combo = self.branch_table.cellWidget(r, 1)
            edit = self.branch_table.cellWidget(r, 2)
            assert isinstance(combo, QComboBox) and isinstance(edit, QLineEdit)
            target = combo.currentData()
            branch_map[branch.theirs_id] = target or None
            if not target and edit.text().strip() and edit.text().strip() != branch.theirs_name:
                names[branch.theirs_id] = edit.text().strip()
        unmatch = [
            str(item.data(Qt.ItemDataRole.UserRole))
            for i in range(self.match_list.count())
            if (item := self.match_list.item(i)).checkState() != Qt.CheckState.Checked
        ]
        return {"branch_map": branch_map, "branch_names": names, "unmatch": unmatch}
