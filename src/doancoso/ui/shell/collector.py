"""Python's cyclic garbage collector run on the GUI thread only, while the GUI runs.

Python runs its collector on whichever thread allocates when a generation's threshold is passed;
in this app that is mostly the worker (:mod:`.tasks`), which builds hundreds of thousands of
objects during an import. A Qt object owned by Python (a widget, a dialog or a timer with no
parent) that ends in a reference cycle is then destroyed on the worker thread when the cycle is
collected: Qt forbids it ("Timers cannot be stopped from another thread", or a crash). The app's
habit of ``deleteLater()`` avoids most of it, but nothing enforced it.

:func:`collected_on_gui_thread` enforces it: the automatic collector is switched off and a timer
of the GUI thread runs the collection instead, generation by generation with Python's own
thresholds (the recipe of Erik Janssens, used by pyqtgraph and others). Objects freed by their
reference count are unaffected; only cycles wait, at most :data:`INTERVAL_MS`, for the GUI
thread. A long job on the worker keeps its garbage that long; what the GUI thread does for a long
time without returning to the event loop (it never should) delays the collection as long.

``paused_gc`` (``core/storage/bulk.py``) keeps its meaning: while one of its blocks runs (the
roster's 100,000 rows loaded on the worker), the timer collects nothing; it switches the
automatic collector back on only if it was on when it began.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import time
from collections.abc import Iterator

from PySide6.QtCore import QObject, QTimer

from ...core.storage.bulk import gc_paused

log = logging.getLogger("doancoso.ui.collector")

INTERVAL_MS = 500
"""How often the GUI thread looks at the collector's counts. A collection of the youngest
generation walks what was made since the last one: 300,000 lists in 8 ms, 300,000 dicts of a
list in 29 ms on the development machine. A full collection with the 100,000-member roster
loaded and every page built: 70 ms."""
SLOW_SECONDS = 0.2
"""A collection longer than this is logged (it froze the window that long)."""


class GuiThreadCollector(QObject):
    """The collector's timer (see the module). Made and started by
    :func:`collected_on_gui_thread`; :meth:`check` is one look, called by the timer."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        self.collections = [0, 0, 0]
        """How many collections of each generation :meth:`check` ran (tests read it)."""
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)

    def check(self) -> None:
        """Collect the generations whose count passed Python's threshold, youngest first, as
        Python's automatic collection would have."""
        if gc_paused():  # a load of plain values on the worker: collected once it ends
            return
        counts = gc.get_count()
        generation = -1
        for level in range(3):
            if counts[level] <= self.thresholds[level]:
                break
            generation = level
        if generation < 0:
            return
        started = time.perf_counter()
        gc.collect(generation)
        self.collections[generation] += 1
        seconds = time.perf_counter() - started
        if seconds > SLOW_SECONDS:
            log.info("collection of generation %d took %.2f s", generation, seconds)


@contextlib.contextmanager
def collected_on_gui_thread(
    parent: QObject | None = None, interval_ms: int = INTERVAL_MS
) -> Iterator[GuiThreadCollector]:
    """Within the block, cycles are collected on the calling (GUI) thread only; the collector
    is switched back on at its end if it was on at its start, after a last collection there."""
    was_enabled = gc.isenabled()
    collector = GuiThreadCollector(parent, interval_ms)
    gc.disable()
    collector.timer.start()
    try:
        yield collector
    finally:
        collector.timer.stop()
        gc.collect()
        if was_enabled:
            gc.enable()
