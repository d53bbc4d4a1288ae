"""How the statistics tests read what the user reads: the page shown, a day typed in "Số liệu
đến ngày" as a user types it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.statistics.page import StatisticsPage
from scripted import ScriptedPrompts, synchronous_core


def shown_page(qtbot: QtBot, ws: Workspace) -> StatisticsPage:
    """The statistics page over ``ws``, shown (on today's figures)."""
    page = StatisticsPage(synchronous_core(ws, ScriptedPrompts()))
    qtbot.addWidget(page)
    page.show()
    return page


def type_day(qtbot: QtBot, page: StatisticsPage, typed: str) -> None:
    """``typed`` over the day field's text, then Enter: the figures counted on it."""
    page.day_edit.setFocus()
    page.day_edit.selectAll()
    qtbot.keyClicks(page.day_edit, typed)
    qtbot.keyClick(page.day_edit, Qt.Key.Key_Return)
