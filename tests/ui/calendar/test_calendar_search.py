"""The calendar's search box by the keyboard: Esc empties it (a second Esc goes on to the
window, as before)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.calendar.page import CalendarPage
from doancoso.ui.shell.operations import Core
from doancoso.ui.shell.undo import UndoHistory

from .conftest import add_activity

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


class Holder(QWidget):
    """The page's parent, noting the keys that reach it (what the page let go on)."""

    def __init__(self) -> None:
        super().__init__()
        self.keys: list[int] = []

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        self.keys.append(event.key())


def _shown(qtbot: QtBot, core: Core, history: UndoHistory) -> tuple[Holder, CalendarPage]:
    holder = Holder()
    page = CalendarPage(core, history)
    QVBoxLayout(holder).addWidget(page)
    qtbot.addWidget(holder)
    holder.resize(1300, 700)
    with qtbot.wait_active(holder):
        holder.show()
        holder.activateWindow()
    return holder, page


def _search(qtbot: QtBot, page: CalendarPage, text: str) -> None:
    page.search.setFocus()
    qtbot.keyClicks(page.search, text)
    page.apply_filter()  # the user's pause


def test_esc_empties_the_search_then_goes_on(
    qtbot: QtBot, core: Core, history: UndoHistory, cal_ws: Workspace
) -> None:
    add_activity(cal_ws, "Sinh hoạt chi đoàn", "10/03/2026")
    add_activity(cal_ws, "Hiến máu tình nguyện", "18/03/2026")
    holder, page = _shown(qtbot, core, history)
    page.show_date(dt.date(2026, 3, 2))
    _search(qtbot, page, "hien mau")
    assert [r.title for r in page.month_model.shown()] == ["Hiến máu tình nguyện"]

    qtbot.keyClick(page.search, Qt.Key.Key_Escape)

    assert page.search.text() == "" and holder.keys == []
    assert [r.title for r in page.month_model.shown()] == [
        "Sinh hoạt chi đoàn", "Hiến máu tình nguyện",
    ]  # fmt: skip
    assert QApplication.focusWidget() is page.search
    qtbot.keyClick(page.search, Qt.Key.Key_Escape)
    assert holder.keys == [Qt.Key.Key_Escape]
