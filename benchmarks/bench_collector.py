"""The cyclic garbage collector on the GUI thread (``ui/shell/collector.py``) against Python's
automatic one, in the real main window over the 100,000-member demo: the window opened, the rest
of the pages loaded on the worker, then the sidebar walked through every page, a step every
200 ms, 40 steps (each page built the first time, its data read again on the next visits).

Each mode runs in a fresh process (the heap of the earlier benchmarks would weigh on the
collector), on its own copy of the data folder. Measured through ``gc.callbacks``: how many
collections ran, their total time, and the longest (the window is frozen that long: on the GUI
thread with the timer; on whichever thread the automatic one runs, holding the GIL the GUI
thread needs); and the wall time of the whole walk.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .common import demo_folder

MEMBERS = 100_000
STEPS = 40

_WALK = """
import gc, json, sys, time
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

pauses = []
started = {}

def timed(phase, info):
    if phase == "start":
        started["at"] = time.perf_counter()
    else:
        pauses.append(time.perf_counter() - started["at"])

app = QApplication(sys.argv[:1])
from doancoso.core.workspace import Workspace
from doancoso.ui.shell.collector import collected_on_gui_thread
from doancoso.ui.shell.main_window import MainWindow
from doancoso.ui.shell.operations import Core
from doancoso.ui.shell.prompts import Prompts
from doancoso.ui.shell.state import UiState

folder, mode, steps = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
gc.callbacks.append(timed)

def walk():
    with Workspace.open(folder) as ws:
        window = MainWindow(Core(ws, Prompts()), UiState(folder))
        window.resize(1366, 728)
        window.show()
        QTimer.singleShot(0, window.load_rest)
        done = [0]

        def step():
            done[0] += 1
            window.sidebar.setCurrentRow(done[0] % window.sidebar.count())
            if done[0] < steps:
                QTimer.singleShot(200, step)
            else:
                app.quit()

        start = time.perf_counter()
        QTimer.singleShot(500, step)
        app.exec()
        seconds = time.perf_counter() - start
        window.close()
        window.deleteLater()
        return seconds

if mode == "gui-thread":
    with collected_on_gui_thread():
        seconds = walk()
else:
    seconds = walk()
gc.callbacks.remove(timed)
print(json.dumps({"seconds": seconds, "collections": len(pauses), "total": sum(pauses),
                  "longest": max(pauses, default=0.0)}))
"""


def _walk(source: Path, mode: str) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "data"
        shutil.copytree(source, folder)
        done = subprocess.run(
            [sys.executable, "-c", _WALK, str(folder), mode, str(STEPS)],
            capture_output=True, text=True, check=True,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        )  # fmt: skip
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def run() -> None:
    source = demo_folder(MEMBERS)
    for mode in ("automatic", "gui-thread", "automatic", "gui-thread"):
        figures = _walk(source, mode)
        print(
            f"{mode:<11} walk {figures['seconds']:5.1f} s; {int(figures['collections']):6d} "
            f"collections, {figures['total'] * 1000:7.0f} ms in all, longest "
            f"{figures['longest'] * 1000:5.0f} ms",
            flush=True,
        )


if __name__ == "__main__":
    run()
