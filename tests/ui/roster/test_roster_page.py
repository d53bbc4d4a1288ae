"""The roster page: search, filters, sorting by header, delete with undo, move members."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from doancoso.core.lang.text import fold
from doancoso.core.lifecycle.rules import is_read_only
from doancoso.core.roster.service import MemberFilter
from doancoso.core.workspace import Workspace
from doancoso.ui.roster.page import RosterPage
from doancoso.ui.shell.main_window import MainWindow
from doancoso.ui.shell.state import UiState
from scripted import synchronous_core

UNDO = " — bấm Hoàn tác (Ctrl+Z) để bỏ đoàn viên vừa thêm."
"""What the status bar says after "Đã thêm đoàn viên …" (the add's undo)."""


def _window(qtbot: QtBot, ws: Workspace, prompts) -> MainWindow:
    window = MainWindow(synchronous_core(ws, prompts), UiState(ws.data_dir))
    qtbot.addWidget(window)
    # These tests compare with the whole roster; the active-roster default: tests/gui_lifecycle.
    combo = window.roster.status_combo
    combo.setCurrentIndex(combo.findData(None))
    return window


def _names(page: RosterPage) -> list[str]:
    model = page.model
    return [model.data(model.index(i, 1)) for i in range(model.rowCount())]


def test_search_as_you_type_matches_the_core(qtbot: QtBot, demo_ws: Workspace, prompts) -> None:
    page = _window(qtbot, demo_ws, prompts).roster
    assert page.count_label.text() == "Đang hiển thị 300 / 300 hồ sơ"
    with qtbot.wait_signal(page.model.reloaded, timeout=2000):
        qtbot.keyClicks(page.search, "thuy")
    expected = demo_ws.members.ids(MemberFilter(search="thuy"))
    assert expected and list(page.model.ids) == expected
    assert all("thuy" in fold(name) for name in _names(page))
    assert any("Thủy" in n or "Thuỷ" in n for n in _names(page))
    assert page.count_label.text() == f"Đang hiển thị {len(expected)} / 300 hồ sơ"


def test_branch_and_gender_filters_combine(qtbot: QtBot, demo_ws: Workspace, prompts) -> None:
    page = _window(qtbot, demo_ws, prompts).roster
    branch = demo_ws.branches.list()[2]
    page.branch_combo.setCurrentIndex(page.branch_combo.findData(branch.id))
    page.gender_combo.setCurrentIndex(page.gender_combo.findData("female"))
    expected = demo_ws.members.ids(MemberFilter(branch_id=branch.id, gender="female"))
    assert expected and list(page.model.ids) == expected
    rows = demo_ws.members.rows(list(page.model.ids))
    assert {(r.branch_id, r.gender) for r in rows} == {(branch.id, "female")}
    page.status_combo.setCurrentIndex(page.status_combo.findData("temporary"))
    assert list(page.model.ids) == demo_ws.members.ids(
        MemberFilter(branch_id=branch.id, gender="female", status="temporary")
    )
    assert page.status_combo.itemText(1) == "Tất cả trạng thái"


def test_header_click_sorts_in_the_core(qtbot: QtBot, demo_ws: Workspace, prompts) -> None:
    page = _window(qtbot, demo_ws, prompts).roster
    assert list(page.model.ids) == demo_ws.members.ids()  # Vietnamese name order by default
    page.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    assert list(page.model.ids) == demo_ws.members.ids(sort="birth_date")
    page.table.sortByColumn(6, Qt.SortOrder.DescendingOrder)
    assert list(page.model.ids) == demo_ws.members.ids(sort="status", descending=True)


def test_delete_asks_and_undo_brings_back(qtbot: QtBot, demo_ws: Workspace, prompts) -> None:
    window = _window(qtbot, demo_ws, prompts)
    page = window.roster
    for row in (0, 1, 2):
        page.table.selectionModel().select(
            page.model.index(row, 0),
            page.table.selectionModel().SelectionFlag.Select
            | page.table.selectionModel().SelectionFlag.Rows,
        )
    ids = page.selected_ids()
    names = _names(page)[:3]
    prompts.answer = False
    page.delete_button.click()
    assert prompts.asked[0].startswith("Xóa 3 đoàn viên?")
    assert all(name in prompts.asked[0] for name in names)
    assert demo_ws.members.count() == 300

    prompts.answer = True
    page.delete_action.trigger()
    assert demo_ws.members.count() == 297
    assert not set(ids) & set(page.model.ids)
    assert window.statusBar().currentMessage().startswith("Đã xóa 3 đoàn viên — ")
    assert window.undo_action.isEnabled()
    assert window.undo_action.text() == "&Hoàn tác: Xóa 3 đoàn viên"  # the menu's item
    assert window.undo_button.text() == "Hoàn tác"  # the status bar's button stays short
    assert window.undo_button.toolTip() == "Hoàn tác: Xóa 3 đoàn viên"

    window.undo_button.click()
    assert demo_ws.members.count() == 300
    assert set(ids) <= set(page.model.ids)
    assert window.statusBar().currentMessage() == "Đã hoàn tác: Xóa 3 đoàn viên."
    assert not window.undo_action.isEnabled() and not window.undo_button.isEnabled()
    assert window.undo_action.text() == "&Hoàn tác" and window.undo_button.toolTip() == "Hoàn tác"


def test_undo_conflict_is_reported(qtbot: QtBot, ws: Workspace, prompts) -> None:
    first = ws.members.save({"full_name": "Lê Văn Tám", "birth_date": "01/01/2000",
                             "national_id": "096200000008"})  # fmt: skip
    window = _window(qtbot, ws, prompts)
    window.roster.select_member(first)
    window.roster.delete_selected()
    ws.members.save({"full_name": "Lê Văn Chín", "birth_date": "01/01/2001",
                     "national_id": "096200000008"})  # fmt: skip
    window.undo_action.trigger()
    assert prompts.errors == [
        "Không thể khôi phục: số CCCD của đoàn viên này đã được dùng cho người khác."
    ]


def test_move_selected_members_to_a_branch(qtbot: QtBot, demo_ws: Workspace, prompts) -> None:
    window = _window(qtbot, demo_ws, prompts)
    page = window.roster
    target = demo_ws.branches.list()[0]
    page.branch_combo.setCurrentIndex(page.branch_combo.findData(demo_ws.branches.list()[1].id))
    page.table.selectAll()
    ids = page.selected_ids()
    kept = [r.id for r in demo_ws.members.rows(ids) if is_read_only(r.status)]  # left, matured
    moved = [member_id for member_id in ids if member_id not in kept]
    assert kept and moved
    prompts.choice = target.name
    page.move_button.click()
    assert {r.branch_id for r in demo_ws.members.rows(moved)} == {target.id}
    assert target.id not in {r.branch_id for r in demo_ws.members.rows(kept)}
    assert page.model.rowCount() == len(kept)  # only they are left in the filtered chi đoàn
    assert window.branches.model.branch(0).member_count == target.member_count + len(moved)
    assert window.statusBar().currentMessage() == (
        f"Đã chuyển {len(moved)} đoàn viên sang {target.name} — bấm Hoàn tác (Ctrl+Z) để trả "
        "lại như trước."
    )
    [said] = prompts.infos
    assert said.startswith(
        f"Đã chuyển {len(moved)} đoàn viên sang {target.name}.\n\n{len(kept)} đoàn viên không "
        "được chuyển vì hồ sơ chỉ để xem: "
    )


def test_add_and_edit_through_the_page(qtbot: QtBot, ws: Workspace, prompts) -> None:
    window = _window(qtbot, ws, prompts)
    messages: list[str] = []
    window.roster.status_message.connect(messages.append)

    def fill(dialog) -> None:
        dialog.set_value("full_name", "  phạm văn đồng ")  # stored as "Phạm Văn Đồng"
        dialog.set_value("birth_date", "02/09/2000")
        dialog.save_button.click()

    prompts.dialog_script = fill
    window.new_member_action.trigger()
    assert ws.members.count() == 1
    assert messages == [f"Đã thêm đoàn viên Phạm Văn Đồng{UNDO}"]  # the name as stored
    assert window.roster.selected_ids() == ws.members.ids()

    def rename(dialog) -> None:
        assert dialog.raw()["full_name"] == "Phạm Văn Đồng"
        dialog.set_value("full_name", "Phạm Văn Đông")
        dialog.save_button.click()

    prompts.dialog_script = rename
    window.roster.table.setFocus()
    window.roster.edit_action.trigger()
    assert window.roster.model.data(window.roster.model.index(0, 1)) == "Phạm Văn Đông"


def test_renamed_branch_shows_in_the_roster(qtbot: QtBot, demo_ws: Workspace, prompts) -> None:
    window = _window(qtbot, demo_ws, prompts)
    page = window.roster
    first = demo_ws.members.rows(list(page.model.ids[:1]))[0]
    assert first.branch_id is not None
    page.branch_combo.setCurrentIndex(page.branch_combo.findData(first.branch_id))
    window.branches.select_branch(first.branch_id)

    def rename(dialog) -> None:
        dialog.name_edit.setText("Chi đoàn ấp Mới Đổi Tên")
        dialog.try_accept()

    prompts.dialog_script = rename
    window.branches.rename_button.click()
    assert page.model.data(page.model.index(0, 4)) == "Chi đoàn ấp Mới Đổi Tên"
    assert page.branch_combo.currentText() == "Chi đoàn ấp Mới Đổi Tên"  # filter kept
    assert list(page.model.ids) == demo_ws.members.ids(MemberFilter(branch_id=first.branch_id))


def test_the_members_in_no_chi_doan_have_their_filter(
    qtbot: QtBot, demo_ws: Workspace, prompts
) -> None:
    """The chi đoàn page counts the members in no chi đoàn ("Chưa có chi đoàn"): the roster's
    chi đoàn filter lists them, and keeps to them when the data change."""
    loose = demo_ws.members.ids()[:5]
    demo_ws.branches.move_members(loose, None)
    page = _window(qtbot, demo_ws, prompts).roster
    assert page.branch_combo.itemText(1) == "Chưa có chi đoàn"
    page.branch_combo.setCurrentIndex(1)
    expected = demo_ws.members.ids(MemberFilter(branch_id=""))
    assert sorted(expected) == sorted(loose) and list(page.model.ids) == expected
    assert {r.branch_name for r in demo_ws.members.rows(list(page.model.ids))} == {None}
    demo_ws.branches.create("Chi đoàn ấp Mới")  # the chi đoàn change: the filter stays
    page.refresh_branches()
    assert page.branch_combo.currentText() == "Chưa có chi đoàn"
    assert page.current_filter().branch_id == ""


def test_a_member_saved_outside_the_search_is_said_not_to_be_listed(
    qtbot: QtBot, ws: Workspace, prompts
) -> None:
    """A member added, or edited, while the search shows others does not appear in the list:
    the status bar says why, so that the secretary does not add her a second time."""
    window = _window(qtbot, ws, prompts)
    page = window.roster
    ws.members.save({"full_name": "Nguyễn Văn An", "birth_date": "05/03/2001"})
    messages: list[str] = []
    page.status_message.connect(messages.append)
    page.search.setText("an")
    page.apply_filter()
    assert _names(page) == ["Nguyễn Văn An"]

    def fill(dialog) -> None:
        dialog.set_value("full_name", "Trần Văn Bình")
        dialog.set_value("birth_date", "02/09/2000")
        dialog.save_button.click()

    prompts.dialog_script = fill
    page.add_button.click()
    assert ws.members.count() == 2 and _names(page) == ["Nguyễn Văn An"]
    assert messages == [
        f"Đã thêm đoàn viên Trần Văn Bình{UNDO} Người này không hiện trong danh sách vì đang "
        "tìm kiếm hoặc lọc."
    ]

    def rename(dialog) -> None:
        dialog.set_value("full_name", "Nguyễn Văn Út")
        dialog.save_button.click()

    prompts.dialog_script = rename
    page.select_row(0)
    page.edit_button.click()
    assert _names(page) == []
    assert messages[-1].endswith("Người này không hiện trong danh sách vì đang tìm kiếm hoặc lọc.")
    page.search.setText("")
    page.apply_filter()

    prompts.dialog_script = fill  # shown: nothing more said
    page.add_button.click()
    assert messages[-1] == f"Đã thêm đoàn viên Trần Văn Bình{UNDO}"
