"""The undo of an add in the core: ``add`` returns the record as the add left it, ``take_back``
soft-deletes it only while it is still so (no edit, no event since), ``bring_back`` restores it;
the same for the youth register, and for an admission from it."""

from __future__ import annotations

import sqlite3

import pytest

from doancoso.core.errors import ConflictError, NotFoundError
from doancoso.core.workspace import DATABASE_FILE, Workspace

THUY = {"full_name": "Lê Thị Thuỷ", "birth_date": "05/03/2004", "gender": "Nữ"}
REFUSED = (
    "Thông tin của đoàn viên Lê Thị Thuỷ đã được sửa hoặc ghi thêm quá trình sau khi thêm: giữ "
    "nguyên, không xóa, để không mất thông tin nhập sau đó."
)


def test_take_back_and_bring_back_an_added_member(ws: Workspace) -> None:
    added = ws.members.add(THUY)
    assert ws.members.get(added.member_id).fields == added.fields
    assert added.events == frozenset()
    ws.members.take_back(added)
    assert ws.members.ids() == []
    ws.members.bring_back(added)
    assert ws.members.ids() == [added.member_id]
    ws.members.take_back(added)  # still as added: again
    assert ws.members.count() == 0


def test_take_back_refuses_a_member_edited_since(ws: Workspace) -> None:
    added = ws.members.add(THUY)
    ws.members.save({**THUY, "phone": "0912345678"}, added.member_id)
    with pytest.raises(ConflictError) as refused:
        ws.members.take_back(added)
    assert refused.value.message == REFUSED
    assert ws.members.ids() == [added.member_id]


def test_take_back_refuses_a_member_with_an_event_since(ws: Workspace) -> None:
    added = ws.members.add(THUY)
    ws.events.record(added.member_id, "party_introduction", "01/06/2025")
    with pytest.raises(ConflictError) as refused:
        ws.members.take_back(added)
    assert refused.value.message == REFUSED
    assert ws.members.ids() == [added.member_id]


def test_take_back_of_a_deleted_member_is_refused(ws: Workspace) -> None:
    added = ws.members.add(THUY)
    ws.members.delete([added.member_id])
    with pytest.raises(NotFoundError):
        ws.members.take_back(added)


def test_take_back_and_bring_back_an_added_young_person(ws: Workspace) -> None:
    added = ws.youth.add({"full_name": "Trần Thị Thủy", "birth_date": "05/03/2007"})
    ws.youth.take_back(added)
    assert ws.youth.ids() == []
    ws.youth.bring_back(added)
    assert ws.youth.ids() == [added.youth_id]
    ws.youth.save({"full_name": "Trần Thị Thủy", "birth_date": "06/03/2007"}, added.youth_id)
    with pytest.raises(ConflictError) as refused:
        ws.youth.take_back(added)
    assert refused.value.message == (
        "Thông tin của thanh niên Trần Thị Thủy đã được sửa sau khi thêm: giữ nguyên, không xóa, "
        "để không mất thông tin nhập sau đó."
    )


def test_an_admission_is_taken_back_and_brought_back(ws: Workspace) -> None:
    youth_id = ws.youth.save({"full_name": "Trần Thị Thủy", "birth_date": "05/03/2007"})
    added = ws.youth.admit_undoable(youth_id, "26/03/2025", "Đoàn xã Tân Hưng", None)
    assert len(added.events) == 1  # the admission
    assert ws.members.get(added.member_id).fields == added.fields
    ws.youth.take_back_admission(youth_id, added)
    assert ws.members.ids() == []
    assert ws.youth.get(youth_id).admitted_member_id is None  # back in the active list
    assert ws.youth.ids() == [youth_id]
    ws.youth.bring_back_admission(youth_id, added)
    assert ws.members.ids() == [added.member_id]
    assert ws.youth.get(youth_id).admitted_member_id == added.member_id
    ws.events.record(added.member_id, "party_introduction", "01/06/2025")
    with pytest.raises(ConflictError):
        ws.youth.take_back_admission(youth_id, added)
    assert ws.youth.get(youth_id).admitted_member_id == added.member_id  # nothing written


def test_an_admission_brought_back_never_names_a_chi_doan_gone_since(ws: Workspace) -> None:
    """The redo of an admission taken back restores the member it made: into the chi đoàn the
    one admitted into was merged into, in no chi đoàn when it was deleted, even in data written
    before merges and deletions took the deleted members along (the chi đoàn marked deleted
    here by hand, as an older version left it)."""
    tan_long = ws.branches.create("Chi đoàn ấp Tân Long")
    cai_ran = ws.branches.create("Chi đoàn ấp Cái Rắn")
    youth_id = ws.youth.save({"full_name": "Trần Thị Thủy", "birth_date": "05/03/2007"})
    added = ws.youth.admit_undoable(youth_id, "26/03/2025", "Đoàn xã Tân Hưng", tan_long.id)
    ws.youth.take_back_admission(youth_id, added)
    ws.branches.merge(tan_long.id, cai_ran.id)
    ws.youth.bring_back_admission(youth_id, added)
    assert ws.members.rows([added.member_id])[0].branch_name == "Chi đoàn ấp Cái Rắn"

    other_id = ws.youth.save({"full_name": "Lê Văn Tám", "birth_date": "01/02/2007"})
    other = ws.youth.admit_undoable(other_id, "26/03/2025", "Đoàn xã Tân Hưng", cai_ran.id)
    ws.youth.take_back_admission(other_id, other)
    with sqlite3.connect(ws.data_dir / DATABASE_FILE) as old:
        old.execute("UPDATE branches SET deleted_at = '2025-01-01 00:00:00' WHERE id = ?",
                    (cai_ran.id,))  # fmt: skip
    old.close()
    ws.youth.bring_back_admission(other_id, other)
    assert ws.members.rows([other.member_id])[0].branch_id is None


def test_take_back_says_so_when_the_chi_doan_added_into_is_gone(ws: Workspace) -> None:
    """Nothing of the member was edited: the chi đoàn they were added into was deleted (they
    were moved out first, or deleted and restored since), which the refusal says."""
    xom_moi = ws.branches.create("Chi đoàn ấp Xóm Mới")
    cai_ran = ws.branches.create("Chi đoàn ấp Cái Rắn")
    added = ws.members.add({**THUY, "branch_id": xom_moi.id})
    ws.branches.move_members([added.member_id], cai_ran.id)
    ws.branches.delete(xom_moi.id)
    with pytest.raises(ConflictError) as refused:
        ws.members.take_back(added)
    assert refused.value.message == (
        "Đoàn viên Lê Thị Thuỷ không còn ở “Chi đoàn ấp Xóm Mới” như lúc thêm (chi đoàn đã bị "
        "xóa hoặc gộp sau đó) mà nay ở “Chi đoàn ấp Cái Rắn”: giữ nguyên, không xóa đoàn viên."
    )
    ws.members.save({**THUY, "phone": "0912345678", "branch_id": cai_ran.id}, added.member_id)
    with pytest.raises(ConflictError) as refused:  # edited too: the usual words
        ws.members.take_back(added)
    assert refused.value.message == REFUSED
    assert ws.members.ids() == [added.member_id]


def test_the_undo_of_an_edit_says_so_when_the_chi_doan_is_gone(ws: Workspace) -> None:
    xom_moi = ws.branches.create("Chi đoàn ấp Xóm Mới")
    member_id = ws.members.save({**THUY, "branch_id": xom_moi.id})
    before, after = ws.members.edit({**THUY, "phone": "0912345678", "branch_id": xom_moi.id},
                                    member_id)  # fmt: skip
    ws.members.delete([member_id])
    ws.branches.delete(xom_moi.id)
    ws.members.restore([member_id])
    with pytest.raises(ConflictError) as refused:
        ws.members.put_back(member_id, before, after)
    assert refused.value.message == (
        "Đoàn viên Lê Thị Thuỷ không còn ở “Chi đoàn ấp Xóm Mới” như lúc đó (chi đoàn đã bị xóa "
        "sau đó) và nay chưa có chi đoàn: giữ nguyên như hiện tại để không ghi đè thay đổi mới "
        "hơn."
    )
    assert ws.members.get(member_id).fields.phone == "0912345678"
