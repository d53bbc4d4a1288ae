"""Exporting the roster to .xlsx (the layout a superior body expects) and to CSV.

Dates are written as dd/mm/yyyy **text**, not Excel dates: a birth date known only by its year
must read "2001", never 01/01/2001, and one column cannot mix real dates and years cleanly; the
text is also what the superior body's templates show, whatever the locale of the machine that
opens the file. CCCD and phone numbers are text too (a number would lose the leading zero).
Files are written to a temporary file beside the target and renamed over it (atomic), so a
failure never leaves half a file where the old one was.
"""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import select

from ..context import WorkspaceContext
from ..dates import format_vn_date
from ..errors import AppError
from ..models import Branch, Member
from ..vocab import GENDERS, STATUSES

TITLE = "DANH SÁCH ĐOÀN VIÊN"
# Header, width (characters) of each exported column.
COLUMNS: tuple[tuple[str, int], ...] = (
    ("STT", 5), ("Họ và tên", 26), ("Ngày sinh", 11), ("Giới tính", 8), ("Dân tộc", 9),
    ("Tôn giáo", 10), ("CCCD", 14), ("Điện thoại", 12), ("Chi đoàn", 16), ("Chức vụ", 12),
    ("Ngày vào Đoàn", 13), ("Trạng thái", 16), ("Địa chỉ", 28), ("Quê quán", 20),
    ("Nghề nghiệp", 14), ("Trình độ văn hóa", 10), ("Ghi chú", 20),
)  # fmt: skip
HEADER_ROW = 3
_FIELDS = (
    Member.id, Member.full_name, Member.birth_date, Member.birth_precision, Member.gender,
    Member.ethnicity, Member.religion, Member.national_id, Member.phone, Branch.name,
    Member.position, Member.admission_date, Member.status, Member.address_hamlet,
    Member.address_commune, Member.address_province, Member.hometown, Member.occupation,
    Member.education, Member.notes,
)  # fmt: skip


def member_lines(ctx: WorkspaceContext, ids: Sequence[str]) -> Iterator[list[str]]:
    """One list of cell texts per member, in the order of ``ids`` (STT first)."""
    with ctx.db.read() as session:
        for start in range(0, len(ids), 900):  # SQLite's bound-parameter limit
            chunk = ids[start : start + 900]
            stmt = (
                select(*_FIELDS)
                .outerjoin(Branch, Branch.id == Member.branch_id)
                .where(Member.id.in_(chunk))
            )
            found = {row[0]: row for row in session.execute(stmt)}
            for offset, member_id in enumerate(chunk):
                row = found.get(member_id)
                if row is None:
                    continue
                (_, name, birth, precision, gender, ethnicity, religion, national_id, phone, branch,
                 position, admitted, status, hamlet, commune, province, hometown, occupation,
                 education, notes) = row  # fmt: skip
                address = ", ".join(p for p in (hamlet, commune, province) if p)
                yield [
                    str(start + offset + 1), name, format_vn_date(birth, precision),
                    GENDERS.get(gender or "", ""), ethnicity or "", religion or "",
                    national_id or "", phone or "", branch or "", position or "",
                    format_vn_date(admitted),
                    STATUSES.get(status, status or ""), address, hometown or "", occupation or "",
                    education or "", notes or "",
                ]  # fmt: skip


def _atomic(path: Path, write: Any) -> None:
    path = path.resolve()
    handle, temp_name = tempfile.mkstemp(
        prefix=f".{path.stem}-", suffix=path.suffix, dir=path.parent
    )
    os.close(handle)
    temp = Path(temp_name)
    try:
        write(temp)
        os.replace(temp, path)
    except PermissionError as exc:
        temp.unlink(missing_ok=True)
        raise AppError(
            f"Không ghi được tệp {path.name}: tệp đang mở trong chương trình khác (Excel?) "
            "hoặc thư mục không cho phép ghi. Hãy đóng tệp rồi thử lại.",
            str(exc),
        ) from exc
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def write_csv(path: Path, lines: Iterator[list[str]]) -> int:
    """UTF-8 with a BOM (utf-8-sig): Excel then opens the Vietnamese correctly."""
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


def write_xlsx(
    path: Path, lines: Iterator[list[str]], organization: str, subtitle: str = ""
) -> int:
    """Title, organisation, header; frozen header, A4 landscape fitted to width, header repeated."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    count = 0

    def write(temp: Path) -> None:
        nonlocal count
        book = Workbook(write_only=True)
        sheet: Any = book.create_sheet("Đoàn viên")
        last = get_column_letter(len(COLUMNS))
        for index, (_, width) in enumerate(COLUMNS, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = width + 2
        sheet.freeze_panes = f"C{HEADER_ROW + 1}"  # header and the names stay in view
        sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.paperSize = 9  # A4
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        sheet.print_options.horizontalCentered = True
        sheet.page_margins.left = sheet.page_margins.right = 0.4

        def styled(value: str, **style: Any) -> Any:
            cell = WriteOnlyCell(sheet, value=value)
            for key, item in style.items():
                setattr(cell, key, item)
            return cell

        center = Alignment(horizontal="center", vertical="center", wrap_text=True)
        thin = Side(style="thin")
        box = Border(left=thin, right=thin, top=thin, bottom=thin)
        title = f"{TITLE} {subtitle}".strip()
        sheet.append([styled(title, font=Font(bold=True, size=14), alignment=center)])
        sheet.append([styled(organization, font=Font(bold=True, size=12), alignment=center)])
        sheet.merged_cells.add(f"A1:{last}1")
        sheet.merged_cells.add(f"A2:{last}2")
        header_font = Font(bold=True)
        sheet.append(
            [styled(h, font=header_font, alignment=center, border=box) for h, _ in COLUMNS]
        )
        for line in lines:
            # Plain values: a styled cell costs ~10x more to write; every value is text except
            # the STT, so CCCD and phone keep their leading zero without a "@" format. Empty
            # fields are no cell at all (openpyxl's XML writer is the cost here).
            sheet.append([int(line[0]), *(value or None for value in line[1:])])
            count += 1
        book.save(temp)

    _atomic(path, write)
    return count
