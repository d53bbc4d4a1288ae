"""What changed behind the window's back, checked when the application becomes active again:
another process's writes (the command line while the app is open) and the evidence files moved
out of the data folder by hand, or back into it (the secretary tidying her folders in the file
manager). See :meth:`.operations.Core.check_external`: the check runs on the worker, and what
it found is announced as any write is, so that the Hồ sơ page's check, the "Còn thiếu" lines and
the evidence lists' marks follow.

Checks are throttled: the first activation is checked at once, those that come while a check is
running or within :data:`QUIET_MS` after it (switching windows back and forth) are checked
together once, at the end of that time, so that quick switching never queues a check each.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from shiboken6 import isValid

from .operations import Core

QUIET_MS = 2000
"""How long after a check the next one waits (activations meanwhile are checked together)."""


class ExternalCheck(QObject):
    """The checks of one main window's activations; :meth:`request` on each."""

    def __init__(self, core: Core, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._core = core
        self.running = False
        """A check is on the worker (or waits there behind other jobs)."""
        self.wanted = False
        """An activation came while a check ran or within the quiet time after it."""
        self._quiet = QTimer(self)
        self._quiet.setSingleShot(True)
        self._quiet.setInterval(QUIET_MS)
        self._quiet.timeout.connect(self._quiet_ended)

    def request(self) -> None:
        """Check now, or once the running check and the quiet time after it are over."""
        if self.running or self._quiet.isActive():
            self.wanted = True
            return
        self._run()

    def _run(self) -> None:
        self.running = True
        self.wanted = False
        self._core.check_external(self._checked)

    def _checked(self, turned: frozenset[str]) -> None:
        if not isValid(self):  # the window closed while the check waited on the worker
            return
        self.running = False
        if turned:
            from ..common.thumbnails import thumbnails  # Qt's image code: not at start-up

            thumbnails().forget(turned)
        self._quiet.start()

    def _quiet_ended(self) -> None:
        if self.wanted:
            self._run()
