"""One way into the core: every write of the GUI, and every long read, is an operation run on
the single worker (after Anki's ``aqt/operations``: ``CollectionOp`` and ``QueryOp``)::

    CoreOp(self, lambda ws: ws.members.save(values, member_id), core, label="Đang lưu…")
        .success(self._saved)          # GUI thread, with what the function returned
        .failure(self._not_saved)      # GUI thread, with the exception (e.g. ValidationError)
        .run()

On the worker an operation asks the workspace whether another process (the command line while
the GUI is open) committed meanwhile (``ws.check_external()``), remembers the generation of the
workspace's change log, runs its function, and takes what the log recorded since, with what the
check found. Back on the GUI thread it emits the app's one ``DataChanged.changed`` with those
:class:`~doancoso.core.changes.Changes` (when there are any), then calls ``success`` (or
``failure``). Writers never announce anything themselves: the core's storage collects what each
transaction wrote. Changes are emitted even when the function failed (an earlier transaction of
it, or another process, may have changed something).

A :class:`QueryOp` is the same for a long read (an export, a printed list, the statistics): it
changes nothing itself, but still emits what another process changed, so that what it read and
what the views show agree.

No global application object: pages and dialogs receive the :class:`Core` (workspace, runner,
data-changed signal, prompts) through their constructors and hand it to the operations they
start. ``success`` and ``failure`` are skipped when the widget that started the operation was
deleted meanwhile (the data changed all the same, and is announced).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from ...core.changes import Changes
from ...core.errors import AppError
from ...core.workspace import Workspace
from .prompts import Prompts
from .signals import DataChanged
from .tasks import DELAY_MS, Report, TaskCancelled, TaskRunner

log = logging.getLogger("doancoso.ui.operations")

T = TypeVar("T")

SAVING = "Đang lưu…"
WORKING = "Đang xử lý…"
BACKUP_FAILED = (
    "Thay đổi vừa rồi đã được lưu, nhưng chưa có bản sao lưu hằng ngày: ứng dụng sẽ thử lại sau "
    "mỗi lần ghi. Sau khi khắc phục, hãy bấm “Sao lưu ngay” trong “Sao lưu và khôi phục…” (menu "
    "Tệp)."
)
"""Said after why a day's backup failed (once a session: :meth:`Core.tell_backup_failure`)."""
CLOSING_BACKUP_FAILED = (
    "Thay đổi đã được lưu, nhưng bản sao lưu khi đóng ứng dụng chưa tạo được. Sau khi khắc phục, "
    "hãy mở ứng dụng và bấm “Sao lưu ngay” trong “Sao lưu và khôi phục…” (menu Tệp)."
)
"""Said after why the backup at closing (after a change) failed, before the window goes."""
READ_CANCELLED = "Đã hủy đọc tệp."
"""What a wizard says after "Hủy" stopped the reading of a file (every import wizard alike)."""


class Core:
    """What the GUI's operations need, passed to every page and dialog by its constructor: the
    open workspace, the runner of the single worker, the app's one data-changed signal and the
    prompts that report errors.

    ``synchronous=True`` runs every operation inline (GUI tests that need determinism).
    Reads that must be quick (a table's rows as it paints, the record a dialog opens on) may use
    ``core.ws`` directly on the GUI thread (see :mod:`.tasks`); writes go through operations.
    """

    def __init__(
        self, ws: Workspace, prompts: Prompts | None = None, *, synchronous: bool = False,
        delay_ms: int = DELAY_MS,
    ) -> None:  # fmt: skip
        self.ws = ws
        self.prompts = prompts or Prompts()
        self.data_changed = DataChanged()
        self.runner = TaskRunner(None, self.prompts, synchronous=synchronous, delay_ms=delay_ms)
        self.wrote = False
        """Whether an operation changed the data since the app opened (a backup at closing)."""
        self.backup_failure_told = False
        """Whether the secretary was told this session that the day's backup failed (once: the
        backup is tried again after every write, and a full disk stays full for a while)."""

    def tell_backup_failure(self, exc: AppError, parent: QWidget | None) -> None:
        """Say, once a session, that the day's backup after a write could not be taken (GUI
        thread): without it a full disk silently stopped every automatic backup."""
        if self.backup_failure_told:
            return
        self.backup_failure_told = True
        self.prompts.error(parent, "Chưa sao lưu được", f"{exc.message}\n\n{BACKUP_FAILED}")

    def announce(self, changes: Changes) -> None:
        """Emit ``changes`` on the data-changed signal, if there are any (operations only)."""
        if changes:
            self.data_changed.changed.emit(changes)

    def reporter(self, parent: QWidget | None, title: str) -> Callable[[BaseException], None]:
        """A failure callback showing the core's message under ``title`` (a bug: "Lỗi không
        mong đợi" and where the log is)."""

        def report(exc: BaseException) -> None:
            self.runner.show_error(exc, title, parent)

        return report

    def check_external(self, checked: Callable[[frozenset[str]], object] | None = None) -> None:
        """Announce what another process wrote since the last check, and the evidence files
        lost from the store or back in it since the last look (``Workspace.check_files``: a
        file moved out of the data folder by hand), in an operation that only checks: it runs
        on the worker after whatever runs there now. ``checked`` is then called on the GUI
        thread with those files' SHA-256 (none when the check failed, after its message).
        Called when the application becomes active again (:mod:`.external`)."""

        def failed(exc: BaseException) -> None:
            self.runner.show_error(exc)
            if checked is not None:
                checked(frozenset())

        op = QueryOp(None, _check_files, self, progress=False).failure(failed)
        if checked is not None:
            op.success(checked)
        op.run()


def _check_files(ws: Workspace) -> frozenset[str]:
    return ws.check_files()


@dataclass(frozen=True)
class _Outcome:
    """What the worker hands back: the function's value or error, and the changes."""

    changes: Changes
    value: Any = None
    error: BaseException | None = None
    backup_error: AppError | None = None  # the day's backup after the write failed


class _Operation(Generic[T]):
    """The mechanics shared by :class:`CoreOp` and :class:`QueryOp`."""

    default_label = WORKING

    def __init__(
        self, parent: QWidget | None, op: Callable[..., T], core: Core, *,
        label: str | None = None, progress: bool = True, reporting: bool = False,
        cancel_text: str = "Hủy", at_once: bool = False,
    ) -> None:  # fmt: skip
        """``reporting=True``: ``op(ws, report)`` is called instead of ``op(ws)``; the progress
        dialog shows ``report(done, total)`` and has a "Hủy" button (``cancel_text``), after
        which the next ``report`` raises :class:`~.tasks.TaskCancelled` and the ``cancelled``
        callback runs (the changes made until then are announced). Only for jobs that stop
        safely there. ``at_once``: the progress dialog shown as the job starts (see
        :meth:`.tasks.TaskRunner.run`)."""
        self._parent = parent
        self._op: Callable[..., T] = op
        self._core = core
        self._label = label or self.default_label
        self._progress = progress
        self._success: Callable[[T], object] | None = None
        self._failure: Callable[[BaseException], object] | None = None
        self._reporting = reporting
        self._cancelled: Callable[[], object] | None = None
        self._cancel_text = cancel_text
        self._at_once = at_once

    def cancelled(self, callback: Callable[[], object]) -> _Operation[T]:
        """Called on the GUI thread when a ``reporting`` operation stopped after "Hủy"."""
        self._cancelled = callback
        return self

    def success(self, callback: Callable[[T], object]) -> _Operation[T]:
        """Called on the GUI thread with the function's value, after the changes were emitted."""
        self._success = callback
        return self

    def failure(self, callback: Callable[[BaseException], object]) -> _Operation[T]:
        """Called on the GUI thread with the exception (the core's AppError, ValidationError…);
        without it, the error's message is shown (a bug: logged, "Lỗi không mong đợi")."""
        self._failure = callback
        return self

    def run(self) -> None:
        """Start the operation on the worker (inline with a synchronous runner)."""
        self._core.runner.run(
            self._work,
            self._finished,
            self._crashed,
            label=self._label,
            progress=self._progress,
            parent=self._parent,
            with_report=self._reporting,
            cancellable=self._reporting,
            cancel_text=self._cancel_text,
            at_once=self._at_once,
        )

    # Worker ---------------------------------------------------------------------------------

    writes = False
    """A write is followed by the day's backup if none was taken in the last day."""

    def _work(self, report: Report | None = None) -> _Outcome:
        ws = self._core.ws
        external = ws.check_external()
        start = ws.changes.generation
        try:
            value = self._op(ws, report) if report is not None else self._op(ws)
        except Exception as exc:  # handed to the GUI thread with the changes made before it
            return _Outcome(ws.changes.since(start).merged(external), error=exc)
        own = ws.changes.since(start)
        failed: AppError | None = None
        if self.writes and own:
            self._core.wrote = True
            try:
                ws.backups.daily_if_due()
            except AppError as exc:  # the write is done; the backup is tried again next time
                log.warning("daily backup failed: %s (%s)", exc.message, exc.details)
                failed = exc
        return _Outcome(own.merged(external), value, backup_error=failed)

    # GUI thread -----------------------------------------------------------------------------

    def _alive(self) -> bool:
        return self._parent is None or isValid(self._parent)

    def _finished(self, outcome: _Outcome) -> None:
        self._core.announce(outcome.changes)
        if isinstance(outcome.error, TaskCancelled):
            if self._cancelled is not None and self._alive():
                self._cancelled()
            return
        if outcome.error is not None:
            self._crashed(outcome.error)
            return
        if self._success is not None and self._alive():
            self._success(outcome.value)
        if outcome.backup_error is not None:
            self._core.tell_backup_failure(
                outcome.backup_error, self._parent if self._alive() else None
            )

    def _crashed(self, exc: BaseException) -> None:
        """The function failed (or the check before it did): the failure callback or a message."""
        if self._alive():
            self._core.runner.fail(exc, self._failure, self._parent)
        elif not isinstance(exc, AppError):
            log.error("unexpected error in an operation of a closed window", exc_info=exc)


class CoreOp(_Operation[T]):
    """A write: the function changes the workspace; the changes are announced before
    ``success``. See the module docstring."""

    default_label = SAVING
    writes = True

    def success(self, callback: Callable[[T], object]) -> CoreOp[T]:
        super().success(callback)
        return self

    def failure(self, callback: Callable[[BaseException], object]) -> CoreOp[T]:
        super().failure(callback)
        return self


class QueryOp(_Operation[T]):
    """A long read (export, print, statistics) on the worker; it announces only what another
    process changed. See the module docstring."""

    def success(self, callback: Callable[[T], object]) -> QueryOp[T]:
        super().success(callback)
        return self

    def failure(self, callback: Callable[[BaseException], object]) -> QueryOp[T]:
        super().failure(callback)
        return self
