"""The statistics page read by keyboard: Page Down/Up and Ctrl+End/Home scroll the figures
wherever the keyboard is on the page (the day field, a button)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from active_window import shown_active
from doancoso.core.workspace import Workspace
from doancoso.ui.statistics.page import StatisticsPage
from scripted import ScriptedPrompts, synchronous_core

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_page_keys_scroll_the_figures(qtbot: QtBot, demo_ws: Workspace) -> None:
    page = StatisticsPage(synchronous_core(demo_ws, ScriptedPrompts()))
    qtbot.addWidget(page)
    page.resize(1224, 700)  # a 1366×768 screen less the side bar, menus and status bar
    page.show()
    bar = page.scroll_area.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > bar.pageStep() > 0)  # laid out: longer than shown
    assert bar.value() == 0
    for widget in (page.day_edit, page.xlsx_button):
        qtbot.keyClick(widget, Qt.Key.Key_PageDown)
        assert bar.value() == bar.pageStep()
        qtbot.keyClick(widget, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        assert bar.value() == bar.maximum()
        qtbot.keyClick(widget, Qt.Key.Key_PageUp)
        assert bar.value() == bar.maximum() - bar.pageStep()
        qtbot.keyClick(widget, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
        assert bar.value() == 0


def test_tab_leaves_the_tables(qtbot: QtBot, demo_ws: Workspace) -> None:
    """Tab goes from the participation table to the rating table, and on: it moved from cell
    to cell, five a chi đoàn, so that leaving the table took some eighty presses."""
    page = StatisticsPage(synchronous_core(demo_ws, ScriptedPrompts()))
    page.resize(1224, 700)
    shown_active(qtbot, page)
    participation, rating = page.participation_view, page.rating_view
    assert participation.model().rowCount() > 1 and rating.model().rowCount() > 1
    participation.setFocus()
    participation.setCurrentIndex(participation.model().index(0, 0))
    qtbot.keyClick(participation, Qt.Key.Key_Tab)
    assert rating.hasFocus()
    rating.setCurrentIndex(rating.model().index(0, 0))
    qtbot.keyClick(rating, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert participation.hasFocus()


def test_tab_never_stops_on_the_scrolled_figures(qtbot: QtBot, demo_ws: Workspace) -> None:
    """The scroll area shows no focus: a Tab stop there was a press that seemed lost. Tab goes
    round the day field, "Kỳ", the buttons and the two tables only."""
    page = StatisticsPage(synchronous_core(demo_ws, ScriptedPrompts()))
    page.resize(1224, 700)
    shown_active(qtbot, page)
    page.day_edit.setFocus()
    visited: list[QWidget] = []
    for _ in range(14):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        assert focused is not None
        visited.append(focused)
    assert page.scroll_area not in visited and page.scroll_area.viewport() not in visited
    stops = [page.day_edit, page.period_box, page.refresh_button, page.pdf_button,
             page.xlsx_button, page.participation_view, page.rating_view]  # fmt: skip
    assert set(visited) <= set(stops), [w.metaObject().className() for w in visited]
    assert set(visited) == set(stops)


def _shown_whole(page: StatisticsPage, view: QWidget) -> bool:
    """Whether the card of ``view`` (its title and every row) is in sight in the scrolled
    figures."""
    card = view.parentWidget()
    assert card is not None
    top = page.scroll_area.verticalScrollBar().value()
    bottom = top + page.scroll_area.viewport().height()
    return top <= card.y() and card.y() + card.height() <= bottom


def test_a_table_tabbed_into_is_scrolled_into_sight(qtbot: QtBot, demo_ws: Workspace) -> None:
    """Tab from "Xuất Excel…" into the participation table, far below the first screen: the
    figures scroll to it (the keyboard went into a table out of sight, two presses seemingly
    lost), as they do to the rating table after it, and back."""
    page = StatisticsPage(synchronous_core(demo_ws, ScriptedPrompts()))
    page.resize(1224, 700)
    shown_active(qtbot, page)
    bar = page.scroll_area.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > bar.pageStep() > 0)
    participation, rating = page.participation_view, page.rating_view
    assert not _shown_whole(page, participation)  # at first, below the first screen
    page.xlsx_button.setFocus()
    qtbot.keyClick(page.xlsx_button, Qt.Key.Key_Tab)
    assert participation.hasFocus() and _shown_whole(page, participation)
    qtbot.keyClick(participation, Qt.Key.Key_Tab)
    assert rating.hasFocus() and _shown_whole(page, rating)
    qtbot.keyClick(page.day_edit, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    page.day_edit.setFocus()
    qtbot.keyClick(page.day_edit, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert rating.hasFocus() and _shown_whole(page, rating)
