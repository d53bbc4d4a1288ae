"""A line of the dossier's check followed on the keyboard: "Mở mục 1.2" (Space) leads to the
item with the keyboard on it in the checklist, not left where the hidden button was (the side
bar, where ↓ changed page)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.shell.main_window import DOSSIER_AREA, RATING_AREA, RECOGNITION_AREA, MainWindow
from doancoso.ui.shell.state import UiState
from scripted import ScriptedPrompts, synchronous_core

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _button(window: MainWindow, text: str) -> QPushButton:
    return next(b for b in window.dossier.checks.buttons if b is not None and b.text() == text)


def _press(qtbot: QtBot, button: QPushButton) -> None:
    button.setFocus()
    qtbot.waitUntil(button.hasFocus)
    qtbot.keyClick(button, Qt.Key.Key_Space)


def test_a_checks_button_leaves_the_keyboard_in_the_page_it_opens(
    qtbot: QtBot, dossier_data: Workspace, prompts: ScriptedPrompts
) -> None:
    window = MainWindow(synchronous_core(dossier_data, prompts), UiState(dossier_data.data_dir))
    qtbot.addWidget(window)
    with qtbot.wait_active(window):
        window.show()
        window.activateWindow()
    for area in (RECOGNITION_AREA, RATING_AREA, DOSSIER_AREA):  # each page seen before
        window.show_area(area)
    page = window.dossier
    with qtbot.wait_signal(page.checked):
        page.year_box.setValue(2025)
    _press(qtbot, _button(window, "Mở mục 1.2"))
    recognition = window.recognition
    assert window.stack.currentWidget() is recognition
    assert QApplication.focusWidget() is recognition.tree
    assert recognition.tree.code_at(recognition.tree.currentIndex()) == "1.2"
    qtbot.keyClick(recognition.tree, Qt.Key.Key_Down)  # the next item, on the same page
    assert window.stack.currentWidget() is recognition
    assert recognition.tree.code_at(recognition.tree.currentIndex()) == "1.3"
    assert recognition.item_panel.title.text().startswith("<b>Mục 1.3.</b>")
