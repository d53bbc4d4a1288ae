"""The rejected rows of an import, saved as an .xlsx for the secretary to fix and import again.

The file holds the sheet's header row (both rows of a two-row header) as it was, with a column
"Lý do" added after the last one, then every rejected row with its cells as they were read and
its reasons, followed by the row's number in the imported file. A row that repeats another row
of the imported file names that row's person and says where it went, since the secretary sees
only this file: "Trùng với Trần Văn Tốt (dòng 4 của tệp đã nhập, đã được nhập)." (or "sẽ được
nhập" when saved before "Nhập"; "đã có trong danh sách đoàn viên", or "trong sổ theo dõi thanh
niên", when the import left it unchanged; "cũng bị loại, xem dòng 3 của tệp này" when it is
rejected as well). A rejected row under a group heading (:mod:`.groups`: "I. CHI ĐOÀN ẤP 1")
comes under that heading row, written as it was and without a reason above the first rejected
row of its group, so that the fixed rows imported again take the chi đoàn (a young person's
hamlet) it names. Text the preview converted from TCVN3/VNI is written converted, so the file
reads in any font. The import reads the file back as it read the original: the same
headers, and "Lý do" names no field (it is not imported). Dates stay real dates (shown
dd/mm/yyyy), numbers stay numbers and text stays text, so a CCCD typed as text keeps its
leading zero. A reason, or a cell longer than its column can be wide, wraps in a row as tall
as its lines. It prints on A4 landscape, one page wide, the header on every page.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ...errors import AppError
from ...lang.legacy import Encoding, decode_cell
from ...lang.text import fold
from ...storage.folder import os_reason
from ...xlsx.workbook import Cell
from ...xlsx.writer import (
    DATE_FORMAT,
    FONT,
    atomic_write,
    cell_text,
    print_setup,
    wrapped_height,
)
from .cell_values import shown
from .rows import ERROR, Duplicate, Problem, duplicate_text

if TYPE_CHECKING:
    from .preview import ImportPreview, ImportRow

REASON_HEADER = "Lý do"
SHEET_NAME = "Dòng bị loại"
REASON_WIDTH = 60  # characters; the reasons wrap inside
_WIDEST = 40
_NARROWEST = 6


@dataclass(frozen=True)
class SourceRows:
    """What of the sheet a preview keeps to write its rejected rows back: the header row(s)
    and each rejected row's cells, by sheet row number (text already converted), with the cells
    of the rows imported without a value a warning left out (:attr:`ImportRow.left_out`, shown
    as typed by the preview); ``headings``:
    the group heading above a rejected row (:mod:`.groups`), by their row numbers, its cells
    kept in ``rows`` too."""

    header: list[list[Cell]]
    rows: dict[int, list[Cell]]
    headings: dict[int, int] = field(default_factory=dict)


def source_rows(
    sheet: Sequence[tuple[int, list[Cell]]],
    header_rows: tuple[int, int],
    wanted: Iterable[int],
    legacy: bool,
    prefer: Encoding | None = None,
    headings: dict[int, int] | None = None,
) -> SourceRows:
    """The header rows (sheet row numbers ``header_rows``, first and last) and the rows
    numbered ``wanted`` of ``sheet``, with the group heading rows of ``headings`` (a wanted
    row's number: its heading's); with ``legacy`` (the sheet was typed in TCVN3/VNI), every
    text converted as the preview converted it (``prefer``: the sheet's encoding)."""
    headings = headings or {}
    keep = set(wanted) | set(headings.values())
    first, last = header_rows
    header: list[list[Cell]] = []
    rows: dict[int, list[Cell]] = {}
    for number, values in sheet:
        if first <= number <= last:
            header.append(_converted(values, legacy, prefer))
        elif number in keep:
            rows[number] = _converted(values, legacy, prefer)
    return SourceRows(header, rows, headings)


def _converted(values: list[Cell], legacy: bool, prefer: Encoding | None) -> list[Cell]:
    if not legacy:
        return list(values)
    return [decode_cell(v, prefer).text if isinstance(v, str) else v for v in values]


def reasons_text(
    problems: Sequence[Problem], place: Callable[[Duplicate], str] | None = None
) -> str:
    """A row's problems as sentences, those that reject it first: "Thiếu ngày sinh. …".
    ``place``: where the other row of a duplicate is said to be (default: its message's "dòng
    4")."""
    ordered = [p for p in problems if p.severity == ERROR]
    ordered += [p for p in problems if p.severity != ERROR]
    sentences = []
    for p in ordered:
        if p.duplicate is not None and place is not None:
            sentences.append(duplicate_text(p.duplicate, place(p.duplicate)))
        else:
            sentences.append(
                p.message if p.message.endswith((".", "!", "?", "…")) else f"{p.message}."
            )
    return " ".join(sentences)


def row_reason(
    number: int, problems: Sequence[Problem], place: Callable[[Duplicate], str] | None = None
) -> str:
    """The "Lý do" of a rejected row: its reasons, then where it was in the imported file."""
    return f"{reasons_text(problems, place)} (Dòng {number} của tệp đã nhập.)"


def write_rejected(preview: ImportPreview, path: Path, *, imported: bool = False) -> int:
    """Write the rejected rows of ``preview`` with their reasons to the .xlsx ``path`` (see the
    module docstring), each group of them under its group heading row as it was, without a
    reason (the fixed rows imported again take its chi đoàn); ``imported``: the import of
    ``preview`` has been done. Returns how many rejected rows were written."""
    from .preview import REJECTED

    source = preview.source
    rejected = [row for row in preview.rows if row.action == REJECTED]
    if source is None or not rejected:
        raise AppError("Không có dòng nào bị loại để lưu.", "no rejected rows")
    entries = _under_headings(rejected, source.headings)
    first = len(source.header) + 1
    written = {row.row: first + i for i, (_number, row) in enumerate(entries) if row is not None}
    place = _placer(preview, written, imported)
    lines = [
        (
            source.rows.get(number, []),
            "" if row is None else row_reason(number, row.problems, place),
        )
        for number, row in entries
    ]
    write_rows(Path(path), source.header, lines, len(preview.headers))
    return len(rejected)


def write_rows(
    path: Path, header: list[list[Cell]], lines: list[tuple[list[Cell], str]], width: int = 0
) -> None:
    """Write a file of rejected rows to the .xlsx ``path`` (see the module docstring): the
    ``header`` row(s), then each of ``lines``, the row's cells and its reason (a group heading
    has none), at least ``width`` columns before "Lý do". The rating sheet's import writes its
    refused rows with it too."""
    if path.suffix.lower() != ".xlsx":
        raise AppError(f"Không lưu được “{path.name}”: chỉ lưu ra tệp .xlsx.", path.suffix)
    width = max([width] + [len(values) for values in header] + [len(v) for v, _ in lines])

    def write(temp: Path) -> None:
        _write_book(temp, header, lines, width)

    atomic_write(path, write)


def remove_stale(path: Path) -> bool:
    """Remove the file of rejected rows an earlier import wrote at ``path``, when this import
    rejects none: left there, it would be read as this import's rejected rows. Only a file
    recognisably written by :func:`write_rejected` is removed (one sheet, "Dòng bị loại", a
    "Lý do" heading in its first row): any other file at ``path`` is the user's, kept as it is.
    True when a file was removed; a file that cannot be removed (open in Excel) is a
    Vietnamese AppError."""
    path = Path(path)
    if not _written_here(path):
        return False
    try:
        path.unlink()
    except OSError as exc:
        raise AppError(
            f"Không xóa được tệp các dòng bị loại cũ “{path}”: {os_reason(exc)}. Hãy đóng "
            "tệp (nếu đang mở trong Excel) rồi chạy lại.",
            repr(exc),
        ) from exc
    return True


def _written_here(path: Path) -> bool:
    """Whether ``path`` is a file of rejected rows as :func:`write_rejected` writes them."""
    if path.suffix.lower() != ".xlsx" or not path.is_file():
        return False
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True)
    except Exception:  # noqa: BLE001 - not a workbook openpyxl reads: not one of ours
        return False
    try:
        if book.sheetnames != [SHEET_NAME]:
            return False
        first = next(book[SHEET_NAME].iter_rows(max_row=1, values_only=True), ())
        return REASON_HEADER in first
    finally:
        book.close()


def _under_headings(
    rejected: list[ImportRow], headings: dict[int, int]
) -> list[tuple[int, ImportRow | None]]:
    """The rows to write, by sheet row number: each rejected row, after its group heading's
    (``None``: a heading) where the row above it had another heading."""
    entries: list[tuple[int, ImportRow | None]] = []
    last: int | None = None
    for row in rejected:
        heading = headings.get(row.row)
        if heading is not None and heading != last:
            entries.append((heading, None))
        last = heading
        entries.append((row.row, row))
    return entries


def _placer(
    preview: ImportPreview, written: dict[int, int], imported: bool
) -> Callable[[Duplicate], str]:
    """Where the other row of a duplicate is, for a reader of the file of rejected rows
    (``written``: the row in that file of each rejected row): see the module docstring."""
    from .preview import NEW, UNCHANGED, UPDATE, YOUTH

    kept = "trong sổ theo dõi thanh niên" if preview.kind == YOUTH else "trong danh sách đoàn viên"
    actions = {row.row: row.action for row in preview.rows}

    def place(duplicate: Duplicate) -> str:
        where = f"dòng {duplicate.row} của tệp đã nhập"
        action = actions.get(duplicate.row)
        if duplicate.row in written:
            return f"{where}, cũng bị loại, xem dòng {written[duplicate.row]} của tệp này"
        if action in (NEW, UPDATE):
            return f"{where}, {'đã' if imported else 'sẽ'} được nhập"
        if action == UNCHANGED:
            return f"{where}, đã có {kept}"
        return where

    return place


def _value(value: Cell) -> Any:
    """A cell as openpyxl writes it: text cleaned for .xlsx, a whole float as an integer."""
    if isinstance(value, str):
        return cell_text(value, multiline=True)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _reason_column(header: list[list[Cell]]) -> int | None:
    """The 1-based column already headed "Lý do" (a file of rejected rows imported again and
    rejected again keeps one column of reasons, the new ones), or None."""
    for column, value in enumerate(header[0] if header else [], start=1):
        if isinstance(value, str) and fold(value) == fold(REASON_HEADER):
            return column
    return None


def _scale(values: list[Cell], column: int, reason: str) -> float:
    """How wide the cell of a written row at the 1-based ``column`` needs its column, per
    character: a rejected row's, 1; a group heading's (no ``reason``) in bold, wider, but 0 for
    its last text, which runs over the empty cells after it."""
    if reason:
        return 1
    return 1.3 if any(v not in (None, "") for v in values[column:]) else 0


def _write_book(
    temp: Path, header: list[list[Cell]], lines: list[tuple[list[Cell], str]], width: int
) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet: Any = book.active
    sheet.title = SHEET_NAME
    reason_column = _reason_column(header) or width + 1
    bold = Font(name=FONT, bold=True)
    fill = PatternFill("solid", fgColor="FFF2CC")
    wrap = Alignment(wrap_text=True, vertical="top")
    top = Alignment(vertical="top")
    widths = [_NARROWEST] * width

    def put(row: int, column: int, value: Cell, scale: float = 1) -> Any:
        cell = sheet.cell(row=row, column=column, value=_value(value))
        if isinstance(value, str) and value.startswith("="):
            cell.data_type = "s"  # text, never a formula
        elif isinstance(value, datetime):
            cell.number_format = DATE_FORMAT + (" hh:mm" if value.time() else "")
        elif isinstance(value, date):
            cell.number_format = DATE_FORMAT
        if value is not None and scale:
            size = 10 if isinstance(value, date) else math.ceil(len(shown(value)) * scale)
            widths[column - 1] = max(widths[column - 1], size)
        return cell

    for number, values in enumerate(header, start=1):
        for column, value in enumerate(values, start=1):
            put(number, column, value).font = bold
        if number == 1:  # (written over an old "Lý do")
            cell = sheet.cell(row=1, column=reason_column, value=REASON_HEADER)
            cell.font, cell.fill = bold, fill
    first = len(header) + 1
    red = Font(name=FONT, color="B71C1C")
    for offset, (values, reason) in enumerate(lines):
        number = first + offset
        wrapped: list[tuple[str, float]] = []  # (text, column width) of the texts that wrap
        for column, value in enumerate(values, start=1):
            if column == reason_column:
                continue
            cell = put(number, column, value, _scale(values, column, reason))
            text = cell.value
            if not reason:  # a group heading (:func:`_under_headings`): runs over, no wrap
                cell.font, cell.alignment = bold, top
            elif isinstance(text, str) and (len(text) > _WIDEST or "\n" in text):
                cell.alignment = wrap  # wider than its column can be: shown whole
                wrapped.append((text, min(widths[column - 1], _WIDEST) + 2))
            else:
                cell.alignment = top  # level with the first line of the wrapped texts
        if not reason:  # (a heading has none)
            continue
        reason = cell_text(reason)
        cell = sheet.cell(row=number, column=reason_column, value=reason)
        cell.font, cell.alignment, cell.fill = red, wrap, fill
        height = wrapped_height([*wrapped, (reason, REASON_WIDTH + 2)])
        if height is not None:
            sheet.row_dimensions[number].height = height
    for index, size in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = min(size, _WIDEST) + 2
    sheet.column_dimensions[get_column_letter(reason_column)].width = REASON_WIDTH + 2
    sheet.freeze_panes = sheet.cell(row=first, column=1)
    if header:
        sheet.print_title_rows = f"1:{len(header)}"  # the header on every printed page
    print_setup(sheet, "landscape", 0.25)
    book.save(temp)
