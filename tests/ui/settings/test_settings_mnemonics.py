"""Thiết lập by Alt+letter: each button of the page has its own letter, none taken twice in the
main window (its menus included), and each presses its button from anywhere on the page."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from active_window import active_window, press_ctrl
from doancoso.core.workspace import Workspace
from doancoso.ui.settings.page import SettingsPage
from doancoso.ui.shell.main_window import SETTINGS, MainWindow
from mnemonics import letters, press_alt, twice
from scripted import ScriptedPrompts

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _settings(qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts) -> SettingsPage:
    window = active_window(qtbot, ws, prompts)
    press_ctrl(qtbot, window, Qt.Key.Key_0)
    page = window.page(SETTINGS)
    assert isinstance(page, SettingsPage)
    return page


def test_the_settings_page_s_buttons_have_their_own_letters(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts
) -> None:
    page = _settings(qtbot, ws, prompts)
    assert [b.text() for b in (page.save_button, page.rating_rules_button,
                               page.open_folder_button, page.backups_button,
                               page.export_bundle_button, page.import_bundle_button)] == [
        "&Lưu", "&Quy tắc xếp loại…", "&Mở thư mục", "Sao lưu và &khôi phục…",
        "Xuất dữ liệu ra &USB…", "Nhận &dữ liệu từ USB…",
    ]  # fmt: skip
    window = page.window()
    assert isinstance(window, MainWindow)
    found = letters(window)
    assert {"Alt+L", "Alt+Q", "Alt+M", "Alt+K", "Alt+U", "Alt+D"} <= set(found)
    assert twice(found) == []


def test_alt_letters_open_the_data_folder_and_the_usb_wizards_from_the_name_field(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts
) -> None:
    page = _settings(qtbot, ws, prompts)
    assert QApplication.focusWidget() is page.form.editors["name"]
    opened: list[Path] = []
    page.open_folder = opened.append
    press_alt(qtbot, Qt.Key.Key_M)
    qtbot.waitUntil(lambda: opened == [ws.data_dir])
    titles: list[str] = []

    def seen(dialog: QDialog) -> None:
        titles.append(dialog.windowTitle())

    prompts.dialog_script = seen
    page.form.editors["name"].setFocus()
    press_alt(qtbot, Qt.Key.Key_U)
    qtbot.waitUntil(lambda: titles == ["Xuất dữ liệu ra USB"])
    page.form.editors["name"].setFocus()
    press_alt(qtbot, Qt.Key.Key_D)
    qtbot.waitUntil(lambda: titles == ["Xuất dữ liệu ra USB", "Nhận dữ liệu từ USB"])
