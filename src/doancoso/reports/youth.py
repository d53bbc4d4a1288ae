"""The printed youth register (danh sách thanh niên địa phương): A4 landscape in the union's
document frame, rows in the core's Vietnamese name order filtered like the register view, the
header row repeated on every page, a total line and the signature block at the end.

The PDF keeps the ten columns the register's table shows (:func:`youth_cells`): the exported file
holds every field (ethnicity, religion, disability, address, support received, contact,
notes...), but eighteen columns on A4 landscape at a readable size would not fit. Lists of a
part of the register (in hardship, working away, ethnic-minority, religious) are printed through
the register's filters, each titled by what it lists ("DANH SÁCH THANH NIÊN CÓ HOÀN CẢNH KHÓ
KHĂN", :func:`~doancoso.core.youth.export.list_title`); the list of ethnic-minority youth adds
"Dân tộc", that of religious youth "Tôn giáo", so that each shows why a person is on it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from reportlab.platypus import Paragraph

from ..core.documents import default_recipients
from ..core.dossier.lists import youth_ids_on
from ..core.errors import AppError
from ..core.lang.text import vn_number
from ..core.roster.validation import normalize_phone
from ..core.workspace import Workspace
from ..core.youth.export import filter_note, list_title, youth_cells
from ..core.youth.service import YouthFilter, YouthRow
from .document import UnionDocument
from .roster import NO_ORGANIZATION, as_of_note
from .styles import markup, styles
from .tables import NBSP, Column, build_table_document

PEOPLE = "thông tin từng người"
"""What a list of a past day shows as recorded today: each young person's details."""

# Shares in millimetres of the 247 mm text width, at 10 pt. A header breaks between words, never
# inside one of two syllables: "Giới tính" whole on its line, "Hoàn cảnh / khó khăn" held so by
# no-break spaces (the table's header keeps them).
COLUMNS = (
    Column("STT", 10, "CENTER"),
    Column("Họ và tên", 40),
    Column("Ngày sinh", 20, "CENTER"),
    Column("Giới tính", 17, "CENTER"),
    Column("Ấp/khu phố", 25),
    Column("Nghề nghiệp", 26),
    Column("Đi làm ăn xa (nơi)", 30),
    Column(f"Hoàn{NBSP}cảnh khó{NBSP}khăn", 28),
    Column("Đoàn viên theo dõi (1+1)", 32),
    Column("Điện thoại", 22, "CENTER"),  # an old number of 11 digits on one line
)


ETHNICITY = Column("Dân tộc", 18)
RELIGION = Column("Tôn giáo", 20)
_AFTER_GENDER = 4
"""Where the list of ethnic-minority or religious youth puts why each one is on it: after
"Giới tính" (STT, name, birth date, gender)."""


def _columns(flt: YouthFilter) -> tuple[Column, ...]:
    """:data:`COLUMNS`, with "Dân tộc" on the list of ethnic-minority youth and "Tôn giáo" on
    the list of religious youth, so that a printed list shows why each person is on it."""
    shown = [c for c, on in ((ETHNICITY, flt.minority_only), (RELIGION, flt.religious_only)) if on]
    # The wrapping text columns (occupation to 1+1 member) give up the width added, in
    # proportion, so that the dates, the gender, a hamlet and the phone keep their one line.
    wrapping = COLUMNS[_AFTER_GENDER + 1 : -1]
    room = sum(c.weight for c in wrapping)
    kept = (room - sum(c.weight for c in shown)) / room
    narrowed = [dataclasses.replace(c, weight=c.weight * kept) for c in wrapping]
    return (*COLUMNS[:_AFTER_GENDER], *shown, COLUMNS[_AFTER_GENDER], *narrowed, COLUMNS[-1])


def _cells(row: YouthRow, flt: YouthFilter) -> list[str]:
    """The register's cells of ``row`` (with its ethnicity and religion as :func:`_columns`
    shows them), its phone in the one form the app keeps numbers in ("+84 912 345 678", as a
    bundle from another computer may carry it: "0912345678"), which the column fits on one
    line; one that is no phone number printed as it is."""
    cells = youth_cells(row)
    if row.phone:
        cells[-1] = normalize_phone(row.phone) or row.phone
    shown = [t for t, on in ((row.ethnicity, flt.minority_only), (row.religion, flt.religious_only))
             if on]  # fmt: skip
    at = _AFTER_GENDER - 1  # the cells start after the STT
    return [*cells[:at], *(t or "" for t in shown), *cells[at:]]


def total_line(rows: list[YouthRow]) -> str:
    women = sum(1 for r in rows if r.gender == "female")
    hardship = sum(1 for r in rows if r.in_hardship)
    away = sum(1 for r in rows if r.working_away)
    followed = sum(1 for r in rows if r.follow_up_member_id)
    return (
        f"Tổng số: {vn_number(len(rows))} thanh niên (nữ: {vn_number(women)}; hoàn cảnh khó "
        f"khăn: {vn_number(hardship)}; đi làm ăn xa: {vn_number(away)}; có đoàn viên theo dõi: "
        f"{vn_number(followed)})."
    )


def print_youth(ws: Workspace, path: Path | str, flt: YouthFilter | None = None, *,
                issued_on: date | None = None, number: str | None = None,
                place: str | None = None, recipients: Sequence[str] | None = None,
                page_numbers: bool = True, as_of: date | None = None,
                recorded_on: date | None = None) -> Path:  # fmt: skip
    """Write the youth register shown by ``flt`` to the PDF ``path`` (atomically); returns it.

    ``as_of`` a past day (the dossier of a past year: 31/12 of that year): the young people
    not yet in the union at the end of that day (:func:`youth_ids_on`), and the list says the
    day it is of and that each one's details are today's; None, today or later: today's (today:
    ``recorded_on``, as for :func:`~doancoso.reports.roster.print_roster`).

    ``number``, ``place``, ``issued_on`` and ``recipients`` as for
    :func:`~doancoso.reports.roster.print_roster`.

    Raises AppError when there is no organisation yet or the file cannot be written.
    """
    org = ws.organization.get()
    if org is None:
        raise AppError(NO_ORGANIZATION)
    flt = flt or YouthFilter()
    today = recorded_on or date.today()  # the caller's clock, else the system's
    past = as_of if as_of is not None and as_of < today else None
    rows = ws.youth.rows(youth_ids_on(ws, flt, past) if past else ws.youth.ids(flt))
    table_rows = [(i, *_cells(row, flt)) for i, row in enumerate(rows, start=1)]
    doc = UnionDocument(
        org,
        kind=list_title(flt),
        code="DS",
        title=org.name,
        subtitle=" ".join(
            n for n in (filter_note(flt), as_of_note(past, PEOPLE, today) if past else "") if n
        ),
        number=number,
        issued_on=issued_on,
        place=place,
        orientation="landscape",
        recipients=default_recipients(org) if recipients is None else recipients,
        page_numbers=page_numbers,
    )
    total = Paragraph(markup(total_line(rows)), styles()["total"])
    return build_table_document(doc, path, _columns(flt), table_rows, after=[total], font_size=10)
