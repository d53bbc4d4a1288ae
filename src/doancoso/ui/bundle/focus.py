"""The keyboard in the bundle wizards.

Where it is after a step: a step that hides the widget holding the focus ("Tiếp >" on the step
of the action, the fields of the step before) leaves it to Qt, which hands it to the next
button in the chain ("Hủy") or, when the new page has no field, to the page itself, where it
shows nowhere and no key does anything (:func:`focus_lost`).

What Enter does: the steps have no default button and their buttons no autoDefault
(``ui/common/steps.py``), so that Enter in a field never jumps a step nor starts a write; but
then Enter on a button tabbed to did nothing either, where every Windows dialog presses it
(:func:`press_focused_button`)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QPushButton, QStackedWidget, QWidget


def focus_lost(dialog: QDialog, pages: QStackedWidget, cancel: QWidget | None) -> bool:
    """Whether ``dialog``'s focus is lost: on no widget, on a hidden one, on one of its
    ``pages`` itself, or on ``cancel`` (its "Hủy", not a place to start a step from)."""
    focused = dialog.focusWidget()
    if focused is None or not focused.isVisible() or focused is cancel:
        return True
    return pages.indexOf(focused) >= 0


def press_focused_button(dialog: QDialog, event: QKeyEvent) -> bool:
    """Enter (or the keypad's) on a push button of ``dialog`` that has the focus: pressed, and
    True; anything else (Enter in a field, a key with Ctrl or Alt) is the dialog's: False."""
    if event.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        return False
    if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
        return False
    focused = dialog.focusWidget()
    if not isinstance(focused, QPushButton) or not focused.isVisible():
        return False
    if focused.isEnabled():
        focused.click()
    return True
