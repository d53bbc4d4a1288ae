"""Reading the sheet of an import, whatever the rows become: members or young people.

:func:`read_import_sheet` opens the file through the hardened readers of
:mod:`doancoso.core.xlsx.workbook` (sizes and grids bounded, all or nothing), finds the header
with the import's vocabulary (:mod:`.headers`), and parses every row that is neither blank nor
a total or signature line with the import's row parser (:mod:`.rows`), reporting its progress
through an optional ``report(done, total)`` (:mod:`doancoso.core.progress`). :func:`make_preview`
then wraps the decided rows as an :class:`ImportPreview`, keeping the header and the rejected
rows as read so that they can be saved back (:mod:`.rejected`), and the rows a warning left a
value out of, so that the preview can show what was typed.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Mapping
from contextlib import closing
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ...errors import ImportFileError
from ...progress import Report, Stages, counted
from ...xlsx.workbook import SheetRows, read_sheets
from .headers import HeaderGuess, HeaderVocabulary, guess_header
from .preview import MEMBERS, REJECTED, ImportPreview, ImportRow
from .rejected import source_rows
from .rows import SKIP_BLANK, SKIP_GROUP, ParsedRow, RowParser

ParserFactory = Callable[[dict[str, int], list[str], date], RowParser]
"""Makes the row parser of a sheet from its mapping, its headers and today's date."""


@dataclass
class SheetRead:
    """A sheet read for an import: where its header is, its parsed rows, what was skipped."""

    rows: SheetRows
    guess: HeaderGuess
    columns: dict[str, int]  # field -> 0-based column, as imported
    parser: RowParser
    parsed: list[ParsedRow]
    skipped: list[tuple[int, str]]  # (sheet row, why: a ``SKIP_*`` of :mod:`.rows`)
    legacy: dict[str, int]  # legacy encoding -> cells converted


def check_mapping(mapping: Mapping[str, int] | None, vocab: HeaderVocabulary) -> None:
    """Refuse a chosen mapping naming an unknown field or a negative column (a caller's bug)."""
    if mapping is None:
        return
    unknown = sorted(set(mapping) - set(vocab.fields))
    if unknown or any(not isinstance(c, int) or c < 0 for c in mapping.values()):
        raise ValueError(f"bad column mapping: {dict(mapping)!r}")


def read_import_sheet(
    path: Path,
    sheet: str | None,
    mapping: Mapping[str, int] | None,
    vocab: HeaderVocabulary,
    make_parser: ParserFactory,
    today: date,
    report: Report | None = None,
) -> SheetRead:
    """Read ``path`` (``sheet``, or the first sheet with a header that ``vocab`` recognises)
    and parse its rows; ``mapping`` replaces the guessed columns. A file that cannot be read,
    or holds no data or no header, raises :class:`ImportFileError`.

    ``report(done, total)`` is called as the file is read (a quarter of the bar: every few
    hundred rows, and while a library reads a sheet whole; see :func:`read_sheets`) and every
    few hundred rows parsed; what it raises (the GUI's cancellation) goes through, after the
    file was closed."""
    check_mapping(mapping, vocab)
    stages = Stages(report)
    reading, parsing = stages.part(250), stages.part(750)
    reading(0, 1)
    found: tuple[SheetRows, HeaderGuess] | None = None
    first_with_rows: SheetRows | None = None
    with closing(read_sheets(path, sheet, reading)) as sheets:
        for rows in sheets:
            if rows.rows and first_with_rows is None:
                first_with_rows = rows
            guess = guess_header(rows.rows, vocab)
            if guess is not None:
                found = (rows, guess)
                break
    if found is None:
        csv = path.suffix.lower() == ".csv"  # a CSV has no sheets: the file is said
        if first_with_rows is None:
            where = f"Trang tính “{sheet}”" if sheet and not csv else f"Tệp {path.name}"
            empty = "" if csv else " (trang tính trống)"
            raise ImportFileError(f"{where} không có dữ liệu{empty}.", "no rows")
        where = f"tệp {path.name}" if csv else f"trang tính “{first_with_rows.name}”"
        raise ImportFileError(
            f"Không tìm thấy dòng tiêu đề trong {where}: cần "
            "các cột như “Họ và tên” và “Ngày sinh” trong 25 dòng đầu.",
            "no header row",
        )
    reading(1, 1)
    sheet_rows, guess = found
    columns = dict(mapping) if mapping is not None else dict(guess.mapping)
    parser = make_parser(columns, guess.headers, today)
    parser.zeros_lost_in_text = sheet_rows.csv
    parser.vocab = vocab
    parser.learn_encoding(sheet_rows.rows[guess.data_start :])
    parsed: list[ParsedRow] = []
    skipped: list[tuple[int, str]] = []
    legacy: dict[str, int] = {}
    blank: list[int] = []  # rows the reader left out as empty since the last person's
    last: int | None = None
    for number, values in counted(sheet_rows.rows[guess.data_start :], parsing):
        if last is not None:
            blank.extend(range(last + 1, number))
        last = number
        cells = parser.cells(values)
        reason = parser.skip_reason(values, cells)
        if reason is not None:
            skipped.append((number, reason))
            continue
        skipped.extend((empty, SKIP_BLANK) for empty in blank)  # inside the table: named
        blank.clear()
        row = parser.parse(number, cells)
        parser.take_heading(row)
        for encoding in row.legacy:
            legacy[encoding.value] = legacy.get(encoding.value, 0) + 1
        parsed.append(row)
    skipped.sort()
    return SheetRead(sheet_rows, guess, columns, parser, parsed, skipped, legacy)


def _headings(skipped: list[tuple[int, str]], rows: list[int]) -> dict[int, int]:
    """The group heading row above each of ``rows`` that has one (by row number), from the
    rows the reading ``skipped`` (in order)."""
    headings = [number for number, reason in skipped if reason == SKIP_GROUP]
    found: dict[int, int] = {}
    for row in rows:
        index = bisect_left(headings, row)
        if index:
            found[row] = headings[index - 1]
    return found


def make_preview(
    read: SheetRead,
    path: Path,
    decided: list[ImportRow],
    generation: int,
    kind: str = MEMBERS,
    new_branches: list[str] | None = None,
) -> ImportPreview:
    """The preview of ``read`` whose rows were decided as ``decided`` (at ``generation`` of
    the data they were compared with)."""
    rejected = [item.row for item in decided if item.action == REJECTED]
    # kept to write them back (save_rejected), and to show what a warning left out as typed
    kept = rejected + [item.row for item in decided if item.left_out]
    source = None
    if kept:
        header_rows = (read.guess.first_row, read.guess.row)
        source = source_rows(read.rows.rows, header_rows, kept, bool(read.legacy),
                             read.parser.prefer, _headings(read.skipped, rejected))  # fmt: skip
    return ImportPreview(
        path=path,
        sheet=read.rows.name,
        sheets=read.rows.book_sheets,
        header_row=read.guess.row,
        headers=read.guess.headers,
        mapping=read.columns,
        rows=decided,
        skipped=read.skipped,
        legacy_cells=read.legacy,
        generation=generation,
        # what the reader changed (an encoding converted...), then the layout's warnings: a
        # chosen mapping that takes the column in silences its warning
        warnings=read.rows.notes
        + [text for col, text in read.guess.warnings if col not in read.columns.values()],
        new_branches=new_branches or [],
        source=source,
        kind=kind,
    )
