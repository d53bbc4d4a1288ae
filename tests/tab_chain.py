"""The Tab chain of a window as a user meets it: each stop named by what the user reads there
(the label of a field, the text of a button), from a start round to it again."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QTabBar, QWidget
from pytestqt.qtbot import QtBot

from doancoso.ui.common.fields import REQUIRED_MARK


def stop_name(widget: QWidget) -> str:
    """What the user reads at ``widget``: its label's text (without the required star; a
    field of a labelled row of fields, e.g. a search box and its list, has the row's label), a
    button's text, "tab bar" for a tab bar, else its class (a stop no one can name)."""
    for label in widget.window().findChildren(QLabel):
        buddy = label.buddy()
        if (
            buddy is not None
            and label.isVisible()
            and (buddy is widget or buddy.isAncestorOf(widget))
        ):
            return label.text().removesuffix(REQUIRED_MARK)
    if isinstance(widget, QAbstractButton):
        return widget.text()
    if isinstance(widget, QTabBar):
        return "tab bar"
    return type(widget).__name__


def tab_round(qtbot: QtBot, start: QWidget, limit: int = 60) -> list[str]:
    """The stops Tab goes through from ``start`` (put the keyboard there) until ``start``
    again, ``start`` last; at most ``limit`` presses."""
    start.setFocus()
    qtbot.waitUntil(start.hasFocus)
    stops: list[str] = []
    for _ in range(limit):
        focused = QApplication.focusWidget()
        assert focused is not None
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
        reached = QApplication.focusWidget()
        assert reached is not None
        stops.append(stop_name(reached))
        if reached is start:
            break
    return stops
