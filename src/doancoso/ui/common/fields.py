"""Form rows with a validation message under the field, and a registry of them by field name.

Core services raise :class:`~doancoso.core.errors.ValidationError` whose ``field_errors`` map a
field name to a Vietnamese message; :class:`FieldErrors` shows each message under its field and
takes it away as soon as the user edits the field into a valid value (not only on the next save).

A message never moves a dialog's buttons either, when the dialog keeps room for it: made
:func:`message_room` taller than it needs, with a stretch above its buttons, a dialog gives the
messages the height of the stretch instead of growing under the mouse (a second click on "Lưu"
lands where the first did).

A message never changes the height of its field. Qt lays out a word-wrapped label by its
height for a width (``heightForWidth``), but minimum sizes, and so the height a window or a
page gives a form, ignore it: once a message appeared, the form was given less height than it
needed and squeezed its tallest rows, the field with the message, down to about 13 px, its text
cut. :class:`WrappedLabel` (and so :class:`ErrorLabel`) keeps its minimum height at the height
its text needs at its current width, which every layout honours; other wrapped labels of a
window that holds a form (an introduction, a hint) should be WrappedLabels too.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDateTimeEdit,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

ERROR_STYLE = "color: #c62828;"
MESSAGE_SPACING = 2
"""Between a field and its message (the box :meth:`FieldErrors.add_row` makes)."""
REQUIRED_MARK = ' <span style="color:#c62828">*</span>'

Check = Callable[[], str]
"""A field's own check, run as the user edits it: its message, or "" when the value is valid."""


USABLE_HEIGHT = 690
"""The tallest a dialog may open: 768 px less the taskbar and the window's title bar."""


def message_room(widget: QWidget, messages: int = 2) -> int:
    """The height ``messages`` one-line messages take under their fields in ``widget``'s font
    (see the module docstring)."""
    return messages * (widget.fontMetrics().height() + MESSAGE_SPACING)


def open_with_room(dialog: QWidget, messages: int, width: int = 0) -> None:
    """Size ``dialog`` (at least ``width`` wide) to the height it needs plus the
    :func:`message_room` of ``messages`` messages, within :data:`USABLE_HEIGHT`. Its layout
    keeps a stretch above its buttons, which gives that room to the messages as they appear:
    the buttons stay where they are (see the module docstring)."""
    needed = dialog.sizeHint().expandedTo(dialog.minimumSizeHint())
    room = message_room(dialog, messages)
    layout = dialog.layout()
    if layout is not None:  # a general message above the buttons is spaced as a widget
        room += max(layout.spacing(), 0)
    height = min(needed.height() + room, USABLE_HEIGHT)
    dialog.resize(max(width, needed.width()), max(height, dialog.minimumSizeHint().height()))


def field_label(text: str, required: bool = False) -> QLabel:
    """A form label; required fields get a red star."""
    label = QLabel(text + (REQUIRED_MARK if required else ""))
    label.setTextFormat(Qt.TextFormat.RichText if required else Qt.TextFormat.PlainText)
    return label


class WrappedLabel(QLabel):
    """A word-wrapped label sized by the height its text needs at its current width, and
    without a height-for-width, so that every layout reads one consistent height from it (see
    the module docstring)."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._height = 0
        self.setWordWrap(True)
        self._fit()

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        super().setText(text)
        self._fit()

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt's name)
        return False

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return self._with_height(super().sizeHint())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return self._with_height(super().minimumSizeHint())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._fit()

    def _with_height(self, size: QSize) -> QSize:
        return QSize(size.width(), self._height) if self._height else size

    def _fit(self) -> None:
        needed = self.heightForWidth(self.width()) if self.text() else 0
        if needed != self._height:
            self._height = needed
            self.updateGeometry()


class ErrorLabel(WrappedLabel):
    """A red, word-wrapped message shown under a field only while it has an error."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.setStyleSheet(ERROR_STYLE)
        self.hide()

    def set_message(self, message: str) -> None:
        self.setText(message)
        self.setVisible(bool(message))


def _input_of(editor: QWidget) -> QWidget:
    """The widget the user types into: ``editor`` or, for a row of widgets, its focus proxy."""
    proxy = editor.focusProxy()
    return proxy if proxy is not None else editor


def _buddy(editor: QWidget) -> QWidget:
    """``editor`` made fit to be its label's buddy. A label's Alt letter focuses its buddy only
    when the buddy itself accepts focus: a row of widgets passing its focus on to one of them (its
    focus proxy) does not, and the letter left the cursor where it was. Such a row accepts focus
    from the keyboard, which its proxy takes (and Tab still skips the row for the proxy). The row
    stays the buddy rather than the proxy: a label clicks a button buddy (a row's first radio
    button would be chosen by the letter)."""
    if editor.focusProxy() is not None and editor.focusPolicy() == Qt.FocusPolicy.NoFocus:
        editor.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    return editor


def _connect_edits(editor: QWidget, edited: Callable[[], None]) -> None:
    """Call ``edited`` whenever the value of ``editor`` changes (typed, picked or set)."""
    widget = _input_of(editor)
    if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
        widget.textChanged.connect(edited)
    elif isinstance(widget, QComboBox):
        widget.currentIndexChanged.connect(edited)
        widget.editTextChanged.connect(edited)
    elif isinstance(widget, QSpinBox | QDoubleSpinBox):
        widget.valueChanged.connect(edited)
    elif isinstance(widget, QDateTimeEdit):
        widget.dateTimeChanged.connect(edited)
    elif isinstance(widget, QAbstractButton):
        widget.toggled.connect(edited)


def _is_empty(editor: QWidget) -> bool:
    widget = _input_of(editor)
    if isinstance(widget, QLineEdit):
        return not widget.text().strip()
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        return not widget.toPlainText().strip()
    if isinstance(widget, QComboBox):
        return not (widget.currentData() or widget.currentText().strip())
    return False


class FieldErrors:
    """Error labels of a form, by field name; shows a ValidationError's messages in place.

    A message goes away as soon as its field is edited into a valid value: the field's own
    ``check`` says (given to :meth:`add_row`); without one, a required field is valid once it
    is not empty, and any other field once it is edited (the core checks it again on saving).
    """

    def __init__(self) -> None:
        self._fields: dict[str, tuple[QWidget, ErrorLabel]] = {}
        self._checks: dict[str, Check] = {}
        self._required: set[str] = set()
        self.on_shown: Callable[[QWidget], None] | None = None
        # Called after a field showing a message was checked again (e.g. to update the marks
        # of the tabs holding invalid fields).
        self.on_rechecked: Callable[[], None] | None = None

    def add_row(
        self, form: QFormLayout, name: str, label: str, editor: QWidget, required: bool = False,
        check: Check | None = None,
    ) -> ErrorLabel:  # fmt: skip
        """Add ``editor`` to ``form`` with its error label under it; returns the label.

        ``check`` (optional) returns the field's message for what is typed ("" when valid); it
        runs as the user edits a field that shows a message.
        """
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(MESSAGE_SPACING)
        layout.addWidget(editor)
        error = ErrorLabel()
        layout.addWidget(error)
        caption = field_label(label, required)
        caption.setBuddy(_buddy(editor))
        form.addRow(caption, box)
        self._fields[name] = (editor, error)
        if check is not None:
            self._checks[name] = check
        if required:
            self._required.add(name)
        _connect_edits(editor, lambda: self.recheck(name))
        return error

    def recheck(self, name: str) -> None:
        """Field ``name`` changed (or one its check reads): its message goes once the value is
        valid. Does nothing for a field that shows no message."""
        editor, label = self._fields[name]
        if label.isHidden():
            return
        check = self._checks.get(name)
        if check is not None:
            label.set_message(check())
        elif not (name in self._required and _is_empty(editor)):
            label.set_message("")
        if self.on_rechecked is not None:
            self.on_rechecked()

    def set_message(self, name: str, message: str) -> None:
        """Show ``message`` under field ``name`` ("" clears it), leaving the others as they are."""
        self._fields[name][1].set_message(message)

    def check(self) -> QWidget | None:
        """Run every field's own check (before asking the core); show the messages like
        :meth:`show` and return the editor of the first invalid field, or None."""
        errors = {name: message for name, check in self._checks.items() if (message := check())}
        return self.show(errors)

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
