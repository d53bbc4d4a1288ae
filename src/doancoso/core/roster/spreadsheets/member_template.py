"""The roster written in the union's member template (mẫu danh sách đoàn viên): layout "mau-dsdv".

The layout in which chi đoàn rosters circulate in the union, so that the file can be sent on or
loaded wherever that template is used. Sheet ``DSDV``: row 2 the title "DANH SÁCH ĐOÀN VIÊN",
row 3 the chi đoàn ("CHI ĐOÀN ẤP TÂN LONG"; the organisation for a roster of several), row 5
the 33 headers (:data:`HEADERS`) each over its two rows but "Ngày sinh", which spans the columns
"Nam" and "Nữ" of row 6, and one member a row from row 7. Every cell is text, as in the
template: dates dd/mm/yyyy (a birth known by its year alone: "2001"), numbers as their digits,
the cells formatted as text ("@") so that Excel keeps a CCCD's leading zero when it is typed
again. The birth date goes in the column of the member's gender; a member whose gender is not
known has it in both (the import then reads the date and no gender, with a warning). Sheet
``DATA``: the lists of :mod:`.template_lists`, one a column, which the DSDV columns offer as
drop-downs (data validations over the rows written and a margin below them for new members).
A value outside a list is allowed with a warning in Excel (the lists of another copy of the
template may differ), and the birthplace and the issuing office only suggest.

What the template has no column for (the other name, the status, the family, the notes but the
lines that carry its own columns: see :mod:`core.roster.notes`) is not written; importing the
file again leaves those fields as they are, so it gives back the same members, unchanged.
The rating and discipline columns come from the data (:mod:`.standing`), and a value the app
spells otherwise than a list ("Hòa Hảo") is written as the list has it ("Phật giáo Hòa Hảo");
the import takes both back as what is stored. A value no list entry means is written as it is,
and counted (:class:`TemplateExport`).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ...context import WorkspaceContext
from ...errors import AppError
from ...lang.dates import format_vn_date
from ...lang.text import vn_number
from ...storage.models import Branch, Member
from ...xlsx.writer import FONT, atomic_write, cell_text, print_setup, wrapped_height
from ..notes import note_values
from ..vocab import TEMPLATE_POSITIONS
from .export import rows_in_order
from .preview import stored_address
from .standing import standing_columns
from .template_lists import (
    CHECKED_LISTS,
    DATA_LISTS,
    LIST_FIELDS,
    SUGGESTED_ONLY,
    outside_list,
    template_value,
)

SHEET, DATA_SHEET = "DSDV", "DATA"
TITLE = "DANH SÁCH ĐOÀN VIÊN"
TITLE_ROW, UNIT_ROW, HEADER_ROW, SUBHEADER_ROW, FIRST_ROW = 2, 3, 5, 6, 7
SPARE_ROWS = 200  # rows below the members that keep the drop-downs, for members added by hand
TEXT_FORMAT = "@"

# The DSDV sheet's header row, in order, with each column's width (characters). "Ngày sinh" is
# over two columns: "Nam" and "Nữ" in the row below (the second has no header of its own).
COLUMNS: tuple[tuple[str, float], ...] = (
    ("STT", 5), ("Họ và tên", 24), ("Mã định danh đoàn viên", 11), ("Ngày sinh", 11), ("", 11),
    ("Dân tộc", 9), ("Tôn giáo", 10), ("Quê quán", 22), ("Địa chỉ thường trú", 30),
    ("Số CMND/CCCD", 14), ("Ngày cấp", 11), ("Nơi cấp", 28), ("Trình độ văn hóa", 9),
    ("Trình độ chuyên môn", 12), ("Trình độ LLCT", 10), ("Tin học", 10), ("Ngoại ngữ", 12),
    ("Thời gian vào đoàn", 11), ("Số Nghị quyết chuẩn y kết nạp đoàn viên", 14),
    ("Số thẻ đoàn", 12), ("Thời gian vào Đảng", 11), ("Nghề nghiệp hiện nay", 16),
    ("Đối tượng đoàn viên", 20), ("Rèn luyện đoàn viên", 11),
    ("Đánh giá, xếp loại đoàn viên", 20), ("Khen thưởng", 22), ("Kỷ luật", 18),
    ("Chức vụ trong chi đoàn", 18), ("Hội", 24), ("Đoàn viên danh dự", 10),
    ("Email liên hệ", 24), ("Điện thoại liên hệ", 12), ("Đơn vị", 20),
)  # fmt: skip
HEADERS: tuple[str, ...] = tuple(header for header, _ in COLUMNS)
SUBHEADERS: dict[int, str] = {3: "Nam", 4: "Nữ"}  # 0-based column -> text in row 6
_BIRTH = 3  # "Ngày sinh" over "Nam" (3) and "Nữ" (4)

_FIELDS = (
    Member.id, Member.full_name, Member.member_code, Member.gender, Member.birth_date,
    Member.birth_precision, Member.ethnicity, Member.religion, Member.hometown,
    Member.address_hamlet, Member.address_commune, Member.address_province, Member.national_id,
    Member.national_id_date, Member.national_id_place, Member.education, Member.qualification,
    Member.political_theory, Member.computer_skills, Member.foreign_language,
    Member.admission_date, Member.admission_decision, Member.card_number, Member.party_date,
    Member.occupation, Member.notes, Member.position, Member.association, Member.email,
    Member.phone, Branch.name,
)  # fmt: skip
_KEYS = (*(c.key for c in _FIELDS[:-1]), "branch")


def member_cells(
    row: Sequence[Any], number: int, standing: Mapping[str, str] | None = None
) -> list[str]:
    """The 33 text cells of one member (a row of :data:`_FIELDS`), STT ``number``.

    ``standing``: the rating and discipline the data hold for the member
    (:func:`.standing.standing_columns`), written in place of the notes' lines of those
    columns; a member the data say nothing about keeps the notes' values. A value of a column
    with a list is written as the list spells it when it means the same
    (:func:`.template_lists.template_value`)."""
    values = dict(zip(_KEYS, row, strict=True))
    notes = note_values(values["notes"])
    notes.update(standing or {})
    birth = format_vn_date(values["birth_date"], values["birth_precision"])
    gender = values["gender"]
    position = values["position"] or ""

    def listed(field: str) -> str:
        return template_value(LIST_FIELDS[field], values[field] or "")

    # "Đối tượng đoàn viên" (the member's group: "Đoàn viên nông thôn", "Đoàn viên học sinh",
    # ...) is the kind of unit the member is managed in, which the app does not record: a
    # commune's chi đoàn may be rural or urban, and a pupil in a hamlet's chi đoàn is not an
    # "Đoàn viên học sinh". Guessing it from the occupation would write wrong groups, so only
    # the value an import kept in the notes is written.
    return [
        str(number), values["full_name"], values["member_code"] or "",
        birth if gender != "female" else "", birth if gender != "male" else "",
        listed("ethnicity"), listed("religion"), values["hometown"] or "",
        stored_address(values), values["national_id"] or "",
        format_vn_date(values["national_id_date"]), values["national_id_place"] or "",
        listed("education"), listed("qualification"), listed("political_theory"),
        listed("computer_skills"), listed("foreign_language"),
        format_vn_date(values["admission_date"]),
        values["admission_decision"] or "", values["card_number"] or "",
        format_vn_date(values["party_date"]), listed("occupation"),
        notes.get("member_group", ""), notes.get("training", ""), notes.get("rating", ""),
        notes.get("commendation", ""), notes.get("discipline", ""),
        TEMPLATE_POSITIONS.get(position, position), listed("association"),
        notes.get("honorary", ""), values["email"] or "", values["phone"] or "",
        values["branch"] or "",
    ]  # fmt: skip


def template_lines(ctx: WorkspaceContext, ids: Sequence[str]) -> Iterator[list[str]]:
    """The cells of each member of ``ids``, in that order."""
    with ctx.db.read() as session:
        standings = standing_columns(session, ctx.organization_id, ids)
    for number, row in rows_in_order(ctx, _FIELDS, ids):
        yield member_cells(row, number, standings.get(row[0]))


def unit_line(branch: str | None, organization: str) -> str:
    """Row 3: the chi đoàn in capitals ("CHI ĐOÀN ẤP TÂN LONG"), else the organisation."""
    if branch:
        named = branch if branch.casefold().startswith("chi đoàn") else f"Chi đoàn {branch}"
        return named.upper()
    return organization.upper()


def check_template_path(path: Path) -> None:
    """Refuse any file but an .xlsx for the template (AppError)."""
    if path.suffix.lower() != ".xlsx":
        raise AppError(
            f"Không xuất được ra “{path.name}”: mẫu danh sách đoàn viên (DSDV) chỉ xuất ra tệp "
            ".xlsx.",
            path.suffix,
        )


@dataclass(frozen=True)
class TemplateExport:
    """What an export in the template wrote: ``written`` members, and how many cells hold a
    value outside their column's list (Excel warns on each when it is edited)."""

    written: int
    outside_lists: int

    def message(self, path: Path) -> str:
        """The export's result as the GUI and the command line say it."""
        text = f"Đã xuất {vn_number(self.written)} đoàn viên ra {path}."
        if self.outside_lists:
            text += (
                f" {vn_number(self.outside_lists)} ô có giá trị ngoài danh sách chọn của mẫu "
                "(Excel sẽ cảnh báo khi sửa các ô này)."
            )
        return text


def count_outside_lists(rows: Sequence[Sequence[str]]) -> int:
    """How many cells of ``rows`` hold a value their column's list does not have."""
    checked = [(at, header) for at, header in enumerate(HEADERS) if header in CHECKED_LISTS]
    return sum(outside_list(header, row[at]) for row in rows for at, header in checked)


def write_xlsx(path: Path, lines: Iterator[list[str]], unit: str) -> TemplateExport:
    """Write ``lines`` (:func:`template_lines`) to the .xlsx ``path`` in the template's layout;
    returns how many members were written and how many cells are outside their lists."""
    check_template_path(path)
    rows = [[cell_text(value) for value in line] for line in lines]

    def write(temp: Path) -> None:
        from openpyxl import Workbook

        book = Workbook(write_only=True)
        _write_dsdv(book.create_sheet(SHEET), rows, unit)
        _write_data(book.create_sheet(DATA_SHEET))
        book.save(temp)

    atomic_write(path, write)
    return TemplateExport(len(rows), count_outside_lists(rows))


def _data_ranges() -> dict[str, str]:
    """The DATA range each DSDV header's drop-down offers ("DATA!$A$2:$A$55")."""
    from openpyxl.utils import get_column_letter

    ranges: dict[str, str] = {}
    for index, (_, headers, values) in enumerate(DATA_LISTS, start=1):
        letter = get_column_letter(index)
        for header in headers:
            ranges[header] = f"{DATA_SHEET}!${letter}$2:${letter}${len(values) + 1}"
    return ranges


def _write_dsdv(sheet: Any, rows: list[list[str]], unit: str) -> None:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    last = get_column_letter(len(COLUMNS))
    for index, (_, width) in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.row_dimensions[HEADER_ROW].height = 60  # the longest headers wrap on four lines
    for number, values in enumerate(rows, start=FIRST_ROW):
        # Every cell wraps; neither Excel nor LibreOffice fits a row to it on opening.
        height = wrapped_height(
            (value, width) for value, (_, width) in zip(values, COLUMNS, strict=True) if value
        )
        if height is not None:
            sheet.row_dimensions[number].height = height
    sheet.freeze_panes = f"C{FIRST_ROW}"  # headers and names stay in view
    sheet.print_title_rows = f"{HEADER_ROW}:{SUBHEADER_ROW}"
    print_setup(sheet, "landscape", 0.25)

    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)
    font = Font(name="Times New Roman", size=11)
    bold = Font(name="Times New Roman", size=11, bold=True)

    def styled(value: str | None, **style: Any) -> Any:
        cell = WriteOnlyCell(sheet, value=value)
        if value is not None:
            cell.data_type = "s"  # text, even one starting with "=" (never a formula)
        for key, item in style.items():
            setattr(cell, key, item)
        return cell

    sheet.append([])
    title = styled(TITLE, font=Font(name="Times New Roman", size=14, bold=True), alignment=center)
    sheet.append([title])
    sheet.append([styled(cell_text(unit), font=Font(name="Times New Roman", size=12, bold=True),
                         alignment=center)])  # fmt: skip
    sheet.append([])
    header_cells = [styled(h or None, font=bold, alignment=center, border=box) for h in HEADERS]
    sheet.append(header_cells)
    sheet.append(
        [
            styled(SUBHEADERS.get(col), font=bold, alignment=center, border=box)
            for col in range(len(COLUMNS))
        ]
    )
    for row in (TITLE_ROW, UNIT_ROW):
        sheet.merged_cells.add(f"A{row}:{last}{row}")
    for col in range(len(COLUMNS)):
        letter = get_column_letter(col + 1)
        if col == _BIRTH:
            sheet.merged_cells.add(f"{letter}{HEADER_ROW}:{get_column_letter(col + 2)}{HEADER_ROW}")
        elif col != _BIRTH + 1:
            sheet.merged_cells.add(f"{letter}{HEADER_ROW}:{letter}{SUBHEADER_ROW}")

    # Every data cell is the same text cell but for its value: one style, looked up once.
    model = WriteOnlyCell(sheet)
    model.number_format = TEXT_FORMAT
    model.font = font
    model.border = box
    model.alignment = Alignment(vertical="center", wrap_text=True)
    text_style = model._style

    def text(value: str) -> Any:
        cell = WriteOnlyCell(sheet, value=value or None)
        if value:
            cell.data_type = "s"
        cell._style = text_style  # shared, never changed
        return cell

    for values in rows:
        sheet.append([text(value) for value in values])

    bottom = FIRST_ROW + len(rows) + SPARE_ROWS - 1
    ranges = _data_ranges()
    for col, header in enumerate(HEADERS):
        if header not in ranges:
            continue
        letter = get_column_letter(col + 1)
        check = DataValidation(type="list", formula1=ranges[header], allow_blank=True)
        if header in SUGGESTED_ONLY:
            check.showErrorMessage = False
        else:
            check.showErrorMessage = True
            check.errorStyle = "warning"
            check.errorTitle = header
            check.error = "Giá trị không có trong danh sách của mẫu. Vẫn giữ giá trị này?"
        check.add(f"{letter}{FIRST_ROW}:{letter}{bottom}")
        sheet.data_validations.append(check)


def _write_data(sheet: Any) -> None:
    """One list a column: its title in row 1, the values below."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    for index, (_, _, values) in enumerate(DATA_LISTS, start=1):
        width = max(len(v) for v in values)
        sheet.column_dimensions[get_column_letter(index)].width = min(width, 40) + 2
    bold = Font(name=FONT, bold=True)
    titles = []
    for title, _, _ in DATA_LISTS:
        cell = WriteOnlyCell(sheet, value=title)
        cell.font = bold
        titles.append(cell)
    sheet.append(titles)
    depth = max(len(values) for _, _, values in DATA_LISTS)
    for at in range(depth):
        sheet.append([values[at] if at < len(values) else None for _, _, values in DATA_LISTS])
