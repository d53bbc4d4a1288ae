"""One progress bar over the phases of a long bundle operation (issue #17).

``report(done, total)`` is the GUI's (it raises ``TaskCancelled`` after "Hủy"): a
:class:`Stages` hands each phase a report of its own (any ``total``) mapped onto its share of
one bar of :data:`SCALE` steps, so that the bar moves from the opening of the bundle to the
last step before the commit, and "Hủy" works all along.
"""

from __future__ import annotations

from collections.abc import Callable

Report = Callable[[int, int], None]
SCALE = 1000


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
