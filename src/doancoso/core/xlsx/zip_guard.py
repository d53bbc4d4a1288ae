"""What an .xlsx must pass before python-calamine sees it (:func:`check_zip`).

calamine builds each sheet as one dense grid, so a single value at XFD1048576 would ask for
hundreds of gigabytes and abort the process; it also reserves room for every string a shared
strings table declares before reading one (``uniqueCount="4294967295"``: 100 GB, and an abort).
So a zip bomb, a zip that is no .xlsx/.xlsm, a sheet whose cells span a huge area and a shared
strings table that declares more strings than it can hold are refused here, each with its
Vietnamese message. No other count a workbook declares is trusted by calamine 0.37 (each
numeric attribute of a workbook set to 4294967295 was tried).

The check reports its progress (bytes of the workbook's parts looked at) through an optional
``report(done, total)``, between the steps of each part and every few thousand tags while a
sheet is sized (which takes seconds for 100,000 rows): a chance to stop. What ``report`` raises
goes through.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from ..errors import ImportFileError
from ..lang.text import vn_number
from ..progress import Report
from .refusals import MAX_GRID_CELLS, failure, huge_sheet, unreadable

# Zip bombs: a 100,000-row roster sheet is about 75 MB of XML.
_MAX_PART_BYTES = 256 * 1024 * 1024
_MAX_UNZIPPED_BYTES = 512 * 1024 * 1024
_MAX_PARTS = 10_000
_WORKBOOK_PART = "xl/workbook.xml"  # where Excel, LibreOffice and calamine put it
# A cell or row reference beyond column CZ (104) or row 99,999, a reference written in an
# unusual way (spaces around "="), or a cell without a reference (calamine places it after the
# one before): only then is the sheet scanned to size its grid exactly (:func:`grid_size`).
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
# Tags of a part sized between two reports: about a hundredth of a second of :func:`grid_size`.
_TAGS_BETWEEN_REPORTS = 4096


def _too_big(path: Path, details: str) -> ImportFileError:
    return ImportFileError(
        f"Tệp {path.name} quá lớn để nhập: khi giải nén, nội dung vượt quá "
        f"{_MAX_UNZIPPED_BYTES // (1024 * 1024)} MB (có thể tệp bị hỏng hoặc là tệp nén độc hại). "
        "Hãy mở tệp trong Excel, kiểm tra và lưu lại rồi thử lại.",
        details,
    )


def check_zip(path: Path, report: Report | None = None) -> None:
    """Refuse a zip bomb (declared sizes, then actual ones), a zip that is no .xlsx/.xlsm, and
    a workbook with a sheet whose cells span more than :data:`MAX_GRID_CELLS` from A1 (the
    whole workbook: calamine may place a sheet in any part, so every part is checked).
    ``report(done, total)``: the bytes of the parts looked at (see the module docstring)."""
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
                raise unreadable(path, ValueError(f"no {_WORKBOOK_PART} in the zip"))
            done = 0
            for info in infos:
                # Every part, not only xl/worksheets/: the workbook's relationships may place a
                # sheet anywhere. zipfile stops at the declared size and checks the CRC. Each
                # step scans the part (75 MB of XML for 100,000 rows): a report between them.
                part = _part_report(report, done, info.file_size, total)
                part(0, 1)
                data = archive.read(info)
                part(0, 1)
                if b"sst" in data:
                    _check_declared_strings(path, info.filename, data, total)
                # the pattern needs an "&": looking for one first skips a scan of the part
                # that took longer than the rest of its checks on a 100,000-row sheet
                if b"&" in data and _ESCAPED_REF.search(data):
                    raise unreadable(path, ValueError(f"escaped reference in {info.filename}"))
                part(0, 1)
                if _needs_sizing(data):
                    part(0, 1)
                    cells = _cell_count(data)
                    if cells > MAX_GRID_CELLS:  # no need to place them: too many already
                        raise huge_sheet(path, 0, 0, info.filename, cells)
                    rows, columns = grid_size(data, part)
                    if rows * columns > MAX_GRID_CELLS:
                        raise huge_sheet(path, rows, columns, info.filename)
                done += info.file_size
            if report is not None:
                report(total, total)
    except ImportFileError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError) as exc:
        raise failure(path, exc) from exc


def _part_report(report: Report | None, before: int, size: int, total: int) -> Report:
    """The report of one part of ``size`` bytes, after ``before`` bytes of the ``total``."""

    def part(done: int, of: int) -> None:
        if report is not None:
            report(before + (size * done // of if of > 0 else 0), total)

    return part


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


def grid_size(data: bytes, report: Report | None = None) -> tuple[int, int]:
    """(last row, last column) of the cells with content that calamine's grid of an XML part
    would reach. As calamine does, a cell goes where its reference says, or else after the cell
    before it in its row; a row goes where its reference says, or else after the row before.
    A cell with no content (``<c r="L1048576" s="3"/>``, a border on an empty cell) and an empty
    row with a height are no data: calamine leaves them out of its grid.
    ``report(done, len(data))`` is called every few thousand tags."""
    row = column = rows = columns = 0
    size = len(data)
    for count, match in enumerate(_ROW_OR_CELL.finditer(data)):
        if report is not None and not count % _TAGS_BETWEEN_REPORTS:
            report(match.start(), size)
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
