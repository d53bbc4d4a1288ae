"""The frame of the app's stepped dialogs (the Excel import, the USB export and import): a bold
title over the pages in a stack, and one row of buttons — the dialog's own ones at the left, then
"< Quay lại", "Tiếp >", the dialog's action ("Nhập", "Xuất") and "Hủy" — none of them a default
button, so Enter in a field never presses one (never "Nhập", nor, in the export, starts writing
on the stick); Alt+Q, Alt+T and Alt+<the action's first letter> press them, Esc cancels. Each
has four pages: choose, check, act (the action's page), result.

A button pressed by its Alt letter clicks 100 ms later (Qt shows it down first): a step button
clicked once its dialog has closed (Esc within those 100 ms) does nothing, where it read a file
removed on closing or wrote the bundle on the stick behind a closed wizard.

The keyboard, the same in every stepped dialog. What Enter does: with no default button, Enter
on a button tabbed to would do nothing, where every Windows dialog presses it
(:class:`EnterPresses` presses it); Enter in a field is the dialog's to give a meaning: going on
to the next step, never the action itself. Where the focus is after a step: a step that hides the
widget holding it ("Tiếp >" on the step of the action, the fields of the step before) leaves
it to Qt, which hands it to the next button in the chain ("Hủy") or, when the new page has no
field, to the page itself, where it shows nowhere and no key does anything
(:func:`focus_lost`: the dialog then gives it to the step's first thing to do)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)


def is_enter(event: QEvent) -> bool:
    """Whether ``event`` is Enter (or the keypad's) pressed without Ctrl, Alt or Shift."""
    return (
        event.type() == QEvent.Type.KeyPress
        and isinstance(event, QKeyEvent)
        and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    )


def focus_lost(dialog: QDialog, pages: QStackedWidget, cancel: QWidget | None) -> bool:
    """Whether ``dialog``'s focus is lost: on no widget, on a hidden one, on one of its
    ``pages`` itself, or on ``cancel`` (its "Hủy", not a place to start a step from)."""
    focused = dialog.focusWidget()
    if focused is None or not focused.isVisible() or focused is cancel:
        return True
    return pages.indexOf(focused) >= 0


class EnterPresses(QObject):
    """Enter (or the keypad's) on a push button of the dialog it watches presses the button.
    Caught on the button itself, as the key reaches it: Enter in a field that goes on to the
    next step (the password's) moves the focus, maybe onto a button, before the key goes up
    to the dialog, and must not press that button too. Install it once the dialog's buttons
    are built."""

    def __init__(self, dialog: QDialog) -> None:
        super().__init__(dialog)
        for button in dialog.findChildren(QPushButton):
            button.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if isinstance(watched, QPushButton) and is_enter(event):
            if watched.isEnabled():
                watched.click()
            return True
        return False


class _Closed(QObject):
    """Whether a dialog has closed (its ``finished`` emitted): a stepped dialog is made for one
    use, so it stays closed."""

    def __init__(self, dialog: QDialog) -> None:
        super().__init__(dialog)
        self.closed = False
        dialog.finished.connect(self._close)

    def _close(self) -> None:
        self.closed = True

    def unless_closed(self, slot: Callable[[], object]) -> Callable[[], None]:
        """``slot``, called only while the dialog is open (module docstring)."""

        def call() -> None:
            if not self.closed:
                slot()

        return call


@dataclass(frozen=True)
class Steps:
    title: QLabel
    stack: QStackedWidget
    back: QPushButton
    next: QPushButton
    action: QPushButton
    close: QPushButton
    closing: str = "Đóng"

    def show(self, page: int, title: str) -> None:
        """Page ``page`` (0 to 3) under ``title``: back on the second and third, next on the
        first two, the action on the third; "Hủy" reads ``closing`` ("Đóng") on the result."""
        self.stack.setCurrentIndex(page)
        self.title.setText(title)
        self.back.setVisible(page in (1, 2))
        self.next.setVisible(page in (0, 1))
        self.action.setVisible(page == 2)
        self.close.setText(self.closing if page == 3 else "Hủy")


def build_steps(
    dialog: QDialog,
    pages: Sequence[Callable[[], QWidget]],
    action: str,
    *,
    back: Callable[[], object],
    next: Callable[[], object],  # noqa: A002 (the button's name)
    act: Callable[[], object],
    left: Sequence[QPushButton] = (),
    closing: str = "Đóng",
) -> Steps:
    """Lay ``dialog`` out as steps: each of ``pages`` built in order into the stack; ``back``,
    ``next`` and ``act`` called by their buttons, "Hủy" rejecting the dialog (``closing`` on
    the result: "Đón&g" where no field of the last page takes G)."""
    layout = QVBoxLayout(dialog)
    title = QLabel()
    title.setStyleSheet("font-size: 12pt; font-weight: bold;")
    layout.addWidget(title)
    stack = QStackedWidget()
    for build in pages:
        stack.addWidget(build())
    layout.addWidget(stack, 1)
    row = QHBoxLayout()
    # Alt+Q, Alt+T and Alt+<the action's first letter> for the keyboard; "Hủy" is Esc.
    mnemonic = action if "&" in action else f"&{action}"
    buttons = [QPushButton("< &Quay lại"), QPushButton("&Tiếp >"), QPushButton(mnemonic),
               QPushButton("Hủy")]  # fmt: skip
    closed = _Closed(dialog)
    for button, slot in zip(buttons, (back, next, act, dialog.reject), strict=True):
        button.clicked.connect(closed.unless_closed(slot))
    for button in left:
        button.setAutoDefault(False)
        row.addWidget(button)
    row.addStretch(1)
    for button in buttons:
        button.setAutoDefault(False)
        row.addWidget(button)
    layout.addLayout(row)
    back_button, next_button, action_button, close_button = buttons
    return Steps(title, stack, back_button, next_button, action_button, close_button, closing)
