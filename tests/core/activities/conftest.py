"""Helpers for the plans, calendar and attendance tests: every date is in 2025 so that no test
depends on the day it runs (attendance is refused for dates in the future)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from doancoso.core.workspace import Workspace

AddMember = Callable[..., str]


@pytest.fixture
def branch_ids(ws: Workspace) -> dict[str, str]:
    return {name: ws.branches.create(name).id for name in ("Chi đoàn ấp 1", "Chi đoàn ấp 2")}


@pytest.fixture
def add_member(ws: Workspace, branch_ids: dict[str, str]) -> AddMember:
    """``add_member("Nguyễn Văn An", branch="Chi đoàn ấp 1", admitted="01/01/2020")``."""

    def add(name: str, branch: str = "Chi đoàn ấp 1", admitted: str = "01/01/2020") -> str:
        return ws.members.save(
            {"full_name": name, "birth_date": "01/01/2000", "branch_id": branch_ids[branch],
             "admission_date": admitted}
        )  # fmt: skip

    return add
