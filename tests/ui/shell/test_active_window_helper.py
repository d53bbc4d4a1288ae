"""The tests' ``shown_active`` returns once the window it shows is the active one, a dialog
opened over the main window included: an Alt letter pressed then lands in the dialog, not in
the main window behind it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from active_window import active_window, shown_active
from doancoso.core.workspace import Workspace
from doancoso.ui.rating.rules_dialog import RulesDialog
from mnemonics import press_alt
from scripted import ScriptedPrompts, synchronous_core

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_a_dialog_over_the_main_window_is_active_once_shown(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts
) -> None:
    window = active_window(qtbot, ws, prompts)
    dialog = shown_active(qtbot, RulesDialog(synchronous_core(ws, prompts), window))
    assert QApplication.activeWindow() is dialog
    exported: list[bool] = []
    dialog.ask_save_path = lambda: exported.append(True)  # type: ignore[method-assign]
    press_alt(qtbot, Qt.Key.Key_X)  # "&Xuất quy tắc…" (a button's letter clicks it a moment later)
    qtbot.waitUntil(lambda: exported == [True])
