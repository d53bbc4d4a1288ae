"""A long read on the single worker that reports its progress and can be cancelled: the
:class:`~..shell.operations.QueryOp` of the dossier's build.

Like a QueryOp it asks the workspace first what another process wrote (and announces it back on
the GUI thread), and its ``success``/``failure`` run on the GUI thread. Unlike it, the function
is called as ``fn(ws, report)``: ``report(done, total)`` moves the page's own progress bar (a
queued signal, from the worker) and raises :class:`~..shell.tasks.TaskCancelled` once
:meth:`ReportingQuery.cancel` was called; the job then ends quietly and ``cancelled`` runs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from ...core.changes import Changes
from ...core.workspace import Workspace
from ..shell.operations import Core
from ..shell.tasks import Report, TaskCancelled

Reporter = Callable[[int, int], None]


@dataclass(frozen=True)
class _Outcome:
    changes: Changes
    value: Any = None
    error: BaseException | None = None


class ReportingQuery(QObject):
    """``ReportingQuery(page, fn, core).run()``; see the module docstring."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()

    def __init__(self, parent: QWidget, fn: Callable[[Workspace, Reporter], Any],
                 core: Core) -> None:  # fmt: skip
        super().__init__(parent)
        self._parent = parent
        self._fn = fn
        self._core = core
        self._report: Report | None = None
        self._cancel_first = False

    def run(self) -> None:
        self._core.runner.run(
            self._work, self._finished, self._crashed, with_report=True, cancellable=True,
            progress=False, on_cancelled=self._on_cancelled, parent=self._parent,
        )  # fmt: skip

    def cancel(self) -> None:
        """Stop at the job's next report (before it writes anything)."""
        self._cancel_first = True  # when the job has not started yet
        if self._report is not None:
            self._report.cancel()

    # Worker ---------------------------------------------------------------------------------

    def _work(self, report: Report) -> _Outcome:
        self._report = report
        if self._cancel_first:
            report.cancel()
        ws = self._core.ws
        external = ws.check_external()

        def reporter(done: int, total: int) -> None:
            report(done, total)  # raises TaskCancelled after "Hủy"
            self.progressed.emit(done, total)

        try:
            reporter(0, 1)
            value = self._fn(ws, reporter)
        except Exception as exc:  # noqa: BLE001 (handed to the GUI thread; cancelled too)
            return _Outcome(external, error=exc)
        return _Outcome(external, value)

    # GUI thread -----------------------------------------------------------------------------

    def _finished(self, outcome: _Outcome) -> None:
        self._core.announce(outcome.changes)
        if not isValid(self._parent):
            return
        if isinstance(outcome.error, TaskCancelled):
            self._on_cancelled()
        elif outcome.error is not None:
            self._crashed(outcome.error)
        else:
            self.succeeded.emit(outcome.value)

    def _crashed(self, exc: BaseException) -> None:
        if isValid(self._parent):
            self._core.runner.fail(exc, self.failed.emit, self._parent)

    def _on_cancelled(self) -> None:
        if isValid(self._parent):
            self.cancelled.emit()
