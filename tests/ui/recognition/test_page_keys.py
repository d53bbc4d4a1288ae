"""The "3 chủ động" page's own keys in the main window: "Năm:" has its Alt letter (N, taken by
nothing else the window shows)."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QApplication, QGroupBox, QLabel, QWidget
from pytestqt.qtbot import QtBot

from active_window import active_window, press_ctrl
from doancoso.core.workspace import Workspace
from doancoso.ui.recognition.page import RecognitionPage
from doancoso.ui.shell.main_window import MainWindow
from scripted import ScriptedPrompts

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = CTRL | Qt.KeyboardModifier.ShiftModifier


def _letters(window: MainWindow) -> list[str]:
    """The Alt+letters the window shows: its menus', its visible labels', buttons', boxes'."""
    texts = [action.text() for action in window.menuBar().actions()]
    for widget in window.findChildren(QWidget):
        if isinstance(widget, QLabel | QAbstractButton) and widget.isVisible():
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox) and widget.isVisible():
            texts.append(widget.title())
    return [QKeySequence.mnemonic(t).toString() for t in texts if "&" in t.replace("&&", "")]


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
        found = _letters(window)
        assert "Alt+N" in found
        assert [letter for letter, count in Counter(found).items() if count > 1] == []
    page.register.advice.add_button.setFocus()
    qtbot.waitUntil(page.register.advice.add_button.hasFocus)
    qtbot.keyClick(page.register.advice.add_button, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    qtbot.keyRelease(QApplication.focusWidget(), Qt.Key.Key_Alt)
    assert QApplication.focusWidget() is page.year_combo
