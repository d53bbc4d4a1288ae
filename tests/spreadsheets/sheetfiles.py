"""Writers of the fixture files: every workbook the spreadsheet tests read is made here."""

from __future__ import annotations

import csv
import re
import zipfile
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

TODAY = date(2026, 11, 26)

Rows = Sequence[Sequence[Any]]


def write_xlsx(path: Path, rows: Rows, merges: Sequence[str] = (), title: str = "Sheet1") -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title
    for row in rows:
        sheet.append(list(row))
    for cells in merges:
        sheet.merge_cells(cells)
    book.save(path)
    return path


def with_dimension(path: Path, ref: str | None) -> Path:
    """``path`` with the size its sheets declare (``<dimension ref=...>``) set to ``ref``, or
    removed when ``ref`` is None, as other programs write it."""
    pattern = re.compile(rb"<dimension ref=\"[^\"]*\"\s*/>")
    replacement = b"" if ref is None else f'<dimension ref="{ref}"/>'.encode()
    data = {}
    with zipfile.ZipFile(path) as book:
        for item in book.infolist():
            content = book.read(item.filename)
            if item.filename.startswith("xl/worksheets/"):
                content, count = pattern.subn(replacement, content)
                assert count == 1
            data[item.filename] = content
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        for name, content in data.items():
            book.writestr(name, content)
    return path


def write_xls(path: Path, rows: Rows, title: str = "Sheet1") -> Path:
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet(title)
    date_style = xlwt.easyxf(num_format_str="dd/mm/yyyy")
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is None:
                continue
            if isinstance(value, date):
                sheet.write(r, c, value, date_style)
            else:
                sheet.write(r, c, value)
    book.save(str(path))
    return path


def write_csv(path: Path, rows: Rows, encoding: str = "utf-8-sig") -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle).writerows(["" if v is None else v for v in row] for row in rows)
    return path
