"""Where the keyboard is after a step of the bundle wizards: a step that hides the widget
holding the focus ("Tiếp >" on the step of the action, the fields of the step before) leaves
it to Qt, which hands it to the next button in the chain ("Hủy") or, when the new page has no
field, to the page itself, where it shows nowhere and no key does anything."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QStackedWidget, QWidget


def focus_lost(dialog: QDialog, pages: QStackedWidget, cancel: QWidget | None) -> bool:
    """Whether ``dialog``'s focus is lost: on no widget, on a hidden one, on one of its
    ``pages`` itself, or on ``cancel`` (its "Hủy", not a place to start a step from)."""
    focused = dialog.focusWidget()
    if focused is None or not focused.isVisible() or focused is cancel:
        return True
    return pages.indexOf(focused) >= 0
