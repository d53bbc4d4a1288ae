"""A chi đoàn has one Bí thư: merging two chi đoàn, or moving members, that would put two Bí
thư in one is warned of, naming them, in the merge's question and after the move (without
refusing it: the secretary then decides who keeps the post). It used to happen without a word."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.branches.page import BranchesPage
from doancoso.ui.roster.page import RosterPage
from doancoso.ui.shell.undo import UndoHistory
from scripted import ScriptedPrompts, synchronous_core


def _two_branches(ws: Workspace) -> dict[str, str]:
    one, two = ws.branches.create("Chi đoàn Ấp 1"), ws.branches.create("Chi đoàn Ấp 2")
    ids = {"one": one.id, "two": two.id}
    for key, name, branch, position in (
        ("an", "Lê Văn An", one.id, "Bí thư"),
        ("binh", "Trần Thị Bình", two.id, "Bí thư"),
        ("cuong", "Phạm Văn Cường", one.id, "Phó Bí thư"),
        ("dung", "Đỗ Thị Dung", one.id, "Đoàn viên"),
    ):
        raw = {"full_name": name, "birth_date": "01/01/2000", "branch_id": branch}
        ids[key] = ws.members.save({**raw, "position": position})
    return ids


def test_secretaries_after_a_merge_or_a_move(ws: Workspace) -> None:
    ids = _two_branches(ws)
    branches = ws.branches
    assert branches.secretaries_after(ids["two"], source_id=ids["one"]) == (
        "Lê Văn An", "Trần Thị Bình",
    )  # fmt: skip
    assert branches.secretaries_after(ids["two"], member_ids=[ids["an"]]) == (
        "Lê Văn An", "Trần Thị Bình",
    )  # fmt: skip
    # no new Bí thư comes: nothing to say (a Phó Bí thư is not one)
    assert branches.secretaries_after(ids["two"], member_ids=[ids["cuong"], ids["dung"]]) == ()
    assert branches.secretaries_after(ids["one"], member_ids=[ids["an"]]) == ()  # already there
    # one who left holds no post here any more
    ws.events.record(ids["binh"], "transfer_out", "01/06/2025", other_organization="Đoàn xã B")
    assert branches.secretaries_after(ids["two"], source_id=ids["one"]) == ()


def test_the_merge_question_names_the_two_secretaries(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts
) -> None:
    ids = _two_branches(ws)
    core = synchronous_core(ws, prompts)
    page = BranchesPage(core, UndoHistory(core))
    qtbot.addWidget(page)
    page.select_branch(ids["one"])
    prompts.choice = "Chi đoàn Ấp 2"
    page.merge_button.click()
    assert prompts.asked == [
        "Gộp “Chi đoàn Ấp 1” vào “Chi đoàn Ấp 2”?\n\n"
        "3 đoàn viên sẽ chuyển sang “Chi đoàn Ấp 2” và chi đoàn “Chi đoàn Ấp 1” sẽ không còn.\n\n"
        "Lưu ý: chi đoàn “Chi đoàn Ấp 2” sẽ có 2 Bí thư: Lê Văn An, Trần Thị Bình. Mỗi chi đoàn "
        "chỉ có một Bí thư: sau khi gộp, hãy sửa chức vụ của người không giữ chức này nữa."
    ]
    assert [b.name for b in ws.branches.list()] == ["Chi đoàn Ấp 2"]  # merged all the same
    assert ws.members.get(ids["binh"]).fields.position == "Bí thư"  # nothing decided for them


def test_a_move_says_the_chi_doan_now_has_two_secretaries(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts
) -> None:
    ids = _two_branches(ws)
    core = synchronous_core(ws, prompts)
    page = RosterPage(core, UndoHistory(core))
    qtbot.addWidget(page)
    page.select_member(ids["an"])
    prompts.choice = "Chi đoàn Ấp 2"
    page.move_button.click()
    assert ws.members.get(ids["an"]).fields.branch_id == ids["two"]
    assert prompts.infos == [
        "Đã chuyển đoàn viên Lê Văn An sang Chi đoàn Ấp 2.\n\n"
        "Lưu ý: chi đoàn “Chi đoàn Ấp 2” nay có 2 Bí thư: Lê Văn An, Trần Thị Bình. Mỗi chi đoàn "
        "chỉ có một Bí thư: hãy sửa chức vụ của người không giữ chức này nữa."
    ]
    prompts.infos.clear()
    page.select_member(ids["dung"])
    page.move_button.click()  # no Bí thư moved: nothing to say
    assert prompts.infos == []
