"""Writers of the fixture files: every workbook the spreadsheet tests read is made here.

Two .xlsx forms: :func:`write_xlsx` as openpyxl writes (inline strings, no date styles of its
own making), and :func:`write_excel_xlsx` as Excel and LibreOffice save (a shared strings table,
``r`` references on rows and cells, a styles part whose number formats make real date cells).
"""

from __future__ import annotations

import csv
import re
import struct
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

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


def with_sheet_xml(path: Path, xml: str, part: str = "xl/worksheets/sheet1.xml") -> Path:
    """``path`` with ``xml`` added at the end of a sheet's ``<sheetData>``."""
    data = {}
    with zipfile.ZipFile(path) as book:
        for item in book.infolist():
            data[item.filename] = book.read(item.filename)
    assert data[part].count(b"</sheetData>") == 1
    data[part] = data[part].replace(b"</sheetData>", xml.encode() + b"</sheetData>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        for name, content in data.items():
            book.writestr(name, content)
    return path


def with_declared_size(path: Path, part: str, size: int) -> Path:
    """``path`` with the uncompressed size that the zip directory declares for ``part`` set to
    ``size``: a zip bomb announces a huge one, a lying one a small one."""
    data = bytearray(path.read_bytes())
    name = part.encode()
    at = data.find(b"PK\x01\x02")  # central directory entries
    found = 0
    while at != -1:
        name_length, extra_length, comment_length = struct.unpack_from("<HHH", data, at + 28)
        if bytes(data[at + 46 : at + 46 + name_length]) == name:
            struct.pack_into("<I", data, at + 24, size)
            found += 1
        at = data.find(b"PK\x01\x02", at + 46 + name_length + extra_length + comment_length)
    assert found == 1
    path.write_bytes(bytes(data))
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


_ODS = "application/vnd.oasis.opendocument.spreadsheet"


def write_ods(path: Path, rows: Rows, title: str = "Trang tính1") -> Path:
    """An OpenDocument spreadsheet as LibreOffice Calc saves one: the ``mimetype`` entry first
    and stored (its bytes near the start of the file), the manifest, then ``content.xml`` with
    the rows as text cells."""
    from xml.sax.saxutils import escape, quoteattr

    table = "".join(
        "<table:table-row>"
        + "".join(
            "<table:table-cell/>" if value is None else
            f'<table:table-cell office:value-type="string"><text:p>{escape(str(value))}'
            "</text:p></table:table-cell>"
            for value in row
        )
        + "</table:table-row>"
        for row in rows
    )  # fmt: skip
    content = (
        f"{_XML}<office:document-content "
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">'
        f"<office:body><office:spreadsheet><table:table table:name={quoteattr(title)}>{table}"
        "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        f"{_XML}<manifest:manifest "
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
        'manifest:version="1.3"><manifest:file-entry manifest:full-path="/" '
        f'manifest:media-type="{_ODS}"/><manifest:file-entry manifest:full-path="content.xml" '
        'manifest:media-type="text/xml"/></manifest:manifest>'
    )
    with zipfile.ZipFile(path, "w") as book:
        book.writestr("mimetype", _ODS, compress_type=zipfile.ZIP_STORED)
        book.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
        book.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
    return path


@dataclass(frozen=True)
class Rich:
    """A shared string in runs of different fonts (``<si><r>...</r><r>...</r></si>``), with an
    optional phonetic run (``<rPh>``) that Excel never shows."""

    runs: tuple[str, ...]
    phonetic: str | None = None


@dataclass(frozen=True)
class ErrorValue:
    """An error cell (``t="e"``), e.g. "#N/A" or "#DIV/0!"."""

    code: str


@dataclass(frozen=True)
class Formula:
    """A formula cell with the value Excel cached when it last calculated (None: never did)."""

    formula: str
    cached: object = None


_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_EPOCH = datetime(1899, 12, 30)
# Styles (cellXfs) of the workbook: general, date, date and time, time, duration.
_GENERAL, _DATE, _DATETIME, _TIME, _DURATION = range(5)
_STYLES = (
    f'{_XML}<styleSheet xmlns="{_NS}"><numFmts count="3">'
    '<numFmt numFmtId="164" formatCode="dd/mm/yyyy"/>'
    '<numFmt numFmtId="165" formatCode="dd/mm/yyyy\\ hh:mm"/>'
    '<numFmt numFmtId="166" formatCode="[h]:mm:ss"/></numFmts>'
    '<fonts count="1"><font><sz val="12"/><name val="Times New Roman"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="21" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/>'
    "</cellStyles></styleSheet>"
)


def column_letter(index: int) -> str:
    """The letters of a 0-based column: 0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _text(value: str) -> str:
    space = ' xml:space="preserve"' if value != value.strip() else ""
    return f"<t{space}>{escape(value)}</t>"


def write_excel_xlsx(
    path: Path,
    rows: Rows,
    merges: Sequence[str] = (),
    title: str = "Sheet1",
    sheets: Sequence[tuple[str, Rows]] = (),
) -> Path:
    """``rows`` in a workbook laid out as Excel saves it: every text in the shared strings
    table, ``r`` on rows and cells, dates as serial numbers with a date style. ``sheets`` are
    more sheets after the first. Values: text, int, float, bool, date, datetime, time,
    timedelta, :class:`Rich`, :class:`ErrorValue`, :class:`Formula`, None (no cell)."""
    strings: dict[object, int] = {}

    def shared(value: str | Rich) -> int:
        return strings.setdefault(value, len(strings))

    def cell(ref: str, value: object) -> str:
        formula = ""
        if isinstance(value, Formula):
            formula, value = f"<f>{escape(value.formula)}</f>", value.cached
            if value is None:
                return f'<c r="{ref}">{formula}</c>'
            if isinstance(value, str):
                return f'<c r="{ref}" t="str">{formula}<v>{escape(value)}</v></c>'
        if isinstance(value, str | Rich):
            return f'<c r="{ref}" t="s">{formula}<v>{shared(value)}</v></c>'
        if isinstance(value, ErrorValue):
            return f'<c r="{ref}" t="e">{formula}<v>{escape(value.code)}</v></c>'
        if isinstance(value, bool):
            return f'<c r="{ref}" t="b">{formula}<v>{int(value)}</v></c>'
        style, number = _number(value)
        style_attr = f' s="{style}"' if style else ""
        return f'<c r="{ref}"{style_attr}>{formula}<v>{number}</v></c>'

    def sheet_xml(rows: Rows, merges: Sequence[str]) -> str:
        lines, width = [], max((len(r) for r in rows), default=1)
        for r, row in enumerate(rows, start=1):
            cells = "".join(
                cell(f"{column_letter(c)}{r}", v) for c, v in enumerate(row) if v is not None
            )
            if cells:
                lines.append(f'<row r="{r}" spans="1:{width}">{cells}</row>')
        merged = "".join(f'<mergeCell ref="{m}"/>' for m in merges)
        merge_xml = f'<mergeCells count="{len(merges)}">{merged}</mergeCells>' if merges else ""
        last = f"{column_letter(width - 1)}{max(len(rows), 1)}"
        return (
            f'{_XML}<worksheet xmlns="{_NS}" xmlns:r="{_REL}"><dimension ref="A1:{last}"/>'
            '<sheetViews><sheetView workbookViewId="0"/></sheetViews>'
            f'<sheetFormatPr defaultRowHeight="15.75"/><sheetData>{"".join(lines)}</sheetData>'
            f'{merge_xml}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" '
            'header="0.3" footer="0.3"/></worksheet>'
        )

    parts = [(title, sheet_xml(rows, merges))] + [(n, sheet_xml(r, ())) for n, r in sheets]
    count = sum(  # every use of a shared string, as Excel counts them
        1
        for _, sheet_rows in [(title, rows), *sheets]
        for row in sheet_rows
        for v in row
        if isinstance(v, str | Rich)
    )
    items = []
    for value in strings:
        if isinstance(value, Rich):
            runs = "".join(f"<r><rPr><b/></rPr>{_text(run)}</r>" for run in value.runs)
            phonetic = f'<rPh sb="0" eb="1">{_text(value.phonetic)}</rPh>' if value.phonetic else ""
            items.append(f"<si>{runs}{phonetic}</si>")
        else:
            items.append(f"<si>{_text(str(value))}</si>")
    sst = (
        f'{_XML}<sst xmlns="{_NS}" count="{count}" uniqueCount="{len(strings)}">'
        f"{''.join(items)}</sst>"
    )
    sheet_entries = "".join(
        f'<sheet name="{escape(name)}" sheetId="{i}" r:id="rId{i}"/>'
        for i, (name, _) in enumerate(parts, start=1)
    )
    workbook = (
        f'{_XML}<workbook xmlns="{_NS}" xmlns:r="{_REL}"><bookViews><workbookView/></bookViews>'
        f"<sheets>{sheet_entries}</sheets></workbook>"
    )
    n = len(parts)
    relations = "".join(
        f'<Relationship Id="rId{i}" Type="{_REL}/worksheet" Target="worksheets/sheet{i}.xml"/>'
        for i in range(1, n + 1)
    )
    relations += (
        f'<Relationship Id="rId{n + 1}" Type="{_REL}/styles" Target="styles.xml"/>'
        f'<Relationship Id="rId{n + 2}" Type="{_REL}/sharedStrings" Target="sharedStrings.xml"/>'
    )
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{_CT}.worksheet+xml"/>'
        for i in range(1, n + 1)
    )
    content_types = (
        f'{_XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{_CT}.sheet.main+xml"/>{overrides}'
        f'<Override PartName="/xl/styles.xml" ContentType="{_CT}.styles+xml"/>'
        f'<Override PartName="/xl/sharedStrings.xml" ContentType="{_CT}.sharedStrings+xml"/>'
        "</Types>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr("[Content_Types].xml", content_types)
        book.writestr(
            "_rels/.rels",
            f'{_XML}<Relationships xmlns="{_PKG}"><Relationship Id="rId1" '
            f'Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        book.writestr("xl/workbook.xml", workbook)
        book.writestr(
            "xl/_rels/workbook.xml.rels",
            f'{_XML}<Relationships xmlns="{_PKG}">{relations}</Relationships>',
        )
        for i, (_, xml) in enumerate(parts, start=1):
            book.writestr(f"xl/worksheets/sheet{i}.xml", xml)
        book.writestr("xl/styles.xml", _STYLES)
        book.writestr("xl/sharedStrings.xml", sst)
    return path


def _number(value: object) -> tuple[int, str]:
    """(style, text of ``<v>``) of a number, date, time or duration cell."""
    if isinstance(value, datetime):
        days = (value - _EPOCH) / timedelta(days=1)
        if value.time() == time(0):
            return _DATE, str(int(days))
        return _DATETIME, repr(days)
    if isinstance(value, date):
        return _DATE, str((value - _EPOCH.date()).days)
    if isinstance(value, time):
        seconds = value.hour * 3600 + value.minute * 60 + value.second
        return _TIME, repr(seconds / 86400)
    if isinstance(value, timedelta):
        return _DURATION, repr(value / timedelta(days=1))
    if isinstance(value, int | float):
        return _GENERAL, repr(value)
    raise TypeError(f"no Excel cell for {value!r}")


# -- The union's member template ("DANH SÁCH ĐOÀN VIÊN", sheets DSDV and DATA) -----------------

# The 33 columns of the DSDV sheet as the template spells them, in order (the header row; the
# birth date spans two columns, "Nam" and "Nữ", under one "Ngày sinh"). Written here on their
# own, not taken from the app, so that the tests compare the app's export with the template.
MEMBER_TEMPLATE_HEADERS = (
    "STT", "Họ và tên", "Mã định danh đoàn viên", "Ngày sinh", None, "Dân tộc", "Tôn giáo",
    "Quê quán", "Địa chỉ thường trú", "Số CMND/CCCD", "Ngày cấp", "Nơi cấp", "Trình độ văn hóa",
    "Trình độ chuyên môn", "Trình độ LLCT", "Tin học", "Ngoại ngữ", "Thời gian vào đoàn",
    "Số Nghị quyết chuẩn y kết nạp đoàn viên", "Số thẻ đoàn", "Thời gian vào Đảng",
    "Nghề nghiệp hiện nay", "Đối tượng đoàn viên", "Rèn luyện đoàn viên",
    "Đánh giá, xếp loại đoàn viên", "Khen thưởng", "Kỷ luật", "Chức vụ trong chi đoàn", "Hội",
    "Đoàn viên danh dự", "Email liên hệ", "Điện thoại liên hệ", "Đơn vị",
)  # fmt: skip
MEMBER_TEMPLATE_SUBHEADERS = (None, None, None, "Nam", "Nữ")

# Made-up members of "Chi đoàn 1", one dict each, keyed by the header ("Nam"/"Nữ" for the
# birth date, written in the column of the member's gender); every cell is text, as in the
# template. Lê Thị Ngọc Diệp's name is in capitals, as some rosters write it.
MEMBER_TEMPLATE_PEOPLE: tuple[dict[str, str], ...] = (
    {
        "Họ và tên": "LÊ THỊ NGỌC DIỆP", "Mã định danh đoàn viên": "8012345",
        "Nữ": "14/02/2002", "Dân tộc": "Kinh", "Tôn giáo": "Không",
        "Quê quán": "Xã Tân Hưng, tỉnh Cà Mau",
        "Địa chỉ thường trú": "Ấp Tân Long, xã Tân Hưng, tỉnh Cà Mau",
        "Số CMND/CCCD": "096302001234", "Ngày cấp": "20/04/2021",
        "Nơi cấp": "Cục Cảnh sát quản lý hành chính về trật tự xã hội",
        "Trình độ văn hóa": "12/12", "Trình độ chuyên môn": "Đại học", "Trình độ LLCT": "Sơ cấp",
        "Tin học": "Cơ bản", "Ngoại ngữ": "Tiếng Anh B1", "Thời gian vào đoàn": "26/03/2017",
        "Số Nghị quyết chuẩn y kết nạp đoàn viên": "15-NQ/ĐTN", "Số thẻ đoàn": "TĐ-0456",
        "Nghề nghiệp hiện nay": "Giáo viên",
        "Đối tượng đoàn viên": "Đoàn viên công chức, viên chức", "Rèn luyện đoàn viên": "Xuất sắc",
        "Đánh giá, xếp loại đoàn viên": "Hoàn thành xuất sắc nhiệm vụ",
        "Khen thưởng": "Giấy khen của Đoàn xã năm 2025",
        "Chức vụ trong chi đoàn": "Bí thư chi đoàn",
        "Hội": "Hội Liên hiệp Thanh niên Việt Nam", "Email liên hệ": "ngocdiep.le@gmail.com",
        "Điện thoại liên hệ": "0912345678", "Đơn vị": "Chi đoàn 1",
    },
    {
        "Họ và tên": "Nguyễn Văn Hậu", "Mã định danh đoàn viên": "8012346", "Nam": "05/11/1998",
        "Dân tộc": "Kinh", "Tôn giáo": "Công giáo", "Quê quán": "Xã Khánh An, tỉnh Cà Mau",
        "Địa chỉ thường trú": "Ấp Tân Long, xã Tân Hưng, tỉnh Cà Mau",
        "Số CMND/CCCD": "096098005678", "Ngày cấp": "02/07/2022",
        "Nơi cấp": "Cục Cảnh sát quản lý hành chính về trật tự xã hội",
        "Trình độ văn hóa": "12/12", "Trình độ chuyên môn": "Trung cấp", "Tin học": "Cơ bản",
        "Thời gian vào đoàn": "20/05/2013",  # at 14, under the rules of the time
        "Số thẻ đoàn": "TĐ-0457", "Nghề nghiệp hiện nay": "Nuôi trồng thủy sản",
        "Đối tượng đoàn viên": "Đoàn viên nông thôn", "Rèn luyện đoàn viên": "Khá",
        "Đánh giá, xếp loại đoàn viên": "Hoàn thành tốt nhiệm vụ",
        "Kỷ luật": "Khiển trách năm 2023",
        "Chức vụ trong chi đoàn": "Ủy viên Ban Chấp hành chi đoàn",
        "Hội": "Hội Liên hiệp Thanh niên Việt Nam", "Điện thoại liên hệ": "0987654321",
        "Đơn vị": "Chi đoàn 1",
    },
    {
        "Họ và tên": "Thạch Thị Sa Rươl", "Mã định danh đoàn viên": "8012347", "Nữ": "29/02/2004",
        "Dân tộc": "Khmer", "Tôn giáo": "Phật giáo", "Quê quán": "Xã Trần Đề, thành phố Cần Thơ",
        "Địa chỉ thường trú": "Ấp Cái Rắn, xã Tân Hưng, tỉnh Cà Mau",
        "Số CMND/CCCD": "094304009876", "Trình độ văn hóa": "12/12",
        "Thời gian vào đoàn": "26/03/2020", "Số Nghị quyết chuẩn y kết nạp đoàn viên": "07-NQ/ĐTN",
        "Nghề nghiệp hiện nay": "Sinh viên", "Đối tượng đoàn viên": "Đoàn viên sinh viên",
        "Chức vụ trong chi đoàn": "Phó Bí thư chi đoàn", "Hội": "Hội Sinh viên Việt Nam",
        "Email liên hệ": "saruol.thach@gmail.com", "Đơn vị": "Chi đoàn 1",
    },
    {
        "Họ và tên": "Trần Minh Tú", "Mã định danh đoàn viên": "8012348", "Nam": "17/08/1997",
        "Dân tộc": "Kinh", "Tôn giáo": "Không", "Số CMND/CCCD": "381234567",
        "Ngày cấp": "12/09/2013", "Nơi cấp": "Công an tỉnh Cà Mau", "Trình độ văn hóa": "12/12",
        "Trình độ chuyên môn": "Cao đẳng", "Trình độ LLCT": "Trung cấp", "Tin học": "Nâng cao",
        "Ngoại ngữ": "Tiếng Anh A2", "Thời gian vào đoàn": "26/03/2014",
        "Thời gian vào Đảng": "03/02/2024", "Nghề nghiệp hiện nay": "Công chức",
        "Chức vụ trong chi đoàn": "Đoàn viên", "Đoàn viên danh dự": "Không",
        "Điện thoại liên hệ": "0909123456", "Đơn vị": "Chi đoàn 1",
    },
)  # fmt: skip

# Part of the DATA sheet: a list per column, header first (only the lists the tests read).
MEMBER_TEMPLATE_DATA = (
    ("Dân tộc", "Kinh", "Tày", "Thái", "Mường", "Khmer", "Hoa"),
    ("Tôn giáo", "Không", "Phật giáo", "Công giáo", "Cao Đài", "Phật giáo Hòa Hảo"),
    ("Chức vụ", "Bí thư chi đoàn", "Phó Bí thư chi đoàn", "Ủy viên Ban Chấp hành chi đoàn",
     "Đoàn viên"),
)  # fmt: skip


def member_template_rows(
    people: Sequence[dict[str, str]] = MEMBER_TEMPLATE_PEOPLE,
) -> list[list[Any]]:
    """The DSDV sheet's rows: title, chi đoàn, header, sub-header, then one row per person."""
    keys: list[Any] = list(MEMBER_TEMPLATE_HEADERS)
    keys[3:5] = ["Nam", "Nữ"]
    rows: list[list[Any]] = [[], ["DANH SÁCH ĐOÀN VIÊN"], ["CHI ĐOÀN 1"], []]
    rows += [list(MEMBER_TEMPLATE_HEADERS), list(MEMBER_TEMPLATE_SUBHEADERS)]
    for number, person in enumerate(people, start=1):
        rows.append([str(number)] + [person.get(key) or None for key in keys[1:]])
    return rows


def member_template_merges() -> list[str]:
    """The title rows across the table, each header over its two rows, "Ngày sinh" over Nam
    and Nữ."""
    last = column_letter(len(MEMBER_TEMPLATE_HEADERS) - 1)
    merges = [f"A2:{last}2", f"A3:{last}3", "D5:E5"]
    for index in range(len(MEMBER_TEMPLATE_HEADERS)):
        if index not in (3, 4):
            merges.append(f"{column_letter(index)}5:{column_letter(index)}6")
    return merges


def write_member_template(
    path: Path, people: Sequence[dict[str, str]] = MEMBER_TEMPLATE_PEOPLE
) -> Path:
    """A roster in the union's member template, as Excel saves it: the DSDV sheet, then DATA."""
    width = max(len(column) for column in MEMBER_TEMPLATE_DATA)
    data = [
        [column[i] if i < len(column) else None for column in MEMBER_TEMPLATE_DATA]
        for i in range(width)
    ]
    return write_excel_xlsx(
        path, member_template_rows(people), member_template_merges(), "DSDV", [("DATA", data)]
    )
