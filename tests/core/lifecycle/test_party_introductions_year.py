"""The introductions of a year as the register lists them and as item 3.2 counts them: the
same rows (a deleted member's introduction is in neither), up to the day counted."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from doancoso.core.workspace import Workspace

AddMember = Callable[..., str]


def test_the_list_of_a_year_has_as_many_rows_as_the_figure(
    ws: Workspace, add_member: AddMember
) -> None:
    an = add_member("Nguyễn Văn An", "02/03/2000", branch="Chi đoàn ấp 1")
    be = add_member("Trần Thị Bé", "15/07/2001", branch="Chi đoàn ấp 2")
    gone = add_member("Lê Văn Cũ", "01/01/1999")
    old = add_member("Phạm Văn Trước", "01/01/1998")
    ws.events.record(an, "party_introduction", "05/03/2025", number="12-GT/ĐTN")
    ws.events.record(be, "party_introduction", "20/09/2025")
    ws.events.record(gone, "party_introduction", "10/04/2025")
    ws.events.record(old, "party_introduction", "10/04/2024")
    ws.members.delete([gone])
    ws.recognition.open(2025)

    def figure(as_of: dt.date) -> float | None:
        view = ws.recognition.view(2025, as_of)
        (item,) = [
            v for v in view.items if v.indicator and v.indicator.key == "party-introductions"
        ]
        return item.indicator.value if item.indicator else None

    listed = ws.events.party_introductions(2025)
    assert [(i.full_name, i.birth_date, i.branch_name, i.number) for i in listed] == [
        ("Nguyễn Văn An", dt.date(2000, 3, 2), "Chi đoàn ấp 1", "12-GT/ĐTN"),
        ("Trần Thị Bé", dt.date(2001, 7, 15), "Chi đoàn ấp 2", None),
    ]
    assert figure(dt.date(2025, 12, 31)) == len(listed) == 2
    assert (
        figure(dt.date(2025, 6, 30))
        == len(ws.events.party_introductions(2025, dt.date(2025, 6, 30)))
        == 1
    )
    assert len(ws.events.party_introductions()) == 3  # every year, the deleted member left out
