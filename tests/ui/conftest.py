"""GUI test helpers: scripted prompts instead of modal message boxes; Qt's own strings in
Vietnamese, as in the app; the GUI's handle on the test workspace (``core``, synchronous) and
its undo history (a folder's conftest may give ``core`` another workspace)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from doancoso.core.workspace import Workspace
from doancoso.ui.shell.operations import Core
from doancoso.ui.shell.translator import install_qt_vietnamese
from doancoso.ui.shell.undo import UndoHistory
from scripted import ScriptedPrompts, synchronous_core


@pytest.fixture(scope="session", autouse=True)
def qt_vietnamese(qapp: QApplication) -> None:
    """The translator the app installs at start-up (``ui.shell.app._application``)."""
    install_qt_vietnamese(qapp)


_MODIFIER_KEYS = {
    Qt.KeyboardModifier.ControlModifier: Qt.Key.Key_Control,
    Qt.KeyboardModifier.ShiftModifier: Qt.Key.Key_Shift,
    Qt.KeyboardModifier.AltModifier: Qt.Key.Key_Alt,
    Qt.KeyboardModifier.MetaModifier: Qt.Key.Key_Meta,
}


@pytest.fixture(autouse=True)
def no_key_left_held(qapp: QApplication) -> Iterator[None]:
    """Let go of any modifier a test left held. ``qtbot.keyClick(w, Key_P, Ctrl)`` whose key
    opens a dialog, or closes ``w``, never delivers the release of Ctrl to a window: Qt then
    keeps Ctrl held for every later test, whose clicks and ``setCurrentIndex`` act as
    Ctrl+click (a toggle, not a selection) and fail far from the cause."""
    yield
    held = QGuiApplication.keyboardModifiers()
    if held == Qt.KeyboardModifier.NoModifier:
        return
    window = QWidget()
    window.show()
    for modifier, key in _MODIFIER_KEYS.items():
        if held & modifier:
            QTest.keyRelease(window, key)  # without modifiers: none held after it
    window.close()
    window.deleteLater()
    assert QGuiApplication.keyboardModifiers() == Qt.KeyboardModifier.NoModifier


@pytest.fixture
def prompts() -> ScriptedPrompts:
    return ScriptedPrompts()


@pytest.fixture
def fake_prompts() -> ScriptedPrompts:
    """Scripted prompts whose questions are declined unless a test says otherwise."""
    prompts = ScriptedPrompts()
    prompts.answer = False
    return prompts


@pytest.fixture
def core(ws: Workspace, prompts: ScriptedPrompts) -> Core:
    return synchronous_core(ws, prompts)


@pytest.fixture
def history(core: Core) -> UndoHistory:
    return UndoHistory(core)
