"""An example roster to fill in: the layout the import reads best, with two made-up members.

The layout is the export's own (:data:`.export.ROSTER`): a title, the organisation, then one
header row whose every header the import recognises (a test checks that the sample imports as
two new members with no problem). The two members are made up, with ages counted from today so
that the sample never ages into a warning; their chi đoàn is the organisation's first one, so
importing the sample unchanged creates no chi đoàn.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ...context import WorkspaceContext
from ...xlsx.writer import Value, write_list_xlsx
from ..branches import BranchService
from .export import ROSTER, date_value

SUBTITLE = "(MẪU: thay hai dòng ví dụ bằng đoàn viên của đơn vị)"
EXAMPLE_BRANCH = "Chi đoàn ấp Tân Phú"


def sample_lines(today: date, branch: str) -> list[list[Value]]:
    """The two example members, in the columns of :data:`.export.ROSTER`."""
    an, binh = date(today.year - 22, 3, 5), date(today.year - 19, 11, 12)
    return [
        ["1", "Nguyễn Văn An", date_value(an), "Nam", "Kinh", "Không",
         f"0962{an.year % 100:02d}000123", "0912345678", branch, "Bí thư",
         date_value(date(an.year + 17, 3, 26)), "Đang sinh hoạt", "ấp Tân Phú", "Cà Mau",
         "Nông dân", "12/12", ""],
        ["2", "Trần Thị Bình", date_value(binh), "Nữ", "Kinh", "Phật giáo",
         f"0963{binh.year % 100:02d}000456", "0987654321", branch, "Đoàn viên",
         date_value(date(binh.year + 17, 3, 26)), "Đang sinh hoạt", "ấp Tân Phú", "Cà Mau",
         "Học sinh", "11/12", ""],
    ]  # fmt: skip


def write_sample(ctx: WorkspaceContext, path: Path, today: date) -> None:
    """Write the example roster to the .xlsx ``path`` (atomically)."""
    from ...storage.models import Organization

    names = BranchService(ctx).names()
    branch = names[0][1] if names else EXAMPLE_BRANCH
    with ctx.db.read() as session:
        org = session.get(Organization, ctx.organization_id)
        organization = org.name if org else ""
    write_list_xlsx(Path(path), ROSTER, sample_lines(today, branch), organization, SUBTITLE)
