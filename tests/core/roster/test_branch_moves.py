"""Moving members to another chi đoàn ("Chuyển chi đoàn"): the read-only records (left, came
of age) stay where they are, said with how many and why; a move is undone and redone, never
over a change made since."""

from __future__ import annotations

import pytest

from bundle_sync import by_id
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


def _rows(ws: Workspace) -> dict[str, list[dict[str, object]]]:
    """Every travelling row of every table, but for what every write stamps (revision,
    updated_at)."""
    return {
        table: [
            {k: v for k, v in row.items() if k not in ("revision", "updated_at")} for row in rows
        ]
        for table, rows in by_id(ws).items()
    }


def test_a_merge_is_undone_and_redone(ws: Workspace) -> None:
    """Undoing "Gộp vào…" brings the merged chi đoàn back with every record it held (members
    who left or came of age, deleted ones), every row as before the merge; redo merges again."""
    long_ = ws.branches.create("Chi đoàn ấp Tân Long")
    ran = ws.branches.create("Chi đoàn ấp Cái Rắn")
    an, binh = add(ws, "Nguyễn Văn An", long_.id), add(ws, "Trần Văn Bình", long_.id)
    cuong = add(ws, "Lê Văn Cường", long_.id, born="05/03/1994")
    ws.events.record(cuong, "matured", "31/12/2025")  # read-only: merged all the same
    gone = add(ws, "Võ Văn Dũng", long_.id)
    ws.members.delete([gone])
    dao = add(ws, "Đào Thị Em", ran.id)
    before = _rows(ws)
    generation = ws.changes.generation

    merged = ws.branches.merge_undoable(long_.id, ran.id)
    assert merged.count == 3
    assert not ws.changes.since(generation).ends_undo  # undoable: the history goes on
    assert branches_of(ws, an, binh, cuong, gone, dao) == ["Chi đoàn ấp Cái Rắn"] * 5
    assert [b.name for b in ws.branches.list()] == ["Chi đoàn ấp Cái Rắn"]

    ws.branches.unmerge(merged)
    assert _rows(ws) == before
    assert [(b.name, b.member_count) for b in ws.branches.list()] == [
        ("Chi đoàn ấp Cái Rắn", 1),
        ("Chi đoàn ấp Tân Long", 3),
    ]
    again = ws.branches.merge_again(merged)
    assert again.count == 3
    assert [b.name for b in ws.branches.list()] == ["Chi đoàn ấp Cái Rắn"]
    assert branches_of(ws, an, binh, cuong, gone, dao) == ["Chi đoàn ấp Cái Rắn"] * 5


def test_the_undo_of_a_merge_never_overwrites_a_later_change(ws: Workspace) -> None:
    long_ = ws.branches.create("Chi đoàn ấp Tân Long")
    ran = ws.branches.create("Chi đoàn ấp Cái Rắn")
    moi = ws.branches.create("Chi đoàn ấp Xóm Mới")
    an, binh = add(ws, "Nguyễn Văn An", long_.id), add(ws, "Trần Văn Bình", long_.id)
    merged = ws.branches.merge_undoable(long_.id, ran.id)

    ws.branches.move_members([binh], moi.id)  # moved on since
    with pytest.raises(ConflictError) as changed:
        ws.branches.unmerge(merged)
    assert changed.value.message == (
        "Thông tin của đoàn viên Trần Văn Bình đã được sửa lại sau đó: giữ nguyên như hiện tại "
        "để không ghi đè thay đổi mới hơn."
    )
    assert branches_of(ws, an, binh) == ["Chi đoàn ấp Cái Rắn", "Chi đoàn ấp Xóm Mới"]
    assert ws.branches.find("Chi đoàn ấp Tân Long") is None  # nothing written

    ws.branches.move_members([binh], ran.id)
    ws.members.delete([an])  # deleted since
    with pytest.raises(ConflictError) as deleted:
        ws.branches.unmerge(merged)
    assert deleted.value.message == (
        "Đoàn viên Nguyễn Văn An đã bị xóa sau đó: giữ nguyên, không tách lại chi đoàn."
    )
    ws.members.restore([an])

    ws.branches.create("chi đoàn ấp tân long")  # its name taken since
    with pytest.raises(ConflictError) as taken:
        ws.branches.unmerge(merged)
    assert taken.value.message == (
        "Đã có chi đoàn tên “chi đoàn ấp tân long” (thêm sau đó): không khôi phục được chi "
        "đoàn “Chi đoàn ấp Tân Long”."
    )
    assert branches_of(ws, an, binh) == ["Chi đoàn ấp Cái Rắn"] * 2
