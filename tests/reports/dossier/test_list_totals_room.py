"""The total under the list of the members introduced to the Party and under the list of the chi
đoàn ("Tổng số: …") stands as far from the table as the other parts' totals ("Tổng cộng: …",
"Kết quả: …"), 3 mm under its bottom border: an officer sees one dossier, not lists laid out
each its own way."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from page_marks import MM, room_above

from doancoso.core.lifecycle.service import PartyIntroduction
from doancoso.core.organization import OrganizationInfo
from doancoso.core.roster.branches import BranchInfo
from doancoso.core.workspace import Workspace
from doancoso.reports.dossier.extra import write_branches
from doancoso.reports.dossier.parts import write_activities
from doancoso.reports.dossier.register import write_introductions
from dossier_data import ISSUED
from plan_data import make_plan_data

SAME = 0.3
"""Points two gaps may differ by and still look the same (about 0.1 mm)."""


def _org(ws: Workspace) -> OrganizationInfo:
    org = ws.organization.get()
    assert org is not None
    return org


def _activities_room(ws: Workspace, folder: Path) -> float:
    """The room above the activities' "Tổng cộng: …", the parts' way of leaving it."""
    make_plan_data(ws)
    rows = ws.activities.occurrences(dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    details = [ws.activities.occurrence(r.id) for r in rows]
    path = write_activities(folder / "hoat-dong.pdf", _org(ws), details,
                            ws.activities.kind_names(), 2026, ISSUED)  # fmt: skip
    return room_above(path, "Tổng cộng:")


def test_the_introductions_total_stands_as_the_other_parts_totals(
    ws: Workspace, tmp_path: Path
) -> None:
    rows = [PartyIntroduction(f"e{i}", f"m{i}", name, "Chi đoàn ấp Bà Điều",
                              dt.date(2025, 3, i), f"{i}-CV/ĐTN", None, "active",
                              dt.date(2000, 1, i))
            for i, name in enumerate(("Nguyễn Văn An", "Trần Thị Bé"), start=1)]  # fmt: skip
    path = write_introductions(tmp_path / "gioi-thieu.pdf", _org(ws), rows, 2025, ISSUED)
    room = room_above(path, "Tổng số: 2 đoàn viên.")
    assert abs(room - _activities_room(ws, tmp_path)) < SAME
    assert room >= 3 * MM


def test_the_branches_total_stands_as_the_other_parts_totals(ws: Workspace, tmp_path: Path) -> None:
    branches = [BranchInfo("b1", "Chi đoàn ấp Bà Điều", 40, 38, 2),
                BranchInfo("b2", "Chi đoàn ấp Bào Sen", 25, 25)]  # fmt: skip
    path = write_branches(tmp_path / "chi-doan.pdf", _org(ws), branches, ISSUED)
    room = room_above(path, "Tổng số: 2 chi đoàn, 63 đoàn viên (kể cả 2 sinh hoạt tạm).")
    assert abs(room - _activities_room(ws, tmp_path)) < SAME
    assert room >= 3 * MM
