"""``doancoso bundle import`` killed at random moments (#12, #17): afterwards the data pass the
check and hold either exactly what they held before the import or everything the bundle
brought, never part of it. ``make test`` runs a fifth of DOANCOSO_KILLS (10), ``make torture``
100.

The bundle is a real one: an encrypted handover of an organisation whose second installation
took an earlier handover, after which the first added members, edited one and deleted one (so
the import adds, updates and deletes rows and copies new evidence files)."""

from __future__ import annotations

import os
import random
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bundle_sync import edit, every_row
from doancoso.core.backup.store import soundness
from doancoso.core.workspace import DATABASE_FILE, Workspace

KILLS = max(10, int(os.environ.get("DOANCOSO_KILLS", "50")) // 5)
PASSWORD = "Nhập gói dữ liệu bị ngắt"


def _import(folder: Path, bundle: Path, password_file: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "doancoso", "bundle", "import", str(bundle),
         "--password-file", str(password_file), "--data-dir", str(folder)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip


def _state(folder: Path) -> dict[str, list[dict[str, Any]]]:
    with Workspace.open(folder, create=False) as ws:
        report = ws.check()
        assert report.ok, [p.message for p in report.problems]
        rows = every_row(ws)
        missing = [
            row["sha256"]
            for row in rows["evidence_files"]
            if not (folder / "evidence" / row["sha256"]).is_file()
        ]
        assert missing == []  # files are in the store before the rows that name them
        return rows


def test_killed_imports_leave_the_data_before_or_after(tmp_path: Path) -> None:
    rng = random.Random(17)
    home = tmp_path / "home"
    pristine = tmp_path / "away-truoc"
    with Workspace.open(home) as ws:
        ws.generate_demo(members=60, seed=9)
        first = ws.bundles.export(tmp_path / "1.dcs", password=PASSWORD).path
    with Workspace.open(pristine) as ws:
        ws.bundles.apply(first, PASSWORD)
    with Workspace.open(home) as ws:
        ids = ws.members.ids()
        ws.generate_demo(members=40, seed=10)  # more members, with their files
        ws.members.delete([ids[1]])
    edit_in = Workspace.open(home)
    edit(edit_in, ids[0], phone="0911222333")
    bundle = edit_in.bundles.export(tmp_path / "2.dcs", password=PASSWORD).path
    edit_in.close()
    password_file = tmp_path / "mat-khau.txt"
    password_file.write_text(PASSWORD + "\n", encoding="utf-8")

    before = _state(pristine)
    done = tmp_path / "away-sau"
    shutil.copytree(pristine, done)
    started = time.perf_counter()
    assert _import(done, bundle, password_file).wait() == 0
    run = time.perf_counter() - started
    after = _state(done)
    assert after != before and len(after["members"]) > len(before["members"])

    outcomes = {"before": 0, "after": 0}
    folder = tmp_path / "away"
    for _ in range(KILLS):
        shutil.rmtree(folder, ignore_errors=True)
        shutil.copytree(pristine, folder)
        process = _import(folder, bundle, password_file)
        time.sleep(rng.uniform(0.1, 1.0) * run)
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
        process.wait()
        assert soundness(folder / DATABASE_FILE) is None
        state = _state(folder)
        assert state in (before, after)
        outcomes["before" if state == before else "after"] += 1
        assert not list(folder.glob("doancoso-goi-*"))  # a decrypted copy stays private:
        if (folder / ".goi-tam").exists():  # in .goi-tam (0700), removed by the next import
            assert stat.S_IMODE((folder / ".goi-tam").stat().st_mode) == 0o700
    print(f"bundle imports killed: {KILLS}, {outcomes}, an import takes {run:.2f} s")
