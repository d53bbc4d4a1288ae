"""A small dialog asking for one line of text (a new kind of activity, a file's caption) and
writing it through an operation; a refused value keeps the dialog open with the core's message
under the field."""

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


class TextDialog(QDialog):
    """Runs ``write(ws, text)`` on "Lưu" and closes once it succeeded (``written`` holds what
    it returned)."""

    def __init__(
        self, core: Core, title: str, label: str, write: Write, *, initial: str = "",
        placeholder: str = "", required: bool = True, parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self._core = core
        self._write = write
        self._saving = False
        self.written: object = None
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.edit = QLineEdit(initial)
        self.edit.setPlaceholderText(placeholder)
        self.edit.setMinimumWidth(360)
        self.errors = FieldErrors()
        self.errors.add_row(form, "name", label, self.edit, required=required)
        layout.addLayout(form)
        layout.addStretch(1)  # the room of the message, "Lưu" staying in place
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton("&Lưu", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("&Hủy", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.save_button.setDefault(True)
        open_with_room(self, 1)

    def submit(self) -> None:
        if self._saving:
            return
        text, write = self.edit.text(), self._write
        self._saving = True
        op = CoreOp(self, lambda ws: write(ws, text), self._core)
        op.success(self._written).failure(self._refused).run()

    def _written(self, value: object) -> None:
        self._saving = False
        self.written = value
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self._saving = False
        if isinstance(exc, ValidationError):
            self.errors.show({"name": " ".join(exc.field_errors.values())})
        elif isinstance(exc, AppError):
            self.errors.show({"name": exc.message})
        else:
            self._core.runner.show_error(exc, parent=self)

    def reject(self) -> None:
        if not self._saving:
            super().reject()
