"""GUI test helpers: scripted prompts instead of modal message boxes; Qt's own strings in
Vietnamese, as in the app; the GUI's handle on the test workspace (``core``, synchronous) and
its undo history (a folder's conftest may give ``core`` another workspace)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from doancoso.core.workspace import Workspace
from doancoso.ui.shell.operations import Core
from doancoso.ui.shell.translator import install_qt_vietnamese
from doancoso.ui.shell.undo import UndoHistory
from scripted import ScriptedPrompts, synchronous_core


@pytest.fixture(scope="session", autouse=True)
def qt_vietnamese(qapp: QApplication) -> None:
    """The translator the app installs at start-up (``ui.shell.app._application``)."""
    install_qt_vietnamese(qapp)


@pytest.fixture
def prompts() -> ScriptedPrompts:
    return ScriptedPrompts()


@pytest.fixture
def core(ws: Workspace, prompts: ScriptedPrompts) -> Core:
    return synchronous_core(ws, prompts)


@pytest.fixture
def history(core: Core) -> UndoHistory:
    return UndoHistory(core)
