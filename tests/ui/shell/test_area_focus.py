"""Ctrl+1 … Ctrl+0 put the keyboard in the page chosen, where its work is (the calendar's month
grid, the roster's table), not in the sidebar, whose ↓ would switch page; a click in the
sidebar keeps the keyboard there."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from active_window import active_window, press_ctrl
from doancoso.core.workspace import Workspace
from doancoso.ui.calendar.page import CalendarPage
from doancoso.ui.shell.main_window import CALENDAR_AREA, ROSTER, MainWindow
from scripted import ScriptedPrompts

# Offscreen, the calendar page's first showing says it cannot size a window to its hints.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def _calendar(window: MainWindow) -> CalendarPage:
    page = window.page(CALENDAR_AREA)
    assert isinstance(page, CalendarPage)
    return page


def test_ctrl_5_puts_the_keyboard_in_the_month_grid(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts
) -> None:
    window = active_window(qtbot, ws, prompts)
    window.sidebar.setFocus()
    press_ctrl(qtbot, window, Qt.Key.Key_5)
    calendar = _calendar(window)
    assert window.stack.currentWidget() is calendar
    assert QApplication.focusWidget() is calendar.month
    first = calendar.month.selected
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Right)
    assert calendar.month.selected == first + dt.timedelta(days=1)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)  # a week on, not another page
    assert calendar.month.selected == first + dt.timedelta(days=8)
    assert window.sidebar.currentRow() == CALENDAR_AREA


def test_ctrl_1_puts_the_keyboard_in_the_roster_table_a_row_chosen(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: Callable[..., str]
) -> None:
    add_member("Nguyễn Văn An", "01/01/2000")
    add_member("Trần Văn Bình", "02/02/2001")
    window = active_window(qtbot, ws, prompts)
    press_ctrl(qtbot, window, Qt.Key.Key_5)
    press_ctrl(qtbot, window, Qt.Key.Key_1)
    assert window.stack.currentWidget() is window.roster
    assert QApplication.focusWidget() is window.roster.table
    assert window.roster.selected_rows() == [0]  # Enter edits it, Delete deletes it
    qtbot.keyClick(window.roster.table, Qt.Key.Key_Down)
    assert window.roster.selected_rows() == [1]
    assert window.sidebar.currentRow() == ROSTER


def test_a_click_in_the_sidebar_keeps_its_keyboard(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts
) -> None:
    window = active_window(qtbot, ws, prompts)
    sidebar = window.sidebar
    item = sidebar.visualItemRect(sidebar.item(CALENDAR_AREA))
    qtbot.mouseClick(sidebar.viewport(), Qt.MouseButton.LeftButton, pos=item.center())
    assert window.stack.currentWidget() is _calendar(window)
    assert QApplication.focusWidget() is sidebar
