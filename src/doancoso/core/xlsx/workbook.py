"""Reading the cells of a roster file: .xlsx (python-calamine), old .xls (xlrd) and .csv.

The kind of file is decided from its first bytes, not its name, so a CSV renamed ".xlsx" or a
password-protected workbook (an OLE container, like an old .xls) gets a clear message instead
of a library's traceback; so does a LibreOffice spreadsheet (.ods), told how to save it as
.xlsx. Every failure is an :class:`ImportFileError`; nothing is written.

Before any reading, a file larger than 100 MB (.xlsx, .xls) or 50 MB (.csv) is refused by its
size: a roster of 100,000 members is about 10 MB as .xlsx and 20 MB as CSV, and a 3 GB file
would be read whole first. While the rows are read, a row with data beyond column 1,000 or a
cell longer than Excel's 32,767 characters is refused, naming the row or the cell: a roster has
a few dozen columns, and the header guess looks at the first rows cell by cell.

.xlsx/.xlsm go through python-calamine (Rust): about seven times faster than openpyxl's
read-only mode on a file saved by Excel. Before calamine sees a file, :mod:`.zip_guard` refuses
a zip bomb, a sheet whose cells span a huge area and a shared strings table that declares more
strings than it can hold (calamine would allocate for them all and abort the process).
Old .xls stay with xlrd (:mod:`.xls_reader`). Each row read is checked by :mod:`.cells`; the
refusals the readers share, and their limits, are in :mod:`.refusals`.

:func:`read_sheets` reports its progress through an optional ``report(done, total)`` as it
reads (the check of the zip, each sheet's rows every few hundred), and stops at whatever that
raises, which it raises again as it was (:mod:`.stopping`); the calls that cannot be interrupted
(calamine loading a sheet, xlrd opening a workbook) run on a helper thread meanwhile, so that a
stop takes effect within a twentieth of a second, whatever the size of the file.

What calamine gives, and what the readers downstream rely on (the :data:`Cell` types): numbers
are floats (1999.0 for 1999; xlrd does the same); a date cell is a ``date`` at midnight, a
``datetime`` otherwise; times are ``time``, durations ("[h]:mm:ss") ``timedelta``; booleans are
``bool``; a formula gives its cached value; error cells ("#N/A"), formulas never calculated and
empty cells read as empty (None); rich text comes joined, without its phonetic runs; text keeps
its spaces. Rows are as long as their last non-empty cell, whatever the sheet's ``<dimension>``
says. A number that is no number (NaN, infinite: ``str()`` would make it the text "nan") reads
as empty, and :attr:`SheetRows.notes` says which cells, for the preview's warnings.

A CSV is read as UTF-8 (with or without BOM) when it is; otherwise as the 8-bit encoding a
Windows PC saves, when that can be told, or it is refused with the line that is not UTF-8 and
how to save it again; never as mojibake (:mod:`.csv_reader`).

Read without a sheet named, a workbook's sheets come in its order, but those Excel hides (an old
copy of a list, a sheet of drop-down values) after those it shows, and a hidden sheet read says
so in :attr:`SheetRows.notes`: the user imports what they can see.

The names the rest of the app uses are here: :func:`sheet_names`, :func:`read_sheets`,
:class:`SheetRows`, :data:`Cell`, :func:`cell_name` and :func:`decode_csv_bytes`.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from ..errors import ImportFileError
from ..progress import SCALE, Report, Stages
from ..storage.folder import os_reason
from .cells import Cell, RowGuard, cell_name, grid_rows
from .csv_reader import decode_csv_bytes, read_csv
from .refusals import (
    MAX_CSV_BYTES,
    MAX_EXCEL_BYTES,
    MB,
    SCAN_BYTES,
    failure,
    open_document,
    os_error,
    password_protected,
    size_text,
    unreadable,
)
from .stopping import OffThread, Stopped, carried
from .xls_reader import open_xls, read_xls_bytes, xls_rows
from .zip_guard import check_zip

__all__ = ["Cell", "SheetRows", "cell_name", "decode_csv_bytes", "read_sheets", "sheet_names"]

_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTION_INFO = "EncryptionInfo".encode("utf-16-le")
# LibreOffice saves an .ods with its "mimetype" entry first and stored: its text is in the first
# bytes, whatever the file was renamed to. .fods is the same spreadsheet as flat XML.
_ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
_OPEN_DOCUMENT = (".ods", ".ots", ".fods")
_PASS_THROUGH = (KeyboardInterrupt, SystemExit, GeneratorExit, Stopped, ImportFileError)
_T = TypeVar("_T")


@dataclass
class SheetRows:
    """The non-empty rows of one sheet: (1-based sheet row number, cell values)."""

    name: str
    rows: list[tuple[int, list[Cell]]]
    book_sheets: list[str]  # every sheet of the workbook
    # What the reader changed while reading, in Vietnamese, for the preview's warnings
    notes: list[str] = field(default_factory=list)
    # Read from a CSV: every cell is text, and one of digits that a spreadsheet program read
    # as a number before saving the file again has lost its leading zeros
    csv: bool = False


def _kind(path: Path) -> str:
    """The kind of file ("xlsx", "xls", "ole-xlsx", "csv"), from its first bytes and name, or
    ImportFileError: for a folder, a file that cannot be opened, one too large to be a roster
    (from its size alone: nothing more is read) or one that is no spreadsheet."""
    try:
        if path.is_dir():
            raise ImportFileError(
                f"“{path.name or path}” là một thư mục, không phải tệp. Hãy chọn một tệp Excel "
                "(.xlsx, .xls) hoặc CSV (.csv).",
                f"{path} is a directory",
            )
        with path.open("rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            head = handle.read(SCAN_BYTES)
    except FileNotFoundError as exc:
        raise ImportFileError(f"Không tìm thấy tệp {path.name}.", repr(exc)) from exc
    except OSError as exc:
        raise ImportFileError(
            f"Không mở được tệp {path.name}: {os_reason(exc)}.", repr(exc)
        ) from exc
    suffix = path.suffix.lower()
    if suffix in _OPEN_DOCUMENT or (head.startswith(_ZIP) and _ODS_MIMETYPE in head):
        raise open_document(path, f"OpenDocument spreadsheet, suffix {suffix!r}")
    excel = head.startswith((_ZIP, _OLE)) or suffix in (".xlsx", ".xlsm", ".xls")
    if not excel and suffix != ".csv":
        raise ImportFileError(
            f"Không nhập được tệp {path.name}: chỉ nhận tệp Excel (.xlsx, .xls) hoặc CSV (.csv).",
            f"suffix {suffix!r}",
        )
    limit, label = (MAX_EXCEL_BYTES, "Excel") if excel else (MAX_CSV_BYTES, "CSV")
    if size > limit:
        raise ImportFileError(
            f"Tệp {path.name} quá lớn để nhập ({size_text(size)}; tệp {label} nhận tối đa "
            f"{limit // MB} MB). Một danh sách đoàn viên, kể cả 100.000 người, nhỏ hơn nhiều: "
            "hãy kiểm tra lại đã chọn đúng tệp chưa.",
            f"{size} bytes",
        )
    if head.startswith(_ZIP):
        return "xlsx"
    if head.startswith(_OLE):
        # Excel saves a password-protected workbook, .xlsx included, as an OLE container
        # holding an EncryptionInfo stream; an .xls is an OLE container too.
        if _holds(path, _ENCRYPTION_INFO):
            raise password_protected(path, "EncryptionInfo stream")
        return "ole-xlsx" if suffix in (".xlsx", ".xlsm") else "xls"
    if suffix == ".csv":
        return "csv"
    kind = "CSV hoặc văn bản bị đổi đuôi" if _looks_like_text(head) else "hỏng"
    raise ImportFileError(
        f"Tệp {path.name} không phải tệp Excel hợp lệ (có thể là tệp {kind}). Hãy mở tệp "
        "trong Excel và lưu lại dạng “Excel Workbook (.xlsx)”.",
        f"first bytes {head[:8]!r}",
    )


def _holds(path: Path, needle: bytes, chunk: int = MB) -> bool:
    """Whether the file holds ``needle``, read a chunk at a time."""
    try:
        with path.open("rb") as handle:
            tail = b""
            while block := handle.read(chunk):
                if needle in tail + block:
                    return True
                tail = block[-len(needle) + 1 :]
    except OSError as exc:
        raise os_error(path, exc) from exc
    return False


def _looks_like_text(data: bytes) -> bool:
    return b"\x00" not in data and sum(1 for b in data if b < 9) == 0


def sheet_names(path: Path) -> list[str]:
    """Names of the sheets of a workbook (a CSV has one, named after the file)."""
    kind = _kind(path)
    if kind == "csv":
        return [path.stem]
    try:
        if kind == "xlsx":
            check_zip(path)
            book = _calamine(path, lambda: _open_calamine(path))
            try:
                return list(book.sheet_names)
            finally:
                book.close()
        return list(open_xls(path, kind).sheet_names())
    except ImportFileError:
        raise
    except Exception as exc:  # any library failure on outside data is a bad file
        raise failure(path, exc) from exc


def read_sheets(
    path: Path, sheet: str | None = None, report: Report | None = None
) -> Generator[SheetRows, None, None]:
    """The sheets of ``path`` (only ``sheet`` when given), one at a time, with their rows.

    ``report(done, total)`` is called as the workbook is read, the sheets sharing the bar (the
    caller may stop after the first); what it raises goes through, the file closed."""
    kind = _kind(path)
    progress = carried(report)
    try:
        if kind == "csv":
            if sheet not in (None, path.stem):
                raise _no_sheet(path, sheet, [path.stem])
            rows, notes = read_csv(path, progress)
            yield SheetRows(path.stem, rows, [path.stem], notes, csv=True)
        elif kind == "xlsx":
            yield from _read_xlsx(path, sheet, progress)
        else:
            yield from _read_xls(path, kind, sheet, progress)
    except Stopped as stop:
        raise stop.reason from None
    except ImportFileError:
        raise
    except Exception as exc:
        raise failure(path, exc) from exc


def _shown_first(names: list[str], hidden: set[str]) -> list[str]:
    """The sheets in the workbook's order, those Excel shows before those it hides: a sheet the
    user cannot see (an old copy, a list of values) is read only when no other will do."""
    return [n for n in names if n not in hidden] + [n for n in names if n in hidden]


def _hidden_notes(name: str, hidden: set[str]) -> list[str]:
    if name not in hidden:
        return []
    return [f"Trang tính “{name}” đang bị ẩn trong Excel: hãy chắc chắn đây là danh sách cần nhập."]


def _no_sheet(path: Path, sheet: str, names: list[str]) -> ImportFileError:
    return ImportFileError(
        f"Tệp {path.name} không có trang tính “{sheet}”. Các trang tính: {', '.join(names)}.",
        f"sheet {sheet!r} not in {names!r}",
    )


def _calamine(path: Path, action: Callable[[], _T]) -> _T:
    """``action`` (a call into calamine) with every failure turned into an ImportFileError.

    A Rust panic reaches Python as pyo3's PanicException, which derives from BaseException,
    not Exception: it is caught too, but an interrupt or exit passes through.
    """
    from python_calamine import PasswordError

    try:
        return action()
    except PasswordError as exc:
        raise password_protected(path, f"{type(exc).__name__}: {exc}") from exc
    except BaseException as exc:
        if isinstance(exc, _PASS_THROUGH):
            raise
        raise unreadable(path, exc) from exc


def _open_calamine(path: Path) -> Any:
    """The workbook, told apart by its content rather than its name (calamine picks its reader
    from the extension when given a path: an .xlsx saved as "ds.xls" would fail)."""
    from python_calamine import CalamineWorkbook

    with path.open("rb") as handle:
        return CalamineWorkbook.from_filelike(handle)


def _hidden_sheets(book: Any) -> set[str]:
    """The sheets of a calamine workbook that Excel hides (hidden or "very hidden")."""
    from python_calamine import SheetVisibleEnum

    return {m.name for m in book.sheets_metadata if m.visible != SheetVisibleEnum.Visible}


def _sheet_grid(grid: Any) -> Iterator[list[Any]]:
    """The rows of calamine's grid from A1, one at a time, as ``to_python(skip_empty_area=False)``
    gives them all at once: ``iter_rows`` numbers its rows from row 1 but starts them at the
    first column holding data (and fails on an empty sheet)."""
    start = grid.start
    if start is None:  # no cell at all
        return iter(())
    rows: Iterator[list[Any]] = grid.iter_rows()
    if not start[1]:
        return rows
    before = [""] * start[1]
    return (before + values for values in rows)


def _grid_rows(
    path: Path, grid: Any, guard: RowGuard, report: Report
) -> list[tuple[int, list[Cell]]]:
    """The non-empty rows of a sheet calamine loaded, read one at a time (a failure of calamine
    is an ImportFileError)."""
    end = grid.end
    height = end[0] + 1 if end else 0
    return _calamine(path, lambda: grid_rows(_sheet_grid(grid), guard, report, height))


def _read_xlsx(path: Path, sheet: str | None, report: Report | None) -> Iterator[SheetRows]:
    stages = Stages(report)
    check_zip(path, stages.part(300))
    book = _calamine(path, lambda: _open_calamine(path))
    loading: OffThread[Any] | None = None
    try:
        names = list(book.sheet_names)
        if sheet is not None and sheet not in names:
            raise _no_sheet(path, sheet, names)
        hidden = _calamine(path, lambda: _hidden_sheets(book))
        chosen = _shown_first(names, hidden) if sheet is None else [sheet]
        parts = Stages(stages.part(700), scale=len(chosen) * SCALE)  # the sheets alike
        for name in chosen:
            steps = Stages(parts.part(SCALE))
            loaded, converted = steps.part(400), steps.part(600)
            # calamine builds the whole grid in one call (a second for 100,000 rows), off this
            # thread so that a stop need not wait for it
            loading = OffThread(
                functools.partial(_calamine, path, functools.partial(book.get_sheet_by_name, name))
            )
            grid = loading.result(loaded)
            loaded(1, 1)
            guard = RowGuard(path, name)
            rows = _grid_rows(path, grid, guard, converted)
            yield SheetRows(name, rows, names, _hidden_notes(name, hidden) + guard.notes())
    finally:
        # a load stopped while calamine still reads the book: the book goes when it is done
        # (closing it under calamine fails; it holds memory only, no file)
        if loading is None or not loading.running:
            _calamine(path, book.close)


def _read_xls(
    path: Path, kind: str, sheet: str | None, report: Report | None
) -> Iterator[SheetRows]:
    stages = Stages(report)
    opened = stages.part(600)
    # The file is read here, and xlrd parses its bytes off the thread (all of it at once): a
    # stop while xlrd still runs leaves no handle on the file (xlrd would map it in memory
    # meanwhile, and Windows then refuses to move or delete it).
    contents = read_xls_bytes(path, opened)
    book = OffThread(functools.partial(open_xls, path, kind, contents)).result(opened)
    del contents  # the book holds what it needs
    opened(1, 1)
    names = list(book.sheet_names())
    if sheet is not None and sheet not in names:
        raise _no_sheet(path, sheet, names)
    hidden = {page.name for page in book.sheets() if page.visibility}  # 1 hidden, 2 very hidden
    chosen = _shown_first(names, hidden) if sheet is None else [sheet]
    parts = Stages(stages.part(400), scale=len(chosen) * SCALE)
    for name in chosen:
        guard = RowGuard(path, name)
        rows = xls_rows(book, book.sheet_by_name(name), guard, parts.part(SCALE))
        yield SheetRows(name, rows, names, _hidden_notes(name, hidden) + guard.notes())
