"""The undo of an edit in the core: ``edit`` returns the fields before and after the write,
``put_back`` writes one of them back only over a member still as the other left it."""

from __future__ import annotations

import pytest

from doancoso.core.errors import ConflictError, NotFoundError
from doancoso.core.roster.service import MemberFilter
from doancoso.core.workspace import Workspace

AN = {"full_name": "Nguyễn Văn An", "birth_date": "12/08/2000", "phone": "0912345678",
      "national_id": "096200001111"}  # fmt: skip


def test_edit_returns_before_and_after_and_put_back_restores(ws: Workspace) -> None:
    member_id = ws.members.save(AN)
    before, after = ws.members.edit({**AN, "full_name": "nguyễn văn ân", "phone": ""}, member_id)
    assert (before.full_name, before.phone) == ("Nguyễn Văn An", "0912345678")
    assert (after.full_name, after.phone) == ("Nguyễn Văn Ân", None)
    assert ws.members.get(member_id).fields == after

    ws.members.put_back(member_id, before, after)  # undo
    assert ws.members.get(member_id).fields == before
    assert ws.members.ids(MemberFilter(search="0912345678")) == [member_id]  # search text too
    ws.members.put_back(member_id, after, before)  # redo
    assert ws.members.get(member_id).fields == after


def test_unchanged_edit_gives_equal_fields(ws: Workspace) -> None:
    member_id = ws.members.save(AN)
    before, after = ws.members.edit(AN, member_id)
    assert before == after


def test_put_back_refuses_a_member_edited_again(ws: Workspace) -> None:
    member_id = ws.members.save(AN)
    before, after = ws.members.edit({**AN, "phone": "0987654321"}, member_id)
    ws.members.save({**AN, "phone": "0911111111"}, member_id)
    with pytest.raises(ConflictError) as refused:
        ws.members.put_back(member_id, before, after)
    assert refused.value.message == (
        "Thông tin của đoàn viên Nguyễn Văn An đã được sửa lại sau đó: giữ nguyên như hiện tại "
        "để không ghi đè thay đổi mới hơn."
    )
    assert ws.members.get(member_id).fields.phone == "0911111111"


def test_put_back_refuses_a_deleted_member(ws: Workspace) -> None:
    member_id = ws.members.save(AN)
    before, after = ws.members.edit({**AN, "phone": "0987654321"}, member_id)
    ws.members.delete([member_id])
    with pytest.raises(NotFoundError):
        ws.members.put_back(member_id, before, after)


def test_put_back_refuses_a_cccd_taken_meanwhile(ws: Workspace) -> None:
    member_id = ws.members.save(AN)
    before, after = ws.members.edit({**AN, "national_id": "096200002222"}, member_id)
    ws.members.save({"full_name": "Lê Văn Tám", "birth_date": "01/01/2001",
                     "national_id": "096200001111"})  # fmt: skip
    with pytest.raises(ConflictError) as refused:
        ws.members.put_back(member_id, before, after)
    assert refused.value.message == "Số CCCD này đã dùng cho đoàn viên Lê Văn Tám."
    assert ws.members.get(member_id).fields == after


def test_events_recorded_since_decide_whether_the_edit_can_be_undone(ws: Workspace) -> None:
    """Only the fields an undo would write count: an event that changes the status alone leaves
    the edit undoable; one that sets a date of the record (Party) or makes the record read-only
    (transferred out) does not."""
    member_id = ws.members.save(AN)
    before, after = ws.members.edit({**AN, "phone": "0987654321"}, member_id)
    ws.events.record(member_id, "temporary", "01/03/2025", home_organization="Đoàn xã Tân Lộc")
    ws.members.put_back(member_id, before, after)
    record = ws.members.get(member_id)
    assert (record.fields.phone, record.fields.status) == ("0912345678", "temporary")

    before, after = ws.members.edit({**AN, "phone": "0987654321"}, member_id)
    ws.events.record(member_id, "party_admission", "01/04/2025")
    with pytest.raises(ConflictError, match="đã được sửa lại sau đó"):
        ws.members.put_back(member_id, before, after)

    before, after = ws.members.edit({**AN, "phone": "0911111111", "party_date": "01/04/2025"},
                                    member_id)  # fmt: skip
    ws.events.record(member_id, "transfer_out", "01/05/2025", other_organization="Đoàn xã B")
    with pytest.raises(ConflictError, match="chỉ để xem"):
        ws.members.put_back(member_id, before, after)
    assert ws.members.get(member_id).fields.phone == "0911111111"
