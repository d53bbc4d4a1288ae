"""GUI speed: launch to a shown main window (5,000 members) next to a bare PySide6 window,
and the roster page at 100,000 members: opening it, one search keystroke, the name sort.

Launch times are wall-clock times of fresh processes (interpreter start and imports included),
each the median of several runs; the bare window runs the same way in the same run.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from .common import best_of, demo_folder, report, worst_keystroke

_BARE = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1280, 720)
window.show()
QTimer.singleShot(0, app.quit)
app.exec()
"""

# The app is launched as a user launches it: ``packaging/launcher.py`` is what the bundle runs,
# and DOANCOSO_EXIT_AFTER_SHOW makes it exit on the first turn of the event loop with the main
# window shown (doancoso.selftest.install_exit_after_show).
_LAUNCHER = Path(__file__).resolve().parents[1] / "packaging" / "launcher.py"


def _launches(*commands: list[str], runs: int = 9) -> list[float]:
    """Median wall time of each ``python COMMAND`` in fresh processes, run in turns (so a busy
    moment hits both alike), after one untimed warm-up run each.

    Byte code is cached as on a user's machine (PYTHONDONTWRITEBYTECODE, which this machine sets,
    would make every run compile the app's modules again; the bundle ships them compiled).
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(QT_QPA_PLATFORM="offscreen", DOANCOSO_EXIT_AFTER_SHOW="1")
    times: list[list[float]] = [[] for _ in commands]
    for attempt in range(runs + 1):
        for command, taken in zip(commands, times, strict=True):
            start = time.perf_counter()
            subprocess.run([sys.executable, *command], check=True, env=env, capture_output=True)
            if attempt:
                taken.append(time.perf_counter() - start)
    return [statistics.median(taken) for taken in times]


def run() -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from doancoso.core.changes import EVERYTHING
    from doancoso.core.workspace import Workspace
    from doancoso.ui.roster.member_table import COL_BIRTH, COL_NAME
    from doancoso.ui.roster.page import RosterPage
    from doancoso.ui.shell.operations import Core
    from doancoso.ui.shell.undo import UndoHistory

    small = demo_folder(5_000)
    bare, app_launch = _launches(["-c", _BARE], [str(_LAUNCHER), "--data-dir", str(small)])
    report("launch: main window shown, 5,000 members", app_launch,
           "<= 2x bare", baseline=("bare PySide6 window", bare))  # fmt: skip

    app = QApplication.instance() or QApplication([])
    with Workspace.open(demo_folder(100_000)) as ws:
        core = Core(ws)

        def open_page() -> RosterPage:
            ws.db.changes.record(EVERYTHING)  # cold, as after a write or at start
            page = RosterPage(core, UndoHistory(core))
            page.resize(1200, 650)
            page.show()
            app.processEvents()
            return page

        report("roster page open, 100,000 members (cold)", best_of(3, open_page), "<= 0.5 s")
        page = open_page()
        keys = ["n", "ng", "ngu", "nguy", "nguye", "nguyen"]

        def keystroke(text: str) -> None:
            page.search.setText(text)
            page.apply_filter()  # what the debounce timer calls
            app.processEvents()

        worst = worst_keystroke(keys, keystroke)
        report("roster search keystroke (worst of 'nguyen'), 100k", worst, "<= 50 ms")
        page.search.setText("")
        page.apply_filter()

        def sort_by(column: int, order: Qt.SortOrder) -> None:
            page.table.sortByColumn(column, order)
            app.processEvents()

        ascending = Qt.SortOrder.AscendingOrder
        report(
            "roster: sort by Ngày sinh, first time (100k)",
            best_of(1, lambda: sort_by(COL_BIRTH, ascending)),
        )
        report(
            "roster: back to Vietnamese name order (100k)",
            best_of(3, lambda: sort_by(COL_NAME, ascending)),
            "<= 0.3 s",
        )
        page.close()
