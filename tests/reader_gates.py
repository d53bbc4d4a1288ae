"""Gates that hold a file's reading at a chosen point, as a slow PC reading a large file would be
held there, so that a test can press "Hủy" (or stop the report) right then, whatever the speed
of the machine.

:class:`Gate` holds whatever calls :meth:`Gate.wait` while armed. :func:`hold_libraries` puts it
before the library calls of the readers that cannot be interrupted (calamine loading a sheet,
xlrd opening a workbook); the rest of the reading is unchanged. :func:`reader_threads` are the
helper threads those calls run on (:mod:`doancoso.core.xlsx.stopping`).
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

from doancoso.core.xlsx import workbook, xls_reader

WAIT_S = 30


class Gate:
    """Holds the thread that calls :meth:`wait` while armed, until :meth:`release`."""

    def __init__(self) -> None:
        self.armed = False
        self.reached = threading.Event()
        self._open = threading.Event()

    def arm(self) -> None:
        self.armed, self._open = True, threading.Event()
        self.reached.clear()

    def release(self) -> None:
        self.armed = False
        self._open.set()

    def wait(self) -> None:
        if self.armed:
            self.reached.set()
            assert self._open.wait(WAIT_S), "the test never released the gate"


class _GatedBook:
    """A real calamine workbook whose loading of a sheet waits at ``gate`` first."""

    def __init__(self, book: Any, gate: Gate) -> None:
        self._book, self._gate = book, gate
        self.sheet_names, self.sheets_metadata = book.sheet_names, book.sheets_metadata

    def get_sheet_by_name(self, name: str) -> Any:
        self._gate.wait()
        return self._book.get_sheet_by_name(name)

    def close(self) -> None:
        self._book.close()


def hold_libraries(monkeypatch: pytest.MonkeyPatch, gate: Gate) -> None:
    """Calamine's loading of a sheet and xlrd's opening of a workbook wait at ``gate``."""
    open_calamine, open_xls = workbook._open_calamine, xls_reader.open_xls

    def gated_xls(path: Path, kind: str, contents: bytes | None = None) -> Any:
        gate.wait()
        return open_xls(path, kind, contents)

    def gated_calamine(path: Path) -> _GatedBook:
        return _GatedBook(open_calamine(path), gate)

    monkeypatch.setattr(workbook, "_open_calamine", gated_calamine)
    monkeypatch.setattr(workbook, "open_xls", gated_xls)


def reader_threads() -> list[threading.Thread]:
    """The helper threads a library call of a reader runs on, still running."""
    return [t for t in threading.enumerate() if t.name == "doancoso-reader"]
