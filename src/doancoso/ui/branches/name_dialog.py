"""A small dialog asking for a chi đoàn's name, with the core's message under the field."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import AppError, ValidationError
from ..common.fields import FieldErrors


class BranchNameDialog(QDialog):
    """Calls ``submit(name)`` on OK; a ValidationError keeps the dialog open with its message."""

    def __init__(
        self, title: str, submit: Callable[[str], None], initial: str = "",
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self._submit = submit
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.name_edit = QLineEdit(initial)
        self.name_edit.setPlaceholderText("Ví dụ: Chi đoàn ấp Tân Phú")
        self.name_edit.setMinimumWidth(320)
        self.errors = FieldErrors()
        self.errors.add_row(form, "name", "Tên chi đoàn", self.name_edit, required=True)
        layout.addLayout(form)
        buttons = QDialogButtonBox()
        ok = buttons.addButton("Lưu", QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setDefault(True)
        buttons.addButton("Hủy", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def try_accept(self) -> None:
        try:
            self._submit(self.name_edit.text())
        except ValidationError as exc:
            self.errors.show(exc.field_errors)
            return
        except AppError as exc:
            self.errors.show({"name": exc.message})
            return
        self.errors.clear()
        self.accept()
