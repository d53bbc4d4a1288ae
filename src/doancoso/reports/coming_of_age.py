"""The printed list of members coming of age (danh sách đoàn viên trưởng thành Đoàn) in a year:
A4 portrait inside the union's document frame, the list the secretary presents to the meeting
that confirms their coming of age.

Its rows are those of the coming-of-age dialog (:meth:`~doancoso.core.lifecycle.service.
EventService.coming_of_age`: the active members reaching the organisation's age that year,
with those who reached it in an earlier year and still wait, marked "quá hạn"), in Vietnamese
name order; the header row repeats on every page; a total line and the signature block close
it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from reportlab.platypus import Paragraph

from ..core.documents import default_recipients
from ..core.errors import AppError
from ..core.lang.dates import format_vn_date
from ..core.lang.text import vn_number
from ..core.lifecycle.service import ComingOfAge
from ..core.roster.vocab import GENDERS
from ..core.workspace import Workspace
from .document import UnionDocument
from .roster import NO_ORGANIZATION
from .styles import markup, styles
from .tables import Column, build_table_document

KIND = "DANH SÁCH ĐOÀN VIÊN TRƯỞNG THÀNH ĐOÀN"
OVERDUE = "quá hạn"


def columns(age: int) -> list[Column]:
    # Shares in millimetres of the 160 mm text width of A4 portrait, at 10.5 pt.
    return [
        Column("STT", 10, "CENTER"),
        Column("Họ và tên", 40),
        Column("Ngày sinh", 20, "CENTER"),
        Column("Giới tính", 13, "CENTER"),
        Column("Chi đoàn", 36),
        Column("Chức vụ", 20),
        Column(f"Đủ {age} tuổi năm", 21, "CENTER"),
    ]


def cells(number: int, entry: ComingOfAge) -> tuple[object, ...]:
    row = entry.row
    reached = f"{entry.year_reached} ({OVERDUE})" if entry.overdue else str(entry.year_reached)
    return (
        number,
        row.full_name,
        format_vn_date(row.birth_date, row.birth_precision),
        GENDERS.get(row.gender or "", ""),
        row.branch_name or "",
        row.held_position,
        reached,
    )


def total_line(entries: Sequence[ComingOfAge], age: int, year: int) -> str:
    """ "Tổng số: 12 đoàn viên (nữ: 5), trong đó 2 đủ 30 tuổi trước năm 2025." (those who
    reached the age in an earlier year and still wait for their decision)."""
    women = sum(1 for e in entries if e.row.gender == "female")
    earlier = sum(1 for e in entries if e.year_reached < year)
    line = f"Tổng số: {vn_number(len(entries))} đoàn viên (nữ: {vn_number(women)})"
    if earlier:
        line += f", trong đó {vn_number(earlier)} đủ {age} tuổi trước năm {year}"
    return line + "."


def print_coming_of_age(ws: Workspace, path: Path | str, year: int, *, age: int | None = None,
                        today: date | None = None, issued_on: date | None = None,
                        number: str | None = None, place: str | None = None,
                        recipients: Sequence[str] | None = None) -> Path:  # fmt: skip
    """Write the list of the members coming of age in ``year`` to the PDF ``path``
    (atomically) and return the path. ``age``: the organisation's setting unless given;
    ``today``: the day "quá hạn" is measured against (the real day by default).

    ``number``, ``place``, ``issued_on`` and ``recipients`` as for
    :func:`~doancoso.reports.roster.print_roster`.

    Raises AppError when there is no organisation yet or the file cannot be written.
    """
    org = ws.organization.get()
    if org is None:
        raise AppError(NO_ORGANIZATION)
    age = org.coming_of_age if age is None else age
    entries = ws.events.coming_of_age(year, age=age, today=today)
    doc = UnionDocument(
        org,
        kind=KIND,
        code="DS",
        title=org.name,
        subtitle=f"(Đoàn viên đủ {age} tuổi trong năm {year})",
        number=number,
        issued_on=issued_on,
        place=place,
        recipients=default_recipients(org) if recipients is None else recipients,
    )
    rows = [cells(i, entry) for i, entry in enumerate(entries, start=1)]
    total = Paragraph(markup(total_line(entries, age, year)), styles()["total"])
    return build_table_document(doc, path, columns(age), rows, after=[total])
