"""Fixtures of the statistics tests: a small roster whose counts are known by hand."""

from __future__ import annotations

from datetime import date

import pytest

from doancoso.core.workspace import Workspace

TODAY = date(2026, 6, 1)
PRINTED_BY_BRANCH = (
    f"Theo chi đoàn (đang sinh hoạt; chi đoàn ghi theo ngày {date.today():%d/%m/%Y})"
    if date.today() > TODAY
    else "Theo chi đoàn (đang sinh hoạt)"
)
"""The printed heading of the chi đoàn breakdown of TODAY: of a past day, it says the members are
under today's chi đoàn (which chi đoàn a member was in then is not kept)."""
BA_DIEU = "Chi đoàn ấp Bà Điều"
XOM_MOI = "Chi đoàn ấp Xóm Mới"
# name, birth, gender, chi đoàn, ethnicity, religion, education, status
KNOWN = (
    ("Nguyễn Văn An", "15/03/2008", "Nam", BA_DIEU, "Kinh", "Không", "12/12", ""),
    ("Trần Văn Bình", "20/07/2008", "Nam", BA_DIEU, "Kinh", "Phật giáo", "12/12", ""),
    ("Lê Văn Cường", "01/01/2000", "Nam", XOM_MOI, "Khmer", "Phật giáo", "Đại học", ""),
    ("Phạm Thị Dung", "10/10/2003", "Nữ", XOM_MOI, "Kinh", "Không", "Đại học", ""),
    ("Võ Thị Em", "05/05/1996", "Nữ", BA_DIEU, "Kinh", "Không", "", "Sinh hoạt tạm"),
    ("Đỗ Văn Phúc", "02/02/1999", "Nam", XOM_MOI, "Kinh", "Không", "", "Đã chuyển sinh hoạt"),
)


def add_member(ws: Workspace, name: str, birth: str, gender: str, branch: str, ethnicity: str,
               religion: str, education: str = "", status: str = "") -> str:  # fmt: skip
    found = ws.branches.find(branch)
    branch_id = found.id if found else ws.branches.create(branch).id
    return ws.members.save({
        "full_name": name, "birth_date": birth, "gender": gender, "branch_id": branch_id,
        "ethnicity": ethnicity, "religion": religion, "education": education, "status": status,
    })  # fmt: skip


@pytest.fixture
def known_ws(ws: Workspace) -> Workspace:
    """Tân Hưng with six members: five on the active roster (3 Nam, 2 Nữ), one transferred out."""
    for row in KNOWN:
        add_member(ws, *row)
    return ws
