"""Helpers of the import/export/print GUI tests: scripted prompts and file choices."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest
from PySide6.QtWidgets import QDialog, QWidget

from doancoso.ui.prompts import Prompts


class FakePrompts(Prompts):
    """Answers questions from attributes and records every message shown."""

    def __init__(self) -> None:
        self.answer = False
        self.dialog_script: Callable[[QDialog], None] | None = None
        self.asked: list[str] = []
        self.errors: list[str] = []
        self.infos: list[str] = []

    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool:
        self.asked.append(text)
        return self.answer

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        self.errors.append(text)

    def information(self, parent: QWidget | None, title: str, text: str) -> None:
        self.infos.append(text)

    def choose(
        self, parent: QWidget | None, title: str, label: str, items: Sequence[str]
    ) -> int | None:
        return None

    def run(self, dialog: QDialog) -> int:
        if self.dialog_script is not None:
            self.dialog_script(dialog)
        return dialog.result()


@pytest.fixture
def fake_prompts() -> FakePrompts:
    return FakePrompts()
