"""A read on the worker whose result a page shows, asked for again whenever the data change (a
filter's choices, a page's list): one read at a time, and one asked for while another runs is
made once that one is shown, so that what is shown is never older than the last change, and a
burst of changes does not pile reads up on the worker. The roster's and the calendar's chi đoàn
filters, the youth register's hamlet filter, the chi đoàn page's list and the calendar's month
(whose read changes with the month and the filter asked for: ``run(read)``) use it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtWidgets import QWidget

from ...core.workspace import Workspace
from ..shell.operations import Core, QueryOp

T = TypeVar("T")


class LatestRead(Generic[T]):
    """``read`` on the worker (an operation of ``parent``), its result handed to ``show`` on the
    GUI thread; a failure is shown as the operations show theirs, then ``failed`` is called (what
    waited for the read gives up)."""

    def __init__(
        self, parent: QWidget, core: Core, read: Callable[[Workspace], T],
        show: Callable[[T], object], failed: Callable[[], object] | None = None,
    ) -> None:  # fmt: skip
        self._parent = parent
        self._core = core
        self._read = read
        self._show = show
        self._on_failed = failed
        self._loading = False  # a read runs
        self._stale = False  # the data changed meanwhile: read again once it is shown

    def run(self, read: Callable[[Workspace], T] | None = None) -> None:
        """Read (now, or once the read under way is shown); ``read``: what to read from now on
        (its arguments taken on the GUI thread), instead of what was read before."""
        if read is not None:
            self._read = read
        if self._loading:
            self._stale = True
            return
        self._stale = False
        self._loading = True
        op = QueryOp(self._parent, self._read, self._core, progress=False)
        op.success(self._arrived).failure(self._failed).run()

    def _failed(self, exc: BaseException) -> None:
        self._loading = False
        self._core.runner.show_error(exc, parent=self._parent)
        if self._on_failed is not None:
            self._on_failed()

    def _arrived(self, result: T) -> None:
        self._loading = False
        self._show(result)
        if self._stale:
            self.run()
