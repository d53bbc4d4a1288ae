"""The side panel's "Sắp diễn ra" and "Quá hạn chưa ghi kết quả" at 1366×768: every date is
read whole. The chi đoàn meetings all begin "Sinh hoạt chi đoàn ấp …": cut at the panel's
width, they differed only by their dates, and the secretary could not tell whose they were."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QListView
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.calendar.page import SIDE_WIDTH, CalendarPage

from .conftest import add_activity, register_plans, vn

PAGE_WIDTH, PAGE_HEIGHT = 1366 - 150, 768 - 90
"""What the main window leaves the page at 1366×768 (its sidebar, menu and status bar)."""
TITLES = ("Sinh hoạt chi đoàn ấp Tân Thành", "Sinh hoạt chi đoàn ấp Kênh Xáng")


def _hidden_part(view: QListView, row: int) -> str:
    """The text of ``row`` that its line does not show: "" when it is read whole."""
    index = view.model().index(row, 0)
    text = str(index.data())
    rect = view.visualRect(index)
    shown = min(rect.right(), view.viewport().width()) - rect.left()  # the viewport cuts it
    room = shown - view.iconSize().width() - 12  # the icon, its gap and the margins
    needed = view.fontMetrics().boundingRect(
        QRect(0, 0, room, 10_000), Qt.TextFlag.TextWordWrap, text
    )
    return "" if needed.height() <= rect.height() else text


@pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen platform, on show()
def test_what_is_coming_and_overdue_is_read_whole_at_1366(
    qtbot: QtBot, page: CalendarPage, cal_ws: Workspace
) -> None:
    register_plans(cal_ws)  # no plan to recall: the lists have the panel to themselves
    today = dt.date.today()
    for days, title in enumerate(TITLES, start=1):
        add_activity(cal_ws, title, vn(today + dt.timedelta(days=days)), start_time="19:30")
        add_activity(cal_ws, title, vn(today - dt.timedelta(days=days)), start_time="19:30")
    page.resize(PAGE_WIDTH, PAGE_HEIGHT)
    page.show()
    qtbot.waitExposed(page)
    page.splitter.setSizes([PAGE_WIDTH - SIDE_WIDTH, SIDE_WIDTH])  # as in the main window
    assert page.upcoming_list.width() <= SIDE_WIDTH
    page.refresh_reminders()  # written through the core, not announced to the page

    for view in (page.upcoming_list, page.overdue_list):
        assert view.model().rowCount() == 2
        texts = {str(view.model().index(row, 0).data()) for row in range(2)}
        assert {text.split(" · ")[1] for text in texts} == set(TITLES)
        assert [_hidden_part(view, row) for row in range(2)] == ["", ""]
