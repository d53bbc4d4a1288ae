"""Alt+letters in GUI tests: the letters a window shows, those taken twice, and a press of one
where the keyboard is, as a hand does (Alt let go after, or Qt keeps it held for what follows).

A letter counts where its widget shows: a main window's menus, and the visible labels, buttons,
group boxes and tabs of the window (a hidden page's letters do not fire, so they are not
counted)."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QMainWindow,
    QTabBar,
    QWidget,
)
from pytestqt.qtbot import QtBot


def mnemonic(text: str) -> str:
    """The Alt+letter of ``text`` ("Alt+L" for "&Lưu"), or "" when it has none ("&&" is a
    plain "&")."""
    return QKeySequence.mnemonic(text).toString() if "&" in text.replace("&&", "") else ""


def letters(window: QWidget) -> list[str]:
    """The Alt+letters of what ``window`` shows: its menus (a main window's), its visible
    labels, buttons, group boxes and tabs, one entry each (a letter taken twice is listed
    twice)."""
    texts: list[str] = []
    if isinstance(window, QMainWindow):
        texts += [action.text() for action in window.menuBar().actions()]
    for widget in window.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QTabBar):
            texts += [widget.tabText(index) for index in range(widget.count())]
    return [letter for text in texts if (letter := mnemonic(text))]


def twice(found: list[str]) -> list[str]:
    """The letters of ``found`` taken more than once."""
    return [letter for letter, count in Counter(found).items() if count > 1]


def press_alt(qtbot: QtBot, key: Qt.Key) -> None:
    """Alt+``key`` where the keyboard is, then Alt let go."""
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, key, Qt.KeyboardModifier.AltModifier)
    released = QApplication.focusWidget() or QApplication.activeWindow()
    if released is not None:  # (else the ui conftest lets Alt go after the test)
        qtbot.keyRelease(released, Qt.Key.Key_Alt)
