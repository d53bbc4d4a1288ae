"""Enter on a page's button tabbed to presses it, as Space does, on every page of the main
window: Qt's buttons answer Enter by themselves only in a dialog, and a secretary who tabbed to
the roster's "Thêm" or the 3 chủ động register's "Thê&m…" and pressed Enter saw nothing
happen. Enter in a field or a list keeps its own meaning (a list's Enter edits its row)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QPushButton
from pytestqt.qtbot import QtBot

from active_window import active_window
from doancoso.core.workspace import Workspace
from doancoso.ui.shell.main_window import BRANCHES_AREA, RECOGNITION_AREA, ROSTER, MainWindow
from scripted import ScriptedPrompts

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _enter_on(qtbot: QtBot, button: QPushButton, key: Qt.Key) -> None:
    """Tab to ``button`` (from the widget before it), then ``key``."""
    previous = button.previousInFocusChain()
    assert previous is not None
    previous.setFocus()
    qtbot.keyClick(previous, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is button
    qtbot.keyClick(button, key)


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter], ids=["Enter", "keypad"])
def test_enter_on_a_page_s_button_presses_it(
    qtbot: QtBot, demo_ws: Workspace, prompts: ScriptedPrompts, key: Qt.Key
) -> None:
    window: MainWindow = active_window(qtbot, demo_ws, prompts)
    opened: list[str] = []

    def note(dialog: QDialog) -> None:
        opened.append(dialog.windowTitle())
        dialog.reject()

    prompts.dialog_script = note
    window.go_to_area(ROSTER)
    _enter_on(qtbot, window.roster.add_button, key)
    window.go_to_area(BRANCHES_AREA)
    _enter_on(qtbot, window.branches.add_button, key)
    window.go_to_area(RECOGNITION_AREA)
    register = window.recognition.register
    window.recognition.tabs.setCurrentWidget(register)
    _enter_on(qtbot, register.advice.add_button, key)
    assert opened == ["Thêm đoàn viên", "Thêm chi đoàn", "Thêm văn bản tham mưu cấp ủy"]
