"""How the readers of a file stop when asked: at once, while they read, leaving nothing behind.

A reader is given ``report(done, total)`` (:mod:`doancoso.core.progress`) and calls it every few
hundred rows; whatever it raises (the GUI's cancellation after "Hủy") must reach the caller as
it was, though the readers turn every other failure of a library into an
:class:`~doancoso.core.errors.ImportFileError`. :func:`carried` wraps the report so that what it
raises travels as :class:`Stopped`, a ``BaseException`` that no ``except Exception`` of a reader
catches; :func:`doancoso.core.xlsx.workbook.read_sheets` raises the original again.

A library call that cannot be interrupted (calamine building a sheet's grid, xlrd parsing an
old .xls: a second and more for a large file on a slow PC) runs on a helper thread through
:class:`OffThread`, while the reader's thread reports every :data:`POLL` seconds: a stop ends
the wait at once, and the abandoned call ends on its own, its result dropped. Such a call holds
no open file (calamine has read the workbook into memory before; xlrd is given the file's bytes,
read on the reader's thread, rather than the file, which it would map in memory while it
parses) and changes nothing, so nothing is left behind but the memory it frees when it ends.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

from ..progress import Report

POLL = 0.05
"""Seconds between two reports while a call runs off the thread: Hủy takes effect within them."""

_T = TypeVar("_T")


class Stopped(BaseException):  # noqa: N818  (not an error: the caller asked for it)
    """What ``report`` raised inside a reader, on its way out through the reader's handlers."""

    def __init__(self, reason: BaseException) -> None:
        super().__init__(reason)
        self.reason = reason


def carried(report: Report | None) -> Report | None:
    """``report``, with what it raises carried as :class:`Stopped` (None stays None)."""
    if report is None:
        return None
    inner = report

    def carrying(done: int, total: int) -> None:
        try:
            inner(done, total)
        except BaseException as exc:
            raise Stopped(exc) from exc

    return carrying


class OffThread(Generic[_T]):
    """``call()`` started on a helper thread; :meth:`result` waits for it, reporting."""

    def __init__(self, call: Callable[[], _T]) -> None:
        self._call = call
        self._done = threading.Event()
        self._value: _T | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="doancoso-reader")
        # not a daemon: an interpreter that exits waits for it (a call into a Rust library must
        # not be cut off in the middle), which takes no longer than the call itself
        self._thread.start()

    def _run(self) -> None:
        try:
            self._value = self._call()
        except BaseException as exc:  # handed to the waiting thread
            self._error = exc
        finally:
            del self._call  # what it refers to (a workbook) goes as soon as it is done
            self._done.set()

    @property
    def running(self) -> bool:
        return not self._done.is_set()

    def result(self, report: Report | None) -> _T:
        """The call's value (or its exception), ``report(0, 1)`` made every :data:`POLL`
        seconds meanwhile: what that raises ends the wait, the call running on alone."""
        while not self._done.wait(POLL if report is not None else None):
            assert report is not None
            report(0, 1)
        if self._error is not None:
            raise self._error
        return self._value  # type: ignore[return-value]  # set when no error was
