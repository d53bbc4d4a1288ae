"""The undo of an edit of a young person in the core: ``edit`` then ``put_back``."""

from __future__ import annotations

import pytest

from doancoso.core.errors import ConflictError, NotFoundError
from doancoso.core.workspace import Workspace

THUY = {"full_name": "Nguyễn Thị Thủy", "birth_date": "12/03/2004", "hamlet": "Ấp Tân Hưng",
        "phone": "0912345678"}  # fmt: skip


def test_edit_then_put_back_both_ways(ws: Workspace) -> None:
    youth_id = ws.youth.save(THUY)
    before, after = ws.youth.edit({**THUY, "hamlet": "Ấp Kênh Xáng", "phone": ""}, youth_id)
    assert (before.hamlet, before.phone) == ("Ấp Tân Hưng", "0912345678")
    assert (after.hamlet, after.phone) == ("Ấp Kênh Xáng", None)
    ws.youth.put_back(youth_id, before, after)
    assert ws.youth.get(youth_id).fields == before
    ws.youth.put_back(youth_id, after, before)
    assert ws.youth.get(youth_id).fields == after


def test_put_back_refuses_a_record_changed_since(ws: Workspace) -> None:
    youth_id = ws.youth.save(THUY)
    before, after = ws.youth.edit({**THUY, "phone": "0987654321"}, youth_id)
    ws.youth.save({**THUY, "phone": "0911111111"}, youth_id)
    with pytest.raises(ConflictError) as refused:
        ws.youth.put_back(youth_id, before, after)
    assert refused.value.message == (
        "Thông tin của thanh niên Nguyễn Thị Thủy đã được sửa lại sau đó: giữ nguyên như hiện "
        "tại để không ghi đè thay đổi mới hơn."
    )
    assert ws.youth.get(youth_id).fields.phone == "0911111111"
    ws.youth.delete([youth_id])
    with pytest.raises(NotFoundError):
        ws.youth.put_back(youth_id, before, after)


def test_an_edit_after_the_follow_up_member_was_deleted_is_undone(ws: Workspace) -> None:
    # The follow-up member deleted from the roster, the form shows no follow-up member and Thủy
    # is saved with a new phone: Hoàn tác was refused ("Đoàn viên theo dõi không có trong danh
    # sách."), as it wrote back the deleted member the form no longer showed.
    may = ws.members.save({"full_name": "Thạch Thị Mây", "birth_date": "01/02/1998"})
    youth_id = ws.youth.save({**THUY, "follow_up_member_id": may})
    ws.members.delete([may])
    assert ws.youth.get(youth_id).fields.follow_up_member_id is None
    before, after = ws.youth.edit({**THUY, "phone": "0987654321"}, youth_id)
    assert before.follow_up_member_id is None and before.phone == "0912345678"
    ws.youth.put_back(youth_id, before, after)
    assert ws.youth.get(youth_id).fields == before
    ws.youth.put_back(youth_id, after, before)
    assert ws.youth.get(youth_id).fields == after
