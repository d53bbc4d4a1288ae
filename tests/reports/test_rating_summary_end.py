"""The summary's end: its last page never holds one member's row alone with "Cộng:" and the
signature."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from doancoso.core.workspace import Workspace
from doancoso.reports.rating import print_summary

YEAR = 2025
GIVEN = ("An", "Bảo", "Cảnh", "Danh", "Đức", "Giao", "Hải", "Khang", "Lâm", "Minh")


def test_the_last_page_carries_at_least_two_members_with_the_total(
    ws: Workspace, tmp_path: Path, read_pdf: Callable[[Path], Any]
) -> None:
    """A chi đoàn's summary grows member by member: whenever its table ends near the foot of a
    page, the last page holds two members' rows (at least) with "Cộng:" and the signature,
    not one row alone while the page before keeps room for two."""
    branch = ws.branches.create("Chi đoàn ấp Tân Hưng").id
    names = []
    for number in range(1, 40):
        name = f"Lê {GIVEN[number // 10]} {GIVEN[number % 10]}"
        member = ws.members.save({"full_name": name, "birth_date": "05/03/2000",
                                  "branch_id": branch, "admission_date": "01/01/2020"})  # fmt: skip
        ws.rating.set(YEAR, member, {"participation": 80, "decided_level": 2})
        names.append(name)
        if number < 12:
            continue
        path = print_summary(ws, tmp_path / f"{number}.pdf", YEAR, branch)
        pages = read_pdf(path).page_texts()
        if len(pages) == 1:
            continue
        last = pages[-1]
        assert "Cộng:" in last, number
        assert sum(name in last for name in names) >= 2, number
