"""Helpers for the lifecycle GUI tests: members added through the core with the ``add_member``
fixture of tests/conftest.py (their scripted prompts are tests/ui/conftest.py's).

Every event date is in 2025 or earlier so that no test depends on the day it runs.
"""

from __future__ import annotations

from collections.abc import Callable

AddMember = Callable[..., str]
"""The ``add_member`` fixture."""
