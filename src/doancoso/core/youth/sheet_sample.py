"""An example youth list to fill in: the register's export layout (which the import reads best),
with two made-up young people whose ages are counted from today.

A hamlet head can fill it in place of the two example rows; a test checks that the sample
imports as two new young people with no problem.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ..context import WorkspaceContext
from ..roster.spreadsheets.export import date_value
from ..xlsx.writer import Value, write_list_xlsx
from .export import YOUTH

SUBTITLE = "(MẪU: thay hai dòng ví dụ bằng thanh niên của ấp)"


def sample_lines(today: date) -> list[list[Value]]:
    """The two example young people, in the columns of :data:`.export.COLUMNS`."""
    hai, lan = date(today.year - 20, 4, 9), date(today.year - 17, 8, 21)
    return [
        ["1", "Lê Văn Hải", date_value(hai), "Nam", "Kinh", "", "", "Ấp Tân Phú",
         "Tổ 3", "Công nhân", "TP. Hồ Chí Minh", date_value(date(today.year - 1, 2, 1)), "", "",
         "", "0912345678", "", ""],
        ["2", "Phạm Thị Lan", date_value(lan), "Nữ", "Kinh", "Phật giáo", "", "Ấp Tân Phú",
         "Tổ 5", "Học sinh", "", "", "Hộ nghèo", "Học bổng", "", "", "", ""],
    ]  # fmt: skip


def write_youth_sample(ctx: WorkspaceContext, path: Path, today: date) -> None:
    """Write the example list to the .xlsx ``path`` (atomically)."""
    from ..storage.models import Organization

    with ctx.db.read() as session:
        org = session.get(Organization, ctx.organization_id)
        organization = org.name if org else ""
    write_list_xlsx(Path(path), YOUTH, sample_lines(today), organization, SUBTITLE)
