"""What the rating tests of the core and of the GUI share: a year of chi đoàn meetings whose
attendance is known, made through the core's API."""

from __future__ import annotations

import datetime as dt

from doancoso.core.workspace import Workspace

YEAR = 2025


def meetings(ws: Workspace, present: dict[str, int], total: int = 10) -> None:
    """``total`` meetings in 2025 (one a month from January); member → how many attended."""
    for number in range(total):
        day = dt.date(YEAR, 1 + number, 10)
        ws.activities.save({"title": f"Sinh hoạt tháng {day.month}", "kind": "sinh-hoat",
                            "start_date": f"{day:%d/%m/%Y}"})  # fmt: skip
        (occ,) = ws.activities.occurrences(day, day)
        marks = {m.member_id: ("absent", None) for m in ws.attendance.sheet(occ.id)}
        for member_id, attended in present.items():
            if number < attended and member_id in marks:
                marks[member_id] = ("present", None)
        ws.attendance.save(occ.id, marks)


BY_LEVEL = (9, 63, 32, 4)
"""Members decided at each level (1 to 4), 108 in all, whose shares, each rounded on its own,
add to 99,9 (8,3 + 58,3 + 29,6 + 3,7): the app writes them so, each its count's own rounding,
not pushed to add to 100,0."""
BY_LEVEL_SHARES = ("9 (8,3%)", "63 (58,3%)", "32 (29,6%)", "4 (3,7%)")
_GIVEN = ("An", "Bảo", "Cảnh", "Danh", "Đức", "Giao", "Hải", "Khang", "Lâm", "Minh")


def decide_by_level(ws: Workspace, branch: str, counts: tuple[int, ...] = BY_LEVEL,
                    year: int = YEAR) -> None:  # fmt: skip
    """Members of ``branch`` (a chi đoàn's name, made here), ``counts[i]`` of them decided at
    level i + 1 in the round of ``year``: "Lê An An", "Lê An Bảo"…"""
    branch_id = ws.branches.create(branch).id
    levels: dict[str, int] = {}
    number = 0
    for level, count in enumerate(counts, start=1):
        for _ in range(count):
            name = f"Lê {_GIVEN[number // 100]} {_GIVEN[number // 10 % 10]} {_GIVEN[number % 10]}"
            member = ws.members.save({"full_name": name, "birth_date": "05/03/2000",
                                      "branch_id": branch_id,
                                      "admission_date": "01/01/2020"})  # fmt: skip
            levels[member] = level
            number += 1
    ws.rating.set_levels(year, "decided_level", levels)
