"""Shared fixtures. Tests never touch the real user folder: HOME and the XDG folders point to a
temporary folder for the whole session, and each test gets its own data folder."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # set by the tests themselves, before Qt loads
_SANDBOX = Path(tempfile.mkdtemp(prefix="doancoso-test-home-"))
atexit.register(shutil.rmtree, _SANDBOX, ignore_errors=True)  # one per run, not one left per run
for _var in ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    os.environ[_var] = str(_SANDBOX / _var.lower())

from doancoso.core.organization import OrganizationInfo  # noqa: E402
from doancoso.core.storage import temp as app_temp  # noqa: E402
from doancoso.core.workspace import Workspace  # noqa: E402

TAN_HUNG = OrganizationInfo(
    name="Đoàn xã Tân Hưng",
    superior_name="Tỉnh đoàn Cà Mau",
    superior_short="TĐ",
    commune="Tân Hưng",
    province="Cà Mau",
    secretary_name="Nguyễn Thị Như Quỳnh",
)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def empty_ws(data_dir: Path) -> Iterator[Workspace]:
    """A new workspace with no organisation yet (first start)."""
    ws = Workspace.open(data_dir)
    yield ws
    ws.close()


@pytest.fixture
def ws(empty_ws: Workspace) -> Workspace:
    """A workspace with the Tân Hưng organisation set up and no members."""
    empty_ws.organization.create(TAN_HUNG)
    return empty_ws


@pytest.fixture
def demo_ws(empty_ws: Workspace) -> Workspace:
    """A workspace with 300 demo members (seed 1)."""
    empty_ws.generate_demo(members=300, seed=1)
    return empty_ws


@pytest.fixture
def in_vietnam(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The process's time zone Việt Nam's for the test: moments stored in UTC read as a
    secretary there reads them."""
    monkeypatch.setenv("TZ", "Asia/Ho_Chi_Minh")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def add_member(ws: Workspace) -> Callable[..., str]:
    """``add_member("Nguyễn Văn An", "01/01/2000", branch="A", **fields)``: the new member's id
    (the chi đoàn made on first use); the lifecycle tests' members, of core and GUI alike."""
    branches: dict[str, str] = {}

    def add(name: str, birth: str, branch: str | None = None, **fields: str) -> str:
        raw = {"full_name": name, "birth_date": birth, **fields}
        if branch is not None:
            if branch not in branches:
                branches[branch] = ws.branches.create(branch).id
            raw["branch_id"] = branches[branch]
        return ws.members.save(raw)

    return add


@pytest.fixture
def temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The system's temporary folder of this test, and no session of the app begun yet."""
    folder = tmp_path / "Temp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    monkeypatch.setattr(app_temp, "_session", None)
    yield folder
