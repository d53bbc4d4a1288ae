"""A member's status changes only through events: ``ws.members.save`` of an existing member keeps
the stored status whatever it is given, a new member may start with a status (the baseline before
any event), and a member who left or came of age cannot be saved at all."""

from __future__ import annotations

import pytest

from doancoso.core.errors import ConflictError
from doancoso.core.workspace import Workspace

BASE = {"full_name": "Nguyễn Văn An", "birth_date": "12/08/2000", "gender": "Nam"}


def _status(ws: Workspace, member_id: str) -> str:
    return ws.members.get(member_id).fields.status


def test_saving_without_a_status_keeps_the_status_the_events_gave(ws: Workspace) -> None:
    an = ws.members.save(BASE)
    ws.events.record(an, "temporary", "01/02/2025", home_organization="Đoàn xã Khánh An")
    assert _status(ws, an) == "temporary"
    ws.members.save({**BASE, "phone": "0912345678"}, an)  # no status: the form of old
    record = ws.members.get(an)
    assert (record.fields.status, record.fields.phone) == ("temporary", "0912345678")
    assert ws.events.history(an)[-1].status_after == "temporary"


@pytest.mark.parametrize("given", ["Đang sinh hoạt", "active", "Đã xóa tên", "transferred_out"])
def test_a_status_given_for_an_existing_member_is_ignored(ws: Workspace, given: str) -> None:
    an = ws.members.save(BASE)
    ws.events.record(an, "temporary", "01/02/2025", home_organization="Đoàn xã Khánh An")
    ws.members.save({**BASE, "status": given, "occupation": "Công nhân"}, an)
    record = ws.members.get(an)
    assert (record.fields.status, record.fields.occupation) == ("temporary", "Công nhân")


def test_an_active_member_without_events_stays_active(ws: Workspace) -> None:
    an = ws.members.save(BASE)
    ws.members.save({**BASE, "status": "Đã chuyển sinh hoạt"}, an)
    assert _status(ws, an) == "active"
    assert ws.events.history(an) == []


def test_a_new_member_starts_with_the_status_given_as_the_baseline(ws: Workspace) -> None:
    an = ws.members.save({**BASE, "status": "Đã chuyển sinh hoạt"})  # entering an old roster
    assert _status(ws, an) == "transferred_out"
    event = ws.events.record(an, "transfer_in", "01/03/2025", other_organization="Đoàn xã Tân Lộc")
    assert _status(ws, an) == "active"
    ws.events.delete(event)
    assert _status(ws, an) == "transferred_out"  # back to the baseline it was entered with


@pytest.mark.parametrize(
    ("kind", "details", "reason"),
    [
        ("transfer_out", {"other_organization": "Đoàn phường 5"}, "đã chuyển sinh hoạt đi"),
        ("struck_off", {}, "đã bị xóa tên"),
        ("discipline", {"level": "Khai trừ"}, "đã bị khai trừ"),
        ("matured", {}, "đã trưởng thành Đoàn"),
    ],
)
def test_a_member_who_left_or_came_of_age_cannot_be_saved(
    ws: Workspace, kind: str, details: dict[str, str], reason: str
) -> None:
    an = ws.members.save({**BASE, "birth_date": "12/08/1990"})
    ws.events.record(an, kind, "01/03/2025", **details)
    before = ws.members.get(an)
    for raw in ({**BASE, "birth_date": "12/08/1990"}, {**BASE, "birth_date": "12/08/1990",
                                                        "status": "Đang sinh hoạt"}):  # fmt: skip
        with pytest.raises(ConflictError) as caught:
            ws.members.save(raw, an)
        assert caught.value.message == (
            f"Hồ sơ đoàn viên Nguyễn Văn An chỉ để xem ({reason}): không sửa được."
        )
    assert ws.members.get(an) == before  # not even a new revision


def test_a_read_only_member_is_refused_before_the_fields_are_checked(ws: Workspace) -> None:
    an = ws.members.save(BASE)
    ws.events.record(an, "struck_off", "01/03/2025")
    with pytest.raises(ConflictError, match="chỉ để xem"):
        ws.members.save({"full_name": "", "birth_date": "bad"}, an)


def test_a_member_who_came_back_can_be_edited_again(ws: Workspace) -> None:
    an = ws.members.save(BASE)
    ws.events.record(an, "transfer_out", "01/03/2025", other_organization="Đoàn phường 5")
    ws.events.record(an, "transfer_in", "01/05/2025", other_organization="Đoàn phường 5")
    ws.members.save({**BASE, "phone": "0912345678"}, an)
    record = ws.members.get(an)
    assert (record.fields.status, record.fields.phone) == ("active", "0912345678")
