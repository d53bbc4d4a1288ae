"""The "3 chủ động" page's own keys in the main window: "Năm:" has its Alt letter (N, taken by
nothing else the window shows), and Ctrl+Tab / Ctrl+Shift+Tab switch the page's tabs from
anywhere on it, the year box included, where Ctrl+7 leaves the keyboard. Qt's tabs switch only
with the keyboard inside them: from the year box the keys did nothing, and in the register they
went round its three sections only, never back to the checklist. Now the checklist and the
register's sections are one round: "Bảng tự đánh giá", "Tham mưu cấp ủy", "Phối hợp", "Giới
thiệu đoàn viên ưu tú cho Đảng", then the checklist again."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from active_window import active_window, press_ctrl
from doancoso.core.workspace import Workspace
from doancoso.ui.recognition.page import RecognitionPage
from doancoso.ui.shell.main_window import MainWindow
from mnemonics import letters, press_alt, twice
from scripted import ScriptedPrompts

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = CTRL | Qt.KeyboardModifier.ShiftModifier


def _shown_tab(page: RecognitionPage) -> str:
    """The page's tab shown, and for the register its section shown (without its count)."""
    shown = page.tabs.tabText(page.tabs.currentIndex())
    if page.tabs.currentWidget() is page.register:
        section = page.register.tabText(page.register.currentIndex())
        shown += " / " + section.rsplit(" (", 1)[0]
    return shown


def _keyboard_in(widget: QWidget) -> bool:
    focused = QApplication.focusWidget()
    return focused is not None and focused.isVisible() and widget.isAncestorOf(focused)


CHECKLIST = "Bảng tự đánh giá"
REGISTER = "Sổ tham mưu, phối hợp (tiêu chí 3)"
ROUND = [CHECKLIST, f"{REGISTER} / Tham mưu cấp ủy", f"{REGISTER} / Phối hợp",
         f"{REGISTER} / Giới thiệu đoàn viên ưu tú cho Đảng"]  # fmt: skip


def _press(qtbot: QtBot, key: Qt.Key, modifiers: Qt.KeyboardModifier) -> None:
    """``key`` with ``modifiers`` where the keyboard is, then the modifiers let go."""
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, key, modifiers)
    qtbot.keyRelease(QApplication.focusWidget(), Qt.Key.Key_Control)


@pytest.fixture
def window(qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts) -> MainWindow:
    """The main window on "3 chủ động" by its key (the checklist of this year opened)."""
    ws.recognition.open(dt.date.today().year)
    window = active_window(qtbot, ws, prompts)
    press_ctrl(qtbot, window, Qt.Key.Key_7)
    return window


def test_the_year_s_alt_letter(qtbot: QtBot, window: MainWindow) -> None:
    page = window.recognition
    label = page.year_label
    assert label.text() == "&Năm:" and label.buddy() is page.year_combo
    for tab in (page.checklist_stack, page.register):
        page.tabs.setCurrentWidget(tab)
        found = letters(window)
        assert "Alt+N" in found
        assert twice(found) == []
    page.register.advice.add_button.setFocus()
    qtbot.waitUntil(page.register.advice.add_button.hasFocus)
    press_alt(qtbot, Qt.Key.Key_N)
    assert QApplication.focusWidget() is page.year_combo


def test_ctrl_tab_switches_the_tabs_from_the_year_box(qtbot: QtBot, window: MainWindow) -> None:
    page = window.recognition
    assert QApplication.focusWidget() is page.year_combo  # where Ctrl+7 left it
    assert _shown_tab(page) == CHECKLIST
    shown = []
    for _ in ROUND:
        _press(qtbot, Qt.Key.Key_Tab, CTRL)
        shown.append(_shown_tab(page))
        assert QApplication.focusWidget() is page.year_combo  # left where it was
    assert shown == [*ROUND[1:], CHECKLIST]
    shown.clear()
    for _ in ROUND:
        _press(qtbot, Qt.Key.Key_Backtab, CTRL_SHIFT)
        shown.append(_shown_tab(page))
    assert shown == [*reversed(ROUND[1:]), CHECKLIST]
    assert window.stack.currentWidget() is page  # the page stays


def test_ctrl_tab_from_the_register_s_records_goes_on_to_the_checklist(
    qtbot: QtBot, window: MainWindow
) -> None:
    """In a section's table, Ctrl+Tab goes on to the next section, and from the last one back
    to the checklist; the keyboard, in a table now hidden, goes into the tab shown (as Qt's own
    tab switch does)."""
    page = window.recognition
    page.tabs.setCurrentWidget(page.register)
    page.register.setCurrentWidget(page.register.coordination)
    table = page.register.coordination.table
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    _press(qtbot, Qt.Key.Key_Tab, CTRL)
    assert _shown_tab(page) == ROUND[3]
    assert _keyboard_in(page.register.currentWidget())
    _press(qtbot, Qt.Key.Key_Tab, CTRL)
    assert _shown_tab(page) == CHECKLIST
    assert _keyboard_in(page.checklist_stack)
    _press(qtbot, Qt.Key.Key_Backtab, CTRL_SHIFT)
    assert _shown_tab(page) == ROUND[3]
