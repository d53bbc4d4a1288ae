"""A target planned as "80%" is 80 with the unit "%", as the plan prints it ("80%"); a
percentage under another unit is refused with what to type."""

from __future__ import annotations

import pytest

from doancoso.core.errors import ValidationError
from doancoso.core.workspace import Workspace

YEAR = 2026


def _target(ws: Workspace, **raw: str) -> tuple[float | None, str | None, float | None]:
    ws.plans.create(YEAR)
    target_id = ws.plans.add_target(YEAR, {"text": "Đoàn viên tham gia sinh hoạt", **raw}, {})
    target = ws.plans.target(target_id)
    return target.planned, target.unit, target.achieved


@pytest.mark.parametrize("planned", ["80%", "80 %", " 80% "])
def test_a_target_planned_as_a_percentage(ws: Workspace, planned: str) -> None:
    assert _target(ws, planned=planned) == (80.0, "%", None)


def test_the_unit_percent_typed_too_and_the_achieved_share(ws: Workspace) -> None:
    assert _target(ws, planned="92,5%", unit="%", achieved="75%") == (92.5, "%", 75.0)


def test_a_target_measured_by_participation_planned_as_a_percentage(ws: Workspace) -> None:
    assert _target(ws, planned="90%", measure="participation")[:2] == (90.0, "%")


def test_a_percentage_under_another_unit_is_refused_saying_what_to_type(ws: Workspace) -> None:
    ws.plans.create(YEAR)
    with pytest.raises(ValidationError) as caught:
        ws.plans.add_target(YEAR, {"text": "Kết nạp đoàn viên", "planned": "80%",
                                   "unit": "đoàn viên"}, {})  # fmt: skip
    assert caught.value.field_errors == {
        "planned": "Số có dấu % thì đơn vị phải là “%”: nhập 80 nếu đơn vị là “đoàn viên”, "
        "hoặc đổi đơn vị thành %."
    }
    plan = ws.plans.get(YEAR)
    assert plan is not None and plan.targets == ()


def test_a_percentage_of_a_count_measured_is_refused(ws: Workspace) -> None:
    """New members admitted are counted in đoàn viên: 80% of them is no figure the app measures."""
    ws.plans.create(YEAR)
    with pytest.raises(ValidationError) as caught:
        ws.plans.add_target(YEAR, {"text": "Kết nạp đoàn viên", "planned": "80%",
                                   "measure": "admissions"}, {})  # fmt: skip
    assert caught.value.field_errors == {
        "planned": "Số có dấu % thì đơn vị phải là “%”: nhập 80 nếu đơn vị là “đoàn viên”, "
        "hoặc đổi đơn vị thành %."
    }
