"""Reading the cells of a roster file: .xlsx (openpyxl), old .xls (xlrd) and .csv.

The kind of file is decided from its first bytes, not its name, so a CSV renamed ".xlsx" or a
password-protected workbook (an OLE container, like an old .xls) gets a clear message instead
of a library's traceback. Every failure is an :class:`ImportFileError`; nothing is written.
"""

from __future__ import annotations

import csv
import functools
import io
import warnings
from collections.abc import Generator
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from ..errors import ImportFileError

Cell = str | int | float | bool | date | datetime | time | None

_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTION_INFO = "EncryptionInfo".encode("utf-16-le")
_MAX_CSV_BYTES = 200 * 1024 * 1024


@dataclass
class SheetRows:
    """The non-empty rows of one sheet: (1-based sheet row number, cell values)."""

    name: str
    rows: list[tuple[int, list[Cell]]]
    book_sheets: list[str]  # every sheet of the workbook


def _kind(path: Path) -> str:
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except FileNotFoundError as exc:
        raise ImportFileError(f"Không tìm thấy tệp {path.name}.", str(exc)) from exc
    except OSError as exc:
        raise ImportFileError(f"Không mở được tệp {path.name}: {exc.strerror}.", str(exc)) from exc
    suffix = path.suffix.lower()
    if head.startswith(_ZIP):
        return "xlsx"
    if head.startswith(_OLE):
        # Excel saves a password-protected workbook, .xlsx included, as an OLE container
        # holding an EncryptionInfo stream; an .xls is an OLE container too.
        if _ENCRYPTION_INFO in path.read_bytes():
            raise _password(path, "EncryptionInfo stream")
        return "ole-xlsx" if suffix in (".xlsx", ".xlsm") else "xls"
    if suffix == ".csv":
        return "csv"
    if suffix in (".xlsx", ".xlsm", ".xls"):
        kind = (
            "CSV hoặc văn bản bị đổi đuôi"
            if _looks_like_text(head + path.read_bytes()[:4096])
            else "hỏng"
        )
        raise ImportFileError(
            f"Tệp {path.name} không phải tệp Excel hợp lệ (có thể là tệp {kind}). Hãy mở tệp "
            "trong Excel và lưu lại dạng “Excel Workbook (.xlsx)”.",
            f"first bytes {head!r}",
        )
    raise ImportFileError(
        f"Không nhập được tệp {path.name}: chỉ nhận tệp Excel (.xlsx, .xls) hoặc CSV (.csv).",
        f"suffix {suffix!r}",
    )


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


def sheet_names(path: Path) -> list[str]:
    """Names of the sheets of a workbook (a CSV has one, named after the file)."""
    kind = _kind(path)
    if kind == "csv":
        return [path.stem]
    try:
        if kind == "xlsx":
            with _openpyxl(path) as book:
                return list(book.sheetnames)
        return list(_xlrd(path, kind).sheet_names())
    except ImportFileError:
        raise
    except Exception as exc:  # any library failure on outside data is a bad file
        raise _unreadable(path, exc) from exc


def read_sheets(path: Path, sheet: str | None = None) -> Generator[SheetRows, None, None]:
    """The sheets of ``path`` (only ``sheet`` when given), one at a time, with their rows."""
    kind = _kind(path)
    try:
        if kind == "csv":
            if sheet not in (None, path.stem):
                raise _no_sheet(path, sheet, [path.stem])
            yield SheetRows(path.stem, _read_csv(path), [path.stem])
        elif kind == "xlsx":
            with _openpyxl(path) as book:
                names = list(book.sheetnames)
                if sheet is not None and sheet not in names:
                    raise _no_sheet(path, sheet, names)
                for name in names if sheet is None else [sheet]:
                    yield SheetRows(name, _xlsx_rows(book[name]), names)
        else:
            book = _xlrd(path, kind)
            names = list(book.sheet_names())
            if sheet is not None and sheet not in names:
                raise _no_sheet(path, sheet, names)
            for name in names if sheet is None else [sheet]:
                yield SheetRows(name, _xls_rows(book, book.sheet_by_name(name)), names)
    except ImportFileError:
        raise
    except Exception as exc:
        raise _unreadable(path, exc) from exc


def _no_sheet(path: Path, sheet: str, names: list[str]) -> ImportFileError:
    return ImportFileError(
        f"Tệp {path.name} không có trang tính “{sheet}”. Các trang tính: {', '.join(names)}.",
        f"sheet {sheet!r} not in {names!r}",
    )


class _openpyxl:
    """A read-only workbook that is closed (its zip file released) on exit."""

    def __init__(self, path: Path) -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "no default style" and similar: harmless here
            try:
                reader = _unsized_reader()(path, read_only=True, data_only=True)
                reader.read()
                self.book: Any = reader.wb
            except Exception as exc:  # BadZipFile, KeyError, InvalidFileException...
                raise _unreadable(path, exc) from exc

    def __enter__(self) -> Any:
        return self.book

    def __exit__(self, *_: object) -> None:
        self.book.close()


@functools.cache
def _unsized_reader() -> Any:
    """openpyxl's read-only loader, with sheets that ignore the size the file declares.

    A read-only sheet trusts the file's ``<dimension>``: a stale one ("A1:A1", written by some
    generators) cuts the rows off, a bloated one ("A1:XFD1048576") pads every row to 16,384
    cells. openpyxl's documented remedy is ``reset_dimensions()``; this goes one step further
    and never reads the size, because a sheet without ``<dimension>`` (openpyxl writes none in
    write-only mode, our own export included) is otherwise parsed in full at open just to size
    it, and that pass is a fifth of the whole read. Rows then come as long as their last
    cell, which the readers below already allow for.
    """
    from openpyxl.reader.excel import ExcelReader
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

    class UnsizedSheet(ReadOnlyWorksheet):  # type: ignore[misc]
        def _get_size(self) -> None:
            self.reset_dimensions()

    class UnsizedReader(ExcelReader):  # type: ignore[misc]
        def read_worksheets(self) -> None:
            # ExcelReader.read_worksheets for read_only=True, with UnsizedSheet.
            for sheet, rel in self.parser.find_sheets():
                if rel.target not in self.valid_files:
                    continue
                if "chartsheet" in rel.Type:
                    self.read_chartsheet(sheet, rel)
                    continue
                ws = UnsizedSheet(self.wb, sheet.name, rel.target, self.shared_strings)
                ws.sheet_state = sheet.state
                self.wb._sheets.append(ws)

    return UnsizedReader


def _xlsx_rows(sheet: Any) -> list[tuple[int, list[Cell]]]:
    rows: list[tuple[int, list[Cell]]] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            if any(v is not None and v != "" for v in values):
                rows.append((number, list(values)))
    return rows


def _xlrd(path: Path, kind: str) -> Any:
    """An .xls workbook; an OLE file named .xlsx is an .xls renamed or, far more often, an
    encrypted workbook whose encryption stream we could not see."""
    import xlrd

    try:
        return xlrd.open_workbook(str(path), on_demand=False)
    except Exception as exc:
        if kind == "ole-xlsx" or "encrypt" in str(exc).lower():
            raise _password(path, f"{type(exc).__name__}: {exc}") from exc
        raise _unreadable(path, exc) from exc


def _xls_rows(book: Any, sheet: Any) -> list[tuple[int, list[Cell]]]:
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
        if any(v is not None and v != "" for v in values):
            rows.append((r + 1, values))
    return rows


def _read_csv(path: Path) -> list[tuple[int, list[Cell]]]:
    data = path.read_bytes()
    if len(data) > _MAX_CSV_BYTES:
        raise ImportFileError(f"Tệp {path.name} quá lớn để nhập.", f"{len(data)} bytes")
    if b"\x00" in data[:4096]:
        raise ImportFileError(
            f"Tệp {path.name} không phải tệp CSV dạng văn bản (có thể là UTF-16). Hãy lưu lại dạng "
            "“CSV UTF-8”.",
            "NUL bytes in a CSV",
        )
    text = decode_csv_bytes(data)
    try:
        dialect: Any = csv.Sniffer().sniff(text[:8192], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows: list[tuple[int, list[Cell]]] = []
    for number, values in enumerate(csv.reader(io.StringIO(text, newline=""), dialect), start=1):
        if any(v.strip() for v in values):
            rows.append((number, list(values)))
    return rows


def decode_csv_bytes(data: bytes) -> str:
    """UTF-8 (with or without BOM); otherwise Windows-1252, so legacy TCVN3/VNI cells come out
    as the same characters Excel would show and the legacy detection converts them."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("latin-1").translate(_CP1252_ROW)


# Latin-1 decodes every byte; this puts Windows-1252's letters in its 0x80-0x9F row.
_CP1252_ROW = {b: bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(0x80, 0xA0)}
