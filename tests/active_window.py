"""The main window on a test workspace, shown and active as a user's is: its shortcuts (Ctrl+Z,
Ctrl+Y, Ctrl+N) work only in the active window; and a key pressed with Ctrl that lets Ctrl go
after, as a hand does (Qt otherwise keeps it held for what follows)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.shell.main_window import MainWindow
from doancoso.ui.shell.state import UiState
from scripted import ScriptedPrompts, synchronous_core


def active_window(qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts) -> MainWindow:
    window = MainWindow(synchronous_core(ws, prompts), UiState(ws.data_dir))
    qtbot.addWidget(window)
    with qtbot.wait_active(window):  # shortcuts work only in the active window
        window.show()
        window.activateWindow()
    return window


def press_ctrl(qtbot: QtBot, window: MainWindow, key: Qt.Key) -> None:
    """Ctrl+``key`` on ``window``, then Ctrl let go."""
    qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyRelease(window, Qt.Key.Key_Control)
