"""Killed at random moments (#12): an import or a restore SIGKILLed mid-way leaves data that
pass the check, with each action's rows all there or none. ``make test`` runs 50 kills;
``make torture`` (DOANCOSO_KILLS=500) ten times as many. Figures in RELIABILITY.md."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sheetfiles import write_xlsx

from doancoso.core.backup.store import soundness
from doancoso.core.workspace import DATABASE_FILE, Workspace

KILLS = int(os.environ.get("DOANCOSO_KILLS", "50"))
ROWS = 1500


def _start(*args: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen(
        [sys.executable, "-m", "doancoso", *args],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip


def _given(n: int) -> str:
    """A distinct given name for each row, letters only (a name holds no digits)."""
    letters = "abcdeghiklmnopqrstuvxy"
    word = ""
    while True:
        n, rest = divmod(n, len(letters))
        word += letters[rest]
        if n == 0:
            return word.capitalize()


def _members(folder: Path) -> int:
    with Workspace.open(folder, create=False) as ws:
        report = ws.check()
        assert report.ok, [p.message for p in report.problems]
        return ws.members.count()


@pytest.mark.slow
def test_killed_imports_and_restores_leave_whole_data(tmp_path: Path) -> None:
    rng = random.Random(12)
    folder = tmp_path / "data"
    with Workspace.open(folder) as ws:
        ws.generate_demo(members=200, seed=3)
        backup = ws.backups.take().path
    sheets = []
    for n in range(3):  # a few files, so that a finished import leaves later ones to kill
        rows: list[list[object]] = [["STT", "Họ và tên", "Ngày sinh"]]
        rows += [[i + 1, f"Nguyễn Văn {_given(n * ROWS + i)}", "01/01/2000"] for i in range(ROWS)]
        sheets.append(write_xlsx(tmp_path / f"ds{n}.xlsx", rows))
    commands = {
        "import": lambda: ["members", "import", str(rng.choice(sheets))],
        "restore": lambda: ["restore", str(backup)],
    }
    runs = {}  # how long each kind takes when left alone: the kills fall within that time
    for kind, command in commands.items():
        started = time.perf_counter()
        assert _start("--data-dir", str(folder), *command()).wait() == 0
        runs[kind] = time.perf_counter() - started
    kinds = {"import": 0, "restore": 0}
    finished = 0
    for k in range(KILLS):
        before = _members(folder)
        kind = "import" if k % 10 < 7 else "restore"
        kinds[kind] += 1
        process = _start("--data-dir", str(folder), *commands[kind]())
        allowed = {before, before + ROWS} if kind == "import" else {before, 200}
        time.sleep(rng.uniform(0.05, 1.0) * runs[kind])
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
        else:
            finished += 1
        process.wait()
        assert soundness(folder / DATABASE_FILE) is None
        after = _members(folder)
        assert after in allowed, (k, kind, before, after)
    print(f"kills: {KILLS} {kinds}, runs {runs}, finished before the kill: {finished}")
    assert finished < KILLS // 2  # most kills did land mid-way
    assert kinds["import"] and kinds["restore"]
