"""The coming-of-age age is a setting of the organisation (30 by default): it is validated,
survives a reopen, and the coming-of-age list and the statistics follow it at once."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from doancoso.core.errors import ValidationError
from doancoso.core.organization import OrganizationInfo
from doancoso.core.workspace import Workspace

AddMember = Callable[..., str]

MESSAGE = "Tuổi trưởng thành Đoàn phải là số nguyên từ 25 đến 35."


def _org(ws: Workspace) -> OrganizationInfo:
    org = ws.organization.get()
    assert org is not None
    return org


def _set_age(ws: Workspace, age: int) -> OrganizationInfo:
    return ws.organization.update(replace(_org(ws), coming_of_age=age))


IN_2026 = date(2026, 12, 7)
"""The day "overdue" is judged on: in 2026 (one who reached the age in 2026 is overdue in 2027)."""


def _names(ws: Workspace, year: int, overdue: bool = True, age: int | None = None) -> list[str]:
    return [c.row.full_name for c in ws.events.coming_of_age(year, overdue, age)]


def test_a_new_organisation_comes_of_age_at_30(ws: Workspace) -> None:
    assert _org(ws).coming_of_age == 30


def test_the_age_is_saved_and_survives_a_reopen(ws: Workspace, data_dir: Path) -> None:
    assert _set_age(ws, 31).coming_of_age == 31
    assert _org(ws).coming_of_age == 31
    ws.close()
    with Workspace.open(data_dir) as again:
        assert _org(again).coming_of_age == 31


def test_create_takes_the_age(empty_ws: Workspace) -> None:
    info = OrganizationInfo(name="Đoàn phường 5", superior_name="Thành đoàn", coming_of_age=28)
    assert empty_ws.organization.create(info).coming_of_age == 28
    assert _org(empty_ws).coming_of_age == 28


@pytest.mark.parametrize("age", [25, 35])
def test_ages_at_the_ends_of_the_range_are_accepted(ws: Workspace, age: int) -> None:
    assert _set_age(ws, age).coming_of_age == age


@pytest.mark.parametrize("age", [0, 24, 36, 100, -30])
def test_ages_out_of_range_are_refused_and_nothing_changes(ws: Workspace, age: int) -> None:
    with pytest.raises(ValidationError) as info:
        _set_age(ws, age)
    assert info.value.field_errors == {"coming_of_age": MESSAGE}
    assert info.value.message == MESSAGE
    assert _org(ws).coming_of_age == 30


@pytest.mark.parametrize("age", ["30", 30.0, True])
def test_an_age_that_is_not_an_integer_is_refused(empty_ws: Workspace, age: object) -> None:
    info = OrganizationInfo(name="Đoàn phường 5", superior_name="Thành đoàn")
    with pytest.raises(ValidationError) as error:
        empty_ws.organization.create(replace(info, coming_of_age=age))  # type: ignore[arg-type]
    assert error.value.field_errors == {"coming_of_age": MESSAGE}
    assert not empty_ws.has_organization


def test_every_bad_field_is_reported_together(empty_ws: Workspace) -> None:
    info = OrganizationInfo(name=" ", superior_name="", coming_of_age=40)
    with pytest.raises(ValidationError) as error:
        empty_ws.organization.create(info)
    assert error.value.field_errors == {
        "name": "Cần nhập tên Đoàn cơ sở.",
        "superior_name": "Cần nhập tên cấp bộ Đoàn cấp trên trực tiếp.",
        "coming_of_age": MESSAGE,
    }


def test_a_member_born_in_1996_comes_of_age_in_2026_at_30_not_at_31(
    ws: Workspace, add_member: AddMember
) -> None:
    add_member("Võ Thị Mười", "14/07/1996", branch="A")
    add_member("Trần Văn Chín", "1997", branch="A")  # 30 in 2027
    assert _names(ws, 2026) == ["Võ Thị Mười"]
    listed = ws.events.coming_of_age(2026, today=IN_2026)
    assert [(c.year_reached, c.overdue) for c in listed] == [(2026, False)]

    _set_age(ws, 31)  # born in 1996: 31 only in 2027
    assert _names(ws, 2026) == []
    assert [(c.row.full_name, c.year_reached) for c in ws.events.coming_of_age(2027)] == [
        ("Võ Thị Mười", 2027)
    ]
    _set_age(ws, 29)  # 1997 reaches 29 in 2026; 1996 did in 2025 (overdue)
    assert [
        (c.row.full_name, c.year_reached, c.overdue)
        for c in ws.events.coming_of_age(2026, today=IN_2026)
    ] == [
        ("Trần Văn Chín", 2026, False),
        ("Võ Thị Mười", 2025, True),
    ]
    assert _names(ws, 2026, overdue=False) == ["Trần Văn Chín"]
    # An explicit age still wins over the setting.
    assert _names(ws, 2026, age=30) == ["Võ Thị Mười"]


def test_statistics_follow_the_setting_without_a_stale_count(
    ws: Workspace, add_member: AddMember
) -> None:
    today = date(2026, 6, 15)
    add_member("Võ Thị Mười", "14/07/1996", branch="A")  # 30 in 2026
    add_member("Đặng Văn Quá", "1995", branch="A")  # 30 in 2025: overdue
    add_member("Trần Văn Chín", "1997", branch="A")  # 30 in 2027
    add_member("Nguyễn Văn Trẻ", "01/01/2005", branch="A")
    assert ws.statistics.roster(today).coming_of_age == 2
    _set_age(ws, 31)  # the roster did not change: only the setting did
    assert ws.statistics.roster(today).coming_of_age == 1
    assert len(ws.events.coming_of_age(today.year)) == 1
    _set_age(ws, 29)
    assert ws.statistics.roster(today).coming_of_age == 3
    _set_age(ws, 30)
    stats = ws.statistics.roster(today)
    assert stats.coming_of_age == 2
    # At 30 the last band ends at 30: Quá, 31, is outside them (other settings:
    # tests/ui/statistics/test_stats_age_bands.py).
    assert stats.by_age_band == {"16–18": 0, "19–24": 1, "25–30": 2, "Ngoài độ tuổi": 1}
