"""A chi đoàn deleted on one copy while the other put a member in it (issue #17: "a deletion on
one side and a change on the other after it is never a silent loss"): the chi đoàn is kept live
on both copies, said in the plan's notes, never a live member left in a deleted chi đoàn (which
only ``doancoso check`` would find); keeping it where the deleting copy made a new one of its
name is refused in words."""

from __future__ import annotations

import pytest

from bundle_sync import bundle_of, by_id, carry, every_row, live_ids
from doancoso.core.bundle.merge import plan
from doancoso.core.bundle.sync_errors import SyncError
from doancoso.core.workspace import Workspace

NAME = "Chi đoàn ấp Mới"


def _note(count: int) -> str:
    return (
        f"Chi đoàn “{NAME}” đã bị xóa ở một máy trong khi máy kia có đoàn viên trong đó ({count} "
        "người): chi đoàn được giữ lại trên cả hai máy, để không đoàn viên nào thuộc một chi đoàn "
        "đã xóa."
    )


def _no_member_in_a_deleted_chi_doan(ws: Workspace) -> None:
    assert [p.message for p in ws.check().problems if p.kind == "branch"] == []


def test_a_member_added_there_to_a_chi_doan_deleted_here_keeps_it(
    home: Workspace, away: Workspace
) -> None:
    branch = home.branches.create(NAME)
    assert carry(home, away).applied
    away.branches.delete(branch.id)  # empty here
    member = home.members.save({"full_name": "Lê Văn Tâm", "birth_date": "2003",
                                "branch_id": branch.id})  # fmt: skip
    dry = plan(away, bundle_of(home))
    assert dry.notes == [_note(1)]
    assert (dry.new.get("members"), dry.updated.get("branches")) == (1, 1)
    result = carry(home, away)
    assert result.applied and result.notes == [_note(1)]
    assert (result.new, result.updated, result.deleted) == (dry.new, dry.updated, dry.deleted)
    assert NAME in [b.name for b in away.branches.list()]
    assert away.members.get(member).fields.branch_id == branch.id
    _no_member_in_a_deleted_chi_doan(away)
    assert carry(away, home).applied  # the chi đoàn kept travels back as a new version
    assert by_id(home) == by_id(away)
    assert live_ids(home, "branches", "id", branch.id) == [branch.id]
    assert carry(home, away).updated == {}  # a third exchange changes nothing


def test_a_chi_doan_deleted_there_that_a_member_joined_here_is_kept(
    home: Workspace, away: Workspace
) -> None:
    branch = home.branches.create(NAME)
    assert carry(home, away).applied
    home.branches.delete(branch.id)  # empty there
    member = away.members.list()[0].id
    assert away.branches.move_members([member], branch.id) == 1
    dry = plan(away, bundle_of(home))
    assert dry.notes == [_note(1)] and "branches" not in dry.deleted
    result = carry(home, away)
    assert result.applied and result.notes == [_note(1)] and "branches" not in result.deleted
    assert NAME in [b.name for b in away.branches.list()]
    _no_member_in_a_deleted_chi_doan(away)
    assert carry(away, home).applied
    assert by_id(home) == by_id(away)
    assert home.members.get(member).fields.branch_id == branch.id
    _no_member_in_a_deleted_chi_doan(home)


def test_keeping_it_where_a_new_chi_doan_took_its_name_is_refused_in_words(
    home: Workspace, away: Workspace
) -> None:
    branch = home.branches.create(NAME)
    assert carry(home, away).applied
    away.branches.delete(branch.id)
    away.branches.create("Chi đoàn ấp mới")
    home.members.save({"full_name": "Lê Văn Tâm", "birth_date": "2003", "branch_id": branch.id})
    before = every_row(away)
    expected = (
        f"Chi đoàn “{NAME}” đã bị xóa ở một máy trong khi máy kia có đoàn viên trong đó, nên phải "
        "giữ lại; nhưng như vậy sẽ có hai chi đoàn cùng tên “Chi đoàn ấp mới”. Hãy đổi tên chi "
        "đoàn “Chi đoàn ấp mới” trên máy này (ví dụ thêm “(cũ)”) rồi nhận lại tệp, sau đó ở "
        "trang Chi đoàn dùng “Gộp vào…” để gộp hai chi đoàn làm một. Không có gì được ghi vào "
        "dữ liệu."
    )
    with pytest.raises(SyncError) as dry:
        plan(away, bundle_of(home))
    assert dry.value.message == expected
    with pytest.raises(SyncError) as caught:
        carry(home, away)
    assert caught.value.message == expected
    assert every_row(away) == before
    # What it says to do: rename ours, take the file, join the two.
    new = next(b for b in away.branches.list() if b.name == "Chi đoàn ấp mới")
    away.branches.rename(new.id, "Chi đoàn ấp mới (cũ)")
    assert carry(home, away).applied
    away.branches.merge(new.id, branch.id)
    _no_member_in_a_deleted_chi_doan(away)
    assert carry(away, home).applied
    assert by_id(home) == by_id(away)
