"""The youth register's hamlet filter by keyboard: Alt+P ("Ấ&p/khu phố:") puts the keyboard in
it from anywhere on the page, as the roster's filters have theirs, and no letter is taken twice
in the window the register shows in (the menus', the buttons', the labels')."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from active_window import active_window
from doancoso.core.workspace import Workspace
from doancoso.ui.shell.main_window import YOUTH_AREA, MainWindow
from mnemonics import letters, press_alt, twice
from scripted import ScriptedPrompts

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _register(qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts) -> MainWindow:
    window = active_window(qtbot, ws, prompts)
    window.show_area(YOUTH_AREA)
    assert window.stack.currentWidget() is window.youth
    return window


@pytest.mark.parametrize("start", ["table", "search"])
def test_alt_p_puts_the_keyboard_in_the_hamlet_filter(
    qtbot: QtBot, youth_ws: Workspace, prompts: ScriptedPrompts, start: str
) -> None:
    page = _register(qtbot, youth_ws, prompts).youth
    (label,) = [label for label in page.findChildren(QLabel) if label.buddy() is not None]
    assert (label.text(), label.buddy()) == ("Ấ&p/khu phố:", page.hamlet_combo)
    getattr(page, start).setFocus()

    press_alt(qtbot, Qt.Key.Key_P)

    assert QApplication.focusWidget() is page.hamlet_combo
    assert QApplication.activePopupWidget() is None  # no menu opened instead
    qtbot.keyClick(page.hamlet_combo, Qt.Key.Key_Down)  # and the arrows then choose a hamlet
    assert page.hamlet_combo.currentText() == "Ấp Kênh Xáng"
    rows = [page.model.youth_row(r) for r in range(page.model.rowCount())]
    assert [row.full_name for row in rows if row] == ["Đặng Thu Hà", "Trần Thị Thuỷ"]


def test_no_alt_letter_is_taken_twice_where_the_register_shows(
    qtbot: QtBot, youth_ws: Workspace, prompts: ScriptedPrompts
) -> None:
    window = _register(qtbot, youth_ws, prompts)
    found = letters(window)
    assert {"Alt+P", "Alt+K", "Alt+L", "Alt+D", "Alt+C", "Alt+O", "Alt+H", "Alt+N"} <= set(found)
    assert twice(found) == []
