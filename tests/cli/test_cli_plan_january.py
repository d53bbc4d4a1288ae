"""``doancoso plan show`` in January: the target "chi đoàn meet every month" reads "chưa đến
kỳ" until January is over, as checklist item 2.3 does (the line ``plan show`` prints for a
target, made from the plan as the core reads it on 15/01)."""

from __future__ import annotations

import datetime as dt

from doancoso.cli.plans import _target_cells, plan_json
from doancoso.core.workspace import Workspace
from plan_data import YEAR, make_plan_data


def test_chi_doan_meetings_are_not_due_until_january_is_over(ws: Workspace) -> None:
    make_plan_data(ws)
    january = ws.plans.get(YEAR, dt.date(YEAR, 1, 15))
    assert january is not None
    lines = ["\t".join(_target_cells(i, t, january.started))
             for i, t in enumerate(january.targets, start=1)]  # fmt: skip
    assert lines[:2] == [
        "1.\tTiêu chí 1\tKết nạp đoàn viên mới\tKế hoạch: 4 đoàn viên\tĐạt: 0 đoàn viên (0%)\t"
        "tự tính",
        "2.\tTiêu chí 2\tChi đoàn sinh hoạt định kỳ hằng tháng\tKế hoạch: 100%\t"
        "Đạt: (chưa đến kỳ)\ttự tính",
    ]
    february = ws.plans.get(YEAR, dt.date(YEAR, 2, 1))
    assert february is not None
    assert _target_cells(2, february.targets[1], february.started)[4] == "Đạt: 50% (50%)"


def test_plan_show_json_says_which_targets_are_not_due(ws: Workspace) -> None:
    """``plan show --format json`` gave the meetings target of 15/01 as achieved 50 with no
    word that it is not judged yet: a script read it as missed. Each target carries ``due``:
    false until January is over, and for every target of a year not begun."""
    make_plan_data(ws)
    january = ws.plans.get(YEAR, dt.date(YEAR, 1, 15))
    february = ws.plans.get(YEAR, dt.date(YEAR, 2, 1))
    before = ws.plans.get(YEAR, dt.date(YEAR - 1, 12, 31))
    assert january is not None and february is not None and before is not None
    targets = plan_json(january)["targets"]
    assert isinstance(targets, list)
    assert [(t["measure"], t["due"]) for t in targets[:2]] == [
        ("admissions", True),
        ("branch-meetings", False),
    ]
    for plan, due in ((february, True), (before, False)):
        targets = plan_json(plan)["targets"]
        assert isinstance(targets, list)
        assert [t["due"] for t in targets] == [due] * len(targets)
