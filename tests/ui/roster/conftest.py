"""Helpers of the import/export/print GUI tests: scripted prompts and file choices, the import
wizard."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.roster.import_wizard import ImportWizard
from scripted import ScriptedPrompts, synchronous_core


@pytest.fixture
def fake_prompts() -> ScriptedPrompts:
    prompts = ScriptedPrompts()
    prompts.answer = False  # questions are declined unless a test says otherwise
    return prompts


@pytest.fixture
def wizard(qtbot: QtBot, ws: Workspace, fake_prompts: ScriptedPrompts) -> ImportWizard:
    """The roster's import wizard on ``ws``, on a synchronous core, at its first page."""
    dialog = ImportWizard(synchronous_core(ws, fake_prompts))
    qtbot.addWidget(dialog)
    return dialog
