"""A record the other copy changed onto what a record of this copy alone holds (a chi đoàn
renamed there onto the name of a chi đoàn added here meanwhile, a CCCD typed there that a member
added here holds): the import and its dry run are refused, naming both records, never ids, and
nothing is written; a swap of names within the file goes through."""

from __future__ import annotations

import pytest

from bundle_sync import bundle_of, carry, edit, every_row
from doancoso.core.bundle.merge import plan
from doancoso.core.bundle.sync_errors import SyncError
from doancoso.core.workspace import Workspace

NOTHING = "Không có gì được ghi vào dữ liệu."


def _renamed_onto(before: str, name: str, theirs: str | None = None) -> str:
    """The refusal of chi đoàn ``before`` renamed there onto ``name`` (written ``theirs`` in
    the file), which one here holds: the same kind of sentence as that of a new chi đoàn of a
    name held here (duplicates.py)."""
    shown = f"là “{theirs}”, " if theirs else "là "
    return (
        "Chi đoàn đổi tên trong tệp trùng tên với chi đoàn đã có trên máy này (đổi tên ở máy "
        "kia, sau lần trao đổi trước); nhận tệp sẽ thành hai chi đoàn cùng tên:\n"
        f"• “{name}”: có trên máy này, trong tệp {shown}tên mới của chi đoàn “{before}”.\n"
        f"Hãy đổi tên một trong hai: trên máy này đổi tên chi đoàn “{name}” (ví dụ thêm “(máy "
        "này)”) rồi nhận lại tệp; nếu hai chi đoàn là một, sau đó ở trang Chi đoàn dùng “Gộp "
        "vào…” để gộp nó vào chi đoàn vừa nhận; ở lần trao đổi sau, máy kia cũng nhận được "
        f"việc gộp này. {NOTHING}"
    )


def _live_branches(ws: Workspace) -> list[str]:
    return sorted(b.name for b in ws.branches.list())


def test_a_chi_doan_renamed_there_onto_a_name_added_here_is_refused(
    home: Workspace, away: Workspace
) -> None:
    renamed = away.branches.list()[0]
    away.branches.rename(renamed.id, "Chi đoàn ấp Bến Đình")
    home.branches.create("Chi đoàn ấp Bến Đình")
    before = every_row(home)
    expected = _renamed_onto(renamed.name, "Chi đoàn ấp Bến Đình")
    with pytest.raises(SyncError) as dry:
        plan(home, bundle_of(away))
    assert dry.value.message == expected
    with pytest.raises(SyncError) as caught:
        carry(away, home)
    assert caught.value.message == expected
    assert every_row(home) == before
    assert _live_branches(home).count("Chi đoàn ấp Bến Đình") == 1


def test_a_cccd_typed_there_that_a_member_added_here_holds_is_refused(
    home: Workspace, away: Workspace
) -> None:
    member = away.members.list()[0]
    edit(away, member.id, national_id="096303001234")
    home.members.save({"full_name": "Huỳnh Thị Mai", "birth_date": "21/07/2003",
                       "national_id": "096303001234"})  # fmt: skip
    before = every_row(home)
    born = away.members.get(member.id).fields.birth_date.strftime("%d/%m/%Y")
    expected = (
        f"Đoàn viên {member.full_name} ({born}) trong tệp có Số CCCD “096303001234” trùng với "
        "Đoàn viên Huỳnh Thị Mai (21/07/2003) trên máy này. Hãy sửa hoặc xóa một trong hai rồi "
        f"nhập lại. {NOTHING}"
    )
    with pytest.raises(SyncError) as dry:
        plan(home, bundle_of(away))
    assert dry.value.message == expected
    with pytest.raises(SyncError) as caught:
        carry(away, home)
    assert caught.value.message == expected
    assert every_row(home) == before


def test_a_rename_there_onto_a_name_here_written_otherwise_names_both_writings(
    home: Workspace, away: Workspace
) -> None:
    renamed = away.branches.list()[0]
    away.branches.rename(renamed.id, "CHI ĐOÀN ẤP BẾN ĐÌNH")
    home.branches.create("Chi đoàn ấp Bến Đình")
    before = every_row(home)
    with pytest.raises(SyncError) as caught:
        carry(away, home)
    assert caught.value.message == _renamed_onto(
        renamed.name, "Chi đoàn ấp Bến Đình", "CHI ĐOÀN ẤP BẾN ĐÌNH"
    )
    assert every_row(home) == before


def test_two_chi_doan_swapping_their_names_there_go_through(
    home: Workspace, away: Workspace
) -> None:
    first, second = away.branches.list()[:2]
    away.branches.rename(first.id, "Tạm")
    away.branches.rename(second.id, first.name)
    away.branches.rename(first.id, second.name)
    assert carry(away, home).applied
    names = {b.id: b.name for b in home.branches.list()}
    assert (names[first.id], names[second.id]) == (second.name, first.name)


def test_a_rename_on_both_copies_is_checked_as_chosen(home: Workspace, away: Workspace) -> None:
    renamed = away.branches.list()[0]
    away.branches.rename(renamed.id, "Chi đoàn ấp Bến Đình")
    home.branches.rename(renamed.id, "Chi đoàn ấp Bến Đình Cũ")
    home.branches.create("Chi đoàn ấp Bến Đình")
    before = every_row(home)
    with pytest.raises(SyncError) as caught:
        carry(away, home, on_conflict="theirs")
    assert caught.value.message == _renamed_onto("Chi đoàn ấp Bến Đình Cũ", "Chi đoàn ấp Bến Đình")
    assert every_row(home) == before
    assert carry(away, home, on_conflict="mine").applied
    assert _live_branches(home).count("Chi đoàn ấp Bến Đình") == 1
    assert "Chi đoàn ấp Bến Đình Cũ" in _live_branches(home)


def test_a_rename_there_onto_the_new_name_of_a_chi_doan_renamed_here_is_refused(
    home: Workspace, away: Workspace
) -> None:
    first, second = away.branches.list()[:2]
    away.branches.rename(first.id, "Chi đoàn ấp Bến Đình")
    home.branches.rename(second.id, "Chi đoàn ấp Bến Đình")  # the file still has its old name
    before = every_row(home)
    with pytest.raises(SyncError) as caught:
        carry(away, home)
    assert caught.value.message == _renamed_onto(first.name, "Chi đoàn ấp Bến Đình")
    assert every_row(home) == before


def test_two_members_swapping_their_cccd_there_go_through(home: Workspace, away: Workspace) -> None:
    first, second = away.members.list()[:2]
    one, other = "096303001111", "096303002222"
    edit(away, first.id, national_id=one)
    edit(away, second.id, national_id=other)
    assert carry(away, home).applied
    edit(away, first.id, national_id="096303003333")
    edit(away, second.id, national_id=one)
    edit(away, first.id, national_id=other)
    assert carry(away, home).applied
    held = {m.id: home.members.get(m.id).fields.national_id for m in (first, second)}
    assert held == {first.id: other, second.id: one}


def test_a_chi_doan_added_there_onto_the_name_of_one_renamed_here_is_refused(
    home: Workspace, away: Workspace
) -> None:
    renamed = home.branches.list()[1]
    home.branches.rename(renamed.id, "Chi đoàn ấp Bến Đình")  # the file still has its old name
    away.branches.create("Chi đoàn ấp Bến Đình")
    before = every_row(home)
    with pytest.raises(SyncError) as caught:
        carry(away, home)
    assert caught.value.message.startswith(
        "Chi đoàn mới trong tệp trùng tên với chi đoàn đã có trên máy này"
    )
    assert every_row(home) == before
    assert _live_branches(home).count("Chi đoàn ấp Bến Đình") == 1
