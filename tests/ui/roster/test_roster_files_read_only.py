"""The roster's "Nhập Excel…" button on data that can only be read: disabled with the reason, as
its action is (the button used to look clickable and do nothing)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.shell.main_window import MainWindow
from doancoso.ui.shell.state import UiState
from read_only_data import TIP, open_read_only
from scripted import ScriptedPrompts, synchronous_core

FILE_BUTTONS = ("Nhập Excel…", "Xuất Excel/CSV…", "In danh sách…")


def _file_buttons(window: MainWindow) -> list[QPushButton]:
    by_text = {b.text(): b for b in window.roster.findChildren(QPushButton)}
    return [by_text[text] for text in FILE_BUTTONS]


def _buttons(window: MainWindow) -> dict[str, bool]:
    return {b.text(): b.isEnabled() for b in _file_buttons(window)}


def test_import_button_is_disabled_on_read_only_data(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts
) -> None:
    data_dir: Path = ws.data_dir
    ws.close()
    stick = open_read_only(data_dir)
    try:
        window = MainWindow(synchronous_core(stick, prompts), UiState(data_dir))
        qtbot.addWidget(window)
        assert _buttons(window) == {
            "Nhập Excel…": False,
            "Xuất Excel/CSV…": True,
            "In danh sách…": True,
        }
        import_button = _file_buttons(window)[0]
        assert import_button.toolTip() == TIP
        opened: list[str] = []
        prompts.dialog_script = lambda dialog: opened.append(dialog.windowTitle())
        import_button.click()
        assert opened == []
    finally:
        stick.close()


def test_import_button_is_enabled_on_writable_data(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts
) -> None:
    window = MainWindow(synchronous_core(ws, prompts), UiState(ws.data_dir))
    qtbot.addWidget(window)
    assert _buttons(window) == {
        "Nhập Excel…": True,
        "Xuất Excel/CSV…": True,
        "In danh sách…": True,
    }
    assert _file_buttons(window)[0].toolTip() == (
        "Nhập đoàn viên từ tệp Excel/CSV, có xem trước (Ctrl+I)"
    )
