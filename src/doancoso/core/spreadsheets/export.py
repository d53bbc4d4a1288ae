"""The roster as an exported list (.xlsx in the layout a superior body expects, or CSV).

Dates are written as dd/mm/yyyy **text**, not Excel dates: a birth date known only by its year
must read "2001", never 01/01/2001, and one column cannot mix real dates and years cleanly; the
text is also what the superior body's templates show, whatever the locale of the machine that
opens the file. CCCD and phone numbers are text too (a number would lose the leading zero).
The file itself is written by :mod:`.writer`, the same way as the youth register.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from sqlalchemy import select

from ..context import WorkspaceContext
from ..dates import format_vn_date
from ..models import Branch, Member
from ..vocab import GENDERS, STATUSES
from .writer import ListLayout

TITLE = "DANH SÁCH ĐOÀN VIÊN"
# Header, width (characters) of each exported column.
COLUMNS: tuple[tuple[str, int], ...] = (
    ("STT", 5), ("Họ và tên", 26), ("Ngày sinh", 11), ("Giới tính", 8), ("Dân tộc", 9),
    ("Tôn giáo", 10), ("CCCD", 14), ("Điện thoại", 12), ("Chi đoàn", 16), ("Chức vụ", 12),
    ("Ngày vào Đoàn", 13), ("Trạng thái", 16), ("Địa chỉ", 28), ("Quê quán", 20),
    ("Nghề nghiệp", 14), ("Trình độ văn hóa", 10), ("Ghi chú", 20),
)  # fmt: skip
ROSTER = ListLayout(TITLE, "Đoàn viên", COLUMNS, multiline=frozenset({"Ghi chú"}))
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
