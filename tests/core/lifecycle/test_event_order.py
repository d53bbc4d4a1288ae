"""Events refused for their date: a Party admission follows the member's introduction to the
Party, an introduction recorded after the admission is dated before it, and an event dated
before a later event it must follow is refused naming that event and both dates (not the
status the member had then)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from sqlalchemy import update

from doancoso.core.errors import ConflictError
from doancoso.core.storage.models import MemberEvent
from doancoso.core.workspace import Workspace

AddMember = Callable[..., str]


def _refused(ws: Workspace, member_id: str, kind: str, date: str, **details: str) -> str:
    """The message of the ConflictError recording the event raises; nothing is recorded."""
    before = ws.events.history(member_id)
    with pytest.raises(ConflictError) as refused:
        ws.events.record(member_id, kind, date, **details)
    assert ws.events.history(member_id) == before
    return refused.value.message


@pytest.fixture
def an(ws: Workspace, add_member: AddMember) -> str:
    member = add_member("Trần Công An", "01/01/2000")
    ws.events.record(member, "admission", "11/01/2018")
    return member


def test_a_party_admission_before_the_introduction_names_both_dates(ws: Workspace, an: str) -> None:
    ws.events.record(an, "party_introduction", "19/08/2024", "21-CV/ĐTN")
    assert _refused(ws, an, "party_admission", "01/06/2024") == (
        "Ngày vào Đảng (01/06/2024) phải sau ngày giới thiệu cho Đảng (19/08/2024)."
    )
    assert _refused(ws, an, "party_admission", "19/08/2024") == (
        "Ngày vào Đảng (19/08/2024) phải sau ngày giới thiệu cho Đảng (19/08/2024)."
    )
    ws.events.record(an, "party_admission", "20/08/2024")
    assert ws.members.get(an).fields.party_date == date(2024, 8, 20)


def test_a_party_admission_without_an_introduction_is_accepted(ws: Workspace, an: str) -> None:
    ws.events.record(an, "party_admission", "01/06/2024")  # DOMAIN.md requires none
    assert [e.kind for e in ws.events.history(an)] == ["admission", "party_admission"]


def test_a_deleted_introduction_does_not_hold_the_admission_back(ws: Workspace, an: str) -> None:
    introduction = ws.events.record(an, "party_introduction", "19/08/2024")
    ws.events.delete(introduction)
    ws.events.record(an, "party_admission", "01/06/2024")


def test_a_party_member_is_introduced_only_before_the_admission(ws: Workspace, an: str) -> None:
    """A secretary back-filling the history may record the Party admission first."""
    ws.events.record(an, "party_admission", "01/06/2024", "88-QĐ/ĐU")
    assert _refused(ws, an, "party_introduction", "19/08/2024") == (
        "Ngày giới thiệu cho Đảng (19/08/2024) phải trước ngày vào Đảng (01/06/2024)."
    )
    assert _refused(ws, an, "party_introduction", "01/06/2024") == (  # as the admission after
        "Ngày giới thiệu cho Đảng (01/06/2024) phải trước ngày vào Đảng (01/06/2024)."
    )  # the introduction is refused on the same day (above)
    assert "party_introduction" not in ws.events.next_kinds(an)  # dated today: after it
    assert ws.events.refusals(an, ["party_introduction", "party_admission"]) == {
        "party_admission": "Đoàn viên Trần Công An đã được ghi nhận vào Đảng."
    }
    ws.events.record(an, "party_introduction", "31/05/2024", "21-CV/ĐTN")
    history = ws.events.history(an)
    assert [(e.kind, e.event_date, e.number) for e in history] == [
        ("admission", date(2018, 1, 11), None),
        ("party_introduction", date(2024, 5, 31), "21-CV/ĐTN"),
        ("party_admission", date(2024, 6, 1), "88-QĐ/ĐU"),
    ]
    assert ws.members.get(an).fields.party_date == date(2024, 6, 1)
    [listed] = ws.events.party_introductions(2024)
    assert (listed.member_id, listed.introduced_on, listed.party_date) == (
        an, date(2024, 5, 31), date(2024, 6, 1)
    )  # fmt: skip
    assert [p for p in ws.check().problems if p.id == an] == []
    ws.events.delete(history[1].id)  # and the history stays one the rules accept
    ws.events.record(an, "party_introduction", "02/01/2024")


def test_an_introduction_after_the_admission_is_refused_from_the_history_too(
    ws: Workspace, an: str
) -> None:
    """A history recorded before this rule (the introduction after the admission): deleting
    another event replays it, and says why it is refused."""
    ws.events.record(an, "party_introduction", "19/08/2024")
    joined = ws.events.record(an, "party_admission", "20/08/2024")
    discipline = ws.events.record(an, "discipline", "01/09/2024", level="reprimand")
    with ws.db.transaction() as session:  # as recorded before the rule: joined first
        session.execute(
            update(MemberEvent).where(MemberEvent.id == joined).values(event_date=date(2024, 6, 1))
        )
    with pytest.raises(ConflictError) as refused:
        ws.events.delete(discipline)
    assert refused.value.message == (
        "Không thể xóa sự kiện “Kỷ luật”: Ngày giới thiệu cho Đảng (19/08/2024) phải trước ngày "
        "vào Đảng (01/06/2024)."
    )


def test_a_transfer_in_before_the_transfer_out_names_both_dates(ws: Workspace, an: str) -> None:
    ws.events.record(an, "transfer_out", "20/11/2024", other_organization="Đoàn xã Tân Lộc")
    assert (
        _refused(ws, an, "transfer_in", "10/11/2024", other_organization="Đoàn xã Tân Lộc")
        == "Ngày chuyển sinh hoạt đến (10/11/2024) phải sau ngày chuyển đi (20/11/2024)."
    )
    assert ws.members.get(an).fields.status == "transferred_out"
    ws.events.record(an, "transfer_in", "21/11/2024", other_organization="Đoàn xã Tân Lộc")
    assert ws.members.get(an).fields.status == "active"


def test_a_refusal_no_date_can_lift_still_says_the_status(ws: Workspace, an: str) -> None:
    assert _refused(ws, an, "transfer_in", "10/11/2024", other_organization="Đoàn xã Tân Lộc") == (
        "Đoàn viên Trần Công An đang sinh hoạt tại đơn vị: không thể ghi nhận chuyển sinh hoạt đến."
    )


def test_an_event_dated_before_the_stay_it_ends_names_both_dates(ws: Workspace, an: str) -> None:
    ws.events.record(an, "temporary", "05/12/2024", home_organization="Đoàn xã Khánh An")
    assert (
        _refused(ws, an, "transfer_out", "01/12/2024", other_organization="Đoàn xã Khánh An")
        == "Ngày chuyển sinh hoạt đi (01/12/2024) phải sau ngày bắt đầu sinh hoạt tạm (05/12/2024)."
    )
    with pytest.raises(ConflictError) as refused:
        ws.events.end_temporary([an], "01/12/2024")
    assert refused.value.message == (
        "Ngày kết thúc sinh hoạt tạm (01/12/2024) phải sau ngày bắt đầu (05/12/2024)."
    )
    assert ws.members.get(an).fields.status == "temporary"
    ws.events.end_temporary([an], "06/12/2024")
    assert ws.members.get(an).fields.status == "transferred_out"


def test_ending_several_stays_names_the_member_whose_stay_began_later(
    ws: Workspace, an: str, add_member: AddMember
) -> None:
    binh = add_member("Lê Văn Bình", "01/01/2001")
    ws.events.record(binh, "temporary", "01/10/2024", home_organization="Đoàn xã Khánh An")
    ws.events.record(an, "temporary", "05/12/2024", home_organization="Đoàn xã Khánh An")
    with pytest.raises(ConflictError) as refused:
        ws.events.end_temporary([binh, an], "01/12/2024")
    assert refused.value.message == (
        "Đoàn viên Trần Công An: ngày kết thúc sinh hoạt tạm (01/12/2024) phải sau ngày bắt "
        "đầu (05/12/2024)."
    )
    assert [ws.members.get(m).fields.status for m in (binh, an)] == ["temporary", "temporary"]


def test_the_data_check_does_not_flag_an_introduction_recorded_after_the_party(
    ws: Workspace, an: str
) -> None:
    ws.events.record(an, "party_introduction", "19/08/2024")
    joined = ws.events.record(an, "party_admission", "20/08/2024")
    with ws.db.transaction() as session:  # as recorded before the rule: joined first
        session.execute(
            update(MemberEvent).where(MemberEvent.id == joined).values(event_date=date(2024, 6, 1))
        )
    assert [e.kind for e in ws.events.history(an)][1:] == ["party_admission", "party_introduction"]
    assert [p for p in ws.check().problems if p.id == an] == []
