"""The main window on a test workspace (or any window), shown and active as a user's is: its
shortcuts (Ctrl+Z, Ctrl+Y, Ctrl+N) and Alt letters work only in the active window; and a key
pressed with Ctrl that lets Ctrl go after, as a hand does (Qt otherwise keeps it held for what
follows)."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.shell.main_window import MainWindow
from doancoso.ui.shell.state import UiState
from scripted import ScriptedPrompts, synchronous_core

Shown = TypeVar("Shown", bound=QWidget)


def shown_active(qtbot: QtBot, widget: Shown) -> Shown:
    """``widget`` shown, as the active window (closed with the test), a dialog over another
    window included."""
    qtbot.addWidget(widget)
    widget.show()
    widget.activateWindow()
    # Shortcuts work only in the active window. (qtbot.wait_active returns before a dialog
    # with a parent window is active: what was pressed then went to the window behind it.)
    qtbot.waitUntil(widget.isActiveWindow)
    return widget


def active_window(qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts) -> MainWindow:
    return shown_active(qtbot, MainWindow(synchronous_core(ws, prompts), UiState(ws.data_dir)))


def press_ctrl(qtbot: QtBot, window: MainWindow, key: Qt.Key) -> None:
    """Ctrl+``key`` on ``window``, then Ctrl let go."""
    qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyRelease(window, Qt.Key.Key_Control)
