"""A member's admission fields ("Ngày vào Đoàn", "Nơi vào Đoàn", "Số nghị quyết chuẩn y kết
nạp") follow the admission event: deleting it clears those it gave (or takes them from an
admission event that remains), a value the secretary typed stays, the data check finds nothing
wrong afterwards, and bringing the event back brings them back."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from doancoso.core.roster.validation import MemberFields
from doancoso.core.storage.models import Member, MemberEvent
from doancoso.core.workspace import Workspace

AddMember = Callable[..., str]


def admission(fields: MemberFields) -> tuple[object, ...]:
    return fields.admission_date, fields.admission_place, fields.admission_decision


def admission_of(ws: Workspace, member_id: str) -> tuple[object, ...]:
    return admission(ws.members.get(member_id).fields)


def problems_of(ws: Workspace, member_id: str) -> list[str]:
    return [p.message for p in ws.check().problems if p.id == member_id]


def test_deleting_the_admission_clears_what_it_gave(ws: Workspace, add_member: AddMember) -> None:
    hoa = add_member("Lê Thị Hoa", "05/03/2000")
    event = ws.events.record(hoa, "admission", "26/03/2018", "40-QĐ/ĐTN", place="Chi đoàn ấp 1")
    assert admission_of(ws, hoa) == (date(2018, 3, 26), "Chi đoàn ấp 1", "40-QĐ/ĐTN")
    ws.events.delete(event)
    assert admission_of(ws, hoa) == (None, None, None)
    assert problems_of(ws, hoa) == []


def test_taking_the_admission_back_and_bringing_it_back(
    ws: Workspace, add_member: AddMember
) -> None:
    hoa = add_member("Lê Thị Hoa", "05/03/2000")
    recorded = ws.events.record_undoable(
        hoa, "admission", "26/03/2018", "40-QĐ/ĐTN", place="Chi đoàn ấp 1"
    )
    taken = ws.events.take_back(recorded)
    assert admission_of(ws, hoa) == (None, None, None)
    ws.events.bring_back(taken)
    assert admission_of(ws, hoa) == (date(2018, 3, 26), "Chi đoàn ấp 1", "40-QĐ/ĐTN")
    assert problems_of(ws, hoa) == []


def test_a_place_and_decision_typed_by_the_secretary_stay(
    ws: Workspace, add_member: AddMember
) -> None:
    """The event had no number and no place: the member's own values were never its."""
    tam = add_member("Lê Văn Tám", "05/03/2000", admission_place="Đoàn trường THPT Tân Hưng",
                     admission_decision="12-NQ/ĐTN")  # fmt: skip
    event = ws.events.record(tam, "admission", "26/03/2018")
    assert admission_of(ws, tam) == (date(2018, 3, 26), "Đoàn trường THPT Tân Hưng", "12-NQ/ĐTN")
    ws.events.delete(event)
    assert admission_of(ws, tam) == (None, "Đoàn trường THPT Tân Hưng", "12-NQ/ĐTN")
    assert problems_of(ws, tam) == []


def test_deleting_one_of_two_admissions_takes_the_other_ones(
    ws: Workspace, add_member: AddMember
) -> None:
    """Two admissions only come from a merge of two organisations' histories."""
    hoa = add_member("Lê Thị Hoa", "05/03/2000")
    ws.events.record(hoa, "admission", "26/03/2018", "40-QĐ/ĐTN", place="Chi đoàn ấp 1")
    with ws.db.transaction() as session:  # as a merge brings it, with the member's row
        first = session.get(MemberEvent, ws.events.history(hoa)[0].id)
        member = session.get(Member, hoa)
        assert first is not None and member is not None
        later = MemberEvent(
            organization_id=first.organization_id, member_id=hoa, kind="admission",
            event_date=date(2018, 9, 2), number="52-QĐ/ĐTN", place="Đoàn xã Tân Lộc",
            status_before=first.status_before, sequence=2,
        )  # fmt: skip
        session.add(later)
        member.admission_date = later.event_date
        member.admission_place, member.admission_decision = later.place, later.number
        session.flush()
        later_id = later.id
    assert [e.number for e in ws.events.history(hoa)] == ["40-QĐ/ĐTN", "52-QĐ/ĐTN"]
    assert problems_of(ws, hoa) == []
    ws.events.delete(later_id)
    assert admission_of(ws, hoa) == (date(2018, 3, 26), "Chi đoàn ấp 1", "40-QĐ/ĐTN")
    assert problems_of(ws, hoa) == []


def _corrected(ws: Workspace, member_id: str, **fields: str) -> None:
    """Save the member's form as the secretary does, with ``fields`` typed over it."""
    member = ws.members.get(member_id).fields
    raw = {
        "full_name": member.full_name,
        "birth_date": member.birth_date.strftime("%d/%m/%Y") if member.birth_date else "",
        "admission_date": member.admission_date.strftime("%d/%m/%Y")
        if member.admission_date
        else "",
        "admission_place": member.admission_place or "",
        "admission_decision": member.admission_decision or "",
        **fields,
    }
    ws.members.save(raw, member_id)


def test_a_correction_typed_after_the_event_survives_the_next_events(
    ws: Workspace, add_member: AddMember
) -> None:
    """The number and place corrected in the form were put back to the event's by the next
    event recorded (any kind), silently."""
    hoa = add_member("Lê Thị Hoa", "05/03/2000")
    ws.events.record(hoa, "admission", "26/03/2018", "40-QĐ/ĐTN", place="Chi đoàn ấp 1")
    _corrected(ws, hoa, admission_decision="41-QĐ/ĐTN", admission_place="Chi đoàn ấp Tân Hưng")
    corrected = (date(2018, 3, 26), "Chi đoàn ấp Tân Hưng", "41-QĐ/ĐTN")
    assert admission_of(ws, hoa) == corrected
    ws.events.record(hoa, "party_introduction", "01/05/2024")
    assert admission_of(ws, hoa) == corrected
    recorded = ws.events.record_undoable(hoa, "discipline", "01/06/2024", level="Khiển trách")
    assert admission_of(ws, hoa) == corrected
    ws.events.bring_back(ws.events.take_back(recorded))  # undone, then redone
    assert admission_of(ws, hoa) == corrected
    assert problems_of(ws, hoa) == []
