"""The one writer of exported lists (.xlsx and .csv) and the pieces the other sheets share.

A list is the roster or the youth register: a title and the organisation above a bordered header
row, then one line per person. :class:`ListLayout` names what differs between lists (title, sheet
name, columns and their widest widths); :func:`write_list_xlsx` and :func:`write_list_csv` do
the rest the same way for every list: STT as a number, full dates as real dates shown dd/mm/yyyy
(a date known by its year alone is the text "2001"), every other value as text (CCCD and phone
keep their leading zero; a text starting with "=" stays a text, never a formula), a text wider
than its column wraps in a row made as tall as its lines, frozen header and names, thin borders,
A4 landscape fitted to the width with the header row repeated on every printed page, CSV in
UTF-8 with a BOM. Every sheet of the app sizes the rows of its wrapped texts the same way
(:func:`wrapped_height`).

Every text written goes through :func:`cell_text` first: databases made by older versions, or
merged from other machines, may hold control characters that an .xlsx cannot contain (Excel
then refuses or "repairs" the file) and cells longer than Excel's 32,767 characters. Files are
written beside the target and renamed over it (:func:`atomic_write`), so a failure never leaves
half a file where the old one was.
"""

from __future__ import annotations

import contextlib
import csv
import itertools
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ..errors import AppError
from ..lang.dates import format_vn_date
from ..lang.text import nfc, nfc_multiline
from ..storage.files import written_atomically
from .widths import char_units, column_width, line_room, text_units

EXCEL_CELL_LIMIT = 32_767  # characters (UTF-16 code units) in one cell
TRUNCATED = "…"  # ends a text cut to the limit
SHEET_NAME_LIMIT = 31
SHEET_NAME_FORBIDDEN = frozenset("[]:*?/\\")
HEADER_ROW = 3  # title, organisation, then the header
FONT = "Calibri"  # the font of every sheet (a font with no name is LibreOffice's own serif)
LINE_HEIGHT = 15.0  # points, one line of the default font (Calibri 11)
ROW_HEIGHT_LIMIT = 409.0  # points, the tallest row Excel allows (it fits a printed page)
FORMATS = (".xlsx", ".csv")
DATE_FORMAT = "dd/mm/yyyy"  # the number format of full dates in the .xlsx lists
# Excel's day 0 in the 1900 date system, as an ordinal: right for every date from 1 March 1900
# (Excel counts a 29 February 1900 that never was).
EXCEL_DAY_ZERO = date(1899, 12, 30).toordinal()

Value = str | date  # a cell of an exported list: a text, or a full date


def cell_text(value: str, multiline: bool = False) -> str:
    """``value`` as it may be written to a file: cleaned the way the field is cleaned on entry
    (:func:`..text.nfc` for one line, :func:`..text.nfc_multiline` for notes: NFC, no control
    characters), then cut to :data:`EXCEL_CELL_LIMIT` characters (a longer text ends with "…").

    Text that entered through this version is unchanged; only text stored by older versions or
    merged from other machines can differ."""
    text = nfc_multiline(value) if multiline else nfc(value)
    if len(text) > EXCEL_CELL_LIMIT // 2:  # only then can it pass the limit in UTF-16 units
        units = text.encode("utf-16-le")
        if len(units) > 2 * EXCEL_CELL_LIMIT:
            keep = units[: 2 * (EXCEL_CELL_LIMIT - len(TRUNCATED))]
            text = keep.decode("utf-16-le", errors="ignore") + TRUNCATED  # no half a pair
    return text


def sheet_title(name: str) -> str:
    """``name`` checked as a sheet name Excel accepts (raises ValueError otherwise)."""
    if not name or len(name) > SHEET_NAME_LIMIT or SHEET_NAME_FORBIDDEN & set(name):
        raise ValueError(f"sheet name {name!r} is not valid in Excel")
    if name.startswith("'") or name.endswith("'"):
        raise ValueError(f"sheet name {name!r} may not start or end with an apostrophe")
    return name


@dataclass(frozen=True)
class ListLayout:
    """What one exported list names: its title ("DANH SÁCH ĐOÀN VIÊN"), the sheet's name and
    the columns as (Vietnamese header, widest text), STT first: each column is as wide as its
    longest value, up to that widest text (in widths of a digit, see :func:`column_widths`); a
    longer text wraps. The headers wrap on ``header_lines`` lines at most."""

    title: str
    sheet: str
    columns: tuple[tuple[str, int], ...]
    multiline: frozenset[str] = frozenset()  # headers of the columns that keep line breaks
    header_lines: int = 2

    @property
    def headers(self) -> list[str]:
        return [header for header, _ in self.columns]

    def cleaners(self) -> list[bool]:
        """For each column, whether its text keeps line breaks (see :func:`cell_text`)."""
        return [header in self.multiline for header, _ in self.columns]


def export_format(path: Path) -> str:
    """The lower-case suffix of ``path`` (".xlsx" or ".csv"), or AppError for any other."""
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise AppError(
            f"Không xuất được ra “{path.name or path}”: chỉ xuất ra tệp .xlsx hoặc .csv.", suffix
        )
    return suffix


def atomic_write(path: Path, write: Callable[[Path], None]) -> None:
    """Call ``write`` with a temporary path beside ``path``, then rename it over ``path``
    (:func:`..files.written_atomically`: failures are Vietnamese AppErrors)."""
    with written_atomically(path) as temp:
        write(temp)


def save_workbook(book: Any, path: Path) -> None:
    """``book.save(path)``, leaving nothing half-written for Python to finalise if it fails.

    openpyxl's own save opens a zip it keeps no hold of: when the disk fills, the zip stays
    unclosed, and Python closing it later (at exit, long after the message) fails again and
    prints "Exception ignored in: ZipFile.__del__" and a traceback. Here the zip is ours: on
    failure it is closed at once, its errors ignored (the temporary file is thrown away)."""
    from openpyxl.writer.excel import ExcelWriter

    if book.write_only and not book.worksheets:
        book.create_sheet()  # as Workbook.save does
    with path.open("wb") as handle:
        archive = zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
        try:
            ExcelWriter(book, archive).save()  # closes the zip when it is complete
        except BaseException:
            with contextlib.suppress(Exception):
                archive.close()
            raise


@contextlib.contextmanager
def discarded_on_failure(book: Any) -> Iterator[Any]:
    """``book`` (an openpyxl write-only workbook) for the block; if the block fails, the rows
    its sheets were writing are dropped at once, as quietly as they failed.

    openpyxl writes each sheet of such a workbook to a temporary file of its own as rows are
    appended, through generators that are only finished when the sheet is saved. When that
    file cannot be written (its disk full, a file-size limit), the generators stay suspended
    and Python finishes them later, writing again, failing again, and printing "Exception
    ignored in: <generator object WorksheetWriter.get_stream>" and a traceback."""
    try:
        yield book
    except BaseException:
        for sheet in book.worksheets:
            writer = getattr(sheet, "_writer", None)
            for stream in (getattr(sheet, "_rows", None), getattr(writer, "xf", None)):
                if stream is not None:
                    with contextlib.suppress(Exception):
                        stream.close()
            if writer is not None:
                with contextlib.suppress(Exception):
                    writer.cleanup()  # removes openpyxl's temporary file
        raise


def print_setup(sheet: Any, orientation: str, side_margin: float) -> None:
    """A4 in ``orientation``, fitted to one page wide, centred, ``side_margin`` inches left and
    right (the statistics sheet shares this with the lists)."""
    sheet.page_setup.orientation = orientation
    sheet.page_setup.paperSize = 9  # A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = side_margin


def write_list(
    path: Path,
    layout: ListLayout,
    lines: Iterable[Sequence[Value]],
    organization: str,
    subtitle: str = "",
) -> int:
    """Write ``lines`` to ``path`` as .xlsx or .csv by its suffix; returns how many lines.
    ``subtitle`` follows the title in the .xlsx (the filter used: "(tìm: “An”)")."""
    if export_format(path) == ".csv":
        return write_list_csv(path, layout, lines)
    return write_list_xlsx(path, layout, lines, organization, subtitle)


def csv_value(value: Value, multiline: bool = False) -> str:
    """One CSV field: a date as dd/mm/yyyy, a text cleaned by :func:`cell_text`.

    A text is written as it is, even one that starts with "=", "+", "-" or "@", which Excel
    would read as a formula when it opens a CSV ("CSV injection"). The usual defence, a leading
    apostrophe, changes the data: every program that re-imports the file (ours included) then
    reads "'=> chuyển về ấp 3" and "'-" where the secretary wrote "=> chuyển về ấp 3" and "-".
    The CSV exists to carry the data to other programs and back intact; the file meant for Excel
    is the .xlsx (which stores every text as text), and the save dialogs say so."""
    if isinstance(value, date):
        return format_vn_date(value)
    return cell_text(value, multiline)


def write_list_csv(path: Path, layout: ListLayout, lines: Iterable[Sequence[Value]]) -> int:
    """The header and ``lines`` in UTF-8 with a BOM (utf-8-sig), so Excel opens the Vietnamese
    correctly; returns how many lines were written (see :func:`csv_value`)."""
    count = 0

    def write(temp: Path) -> None:
        nonlocal count
        with temp.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(layout.headers)
            multiline = layout.cleaners()
            for line in lines:
                writer.writerow([csv_value(v, m) for v, m in zip(line, multiline, strict=True)])
                count += 1

    atomic_write(path, write)
    return count


def text_width(text: str) -> float:
    """How wide ``text`` shows (:func:`.widths.text_units`): its widest line."""
    if "\n" in text:
        return max(text_units(part) for part in text.split("\n"))
    return text_units(text)


def header_width(header: str, lines: int = 2) -> float:
    """How wide (:func:`.widths.text_units`, bold) a column's text must be to show ``header``
    wrapped on ``lines`` lines at most ("Hoàn cảnh khó khăn" on two: "Hoàn cảnh" / "khó
    khăn"): the widest line of the narrowest such wrapping between words."""
    words = [text_units(word, bold=True) for word in header.split()]
    space = char_units(" ", bold=True)
    best = sum(words) + space * (len(words) - 1)  # one line
    # Every way of breaking it into at most ``lines`` lines (headers are a few words).
    for cuts in range(1, min(lines, len(words))):
        for breaks in itertools.combinations(range(1, len(words)), cuts):
            bounds = (0, *breaks, len(words))
            widest = max(
                sum(words[a:b]) + space * (b - a - 1) for a, b in itertools.pairwise(bounds)
            )
            best = min(best, widest)
    return best


def column_widths(layout: ListLayout, widest: Sequence[float]) -> list[float]:
    """Each column's width (Excel's unit, :func:`.widths.column_width`): its widest value
    (``widest``, in :func:`.widths.text_units`) or what its header needs on the layout's
    header lines (:func:`header_width`), whichever is wider, capped at the layout's widest
    text (but never so narrow that the header is cut)."""
    widths = []
    for (header, cap), value in zip(layout.columns, widest, strict=True):
        head = header_width(header, layout.header_lines)
        widths.append(column_width(max(head, min(value, cap))))
    return widths


def wrapped_lines(text: str, width: float) -> int:
    """How many lines ``text`` takes in a wrapped cell of a column ``width`` wide (Excel's unit,
    the width of a digit of the sheet's font, padding included), broken as Excel breaks it: at
    its line breaks, then between words, a word longer than a line cut where the line ends.

    A line holds as much text as the column shows within its padding (:func:`.widths.line_room`),
    each letter as wide as Calibri sets it (:func:`.widths.text_units`): capitals and the hooked
    "ư" and "ơ" wider than a digit, "i", "l", "t" and the spaces much narrower, marks above and
    below a letter no wider than the letter. Breaking only at spaces (Excel also breaks after a
    hyphen) errs on the safe side: a row a little too tall shows everything; too short cuts a
    line."""
    fits = max(line_room(width), 1.0)
    space = char_units(" ")
    count = 0
    for paragraph in text.split("\n"):
        count += 1
        line = -1.0  # the width of the current line; none started yet
        for word in paragraph.split():
            size = text_units(word)
            if line >= 0 and line + space + size <= fits:
                line += space + size
                continue
            if line >= 0:  # the word starts the next line
                count += 1
            if size <= fits:
                line = size
                continue
            line = 0.0  # a word too long for one line fills lines, cut where each ends
            for char in word:
                units = char_units(char)
                if line and line + units > fits:
                    count += 1
                    line = 0.0
                line += units
    return count


def wrapped_height(cells: Iterable[tuple[str, float]]) -> float | None:
    """The height in points of a row whose wrapped cells hold ``cells`` (text, the width of its
    column or merged columns): its tallest text's lines (:func:`wrapped_lines`) of
    :data:`LINE_HEIGHT` each, at most :data:`ROW_HEIGHT_LIMIT`; None when every text fits on one
    line (the default height). Every sheet the app writes sizes its rows this way, since neither
    Excel nor LibreOffice fits a row to its wrapped text when it opens a file."""
    lines = max((wrapped_lines(text, width) for text, width in cells), default=1)
    return min(LINE_HEIGHT * lines, ROW_HEIGHT_LIMIT) if lines > 1 else None


def write_list_xlsx(
    path: Path,
    layout: ListLayout,
    lines: Iterable[Sequence[Value]],
    organization: str,
    subtitle: str = "",
) -> int:
    """Title (and the filter used), organisation, header; then one row per line. Frozen header
    and names, an autofilter on the header, thin borders around every cell of the list, columns
    as wide as their values (capped), full dates as real dates shown dd/mm/yyyy (a year alone
    stays the text "2001"); a text wider than its column can be (its width in the layout), or
    of several lines, wraps, its row as tall as its lines (:func:`wrapped_height`) and the
    row's other cells at its top; A4 landscape, narrow margins, fitted to the width, the header
    repeated on every printed page. Returns how many lines were written."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.formatting.rule import FormulaRule
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    count = 0

    def write(temp: Path) -> None:
        with discarded_on_failure(Workbook(write_only=True)) as book:
            write_sheet(book)
            save_workbook(book, temp)

    def write_sheet(book: Any) -> None:
        nonlocal count
        sheet: Any = book.create_sheet(sheet_title(layout.sheet))

        def styled(text: str, **style: Any) -> Any:  # ``text`` already cleaned
            cell = WriteOnlyCell(sheet, value=text)
            if text.startswith("="):
                cell.data_type = "s"  # text, never a formula (see :func:`as_text`)
            for key, item in style.items():
                setattr(cell, key, item)
            return cell

        def as_text(text: str) -> Any:
            """A text starting with "=" as a text cell: openpyxl would write it as a formula
            (Err:509 or #NAME? on screen, the note lost on re-import)."""
            cell = WriteOnlyCell(sheet, value=text)
            cell.data_type = "s"
            return cell

        def shared(**style: Any) -> Any:
            """A style made once and shared by every cell that has it (never changed): the
            setters cost 0.1-0.4 s per 10,000 cells, and each setter call looks it up again."""
            model = WriteOnlyCell(sheet)
            for key, item in style.items():
                setattr(model, key, item)
            return model._style

        date_style = shared(number_format=DATE_FORMAT, alignment=Alignment(horizontal="center"))
        top_date_style = shared(
            number_format=DATE_FORMAT, alignment=Alignment(horizontal="center", vertical="top")
        )
        top_style = shared(alignment=Alignment(vertical="top"))
        wrap_style = shared(alignment=Alignment(vertical="top", wrap_text=True))

        def in_style(value: int | str, style: Any) -> Any:
            """A number, or a text already cleaned, in a cell of the shared ``style``, its value
            set as openpyxl's setter would (a text stays a text even if it starts with "=", see
            :func:`as_text`) without its checks, which :func:`cell_text` has done (rows of
            styled cells took half again the CPU time of plain ones through the setter, about
            a quarter more this way)."""
            cell = WriteOnlyCell(sheet)
            cell._value = value
            cell.data_type = "s" if isinstance(value, str) else "n"
            cell._style = style
            return cell

        def as_date(day: date, style: Any = date_style) -> Any:
            """A date as Excel stores one: the day's serial number in a cell formatted as a date
            (what openpyxl writes for ``day``)."""
            return in_style(day.toordinal() - EXCEL_DAY_ZERO, style)

        # Plain values: a styled cell costs ~10x more to write; every value is text except the
        # STT and full dates, so CCCD and phone keep their leading zero without a "@" format.
        # Empty fields are no cell at all (openpyxl's XML writer is the cost here). A text that
        # does not fit its column (longer than the column can be wide, or of several lines)
        # wraps, so that it shows whole on screen and on paper; its row is made as tall as its
        # lines and the row's other cells sit at its top, level with the first line. Only the
        # cells of such rows, and dates (so that they read dd/mm/yyyy), are styled. All rows are
        # made before writing: the widths come from the values, the heights from the widths.
        multiline = layout.cleaners()[1:]
        caps = [cap for _, cap in layout.columns[1:]]
        rows: list[list[Any]] = []  # STT, then cleaned texts ("" for none) and dates
        wrapped: dict[int, set[int]] = {}  # row in ``rows``: its columns whose texts wrap
        widest = [0.0] * len(layout.columns)  # each column's widest value (text_units)
        date_units = text_units("00/00/0000")
        for line in lines:
            values: list[Any] = [int(str(line[0]))]
            for value, keep_lines, cap in zip(line[1:], multiline, caps, strict=True):
                if isinstance(value, date):
                    values.append(value)
                    size = date_units
                else:
                    text = cell_text(value, keep_lines)
                    values.append(text)
                    size = text_width(text)
                    if size > cap or "\n" in text:
                        wrapped.setdefault(len(rows), set()).add(len(values) - 1)
                column = len(values) - 1
                if size > widest[column]:
                    widest[column] = size
            rows.append(values)
        count = len(rows)
        widest[0] = text_units(str(count))

        last = get_column_letter(len(layout.columns))
        widths = column_widths(layout, widest)
        for index, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = width
        for number, columns in wrapped.items():
            height = wrapped_height((rows[number][column], widths[column]) for column in columns)
            if height is not None:
                sheet.row_dimensions[HEADER_ROW + number + 1].height = height
        sheet.freeze_panes = f"C{HEADER_ROW + 1}"  # header and the names stay in view
        sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
        print_setup(sheet, "landscape", 0.25)
        sheet.page_margins.top = sheet.page_margins.bottom = 0.5
        sheet.page_margins.header = sheet.page_margins.footer = 0.2

        center = Alignment(horizontal="center", vertical="center", wrap_text=True)
        thin = Side(style="thin")
        box = Border(left=thin, right=thin, top=thin, bottom=thin)
        title = cell_text(f"{layout.title} {subtitle}".strip())
        sheet.append([styled(title, font=Font(name=FONT, bold=True, size=14), alignment=center)])
        org = cell_text(organization)
        sheet.append([styled(org, font=Font(name=FONT, bold=True, size=12), alignment=center)])
        sheet.merged_cells.add(f"A1:{last}1")
        sheet.merged_cells.add(f"A2:{last}2")
        header_font = Font(name=FONT, bold=True)

        def tall_row(values: list[Any], wrapping: set[int]) -> list[Any]:
            """The cells of a row with texts that wrap (columns ``wrapping``): every cell at the
            top of the row, the wrapping texts wrapped."""
            cells: list[Any] = [in_style(values[0], top_style)]
            for column, value in enumerate(values[1:], start=1):
                if not value:
                    cells.append(None)
                elif isinstance(value, date):
                    cells.append(as_date(value, top_date_style))
                else:
                    cells.append(in_style(value, wrap_style if column in wrapping else top_style))
            return cells

        sheet.row_dimensions[HEADER_ROW].height = layout.header_lines * LINE_HEIGHT
        sheet.append(
            [
                styled(cell_text(h), font=header_font, alignment=center, border=box)
                for h in layout.headers
            ]
        )
        for number, values in enumerate(rows):
            tall = wrapped.get(number)
            if tall is not None:
                sheet.append(tall_row(values, tall))
                continue
            cells: list[Any] = [values[0]]  # plain: centring it costs 15% of the export
            for value in values[1:]:
                if not value:
                    cells.append(None)
                elif isinstance(value, date):
                    cells.append(as_date(value))
                elif value[0] == "=":
                    cells.append(as_text(value))
                else:
                    cells.append(value)
            sheet.append(cells)
        if rows:
            # Borders on the data through one conditional format (always true) rather than a
            # bordered style on every cell: the same lines on screen and on paper, in Excel
            # and LibreOffice, at no cost per cell (empty fields stay no cell at all).
            area = f"A{HEADER_ROW + 1}:{last}{HEADER_ROW + count}"
            sheet.conditional_formatting.add(area, FormulaRule(formula=["TRUE"], border=box))
        sheet.auto_filter.ref = f"A{HEADER_ROW}:{last}{HEADER_ROW + count}"

    atomic_write(path, write)
    return count
