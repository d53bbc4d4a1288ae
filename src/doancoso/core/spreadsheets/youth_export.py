"""The local youth register (sổ theo dõi thanh niên) as an exported list (.xlsx or CSV).

Written by :mod:`.writer` exactly like the roster (:mod:`.export`): dates and phone numbers as
text (a birth year alone stays "2003"), title and organisation above a bordered header row,
frozen header, A4 landscape fitted to the width with the header repeated on every printed page,
CSV in UTF-8 with a BOM, and every file written beside its target then renamed over it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from ..context import WorkspaceContext
from ..dates import format_vn_date
from ..lifecycle import EventService
from ..models import Organization
from ..roster import MemberService
from ..vocab import GENDERS
from ..youth import YouthFilter, YouthRow, YouthService
from .writer import ListLayout, export_format, write_list

TITLE = "DANH SÁCH THANH NIÊN ĐỊA PHƯƠNG"
SHEET = "Thanh niên"
# Header, width (characters) of each exported column.
COLUMNS: tuple[tuple[str, int], ...] = (
    ("STT", 5), ("Họ và tên", 26), ("Ngày sinh", 11), ("Giới tính", 8), ("Ấp/khu phố", 16),
    ("Nghề nghiệp", 16), ("Đi làm ăn xa (nơi)", 20), ("Hoàn cảnh khó khăn", 22),
    ("Đoàn viên theo dõi (1+1)", 24), ("Điện thoại", 12),
)  # fmt: skip
YOUTH = ListLayout(TITLE, SHEET, COLUMNS)


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


def export_youth(
    ctx: WorkspaceContext, members: MemberService, path: Path, flt: YouthFilter | None = None
) -> int:
    """Write the young people shown by ``flt`` (name order) to .xlsx or .csv; returns how many."""
    path = Path(path)
    export_format(path)  # refused before any work
    youth = YouthService(ctx, members, EventService(ctx, members))
    rows: Sequence[YouthRow] = youth.rows(youth.ids(flt))
    with ctx.db.read() as session:
        org = session.get(Organization, ctx.organization_id)
        organization = org.name if org else ""
    return write_list(path, YOUTH, youth_lines(rows), organization)
