"""GUI speed: launch to a shown main window (5,000 members) next to a bare PySide6 window,
and the roster page at 100,000 members: opening it, one search keystroke, the name sort.

Launch times are wall-clock times of fresh processes (interpreter start and imports included),
each the median of several runs; the bare window runs the same way in the same run.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

from .common import best_of, demo_folder, report

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

# The same steps as doancoso.ui.app.run_app, stopping once the main window is shown.
_APP = """
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from doancoso.core.workspace import Workspace
from doancoso.ui.app import _application
from doancoso.ui.main_window import MainWindow
from doancoso.ui.signals import DataChanged
from doancoso.ui.state import UiState
data_dir = Path(sys.argv[1])
app = _application()
ws = Workspace.open(data_dir)
window = MainWindow(ws, DataChanged(), UiState(data_dir))
window.show()
QTimer.singleShot(0, app.quit)
app.exec()
ws.close()
"""


def _launch(script: str, *args: str, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", script, *args], check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run() -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from doancoso.core.workspace import Workspace
    from doancoso.ui.models.member_table import COL_BIRTH, COL_NAME
    from doancoso.ui.pages.roster_page import RosterPage
    from doancoso.ui.signals import DataChanged
    from doancoso.ui.undo import UndoHistory

    small = demo_folder(5_000)
    bare = _launch(_BARE)
    report("launch: main window shown, 5,000 members", _launch(_APP, str(small)),
           "<= 2x bare", baseline=("bare PySide6 window", bare))  # fmt: skip

    app = QApplication.instance() or QApplication([])
    with Workspace.open(demo_folder(100_000)) as ws:
        changed = DataChanged()

        def open_page() -> RosterPage:
            ws._ctx.roster_changed()  # cold, as after a write or at start
            page = RosterPage(ws, changed, UndoHistory(changed))
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

        worst = max(best_of(3, lambda k=k: keystroke(k)) for k in keys)
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
