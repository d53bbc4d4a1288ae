"""Checks that a dialog's buttons stay put while its field messages appear: where a button is
on the screen, and whether every message shown has the height its text needs."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractButton, QWidget
from pytestqt.qtbot import QtBot

from doancoso.ui.common.fields import USABLE_HEIGHT, ErrorLabel


def settle(qtbot: QtBot) -> None:
    """Let the layouts run (a message sized by its text asks twice)."""
    for _ in range(3):
        qtbot.wait(10)


def spot(qtbot: QtBot, button: QAbstractButton) -> QRect:
    """Where ``button`` is on the screen, once the layouts settled."""
    settle(qtbot)
    return QRect(button.mapToGlobal(QPoint(0, 0)), button.size())


def shown(qtbot: QtBot, dialog: QWidget) -> None:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    settle(qtbot)
    assert dialog.height() <= USABLE_HEIGHT


def messages_fit(qtbot: QtBot, dialog: QWidget) -> list[str]:
    """The messages shown in ``dialog`` once the layouts settled; each is asserted whole (as
    tall as its text)."""
    settle(qtbot)
    texts = []
    for label in dialog.findChildren(ErrorLabel):
        if label.isVisibleTo(dialog):
            assert label.height() >= label.sizeHint().height(), (
                label.text(),
                label.height(),
                label.sizeHint(),
                label.width(),
            )
            assert label.width() > 0, label.text()
            texts.append(label.text())
    return texts
