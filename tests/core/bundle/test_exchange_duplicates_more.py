"""A refusal of records added apart on both copies names ten of them at most (in the order the
lists show them) and counts the rest on its last line ("• … và 2 trường hợp khác."), so that a
file bringing back a hundred of them is not a message a hundred lines long; the dry run and the
import say the same and nothing is written."""

from __future__ import annotations

import pytest

from bundle_sync import bundle_of, carry, created_day, every_row
from doancoso.core.bundle.duplicates import DuplicateRecords
from doancoso.core.bundle.merge import plan
from doancoso.core.workspace import Workspace

NOTHING = "Không có gì được ghi vào dữ liệu."


def _refusal(home: Workspace, away: Workspace) -> str:
    """The message ``away``'s file is refused with by ``home``, the same by the dry run and the
    import, ``home`` left as it was."""
    before = every_row(home)
    with pytest.raises(DuplicateRecords) as dry:
        plan(home, bundle_of(away))
    with pytest.raises(DuplicateRecords) as caught:
        carry(away, home)
    assert caught.value.message == dry.value.message
    assert every_row(home) == before
    return caught.value.message


def test_twelve_chi_doan_added_on_both_copies_name_ten_and_count_two(
    home: Workspace, away: Workspace
) -> None:
    names = [f"Chi đoàn ấp {n:02d}" for n in range(12, 0, -1)]  # typed from the last
    mine = {name: home.branches.create(name).id for name in names}
    theirs = {name: away.branches.create(name).id for name in names}

    lines = [
        f"• “{name}”: thêm trên máy này ngày {created_day(home, 'branches', mine[name])}, "
        f"trong tệp thêm ngày {created_day(away, 'branches', theirs[name])}."
        for name in sorted(names)[:10]
    ]
    assert _refusal(home, away) == (
        "Chi đoàn mới trong tệp trùng tên với chi đoàn đã có trên máy này (cùng một chi đoàn "
        "được thêm riêng ở cả hai máy); nhận tệp sẽ thành hai chi đoàn cùng tên:\n"
        + "\n".join(lines)
        + "\n• … và 2 trường hợp khác.\n"
        "Hãy giữ một: trên máy này đổi tên chi đoàn đó (ví dụ thêm “(máy này)”) rồi nhận lại "
        "tệp, sau đó ở trang Chi đoàn dùng “Gộp vào…” để gộp nó vào chi đoàn vừa nhận; ở lần "
        f"trao đổi sau, máy kia cũng nhận được việc gộp này. {NOTHING}"
    )


def test_ten_chi_doan_added_on_both_copies_are_all_named_with_no_count(
    home: Workspace, away: Workspace
) -> None:
    for ws in (home, away):
        for n in range(1, 11):
            ws.branches.create(f"Chi đoàn ấp {n:02d}")

    message = _refusal(home, away)

    assert message.count("\n• “Chi đoàn ấp ") == 10
    assert "trường hợp khác" not in message


def test_eleven_people_entered_on_both_copies_name_ten_and_count_one(
    home: Workspace, away: Workspace
) -> None:
    branch = home.branches.list()[0]
    people = [(f"Lê Văn {given}", f"0963030012{n:02d}") for n, given in enumerate(
        ["An", "Bình", "Chiến", "Dũng", "Đạt", "Giang", "Hải", "Khoa", "Lâm", "Minh", "Nam"]
    )]  # fmt: skip
    for ws in (home, away):
        for name, national_id in reversed(people):
            ws.members.save({"full_name": name, "birth_date": "21/07/2003",
                             "national_id": national_id, "branch_id": branch.id})  # fmt: skip

    person = "{name}, sinh 21/07/2003, Số CCCD {cccd}, " + branch.name
    lines = [
        f"• Số CCCD {cccd} — trên máy này: {person.format(name=name, cccd=cccd)}; trong tệp: "
        f"{person.format(name=name, cccd=cccd)}."
        for name, cccd in people[:10]  # as the roster lists them: An … Minh
    ]
    assert _refusal(home, away) == (
        "Tệp có đoàn viên mới trùng Số CCCD hoặc mã định danh với đoàn viên đã có trên máy này "
        "— cùng một người được nhập riêng ở cả hai máy:\n"
        + "\n".join(lines)
        + "\n• … và 1 trường hợp khác.\n"
        "Mỗi người chỉ giữ một bản: xóa người đó trong danh sách đoàn viên trên máy này rồi "
        "nhận lại tệp (người đó sẽ có theo bản trong tệp; quá trình, điểm danh… chỉ ghi ở bản "
        "bị xóa cần ghi lại), hoặc xóa ở máy kia rồi xuất tệp lại. Nếu là hai người khác nhau, "
        f"hãy sửa lại số bị nhập sai. {NOTHING}"
    )
