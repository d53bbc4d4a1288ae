"""Head counts typed the Vietnamese way: "1.200" and "1 200" are twelve hundred, as a plan's
targets read them ("1.500"), not a refusal or one point two."""

from __future__ import annotations

import datetime as dt

import pytest

from doancoso.core.errors import ValidationError
from doancoso.core.workspace import Workspace

DAY = dt.date(2025, 3, 10)


def _save(ws: Workspace, expected: str) -> int | None:
    activity_id, _ = ws.activities.save(
        {"title": "Ngày hội thanh niên", "start_date": "10/03/2025",
         "expected_participants": expected}
    )  # fmt: skip
    return ws.activities.get(activity_id).fields.expected_participants


@pytest.mark.parametrize(
    ("typed", "value"),
    [("1.200", 1200), ("1 200", 1200), ("1\u00a0200", 1200), ("12.000", 12000), ("40", 40)],
)
def test_people_expected_with_thousands_grouped(ws: Workspace, typed: str, value: int) -> None:
    assert _save(ws, typed) == value


@pytest.mark.parametrize("typed", ["1,5", "1.2", "0", "-3", "nhiều", "200.000"])
def test_people_expected_that_are_no_head_count_are_refused(ws: Workspace, typed: str) -> None:
    with pytest.raises(ValidationError) as caught:
        _save(ws, typed)
    assert caught.value.field_errors == {
        "expected_participants": "Số người dự kiến phải là số nguyên dương."
    }
    assert ws.activities.occurrences(DAY, DAY) == []


def _occurrence(ws: Workspace) -> str:
    ws.activities.save({"title": "Ngày hội thanh niên", "start_date": "10/03/2025"})
    return ws.activities.occurrences(DAY, DAY)[-1].id


@pytest.mark.parametrize(
    ("typed", "value"), [("1.200", 1200), ("1 200", 1200), ("0", 0), ("", None)]
)
def test_people_who_took_part_with_thousands_grouped(
    ws: Workspace, typed: str, value: int | None
) -> None:
    occ = _occurrence(ws)
    ws.activities.update_occurrence(occ, {"participants": typed})
    assert ws.activities.occurrence(occ).participants == value


@pytest.mark.parametrize("typed", ["1,5", "1.2", "-3", "nhiều", "200.000"])
def test_people_who_took_part_that_are_no_head_count_are_refused(ws: Workspace, typed: str) -> None:
    occ = _occurrence(ws)
    ws.activities.update_occurrence(occ, {"participants": "40"})
    with pytest.raises(ValidationError) as caught:
        ws.activities.update_occurrence(occ, {"participants": typed})
    assert caught.value.field_errors == {
        "participants": "Số người tham gia phải là số nguyên không âm."
    }
    assert ws.activities.occurrence(occ).participants == 40
