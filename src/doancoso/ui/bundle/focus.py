"""The keyboard in the bundle wizards.

Where it is after a step: a step that hides the widget holding the focus ("Tiếp >" on the step
of the action, the fields of the step before) leaves it to Qt, which hands it to the next
button in the chain ("Hủy") or, when the new page has no field, to the page itself, where it
shows nowhere and no key does anything (:func:`focus_lost`).

What Enter does: the steps have no default button and their buttons no autoDefault
(``ui/common/steps.py``), so that Enter in a field never jumps a step nor starts a write; but
then Enter on a button tabbed to did nothing either, where every Windows dialog presses it
(:class:`EnterPresses`)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QPushButton, QStackedWidget, QWidget


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
    to the dialog, and must not press that button too."""

    def __init__(self, dialog: QDialog) -> None:
        super().__init__(dialog)
        for button in dialog.findChildren(QPushButton):
            button.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and isinstance(watched, QPushButton)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            if watched.isEnabled():
                watched.click()
            return True
        return False
