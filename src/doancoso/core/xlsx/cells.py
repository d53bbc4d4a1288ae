"""The cells the readers give (:data:`Cell`) and the check every row of a sheet goes through
as it is read (:class:`RowGuard`): not too wide, no cell too long, not too many cells in all,
no number that is no number."""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from ..errors import ImportFileError
from ..lang.text import vn_number
from ..progress import EVERY, Report
from .refusals import MAX_CELL_CHARS, MAX_COLUMNS, MAX_GRID_CELLS, huge_sheet

Cell = str | int | float | bool | date | datetime | time | timedelta | None


def grid_rows(
    grid: Iterable[list[Any]], guard: RowGuard, report: Report | None = None, height: int = 0
) -> list[tuple[int, list[Cell]]]:
    """The non-empty rows of calamine's grid (which starts at A1 and is as wide as the widest
    row), taken one at a time: each cut after its last non-empty cell, with empty cells as None.
    ``report(done, height)`` every :data:`~doancoso.core.progress.EVERY` rows (``height``: the
    grid's rows), and once all are read."""
    rows: list[tuple[int, list[Cell]]] = []
    append = rows.append
    for number, values in enumerate(grid, start=1):
        if report is not None and not number % EVERY:
            report(number, height)
        end = len(values)
        if end and values[-1] == "":
            end -= 1
            while end and values[end - 1] == "":
                end -= 1
            if not end:
                continue
            values = values[:end]
        elif not end:
            continue
        row = guard.check(number, [None if v == "" else v for v in values])
        if row is not None:
            append((number, row))
    if report is not None:
        report(height, height)
    return rows


class RowGuard:
    """Checks each row of a sheet as it is read, cut after its last non-empty cell: no more
    than :data:`MAX_COLUMNS` cells, none longer than :data:`MAX_CELL_CHARS` characters, and
    no more than :data:`MAX_GRID_CELLS` cells in all (a CSV has no grid check before). A
    number cell that is no number (NaN, infinite: no spreadsheet program writes one, and
    ``str()`` would make it the text "nan") reads as empty, noted for the preview."""

    def __init__(self, path: Path, sheet: str | None = None) -> None:
        self.path = path
        self.sheet = sheet  # None for a CSV
        self.cells = 0
        self.odd_numbers: list[str] = []  # the cells read as empty

    def check(self, number: int, values: list[Cell]) -> list[Cell] | None:
        """``values``, checked; None when nothing is left of them."""
        width = len(values)
        if width > MAX_COLUMNS:
            raise ImportFileError(
                f"{self._where()} có dòng {number} dài tới {vn_number(width)} cột, quá nhiều cho "
                f"một danh sách (nhận tối đa {vn_number(MAX_COLUMNS)} cột). Hãy xóa các cột "
                "thừa bên phải bảng danh sách, lưu lại rồi nhập lại.",
                f"row {number}: {width} columns",
            )
        self.cells += width
        if self.cells > MAX_GRID_CELLS:
            raise huge_sheet(self.path, 0, 0, self.sheet or "csv", self.cells)
        for column, value in enumerate(values):
            if isinstance(value, str):
                if len(value) > MAX_CELL_CHARS:
                    raise self.too_long(number, len(value), column)
            elif isinstance(value, float) and not math.isfinite(value):
                values[column] = None
                self.odd_numbers.append(cell_name(number, column))
        while values and values[-1] is None:
            values.pop()
        return values or None

    def notes(self) -> list[str]:
        """What the preview should say about the cells read as empty."""
        if not self.odd_numbers:
            return []
        cells = ", ".join(self.odd_numbers[:5])
        if len(self.odd_numbers) > 5:
            cells += f" và {vn_number(len(self.odd_numbers) - 5)} ô khác"
        sheet = f" (trang tính “{self.sheet}”)" if self.sheet is not None else ""
        return [
            f"Ô {cells}{sheet} có giá trị số không hợp lệ (NaN hoặc vô cực): đã coi là ô trống."
        ]

    def too_long(self, number: int, length: int, column: int | None = None) -> ImportFileError:
        """A cell too long: ``column`` None when the CSV reader could not say which one."""
        sheet = f" (trang tính “{self.sheet}”)" if self.sheet is not None else ""
        hint = (
            ' Có thể tệp CSV thiếu một dấu ngoặc kép (") đóng ở ô này.'
            if self.sheet is None
            else ""
        )
        if column is None:
            where, size = f"Một ô ở dòng {number}{sheet}", f"dài hơn {vn_number(length)} ký tự"
        else:
            where, size = f"Ô {cell_name(number, column)}{sheet}", f"dài {vn_number(length)} ký tự"
        return ImportFileError(
            f"{where} của tệp {self.path.name} {size}, vượt giới hạn "
            f"{vn_number(MAX_CELL_CHARS)} ký tự của một ô Excel.{hint} Hãy sửa ô này, lưu lại "
            "rồi nhập lại.",
            f"row {number}, column {column}: {length} characters",
        )

    def _where(self) -> str:
        if self.sheet is None:
            return f"Tệp {self.path.name}"
        return f"Trang tính “{self.sheet}” của tệp {self.path.name}"


def cell_name(number: int, column: int) -> str:
    """Excel's name of a cell: row ``number`` (1-based), 0-based ``column``; (3, 1) -> "B3"."""
    letters = ""
    column += 1
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return f"{letters}{number}"
