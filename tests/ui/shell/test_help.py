"""Trợ giúp → "Hướng dẫn nhanh và phím tắt…" (F1): what a secretary new to the app does first,
in the order of the work, and every key of the menus, read from the menus themselves."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from active_window import active_window
from doancoso.core.workspace import Workspace
from doancoso.ui.shell.help import HelpDialog
from doancoso.ui.shell.main_window import MainWindow
from scripted import ScriptedPrompts

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise")


def _help_menu(window: MainWindow) -> QMenu:
    menus = {a.text(): a.menu() for a in window.menuBar().actions()}
    menu = menus["Trợ &giúp"]
    assert isinstance(menu, QMenu)
    return menu


def test_f1_opens_the_quick_guide_with_the_keys_of_the_menus(
    qtbot: QtBot, demo_ws: Workspace, prompts: ScriptedPrompts
) -> None:
    window = active_window(qtbot, demo_ws, prompts)
    menu = _help_menu(window)
    assert [a.text() for a in menu.actions()] == ["&Hướng dẫn nhanh và phím tắt…", "&Giới thiệu…"]
    assert menu.actions()[0].shortcut() == QKeySequence("F1")
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = window.findChild(HelpDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowTitle() == "Hướng dẫn nhanh và phím tắt"
    text = dialog.text.toPlainText()
    assert "1. Nhập danh sách đoàn viên: trang Đoàn viên, Tệp → Nhập đoàn viên từ Excel…" in text
    assert "Sửa → Hoàn tác (Ctrl+Z) lấy lại thao tác vừa làm." in text
    assert f"Thư mục dữ liệu: {demo_ws.data_dir}" in text
    rows = dialog.key_rows
    assert ("Xem → Thiết lập", "Ctrl+0") in rows
    assert ("Sửa → Hoàn tác", "Ctrl+Z") in rows
    assert ("Tệp → Thêm… (trên trang đang xem)", "Ctrl+N") in rows
    assert ("Đoàn viên → Chuyển chi đoàn (trên trang Đoàn viên)", "Ctrl+M") in rows
    assert ("Trợ giúp → Hướng dẫn nhanh và phím tắt", "F1") in rows
    assert ("Tệp → Thoát", "Ctrl+Q") in rows  # Qt's own Quit key is none on Windows
    for name, key in rows:  # each on its line of the table, its key beside it
        assert f"\n{name}\n{key}\n" in text
    # A second F1 brings the same window back rather than opening another.
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert window.findChildren(HelpDialog) == [dialog] and dialog.isVisible()
    dialog.close()


def test_a_page_s_keys_say_where_they_work(
    qtbot: QtBot, demo_ws: Workspace, prompts: ScriptedPrompts
) -> None:
    """Enter and Delete edit and delete a member in the roster's list only (not in its search
    box, nor on another page), Ctrl+M and Ctrl+G anywhere on the roster's page: the list says
    so, read from where each key is set to work; the window's keys say nothing more."""
    window = active_window(qtbot, demo_ws, prompts)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = window.findChild(HelpDialog)
    assert dialog is not None
    members = [row for row in dialog.key_rows if row[0].startswith("Đoàn viên →")]
    assert members == [
        ("Đoàn viên → Sửa đoàn viên (trong danh sách ở trang Đoàn viên)", "Enter"),
        ("Đoàn viên → Xóa đoàn viên (trong danh sách ở trang Đoàn viên)", "Delete"),
        ("Đoàn viên → Chuyển chi đoàn (trên trang Đoàn viên)", "Ctrl+M"),
        ("Đoàn viên → Ghi sự kiện (trên trang Đoàn viên)", "Ctrl+G"),
        ("Đoàn viên → Tìm kiếm", "Ctrl+F"),
    ]
    text = dialog.text.toPlainText()
    assert "\nĐoàn viên → Xóa đoàn viên (trong danh sách ở trang Đoàn viên)\nDelete\n" in text
    assert ("Sửa → Hoàn tác", "Ctrl+Z") in dialog.key_rows
    dialog.close()
