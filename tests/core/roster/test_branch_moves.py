"""Moving members to another chi đoàn ("Chuyển chi đoàn"): the read-only records (left, came
of age) stay where they are, said with how many and why; a move is undone and redone, never
over a change made since."""

from __future__ import annotations

import pytest

from doancoso.core.errors import ConflictError
from doancoso.core.roster.branches import MovedMembers, not_moved_message
from doancoso.core.workspace import Workspace


def add(ws: Workspace, name: str, branch_id: str | None = None, born: str = "05/03/2001") -> str:
    return ws.members.save({"full_name": name, "birth_date": born, "branch_id": branch_id or ""})


def branches_of(ws: Workspace, *ids: str) -> list[str | None]:
    return [row.branch_name for row in ws.members.rows(list(ids))]


def test_read_only_members_are_not_moved(ws: Workspace) -> None:
    long_ = ws.branches.create("Chi đoàn ấp Tân Long")
    ran = ws.branches.create("Chi đoàn ấp Cái Rắn")
    an, binh, dung = (
        add(ws, name, long_.id) for name in ("Nguyễn Văn An", "Trần Văn Bình", "Võ Văn Dũng")
    )
    cuong = add(ws, "Lê Văn Cường", long_.id, born="05/03/1994")
    ws.events.record(binh, "transfer_out", "01/02/2025", other_organization="Đoàn xã Tân Lộc")
    ws.events.record(cuong, "matured", "31/12/2025")
    ws.events.record(dung, "transfer_out", "01/03/2025", other_organization="Đoàn xã Tân Lộc")
    assert ws.branches.move_members([an, binh], ran.id) == 1
    assert branches_of(ws, an, binh) == ["Chi đoàn ấp Cái Rắn", "Chi đoàn ấp Tân Long"]

    moi = ws.branches.create("Chi đoàn ấp Xóm Mới")
    moved = ws.branches.move_undoable([an, binh, cuong, dung], moi.id)
    assert moved.count == 1
    assert not_moved_message(moved) == (
        "3 đoàn viên không được chuyển vì hồ sơ chỉ để xem: 2 người đã chuyển sinh hoạt đi, "
        "1 người đã trưởng thành Đoàn."
    )
    assert branches_of(ws, an, binh, cuong, dung) == [
        "Chi đoàn ấp Xóm Mới",
        *["Chi đoàn ấp Tân Long"] * 3,
    ]
    only = ws.branches.move_undoable([cuong], ran.id)
    assert (only.count, not_moved_message(only)) == (
        0, "1 đoàn viên không được chuyển vì hồ sơ chỉ để xem: đã trưởng thành Đoàn."
    )  # fmt: skip
    assert not_moved_message(ws.branches.move_undoable([an], None)) == ""


def test_a_move_is_undone_and_redone(ws: Workspace) -> None:
    long_ = ws.branches.create("Chi đoàn ấp Tân Long")
    ran = ws.branches.create("Chi đoàn ấp Cái Rắn")
    an, binh, cuong = (
        add(ws, "Nguyễn Văn An", long_.id),
        add(ws, "Trần Văn Bình"),
        add(ws, "Lê Văn Cường", ran.id),
    )
    generation = ws.changes.generation
    moved = ws.branches.move_undoable([an, binh, cuong], ran.id)
    assert moved == MovedMembers(ran.id, ((an, long_.id), (binh, None)), ())
    assert not ws.changes.since(generation).ends_undo  # undoable: the history goes on
    assert branches_of(ws, an, binh, cuong) == ["Chi đoàn ấp Cái Rắn"] * 3
    ws.branches.move_back(moved)
    assert branches_of(ws, an, binh, cuong) == ["Chi đoàn ấp Tân Long", None, "Chi đoàn ấp Cái Rắn"]
    ws.branches.move_again(moved)
    assert branches_of(ws, an, binh, cuong) == ["Chi đoàn ấp Cái Rắn"] * 3


def test_an_undo_never_overwrites_a_later_change(ws: Workspace) -> None:
    long_ = ws.branches.create("Chi đoàn ấp Tân Long")
    ran = ws.branches.create("Chi đoàn ấp Cái Rắn")
    an, binh = add(ws, "Nguyễn Văn An", long_.id), add(ws, "Trần Văn Bình", long_.id)
    moved = ws.branches.move_undoable([an, binh], ran.id)

    ws.members.save({"full_name": "Trần Văn Bình", "birth_date": "05/03/2001",
                     "branch_id": ""}, binh)  # fmt: skip
    with pytest.raises(ConflictError) as changed:
        ws.branches.move_back(moved)
    assert changed.value.message == (
        "Thông tin của đoàn viên Trần Văn Bình đã được sửa lại sau đó: giữ nguyên như hiện tại "
        "để không ghi đè thay đổi mới hơn."
    )
    assert branches_of(ws, an, binh) == ["Chi đoàn ấp Cái Rắn", None]  # nothing written

    ws.branches.move_members([binh], ran.id)
    ws.events.record(binh, "transfer_out", "01/02/2025", other_organization="Đoàn xã Tân Lộc")
    with pytest.raises(ConflictError) as left:
        ws.branches.move_back(moved)
    assert left.value.message == (
        "Hồ sơ đoàn viên Trần Văn Bình chỉ để xem (đã chuyển sinh hoạt đi): không sửa được."
    )

    back = ws.branches.move_undoable([an], long_.id)
    ws.members.delete([an])
    with pytest.raises(ConflictError) as deleted:
        ws.branches.move_back(back)
    assert deleted.value.message == (
        "Đoàn viên Nguyễn Văn An đã bị xóa sau đó: giữ nguyên, không chuyển chi đoàn."
    )
    ws.members.restore([an])
    ws.branches.move_back(back)  # An is back in Cái Rắn, Tân Long is empty: delete it
    ws.branches.delete(long_.id)
    with pytest.raises(ConflictError) as gone:
        ws.branches.move_again(back)
    assert gone.value.message == "Chi đoàn của đoàn viên Nguyễn Văn An lúc đó không còn tồn tại."
    assert branches_of(ws, an) == ["Chi đoàn ấp Cái Rắn"]
