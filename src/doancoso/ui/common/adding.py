"""Records typed in one after another from a list page: the add form's "Lưu và thêm tiếp"
button (Ctrl+Enter) and what the page does with each record just added (chosen, on the undo
history, said in the status bar). The member form and the youth form, and the roster and the
youth register, share them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialogButtonBox, QPushButton, QWidget

from ..shell.undo import UndoHistory, Write
from .list_page import ListPage

SAVE_AND_NEXT = "Lưu và thêm tiếp"


def save_and_next_button(
    buttons: QDialogButtonBox, form: QWidget, tip: str, save_and_next: Callable[[], object]
) -> QPushButton:
    """Add "Lưu và thêm tiếp" to the add form's ``buttons``, with its ``tip``; it and Ctrl with
    either Enter key (anywhere in ``form``) call ``save_and_next``. (Auto default, as a
    dialog's buttons are: Enter presses it while it has the focus, and is the form's "Lưu"
    again once the focus is back in a field.)"""
    button = buttons.addButton(SAVE_AND_NEXT, QDialogButtonBox.ButtonRole.ActionRole)
    button.setToolTip(tip)
    button.clicked.connect(save_and_next)
    # Named by their keys (see ..shell.translator): Ctrl with either Enter key.
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        QShortcut(QKeySequence(Qt.KeyboardModifier.ControlModifier | key), form, save_and_next)
    return button


def show_added(
    page: ListPage, history: UndoHistory, record_id: str, label: str, take_back: Write,
    bring_back: Write, done: str,
) -> None:  # fmt: skip
    """A record just added from ``page`` (its model offers ``row_of``): chosen in the list (which
    was reloaded when it changed), put on the undo ``history`` as ``label`` with its
    ``take_back`` and ``bring_back``, and ``done`` said in the status bar, with why the record is
    not seen when the list shown leaves it out."""
    page.select_row(page.model.row_of(record_id))
    history.add(label, take_back, bring_back)
    page.status_message.emit(page.saved_message(done, page.model.row_of(record_id)))
