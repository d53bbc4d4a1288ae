"""A list of members to check, then one decision (date and number) recorded for the checked
ones, all or none: the frame of the coming-of-age and end-of-temporary-activity dialogs.

A subclass gives the rows (:meth:`DecisionListDialog.load`), the cells of a row, the summary
and the core call that records the decision (:meth:`DecisionListDialog.record`); the lists are
short (a year's coming of age, a handful of stays), so a ``QTableWidget`` holds them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

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
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import AppError, ValidationError
from ...core.lang.dates import format_vn_date
from ...core.workspace import Workspace
from ..common.fields import ErrorLabel, FieldErrors
from ..shell.prompts import Prompts
from ..shell.signals import MEMBERS, DataChanged

ALERT_COLOR = "#c62828"


class DecisionListDialog(QDialog):
    """Check members in a table, give the decision's date and number, confirm."""

    title = ""
    confirm_text = "Xác nhận"
    number_example = "20-QĐ/ĐTN"

    def __init__(
        self, ws: Workspace, prompts: Prompts | None, data_changed: DataChanged | None,
        headers: Sequence[str], parent: QWidget | None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self._ws = ws
        self._prompts = prompts or Prompts()
        self._data_changed = data_changed
        self.entries: list[Any] = []
        self.confirmed = 0
        self.errors = FieldErrors()
        self.setWindowTitle(self.title)
        self._headers = list(headers)

    # To give by the subclass -------------------------------------------------------------

    def load(self) -> list[Any]:
        """The rows to list, each with ``.row`` (a :class:`MemberRow`)."""
        raise NotImplementedError

    def cells(self, entry: Any) -> tuple[str, ...]:
        raise NotImplementedError

    def alert_column(self, entry: Any) -> int | None:
        """The column shown in red for ``entry`` (overdue, ended), if any."""
        return None

    def summary_text(self, checked: int) -> str:
        raise NotImplementedError

    def record(self, ids: list[str], date: str, number: str) -> None:
        """Record the decision for ``ids`` through the core, all or none."""
        raise NotImplementedError

    def done_text(self, count: int) -> str:
        raise NotImplementedError

    # Building -----------------------------------------------------------------------------

    def build(self, top: QHBoxLayout, stretch_column: int) -> None:
        """Lay out the dialog under ``top`` (the subclass's own controls, left)."""
        layout = QVBoxLayout(self)
        top.addStretch(1)
        self.check_all_button = QPushButton("Chọn tất cả")
        self.check_none_button = QPushButton("Bỏ chọn tất cả")
        self.check_all_button.clicked.connect(lambda: self.set_all_checked(True))
        self.check_none_button.clicked.connect(lambda: self.set_all_checked(False))
        top.addWidget(self.check_all_button)
        top.addWidget(self.check_none_button)
        layout.addLayout(top)

        self.table = QTableWidget(0, len(self._headers))
        self.table.setHorizontalHeaderLabels(self._headers)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
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
        self.number_edit.setPlaceholderText(f"Ví dụ: {self.number_example}")
        self.number_edit.setMaximumWidth(220)
        self.errors.add_row(form, "date", "Ngày quyết định", self.date_edit, required=True)
        self.errors.add_row(form, "number", "Số quyết định", self.number_edit)
        layout.addLayout(form)
        self.general_error = ErrorLabel()
        layout.addWidget(self.general_error)

        buttons = QDialogButtonBox()
        role = QDialogButtonBox.ButtonRole.AcceptRole
        self.confirm_button = buttons.addButton(self.confirm_text, role)
        buttons.addButton("Đóng", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.confirm)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(760, 520)

    # Reading ------------------------------------------------------------------------------

    def reload(self) -> None:
        self.entries = self.load()
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.entries))
        for row, entry in enumerate(self.entries):
            alert = self.alert_column(entry)
            for column, text in enumerate(self.cells(entry)):
                item = QTableWidgetItem(text)
                if column == 0:
                    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    item.setCheckState(Qt.CheckState.Checked)
                    item.setData(Qt.ItemDataRole.UserRole, entry.row.id)
                if column == alert:
                    item.setForeground(QColor(ALERT_COLOR))
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
        checked = len(self.checked_ids())
        self.summary.setText(self.summary_text(checked))
        self.confirm_button.setEnabled(checked > 0)

    # Writing ------------------------------------------------------------------------------

    def confirm(self) -> None:
        """Record the decision for the checked members, in one call (all or none)."""
        ids = self.checked_ids()
        if not ids:
            return
        self.general_error.hide()
        try:
            self.record(ids, self.date_edit.text().strip(), self.number_edit.text())
        except ValidationError as exc:
            self.errors.show_all(exc.field_errors, self.general_error)
            return
        except AppError as exc:
            self._prompts.error(self, "Không ghi nhận được", exc.message)
            return
        self.errors.clear()
        self.confirmed = len(ids)
        if self._data_changed is not None:
            self._data_changed.notify(MEMBERS)
        self._prompts.information(self, self.title, self.done_text(self.confirmed))
        self.accept()
