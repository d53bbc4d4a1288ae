"""Tab in the list of the roster and of the youth register goes on to the next part of the
window, as in every other list of the app, and Shift+Tab comes back to the row chosen. Qt's
tables take Tab for themselves: Tab moved across the row's cells, then chose the next member
(silently: the row is chosen whole), and the keyboard never left the list."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from active_window import active_window
from doancoso.core.workspace import Workspace
from doancoso.ui.shell.main_window import ROSTER, YOUTH_AREA
from scripted import ScriptedPrompts

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.mark.parametrize("area", [ROSTER, YOUTH_AREA], ids=["roster", "youth"])
def test_tab_leaves_the_list_and_shift_tab_comes_back(
    qtbot: QtBot, demo_ws: Workspace, prompts: ScriptedPrompts, area: int
) -> None:
    window = active_window(qtbot, demo_ws, prompts)
    window.go_to_area(area)
    page = window.youth if area == YOUTH_AREA else window.roster
    assert page.model.rowCount() > 2
    page.select_row(1)
    page.table.setFocus()
    chosen = page.selected_ids()
    assert window.focusWidget() is page.table and len(chosen) == 1
    qtbot.keyClick(page.table, Qt.Key.Key_Tab)
    assert window.focusWidget() is not page.table
    assert page.selected_ids() == chosen
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyRelease(window, Qt.Key.Key_Shift)
    assert window.focusWidget() is page.table
    assert page.selected_ids() == chosen
