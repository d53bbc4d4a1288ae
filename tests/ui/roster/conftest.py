"""Helpers of the import/export/print GUI tests: scripted prompts and file choices."""

from __future__ import annotations

import pytest

from scripted import ScriptedPrompts


@pytest.fixture
def fake_prompts() -> ScriptedPrompts:
    prompts = ScriptedPrompts()
    prompts.answer = False  # questions are declined unless a test says otherwise
    return prompts
