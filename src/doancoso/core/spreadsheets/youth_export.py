"""Exporting the local youth register (sổ theo dõi thanh niên) to .xlsx and CSV.

The same layout rules as the roster export (:mod:`.export`): dates and phone numbers as text
(a birth year alone stays "2003"), title and organisation above a bordered header row, frozen
header, A4 landscape fitted to the width with the header repeated on every printed page, CSV in
UTF-8 with a BOM, and every file written beside its target then renamed over it (atomic).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from ..context import WorkspaceContext
from ..dates import format_vn_date
from ..errors import AppError
from ..lifecycle import EventService
from ..models import Organization
from ..roster import MemberService
from ..vocab import GENDERS
from ..youth import YouthFilter, YouthRow, YouthService
from .export import HEADER_ROW, _atomic

TITLE = "DANH SÁCH THANH NIÊN ĐỊA PHƯƠNG"
SHEET = "Thanh niên"
# Header, width (characters) of each exported column.
COLUMNS: tuple[tuple[str, int], ...] = (
    ("STT", 5), ("Họ và tên", 26), ("Ngày sinh", 11), ("Giới tính", 8), ("Ấp/khu phố", 16),
    ("Nghề nghiệp", 16), ("Đi làm ăn xa (nơi)", 20), ("Hoàn cảnh khó khăn", 22),
    ("Đoàn viên theo dõi (1+1)", 24), ("Điện thoại", 12),
)  # fmt: skip


def away_text(row: YouthRow) -> str:
    """Where the young person works away ("TP. Hồ Chí Minh"), "Có" (place unknown) or ""."""
    if row.away_place:
        return row.away_place
    return "Có" if row.working_away else ""


def hardship_text(row: YouthRow) -> str:
    """The kind of hardship, "Có" when only flagged, or ""."""
    if row.hardship_kind:
        return row.hardship_kind
    return "Có" if row.in_hardship else ""


def youth_cells(row: YouthRow) -> list[str]:
    """The cell texts of one young person after the STT (shared by the table, files and PDF)."""
    return [
        row.full_name,
        format_vn_date(row.birth_date, row.birth_precision),
        GENDERS.get(row.gender or "", ""),
        row.hamlet or "",
        row.occupation or "",
        away_text(row),
        hardship_text(row),
        row.follow_up_name or "",
        row.phone or "",
    ]


def youth_lines(rows: Iterable[YouthRow]) -> Iterator[list[str]]:
    """One list of cell texts per young person, STT first."""
    for number, row in enumerate(rows, start=1):
        yield [str(number), *youth_cells(row)]


def write_youth_csv(path: Path, lines: Iterable[list[str]]) -> int:
    """UTF-8 with a BOM (utf-8-sig), so Excel opens the Vietnamese correctly; returns the count."""
    count = 0

    def write(temp: Path) -> None:
        nonlocal count
        with temp.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow([header for header, _ in COLUMNS])
            for line in lines:
                writer.writerow(line)
                count += 1

    _atomic(path, write)
    return count


def write_youth_xlsx(
    path: Path, lines: Iterable[list[str]], organization: str, subtitle: str = ""
) -> int:
    """Title, organisation, header; frozen header, A4 landscape fitted to width, header repeated."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    count = 0

    def write(temp: Path) -> None:
        nonlocal count
        book = Workbook()
        sheet: Any = book.active
        sheet.title = SHEET
        last = get_column_letter(len(COLUMNS))
        for index, (_, width) in enumerate(COLUMNS, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = width + 2
        center = Alignment(horizontal="center", vertical="center", wrap_text=True)
        thin = Side(style="thin")
        box = Border(left=thin, right=thin, top=thin, bottom=thin)
        sheet["A1"] = f"{TITLE} {subtitle}".strip()
        sheet["A1"].font = Font(bold=True, size=14)
        sheet["A2"] = organization
        sheet["A2"].font = Font(bold=True, size=12)
        for cell in ("A1", "A2"):
            sheet[cell].alignment = center
        sheet.merge_cells(f"A1:{last}1")
        sheet.merge_cells(f"A2:{last}2")
        for index, (header, _) in enumerate(COLUMNS, start=1):
            cell = sheet.cell(row=HEADER_ROW, column=index, value=header)
            cell.font, cell.alignment, cell.border = Font(bold=True), center, box
        for line in lines:
            # Every value is text except the STT: the phone keeps its leading zero.
            sheet.append([int(line[0]), *line[1:]])
            count += 1
        sheet.freeze_panes = f"C{HEADER_ROW + 1}"  # header and the names stay in view
        sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.paperSize = 9  # A4
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        sheet.print_options.horizontalCentered = True
        sheet.page_margins.left = sheet.page_margins.right = 0.4
        book.save(temp)

    _atomic(path, write)
    return count


def export_youth(
    ctx: WorkspaceContext, members: MemberService, path: Path, flt: YouthFilter | None = None
) -> int:
    """Write the young people shown by ``flt`` (name order) to .xlsx or .csv; returns how many."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise AppError(
            f"Không xuất được ra “{path.name}”: chỉ xuất ra tệp .xlsx hoặc .csv.", suffix
        )
    youth = YouthService(ctx, members, EventService(ctx, members))
    rows: Sequence[YouthRow] = youth.rows(youth.ids(flt))
    if suffix == ".csv":
        return write_youth_csv(path, youth_lines(rows))
    with ctx.db.read() as session:
        org = session.get(Organization, ctx.organization_id)
        organization = org.name if org else ""
    return write_youth_xlsx(path, youth_lines(rows), organization)
