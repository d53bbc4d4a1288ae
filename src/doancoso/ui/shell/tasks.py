"""Background work for the GUI: run a core call off the GUI thread, get the result back on it.

Modelled on Anki's task manager and progress window (``aqt/taskman.py``, ``aqt/progress.py``).
Pages do not call it directly: every write and every long read is an operation
(:mod:`.operations`: ``CoreOp``, ``QueryOp``) run by this module's runner::

    runner.run(
        lambda: ws.spreadsheets.apply_import(preview),
        on_success=self._imported,          # called on the GUI thread with the result
        label="Đang nhập dữ liệu…",
    )

Design:

- **One worker thread for every job.** All runners share one single-thread pool, so jobs run
  one after another in the order they were started. SQLite has one writer; serialising every
  job (reads too) keeps writes in the order the user made them ("import, then refresh").
- **What stays on the GUI thread.** The table models' synchronous reads for painting
  (``ws.members.ids/rows/count``, the youth register's ``ids/rows``) and the short read of the
  record a form opens on (one member, one young person), like the organisation's own row
  (``ws.organization.get()``: one row by its key, through the thread's own SQLite connection,
  no cache of the core; the dialogs read its settings as they open, e.g. the coming-of-age age
  of the event dialog and the "Trưởng thành Đoàn" dialog) stay on the GUI thread while the worker
  writes: what reads a cache of the core is served behind its lock (``MemberService`` holds its
  ``_index_lock`` around the roster index that ``ids`` and ``count`` read, ``StatisticsService``
  a lock around its cache); the rest needs none (``members.rows`` reads the rows asked for
  straight from SQLite, no cache): every thread reads SQLite through its own connection, which
  WAL lets read while the worker commits. The chi
  đoàn that the member form, the admission, "Chuyển chi đoàn…" and the activity form offer, the
  chi đoàn page's list, the roster's, the youth register's and the calendar's filter choices,
  the organisers a date's dialog names, the youth form's hamlets, the member picker's search
  and everything the calendar page shows (the month, the agenda, the months a search finds,
  the kinds of activity, an activity's dates before its deletion, the date a date's dialog
  opens on and reads again after its roll call or minutes, its evidence files, what the roll
  call and the minutes open on, the kinds and plan targets the activity form offers) are read
  on the worker (a ``QueryOp``, or :class:`..common.latest_read.LatestRead`) and filled in
  when they arrive.
- **Results come back by signal.** The worker emits a queued signal of a :class:`Task` that
  lives on the GUI thread; the callbacks (``on_success(result)``, ``on_failure(exc)``) always
  run on the GUI thread, so they may touch widgets.
- **Errors.** An :class:`AppError` is a user error: its Vietnamese ``message`` is shown through
  :class:`Prompts` (or handed to ``on_failure``). Any other exception is a bug: it is logged with
  its traceback and the user is told "Lỗi không mong đợi…" and where the log file is (or
  ``on_failure`` gets it, after logging).
- **Progress.** A progress dialog appears only if the job is still running after ``delay_ms``
  (500 ms): quick jobs never flash a window. It is window-modal over ``parent`` (the dialog or
  page the job was started from; the runner's own widget by default). It is a busy indicator
  unless the job reports progress: with ``with_report=True`` the job is called as ``fn(report)``
  and may call ``report(done, total)`` from the worker (thread-safe: it emits a queued signal).
  With ``cancellable=True`` the dialog has a "Hủy" button; the job sees ``report.cancelled`` and
  the next ``report(...)`` call raises :class:`TaskCancelled`, which ends the job silently (only
  ``on_cancelled`` is called). Only jobs that can stop safely (before their transaction commits,
  or read-only ones) should be cancellable.
- **The keyboard.** When the dialog closes, the keyboard goes back to the widget that had it
  when the dialog opened (or, that one gone, into its window), before the callbacks run: a
  callback that puts it elsewhere wins. A job that showed no dialog does not move it.
- **Synchronous mode** (``TaskRunner(parent, prompts, synchronous=True)``) runs the job inline
  with the same callbacks and error handling and no dialog: GUI tests use it to stay
  deterministic. :meth:`TaskRunner.wait` waits for the worker in threaded mode.

Views are never refreshed by the caller of a write, nor by the worker: the operation emits the
app's one "data changed" signal with the changes the core's storage collected (see
:mod:`.operations`), and each view decides from them whether to refresh.
"""

from __future__ import annotations

import atexit
import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget
from shiboken6 import isValid

from ...core.errors import AppError
from .prompts import Prompts

log = logging.getLogger("doancoso.ui.tasks")

DELAY_MS = 500
"""How long a job runs before its progress dialog appears."""
FAILED_TITLE = "Không thực hiện được"
UNEXPECTED_TITLE = "Lỗi không mong đợi"

_pool: QThreadPool | None = None
_in_flight: set[Task] = set()  # owned here until delivered, whatever happens to the runner


def worker_pool() -> QThreadPool:
    """The one worker thread shared by every :class:`TaskRunner` (created on first use)."""
    global _pool
    if _pool is None or not isValid(_pool):
        _pool = QThreadPool(QCoreApplication.instance())
        _pool.setMaxThreadCount(1)
        _pool.setObjectName("doancoso-worker")
    return _pool


@atexit.register
def _drain() -> None:
    """At exit: ask reporting jobs to stop and let the worker finish before Python goes away."""
    for task in list(_in_flight):
        task.report.cancel()
    if _pool is not None and isValid(_pool):
        _pool.waitForDone(10000)


def log_file() -> Path | None:
    """The rotating log file the app writes to, if logging was set up (see ``logs.py``)."""
    for handler in logging.getLogger().handlers:
        name = getattr(handler, "baseFilename", None)
        if name:
            return Path(name)
    return None


def unexpected_message() -> str:
    where = log_file()
    text = "Đã xảy ra lỗi không mong đợi. Dữ liệu đã lưu không bị ảnh hưởng."
    if where is not None:
        text += f"\n\nChi tiết đã được ghi vào tệp nhật ký:\n{where}"
    return text + "\n\nHãy gửi tệp này cho người hỗ trợ nếu lỗi lặp lại."


class TaskCancelled(Exception):
    """Raised by :class:`Report` inside a job after the user pressed "Hủy"."""


class Report:
    """Given to a job run with ``with_report=True``: ``report(done, total)`` from any thread."""

    def __init__(self, emit: Callable[[int, int], None]) -> None:
        self._emit = emit
        self._cancel = threading.Event()

    def __call__(self, done: int, total: int) -> None:
        if self._cancel.is_set():
            raise TaskCancelled
        self._emit(done, total)

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()


class Task(QObject):
    """One job: lives on the GUI thread; the worker talks to it through queued signals."""

    progressed = Signal(int, int)
    finished = Signal(bool, object)  # ok, result or exception

    def __init__(self, fn: Callable[..., Any], with_report: bool) -> None:
        super().__init__()
        self.fn = fn
        self.with_report = with_report
        self.report = Report(self.progressed.emit)
        self.done = False
        self.last_progress: tuple[int, int] | None = None
        self.on_done: Callable[[bool, object], None] | None = None
        self.on_progress: Callable[[int, int], None] | None = None
        self.parent_widget: QWidget | None = None
        self.progressed.connect(self._progress, Qt.ConnectionType.QueuedConnection)

    def _progress(self, done: int, total: int) -> None:
        self.last_progress = (done, total)
        if self.on_progress is not None:
            self.on_progress(done, total)

    def _finish(self, ok: bool, value: object) -> None:
        # A bound method of an object of the GUI thread: the queued call runs there.
        if self.on_done is not None:
            self.on_done(ok, value)

    def execute(self) -> tuple[bool, object]:
        """Run the job (on whichever thread calls this); never raises."""
        try:
            result = self.fn(self.report) if self.with_report else self.fn()
        except Exception as exc:  # handed to the GUI thread
            return False, exc
        return True, result


class _Runnable(QRunnable):
    def __init__(self, task: Task) -> None:
        super().__init__()
        self.task = task
        self.setAutoDelete(True)

    def run(self) -> None:
        task = self.task
        ok, value = task.execute()
        if isValid(task):
            task.finished.emit(ok, value)


class TaskRunner(QObject):
    """Runs jobs for one window or dialog; see the module docstring."""

    def __init__(
        self, parent: QWidget | None = None, prompts: Prompts | None = None, *,
        synchronous: bool = False, delay_ms: int = DELAY_MS,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self._widget = parent
        self.prompts = prompts or Prompts()
        self.synchronous = synchronous
        self.delay_ms = delay_ms
        self._active: set[Task] = set()
        self.dialog: QProgressDialog | None = None
        """The progress dialog of the running job once it is shown (tests look at it)."""
        self._dialog_task: Task | None = None
        """The job whose dialog it is: only its end closes it (closing emits "canceled")."""
        self._focus_before: tuple[QWidget, QWidget] | None = None
        """The widget that had the keyboard when the dialog opened, and its window."""

    @property
    def busy(self) -> bool:
        return bool(self._active)

    def run(
        self, fn: Callable[..., Any], on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None, *,
        label: str = "Đang xử lý…", cancellable: bool = False, progress: bool = True,
        with_report: bool = False, on_cancelled: Callable[[], None] | None = None,
        parent: QWidget | None = None, cancel_text: str = "Hủy", at_once: bool = False,
    ) -> Task:  # fmt: skip
        """Run ``fn()`` (``fn(report)`` with ``with_report``) on the worker; see the module doc.

        ``parent``: the widget the progress dialog and error messages belong to (the runner's
        own widget when None). ``cancel_text``: the cancel button's words. ``at_once``: the
        dialog shown before the job starts, not after ``delay_ms`` (a job the user is waiting
        on whatever its length, e.g. the backup before the window closes)."""
        task = Task(fn, with_report)
        task.parent_widget = parent
        callbacks = (on_success, on_failure, on_cancelled)
        if self.synchronous:
            ok, value = task.execute()
            self._deliver(task, ok, value, callbacks)
            return task
        self._active.add(task)
        _in_flight.add(task)
        timer = QTimer(task)
        timer.setSingleShot(True)
        if progress:
            timer.timeout.connect(lambda: self._show_dialog(task, label, cancellable, cancel_text))
        task.on_progress = self._progressed
        task.on_done = lambda ok, value: self._finished(task, timer, ok, value, callbacks)
        task.finished.connect(task._finish, Qt.ConnectionType.QueuedConnection)
        if progress and at_once:
            self._show_dialog(task, label, cancellable, cancel_text)
        else:
            timer.start(self.delay_ms)
        worker_pool().start(_Runnable(task))
        return task

    def wait(self, msecs: int = 30000) -> bool:
        """Block until the worker is idle (tests, shutdown); queued results still need events."""
        return worker_pool().waitForDone(msecs)

    # GUI thread ---------------------------------------------------------------------------

    def _show_dialog(
        self, task: Task, label: str, cancellable: bool, cancel_text: str = "Hủy"
    ) -> None:
        if task.done:
            return
        if self.dialog is not None:  # another job of this runner still shows its dialog
            self.dialog.setLabelText(label)
            return
        dialog = QProgressDialog(self._parent_of(task.parent_widget))
        dialog.setWindowTitle("Xin chờ")
        dialog.setLabelText(label)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(0)
        dialog.setMinimumWidth(360)
        dialog.setRange(0, 0)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        if cancellable:
            dialog.setCancelButtonText(cancel_text)
            dialog.canceled.connect(task.report.cancel)
            dialog.canceled.connect(lambda: dialog.setLabelText("Đang dừng…"))
        else:
            dialog.setCancelButton(None)
        self.dialog = dialog
        self._dialog_task = task
        focused = QApplication.focusWidget()
        self._focus_before = None if focused is None else (focused, focused.window())
        dialog.show()
        if task.last_progress is not None:
            self._progressed(*task.last_progress)

    def _progressed(self, done: int, total: int) -> None:
        dialog = self.dialog
        if dialog is None or total <= 0:
            return
        if dialog.maximum() != total:
            dialog.setRange(0, total)
        dialog.setValue(min(done, total))

    def _finished(self, task: Task, timer: QTimer, ok: bool, value: object,
                  callbacks: tuple[Any, Any, Any]) -> None:  # fmt: skip
        timer.stop()
        self._active.discard(task)
        _in_flight.discard(task)
        # Another job's dialog (this one had none, or had to share it) stays: closing it would
        # also cancel that job, which then stops as if the user had pressed "Hủy".
        if self.dialog is not None and self._dialog_task is task:
            self._close_dialog(task)  # before the callbacks: one that moves the keyboard wins
        self._deliver(task, ok, value, callbacks)
        task.deleteLater()

    def _close_dialog(self, task: Task) -> None:
        dialog, self.dialog, self._dialog_task = self.dialog, None, None
        if dialog is not None and isValid(dialog):
            # Asked before it closes: the secretary is still with this job if the keyboard is
            # in its dialog (or still in the window under it, where the dialog did not take it).
            active = QApplication.activeWindow()
            with_us = active is not None and (active is dialog or active is self._window_before())
            dialog.close()
            dialog.deleteLater()
            self._restore_focus(task, activate=with_us)
        self._focus_before = None

    def _window_before(self) -> QWidget | None:
        if self._focus_before is None or not isValid(self._focus_before[1]):
            return None
        return self._focus_before[1]

    def _restore_focus(self, task: Task, *, activate: bool) -> None:
        """Give the keyboard back to the widget that had it when the dialog opened: a closed
        dialog leaves it nowhere under X11 (Windows gives it back to the window, not necessarily
        to that widget). That widget gone, hidden or disabled: the first that takes the keyboard
        in its window (or in the dialog's parent's). The window is activated only if the user
        was still in the dialog or that window: one who moved to another is not pulled back."""
        widget = self._focus_before[0] if self._focus_before is not None else None
        if widget is not None and not _takes_keys(widget):
            widget = None
        window = widget.window() if widget is not None else self._window_before()
        if window is None or not window.isVisible():
            parent = self._parent_of(task.parent_widget)
            window = parent.window() if parent is not None else None
        if window is None or not window.isVisible():
            return
        if activate:
            window.activateWindow()
        target = widget if widget is not None else _first_focus_candidate(window)
        target.setFocus(Qt.FocusReason.ActiveWindowFocusReason)

    def _deliver(self, task: Task, ok: bool, value: object,
                 callbacks: tuple[Any, Any, Any]) -> None:  # fmt: skip
        task.done = True
        on_success, on_failure, on_cancelled = callbacks
        if ok:
            if on_success is not None:
                on_success(value)
            return
        assert isinstance(value, BaseException)
        if isinstance(value, TaskCancelled):
            if on_cancelled is not None:
                on_cancelled()
            return
        self.fail(value, on_failure, task.parent_widget)

    def fail(
        self, exc: BaseException, on_failure: Callable[[BaseException], object] | None = None,
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        """Deliver a job's error: a bug is logged first; then ``on_failure(exc)``, or the
        message shown to the user (see :meth:`show_error`)."""
        if not isinstance(exc, AppError):
            log.error("unexpected error in a background task", exc_info=exc)
        if on_failure is not None:
            on_failure(exc)
        else:
            self.show_error(exc, parent=parent)

    def _parent_of(self, widget: QWidget | None) -> QWidget | None:
        """``widget`` if still alive, else the runner's own widget if alive, else None."""
        for candidate in (widget, self._widget):
            if candidate is not None and isValid(candidate):
                return candidate
        return None

    def show_error(
        self, exc: BaseException, title: str = FAILED_TITLE, parent: QWidget | None = None
    ) -> None:
        """Tell the user about a failed job: the message of an AppError, else "unexpected"."""
        parent = self._parent_of(parent)
        if isinstance(exc, AppError):
            self.prompts.error(parent, title, exc.message)
        else:
            self.prompts.error(parent, UNEXPECTED_TITLE, unexpected_message())


def _first_focus_candidate(window: QWidget) -> QWidget:
    """The window's own focus widget if it can still take the keyboard, else the first widget
    of its tab chain that can, else the window itself."""
    current = window.focusWidget()
    if current is not None and _takes_keys(current):
        return current
    widget = window.nextInFocusChain()
    while widget is not None and widget is not window:
        tabbable = bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        if tabbable and widget.window() is window and _takes_keys(widget):
            return widget
        widget = widget.nextInFocusChain()
    return window


def _takes_keys(widget: QWidget) -> bool:
    return isValid(widget) and widget.isVisible() and widget.isEnabled()
