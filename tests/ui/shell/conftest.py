"""Helpers of the shell tests: scripted prompts (questions declined unless a test says so)."""

from __future__ import annotations

import pytest

from scripted import ScriptedPrompts


@pytest.fixture
def fake_prompts() -> ScriptedPrompts:
    prompts = ScriptedPrompts()
    prompts.answer = False  # questions are declined unless a test says otherwise
    return prompts
