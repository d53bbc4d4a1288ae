"""A record the other copy deleted, changed here meanwhile and kept by the user's choice in the
conflict list, while the other copy added a new record holding its key (a chi đoàn deleted there
and made again under the name it has here, a person deleted there and entered again with the
same CCCD). The file frees the key; the choice holds it again: taking both would give two chi
đoàn of one name, or two people of one CCCD. The import (and its dry run with the same choice)
is refused, naming both records and the way out; choosing “Xóa” goes through."""

from __future__ import annotations

import pytest

from bundle_sync import bundle_of, carry, created_day, edit, every_row
from doancoso.core.bundle.merge import plan
from doancoso.core.bundle.sync_errors import SyncError
from doancoso.core.workspace import Workspace

NOTHING = "Không có gì được ghi vào dữ liệu."
NAME = "Chi đoàn ấp Mới"
CCCD = "096303001234"


def _refused(home: Workspace, away: Workspace) -> str:
    """The message the import of ``away``'s file into ``home`` keeping ``home``'s records is
    refused with (the dry run's the same), nothing written."""
    before = every_row(home)
    with pytest.raises(SyncError) as dry:
        plan(home, bundle_of(away), on_conflict="mine")
    with pytest.raises(SyncError) as caught:
        carry(away, home, on_conflict="mine")
    assert every_row(home) == before
    assert dry.value.message == caught.value.message
    return caught.value.message


def test_a_chi_doan_kept_here_by_choice_and_made_again_there_is_refused(
    home: Workspace, away: Workspace
) -> None:
    kept = home.branches.create("Ấp Mới")
    carry(home, away)
    home.branches.rename(kept.id, NAME)
    away.branches.delete(kept.id)
    again = away.branches.create(NAME)

    assert _refused(home, away) == (
        "Chi đoàn mới trong tệp trùng tên với chi đoàn máy kia đã xóa mà máy này giữ lại theo "
        "lựa chọn trong danh sách xung đột; nhận tệp sẽ thành hai chi đoàn cùng tên:\n"
        f"• “{NAME}”: giữ lại trên máy này, trong tệp thêm ngày "
        f"{created_day(away, 'branches', again.id)}.\n"
        f"Hãy chọn “Xóa” cho chi đoàn “{NAME}” trong danh sách xung đột; nếu là hai chi đoàn "
        "khác nhau, trên máy này đổi tên chi đoàn đó (ví dụ thêm “(máy này)”) rồi nhận lại tệp. "
        f"{NOTHING}"
    )
    assert carry(away, home, on_conflict="theirs").applied
    assert [(b.id, b.name) for b in home.branches.list() if b.name == NAME] == [(again.id, NAME)]


def test_a_name_kept_here_by_choice_and_given_to_a_new_chi_doan_there_is_refused(
    home: Workspace, away: Workspace
) -> None:
    kept = home.branches.create("Ấp Mới")
    carry(home, away)
    home.branches.rename(kept.id, NAME)
    away.branches.rename(kept.id, "Chi đoàn ấp Mới Cũ")
    again = away.branches.create(NAME)

    assert _refused(home, away) == (
        "Chi đoàn mới trong tệp trùng tên với chi đoàn máy kia đã đổi tên mà máy này giữ tên "
        "theo lựa chọn trong danh sách xung đột; nhận tệp sẽ thành hai chi đoàn cùng tên:\n"
        f"• “{NAME}”: giữ tên này trên máy này (máy kia đã đổi tên), trong tệp thêm ngày "
        f"{created_day(away, 'branches', again.id)}.\n"
        f"Hãy chọn lấy tên trong tệp cho chi đoàn “{NAME}” trong danh sách xung đột; nếu là hai "
        "chi đoàn khác nhau, trên máy này đổi tên chi đoàn đó (ví dụ thêm “(máy này)”) rồi nhận "
        f"lại tệp. {NOTHING}"
    )
    assert carry(away, home, on_conflict="theirs").applied
    names = {b.id: b.name for b in home.branches.list()}
    assert (names[kept.id], names[again.id]) == ("Chi đoàn ấp Mới Cũ", NAME)


def test_a_person_kept_here_by_choice_and_entered_again_there_is_refused(
    home: Workspace, away: Workspace
) -> None:
    kept = home.members.list()[0]
    edit(home, kept.id, national_id=CCCD)
    carry(home, away)
    edit(home, kept.id, phone="0912345678")
    away.members.delete([kept.id])
    away.members.save({"full_name": "Huỳnh Thị Mai", "birth_date": "21/07/2003",
                       "national_id": CCCD})  # fmt: skip
    born = home.members.get(kept.id).fields.birth_date.strftime("%d/%m/%Y")

    assert _refused(home, away) == (
        f"Đoàn viên Huỳnh Thị Mai (21/07/2003), mới trong tệp, có Số CCCD “{CCCD}” trùng với "
        f"Đoàn viên {kept.full_name} ({born}) trên máy này, người mà máy kia đã xóa nhưng máy "
        "này giữ lại theo lựa chọn trong danh sách xung đột. Hãy chọn “Xóa” cho Đoàn viên "
        f"{kept.full_name} ({born}) trong danh sách xung đột, hoặc sửa một trong hai rồi nhập "
        f"lại. {NOTHING}"
    )
    assert carry(away, home, on_conflict="theirs").applied
    assert [m.full_name for m in home.members.list() if m.id != kept.id and
            home.members.get(m.id).fields.national_id == CCCD] == ["Huỳnh Thị Mai"]  # fmt: skip
