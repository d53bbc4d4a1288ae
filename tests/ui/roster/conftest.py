"""Helpers of the import/export/print GUI tests: the import wizard, on the scripted prompts
(``fake_prompts``) of tests/ui/conftest.py."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.roster.import_wizard import ImportWizard
from scripted import ScriptedPrompts, synchronous_core


@pytest.fixture
def wizard(qtbot: QtBot, ws: Workspace, fake_prompts: ScriptedPrompts) -> ImportWizard:
    """The roster's import wizard on ``ws``, on a synchronous core, at its first page."""
    dialog = ImportWizard(synchronous_core(ws, fake_prompts))
    qtbot.addWidget(dialog)
    return dialog
