"""Thiết lập by keyboard: Ctrl+0 puts the cursor in "Tên Đoàn cơ sở", and Tab goes round the
page through widgets that show the focus only (never the page's scroll area, which shows none)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from active_window import active_window, press_ctrl
from doancoso.core.workspace import Workspace
from doancoso.ui.settings.page import SettingsPage
from doancoso.ui.shell.main_window import SETTINGS
from scripted import ScriptedPrompts

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def test_ctrl_0_puts_the_cursor_in_the_organisation_name_and_tab_skips_the_frame(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts
) -> None:
    window = active_window(qtbot, ws, prompts)
    press_ctrl(qtbot, window, Qt.Key.Key_0)
    page = window.page(SETTINGS)
    assert isinstance(page, SettingsPage)
    name = page.form.editors["name"]
    assert _focused() is name
    qtbot.keyClicks(name, "Doan xa Tan Hung")
    assert name.text() == "Doan xa Tan Hung"
    stops: list[QWidget] = []
    for _ in range(200):  # round the window once
        qtbot.keyClick(_focused(), Qt.Key.Key_Tab)
        if _focused() is name:
            break
        stops.append(_focused())
    assert _focused() is name
    assert page.save_button in stops
    assert page.scroll_area not in stops
