"""GUI test helpers: scripted prompts instead of modal message boxes; Qt's own strings in
Vietnamese, as in the app."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from doancoso.ui.shell.translator import install_qt_vietnamese
from scripted import ScriptedPrompts


@pytest.fixture(scope="session", autouse=True)
def qt_vietnamese(qapp: QApplication) -> None:
    """The translator the app installs at start-up (``ui.shell.app._application``)."""
    install_qt_vietnamese(qapp)


@pytest.fixture
def prompts() -> ScriptedPrompts:
    return ScriptedPrompts()
