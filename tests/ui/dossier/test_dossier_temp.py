"""The dossier's parts, written one by one before they are put together, hold members' personal
data: they are written in the page's folder in the app's own temporary folder (its session's,
:mod:`doancoso.ui.common.temp_copies`), never in the system's temporary folder, so that a build
cut short by a crash or a power cut leaves them where the app's next start removes them."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.common.temp_copies import APP_TEMP, remove_old_copies
from doancoso.ui.dossier.page import DossierPage

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

# A session of the app building the dossier, cut off (as by a power cut) after its first part
# is written: it prints its folder of the parts, then ends at once, nothing cleaned up.
_CUT_SHORT = """
import os
import sys
import tempfile
from pathlib import Path

tempfile.tempdir = sys.argv[1]
from doancoso.core.workspace import Workspace
from doancoso.reports.dossier.build import build_dossier
from doancoso.ui.common.temp_copies import session_folder

ws = Workspace.open(Path(sys.argv[2]), create=False)
folder = Path(tempfile.mkdtemp(prefix="ho-so-", dir=session_folder()))  # as the page makes it


def report(done, total):
    if done == 2:
        print(next(folder.glob("doancoso-dossier-*")), flush=True)
        os._exit(3)


build_dossier(ws, folder / "ho-so-1.pdf", 2025, report=report, temp_folder=folder)
"""


def test_the_parts_are_written_in_the_pages_folder_not_the_systems_temp(
    temp: Path, dossier_data: Workspace, make_page: Callable[..., DossierPage], qtbot: QtBot
) -> None:
    page = make_page(dossier_data)
    seen: list[tuple[list[str], list[Path]]] = []  # at each step of the build

    def look(_value: int) -> None:
        parts = [p for d in page.folder.glob("doancoso-dossier-*") for p in d.iterdir()]
        seen.append((sorted(p.name for p in temp.iterdir()), parts))

    page.progress.valueChanged.connect(look)
    with qtbot.wait_signal(page.built, timeout=20000):
        page.build()
    assert page.pdf is not None
    assert seen and all(names == [APP_TEMP] for names, _ in seen)
    assert any(parts for _, parts in seen)  # the parts, beside the dossier
    assert page.folder.parent.parent == temp / APP_TEMP
    assert list(page.folder.glob("doancoso-dossier-*")) == []  # removed once put together


def test_a_build_cut_short_leaves_its_parts_for_the_next_start_to_remove(
    temp: Path, dossier_data: Workspace
) -> None:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    args = [sys.executable, "-c", _CUT_SHORT, str(temp), str(dossier_data.data_dir)]
    run = subprocess.run(args, capture_output=True, text=True, env=env, timeout=120)
    assert run.returncode == 3, run.stderr
    parts = Path(run.stdout.strip())
    assert any(parts.glob("*.pdf"))  # the tờ trình, left by the session cut short
    assert sorted(p.name for p in temp.iterdir()) == [APP_TEMP]
    assert parts.is_relative_to(temp / APP_TEMP)
    assert remove_old_copies() == []  # the app's next start
    assert list((temp / APP_TEMP).iterdir()) == []


def test_a_build_given_no_folder_writes_its_parts_in_the_apps_temp(
    temp: Path, dossier_data: Workspace, tmp_path: Path
) -> None:
    """``build_dossier``'s own default: any caller that forgets ``temp_folder`` (a script, a
    later feature) still keeps the parts out of the system's temporary folder."""
    from doancoso.reports.dossier.build import build_dossier

    seen: list[tuple[list[str], list[Path]]] = []  # at each step of the build

    def report(_done: int, _total: int) -> None:
        parts = list((temp / APP_TEMP).glob("*/doancoso-dossier-*"))
        seen.append((sorted(p.name for p in temp.iterdir()), parts))

    built = build_dossier(dossier_data, tmp_path / "ho-so.pdf", 2025, report=report)
    assert built.pages > 1
    assert seen and all(names == [APP_TEMP] for names, _ in seen)
    assert any(parts for _, parts in seen)
    assert list((temp / APP_TEMP).glob("*/doancoso-dossier-*")) == []  # removed once put together
