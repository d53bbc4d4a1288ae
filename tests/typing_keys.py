"""Text typed as a user's keyboard types it: one key press and release a letter, each carrying
its text, Vietnamese letters included. (``qtbot.keyClicks`` takes Latin-1 letters only: "Đ" or
"ạ" abort the Python process.)"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot


def _key(letter: str) -> Qt.Key:
    """The key of an ASCII letter, digit or space as a keyboard sends it; any other letter (a
    Vietnamese one comes from the input method) is known by its text alone."""
    if letter.isascii() and (letter.isalnum() or letter == " "):
        return Qt.Key(ord(letter.upper()))
    return Qt.Key.Key_unknown


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """``text`` typed into ``widget`` letter by letter, as the keyboard would (the shortcut
    override first, then the key), where ``qtbot.keyClicks`` takes ASCII only."""
    for letter in text:
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, widget, _key(letter), letter, Qt.KeyboardModifier.NoModifier
        )
    qtbot.wait(0)  # what the letters queued (a completer, a search's timer start) runs


def type_in_focus(qtbot: QtBot, text: str) -> None:
    """``text`` typed where the keyboard is (the focus widget), as :func:`type_text` types."""
    widget = QApplication.focusWidget()
    assert widget is not None, "no widget has the keyboard"
    type_text(qtbot, widget, text)
