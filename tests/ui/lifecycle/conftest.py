"""Helpers for the lifecycle GUI tests: scripted prompts; members added through the core with
the ``add_member`` fixture of tests/conftest.py.

Every event date is in 2025 or earlier so that no test depends on the day it runs.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from scripted import ScriptedPrompts

AddMember = Callable[..., str]
"""The ``add_member`` fixture."""


@pytest.fixture
def prompts() -> ScriptedPrompts:
    return ScriptedPrompts()
