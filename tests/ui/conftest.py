"""GUI test helpers: scripted prompts instead of modal message boxes."""

from __future__ import annotations

import pytest

from scripted import ScriptedPrompts


@pytest.fixture
def prompts() -> ScriptedPrompts:
    return ScriptedPrompts()
