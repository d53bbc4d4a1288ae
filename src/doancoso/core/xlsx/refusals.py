"""The limits a file to import is held to, and the refusals the readers share (each an
:class:`ImportFileError` with its Vietnamese message): a file that cannot be read, a bad or
password-protected file, a sheet too wide."""

from __future__ import annotations

import errno
from pathlib import Path

from ..errors import ImportFileError
from ..lang.text import vn_number
from ..storage.folder import os_reason

MB = 1024 * 1024
# Files larger than these are refused before any reading: a roster of 100,000 members with
# every column is about 10 MB as .xlsx (an .xls holds at most 65,536 rows) and 20 MB as CSV.
# The limits leave room for five to ten times that; a CSV is read whole into memory.
MAX_EXCEL_BYTES = 100 * MB
MAX_CSV_BYTES = 50 * MB
# A roster has a few dozen columns: a row with data beyond column 1,000 is refused (the header
# guess reads the first rows cell by cell: 2.5 million cells on one line took a minute), and so
# is a cell longer than Excel allows (a CSV with an unclosed quote makes the rest one cell).
MAX_COLUMNS = 1_000
MAX_CELL_CHARS = 32_767
SCAN_BYTES = 4096  # the first bytes looked at to tell the kind of a file
# The largest grid (rows x columns, counted from A1) a sheet may span: 100,000 rows of 100
# columns. calamine allocates the whole grid, empty cells included.
MAX_GRID_CELLS = 10_000_000


def size_text(size: int) -> str:
    """3221225472 -> "3,0 GB", 157286400 -> "150,0 MB" (a decimal comma, as Vietnamese writes)."""
    text = f"{size / 2**30:.1f} GB" if size >= 2**30 else f"{size / MB:.1f} MB"
    return text.replace(".", ",")


def os_error(path: Path, exc: OSError) -> ImportFileError:
    """A file that could not be read to the end (a USB stick pulled out...), in Vietnamese."""
    return ImportFileError(f"Không đọc được tệp {path.name}: {os_reason(exc)}.", repr(exc))


def password_protected(path: Path, details: str) -> ImportFileError:
    return ImportFileError(
        f"Tệp {path.name} được bảo vệ bằng mật khẩu. Hãy mở tệp trong Excel, gỡ mật khẩu "
        "(Tệp > Thông tin > Bảo vệ sổ làm việc > Mã hóa bằng mật khẩu: để trống), lưu lại "
        "rồi nhập lại.",
        details,
    )


def open_document(path: Path, details: str) -> ImportFileError:
    """A LibreOffice/OpenOffice spreadsheet (.ods), which no reader here reads: how to save it
    as .xlsx from LibreOffice Calc, where it was made (the menus named in Vietnamese and
    English: either may be installed)."""
    return ImportFileError(
        f"Không nhập được tệp {path.name}: đây là bảng tính của LibreOffice/OpenOffice, ứng dụng "
        "chỉ đọc tệp Excel (.xlsx, .xls) hoặc CSV (.csv). Hãy mở tệp bằng LibreOffice Calc, chọn "
        "Tệp → Lưu thành… (File → Save As…), chọn kiểu tệp “Excel 2007-365 (.xlsx)”, bấm Lưu "
        "(nếu được hỏi, chọn dùng định dạng Excel), rồi nhập tệp .xlsx vừa lưu.",
        details,
    )


def unreadable(path: Path, exc: BaseException) -> ImportFileError:
    return ImportFileError(
        f"Không đọc được tệp {path.name}: tệp bị hỏng hoặc không phải tệp Excel. Hãy mở tệp trong "
        "Excel và lưu lại rồi thử lại.",
        f"{type(exc).__name__}: {exc}",
    )


def failure(path: Path, exc: Exception) -> ImportFileError:
    """A reader's failure: the file could not be read (a USB stick pulled out: the system's
    reason, in Vietnamese), or else it is a bad file. A seek past the start of a file (EINVAL)
    comes from offsets in a corrupt zip, not from the disk."""
    if isinstance(exc, OSError) and exc.errno is not None and exc.errno != errno.EINVAL:
        return os_error(path, exc)
    return unreadable(path, exc)


def huge_sheet(path: Path, rows: int, columns: int, part: str, cells: int = 0) -> ImportFileError:
    where = (
        f"có hơn {vn_number(MAX_GRID_CELLS)} ô"
        if cells
        else f"có ô dữ liệu ở tới dòng {rows} và cột thứ {columns}"
    )
    return ImportFileError(
        f"Tệp {path.name} có trang tính quá rộng để nhập: {where}. Hãy xóa các ô thừa nằm xa "
        "bảng danh sách (hoặc chép bảng sang một tệp mới), lưu lại rồi nhập lại.",
        f"{part}: {cells} cells" if cells else f"{part}: {rows} rows x {columns} columns",
    )
