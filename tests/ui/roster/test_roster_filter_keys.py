"""The roster's filters by keyboard: each label has its Alt+letter, which puts the keyboard in its
field from anywhere on the page, and no letter is taken twice in the window the roster shows in
(the menus', the buttons', the labels')."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QWidget
from pytestqt.qtbot import QtBot

from active_window import active_window
from doancoso.core.workspace import Workspace
from doancoso.ui.roster.page import RosterPage
from mnemonics import letters, press_alt, twice
from scripted import ScriptedPrompts

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

FILTER_KEYS = [
    ("&Chi đoàn:", Qt.Key.Key_C, "branch_combo"),
    ("T&rạng thái:", Qt.Key.Key_R, "status_combo"),
    ("G&iới tính:", Qt.Key.Key_I, "gender_combo"),
]


def _labels(page: RosterPage) -> dict[str, QWidget | None]:
    return {label.text(): label.buddy() for label in page.findChildren(QLabel) if label.buddy()}


@pytest.mark.parametrize(("caption", "key", "field"), FILTER_KEYS)
@pytest.mark.parametrize("start", ["table", "search"])
def test_alt_letter_puts_the_keyboard_in_its_filter(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, caption: str, key: Qt.Key, field: str,
    start: str,
) -> None:  # fmt: skip
    ws.branches.create("Chi đoàn ấp Tân Hưng")
    window = active_window(qtbot, ws, prompts)
    page = window.roster
    combo = getattr(page, field)
    assert isinstance(combo, QComboBox)
    assert _labels(page)[caption] is combo
    getattr(page, start).setFocus()

    press_alt(qtbot, key)

    assert QApplication.focusWidget() is combo
    assert QApplication.activePopupWidget() is None  # no menu opened instead
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # and the arrows then change that filter
    assert combo.currentIndex() == 1


def test_no_alt_letter_is_taken_twice_where_the_roster_shows(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts
) -> None:
    window = active_window(qtbot, ws, prompts)
    assert window.stack.currentWidget() is window.roster
    found = letters(window)
    assert {"Alt+C", "Alt+R", "Alt+I"} <= set(found)
    assert twice(found) == []
