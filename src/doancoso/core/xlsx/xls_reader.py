"""Old .xls workbooks, read with xlrd: small legacy files, read as the tests expect (a BIFF
file gives no cheap way to bound calamine's grid before it is built)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from ..progress import EVERY, Report
from .cells import Cell, RowGuard
from .refusals import MB, os_error, password_protected, unreadable


class _Discarded(io.TextIOBase):
    """Where xlrd's log goes: nowhere (the book keeps it, so it is never closed)."""

    def write(self, text: str) -> int:
        return len(text)


_NO_LOG = _Discarded()


def read_xls_bytes(path: Path, report: Report | None = None) -> bytes:
    """The content of ``path``, read a megabyte at a time, ``report(0, 1)`` between two: what
    that raises stops the reading, the file closed at once."""
    chunks: list[bytes] = []
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(MB):
                chunks.append(chunk)
                if report is not None:
                    report(0, 1)
    except OSError as exc:
        raise os_error(path, exc) from exc
    return b"".join(chunks)


def open_xls(path: Path, kind: str, contents: bytes | None = None) -> Any:
    """An .xls workbook (from ``contents``, the file's bytes, when given: xlrd then opens no
    file); an OLE file named .xlsx is an .xls renamed or, far more often, an encrypted workbook
    whose encryption stream we could not see."""
    import xlrd

    try:
        # xlrd writes its warnings on a damaged file to stdout unless told otherwise: into the
        # output of `members import --format json`, or the console of the GUI
        return xlrd.open_workbook(
            str(path), on_demand=False, logfile=_NO_LOG, file_contents=contents
        )
    except Exception as exc:
        if kind == "ole-xlsx" or "encrypt" in str(exc).lower():
            raise password_protected(path, f"{type(exc).__name__}: {exc}") from exc
        raise unreadable(path, exc) from exc


def xls_rows(
    book: Any, sheet: Any, guard: RowGuard, report: Report | None = None
) -> list[tuple[int, list[Cell]]]:
    """The non-empty rows of ``sheet``, ``report(done, rows)`` every few hundred rows and once
    all are read."""
    import xlrd

    rows: list[tuple[int, list[Cell]]] = []
    for r in range(sheet.nrows):
        if report is not None and r and not r % EVERY:
            report(r, sheet.nrows)
        values: list[Cell] = []
        for cell in sheet.row(r):
            if cell.ctype == xlrd.XL_CELL_DATE:
                try:
                    value: Cell = xlrd.xldate.xldate_as_datetime(cell.value, book.datemode)
                except (xlrd.xldate.XLDateError, ValueError, OverflowError):
                    value = cell.value
            elif cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK, xlrd.XL_CELL_ERROR):
                value = None
            elif cell.ctype == xlrd.XL_CELL_BOOLEAN:
                value = bool(cell.value)
            else:
                value = cell.value
            values.append(value)
        end = len(values)
        while end and (values[end - 1] is None or values[end - 1] == ""):
            end -= 1
        checked = guard.check(r + 1, values[:end]) if end else None
        if checked is not None:
            rows.append((r + 1, checked))
    if report is not None:
        report(sheet.nrows, sheet.nrows)
    return rows
