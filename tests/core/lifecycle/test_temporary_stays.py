"""Temporary activity (sinh hoạt tạm): the list of stays and their end, back to the home
organisation, all or nothing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from doancoso.core.errors import ConflictError, ValidationError
from doancoso.core.lifecycle.service import END_OF_STAY_NOTE
from doancoso.core.roster.service import MemberFilter
from doancoso.core.storage.models import MemberEvent
from doancoso.core.workspace import Workspace

TODAY = date(2025, 7, 1)
AddMember = Callable[..., str]


def record_stay_without_home(ws: Workspace, member_id: str, when: str, **details: str) -> str:
    """A temporary stay with no home organisation, as recorded before it was required (by an
    older version, or merged from a bundle): recorded with one, then blanked in the database."""
    event_id = ws.events.record(member_id, "temporary", when, home_organization="?", **details)
    with ws.db.transaction() as session:
        event = session.get(MemberEvent, event_id)
        assert event is not None
        event.home_organization = None
    return event_id


@pytest.fixture
def stays(ws: Workspace, add_member: AddMember) -> dict[str, str]:
    """Three members on temporary activity (one ended, one running, one without a home or an
    end), one active member and one who came back from temporary activity."""
    ids = {
        "ended": add_member("Nguyễn Thị Hạnh", "12/03/2001", branch="Ấp 1"),
        "running": add_member("Trần Văn Bảo", "01/02/2000", branch="Ấp 2"),
        "open": add_member("Lê Minh Châu", "05/05/2002", branch="Ấp 1"),
        "active": add_member("Phạm Văn Dũng", "09/09/1999", branch="Ấp 2"),
        "renewed": add_member("Võ Thị Em", "10/10/2003", branch="Ấp 2"),
    }
    record = ws.events.record
    record(ids["ended"], "temporary", "01/09/2024", home_organization="Đoàn phường 5",
           period_start="01/09/2024", period_end="30/06/2025")  # fmt: skip
    record(ids["running"], "temporary", "15/01/2025", home_organization="Đoàn xã Khánh An",
           period_start="15/01/2025", period_end="15/01/2026")  # fmt: skip
    record_stay_without_home(ws, ids["open"], "01/03/2025")  # recorded before it was required
    # A stay that ended and was renewed: the latest period counts.
    record(ids["renewed"], "temporary", "01/01/2024", home_organization="Đoàn xã Tân Lộc",
           period_start="01/01/2024", period_end="31/12/2024")  # fmt: skip
    record(ids["renewed"], "temporary", "02/01/2025", home_organization="Đoàn xã Tân Lộc",
           period_start="02/01/2025", period_end="31/12/2025")  # fmt: skip
    return ids


def test_stays_in_name_order_with_their_latest_period(ws: Workspace, stays: dict[str, str]) -> None:
    listed = ws.events.temporary_stays(TODAY)
    assert [(s.row.full_name, s.home_organization, s.period_start, s.period_end, s.ended)
            for s in listed] == [
        ("Trần Văn Bảo", "Đoàn xã Khánh An", date(2025, 1, 15), date(2026, 1, 15), False),
        ("Lê Minh Châu", None, None, None, False),
        ("Võ Thị Em", "Đoàn xã Tân Lộc", date(2025, 1, 2), date(2025, 12, 31), False),
        ("Nguyễn Thị Hạnh", "Đoàn phường 5", date(2024, 9, 1), date(2025, 6, 30), True),
    ]  # fmt: skip
    assert [s.row.id for s in ws.events.temporary_stays(TODAY, ended_only=True)] == [stays["ended"]]
    # The last day of the period is still part of it.
    assert ws.events.temporary_stays(date(2025, 6, 30), ended_only=True) == []


def test_ending_stays_transfers_them_back_home(ws: Workspace, stays: dict[str, str]) -> None:
    ws.events.end_temporary([stays["ended"], stays["running"]], "01/07/2025", "12-GT/ĐTN")
    for key, home in (("ended", "Đoàn phường 5"), ("running", "Đoàn xã Khánh An")):
        last = ws.events.history(stays[key])[-1]
        assert (last.kind, last.event_date, last.number) == (
            "transfer_out",
            date(2025, 7, 1),
            "12-GT/ĐTN",
        )
        assert (last.other_organization, last.note) == (home, END_OF_STAY_NOTE)
        assert last.status_after == "transferred_out"
    assert [s.row.full_name for s in ws.events.temporary_stays(TODAY)] == [
        "Lê Minh Châu", "Võ Thị Em"
    ]  # fmt: skip
    active = ws.members.ids(MemberFilter(statuses=("active", "temporary")))
    assert stays["ended"] not in active and stays["running"] not in active


@pytest.mark.parametrize(
    ("keys", "message"),
    [
        (("ended", "open"), "Chưa ghi đơn vị gốc của đoàn viên Lê Minh Châu: hãy ghi "
                            "“Chuyển sinh hoạt đi” cho đoàn viên này trong tab “Quá trình”."),
        (("ended", "active"), "Đoàn viên Phạm Văn Dũng không đang sinh hoạt tạm tại đơn vị."),
    ],
)  # fmt: skip
def test_a_member_who_cannot_end_stops_everything(
    ws: Workspace, stays: dict[str, str], keys: tuple[str, ...], message: str
) -> None:
    before = {k: ws.events.history(v) for k, v in stays.items()}
    with pytest.raises(ConflictError) as info:
        ws.events.end_temporary([stays[k] for k in keys], "01/07/2025")
    assert info.value.message == message
    assert {k: ws.events.history(v) for k, v in stays.items()} == before


def test_a_bad_date_is_refused(ws: Workspace, stays: dict[str, str]) -> None:
    with pytest.raises(ValidationError) as info:
        ws.events.end_temporary([stays["ended"]], "31/02/2025")
    assert set(info.value.field_errors) == {"date"}
    assert ws.events.history(stays["ended"])[-1].kind == "temporary"
