"""Reading the cells of a roster file: .xlsx (python-calamine), old .xls (xlrd) and .csv.

The kind of file is decided from its first bytes, not its name, so a CSV renamed ".xlsx" or a
password-protected workbook (an OLE container, like an old .xls) gets a clear message instead
of a library's traceback. Every failure is an :class:`ImportFileError`; nothing is written.

Before any reading, a file larger than 100 MB (.xlsx, .xls) or 50 MB (.csv) is refused by its
size: a roster of 100,000 members is about 10 MB as .xlsx and 20 MB as CSV, and a 3 GB file
would be read whole first. While the rows are read, a row with data beyond column 1,000 or a
cell longer than Excel's 32,767 characters is refused, naming the row or the cell: a roster has
a few dozen columns, and the header guess looks at the first rows cell by cell.

.xlsx/.xlsm go through python-calamine (Rust): about seven times faster than openpyxl's
read-only mode on a file saved by Excel. Before calamine sees a file, :func:`_check_zip` refuses
a zip bomb and a sheet whose cells span a huge area: calamine builds each sheet as one dense
grid, so a single value at XFD1048576 would ask for hundreds of gigabytes and abort the process.
It also refuses a shared strings table that declares more strings than it can hold: calamine
reserves room for every declared string before reading one (``uniqueCount="4294967295"``:
100 GB, and an abort). No other count a workbook declares is trusted by calamine 0.37 (each
numeric attribute of a workbook set to 4294967295 was tried).
Old .xls stay with xlrd: they are small legacy files, xlrd reads them as the tests expect, and a
BIFF file gives no cheap way to bound calamine's grid before it is built.

What calamine gives, and what the readers downstream rely on (the :data:`Cell` types): numbers
are floats (1999.0 for 1999; xlrd does the same); a date cell is a ``date`` at midnight, a
``datetime`` otherwise; times are ``time``, durations ("[h]:mm:ss") ``timedelta``; booleans are
``bool``; a formula gives its cached value; error cells ("#N/A"), formulas never calculated and
empty cells read as empty (None); rich text comes joined, without its phonetic runs; text keeps
its spaces. Rows are as long as their last non-empty cell, whatever the sheet's ``<dimension>``
says. A number that is no number (NaN, infinite: ``str()`` would make it the text "nan") reads
as empty, and :attr:`SheetRows.notes` says which cells, for the preview's warnings.

A CSV is read as UTF-8 (with or without BOM) when it is; otherwise as the 8-bit encoding a
Windows PC saves, when that can be told (see :func:`decode_csv_bytes`), or it is refused with
the line that is not UTF-8 and how to save it again; never as mojibake.
"""

from __future__ import annotations

import codecs
import csv
import errno
import functools
import io
import math
import os
import re
import unicodedata
import zipfile
from collections.abc import Callable, Generator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any, TypeVar

from ..errors import ImportFileError
from ..lang.legacy import Encoding, decode_cell, plausible_vietnamese
from ..lang.text import vn_number
from ..storage.folder import os_reason

Cell = str | int | float | bool | date | datetime | time | timedelta | None

_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTION_INFO = "EncryptionInfo".encode("utf-16-le")
_MB = 1024 * 1024
# Files larger than these are refused before any reading: a roster of 100,000 members with
# every column is about 10 MB as .xlsx (an .xls holds at most 65,536 rows) and 20 MB as CSV.
# The limits leave room for five to ten times that; a CSV is read whole into memory.
_MAX_EXCEL_BYTES = 100 * _MB
_MAX_CSV_BYTES = 50 * _MB
# A roster has a few dozen columns: a row with data beyond column 1,000 is refused (the header
# guess reads the first rows cell by cell: 2.5 million cells on one line took a minute), and so
# is a cell longer than Excel allows (a CSV with an unclosed quote makes the rest one cell).
_MAX_COLUMNS = 1_000
_MAX_CELL_CHARS = 32_767
_SCAN_BYTES = 4096  # the first bytes looked at to tell the kind of a file
# Zip bombs: a 100,000-row roster sheet is about 75 MB of XML.
_MAX_PART_BYTES = 256 * 1024 * 1024
_MAX_UNZIPPED_BYTES = 512 * 1024 * 1024
_MAX_PARTS = 10_000
_WORKBOOK_PART = "xl/workbook.xml"  # where Excel, LibreOffice and calamine put it
# The largest grid (rows x columns, counted from A1) a sheet may span: 100,000 rows of 100
# columns. calamine allocates the whole grid, empty cells included.
_MAX_GRID_CELLS = 10_000_000
# A cell or row reference beyond column CZ (104) or row 99,999, a reference written in an
# unusual way (spaces around "="), or a cell without a reference (calamine places it after the
# one before): only then is the sheet scanned to size its grid exactly (:func:`_grid_size`).
_FAR_REF = re.compile(rb"r=[\"'](?:[A-Z]{3}|[D-Z][A-Z]|[A-Z]*\d{6})")
_ODD_REF = re.compile(rb"r\s+=|r=\s")
_ROW_OR_CELL = re.compile(rb"<(?:[\w.-]+:)?(row|c)(?=[\s/>])([^>]*)>")
_REF = re.compile(rb"(?:^|\s)r\s*=\s*[\"']\s*([A-Za-z]*)\s*(\d*)")
# A reference spelt with character references (r="&#88;FD1048576"): no spreadsheet program
# writes one, and the patterns above could not size it.
_ESCAPED_REF = re.compile(rb"\sr\s*=\s*[\"'][^\"'>]*&")
# The shared strings table's root tag, <sst count="..." uniqueCount="...">: calamine reserves
# 24 bytes for each string ``uniqueCount`` announces before reading any (4294967295: 100 GB, and
# the process aborts). Every <sst tag of a part is looked at, up to the next "<" (an attribute
# value cannot hold one), and every count-like attribute in it, however quoted or spaced.
_SST_TAG = re.compile(rb"<(?:[\w.-]+:)?sst(?=[\s/>])")
_DECLARED_COUNT = re.compile(rb"(?i)(unique)?count\s*=\s*[\"']?\s*\+?(\d{1,40})")
_SMALLEST_STRING = len(b"<si/>")  # each declared string takes at least this in the part
# Declared strings allowed whatever the part's size (a stale count in a small file is harmless:
# 240 KB reserved), and at most: 100,000 members with 40 distinct texts each; 100 MB reserved.
_FEW_STRINGS = 10_000
_MAX_SHARED_STRINGS = 4_000_000
_PASS_THROUGH = (KeyboardInterrupt, SystemExit, GeneratorExit)
_T = TypeVar("_T")


@dataclass
class SheetRows:
    """The non-empty rows of one sheet: (1-based sheet row number, cell values)."""

    name: str
    rows: list[tuple[int, list[Cell]]]
    book_sheets: list[str]  # every sheet of the workbook
    # What the reader changed while reading, in Vietnamese, for the preview's warnings
    notes: list[str] = field(default_factory=list)


def _kind(path: Path) -> str:
    """The kind of file ("xlsx", "xls", "ole-xlsx", "csv"), from its first bytes and name, or
    ImportFileError: for a folder, a file that cannot be opened, one too large to be a roster
    (from its size alone: nothing more is read) or one that is no spreadsheet."""
    try:
        if path.is_dir():
            raise ImportFileError(
                f"“{path.name}” là một thư mục, không phải tệp. Hãy chọn một tệp Excel (.xlsx, "
                ".xls) hoặc CSV (.csv).",
                f"{path} is a directory",
            )
        with path.open("rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            head = handle.read(_SCAN_BYTES)
    except FileNotFoundError as exc:
        raise ImportFileError(f"Không tìm thấy tệp {path.name}.", repr(exc)) from exc
    except OSError as exc:
        raise ImportFileError(
            f"Không mở được tệp {path.name}: {os_reason(exc)}.", repr(exc)
        ) from exc
    suffix = path.suffix.lower()
    excel = head.startswith((_ZIP, _OLE)) or suffix in (".xlsx", ".xlsm", ".xls")
    if not excel and suffix != ".csv":
        raise ImportFileError(
            f"Không nhập được tệp {path.name}: chỉ nhận tệp Excel (.xlsx, .xls) hoặc CSV (.csv).",
            f"suffix {suffix!r}",
        )
    limit, label = (_MAX_EXCEL_BYTES, "Excel") if excel else (_MAX_CSV_BYTES, "CSV")
    if size > limit:
        raise ImportFileError(
            f"Tệp {path.name} quá lớn để nhập ({_size_text(size)}; tệp {label} nhận tối đa "
            f"{limit // _MB} MB). Một danh sách đoàn viên, kể cả 100.000 người, nhỏ hơn nhiều: "
            "hãy kiểm tra lại đã chọn đúng tệp chưa.",
            f"{size} bytes",
        )
    if head.startswith(_ZIP):
        return "xlsx"
    if head.startswith(_OLE):
        # Excel saves a password-protected workbook, .xlsx included, as an OLE container
        # holding an EncryptionInfo stream; an .xls is an OLE container too.
        if _holds(path, _ENCRYPTION_INFO):
            raise _password(path, "EncryptionInfo stream")
        return "ole-xlsx" if suffix in (".xlsx", ".xlsm") else "xls"
    if suffix == ".csv":
        return "csv"
    kind = "CSV hoặc văn bản bị đổi đuôi" if _looks_like_text(head) else "hỏng"
    raise ImportFileError(
        f"Tệp {path.name} không phải tệp Excel hợp lệ (có thể là tệp {kind}). Hãy mở tệp "
        "trong Excel và lưu lại dạng “Excel Workbook (.xlsx)”.",
        f"first bytes {head[:8]!r}",
    )


def _size_text(size: int) -> str:
    """3221225472 -> "3,0 GB", 157286400 -> "150,0 MB" (a decimal comma, as Vietnamese writes)."""
    text = f"{size / 2**30:.1f} GB" if size >= 2**30 else f"{size / _MB:.1f} MB"
    return text.replace(".", ",")


def _holds(path: Path, needle: bytes, chunk: int = _MB) -> bool:
    """Whether the file holds ``needle``, read a chunk at a time."""
    try:
        with path.open("rb") as handle:
            tail = b""
            while block := handle.read(chunk):
                if needle in tail + block:
                    return True
                tail = block[-len(needle) + 1 :]
    except OSError as exc:
        raise _os_error(path, exc) from exc
    return False


def _os_error(path: Path, exc: OSError) -> ImportFileError:
    """A file that could not be read to the end (a USB stick pulled out...), in Vietnamese."""
    return ImportFileError(f"Không đọc được tệp {path.name}: {os_reason(exc)}.", repr(exc))


def _password(path: Path, details: str) -> ImportFileError:
    return ImportFileError(
        f"Tệp {path.name} được bảo vệ bằng mật khẩu. Hãy mở tệp trong Excel, gỡ mật khẩu "
        "(Tệp > Thông tin > Bảo vệ sổ làm việc > Mã hóa bằng mật khẩu: để trống), lưu lại "
        "rồi nhập lại.",
        details,
    )


def _looks_like_text(data: bytes) -> bool:
    return b"\x00" not in data and sum(1 for b in data if b < 9) == 0


def _unreadable(path: Path, exc: BaseException) -> ImportFileError:
    return ImportFileError(
        f"Không đọc được tệp {path.name}: tệp bị hỏng hoặc không phải tệp Excel. Hãy mở tệp trong "
        "Excel và lưu lại rồi thử lại.",
        f"{type(exc).__name__}: {exc}",
    )


def _failure(path: Path, exc: Exception) -> ImportFileError:
    """A reader's failure: the file could not be read (a USB stick pulled out: the system's
    reason, in Vietnamese), or else it is a bad file. A seek past the start of a file (EINVAL)
    comes from offsets in a corrupt zip, not from the disk."""
    if isinstance(exc, OSError) and exc.errno is not None and exc.errno != errno.EINVAL:
        return _os_error(path, exc)
    return _unreadable(path, exc)


def _too_big(path: Path, details: str) -> ImportFileError:
    return ImportFileError(
        f"Tệp {path.name} quá lớn để nhập: khi giải nén, nội dung vượt quá "
        f"{_MAX_UNZIPPED_BYTES // (1024 * 1024)} MB (có thể tệp bị hỏng hoặc là tệp nén độc hại). "
        "Hãy mở tệp trong Excel, kiểm tra và lưu lại rồi thử lại.",
        details,
    )


def sheet_names(path: Path) -> list[str]:
    """Names of the sheets of a workbook (a CSV has one, named after the file)."""
    kind = _kind(path)
    if kind == "csv":
        return [path.stem]
    try:
        if kind == "xlsx":
            _check_zip(path)
            book = _calamine(path, lambda: _open_calamine(path))
            try:
                return list(book.sheet_names)
            finally:
                book.close()
        return list(_xlrd(path, kind).sheet_names())
    except ImportFileError:
        raise
    except Exception as exc:  # any library failure on outside data is a bad file
        raise _failure(path, exc) from exc


def read_sheets(path: Path, sheet: str | None = None) -> Generator[SheetRows, None, None]:
    """The sheets of ``path`` (only ``sheet`` when given), one at a time, with their rows."""
    kind = _kind(path)
    try:
        if kind == "csv":
            if sheet not in (None, path.stem):
                raise _no_sheet(path, sheet, [path.stem])
            rows, notes = _read_csv(path)
            yield SheetRows(path.stem, rows, [path.stem], notes)
        elif kind == "xlsx":
            yield from _read_xlsx(path, sheet)
        else:
            book = _xlrd(path, kind)
            names = list(book.sheet_names())
            if sheet is not None and sheet not in names:
                raise _no_sheet(path, sheet, names)
            for name in names if sheet is None else [sheet]:
                guard = _RowGuard(path, name)
                rows = _xls_rows(book, book.sheet_by_name(name), guard)
                yield SheetRows(name, rows, names, guard.notes())
    except ImportFileError:
        raise
    except Exception as exc:
        raise _failure(path, exc) from exc


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
        raise _password(path, f"{type(exc).__name__}: {exc}") from exc
    except BaseException as exc:
        if isinstance(exc, _PASS_THROUGH):
            raise
        raise _unreadable(path, exc) from exc


def _open_calamine(path: Path) -> Any:
    """The workbook, told apart by its content rather than its name (calamine picks its reader
    from the extension when given a path: an .xlsx saved as "ds.xls" would fail)."""
    from python_calamine import CalamineWorkbook

    with path.open("rb") as handle:
        return CalamineWorkbook.from_filelike(handle)


def _sheet_grid(book: Any, name: str) -> list[list[Any]]:
    grid: list[list[Any]] = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
    return grid


def _read_xlsx(path: Path, sheet: str | None) -> Generator[SheetRows, None, None]:
    _check_zip(path)
    book = _calamine(path, lambda: _open_calamine(path))
    try:
        names = list(book.sheet_names)
        if sheet is not None and sheet not in names:
            raise _no_sheet(path, sheet, names)
        for name in names if sheet is None else [sheet]:
            grid = _calamine(path, functools.partial(_sheet_grid, book, name))
            guard = _RowGuard(path, name)
            yield SheetRows(name, _grid_rows(grid, guard), names, guard.notes())
    finally:
        _calamine(path, book.close)


def _grid_rows(grid: list[list[Any]], guard: _RowGuard) -> list[tuple[int, list[Cell]]]:
    """The non-empty rows of calamine's grid (which starts at A1 and is as wide as the widest
    row): each cut after its last non-empty cell, with empty cells as None."""
    rows: list[tuple[int, list[Cell]]] = []
    append = rows.append
    for number, values in enumerate(grid, start=1):
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
    return rows


class _RowGuard:
    """Checks each row of a sheet as it is read, cut after its last non-empty cell: no more
    than :data:`_MAX_COLUMNS` cells, none longer than :data:`_MAX_CELL_CHARS` characters, and
    no more than :data:`_MAX_GRID_CELLS` cells in all (a CSV has no grid check before). A
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
        if width > _MAX_COLUMNS:
            raise ImportFileError(
                f"{self._where()} có dòng {number} dài tới {vn_number(width)} cột, quá nhiều cho "
                f"một danh sách (nhận tối đa {vn_number(_MAX_COLUMNS)} cột). Hãy xóa các cột "
                "thừa bên phải bảng danh sách, lưu lại rồi nhập lại.",
                f"row {number}: {width} columns",
            )
        self.cells += width
        if self.cells > _MAX_GRID_CELLS:
            raise _huge_sheet(self.path, 0, 0, self.sheet or "csv", self.cells)
        for column, value in enumerate(values):
            if isinstance(value, str):
                if len(value) > _MAX_CELL_CHARS:
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
            f"{vn_number(_MAX_CELL_CHARS)} ký tự của một ô Excel.{hint} Hãy sửa ô này, lưu lại "
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


def _check_zip(path: Path) -> None:
    """Refuse a zip bomb (declared sizes, then actual ones), a zip that is no .xlsx/.xlsm, and
    a workbook with a sheet whose cells span more than :data:`_MAX_GRID_CELLS` from A1 (the
    whole workbook: calamine may place a sheet in any part, so every part is checked)."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            total = sum(i.file_size for i in infos)
            largest = max((i.file_size for i in infos), default=0)
            if len(infos) > _MAX_PARTS or total > _MAX_UNZIPPED_BYTES or largest > _MAX_PART_BYTES:
                raise _too_big(path, f"{len(infos)} parts, {total} bytes, largest {largest}")
            if _WORKBOOK_PART not in {i.filename for i in infos}:
                # not an .xlsx/.xlsm (an .xlsb, an .ods, any zip): calamine would try its other
                # readers, which the grid check below does not cover
                raise _unreadable(path, ValueError(f"no {_WORKBOOK_PART} in the zip"))
            for info in infos:
                # Every part, not only xl/worksheets/: the workbook's relationships may place a
                # sheet anywhere. zipfile stops at the declared size and checks the CRC.
                data = archive.read(info)
                if b"sst" in data:
                    _check_declared_strings(path, info.filename, data, total)
                if _ESCAPED_REF.search(data):
                    raise _unreadable(path, ValueError(f"escaped reference in {info.filename}"))
                if _needs_sizing(data):
                    cells = _cell_count(data)
                    if cells > _MAX_GRID_CELLS:  # no need to place them: too many already
                        raise _huge_sheet(path, 0, 0, info.filename, cells)
                    rows, columns = _grid_size(data)
                    if rows * columns > _MAX_GRID_CELLS:
                        raise _huge_sheet(path, rows, columns, info.filename)
    except ImportFileError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError) as exc:
        raise _failure(path, exc) from exc


def _check_declared_strings(path: Path, part: str, data: bytes, total: int) -> None:
    """Refuse a shared strings table that declares more strings than its part can hold (each is
    at least ``<si/>``) or more than :data:`_MAX_SHARED_STRINGS`, or more uses of them
    (``count``) than the workbook has bytes: calamine would reserve room for them all first."""
    for tag in _SST_TAG.finditer(data):
        end = data.find(b"<", tag.end())
        attributes = data[tag.end() : end if end != -1 else len(data)]
        for match in _DECLARED_COUNT.finditer(attributes):
            declared = int(match.group(2))
            if match.group(1):
                limit, what, holder = max(len(data) // _SMALLEST_STRING, _FEW_STRINGS), "mục", "nó"
            else:
                limit, what, holder = max(total, _FEW_STRINGS), "lần dùng", "tệp"
            if declared > limit:
                raise ImportFileError(
                    f"Tệp {path.name} bị hỏng hoặc đã bị sửa: bảng chữ dùng chung ({part}) khai "
                    f"báo {vn_number(declared)} {what}, nhiều hơn nội dung của {holder} có thể "
                    "chứa. Hãy mở tệp trong Excel, lưu lại rồi nhập lại.",
                    f"{part}: declared {match.group(0)!r}, at most {limit} ({len(data)} bytes)",
                )
            if match.group(1) and declared > _MAX_SHARED_STRINGS:
                raise ImportFileError(
                    f"Tệp {path.name} có quá nhiều chữ khác nhau để nhập: bảng chữ dùng chung "
                    f"({part}) có {vn_number(declared)} mục, nhận tối đa "
                    f"{vn_number(_MAX_SHARED_STRINGS)}. Một danh sách đoàn viên có ít hơn nhiều: "
                    "hãy kiểm tra lại đã chọn đúng tệp chưa.",
                    f"{part}: declared {match.group(0)!r}, at most {_MAX_SHARED_STRINGS}",
                )


def _needs_sizing(data: bytes) -> bool:
    """Whether a part may hold a grid larger than the fast checks can bound: a far or oddly
    written reference, or a cell without a reference of its own."""
    if _FAR_REF.search(data) or _ODD_REF.search(data):
        return True
    # Counted as bytes, not with a pattern: 10,000 rows are 7 MB of XML. Excel, LibreOffice
    # and openpyxl write every cell as <c r="..." ...>; anything else is sized exactly.
    placed = data.count(b'<c r="') + data.count(b"<c r='")
    return _cell_count(data) != placed or b":c " in data or b":c>" in data  # <x:c ...>


def _cell_count(data: bytes) -> int:
    """The cell tags of a part without a namespace prefix (an upper bound of its cells)."""
    return data.count(b"<c ") + data.count(b"<c>") + data.count(b"<c/>")


def _grid_size(data: bytes) -> tuple[int, int]:
    """(last row, last column) of the cells with content that calamine's grid of an XML part
    would reach. As calamine does, a cell goes where its reference says, or else after the cell
    before it in its row; a row goes where its reference says, or else after the row before.
    A cell with no content (``<c r="L1048576" s="3"/>``, a border on an empty cell) and an empty
    row with a height are no data: calamine leaves them out of its grid."""
    row = column = rows = columns = 0
    for match in _ROW_OR_CELL.finditer(data):
        kind, attributes = match.group(1), match.group(2)
        ref = _REF.search(attributes)
        if kind == b"row":
            row = int(ref.group(2)) if ref and ref.group(2) else row + 1
            column = 0
            continue
        cell_row = row
        if ref and ref.group(1):
            column = 0
            for letter in ref.group(1).upper():
                column = column * 26 + letter - 64
            cell_row = int(ref.group(2)) if ref.group(2) else row
        else:
            column += 1
        if not attributes.rstrip().endswith(b"/"):  # not self-closing: it has content
            rows, columns = max(rows, cell_row), max(columns, column)
    return rows, columns


def _huge_sheet(path: Path, rows: int, columns: int, part: str, cells: int = 0) -> ImportFileError:
    where = (
        f"có hơn {vn_number(_MAX_GRID_CELLS)} ô"
        if cells
        else f"có ô dữ liệu ở tới dòng {rows} và cột thứ {columns}"
    )
    return ImportFileError(
        f"Tệp {path.name} có trang tính quá rộng để nhập: {where}. Hãy xóa các ô thừa nằm xa "
        "bảng danh sách (hoặc chép bảng sang một tệp mới), lưu lại rồi nhập lại.",
        f"{part}: {cells} cells" if cells else f"{part}: {rows} rows x {columns} columns",
    )


class _Discarded(io.TextIOBase):
    """Where xlrd's log goes: nowhere (the book keeps it, so it is never closed)."""

    def write(self, text: str) -> int:
        return len(text)


_NO_LOG = _Discarded()


def _xlrd(path: Path, kind: str) -> Any:
    """An .xls workbook; an OLE file named .xlsx is an .xls renamed or, far more often, an
    encrypted workbook whose encryption stream we could not see."""
    import xlrd

    try:
        # xlrd writes its warnings on a damaged file to stdout unless told otherwise: into the
        # output of `members import --format json`, or the console of the GUI
        return xlrd.open_workbook(str(path), on_demand=False, logfile=_NO_LOG)
    except Exception as exc:
        if kind == "ole-xlsx" or "encrypt" in str(exc).lower():
            raise _password(path, f"{type(exc).__name__}: {exc}") from exc
        raise _unreadable(path, exc) from exc


def _xls_rows(book: Any, sheet: Any, guard: _RowGuard) -> list[tuple[int, list[Cell]]]:
    import xlrd

    rows: list[tuple[int, list[Cell]]] = []
    for r in range(sheet.nrows):
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
    return rows


def _read_csv(path: Path) -> tuple[list[tuple[int, list[Cell]]], list[str]]:
    try:
        with path.open("rb") as handle:
            data = handle.read(_MAX_CSV_BYTES + 1)
    except OSError as exc:
        raise _os_error(path, exc) from exc
    if len(data) > _MAX_CSV_BYTES:  # grown since its size was checked
        raise ImportFileError(f"Tệp {path.name} quá lớn để nhập.", f"{len(data)} bytes")
    if b"\x00" in data[:_SCAN_BYTES]:
        raise ImportFileError(
            f"Tệp {path.name} không phải tệp CSV dạng văn bản (có thể là UTF-16). Hãy lưu lại dạng "
            "“CSV UTF-8”.",
            "NUL bytes in a CSV",
        )
    text, note = decode_csv_bytes(data, path.name)
    try:
        dialect: Any = csv.Sniffer().sniff(text[:8192], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    guard = _RowGuard(path)
    rows: list[tuple[int, list[Cell]]] = []
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    number = 0
    try:
        for number, values in enumerate(reader, start=1):
            end = len(values)
            while end and not values[end - 1]:
                end -= 1
            if end and any(v.strip() for v in values):
                row = guard.check(number, list(values[:end]))
                if row is not None:
                    rows.append((number, row))
    except csv.Error as exc:
        number += 1  # the record being read
        if "field limit" in str(exc):  # "field larger than field limit (131072)"
            raise guard.too_long(number, csv.field_size_limit()) from exc
        raise ImportFileError(
            f"Không đọc được tệp {path.name}: tệp CSV bị hỏng ở dòng {number}. Hãy mở tệp, kiểm "
            "tra rồi lưu lại dạng “CSV UTF-8” và nhập lại.",
            f"record {number}: {exc}",
        ) from exc
    return rows, [note] if note else []


def decode_csv_bytes(data: bytes, name: str) -> tuple[str, str | None]:
    """The text of a CSV file called ``name``, and a note for the preview when it was converted.

    UTF-8 (with or without BOM) is read strictly. A file that is otherwise UTF-8 (or has a BOM)
    but holds a byte that is not is refused, naming the line. Any other file is one of the
    8-bit encodings a Windows PC saves: Windows-1252 holding legacy TCVN3/VNI letters (an old
    roster typed with ".VnTime" fonts; read as Excel shows it, and the legacy detection
    converts the cells), or Windows-1258 (Excel's "CSV (Comma delimited)" on a Windows set to
    Vietnamese: converted, with a note). Whichever makes more words of the file Vietnamese
    wins; when neither does, the file is refused rather than read as mojibake.
    """
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        # where, counted from the file's start (utf-8-sig counts after its BOM)
        bad = exc.start + (len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0)
    line, text = _line_at(data, bad)
    save_as_utf8 = "lưu lại tệp CSV với bảng mã UTF-8 (Excel: Lưu thành → CSV UTF-8)."
    if data.startswith(codecs.BOM_UTF8) or _mostly_utf8(data):
        raise ImportFileError(
            f"Tệp {name} có chữ không đọc được ở dòng {line} (“{text}”): byte 0x{data[bad]:02X} "
            f"không phải chữ UTF-8. Hãy sửa chữ đó rồi {save_as_utf8}",
            f"invalid UTF-8 at byte {bad}",
        )
    western = data.decode("latin-1").translate(_CP1252_ROW)
    words = _foreign_words(western)
    if not words:  # no letter outside ASCII: nothing can be read wrong
        return western, None
    legacy = sum(1 for word in words if _is_legacy(word))
    try:
        vietnamese = unicodedata.normalize("NFC", data.decode("cp1258"))
    except UnicodeDecodeError:  # a byte Windows-1258 leaves undefined
        vietnamese = ""
    plausible = implausible = 0
    for word in _foreign_words(vietnamese):
        if plausible_vietnamese(word):
            plausible += 1
        else:
            implausible += 1
    if plausible > legacy and plausible >= 9 * implausible:
        return vietnamese, (
            f"Tệp {name} được lưu bằng bảng mã Windows-1258, không phải UTF-8: chữ đã được "
            "chuyển sang Unicode, hãy kiểm tra lại họ tên trong bản xem trước. Lần sau hãy lưu "
            "dạng “CSV UTF-8” (Excel: Lưu thành → CSV UTF-8)."
        )
    if legacy:
        return western, None
    raise ImportFileError(
        f"Tệp {name} không được lưu bằng bảng mã UTF-8 (dòng {line} có byte "
        f"0x{data[bad]:02X}) và không nhận ra được bảng mã của nó. Hãy {save_as_utf8}",
        f"invalid UTF-8 at byte {bad}; legacy words {legacy}, Windows-1258 words "
        f"{plausible}/{plausible + implausible}",
    )


# One character of UTF-8 beyond ASCII: a lead byte and its continuation bytes.
_UTF8_CHAR = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
_HIGH_BYTES = bytes(range(0x80, 0x100))
_WORD = re.compile(r"[^\W\d_]+")
_SAMPLE_WORDS = 5_000  # distinct words enough to tell an encoding


def _mostly_utf8(data: bytes) -> bool:
    """Whether most bytes beyond ASCII form UTF-8 characters (the rest are stray bytes)."""
    high = len(data) - len(data.translate(None, _HIGH_BYTES))
    in_chars = sum(len(m) for m in _UTF8_CHAR.findall(data))
    return in_chars > 0 and in_chars * 2 >= high


def _line_at(data: bytes, at: int) -> tuple[int, str]:
    """The 1-based line number of byte ``at``, and that line (cut around it) for a message."""
    start = max(data.rfind(b"\n", 0, at) + 1, at - 60)
    end = data.find(b"\n", at)
    end = min(len(data) if end == -1 else end, at + 60)
    text = data[start:end].decode("utf-8", errors="replace").strip()
    return data.count(b"\n", 0, at) + 1, text


def _foreign_words(text: str) -> list[str]:
    """The distinct words of ``text`` with a letter beyond ASCII (the first few thousand)."""
    found: dict[str, None] = {}
    for word in _WORD.findall(text):
        if not word.isascii():
            found[word] = None
            if len(found) >= _SAMPLE_WORDS:
                break
    return list(found)


def _is_legacy(word: str) -> bool:
    decoded = decode_cell(word)
    return decoded.encoding is not Encoding.UNICODE and not decoded.unsure


# Latin-1 decodes every byte; this puts Windows-1252's letters in its 0x80-0x9F row.
_CP1252_ROW = {b: bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(0x80, 0xA0)}
