"""No text longer than its column takes is stored, whichever way it comes in: the member form
(``ws.members.add``), the youth register, an activity through the check every write passes
(``storage.lengths.check_flush``). Else the app's own bundle would be refused by the successor's
app (``bundle.validate``), and PostgreSQL would refuse the row."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from doancoso.core.errors import ValidationError
from doancoso.core.storage.models import Activity, Attendance
from doancoso.core.workspace import Workspace

HOMETOWN = "Ấp Tân Hòa, " * 25 + "x"  # 301 characters
TOO_LONG = "Quê quán dài 301 ký tự, quá 300 ký tự cho phép."


def test_the_member_form_refuses_a_hometown_too_long(ws: Workspace) -> None:
    assert len(HOMETOWN) == 301
    raw = {"full_name": "Nguyễn Văn An", "birth_date": "05/03/2001", "hometown": HOMETOWN}
    with pytest.raises(ValidationError) as info:
        ws.members.add(raw)
    assert info.value.field_errors == {"hometown": TOO_LONG}
    assert ws.members.list() == []
    fits = HOMETOWN[:299] + "a"  # 300 characters
    added = ws.members.add({**raw, "hometown": fits})
    assert ws.members.get(added.member_id).fields.hometown == fits


def test_a_member_changed_to_a_hometown_too_long_is_refused(ws: Workspace) -> None:
    raw = {"full_name": "Nguyễn Văn An", "birth_date": "05/03/2001", "hometown": "Tân Hòa"}
    added = ws.members.add(raw)
    with pytest.raises(ValidationError) as info:
        ws.members.edit({**raw, "hometown": HOMETOWN}, added.member_id)
    assert info.value.field_errors == {"hometown": TOO_LONG}
    assert ws.members.get(added.member_id).fields.hometown == "Tân Hòa"


def test_the_youth_register_refuses_a_place_too_long(ws: Workspace) -> None:
    raw = {"full_name": "Trần Thị Bé", "birth_date": "05/03/2004", "away_place": HOMETOWN}
    with pytest.raises(ValidationError) as info:
        ws.youth.add(raw)
    assert info.value.field_errors == {
        "away_place": "Nơi làm ăn xa dài 301 ký tự, quá 300 ký tự cho phép."
    }
    assert ws.youth.list() == []


def test_an_activity_place_too_long_is_refused_by_the_check_of_every_write(ws: Workspace) -> None:
    raw = {"title": "Giúp dân thu hoạch lúa", "kind": "Khác", "start_date": "05/03/2026"}
    with pytest.raises(ValidationError) as info:
        ws.activities.save({**raw, "place": HOMETOWN})
    assert info.value.field_errors == {"place": "Địa điểm dài 301 ký tự, quá 300 ký tự cho phép."}
    with ws.db.read() as session:
        assert session.scalar(select(func.count()).select_from(Activity)) == 0


def test_an_absence_reason_too_long_is_refused_in_the_bulk_write(ws: Workspace) -> None:
    member = ws.members.add({"full_name": "Nguyễn Văn An", "birth_date": "05/03/2001"})
    activity, _dates = ws.activities.save(
        {"title": "Giúp dân thu hoạch lúa", "kind": "Khác", "start_date": "05/03/2026"}
    )
    (occurrence,) = ws.activities.occurrence_ids_of(activity)
    with pytest.raises(ValidationError) as info:
        ws.attendance.save(occurrence, {member.member_id: ("excused", HOMETOWN)})
    assert info.value.field_errors == {"reason": "Lý do dài 301 ký tự, quá 300 ký tự cho phép."}
    with ws.db.read() as session:
        assert session.scalar(select(func.count()).select_from(Attendance)) == 0
