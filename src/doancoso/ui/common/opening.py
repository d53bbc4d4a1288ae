"""A dialog (or a question) that opens on what a read on the worker brings back: pressed twice
before the read came back (a double click, Enter pressed again, a button clicked twice), it
opens once. The press that comes while the read is on its way is dropped, not queued: the
dialog the first press asked for is the one the user wanted, and a second one would open behind
it (or ask the same question again once it is answered). A long read that reports its progress
(:meth:`OpenAfterRead.run_reporting`: a file checked and copied before the viewer shows it)
takes presses again once it ends, however it ends: done, failed or stopped by "Hủy"."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QWidget

from ...core.workspace import Workspace
from ..shell.operations import Core, QueryOp
from ..shell.tasks import Report

T = TypeVar("T")

NOT_OPENED = "Không mở được"


class OpenAfterRead:
    """The reads a widget opens its dialogs on, one at a time (see the module docstring)."""

    def __init__(self, parent: QWidget, core: Core) -> None:
        self._parent = parent
        self._core = core
        self.opening = False
        """A read is on its way: a press meanwhile opens nothing."""

    def run(
        self, read: Callable[[Workspace], T], then: Callable[[T], object], *,
        label: str | None = None, failed: str = NOT_OPENED,
    ) -> None:  # fmt: skip
        """``read`` on the worker (an operation of the parent: its progress dialog says
        ``label`` if it takes long, none without one), then ``then`` with what it read, on the
        GUI thread; a failure is shown under the title ``failed``. Nothing while a read
        started here is on its way."""
        if self.opening:
            return
        op = QueryOp(self._parent, read, self._core, label=label, progress=label is not None)
        self._start(op, then, failed)

    def run_reporting(
        self, read: Callable[[Workspace, Report], T], then: Callable[[T], object], *,
        label: str, failed: str = NOT_OPENED,
    ) -> None:  # fmt: skip
        """:meth:`run` of a long read that reports its progress (``read(ws, report)``): a long
        one shows a progress dialog saying ``label`` with "Hủy", after which nothing opens.
        Nothing while a read started here is on its way; a press after it ended (whatever
        the end) starts it again."""
        if self.opening:
            return
        op = QueryOp(self._parent, read, self._core, label=label, reporting=True)
        op.cancelled(self._ended)
        self._start(op, then, failed)

    def _ended(self) -> None:
        self.opening = False

    def _start(self, op: QueryOp[T], then: Callable[[T], object], failed: str) -> None:
        self.opening = True

        def arrived(value: T) -> None:
            self._ended()
            then(value)

        def refused(exc: BaseException) -> None:
            self._ended()
            self._core.runner.show_error(exc, failed, self._parent)

        op.success(arrived).failure(refused).run()
