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
