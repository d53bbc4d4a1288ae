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
from ...core.workspace import Workspace
from ..common.fields import FieldErrors, open_with_room
from ..shell.operations import Core, CoreOp

Write = Callable[[Workspace, str], object]
"""What "Lưu" does with the name, e.g. ``lambda ws, name: ws.branches.create(name)``."""


class BranchNameDialog(QDialog):
    """Runs ``write(ws, name)`` as an operation on OK and closes once it succeeded (``written``
    holds what it returned); a refused name keeps the dialog open with the message under it."""

    def __init__(
        self, core: Core, title: str, write: Write, initial: str = "",
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self._core = core
        self._write = write
        # While an operation writes, Save and Cancel wait for it. They stay enabled: a disabled
        # button that had the focus would pass it, and the Enter key, on to Cancel.
        self._saving = False
        self.written: object = None
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.name_edit = QLineEdit(initial)
        self.name_edit.setPlaceholderText("Ví dụ: Chi đoàn ấp Tân Phú")
        self.name_edit.setMinimumWidth(320)
        self.errors = FieldErrors()
        self.errors.add_row(form, "name", "&Tên chi đoàn", self.name_edit, required=True)
        layout.addLayout(form)
        layout.addStretch(1)  # the room of the message, "Lưu" staying in place
        self.buttons = QDialogButtonBox()
        self.save_button = ok = self.buttons.addButton(
            "&Lưu", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton("&Hủy", QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.try_accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        ok.setDefault(True)  # once in the dialog, or lost with the focus
        open_with_room(self, 1)

    def try_accept(self) -> None:
        if self._saving:
            return
        name, write = self.name_edit.text(), self._write
        self._saving = True
        op = CoreOp(self, lambda ws: write(ws, name), self._core)
        op.success(self._written).failure(self._refused).run()

    def _written(self, value: object) -> None:
        self._saving = False
        self.written = value
        self.errors.clear()
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self._saving = False
        if isinstance(exc, ValidationError):
            self.errors.show(exc.field_errors)
        elif isinstance(exc, AppError):
            self.errors.show({"name": exc.message})
        else:
            self._core.runner.show_error(exc, parent=self)

    def reject(self) -> None:
        if not self._saving:
            super().reject()
