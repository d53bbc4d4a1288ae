"""The coming-of-age list: "quá hạn" (overdue) is measured against today, not against the year
viewed (viewing next year used to mark this year's members overdue); members here on temporary
activity are left out, since their home organisation records their coming of age, and the
statistics count the same members."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from doancoso.core.workspace import Workspace

AddMember = Callable[..., str]

TODAY = date(2026, 6, 15)


def test_overdue_is_against_today_whatever_year_is_viewed(
    ws: Workspace, add_member: AddMember
) -> None:
    add_member("Trần Văn Quá", "20/12/1995")  # reached 30 in 2025: late today
    add_member("Lê Văn Nay", "03/05/1996")  # reaches 30 this year
    add_member("Phạm Thị Sau", "1997")  # reaches 30 next year
    for year in (2026, 2027):
        listed = ws.events.coming_of_age(year, today=TODAY)
        shown = [(c.row.full_name, c.year_reached, c.overdue) for c in listed]
        expected = [("Lê Văn Nay", 2026, False), ("Trần Văn Quá", 2025, True)]
        if year == 2027:
            expected.append(("Phạm Thị Sau", 2027, False))
        assert shown == expected, year
    # a past year viewed: who reached it then is late today
    listed = ws.events.coming_of_age(2025, today=TODAY)
    assert [(c.row.full_name, c.overdue) for c in listed] == [("Trần Văn Quá", True)]


def test_members_on_temporary_activity_are_left_out(ws: Workspace, add_member: AddMember) -> None:
    own = add_member("Lê Văn Nay", "03/05/1996")
    guest = add_member("Đỗ Thị Tạm", "31/12/1996")
    ws.events.record(guest, "temporary", "01/01/2025", home_organization="Đoàn xã A")
    listed = ws.events.coming_of_age(2026, today=TODAY)
    assert [c.row.id for c in listed] == [own]
    assert ws.events.coming_of_age(2030, today=TODAY)[0].row.id == own  # any year viewed
    assert ws.statistics.roster(TODAY).coming_of_age == 1
