"""The chi đoàn page: create, rename, merge, delete, with inline messages; the members in no chi
đoàn counted on their own row."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from doancoso.core.errors import ConflictError
from doancoso.core.roster.service import MemberFilter
from doancoso.core.workspace import Workspace
from doancoso.ui.branches.name_dialog import BranchNameDialog
from doancoso.ui.branches.page import BranchesPage, count_text
from doancoso.ui.shell.main_window import MainWindow
from doancoso.ui.shell.signals import DataChanged
from doancoso.ui.shell.state import UiState
from doancoso.ui.shell.undo import UndoHistory
from scripted import synchronous_core


def _page(qtbot: QtBot, ws: Workspace, prompts) -> tuple[BranchesPage, DataChanged]:
    core = synchronous_core(ws, prompts)
    page = BranchesPage(core, UndoHistory(core))
    qtbot.addWidget(page)
    return page, core.data_changed


def _type_name(*names: str):
    """A dialog script trying each name in turn, recording the messages shown."""
    shown: list[str] = []

    def script(dialog: BranchNameDialog) -> None:
        for name in names:
            dialog.name_edit.setText(name)
            dialog.try_accept()
            shown.append(dialog.errors.message("name"))

    return script, shown


def test_create_with_inline_validation(qtbot: QtBot, ws: Workspace, prompts) -> None:
    ws.branches.create("Chi đoàn ấp Tân Phú")
    page, changed = _page(qtbot, ws, prompts)
    prompts.dialog_script, shown = _type_name("", "chi doan ap tan phu", "Chi đoàn ấp Xóm Mới")
    with qtbot.wait_signal(changed.changed) as blocker:
        page.add_button.click()
    [changes] = blocker.args
    created = ws.branches.find("Chi đoàn ấp Xóm Mới")
    assert created is not None and changes.ids("branches") == {created.id}
    assert not changes.touches("members")
    assert shown == ["Cần nhập tên chi đoàn.", "Đã có chi đoàn tên “Chi đoàn ấp Tân Phú”.", ""]
    assert [b.name for b in ws.branches.list()] == ["Chi đoàn ấp Tân Phú", "Chi đoàn ấp Xóm Mới"]
    assert page.model.rowCount() == 2
    assert page.model.branch(page.table.currentIndex().row()).name == "Chi đoàn ấp Xóm Mới"


def test_a_name_differing_only_by_chi_doan_is_refused_in_the_dialog(
    qtbot: QtBot, ws: Workspace, prompts
) -> None:
    ws.branches.create("Chi đoàn Ấp 3")
    page, _ = _page(qtbot, ws, prompts)
    prompts.dialog_script, shown = _type_name("Ấp 3", "Ấp 3 Tân Hưng")
    page.add_button.click()
    assert shown == [
        "Đã có chi đoàn “Chi đoàn Ấp 3”: hai tên chỉ khác nhau ở chữ “Chi đoàn” (“CĐ”) đầu tên "
        "nên dễ bị đọc là một. Hãy đặt tên khác.",
        "",
    ]
    assert [b.name for b in ws.branches.list()] == ["Ấp 3 Tân Hưng", "Chi đoàn Ấp 3"]


def test_rename(qtbot: QtBot, ws: Workspace, prompts) -> None:
    branch = ws.branches.create("Chi đoàn ấp 1")
    page, _ = _page(qtbot, ws, prompts)
    page.select_branch(branch.id)
    prompts.dialog_script, shown = _type_name("Chi đoàn ấp Cái Đôi")
    page.rename_button.click()
    assert shown == [""]
    assert [b.name for b in ws.branches.list()] == ["Chi đoàn ấp Cái Đôi"]
    assert page.model.data(page.model.index(0, 0)) == "Chi đoàn ấp Cái Đôi"


def test_merge_moves_members_after_confirmation(qtbot: QtBot, demo_ws: Workspace, prompts) -> None:
    page, _ = _page(qtbot, demo_ws, prompts)
    count = len(demo_ws.branches.list())
    source, target = demo_ws.branches.list()[:2]
    page.select_branch(source.id)
    prompts.choice = target.name
    prompts.answer = False
    page.merge_button.click()
    assert len(demo_ws.branches.list()) == count
    assert f"{source.member_count} đoàn viên sẽ chuyển sang “{target.name}”" in prompts.asked[0]
    prompts.answer = True
    page.merge_button.click()
    branches = {b.id: b for b in demo_ws.branches.list()}
    assert source.id not in branches
    assert branches[target.id].member_count == source.member_count + target.member_count
    assert page.model.rowCount() == count - 1


def test_delete_only_empty_branches(qtbot: QtBot, demo_ws: Workspace, prompts) -> None:
    page, _ = _page(qtbot, demo_ws, prompts)
    count = len(demo_ws.branches.list())
    full = demo_ws.branches.list()[0]
    with pytest.raises(ConflictError) as refused:
        demo_ws.branches.delete(full.id)
    page.select_branch(full.id)
    page.delete_button.click()
    assert prompts.asked == []  # refused before asking anything
    assert prompts.errors == [refused.value.message]
    left = full.member_count - full.active_count
    assert left  # the demo's chi đoàn hold records of people who left: only a merge empties them
    assert prompts.errors == [
        f"Không xóa được “{full.name}”: chi đoàn còn {full.member_count} hồ sơ đoàn viên, trong "
        f"đó {left} hồ sơ của người đã chuyển đi, trưởng thành Đoàn, bị khai trừ hoặc xóa tên: "
        "các hồ sơ này chỉ để xem, không chuyển sang chi đoàn khác được. Hãy gộp chi đoàn này "
        "vào chi đoàn khác (nút “Gộp vào…”)."
    ]
    assert len(demo_ws.branches.list()) == count
    empty = demo_ws.branches.create("Chi đoàn ấp Mới")
    page.refresh()
    page.select_branch(empty.id)
    page.delete_button.click()
    assert prompts.asked == ["Xóa chi đoàn “Chi đoàn ấp Mới”?"]
    assert demo_ws.branches.find("Chi đoàn ấp Mới") is None
    assert page.model.rowCount() == count


def test_members_in_no_chi_doan_have_a_row_and_the_totals_match_the_roster(
    qtbot: QtBot, demo_ws: Workspace, prompts, qtmodeltester: Any
) -> None:
    branches = demo_ws.branches.list()
    first = demo_ws.members.ids()[:7]
    demo_ws.branches.move_members(first, None)
    page, _ = _page(qtbot, demo_ws, prompts)
    model = page.model
    last = model.rowCount() - 1
    assert model.rowCount() == len(branches) + 1
    unassigned = demo_ws.branches.unassigned()
    assert unassigned.member_count == 7
    assert [model.index(last, c).data() for c in range(3)] == [
        "Chưa có chi đoàn", str(unassigned.active_count), "7",
    ]  # fmt: skip
    assert model.index(last, 0).data(Qt.ItemDataRole.FontRole).italic()
    qtmodeltester.check(model)
    active = len(demo_ws.events.active_roster_ids())
    records = sum(model.branch(r).member_count for r in range(model.rowCount()))
    actives = sum(model.branch(r).active_count for r in range(model.rowCount()))
    assert (records, actives) == (demo_ws.members.count(), active)
    temporary = len(demo_ws.members.ids(MemberFilter(status="temporary")))
    assert temporary > 0  # the demo has members of other organisations on temporary activity
    assert page.count_label.text() == (
        f"{len(branches)} chi đoàn, {active} đoàn viên đang sinh hoạt "
        f"(kể cả {temporary} sinh hoạt tạm; {unassigned.active_count} chưa có chi đoàn)"
    )

    page.table.selectRow(last)  # nothing can be done to it
    assert page.selected_branch_id() == ""
    buttons = (page.rename_button, page.merge_button, page.delete_button)
    assert [b.isEnabled() for b in buttons] == [False, False, False]
    opened: list[object] = []
    prompts.dialog_script = opened.append
    page.rename_selected()
    page.merge_selected()
    page.delete_selected()
    page.table.doubleClicked.emit(model.index(last, 0))
    assert (opened, prompts.asked, prompts.errors, prompts.choices_offered) == ([], [], [], [])

    demo_ws.branches.move_members(first, branches[0].id)
    page.refresh()
    assert model.rowCount() == len(branches)  # none left: no row
    assert page.count_label.text() == (
        f"{len(branches)} chi đoàn, {active} đoàn viên đang sinh hoạt (kể cả {temporary} sinh hoạt "
        "tạm)"
    )


def test_the_merge_target_is_chosen_from_the_chi_doan_only(
    qtbot: QtBot, demo_ws: Workspace, prompts
) -> None:
    demo_ws.branches.move_members(demo_ws.members.ids()[:3], None)
    page, _ = _page(qtbot, demo_ws, prompts)
    source = demo_ws.branches.list()[0]
    page.select_branch(source.id)
    page.merge_button.click()  # declined: prompts.choice is None
    assert prompts.choices_offered == [[b.name for b in demo_ws.branches.list()[1:]]]


def test_the_count_says_what_it_counts() -> None:
    """The active roster includes members of other organisations on temporary activity: said
    with their number, so that whoever adds up organisations counts them once."""
    assert count_text(15, 1760, 92, 0) == (
        "15 chi đoàn, 1.760 đoàn viên đang sinh hoạt (kể cả 92 sinh hoạt tạm)"
    )
    assert count_text(15, 1760, 92, 3) == (
        "15 chi đoàn, 1.760 đoàn viên đang sinh hoạt (kể cả 92 sinh hoạt tạm; 3 chưa có chi đoàn)"
    )
    assert count_text(2, 40, 0, 0) == "2 chi đoàn, 40 đoàn viên đang sinh hoạt"


def test_a_chi_doan_deleted_is_brought_back_with_its_deleted_member(
    qtbot: QtBot, ws: Workspace, prompts
) -> None:
    """Delete the last member of a chi đoàn, delete the chi đoàn (the question says what becomes
    of the deleted member), then "Hoàn tác" twice: the chi đoàn is back, then the member, in it
    again; "Làm lại" twice deletes both again."""
    long_ = ws.branches.create("Chi đoàn ấp Tân Long")
    an = ws.members.save(
        {"full_name": "Nguyễn Văn An", "birth_date": "12/08/2000", "branch_id": long_.id}
    )
    window = MainWindow(synchronous_core(ws, prompts), UiState(ws.data_dir))
    qtbot.addWidget(window)
    window.roster.select_member(an)
    window.roster.delete_selected()
    page = window.branches
    page.select_branch(long_.id)
    page.delete_button.click()
    assert prompts.asked[-1] == (
        "Xóa chi đoàn “Chi đoàn ấp Tân Long”?\n\n1 đoàn viên đã xóa trước đây thuộc chi đoàn "
        "này; nếu được khôi phục khi chi đoàn không còn, họ sẽ ở mục “Chưa có chi đoàn”."
    )
    assert window.statusBar().currentMessage() == (
        "Đã xóa chi đoàn “Chi đoàn ấp Tân Long” — bấm Hoàn tác (Ctrl+Z) để lấy lại."
    )
    assert ws.branches.list() == []
    assert window.undo_action.text() == "&Hoàn tác: Xóa chi đoàn “Chi đoàn ấp Tân Long”"
    window.undo_action.trigger()
    assert window.statusBar().currentMessage() == (
        "Đã hoàn tác: Xóa chi đoàn “Chi đoàn ấp Tân Long”."
    )
    assert [b.name for b in ws.branches.list()] == ["Chi đoàn ấp Tân Long"]
    window.undo_action.trigger()
    assert window.statusBar().currentMessage() == "Đã hoàn tác: Xóa đoàn viên Nguyễn Văn An."
    [row] = ws.members.rows([an])
    assert (row.branch_id, row.branch_name) == (long_.id, "Chi đoàn ấp Tân Long")
    model = page.model
    assert [model.index(0, c).data() for c in range(3)] == ["Chi đoàn ấp Tân Long", "1", "1"]
    window.redo_action.trigger()
    window.redo_action.trigger()
    assert window.statusBar().currentMessage() == (
        "Đã làm lại: Xóa chi đoàn “Chi đoàn ấp Tân Long”."
    )
    assert ws.branches.list() == [] and ws.members.ids() == []
    assert prompts.errors == []


def test_the_undo_of_a_chi_doan_deleted_is_refused_once_its_name_is_taken(
    qtbot: QtBot, ws: Workspace, prompts
) -> None:
    long_ = ws.branches.create("Chi đoàn ấp Tân Long")
    window = MainWindow(synchronous_core(ws, prompts), UiState(ws.data_dir))
    qtbot.addWidget(window)
    page = window.branches
    page.select_branch(long_.id)
    page.delete_button.click()
    ws.branches.create("Chi đoàn Ấp Tân Long")  # elsewhere: not on the history
    window.undo_action.trigger()
    assert prompts.errors == [
        "Đã có chi đoàn tên “Chi đoàn Ấp Tân Long” (thêm sau đó): không khôi phục được chi đoàn "
        "“Chi đoàn ấp Tân Long”."
    ]
    assert [b.name for b in ws.branches.list()] == ["Chi đoàn Ấp Tân Long"]
    assert not window.history.canUndo()
