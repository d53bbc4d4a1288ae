"""Ctrl+1 … Ctrl+0 put the keyboard in the page chosen, where its work is (the calendar's month
grid, the roster's table), not in the sidebar, whose ↓ would switch page; a click in the
sidebar keeps the keyboard there."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QRadioButton, QWidget
from pytestqt.qtbot import QtBot

from active_window import active_window, press_ctrl
from doancoso.core.workspace import Workspace
from doancoso.ui.calendar.page import CalendarPage
from doancoso.ui.shell.main_window import AREAS, CALENDAR_AREA, ROSTER, MainWindow
from scripted import ScriptedPrompts
from tab_chain import stop_name

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


def _tab_from_sidebar(qtbot: QtBot, window: MainWindow) -> list[QWidget]:
    """The widgets Tab reaches from the sidebar until it is back there."""
    sidebar = window.sidebar
    sidebar.setFocus()
    qtbot.waitUntil(sidebar.hasFocus)
    reached: list[QWidget] = []
    for _ in range(80):
        focused = QApplication.focusWidget()
        assert focused is not None
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
        if (focused := QApplication.focusWidget()) in (sidebar, None):
            break
        reached.append(focused)
    return reached


@pytest.mark.parametrize("area", range(len(AREAS)), ids=AREAS)
def test_tab_from_the_sidebar_goes_through_every_field_and_button_of_the_page(
    qtbot: QtBot, demo_ws: Workspace, prompts: ScriptedPrompts, area: int
) -> None:
    """Tab from the sidebar goes through the page's fields, buttons and lists in their order,
    each once, then back to the sidebar. On the roster, the youth register, the chi đoàn page,
    the calendar and the rating page it went straight to the list (the grid) and from there
    back to the sidebar: the search box, the filters and the buttons above it were out of Tab's
    reach (only Shift+Tab found them)."""
    window = active_window(qtbot, demo_ws, prompts)
    window.go_to_area(area)
    page = window.stack.currentWidget()
    assert page is not None
    takes_tab = [
        widget
        for widget in page.findChildren(QWidget)
        if widget.isVisible() and widget.isEnabled() and widget.focusProxy() is None
        and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        and not (isinstance(widget, QRadioButton) and not widget.isChecked())  # ← → there
    ]  # fmt: skip
    reached = _tab_from_sidebar(qtbot, window)
    assert [stop_name(w) for w in takes_tab if w not in reached] == []
    again = [w for i, w in enumerate(reached) if w in reached[:i] and not isinstance(w, QLabel)]
    assert [stop_name(w) for w in again] == []  # once each (a label's link is a stop of its own)
    assert [w for w in reached if not page.isAncestorOf(w)] == []
