"""Helpers for the lifecycle GUI tests: scripted prompts, members added through the core.

Every event date is in 2025 or earlier so that no test depends on the day it runs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest
from PySide6.QtWidgets import QDialog, QWidget

from doancoso.core.workspace import Workspace
from doancoso.ui.prompts import Prompts

AddMember = Callable[..., str]


class LifePrompts(Prompts):
    """Answers questions from attributes, records every message, scripts dialogs."""

    def __init__(self) -> None:
        self.answer = True
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
def prompts() -> LifePrompts:
    return LifePrompts()


@pytest.fixture
def add_member(ws: Workspace) -> AddMember:
    """``add_member("Nguyễn Văn An", "01/01/2000", branch="A")``: the new member's id."""
    branches: dict[str, str] = {}

    def add(name: str, birth: str, branch: str | None = None, **fields: str) -> str:
        raw = {"full_name": name, "birth_date": birth, **fields}
        if branch is not None:
            if branch not in branches:
                branches[branch] = ws.branches.create(branch).id
            raw["branch_id"] = branches[branch]
        return ws.members.save(raw)

    return add
