"""Helpers for the lifecycle GUI tests: scripted prompts, members added through the core.

Every event date is in 2025 or earlier so that no test depends on the day it runs.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from doancoso.core.workspace import Workspace
from scripted import ScriptedPrompts

AddMember = Callable[..., str]


@pytest.fixture
def prompts() -> ScriptedPrompts:
    return ScriptedPrompts()


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
