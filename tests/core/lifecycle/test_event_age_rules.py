"""Events the member's age or record does not allow: coming of age before the year the member
reaches the organisation's age, Party admission before 18 full years, temporary activity without
a home organisation. Exact messages, at the edges (birthday eve and day, births known by year)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest

from doancoso.core.errors import ValidationError
from doancoso.core.workspace import Workspace

AddMember = Callable[..., str]


def _refused(ws: Workspace, member_id: str, kind: str, when: str, **details: str) -> dict[str, str]:
    revision = ws.members.get(member_id).revision
    with pytest.raises(ValidationError) as info:
        ws.events.record(member_id, kind, when, **details)
    assert ws.events.history(member_id) == []  # nothing written
    assert ws.members.get(member_id).revision == revision
    return info.value.field_errors


def _status(ws: Workspace, member_id: str) -> str:
    return ws.members.get(member_id).fields.status


# -- Coming of age ---------------------------------------------------------------------------


@pytest.mark.parametrize(("birth", "shown"), [("31/12/1995", "31/12/1995"), ("1995", "1995")])
def test_coming_of_age_from_the_year_the_member_reaches_the_age(
    ws: Workspace, add_member: AddMember, birth: str, shown: str
) -> None:
    an = add_member("Nguyễn Văn An", birth)
    assert _refused(ws, an, "matured", "31/12/2024") == {
        "date": f"Đoàn viên Nguyễn Văn An chưa đến tuổi trưởng thành Đoàn (30 tuổi): sinh {shown}, "
        "đến năm 2025 mới tròn 30 tuổi."
    }
    ws.events.record(an, "matured", "01/01/2025")  # the year counts, not the birthday
    assert _status(ws, an) == "matured"


def test_an_eighteen_year_old_cannot_come_of_age(ws: Workspace, add_member: AddMember) -> None:
    young = add_member("Trần Thị Bé", "15/06/2007")
    assert _refused(ws, young, "matured", "15/06/2025") == {
        "date": "Đoàn viên Trần Thị Bé chưa đến tuổi trưởng thành Đoàn (30 tuổi): sinh "
        "15/06/2007, đến năm 2037 mới tròn 30 tuổi."
    }


def test_coming_of_age_follows_the_organisation_setting(
    ws: Workspace, add_member: AddMember
) -> None:
    org = ws.organization.get()
    assert org is not None
    ws.organization.update(replace(org, coming_of_age=28))
    reaches = add_member("Lê Văn Cường", "1997")  # 28 in 2025
    later = add_member("Phạm Văn Dũng", "01/01/1998")  # 28 in 2026
    assert _refused(ws, later, "matured", "01/06/2025") == {
        "date": "Đoàn viên Phạm Văn Dũng chưa đến tuổi trưởng thành Đoàn (28 tuổi): sinh "
        "01/01/1998, đến năm 2026 mới tròn 28 tuổi."
    }
    ws.events.record(reaches, "matured", "01/06/2025")
    assert _status(ws, reaches) == "matured"


def test_confirming_coming_of_age_in_bulk_names_who_is_too_young(
    ws: Workspace, add_member: AddMember
) -> None:
    due = add_member("Lê Văn Ba Mươi", "03/05/1995")
    overdue = add_member("Trần Văn Quá", "20/12/1994")
    young = add_member("Ngô Văn Trẻ", "01/01/1996")  # 30 in 2026: on next year's list
    assert [c.row.id for c in ws.events.coming_of_age(2026)] == [due, overdue, young]
    with pytest.raises(ValidationError) as info:
        ws.events.confirm_coming_of_age([due, young, overdue], "15/12/2025", "7-QĐ/ĐTN")
    message = (
        "Đoàn viên Ngô Văn Trẻ chưa đến tuổi trưởng thành Đoàn (30 tuổi): sinh 01/01/1996, "
        "đến năm 2026 mới tròn 30 tuổi."
    )
    assert info.value.field_errors == {"date": message}
    assert info.value.message == message
    assert {_status(ws, i) for i in (due, overdue, young)} == {"active"}  # all or nothing
    assert ws.events.history(due) == []
    ws.events.confirm_coming_of_age([due, overdue], "15/12/2025", "7-QĐ/ĐTN")
    assert {_status(ws, i) for i in (due, overdue)} == {"matured"}


# -- Party admission -------------------------------------------------------------------------


def test_party_admission_from_the_eighteenth_birthday(ws: Workspace, add_member: AddMember) -> None:
    member = add_member("Võ Thị Em", "15/06/2007", admission_date="20/06/2023")
    assert _refused(ws, member, "party_admission", "14/06/2025") == {
        "date": "Tuổi vào Đảng phải từ đủ 18 tuổi: sinh 15/06/2007, vào Đảng 14/06/2025."
    }
    ws.events.record(member, "party_admission", "15/06/2025")
    assert ws.members.get(member).fields.party_date is not None


def test_party_admission_of_someone_born_on_a_leap_day(
    ws: Workspace, add_member: AddMember
) -> None:
    """18 full years on 28/02/2022: in a year without 29 February the birthday is the 28th
    (add_years, the Civil Code's rule), as for every age the app computes."""
    member = add_member("Đặng Văn Nhuận", "29/02/2004")
    assert _refused(ws, member, "party_admission", "27/02/2022") == {
        "date": "Tuổi vào Đảng phải từ đủ 18 tuổi: sinh 29/02/2004, vào Đảng 27/02/2022."
    }
    ws.events.record(member, "party_admission", "28/02/2022")


def test_party_admission_of_a_birth_known_by_its_year(ws: Workspace, add_member: AddMember) -> None:
    member = add_member("Bùi Văn Năm", "2007")
    assert _refused(ws, member, "party_admission", "31/12/2024") == {
        "date": "Tuổi vào Đảng phải từ đủ 18 tuổi: sinh 2007, vào Đảng 31/12/2024."
    }
    ws.events.record(member, "party_admission", "01/01/2025")


def test_a_party_introduction_has_no_age_limit(ws: Workspace, add_member: AddMember) -> None:
    member = add_member("Hồ Thị Hoa", "15/06/2008")
    ws.events.record(member, "party_introduction", "01/06/2025")  # introduced at 16
    assert len(ws.events.history(member)) == 1


# -- Temporary activity ----------------------------------------------------------------------


@pytest.mark.parametrize("home", [None, "", "   "])
def test_temporary_activity_needs_the_home_organisation(
    ws: Workspace, add_member: AddMember, home: str | None
) -> None:
    member = add_member("Lý Văn Tạm", "01/01/2001")
    details = {} if home is None else {"home_organization": home}
    assert _refused(ws, member, "temporary", "01/03/2025", period_end="01/03/2026", **details) == {
        "home_organization": "Cần nhập tên đơn vị gốc của đoàn viên."
    }
    ws.events.record(member, "temporary", "01/03/2025", home_organization="Đoàn phường 5")
    assert _status(ws, member) == "temporary"
    assert ws.events.temporary_stays()[0].home_organization == "Đoàn phường 5"
