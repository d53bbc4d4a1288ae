"""Progress of long core jobs, reported through a plain callback (no Qt in the core).

A long job takes ``report: Report | None``; ``report(done, total)`` says how far it got. The
caller decides what a report does: the GUI's (:mod:`doancoso.ui.shell.tasks`) moves a progress
bar and, after "Hủy", raises its ``TaskCancelled`` from the next call. The core lets whatever
``report`` raises go through untouched, so a job only calls it where stopping is safe: before
its transaction commits, or anywhere in a read-only job.

:class:`Stages` splits one bar among the phases of a job; :func:`counted` reports a loop over
many items every :data:`EVERY` items, so that reporting costs nothing noticeable;
:class:`BytesDone` reports a copy told chunk by chunk, in bytes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

Report = Callable[[int, int], None]
SCALE = 1000
EVERY = 256
"""Items between two reports of :func:`counted`: a few dozen reports for 10,000 rows, and, on
a slow PC, a few hundredths of a second between two chances to cancel."""

_T = TypeVar("_T")


class Stages:
    """``report`` split into consecutive phases: ``part(share)`` is the next one's report."""

    def __init__(self, report: Report | None, scale: int = SCALE) -> None:
        self._report = report
        self._scale = scale
        self._next = 0

    def part(self, share: int) -> Report:
        """The report of the next phase, ``share`` steps of the bar (``report(done, total)``
        with any ``total`` of its own; the phase is full when ``done == total``)."""
        start = self._next
        share = max(0, min(share, self._scale - start))
        self._next = start + share

        def report(done: int, total: int) -> None:
            if self._report is None:
                return
            step = share if total <= 0 else share * min(max(done, 0), total) // total
            self._report(start + step, self._scale)

        return report

    def finish(self) -> None:
        """The bar full (the last chance to cancel: call it before the commit)."""
        if self._report is not None:
            self._report(self._scale, self._scale)


class BytesDone:
    """``report(done, total)`` of a copy of ``total`` bytes in all, told chunk by chunk: called
    with a chunk's size, it adds it to ``done`` and reports (nothing when ``report`` is None).
    What ``report`` raises (the user's "Hủy") goes through to the copy."""

    def __init__(self, total: int, report: Callable[[int, int], object] | None) -> None:
        self.total = total
        self.done = 0
        self._report = report

    def __call__(self, size: int) -> None:
        self.done += size
        if self._report is not None:
            self._report(self.done, self.total)


def counted(items: Sequence[_T], report: Report | None, every: int = EVERY) -> Iterator[_T]:
    """``items`` one by one, with ``report(done, len(items))`` before the first, every
    ``every`` items and after the last (nothing when ``report`` is None)."""
    if report is None:
        yield from items
        return
    total = len(items)
    report(0, total)
    for done, item in enumerate(items):
        if done and not done % every:
            report(done, total)
        yield item
    report(total, total)
