"""The dates an event decides (admission to the union, to the Party) are changed through the
event, not through the member form: saving another date is refused and changes nothing."""

from __future__ import annotations

from datetime import date

import pytest

from doancoso.core.errors import ValidationError
from doancoso.core.workspace import Workspace


def _raw(ws: Workspace, member_id: str, **changes: str) -> dict[str, str]:
    fields = ws.members.get(member_id).fields
    raw = {
        "full_name": fields.full_name,
        "birth_date": "05/03/2001",
        "admission_date": fields.admission_date.strftime("%d/%m/%Y")
        if fields.admission_date
        else "",
        "party_date": fields.party_date.strftime("%d/%m/%Y") if fields.party_date else "",
    }
    return {**raw, **changes}


def test_dates_recorded_by_events_are_changed_only_there(ws: Workspace) -> None:
    member = ws.members.save({"full_name": "Lê Thị Hoa", "birth_date": "05/03/2001"})
    ws.events.record(member, "admission", "26/03/2018")
    ws.events.record(member, "party_admission", "19/05/2024")
    ws.members.save(_raw(ws, member, occupation="Giáo viên"), member)  # the same dates: saved
    assert ws.members.get(member).fields.occupation == "Giáo viên"

    with pytest.raises(ValidationError) as info:
        ws.members.save(_raw(ws, member, admission_date="01/04/2018", party_date=""), member)
    assert info.value.field_errors == {
        "admission_date": "Ngày vào Đoàn theo quyết định kết nạp là 26/03/2018: muốn sửa, hãy "
        "sửa sự kiện trong tab “Quá trình”.",
        "party_date": "Ngày vào Đảng theo sự kiện “Vào Đảng” là 19/05/2024: muốn sửa, hãy sửa "
        "sự kiện trong tab “Quá trình”.",
    }
    fields = ws.members.get(member).fields
    assert (fields.admission_date, fields.party_date) == (date(2018, 3, 26), date(2024, 5, 19))


def test_dates_without_an_event_stay_free_to_edit(ws: Workspace) -> None:
    member = ws.members.save(
        {"full_name": "Trần Văn Bình", "birth_date": "05/03/2001", "admission_date": "01/01/2018"}
    )
    ws.members.save(_raw(ws, member, admission_date="02/01/2018"), member)
    assert ws.members.get(member).fields.admission_date == date(2018, 1, 2)
    event = ws.events.record(member, "party_admission", "19/05/2024")
    ws.events.delete(event)  # a deleted event decides nothing
    ws.members.save(_raw(ws, member, party_date=""), member)
    assert ws.members.get(member).fields.party_date is None
