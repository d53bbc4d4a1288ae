"""The roster as an exported list (.xlsx in the layout a superior body expects, or CSV).

A full date (birth, admission) is a real date in the .xlsx, shown dd/mm/yyyy, so that Excel
sorts and filters by it; a birth date known only by its year stays the text "2001" (never
01/01/2001), which our own import reads back as a year. In the CSV every date is dd/mm/yyyy
text. CCCD and phone numbers are always text (a number would lose the leading zero). The file
itself is written by :mod:`.writer`, the same way as the youth register; a filtered export says
in its title which filter was used, like the printed roster.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from ...context import WorkspaceContext
from ...lang.dates import DAY, format_vn_date
from ...lifecycle.rules import ACTIVE_STATUSES
from ...storage.models import Branch, Member, Organization
from ...xlsx.writer import ListLayout, Value, export_format, write_list
from ..service import MemberFilter, MemberService
from ..vocab import GENDERS, STATUSES

if TYPE_CHECKING:
    from .member_template import TemplateExport

TITLE = "DANH SÁCH ĐOÀN VIÊN"
# Header, widest text (in widths of a digit) of each exported column: narrower when no value
# needs it, a longer text wraps. Seventeen columns side by side on A4 landscape: at their widest
# they print at about 70% (Excel fits the sheet to the page's width), so each is as narrow as its
# usual values allow: a date fits "dd/mm/yyyy", the sex column "Nam" and "Nữ", the status
# "Đang sinh hoạt", a name "Nguyễn Hoàng Minh Đức", a chi đoàn "Chi đoàn ấp Thạnh Điền" (the
# same on many rows: better not wrapped), an address "Ấp Tân Phú, xã Tân Hưng"; longer
# addresses, hometowns and notes wrap. The headers wrap on up to three lines.
COLUMNS: tuple[tuple[str, int], ...] = (
    ("STT", 6), ("Họ và tên", 21), ("Ngày sinh", 10), ("Giới tính", 4), ("Dân tộc", 6),
    ("Tôn giáo", 8), ("CCCD", 12), ("Điện thoại", 11), ("Chi đoàn", 20), ("Chức vụ", 10),
    ("Ngày vào Đoàn", 10), ("Trạng thái", 13), ("Địa chỉ", 21), ("Quê quán", 10),
    ("Nghề nghiệp", 11), ("Trình độ văn hóa", 5), ("Ghi chú", 12),
)  # fmt: skip
ROSTER = ListLayout(TITLE, "Đoàn viên", COLUMNS, multiline=frozenset({"Ghi chú"}), header_lines=3)
# The layouts of an exported roster: the app's own list, or the union's member template
# (:mod:`.member_template`).
LIST_LAYOUT, TEMPLATE_LAYOUT = "danh-sach", "mau-dsdv"
LAYOUTS = (LIST_LAYOUT, TEMPLATE_LAYOUT)
_FIELDS = (
    Member.id, Member.full_name, Member.birth_date, Member.birth_precision, Member.gender,
    Member.ethnicity, Member.religion, Member.national_id, Member.phone, Branch.name,
    Member.position, Member.admission_date, Member.status, Member.address_hamlet,
    Member.address_commune, Member.address_province, Member.hometown, Member.occupation,
    Member.education, Member.notes,
)  # fmt: skip


def date_value(value: date | None, precision: str = DAY) -> Value:
    """A full date as itself (a real date in the .xlsx), a year alone as its text, or ""."""
    if value is not None and precision == DAY:
        return value
    return format_vn_date(value, precision)


def rows_in_order(
    ctx: WorkspaceContext, columns: Sequence[Any], ids: Sequence[str]
) -> Iterator[tuple[int, Sequence[Any]]]:
    """(STT, row of ``columns``) of each member of ``ids`` in that order, the STT being the
    place in ``ids`` (a member deleted meanwhile is left out). ``columns`` start with
    ``Member.id`` and may name the chi đoàn's (``Branch``) columns."""
    with ctx.db.read() as session:
        for start in range(0, len(ids), 900):  # SQLite's bound-parameter limit
            chunk = ids[start : start + 900]
            stmt = (
                select(*columns)
                .outerjoin(Branch, Branch.id == Member.branch_id)
                .where(Member.id.in_(chunk))
            )
            found = {row[0]: row for row in session.execute(stmt)}
            for offset, member_id in enumerate(chunk):
                row = found.get(member_id)
                if row is not None:
                    yield start + offset + 1, row


def member_lines(ctx: WorkspaceContext, ids: Sequence[str]) -> Iterator[list[Value]]:
    """One list of cell values per member, in the order of ``ids`` (STT first)."""
    for number, row in rows_in_order(ctx, _FIELDS, ids):
        (_, name, birth, precision, gender, ethnicity, religion, national_id, phone, branch,
         position, admitted, status, hamlet, commune, province, hometown, occupation,
         education, notes) = row  # fmt: skip
        address = ", ".join(p for p in (hamlet, commune, province) if p)
        yield [
            str(number), name, date_value(birth, precision),
            GENDERS.get(gender or "", ""), ethnicity or "", religion or "",
            national_id or "", phone or "", branch or "", position or "",
            date_value(admitted),
            STATUSES.get(status, status or ""), address, hometown or "", occupation or "",
            education or "", notes or "",
        ]  # fmt: skip


# How the note of a list of every status names the members in it who are no longer active.
LEFT_NOTES: dict[str, str] = {
    "transferred_out": "đã chuyển đi",
    "matured": "đã trưởng thành Đoàn",
    "expelled": "bị khai trừ",
    "removed": "bị xóa tên",
}


def filter_note(flt: MemberFilter | None, shown_statuses: Collection[str] = ()) -> str:
    """What ``flt`` shows, as the printed roster says it: "(trạng thái: Đã chuyển đi; tìm:
    “An”)"; empty for the usual active roster. A list of every status that holds members who
    are no longer active (``shown_statuses``: the statuses of the members listed) says so:
    "(gồm cả đoàn viên đã chuyển đi, bị xóa tên)". The chi đoàn is not named here:
    :func:`export_members` puts it before the organisation; the members in no chi đoàn are said
    here ("chưa có chi đoàn")."""
    flt = flt or MemberFilter()
    notes = ["chưa có chi đoàn"] if flt.branch_id == "" else []
    if not flt.status and not flt.statuses:
        left = [text for code, text in LEFT_NOTES.items() if code in shown_statuses]
        if left:
            notes.append("gồm cả đoàn viên " + ", ".join(left))
    if flt.status:
        notes.append(f"trạng thái: {STATUSES.get(flt.status, flt.status)}")
    if flt.statuses and set(flt.statuses) != set(ACTIVE_STATUSES):  # the usual list: no note
        labels = [STATUSES.get(s, s).lower() for s in flt.statuses]
        notes.append("trạng thái: " + " và ".join(labels))
    if flt.gender:
        notes.append(f"giới tính: {GENDERS.get(flt.gender, flt.gender)}")
    if flt.search.strip():
        notes.append(f"tìm: “{flt.search.strip()}”")
    return f"({'; '.join(notes)})" if notes else ""


def _names(ctx: WorkspaceContext, flt: MemberFilter | None) -> tuple[str, str | None]:
    """The organisation's name and the chi đoàn ``flt`` keeps to (None: the whole roster)."""
    with ctx.db.read() as session:
        org = session.get(Organization, ctx.organization_id)
        branch = session.get(Branch, flt.branch_id) if flt is not None and flt.branch_id else None
        return (org.name if org else ""), (branch.name if branch is not None else None)


def export_template(
    ctx: WorkspaceContext, members: MemberService, path: Path, flt: MemberFilter | None = None
) -> TemplateExport:
    """Write the members shown by ``flt`` to the .xlsx ``path`` in the union's member template
    (:mod:`.member_template`); says how many were written and how many cells hold values
    outside the template's lists."""
    from .member_template import check_template_path, template_lines, unit_line, write_xlsx

    path = Path(path)
    check_template_path(path)  # refused before any work
    organization, branch_name = _names(ctx, flt)
    ids = members.ids(flt)
    return write_xlsx(path, template_lines(ctx, ids), unit_line(branch_name, organization))


def export_members(
    ctx: WorkspaceContext,
    members: MemberService,
    path: Path,
    flt: MemberFilter | None = None,
    layout: str = LIST_LAYOUT,
) -> int:
    """Write the members shown by ``flt`` (default order) to .xlsx or .csv; returns how many.

    The .xlsx title names the filter (:func:`filter_note`) and, for one chi đoàn, the second
    line reads "Chi đoàn ấp Thạnh Điền – Đoàn xã Tân Hưng", as on the printed roster. Layout
    ``"mau-dsdv"``: the union's member template, .xlsx only (:mod:`.member_template`)."""
    path = Path(path)
    if layout not in LAYOUTS:
        raise ValueError(f"unknown roster layout {layout!r}")
    if layout == TEMPLATE_LAYOUT:
        return export_template(ctx, members, path, flt).written
    export_format(path)
    organization, branch_name = _names(ctx, flt)
    ids = members.ids(flt)
    if branch_name is not None:
        organization = f"{branch_name} – {organization}" if organization else branch_name
    note = filter_note(flt, statuses_of(ctx, ids))
    return write_list(path, ROSTER, member_lines(ctx, ids), organization, note)


def statuses_of(ctx: WorkspaceContext, ids: Sequence[str]) -> set[str]:
    """The statuses of the members of ``ids``."""
    return {row[1] for _, row in rows_in_order(ctx, (Member.id, Member.status), ids)}
