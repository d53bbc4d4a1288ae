"""A push button made from an action, that keeps following it.

A button for an action that only copied its text once looked clickable after the action was
disabled (e.g. "Nhập Excel…" on data that can only be read) and did nothing. This button takes
the action's text, tooltip, enabled state and visibility each time the action changes.
"""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QPushButton


def action_button(action: QAction) -> QPushButton:
    """A button that triggers ``action`` and follows its text, tooltip, enabled and visible."""
    button = QPushButton(action.text())
    hidden_by_action = False

    def follow() -> None:
        nonlocal hidden_by_action
        button.setText(action.text())
        button.setToolTip(action.toolTip())
        button.setEnabled(action.isEnabled())
        # Shown again only if the action hid it: showing a button not yet in its layout would
        # open it as a window of its own (and take the activation shortcuts need).
        if not action.isVisible():
            button.hide()
            hidden_by_action = True
        elif hidden_by_action:
            button.show()
            hidden_by_action = False

    follow()
    action.changed.connect(follow)
    button.clicked.connect(action.trigger)
    return button
