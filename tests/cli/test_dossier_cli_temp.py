"""``doancoso dossier`` writes the dossier's parts, members' personal data, in the app's own
temporary folder (:mod:`doancoso.core.storage.temp`), as the GUI does, never loose in the
system's temporary folder: a build killed halfway leaves them where the clean-up at the app's
next start removes them, and a build that ends leaves nothing behind."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from cli_run import cli
from doancoso.core.storage.temp import APP_TEMP, remove_old_copies

INIT = ["--name", "Đoàn xã Tân Hưng", "--superior", "Tỉnh đoàn Cà Mau", "--commune", "Tân Hưng",
        "--secretary", "Nguyễn Thị Như Quỳnh"]  # fmt: skip
PARTS = "to-trinh,ke-hoach"

# ``doancoso dossier`` killed (as by a power cut, or Ctrl+Break) once its first part is
# written: it prints the folder of the parts, then ends at once, nothing cleaned up.
_KILLED = """
import os
import sys
import tempfile
from pathlib import Path

from doancoso.cli.main import run
from doancoso.reports.dossier import build

step = build._Progress.step


def killed(self):
    step(self)
    if self.done == 1:
        print(next(Path(tempfile.gettempdir()).rglob("doancoso-dossier-*")), flush=True)
        os._exit(3)


build._Progress.step = killed
run(sys.argv[1:])
"""


@pytest.fixture
def folder(data_dir: Path) -> str:
    assert cli("init", "--data-dir", str(data_dir), *INIT)[0] == 0
    assert cli("plan", "new", "--year", "2025", "--data-dir", str(data_dir))[0] == 0
    return str(data_dir)


def test_a_killed_build_leaves_its_parts_for_the_clean_up(
    temp: Path, folder: str, tmp_path: Path
) -> None:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path), TMPDIR=str(temp))
    args = [sys.executable, "-c", _KILLED, "dossier", "--year", "2025", "--parts", PARTS,
            "-o", str(tmp_path / "ho-so.pdf"), "--data-dir", folder]  # fmt: skip
    run = subprocess.run(args, capture_output=True, text=True, env=env, timeout=120)
    assert run.returncode == 3, run.stderr
    parts = Path(run.stdout.strip())
    assert any(parts.glob("*.pdf"))  # the tờ trình, left by the command killed
    assert sorted(p.name for p in temp.iterdir()) == [APP_TEMP]
    assert parts.is_relative_to(temp / APP_TEMP)
    assert not (tmp_path / "ho-so.pdf").exists()
    assert remove_old_copies() == []  # the app's next start
    assert list((temp / APP_TEMP).iterdir()) == []


def test_a_finished_build_leaves_nothing_in_the_temporary_folder(
    temp: Path, folder: str, tmp_path: Path
) -> None:
    target = tmp_path / "ho-so.pdf"
    code, out, err = cli("dossier", "--year", "2025", "--parts", PARTS, "-o", str(target),
                         "--data-dir", folder)  # fmt: skip
    assert (code, err) == (0, "")
    assert f"vào “{target}”" in out and target.exists()
    assert [p for p in temp.rglob("*") if not p.is_dir()] == []
