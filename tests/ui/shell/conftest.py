"""Helpers of the shell tests: no test leaves a window open behind it (their scripted prompts,
``fake_prompts``, are tests/ui/conftest.py's)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication


@pytest.fixture(autouse=True)
def no_window_left_open(qapp: QApplication) -> Iterator[None]:
    """Fail a test that leaves a window of its own on screen once pytest-qt closed its widgets
    (that close runs before this check): a window that refuses to close (its scripted prompts
    still answer "Ở lại") stays visible for every later test, and a test asserting that no
    window opened (test_app_data_folder) then fails far from the cause."""
    before = [w for w in qapp.topLevelWidgets() if w.isVisible()]
    yield
    left = [
        type(w).__name__
        for w in qapp.topLevelWidgets()
        if w.isVisible() and not any(w is b for b in before)
    ]
    assert left == [], f"windows left open by the test: {left}"
