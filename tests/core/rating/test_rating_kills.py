"""A rating round's close killed at random moments (#12): the data pass the check, the round is
open or closed and never half of either, the decided levels are all kept, and a close that
went through left its backup first. ``make test`` runs a fifth of DOANCOSO_KILLS (10)."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from doancoso.core.backup.store import BACKUP_FOLDER, soundness
from doancoso.core.storage.folder import DATABASE_FILE
from doancoso.core.workspace import Workspace

KILLS = max(10, int(os.environ.get("DOANCOSO_KILLS", "50")) // 5)
YEAR = date.today().year


def _close(folder: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen(
        [sys.executable, "-m", "doancoso", "--data-dir", str(folder), "rating", "close",
         "--year", str(YEAR)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip


def _state(folder: Path) -> tuple[bool, dict[str, int | None]]:
    with Workspace.open(folder, create=False) as ws:
        report = ws.check()
        assert report.ok, [p.message for p in report.problems]
        info = ws.rating.round(YEAR)
        assert info is not None
        return info.closed, {r.member_id: r.decided_level for r in ws.rating.rows(YEAR)}


def test_killed_closes_leave_the_round_whole(tmp_path: Path) -> None:
    rng = random.Random(14)
    folder = tmp_path / "data"
    with Workspace.open(folder) as ws:
        ws.generate_demo(members=200, seed=3)  # this year's round is open, some levels decided
    _, levels = _state(folder)
    started = time.perf_counter()
    assert _close(folder).wait() == 0
    run = time.perf_counter() - started
    closed_runs = 0
    for _ in range(KILLS):
        with Workspace.open(folder) as ws:
            if ws.rating.round(YEAR).closed:  # type: ignore[union-attr]
                ws.rating.reopen(YEAR)
        launched = time.time()
        process = _close(folder)
        time.sleep(rng.uniform(0.2, 1.0) * run)
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
        process.wait()
        assert soundness(folder / DATABASE_FILE) is None
        closed, after = _state(folder)
        assert after == levels  # every decided level kept, whatever happened
        if closed:
            closed_runs += 1
            backups = (folder / BACKUP_FOLDER).glob("truoc-ket-thuc-xep-loai-*.sqlite")
            assert any(b.stat().st_mtime >= launched - 1 for b in backups)  # taken first
    print(f"rating closes killed: {KILLS}, closed anyway: {closed_runs}, a close takes {run:.2f} s")
