"""The printed roster (danh sách đoàn viên): A4 landscape inside the union's document frame.

Rows come in the core's Vietnamese name order (given name, middle, family), filtered like the
roster view; the header row repeats on every page; a total line and the signature block close
the list.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

from reportlab.platypus import Paragraph

from ..core.documents import default_recipients
from ..core.errors import AppError
from ..core.lang.dates import format_vn_date
from ..core.lang.text import vn_number
from ..core.lifecycle.rules import ACTIVE_STATUSES
from ..core.roster.service import MemberFilter, MemberRow
from ..core.roster.spreadsheets.export import filter_note
from ..core.roster.vocab import GENDERS, STATUSES
from ..core.statistics.export import as_recorded_today
from ..core.workspace import Workspace
from .document import UnionDocument
from .styles import markup, styles
from .tables import Column, build_table_document

KIND = "DANH SÁCH ĐOÀN VIÊN"
NO_ORGANIZATION = "Chưa có thông tin Đoàn cơ sở. Hãy thiết lập trước (lệnh “doancoso init”)."


def _columns(with_branch: bool) -> list[Column]:
    # Shares in millimetres of the 247 mm text width, sized for the longest usual values
    # ("Chi đoàn ấp Thạnh Điền", "Đã trưởng thành Đoàn", 12-digit CCCD) at 10.5 pt.
    columns = [
        Column("STT", 10, "CENTER"),
        Column("Họ và tên", 48),
        Column("Ngày sinh", 21, "CENTER"),
        Column("Giới tính", 17, "CENTER"),
        Column("Chi đoàn", 41),
        Column("Chức vụ", 24),
        Column("CCCD/CMND", 27, "CENTER"),
        Column("Điện thoại", 22, "CENTER"),
        Column("Trạng thái", 37),
    ]
    return columns if with_branch else [c for c in columns if c.title != "Chi đoàn"]


def _cells(number: int, row: MemberRow, with_branch: bool) -> tuple[object, ...]:
    cells = (
        number,
        row.full_name,
        format_vn_date(row.birth_date, row.birth_precision),
        GENDERS.get(row.gender or "", ""),
        row.branch_name or "",
        row.held_position,
        row.national_id or "",
        row.phone or "",
        STATUSES.get(row.status, row.status),
    )
    return cells if with_branch else cells[:4] + cells[5:]


def total_line(count: int, women: int, active: int | None = None, temporary: int = 0) -> str:
    """The line under the list: "Tổng số: 5 đoàn viên (nữ: 3).", or when the list holds
    members who are no longer active (``active`` of the ``count`` are, ``temporary`` of them on
    temporary activity) "Tổng số: 2.000 hồ sơ, trong đó 1.760 đang sinh hoạt (kể cả sinh hoạt
    tạm); nữ: 980." — records, not members, so that nobody counts those who left."""
    if active is None or active == count:
        return f"Tổng số: {vn_number(count)} đoàn viên (nữ: {vn_number(women)})."
    if not active:
        return f"Tổng số: {vn_number(count)} hồ sơ (nữ: {vn_number(women)})."
    including = " (kể cả sinh hoạt tạm)" if temporary else ""
    return (
        f"Tổng số: {vn_number(count)} hồ sơ, trong đó {vn_number(active)} đang sinh hoạt"
        f"{including}; nữ: {vn_number(women)}."
    )


def roster_rows_on(ws: Workspace, flt: MemberFilter, day: date) -> list[MemberRow]:
    """The rows ``flt`` shows of the roster as it stood at the end of the past ``day``, in name
    order, each with its status of that day (the statistics' replay,
    :meth:`~doancoso.core.statistics.service.StatisticsService.statuses_on`): a member admitted
    since is not there, one who left since is, under the status they had then. The other
    fields (chi đoàn, position...) are today's: their history is not kept (the list says so,
    :func:`as_of_note`)."""
    then = ws.statistics.statuses_on(day)
    wanted = set(flt.statuses) | ({flt.status} if flt.status else set())
    ids = [
        i
        for i in ws.members.ids(replace(flt, status=None, statuses=()))
        if i in then and (not wanted or then[i] in wanted)
    ]
    return [replace(row, status=then[row.id]) for row in ws.members.rows(ids)]


TODAYS_FIELDS = "chi đoàn, chức vụ"
"""What a member list of a past day shows as it is today: no history of them is kept."""


def as_of_note(day: date, todays: str = TODAYS_FIELDS, recorded_on: date | None = None) -> str:
    """The day a list of a past day is of, and what it shows as recorded today (``todays``, on
    ``recorded_on``: the caller's today, else the system's): "(Tính đến ngày 31/12/2025; chi
    đoàn, chức vụ ghi theo ngày 06/12/2026)"."""
    return f"(Tính đến ngày {format_vn_date(day)}; {as_recorded_today(todays, recorded_on)})"


def print_roster(ws: Workspace, path: Path | str, flt: MemberFilter | None = None, *,
                 issued_on: date | None = None, number: str | None = None,
                 place: str | None = None, recipients: Sequence[str] | None = None,
                 page_numbers: bool = True, as_of: date | None = None,
                 recorded_on: date | None = None) -> Path:  # fmt: skip
    """Write the roster shown by ``flt`` to the PDF ``path`` (atomically) and return the path.

    ``as_of`` a past day (the dossier of a past year: 31/12 of that year): the members on the
    roster at the end of that day with their status then (:func:`roster_rows_on`), and the
    list says the day it is of and that its chi đoàn and positions are today's ("(Tính đến
    ngày 31/12/2025; chi đoàn, chức vụ ghi theo ngày 06/12/2026)"); None, today or later:
    today's. Today is ``recorded_on``, the caller's clock (the page's, the dossier's), else the
    system's.

    ``number``, ``place``, ``issued_on`` and ``recipients`` are those of the print dialog
    (:class:`~doancoso.core.documents.DocumentDetails`); left out: a number to fill in by
    hand ("Số:    -DS/ĐTN"), the organisation's place, today, and
    :func:`~doancoso.core.documents.default_recipients`. ``page_numbers`` False: no
    "Trang n/N" (the document is placed in one that numbers its pages).

    Raises AppError when there is no organisation yet or the file cannot be written.
    """
    org = ws.organization.get()
    if org is None:
        raise AppError(NO_ORGANIZATION)
    flt = flt or MemberFilter()
    branch_name = None
    if flt.branch_id:
        branch_name = next((b.name for b in ws.branches.list() if b.id == flt.branch_id), None)
    # A chi đoàn's list names it in its title; the list of those in no chi đoàn ("") says
    # so in its note: a "Chi đoàn" column would be the same on every row, or empty.
    with_branch = branch_name is None and flt.branch_id != ""
    today = recorded_on or date.today()  # the caller's clock, else the system's
    past = as_of if as_of is not None and as_of < today else None
    rows = roster_rows_on(ws, flt, past) if past is not None else ws.members.list(flt)
    women = sum(1 for r in rows if r.gender == "female")
    active = sum(1 for r in rows if r.status in ACTIVE_STATUSES)
    temporary = sum(1 for r in rows if r.status == "temporary")
    table_rows = [_cells(i, row, with_branch) for i, row in enumerate(rows, start=1)]
    note = filter_note(flt, {r.status for r in rows})
    doc = UnionDocument(
        org,
        kind=KIND,
        code="DS",
        title=f"{branch_name} – {org.name}" if branch_name else org.name,
        subtitle=" ".join(
            n for n in (note, as_of_note(past, recorded_on=today) if past else "") if n
        ),
        number=number,
        issued_on=issued_on,
        place=place,
        orientation="landscape",
        recipients=default_recipients(org) if recipients is None else recipients,
        page_numbers=page_numbers,
    )
    line = total_line(len(rows), women, active, temporary)
    total = Paragraph(markup(line), styles()["total"])
    return build_table_document(doc, path, _columns(with_branch), table_rows, after=[total])
