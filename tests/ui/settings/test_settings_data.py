"""Where the data are kept and the app's version: on Thiết lập, and in Trợ giúp → Giới thiệu."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from doancoso import __version__
from doancoso.core.workspace import Workspace
from doancoso.ui.settings.page import SettingsPage
from doancoso.ui.shell.main_window import MainWindow
from doancoso.ui.shell.state import UiState
from read_only_data import TIP, open_read_only
from scripted import ScriptedPrompts, synchronous_core


def test_settings_show_the_data_folder_and_open_it(qtbot: QtBot, ws: Workspace) -> None:
    page = SettingsPage(synchronous_core(ws))
    qtbot.addWidget(page)
    assert page.data_dir_label.text() == str(ws.data_dir)
    assert page.version_label.text() == f"Phiên bản {__version__}"
    opened: list[Path] = []
    page.open_folder = opened.append
    assert page.open_folder_button.text() == "&Mở thư mục"
    page.open_folder_button.click()
    assert opened == [ws.data_dir]


def test_help_menu_about_names_the_app_version_licences_and_data_folder(
    qtbot: QtBot, ws: Workspace
) -> None:
    prompts = ScriptedPrompts()
    window = MainWindow(synchronous_core(ws, prompts), UiState(ws.data_dir))
    qtbot.addWidget(window)
    menus = {m.title(): m for m in window.menuBar().findChildren(QMenu)}
    help_menu = menus["Trợ &giúp"]
    assert [a.text() for a in help_menu.actions()][-1] == "&Giới thiệu…"
    help_menu.actions()[-1].trigger()
    assert prompts.infos == [
        "Đoàn cơ sở 3 chủ động (doancoso)\n"
        f"Phiên bản {__version__}\n\n"
        "Quản lý đoàn viên, thanh niên địa phương, thống kê và văn bản của Đoàn cơ sở. "
        "Chạy hoàn toàn trên máy, không cần Internet.\n\n"
        "Giấy phép: MIT.\n"
        "Phông chữ Liberation Serif trên văn bản in: giấy phép SIL Open Font License 1.1.\n"
        "Giao diện dùng Qt for Python (PySide6), giấy phép LGPL 3.\n\n"
        f"Thư mục dữ liệu:\n{ws.data_dir}"
    ]


def test_on_read_only_data_nhan_du_lieu_is_disabled_and_says_why(
    qtbot: QtBot, ws: Workspace
) -> None:
    """On a write-protected stick "Nhận dữ liệu từ USB…" can only be refused: the button of
    Thiết lập is disabled and says why, as the Tệp menu's item does; the export stays."""
    ws.close()
    read_only = open_read_only(ws.data_dir)
    try:
        window = MainWindow(synchronous_core(read_only), UiState(read_only.data_dir))
        qtbot.addWidget(window)
        page = window.settings
        assert not page.import_bundle_button.isEnabled()
        assert page.import_bundle_button.toolTip() == TIP
        assert window.import_bundle_action.toolTip() == TIP
        assert page.export_bundle_button.isEnabled() and page.export_bundle_button.toolTip() == ""
    finally:
        read_only.close()
