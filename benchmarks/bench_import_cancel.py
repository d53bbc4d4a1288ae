"""Hủy while the import wizard reads a 100,000-row roster (.xlsx, as openpyxl writes it): the
time from the click to the wizard ready again (on its step, saying "Đã hủy đọc tệp."), clicked
at moments spread over the read, on the real worker with the app's progress dialog; the read in
full for scale.

Target: ready again within 0.5 s wherever the read is. Before the readers reported as they read
(2026-12-05), the zip check and calamine's load of the sheet ran without a chance to stop, and a
Hủy during them waited 2-5 s (see BENCHMARKS.md).
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from .bench_spreadsheets import make_roster
from .common import report

ROWS = 100_000
MOMENTS = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8]  # of the full read, when Hủy is clicked


def run() -> None:
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication, QPushButton

    from doancoso.core.organization import OrganizationInfo
    from doancoso.core.workspace import Workspace
    from doancoso.ui.roster.import_wizard import ImportWizard
    from doancoso.ui.shell.operations import READ_CANCELLED, Core

    app = QApplication.instance() or QApplication([])

    def until(done: Callable[[], bool], timeout: float = 300.0) -> float:
        """Turn the event loop (as the app does, a few milliseconds at a time) until ``done``."""
        end = time.perf_counter() + timeout
        while not done():
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
            time.sleep(0.001)
            if time.perf_counter() > end:
                raise TimeoutError
        return time.perf_counter()

    with tempfile.TemporaryDirectory(prefix="bench-cancel-") as tmp:
        folder = Path(tmp)
        source = folder / "ds-100000.xlsx"
        make_roster(source, rows=ROWS)
        with Workspace.open(folder / "data") as ws:
            ws.organization.create(
                OrganizationInfo(name="Đoàn xã Tân Hưng", superior_name="Tỉnh đoàn")
            )
            core = Core(ws)  # the app's worker and its progress dialog after half a second
            wizard = ImportWizard(core)
            wizard.show()
            start = time.perf_counter()
            wizard.set_file(source)
            full = until(lambda: not core.runner.busy) - start
            assert wizard.preview is not None and len(wizard.preview.rows) == ROWS
            report(f"import wizard: read of {ROWS:,} rows (.xlsx)", full)
            waits: dict[float, float] = {}  # moment -> wait
            for moment in MOMENTS:
                # deleted as the app deletes its wizards (on the GUI thread: a wizard left to the
                # garbage collector may be destroyed on the worker, which crashes Qt)
                wizard.close()
                wizard.deleteLater()
                wizard = ImportWizard(core)
                wizard.show()
                start = time.perf_counter()
                wizard.set_file(source)
                until(lambda: time.perf_counter() - start >= moment * full)  # noqa: B023
                dialog = core.runner.dialog
                if dialog is None:  # not shown yet, or the read is over
                    until(lambda: not core.runner.busy)
                    continue
                (cancel,) = dialog.findChildren(QPushButton)
                clicked = time.perf_counter()
                cancel.click()
                ready = until(lambda: not core.runner.busy)  # noqa: B023
                if wizard.file_error.text() == READ_CANCELLED:  # not too late: cancelled
                    waits[moment] = ready - clicked
            wizard.close()
            wizard.deleteLater()
    assert waits, "Hủy was never clicked during the read"
    print(
        "  each click (at its share of the read: wait): "
        + ", ".join(f"{moment:.0%}: {wait * 1000:.0f} ms" for moment, wait in waits.items())
    )
    report(f"Hủy → wizard ready, worst of {len(waits)} clicks", max(waits.values()), "<= 0.5 s")
    median = statistics.median(waits.values())
    report(f"Hủy → wizard ready, median of {len(waits)} clicks", median)


if __name__ == "__main__":
    run()
