"""The local youth register (sổ theo dõi thanh niên) as an exported list (.xlsx or CSV).

The file holds the whole register (:data:`COLUMNS`), so that the lists criterion 1 asks for can
be made from it by sorting or filtering in Excel: young people in hardship (kind and support
received), ethnic-minority and religious youth, those working away (where, since when). The
register's table on screen and the printed PDF keep the shorter list of :func:`youth_cells`.

Written by :mod:`doancoso.core.xlsx.writer` exactly like the roster
(:mod:`doancoso.core.roster.spreadsheets.export`): full dates as real dates
(a birth year alone stays "2003"), phone numbers as text, title and organisation above a
bordered header row, frozen header, A4 landscape fitted to the width with the header repeated on
every printed page, CSV in UTF-8 with a BOM, and every file written beside its target then
renamed over it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import aliased

from ..context import WorkspaceContext
from ..lang.dates import format_vn_date
from ..lifecycle.service import EventService
from ..roster.service import MemberService
from ..roster.spreadsheets.export import date_value
from ..roster.vocab import GENDERS
from ..storage.models import Member, Organization, Youth
from ..xlsx.writer import ListLayout, Value, export_format, write_list
from .service import YouthFilter, YouthRow, YouthService, follow_up_live

TITLE = "DANH SÁCH THANH NIÊN ĐỊA PHƯƠNG"
SHEET = "Thanh niên"
# Header, widest text (in widths of a digit) of each exported column: narrower when no value
# needs it, a longer text wraps (:func:`doancoso.core.xlsx.writer.column_widths`). Eighteen
# columns side by side on A4 landscape: at their widest they print at about 70% (Excel fits the
# sheet to the page's width), so each is as narrow as its usual values allow, as the roster's
# are: a date fits "dd/mm/yyyy", the sex column "Nam" and "Nữ", a name "Nguyễn Hoàng Minh Đức",
# a hamlet "Ấp Thạnh Điền" (the same on many rows: better not wrapped), a place of work
# "TP. Hồ Chí Minh", a hardship "Hộ cận nghèo", a member "Nguyễn Văn Hùng"; longer names of
# members, addresses, occupations, support, contacts and notes wrap. The headers wrap on up to
# three lines.
COLUMNS: tuple[tuple[str, int], ...] = (
    ("STT", 6), ("Họ và tên", 21), ("Ngày sinh", 10), ("Giới tính", 4), ("Dân tộc", 6),
    ("Tôn giáo", 8), ("Khuyết tật", 8), ("Ấp/khu phố", 12), ("Địa chỉ", 12),
    ("Nghề nghiệp", 11), ("Đi làm ăn xa (nơi)", 13), ("Từ ngày", 10),
    ("Hoàn cảnh khó khăn", 11), ("Hỗ trợ đã nhận", 11), ("Đoàn viên theo dõi (1+1)", 15),
    ("Điện thoại", 11), ("Liên hệ", 10), ("Ghi chú", 11),
)  # fmt: skip
YOUTH = ListLayout(
    TITLE, SHEET, COLUMNS, multiline=frozenset({"Hỗ trợ đã nhận", "Ghi chú"}), header_lines=3
)


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


def youth_lines(ctx: WorkspaceContext, ids: Sequence[str]) -> Iterator[list[Value]]:
    """One list of cell values per young person (every column of :data:`COLUMNS`), in the order
    of ``ids``; ids that no longer exist are left out."""
    follow = aliased(Member)
    found: dict[str, tuple[Youth, str | None]] = {}
    with ctx.db.read() as session:
        for start in range(0, len(ids), 900):  # SQLite's bound-parameter limit
            stmt = (
                select(Youth, follow.full_name)
                .outerjoin(follow, follow_up_live(follow))
                .where(Youth.id.in_(ids[start : start + 900]))
            )
            for youth, name in session.execute(stmt):
                found[youth.id] = (youth, name)
        number = 0
        for youth_id in ids:
            if youth_id not in found:
                continue
            y, follow_name = found[youth_id]
            number += 1
            away = y.away_place or ("Có" if y.working_away else "")
            hardship = y.hardship_kind or ("Có" if y.in_hardship else "")
            yield [
                str(number), y.full_name, date_value(y.birth_date, y.birth_precision),
                GENDERS.get(y.gender or "", ""), y.ethnicity or "", y.religion or "",
                y.disability or "", y.hamlet or "", y.address or "", y.occupation or "", away,
                date_value(y.away_since), hardship, y.hardship_support or "", follow_name or "",
                y.phone or "", y.contact or "", y.notes or "",
            ]  # fmt: skip


def export_youth(
    ctx: WorkspaceContext, members: MemberService, path: Path, flt: YouthFilter | None = None
) -> int:
    """Write the young people shown by ``flt`` (name order) to .xlsx or .csv; returns how many.
    The .xlsx title names the list and the filter, as the printed register does
    (:func:`list_title`, :func:`filter_note`)."""
    path = Path(path)
    export_format(path)  # refused before any work
    youth = YouthService(ctx, members, EventService(ctx, members))
    ids = youth.ids(flt)
    with ctx.db.read() as session:
        org = session.get(Organization, ctx.organization_id)
        organization = org.name if org else ""
    layout = replace(YOUTH, title=list_title(flt))
    return write_list(path, layout, youth_lines(ctx, ids), organization, filter_note(flt))


LISTS: tuple[tuple[str, str, str], ...] = (
    ("hardship_only", "hoàn cảnh khó khăn", "DANH SÁCH THANH NIÊN CÓ HOÀN CẢNH KHÓ KHĂN"),
    ("working_away_only", "đi làm ăn xa", "DANH SÁCH THANH NIÊN ĐI LÀM ĂN XA"),
    ("minority_only", "dân tộc thiểu số", "DANH SÁCH THANH NIÊN DÂN TỘC THIỂU SỐ"),
    ("religious_only", "có tôn giáo", "DANH SÁCH THANH NIÊN CÓ TÔN GIÁO"),
    ("followed_only", "có đoàn viên theo dõi", "DANH SÁCH THANH NIÊN CÓ ĐOÀN VIÊN THEO DÕI (1+1)"),
    ("unfollowed_only", "chưa có đoàn viên theo dõi",
     "DANH SÁCH THANH NIÊN CHƯA CÓ ĐOÀN VIÊN THEO DÕI"),
)  # fmt: skip
"""The register's check boxes (fields of :class:`YouthFilter`): what the note under the title
says of each, and the title of the list it makes alone (criterion 1's lists, DOMAIN.md §2, as
the dossier's contents name them)."""


def _lists(flt: YouthFilter | None) -> list[tuple[str, str, str]]:
    return [entry for entry in LISTS if flt is not None and getattr(flt, entry[0])]


def list_title(flt: YouthFilter | None) -> str:
    """The title of the list ``flt`` shows: "DANH SÁCH THANH NIÊN CÓ HOÀN CẢNH KHÓ KHĂN" for a
    list of one check box (:data:`LISTS`), as a union document is titled by what it lists;
    :data:`TITLE` for the whole register or several boxes at once (said by :func:`filter_note`).
    """
    chosen = _lists(flt)
    return chosen[0][2] if len(chosen) == 1 else TITLE


def filter_note(flt: YouthFilter | None) -> str:
    """What ``flt`` shows beyond its title (:func:`list_title`): "(ấp/khu phố: Ấp Tân Hưng;
    hoàn cảnh khó khăn; đi làm ăn xa; tìm: “An”)", or ""."""
    if flt is None:
        return ""
    notes = []
    if flt.hamlet:
        notes.append(f"ấp/khu phố: {flt.hamlet}")
    chosen = _lists(flt)
    if len(chosen) > 1:  # one alone is the title
        notes.extend(note for _, note, _ in chosen)
    if flt.include_admitted:
        notes.append("kể cả người đã kết nạp Đoàn")
    if flt.search.strip():
        notes.append(f"tìm: “{flt.search.strip()}”")
    return f"({'; '.join(notes)})" if notes else ""
