"""Thiết lập by keyboard: Ctrl+0 puts the cursor in "Tên Đoàn cơ sở", and Tab goes round the
page through widgets that show the focus only (never the page's scroll area, which shows none)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from active_window import active_window, press_ctrl, shown_active
from doancoso.core.workspace import Workspace
from doancoso.ui.settings.page import SettingsPage
from doancoso.ui.shell.main_window import SETTINGS
from mnemonics import press_alt
from scripted import ScriptedPrompts, synchronous_core

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


def _in_sight(page: SettingsPage, widget: QWidget) -> bool:
    """Whether ``widget`` is whole in the scrolled page's view."""
    content = page.scroll_area.widget()
    assert content is not None
    top = widget.mapTo(content, QPoint(0, 0)).y()
    shown = page.scroll_area.verticalScrollBar().value()
    return shown <= top and top + widget.height() <= shown + page.scroll_area.viewport().height()


def test_tab_to_the_last_button_shows_the_text_below_it(qtbot: QtBot, ws: Workspace) -> None:
    """On a laptop's screen the page scrolls: Tab to "Nhận dữ liệu từ USB…", its last button,
    brings the hint and the version line below it into sight (the page scrolled only as far as
    the button, and nothing the keyboard can reach is below it); Alt+O from there shows "Tên
    Đoàn cơ sở" at the top, the cursor in it (it stayed out of sight)."""
    page = shown_active(qtbot, SettingsPage(synchronous_core(ws, ScriptedPrompts())))
    page.resize(1224, 560)
    bar = page.scroll_area.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    assert not _in_sight(page, page.version_label)
    page.export_bundle_button.setFocus()
    qtbot.keyClick(page.export_bundle_button, Qt.Key.Key_Tab)
    assert _focused() is page.import_bundle_button
    assert _in_sight(page, page.import_bundle_button)
    assert _in_sight(page, page.data_hint) and _in_sight(page, page.version_label)
    press_alt(qtbot, Qt.Key.Key_O)
    name = page.form.editors["name"]
    assert _focused() is name and _in_sight(page, name)
