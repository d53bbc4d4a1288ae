"""The same chi đoàn or the same new member added on both copies of one organisation (issue #17's
walkthrough): never a silent duplicate nor a refusal in table names and ids. The import (and its
dry run) is refused, all of it, naming each record on both sides and what to do; doing what it
says lets the exchange go through both ways, the two copies ending equal."""

from __future__ import annotations

import pytest

from bundle_sync import bundle_of, carry, created_day, every_row
from doancoso.core.bundle.duplicates import DuplicateRecords
from doancoso.core.bundle.merge import plan
from doancoso.core.workspace import Workspace

NOTHING = "Không có gì được ghi vào dữ liệu."


def _by_id(ws: Workspace) -> dict[str, list[dict[str, object]]]:
    """Every row of every table, in id order (each side inserted the other's rows later)."""
    return {t: sorted(rows, key=lambda r: str(r["id"])) for t, rows in every_row(ws).items()}


def _live_branches(ws: Workspace) -> list[str]:
    return sorted(b.name for b in ws.branches.list())


def test_the_same_chi_doan_added_on_both_copies_is_refused_naming_it(
    home: Workspace, away: Workspace
) -> None:
    mine = home.branches.create("Chi đoàn 1")
    theirs = away.branches.create("chi đoàn 1")
    away.members.save({"full_name": "Đặng Văn Khoa", "birth_date": "03/04/2004",
                       "branch_id": theirs.id})  # fmt: skip
    before = every_row(home)
    expected = (
        "Chi đoàn mới trong tệp trùng tên với chi đoàn đã có trên máy này (cùng một chi đoàn "
        "được thêm riêng ở cả hai máy); nhận tệp sẽ thành hai chi đoàn cùng tên:\n"
        f"• “Chi đoàn 1”: thêm trên máy này ngày {created_day(home, 'branches', mine.id)}, "
        f"trong tệp là “chi đoàn 1” thêm ngày {created_day(away, 'branches', theirs.id)}.\n"
        "Hãy giữ một: trên máy này đổi tên chi đoàn đó (ví dụ thêm “(máy này)”) rồi nhận lại "
        "tệp, sau đó ở trang Chi đoàn dùng “Gộp vào…” để gộp nó vào chi đoàn vừa nhận; ở lần "
        f"trao đổi sau, máy kia cũng nhận được việc gộp này. {NOTHING}"
    )
    with pytest.raises(DuplicateRecords) as dry:
        plan(home, bundle_of(away))  # the dry run says it too
    assert dry.value.message == expected
    with pytest.raises(DuplicateRecords) as caught:
        carry(away, home)
    assert caught.value.message == expected
    assert every_row(home) == before
    # What it says to do: rename ours, take the file, join ours into theirs; then back.
    home.branches.rename(mine.id, "Chi đoàn 1 (máy này)")
    assert carry(away, home).applied
    home.branches.merge(mine.id, theirs.id)
    assert carry(home, away).applied
    assert _by_id(home) == _by_id(away)
    assert "chi đoàn 1" in _live_branches(home) and "Chi đoàn 1" not in _live_branches(home)
    assert _live_branches(home) == _live_branches(away)


def test_the_same_person_entered_on_both_copies_is_refused_naming_them(
    home: Workspace, away: Workspace
) -> None:
    branch = home.branches.list()[0]
    person = {"full_name": "Huỳnh Thị Mai", "birth_date": "21/07/2003",
              "national_id": "096303001234", "branch_id": branch.id}  # fmt: skip
    mine = home.members.save(person)
    away.members.save({**person, "phone": "0918123456"})
    before = every_row(home)
    expected = (
        "Tệp có đoàn viên mới trùng Số CCCD hoặc mã định danh với đoàn viên đã có trên máy này "
        "— cùng một người được nhập riêng ở cả hai máy:\n"
        "• Số CCCD 096303001234 — trên máy này: Huỳnh Thị Mai, sinh 21/07/2003, Số CCCD "
        f"096303001234, {branch.name}; trong tệp: Huỳnh Thị Mai, sinh 21/07/2003, Số CCCD "
        f"096303001234, {branch.name}.\n"
        "Mỗi người chỉ giữ một bản: xóa người đó trong danh sách đoàn viên trên máy này rồi "
        "nhận lại tệp (người đó sẽ có theo bản trong tệp; quá trình, điểm danh… chỉ ghi ở bản "
        "bị xóa cần ghi lại), hoặc xóa ở máy kia rồi xuất tệp lại. Nếu là hai người khác nhau, "
        f"hãy sửa lại số bị nhập sai. {NOTHING}"
    )
    with pytest.raises(DuplicateRecords) as dry:
        plan(home, bundle_of(away))
    assert dry.value.message == expected
    with pytest.raises(DuplicateRecords) as caught:
        carry(away, home)
    assert caught.value.message == expected
    assert every_row(home) == before
    # What it says to do: delete ours, take the file; then back.
    home.members.delete([mine])
    assert carry(away, home).applied
    assert carry(home, away).applied
    assert _by_id(home) == _by_id(away)
    live = [m for m in home.members.list() if m.full_name == "Huỳnh Thị Mai"]
    assert len(live) == 1 and home.members.get(live[0].id).fields.phone == "0918123456"


def test_two_people_given_one_cccd_are_not_called_the_same_person(
    home: Workspace, away: Workspace
) -> None:
    home.members.save({"full_name": "Phan Văn Lộc", "birth_date": "2001",
                       "national_id": "096201009999"})  # fmt: skip
    away.members.save({"full_name": "Tô Thị Hồng", "birth_date": "09/10/2002",
                       "national_id": "096201009999", "member_code": "0420042"})  # fmt: skip
    with pytest.raises(DuplicateRecords) as caught:
        carry(away, home)
    assert caught.value.message.startswith(
        "Tệp có đoàn viên mới trùng Số CCCD hoặc mã định danh với đoàn viên đã có trên máy "
        "này:\n• Số CCCD 096201009999 — trên máy này: Phan Văn Lộc, sinh 2001, Số CCCD "
        "096201009999, chưa thuộc chi đoàn nào; trong tệp: Tô Thị Hồng, sinh 09/10/2002, Số "
        "CCCD 096201009999, mã định danh 0420042, chưa thuộc chi đoàn nào.\n"
    )
