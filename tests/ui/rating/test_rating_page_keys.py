"""The rating page in the main window, by the keyboard alone: Ctrl+6 puts the keyboard in the
grid, where the digits set the levels."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from active_window import active_window, press_ctrl
from doancoso.ui.rating.model import COL_DECIDED
from doancoso.ui.rating.page import RatingPage
from doancoso.ui.shell.main_window import RATING_AREA, MainWindow
from scripted import ScriptedPrompts

from .conftest import SHOWN, YEAR, Round, decided

pytestmark = SHOWN


@pytest.fixture
def window(qtbot: QtBot, rated: Round, prompts: ScriptedPrompts) -> MainWindow:
    """The main window, active, its rating page on the round of 2025."""
    window = active_window(qtbot, rated.ws, prompts)
    window.show_area(RATING_AREA)
    page = window.rating
    page.year_box.setCurrentIndex(page.year_box.findData(YEAR))
    assert page.info is not None and page.model.rowCount() == 6
    window.show_area(0)
    return window


def _page(window: MainWindow) -> RatingPage:
    return window.rating


def test_ctrl_6_puts_the_keyboard_in_the_grid(
    qtbot: QtBot, window: MainWindow, rated: Round
) -> None:
    press_ctrl(qtbot, window, Qt.Key.Key_6)
    page = _page(window)
    assert window.stack.currentWidget() is page
    assert QApplication.focusWidget() is page.view
    assert (page.view.currentIndex().row(), page.view.currentIndex().column()) == (0, COL_DECIDED)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_2)
    assert decided(rated.ws)["Nguyễn Văn An"] == 2
