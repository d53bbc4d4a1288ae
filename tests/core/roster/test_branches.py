"""Chi đoàn: create, rename, merge, move members, delete only when empty."""

from __future__ import annotations

import sqlite3

import pytest

from doancoso.core.errors import ConflictError, NotFoundError, ValidationError
from doancoso.core.lifecycle.rules import ACTIVE_STATUSES
from doancoso.core.roster.service import MemberFilter
from doancoso.core.workspace import DATABASE_FILE, Workspace
from stored import organization_of


def add(ws: Workspace, name: str, branch_id: str | None = None) -> str:
    return ws.members.save(
        {"full_name": name, "birth_date": "05/03/2001", "branch_id": branch_id or ""}
    )


def listing(ws: Workspace) -> list[tuple[str, int]]:
    return [(b.name, b.member_count) for b in ws.branches.list()]


def test_create_lists_in_vietnamese_order(ws: Workspace) -> None:
    for name in (
        "Chi đoàn ấp Đất Sét",
        "Chi đoàn ấp Dừa",
        "  Chi đoàn   ấp Bào Sen ",
        "Chi đoàn ấp Ông Muộn",
    ):
        ws.branches.create(name)
    assert listing(ws) == [
        ("Chi đoàn ấp Bào Sen", 0),
        ("Chi đoàn ấp Dừa", 0),
        ("Chi đoàn ấp Đất Sét", 0),
        ("Chi đoàn ấp Ông Muộn", 0),
    ]


@pytest.mark.parametrize(
    "duplicate", ["Chi đoàn ấp Tân Long", "chi doan ap tan long", "CHI ĐOÀN ẤP TÂN LONG"]
)
def test_duplicate_name_ignoring_tones_and_case_is_refused(ws: Workspace, duplicate: str) -> None:
    ws.branches.create("Chi đoàn ấp Tân Long")
    with pytest.raises(ValidationError) as info:
        ws.branches.create(duplicate)
    assert info.value.field_errors == {"name": "Đã có chi đoàn tên “Chi đoàn ấp Tân Long”."}
    assert len(ws.branches.list()) == 1


LOOKALIKE = (
    "Đã có chi đoàn “{}”: hai tên chỉ khác nhau ở chữ “Chi đoàn” (“CĐ”) đầu tên nên dễ bị đọc "
    "là một. Hãy đặt tên khác."
)


@pytest.mark.parametrize(
    ("existing", "lookalike"),
    [
        ("Chi đoàn Ấp 3", "Ấp 3"),
        ("Chi đoàn Ấp 3", "ap 3"),
        ("Ấp 3", "chi đoàn ấp 3"),
        ("Chi đoàn Ấp 3", "CĐ Ấp 3"),
    ],
)
def test_a_name_differing_only_by_the_chi_doan_prefix_is_refused(
    ws: Workspace, existing: str, lookalike: str
) -> None:
    """“Ấp 3” beside “Chi đoàn Ấp 3” would be two chi đoàn the secretary reads as one."""
    ws.branches.create(existing)
    other = ws.branches.create("Chi đoàn ấp Tân Long")
    for write in (lambda: ws.branches.create(lookalike),
                  lambda: ws.branches.rename(other.id, lookalike)):  # fmt: skip
        with pytest.raises(ValidationError) as info:
            write()
        assert info.value.field_errors == {"name": LOOKALIKE.format(existing)}
    assert listing(ws) == [(existing, 0), ("Chi đoàn ấp Tân Long", 0)]


def test_a_chi_doan_may_take_or_drop_the_prefix_of_its_own_name(ws: Workspace) -> None:
    ap3 = ws.branches.create("Ấp 3")
    ws.branches.create("Chi đoàn ấp Tân Long")
    ws.branches.rename(ap3.id, "Chi đoàn Ấp 3")
    ws.branches.rename(ap3.id, "Ấp 3")
    assert listing(ws) == [("Ấp 3", 0), ("Chi đoàn ấp Tân Long", 0)]
    ws.branches.create("Chi đoàn Ấp 30")  # another name: not a look-alike
    ws.branches.create("Ấp Chi đoàn 3")


def test_a_look_alike_pair_made_before_the_rule_can_still_be_saved(ws: Workspace) -> None:
    """A pair written by an older version (or a bundle) is not made worse by saving one of
    them under its own name, so that is allowed; taking the other's exact name is not."""
    from doancoso.core.lang.text import fold
    from doancoso.core.storage.models import Branch

    ap3 = ws.branches.create("Ấp 3")
    with ws.db.transaction() as session:
        session.add(Branch(organization_id=organization_of(ws).id, name="Chi đoàn Ấp 3",
                           name_fold=fold("Chi đoàn Ấp 3")))  # fmt: skip
    ws.branches.rename(ap3.id, "Ấp 3")
    ws.branches.rename(ap3.id, "ấp 3")
    with pytest.raises(ValidationError) as info:
        ws.branches.rename(ap3.id, "Chi đoàn ấp 3")
    assert info.value.field_errors == {"name": "Đã có chi đoàn tên “Chi đoàn Ấp 3”."}
    assert listing(ws) == [("ấp 3", 0), ("Chi đoàn Ấp 3", 0)]


def test_empty_name_is_refused(ws: Workspace) -> None:
    with pytest.raises(ValidationError) as info:
        ws.branches.create("   ")
    assert info.value.field_errors == {"name": "Cần nhập tên chi đoàn."}


def test_rename(ws: Workspace) -> None:
    long_ = ws.branches.create("Chi đoàn ấp Tân Long")
    ran = ws.branches.create("Chi đoàn ấp Cái Rắn")
    ws.branches.rename(long_.id, "chi đoàn ấp tân long")  # its own name, other case: allowed
    ws.branches.rename(long_.id, "Chi đoàn ấp Tân Long A")
    assert [b.name for b in ws.branches.list()] == ["Chi đoàn ấp Cái Rắn", "Chi đoàn ấp Tân Long A"]
    with pytest.raises(ValidationError):
        ws.branches.rename(ran.id, "Chi doan ap Tan Long A")
    member = add(ws, "Nguyễn Văn An", long_.id)
    assert ws.members.rows([member])[0].branch_name == "Chi đoàn ấp Tân Long A"


def test_merge_moves_members_and_removes_the_source(ws: Workspace) -> None:
    long_ = ws.branches.create("Chi đoàn ấp Tân Long")
    ran = ws.branches.create("Chi đoàn ấp Cái Rắn")
    a = add(ws, "Nguyễn Văn An", long_.id)
    b = add(ws, "Trần Văn Bình", long_.id)
    c = add(ws, "Lê Văn Cường", ran.id)
    gone = add(ws, "Võ Văn Dũng", long_.id)
    ws.members.delete([gone])

    assert ws.branches.merge(long_.id, ran.id) == 2
    assert listing(ws) == [("Chi đoàn ấp Cái Rắn", 3)]
    assert set(ws.members.ids(MemberFilter(branch_id=ran.id))) == {a, b, c}
    assert ws.members.ids(MemberFilter(branch_id=long_.id)) == []
    assert ws.branches.find("Chi đoàn ấp Tân Long") is None
    ws.branches.create("Chi đoàn ấp Tân Long")  # the name is free again
    with pytest.raises(NotFoundError):
        ws.branches.merge(long_.id, ran.id)


def test_merge_into_itself_is_refused(ws: Workspace) -> None:
    long_ = ws.branches.create("Chi đoàn ấp Tân Long")
    add(ws, "Nguyễn Văn An", long_.id)
    with pytest.raises(ConflictError):
        ws.branches.merge(long_.id, long_.id)
    assert listing(ws) == [("Chi đoàn ấp Tân Long", 1)]


def test_move_members(ws: Workspace) -> None:
    long_ = ws.branches.create("Chi đoàn ấp Tân Long")
    ran = ws.branches.create("Chi đoàn ấp Cái Rắn")
    a = add(ws, "Nguyễn Văn An", long_.id)
    b = add(ws, "Trần Văn Bình", long_.id)
    c = add(ws, "Lê Văn Cường")
    assert ws.branches.move_members([a, c], ran.id) == 2
    assert listing(ws) == [("Chi đoàn ấp Cái Rắn", 2), ("Chi đoàn ấp Tân Long", 1)]
    assert ws.members.ids(MemberFilter(branch_id=ran.id)) == [a, c]
    assert ws.branches.move_members([b], None) == 1  # out of any chi đoàn
    assert ws.members.rows([b])[0].branch_id is None
    assert listing(ws) == [("Chi đoàn ấp Cái Rắn", 2), ("Chi đoàn ấp Tân Long", 0)]
    with pytest.raises(NotFoundError):
        ws.branches.move_members([a], "no-such-branch")


def test_delete_only_when_empty(ws: Workspace) -> None:
    long_ = ws.branches.create("Chi đoàn ấp Tân Long")
    ran = ws.branches.create("Chi đoàn ấp Cái Rắn")
    a = add(ws, "Nguyễn Văn An", long_.id)
    with pytest.raises(ConflictError) as info:
        ws.branches.delete(long_.id)
    assert info.value.message.startswith(
        "Không xóa được “Chi đoàn ấp Tân Long”: chi đoàn còn 1 hồ sơ đoàn viên"
    )
    ws.branches.delete(ran.id)
    assert listing(ws) == [("Chi đoàn ấp Tân Long", 1)]
    ws.members.delete([a])  # a deleted member does not keep a branch alive
    ws.branches.delete(long_.id)
    assert listing(ws) == []


def test_names_are_the_listing_without_counts(ws: Workspace) -> None:
    dat_set = ws.branches.create("Chi đoàn ấp Đất Sét")
    dua = ws.branches.create("Chi đoàn ấp Dừa")
    ws.members.save({"full_name": "Lê Văn Tám", "birth_date": "01/02/2001", "branch_id": dua.id})
    assert ws.branches.names() == [(dua.id, "Chi đoàn ấp Dừa"), (dat_set.id, "Chi đoàn ấp Đất Sét")]
    assert listing(ws) == [("Chi đoàn ấp Dừa", 1), ("Chi đoàn ấp Đất Sét", 0)]
    ws.branches.merge(dat_set.id, dua.id)
    assert ws.branches.names() == [(dua.id, "Chi đoàn ấp Dừa")]  # a merged branch is gone


def test_counts_the_active_roster_apart_from_every_record(ws: Workspace) -> None:
    branch = ws.branches.create("Chi đoàn ấp Tân Phú")
    ids = [add(ws, name, branch.id) for name in ("Lê Văn An", "Trần Thị Bình", "Võ Văn Cường")]
    ws.events.record(ids[0], "transfer_out", "01/02/2025", other_organization="Đoàn xã Tân Lộc")
    ws.events.record(ids[1], "temporary", "01/03/2025", home_organization="Đoàn phường 5")
    [info] = ws.branches.list()
    assert (info.member_count, info.active_count) == (3, 2)
    with pytest.raises(ConflictError):
        ws.branches.delete(branch.id)  # a member who left still belongs to its record


def test_members_without_a_chi_doan_are_counted_apart(ws: Workspace) -> None:
    """The Chi đoàn page shows them as "Chưa có chi đoàn", so its counts add up to the roster's."""
    branch = ws.branches.create("Chi đoàn ấp 1")
    ws.members.save({"full_name": "Nguyễn Văn An", "birth_date": "01/01/2000",
                     "branch_id": branch.id})  # fmt: skip
    ws.members.save({"full_name": "Trần Thị Bích", "birth_date": "02/02/2001"})
    gone = ws.members.save({"full_name": "Lê Văn Cường", "birth_date": "03/03/2002"})
    ws.events.record(gone, "transfer_out", "01/06/2025", other_organization="Đoàn xã B")
    unassigned = ws.branches.unassigned()
    assert (unassigned.id, unassigned.name) == ("", "Chưa có chi đoàn")
    assert (unassigned.member_count, unassigned.active_count) == (2, 1)
    listed = [*ws.branches.list(), unassigned]
    active = MemberFilter(statuses=tuple(ACTIVE_STATUSES))  # the roster page's default
    assert sum(b.active_count for b in listed) == ws.members.count(active) == 2
    assert sum(b.member_count for b in listed) == ws.members.count() == 3


def test_merge_takes_the_deleted_members_along(ws: Workspace) -> None:
    """A member deleted from the merged chi đoàn, restored ("Hoàn tác") after the merge, is in
    the chi đoàn it was merged into (not in the one that no longer exists)."""
    long_ = ws.branches.create("Chi đoàn ấp Tân Long")
    ran = ws.branches.create("Chi đoàn ấp Cái Rắn")
    kept = add(ws, "Nguyễn Văn An", long_.id)
    gone = add(ws, "Võ Văn Dũng", long_.id)
    ws.members.delete([gone])
    assert ws.branches.merge(long_.id, ran.id) == 1  # the members on the list
    assert ws.members.restore([gone]) == 1
    rows = ws.members.rows([kept, gone])
    assert [(r.branch_id, r.branch_name) for r in rows] == [(ran.id, "Chi đoàn ấp Cái Rắn")] * 2
    assert listing(ws) == [("Chi đoàn ấp Cái Rắn", 2)]


def test_deleting_a_chi_doan_leaves_its_deleted_members_in_none(ws: Workspace) -> None:
    """A chi đoàn whose members were all deleted can be deleted; a member restored after it is
    among those with no chi đoàn, counted there, not in a chi đoàn that no longer exists."""
    long_ = ws.branches.create("Chi đoàn ấp Tân Long")
    gone = add(ws, "Võ Văn Dũng", long_.id)
    ws.members.delete([gone])
    assert ws.branches.deleted_members(long_.id) == 1
    ws.branches.delete(long_.id)
    ws.members.restore([gone])
    [row] = ws.members.rows([gone])
    assert (row.branch_id, row.branch_name) == (None, None)
    assert listing(ws) == []
    assert ws.branches.unassigned().member_count == ws.members.count() == 1


def test_a_member_restored_into_a_chi_doan_deleted_before_the_fix_has_none(ws: Workspace) -> None:
    """Data written before merges and deletions took the deleted members along: restoring a
    member whose chi đoàn is gone puts them among those with no chi đoàn."""
    long_ = ws.branches.create("Chi đoàn ấp Tân Long")
    gone = add(ws, "Võ Văn Dũng", long_.id)
    ws.members.delete([gone])
    with sqlite3.connect(ws.data_dir / DATABASE_FILE) as old:  # as an older version left it
        old.execute("UPDATE branches SET deleted_at = '2025-01-01 00:00:00' WHERE id = ?",
                    (long_.id,))  # fmt: skip
    old.close()
    assert listing(ws) == []
    ws.members.restore([gone])
    assert ws.members.rows([gone])[0].branch_id is None
    assert ws.branches.unassigned().member_count == 1


def test_the_roster_filters_the_members_in_no_chi_doan(ws: Workspace) -> None:
    """A chi đoàn filter of "" (the id of :meth:`unassigned`) keeps the members in no chi đoàn,
    as many as the chi đoàn page counts."""
    branch = ws.branches.create("Chi đoàn ấp 1")
    add(ws, "Nguyễn Văn An", branch.id)
    binh, cuong = add(ws, "Trần Thị Bình"), add(ws, "Lê Văn Cường")
    assert ws.members.ids(MemberFilter(branch_id="")) == [binh, cuong]
    assert ws.members.count(MemberFilter(branch_id="")) == ws.branches.unassigned().member_count


def test_a_create_taken_back_and_brought_back(ws: Workspace) -> None:
    created = ws.branches.create("Chi đoàn ấp Xóm Mới")
    ws.branches.take_back_created(created)
    assert listing(ws) == []
    ws.branches.bring_back_created(created)
    assert listing(ws) == [("Chi đoàn ấp Xóm Mới", 0)]


def test_a_create_is_not_taken_back_once_renamed_or_holding_a_deleted_member(
    ws: Workspace,
) -> None:
    created = ws.branches.create("Chi đoàn ấp Xóm Mới")
    ws.members.delete([add(ws, "Nguyễn Văn An", created.id)])
    with pytest.raises(ConflictError) as refused:
        ws.branches.take_back_created(created)
    assert refused.value.message == (
        "Chi đoàn “Chi đoàn ấp Xóm Mới” có 1 hồ sơ đoàn viên đã xóa (có thể khôi phục): giữ "
        "nguyên, không xóa chi đoàn."
    )
    ws.branches.rename(created.id, "Chi đoàn ấp Xóm Cũ")
    with pytest.raises(ConflictError) as refused:
        ws.branches.take_back_created(created)
    assert refused.value.message == (
        "Chi đoàn “Chi đoàn ấp Xóm Mới” đã được đổi tên thành “Chi đoàn ấp Xóm Cũ” sau đó: giữ "
        "nguyên, không xóa."
    )
    assert listing(ws) == [("Chi đoàn ấp Xóm Cũ", 0)]


def test_a_create_is_not_brought_back_over_a_name_taken_since(ws: Workspace) -> None:
    created = ws.branches.create("Chi đoàn ấp Xóm Mới")
    ws.branches.take_back_created(created)
    ws.branches.create("chi đoàn ấp xóm mới")
    with pytest.raises(ConflictError) as refused:
        ws.branches.bring_back_created(created)
    assert refused.value.message == (
        "Đã có chi đoàn tên “chi đoàn ấp xóm mới” (thêm sau đó): không thêm lại được “Chi đoàn ấp "
        "Xóm Mới”."
    )
    assert listing(ws) == [("chi đoàn ấp xóm mới", 0)]


def test_a_rename_is_put_back_and_made_again(ws: Workspace) -> None:
    branch = ws.branches.create("Chi đoàn ấp 1")
    renamed = ws.branches.rename_undoable(branch.id, "Chi đoàn ấp Cái Đôi")
    assert (renamed.before, renamed.after) == ("Chi đoàn ấp 1", "Chi đoàn ấp Cái Đôi")
    ws.branches.name_back(renamed)
    assert listing(ws) == [("Chi đoàn ấp 1", 0)]
    ws.branches.rename_again(renamed)
    assert listing(ws) == [("Chi đoàn ấp Cái Đôi", 0)]
    ws.branches.delete(branch.id)
    with pytest.raises(NotFoundError) as refused:
        ws.branches.name_back(renamed)
    assert refused.value.message == (
        "Chi đoàn “Chi đoàn ấp Cái Đôi” đã bị gộp hoặc xóa sau đó: không đổi tên được."
    )


def test_a_deletion_brought_back_puts_back_the_deleted_members_still_deleted(
    ws: Workspace,
) -> None:
    """The deleted members a deletion left in no chi đoàn go back into it with it, unless one
    was restored meanwhile (then in no chi đoàn, where it stays)."""
    long_ = ws.branches.create("Chi đoàn ấp Tân Long")
    an, binh = add(ws, "Nguyễn Văn An", long_.id), add(ws, "Trần Văn Bình", long_.id)
    ws.members.delete([an, binh])
    deleted = ws.branches.delete_undoable(long_.id)
    assert (deleted.name, set(deleted.deleted_members)) == ("Chi đoàn ấp Tân Long", {an, binh})
    ws.members.restore([binh])
    ws.branches.bring_back_deleted(deleted)
    assert listing(ws) == [("Chi đoàn ấp Tân Long", 0)]
    ws.members.restore([an])
    assert [r.branch_id for r in ws.members.rows([an, binh])] == [long_.id, None]
