"""Form rows with a validation message under the field, and a registry of them by field name.

Core services raise :class:`~doancoso.core.errors.ValidationError` whose ``field_errors`` map a
field name to a Vietnamese message; :class:`FieldErrors` shows each message under its field.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

ERROR_STYLE = "color: #c62828;"
REQUIRED_MARK = ' <span style="color:#c62828">*</span>'


def field_label(text: str, required: bool = False) -> QLabel:
    """A form label; required fields get a red star."""
    label = QLabel(text + (REQUIRED_MARK if required else ""))
    label.setTextFormat(Qt.TextFormat.RichText if required else Qt.TextFormat.PlainText)
    return label


class ErrorLabel(QLabel):
    """A red, word-wrapped message shown under a field only while it has an error."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(ERROR_STYLE)
        self.setWordWrap(True)
        self.hide()

    def set_message(self, message: str) -> None:
        self.setText(message)
        self.setVisible(bool(message))


class FieldErrors:
    """Error labels of a form, by field name; shows a ValidationError's messages in place."""

    def __init__(self) -> None:
        self._fields: dict[str, tuple[QWidget, ErrorLabel]] = {}
        self.on_shown: Callable[[QWidget], None] | None = None

    def add_row(
        self, form: QFormLayout, name: str, label: str, editor: QWidget, required: bool = False
    ) -> ErrorLabel:
        """Add ``editor`` to ``form`` with its error label under it; returns the label."""
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(editor)
        error = ErrorLabel()
        layout.addWidget(error)
        caption = field_label(label, required)
        caption.setBuddy(editor)
        form.addRow(caption, box)
        self._fields[name] = (editor, error)
        return error

    def message(self, name: str) -> str:
        """The message shown for field ``name`` ("" when none)."""
        _, label = self._fields[name]
        return "" if label.isHidden() else label.text()

    def messages(self) -> dict[str, str]:
        return {name: msg for name in self._fields if (msg := self.message(name))}

    def clear(self) -> None:
        for _, label in self._fields.values():
            label.set_message("")

    def show(self, errors: Mapping[str, str]) -> QWidget | None:
        """Show ``errors`` (others cleared); returns the editor of the first invalid field.

        Messages for fields this form does not have are left to :meth:`unknown`.
        """
        self.clear()
        first: QWidget | None = None
        for name, (editor, label) in self._fields.items():
            if name in errors:
                label.set_message(errors[name])
                first = first or editor
        if first is not None:
            if self.on_shown is not None:
                self.on_shown(first)
            first.setFocus()
        return first

    def show_all(self, errors: Mapping[str, str], general: ErrorLabel, around: str = "{}") -> None:
        """Show each message under its field and the ones that name no field of this form in
        ``general`` (``around`` frames them, e.g. "Chưa kết nạp được: {}")."""
        self.show(errors)
        extra = self.unknown(errors)
        general.set_message(around.format(" ".join(extra.values())) if extra else "")

    def unknown(self, errors: Mapping[str, str]) -> dict[str, str]:
        """The errors that name no field of this form (to show in a general message)."""
        return {name: msg for name, msg in errors.items() if name not in self._fields}
