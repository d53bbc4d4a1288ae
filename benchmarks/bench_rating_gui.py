"""The rating page on a round of 2,000 members with a year of attendance (the demo's 2,000-member
folder, this year's round): opening it, "Lấy mức gợi ý" deciding every member in one action,
and one level typed into the grid. Each is timed through the page as the app runs it (the
worker thread, the data-changed signal, the grid and the results shown and painted), next to
the core's own part. Each figure is the median of several runs; the levels are cleared again
after the benchmark.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from datetime import date

from .common import best_of, demo_folder, report


def timed(prepare: Callable[[], object], action: Callable[[], object], repeat: int) -> float:
    """The median time of ``action``, each run after an untimed ``prepare``."""
    times = []
    for _ in range(repeat):
        prepare()
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run() -> None:
    from PySide6.QtCore import QEventLoop, Qt, QTimer, SignalInstance
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from doancoso.core.workspace import Workspace
    from doancoso.ui.rating.model import COL_DECIDED
    from doancoso.ui.rating.page import RatingPage
    from doancoso.ui.shell.operations import Core
    from doancoso.ui.shell.prompts import Prompts
    from doancoso.ui.shell.undo import UndoHistory

    class Yes(Prompts):
        """Answers yes at once: the bulk action's question is the user's, not the timed work."""

        def confirm(self, *_args: object, **_kwargs: object) -> bool:
            return True

    app = QApplication.instance() or QApplication([])

    def until(signal: SignalInstance, action: Callable[[], object]) -> None:
        """Run ``action`` and the event loop until ``signal`` (or 30 s), then paint."""
        loop = QEventLoop()
        signal.connect(loop.quit)
        QTimer.singleShot(30000, loop.quit)
        action()
        loop.exec()
        signal.disconnect(loop.quit)
        app.processEvents()

    year = date.today().year
    with Workspace.open(demo_folder(2_000)) as ws:
        ws.load_everything()
        if ws.rating.open(year).closed:
            ws.rating.reopen(year)

        def undecide() -> None:
            rows = ws.rating.rows(year)
            ws.rating.set_levels(year, "decided_level", {r.member_id: None for r in rows})

        undecide()
        rows = ws.rating.rows(year)
        eligible = [r.member_id for r in rows if r.eligible]
        print(f"   ({len(rows)} members in the round, {len(eligible)} rated, "
              f"{sum(r.expected > 0 for r in rows)} with attendance)")  # fmt: skip
        report("rating rows, 2,000 members (core)", best_of(5, lambda: ws.rating.rows(year)))

        def set_all() -> None:
            ws.rating.set_levels(year, "decided_level", dict.fromkeys(eligible, 2))

        report("set 2,000 decided levels (core set_levels)", timed(undecide, set_all, 3))
        undecide()

        core = Core(ws, Yes())
        pages: list[RatingPage] = []

        def open_page() -> None:
            page = RatingPage(core, UndoHistory(core))
            page.resize(1200, 650)
            pages.append(page)
            until(page.loaded, page.show)

        def close_pages() -> None:
            while pages:
                page = pages.pop()
                page.close()
                page.deleteLater()
            app.processEvents()

        report("rating page open: round of 2,000 with participation",
               timed(close_pages, open_page, 5), "<= 0.3 s")  # fmt: skip
        close_pages()

        open_page()
        page = pages[0]

        def reread() -> None:
            undecide()
            until(page.loaded, page.refresh)

        def take() -> None:  # until the results under the grid are counted again
            until(page.results.summary.modelReset, lambda: page.accept("suggestions"))

        report("page: Lấy mức gợi ý, 2,000 levels in one action", timed(reread, take, 3),
               "<= 0.5 s")  # fmt: skip
        decided = sum(r.decided_level is not None for r in page.model.all_rows)
        print(f"   ({decided} decided by the action)")

        page.view.setFocus()
        page.view.setCurrentIndex(page.model.index(1, COL_DECIDED))
        keys = iter([Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4, Qt.Key.Key_Delete])

        def type_level() -> None:
            key = next(keys)
            until(page.results.summary.modelReset, lambda: QTest.keyClick(page.view, key))

        report("page: one level typed (saved, row and results shown)",
               timed(lambda: None, type_level, 5))  # fmt: skip
        close_pages()
        undecide()
