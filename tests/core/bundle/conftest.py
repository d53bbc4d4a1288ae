"""Two real installations of one organisation (two data folders, two installation ids) for the
merge tests, and a way to carry rows from one to the other."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bundle_sync import DEMO_DAY, carry
from doancoso.core.workspace import Workspace


@pytest.fixture
def home(tmp_path: Path) -> Iterator[Workspace]:
    """The organisation's first installation: 40 demo members with their records and files, as
    they stand on :data:`DEMO_DAY`."""
    ws = Workspace.open(tmp_path / "home")
    ws.generate_demo(members=40, seed=3, today=DEMO_DAY)
    yield ws
    ws.close()


@pytest.fixture
def away(tmp_path: Path, home: Workspace) -> Iterator[Workspace]:
    """A second installation that took ``home``'s organisation over by a handover."""
    ws = Workspace.open(tmp_path / "away")
    carry(home, ws)
    yield ws
    ws.close()
