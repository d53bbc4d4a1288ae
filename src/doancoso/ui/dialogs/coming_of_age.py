"""Trưởng thành Đoàn (coming of age): members reaching the organisation's coming-of-age age
(a setting, 30 by default) in a year, confirmed in one decision.

The age is read from the settings when the dialog opens and shown in its texts; the list comes
from ``ws.events.coming_of_age(year, age=...)`` with that age (members of the active roster;
those who reached it in an earlier year and still wait for their decision are marked "quá
hạn"). "Xác nhận" records ``matured`` for the checked ones in one call, all or none.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.dates import format_vn_date
from ...core.errors import AppError, ValidationError
from ...core.lifecycle import ComingOfAge
from ...core.rules import COMING_OF_AGE
from ...core.workspace import Workspace
from ..prompts import Prompts
from ..signals import MEMBERS, DataChanged
from ..widgets.fields import FieldErrors


def headers(age: int) -> tuple[str, ...]:
    return ("Họ và tên", "Ngày sinh", "Chi đoàn", f"Đủ {age} tuổi năm")


OVERDUE_COLOR = "#c62828"


class ComingOfAgeDialog(QDialog):
    """Pick a year, check the members, confirm their coming of age with one decision."""

    def __init__(
        self, ws: Workspace, prompts: Prompts | None = None,
        data_changed: DataChanged | None = None, year: int | None = None,
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self._ws = ws
        self._prompts = prompts or Prompts()
        self._data_changed = data_changed
        self.entries: list[ComingOfAge] = []
        self.confirmed = 0
        self.errors = FieldErrors()
        info = ws.organization.get()
        self.age = info.coming_of_age if info is not None else COMING_OF_AGE
        self.setWindowTitle("Trưởng thành Đoàn")
        self._build(year or dt.date.today().year)
        self.reload()

    def _build(self, year: int) -> None:
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.caption = caption = QLabel(f"Đoàn viên đủ {self.age} tuổi trong năm:")
        self.year_spin = QSpinBox()
        self.year_spin.setRange(1950, 2100)
        self.year_spin.setValue(year)
        caption.setBuddy(self.year_spin)
        self.year_spin.valueChanged.connect(self.reload)
        top.addWidget(caption)
        top.addWidget(self.year_spin)
        top.addStretch(1)
        self.check_all_button = QPushButton("Chọn tất cả")
        self.check_none_button = QPushButton("Bỏ chọn tất cả")
        self.check_all_button.clicked.connect(lambda: self.set_all_checked(True))
        self.check_none_button.clicked.connect(lambda: self.set_all_checked(False))
        top.addWidget(self.check_all_button)
        top.addWidget(self.check_none_button)
        layout.addLayout(top)

        self.table = QTableWidget(0, len(headers(self.age)))
        self.table.setHorizontalHeaderLabels(list(headers(self.age)))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(lambda _item: self._update_summary())
        layout.addWidget(self.table, 1)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.date_edit = QLineEdit(format_vn_date(dt.date.today()))
        self.date_edit.setPlaceholderText("dd/mm/yyyy")
        self.date_edit.setMaximumWidth(220)
        self.number_edit = QLineEdit()
        self.number_edit.setPlaceholderText("Ví dụ: 20-QĐ/ĐTN")
        self.number_edit.setMaximumWidth(220)
        self.errors.add_row(form, "date", "Ngày quyết định", self.date_edit, required=True)
        self.errors.add_row(form, "number", "Số quyết định", self.number_edit)
        layout.addLayout(form)
        self.general_error = QLabel()
        self.general_error.setStyleSheet(f"color: {OVERDUE_COLOR};")
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        layout.addWidget(self.general_error)

        buttons = QDialogButtonBox()
        self.confirm_button = buttons.addButton("Xác nhận", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("Đóng", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.confirm)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(760, 520)

    # Reading ------------------------------------------------------------------------------

    @property
    def year(self) -> int:
        return self.year_spin.value()

    def reload(self) -> None:
        self.entries = self._ws.events.coming_of_age(self.year, age=self.age)
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.entries))
        for row, entry in enumerate(self.entries):
            member = entry.row
            reached = str(entry.year_reached) + (" (quá hạn)" if entry.overdue else "")
            cells = (
                member.full_name,
                format_vn_date(member.birth_date, member.birth_precision),
                member.branch_name or "",
                reached,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 0:
                    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    item.setCheckState(Qt.CheckState.Checked)
                    item.setData(Qt.ItemDataRole.UserRole, member.id)
                if entry.overdue and column == 3:
                    item.setForeground(QColor(OVERDUE_COLOR))
                self.table.setItem(row, column, item)
        self.table.blockSignals(False)
        self._update_summary()

    def names(self) -> list[str]:
        return [entry.row.full_name for entry in self.entries]

    def checked_ids(self) -> list[str]:
        return [
            self.entries[row].row.id
            for row in range(self.table.rowCount())
            if self.table.item(row, 0).checkState() == Qt.CheckState.Checked
        ]

    def set_checked(self, member_id: str, checked: bool) -> None:
        for row, entry in enumerate(self.entries):
            if entry.row.id == member_id:
                state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
                self.table.item(row, 0).setCheckState(state)

    def set_all_checked(self, checked: bool) -> None:
        for entry in self.entries:
            self.set_checked(entry.row.id, checked)

    def _update_summary(self) -> None:
        total = len(self.entries)
        overdue = sum(entry.overdue for entry in self.entries)
        checked = len(self.checked_ids())
        if total == 0:
            text = f"Không có đoàn viên nào đủ {self.age} tuổi trong năm {self.year} cần xác nhận."
        else:
            text = f"{total} đoàn viên đủ {self.age} tuổi"
            if overdue:
                text += f" (trong đó {overdue} quá hạn, từ các năm trước)"
            text += f" — đã chọn {checked}."
        self.summary.setText(text)
        self.confirm_button.setEnabled(checked > 0)

    # Writing ------------------------------------------------------------------------------

    def confirm(self) -> None:
        """Record the coming of age of the checked members, in one call (all or none)."""
        ids = self.checked_ids()
        if not ids:
            return
        self.general_error.hide()
        try:
            self._ws.events.confirm_coming_of_age(
                ids, self.date_edit.text().strip(), self.number_edit.text()
            )
        except ValidationError as exc:
            self.errors.show(exc.field_errors)
            extra = self.errors.unknown(exc.field_errors)
            if extra:
                self.general_error.setText(" ".join(extra.values()))
                self.general_error.show()
            return
        except AppError as exc:
            self._prompts.error(self, "Không ghi nhận được", exc.message)
            return
        self.errors.clear()
        self.confirmed = len(ids)
        if self._data_changed is not None:
            self._data_changed.notify(MEMBERS)
        self._prompts.information(
            self, "Trưởng thành Đoàn",
            f"Đã ghi nhận trưởng thành Đoàn cho {self.confirmed} đoàn viên. "
            "Các đoàn viên này không còn trong danh sách đang sinh hoạt.",
        )  # fmt: skip
        self.accept()
