"""The calendar's key (Ctrl+5) while its "Danh sách" tab shows: the keyboard goes into the list,
a row chosen, so that Enter opens it (as the month tab puts it in the grid, on its day)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from active_window import active_window, press_ctrl
from doancoso.core.workspace import Workspace
from doancoso.ui.calendar.agenda import COL_DATE, COL_TITLE
from doancoso.ui.calendar.occurrence_dialog import OccurrenceDialog
from doancoso.ui.calendar.page import CalendarPage
from doancoso.ui.shell.main_window import CALENDAR_AREA, MainWindow
from scripted import ScriptedPrompts

from .conftest import add_activity

# Offscreen, the calendar page's first showing says it cannot size a window to its hints.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def _calendar(window: MainWindow) -> CalendarPage:
    page = window.page(CALENDAR_AREA)
    assert isinstance(page, CalendarPage)
    return page


def _list_tab_on(qtbot: QtBot, window: MainWindow, day: dt.date) -> CalendarPage:
    """The calendar shown on ``day``, its "Danh sách" tab chosen with the keyboard, then the
    keyboard left in the sidebar."""
    press_ctrl(qtbot, window, Qt.Key.Key_5)
    calendar = _calendar(window)
    calendar.show_date(day)
    assert QApplication.focusWidget() is calendar.month
    qtbot.keyClick(calendar.month, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyRelease(calendar.month, Qt.Key.Key_Control)  # Ctrl+Tab: the tab widget's next tab
    assert calendar.tabs.tabText(calendar.tabs.currentIndex()) == "Danh sách"
    window.sidebar.setFocus()
    return calendar


def _chosen(calendar: CalendarPage) -> list[tuple[str, str]]:
    model = calendar.agenda_model
    return [
        (model.index(i.row(), COL_DATE).data(), model.index(i.row(), COL_TITLE).data())
        for i in calendar.agenda.selectionModel().selectedRows()
    ]


def test_ctrl_5_on_the_list_tab_puts_the_keyboard_in_the_list_on_the_day_shown(
    qtbot: QtBot, cal_ws: Workspace, prompts: ScriptedPrompts
) -> None:
    add_activity(cal_ws, "Họp Ban Chấp hành", "03/03/2026")
    add_activity(cal_ws, "Ra quân Ngày Chủ nhật xanh", "15/03/2026")
    add_activity(cal_ws, "Sinh hoạt chi đoàn", "24/03/2026")
    window = active_window(qtbot, cal_ws, prompts)
    calendar = _list_tab_on(qtbot, window, dt.date(2026, 3, 10))

    press_ctrl(qtbot, window, Qt.Key.Key_5)

    assert QApplication.focusWidget() is calendar.agenda
    assert _chosen(calendar) == [("CN 15/03/2026", "Ra quân Ngày Chủ nhật xanh")]
    opened: list[str] = []

    def note_title(dialog: QDialog) -> None:
        assert isinstance(dialog, OccurrenceDialog)
        opened.append(dialog.detail.row.title)

    prompts.dialog_script = note_title
    qtbot.keyClick(calendar.agenda, Qt.Key.Key_Return)
    assert opened == ["Ra quân Ngày Chủ nhật xanh"]
    qtbot.keyClick(calendar.agenda, Qt.Key.Key_Down)
    qtbot.keyClick(calendar.agenda, Qt.Key.Key_Return)
    assert opened == ["Ra quân Ngày Chủ nhật xanh", "Sinh hoạt chi đoàn"]


def test_ctrl_5_keeps_the_row_the_user_chose_in_the_list(
    qtbot: QtBot, cal_ws: Workspace, prompts: ScriptedPrompts
) -> None:
    add_activity(cal_ws, "Họp Ban Chấp hành", "03/03/2026")
    add_activity(cal_ws, "Ra quân Ngày Chủ nhật xanh", "15/03/2026")
    window = active_window(qtbot, cal_ws, prompts)
    calendar = _list_tab_on(qtbot, window, dt.date(2026, 3, 10))
    press_ctrl(qtbot, window, Qt.Key.Key_5)
    qtbot.keyClick(calendar.agenda, Qt.Key.Key_Up)
    press_ctrl(qtbot, window, Qt.Key.Key_1)

    press_ctrl(qtbot, window, Qt.Key.Key_5)

    assert QApplication.focusWidget() is calendar.agenda
    assert _chosen(calendar) == [("T3 03/03/2026", "Họp Ban Chấp hành")]


def test_ctrl_5_after_the_last_activity_chooses_the_last_row(
    qtbot: QtBot, cal_ws: Workspace, prompts: ScriptedPrompts
) -> None:
    add_activity(cal_ws, "Họp Ban Chấp hành", "03/03/2026")
    add_activity(cal_ws, "Ra quân Ngày Chủ nhật xanh", "15/03/2026")
    window = active_window(qtbot, cal_ws, prompts)
    calendar = _list_tab_on(qtbot, window, dt.date(2026, 3, 28))

    press_ctrl(qtbot, window, Qt.Key.Key_5)

    assert QApplication.focusWidget() is calendar.agenda
    assert _chosen(calendar) == [("CN 15/03/2026", "Ra quân Ngày Chủ nhật xanh")]


def test_back_on_the_month_tab_ctrl_5_puts_the_keyboard_in_the_grid(
    qtbot: QtBot, cal_ws: Workspace, prompts: ScriptedPrompts
) -> None:
    window = active_window(qtbot, cal_ws, prompts)
    calendar = _list_tab_on(qtbot, window, dt.date(2026, 3, 10))
    calendar.tabs.setCurrentWidget(calendar.month)
    window.sidebar.setFocus()

    press_ctrl(qtbot, window, Qt.Key.Key_5)

    assert QApplication.focusWidget() is calendar.month
    assert calendar.month.selected == dt.date(2026, 3, 10)


def _searched(qtbot: QtBot, window: MainWindow, calendar: CalendarPage, text: str) -> None:
    """Ctrl+F, then ``text`` typed in the calendar's search box (its pause not waited for)."""
    press_ctrl(qtbot, window, Qt.Key.Key_F)
    assert QApplication.focusWidget() is calendar.search
    qtbot.keyClicks(calendar.search, text)


def test_enter_in_the_search_box_goes_to_the_first_day_found_in_the_month(
    qtbot: QtBot, cal_ws: Workspace, prompts: ScriptedPrompts
) -> None:
    add_activity(cal_ws, "Sinh hoạt chi đoàn", "10/03/2026")
    add_activity(cal_ws, "Họp chi đoàn ấp Tân Hưng", "18/03/2026")
    add_activity(cal_ws, "Họp chi đoàn ấp Kênh Xáng", "25/03/2026")
    window = active_window(qtbot, cal_ws, prompts)
    press_ctrl(qtbot, window, Qt.Key.Key_5)
    calendar = _calendar(window)
    calendar.show_date(dt.date(2026, 3, 2))
    _searched(qtbot, window, calendar, "hop chi doan")

    qtbot.keyClick(calendar.search, Qt.Key.Key_Return)

    assert QApplication.focusWidget() is calendar.month
    assert calendar.month.selected == dt.date(2026, 3, 18)
    opened: list[str] = []

    def note_title(dialog: QDialog) -> None:
        assert isinstance(dialog, OccurrenceDialog)
        opened.append(dialog.detail.row.title)

    prompts.dialog_script = note_title
    qtbot.keyClick(calendar.month, Qt.Key.Key_Return)
    assert opened == ["Họp chi đoàn ấp Tân Hưng"]


def test_down_in_the_search_box_goes_to_the_first_row_found_in_the_list(
    qtbot: QtBot, cal_ws: Workspace, prompts: ScriptedPrompts
) -> None:
    add_activity(cal_ws, "Sinh hoạt chi đoàn", "10/03/2026")
    add_activity(cal_ws, "Họp chi đoàn ấp Tân Hưng", "18/03/2026")
    add_activity(cal_ws, "Họp chi đoàn ấp Kênh Xáng", "25/03/2026")
    window = active_window(qtbot, cal_ws, prompts)
    calendar = _list_tab_on(qtbot, window, dt.date(2026, 3, 28))
    _searched(qtbot, window, calendar, "hop chi doan")

    qtbot.keyClick(calendar.search, Qt.Key.Key_Down)

    assert QApplication.focusWidget() is calendar.agenda
    assert _chosen(calendar) == [("T4 18/03/2026", "Họp chi đoàn ấp Tân Hưng")]


def test_enter_in_the_search_box_with_nothing_found_in_the_year_stays_there(
    qtbot: QtBot, cal_ws: Workspace, prompts: ScriptedPrompts
) -> None:
    """Found only in another year: Enter stays (found in another month of the year shown, it
    goes there, see test_calendar_search)."""
    add_activity(cal_ws, "Họp chi đoàn ấp Tân Hưng", "18/04/2027")
    window = active_window(qtbot, cal_ws, prompts)
    press_ctrl(qtbot, window, Qt.Key.Key_5)
    calendar = _calendar(window)
    calendar.show_date(dt.date(2026, 3, 2))
    _searched(qtbot, window, calendar, "hop chi doan")

    qtbot.keyClick(calendar.search, Qt.Key.Key_Return)

    assert QApplication.focusWidget() is calendar.search
    assert calendar.month.selected == dt.date(2026, 3, 2)
    assert calendar.month_model.shown() == []


def test_the_month_arrows_are_named_for_a_screen_reader(page: CalendarPage) -> None:
    """The month's arrows show only an icon: a screen reader named them nothing. Each has its
    name, and its tooltip names its key."""
    page.show()
    named = []
    for button in (page.previous_button, page.next_button):
        reader = QAccessible.queryAccessibleInterface(button)
        assert reader is not None
        named.append((reader.text(QAccessible.Text.Name), button.toolTip()))
    assert named == [
        ("Tháng trước", "Tháng trước (Page Up)"),
        ("Tháng sau", "Tháng sau (Page Down)"),
    ]
