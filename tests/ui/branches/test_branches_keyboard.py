"""The chi đoàn page by keyboard, as the roster: Enter on a chi đoàn renames it, Delete deletes
it after the question (refused at once when it still holds members)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.branches.name_dialog import BranchNameDialog
from doancoso.ui.branches.page import BranchesPage
from doancoso.ui.shell.main_window import MainWindow
from doancoso.ui.shell.state import UiState
from scripted import ScriptedPrompts, synchronous_core

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _on_the_branches_page(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts
) -> tuple[MainWindow, BranchesPage]:
    """The app's window, shown and active (keys reach the shortcuts of the active window only),
    on the chi đoàn page by its key (Ctrl+3)."""
    window = MainWindow(synchronous_core(ws, prompts), UiState(ws.data_dir))
    qtbot.addWidget(window)
    with qtbot.wait_active(window):
        window.show()
        window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    return window, window.branches


def test_enter_renames_and_delete_deletes(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts
) -> None:
    full = ws.branches.create("Chi đoàn ấp Tân Long")
    ws.members.save({"full_name": "Nguyễn Văn An", "birth_date": "05/03/2001",
                     "branch_id": full.id})  # fmt: skip
    empty = ws.branches.create("Chi đoàn ấp Xóm Mới")
    window, page = _on_the_branches_page(qtbot, ws, prompts)
    assert window.stack.currentWidget() is page
    page.select_branch(empty.id)
    page.table.setFocus()
    opened: list[str] = []

    def cancel(dialog: QDialog) -> None:
        opened.append(dialog.windowTitle())
        dialog.reject()

    prompts.dialog_script = cancel
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    qtbot.keyClick(page.table, Qt.Key.Key_Enter)
    assert opened == ["Đổi tên chi đoàn"] * 2
    # Keys only: no "Đổi tên", "Xóa" named for a menu no one opens (the buttons say them).
    assert [(a.text(), a.shortcut().toString()) for a in page.table.actions()] == [
        ("", "Return"), ("", "Del"),
    ]  # fmt: skip

    prompts.answer = True
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert prompts.asked == ["Xóa chi đoàn “Chi đoàn ấp Xóm Mới”?"]
    assert [b.name for b in ws.branches.list()] == ["Chi đoàn ấp Tân Long"]

    page.select_branch(full.id)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert prompts.asked[1:] == []  # refused before asking
    assert prompts.errors == [
        "Không xóa được “Chi đoàn ấp Tân Long”: chi đoàn còn 1 hồ sơ đoàn viên (kể cả người đã "
        "chuyển đi, trưởng thành Đoàn). Hãy chuyển họ sang chi đoàn khác, hoặc gộp chi đoàn này "
        "vào chi đoàn khác."
    ]
    assert ws.members.count() == 1


def test_tab_leaves_the_list_of_chi_doan(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts
) -> None:
    """Tab from the list goes on out of it (it went round its cells for ever)."""
    for name in ("Chi đoàn ấp Tân Long", "Chi đoàn ấp Xóm Mới"):
        ws.branches.create(name)
    window, page = _on_the_branches_page(qtbot, ws, prompts)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not page.table


def test_ctrl_3_puts_the_keyboard_in_the_list_on_its_first_chi_doan(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts
) -> None:
    """Ctrl+3 left the keyboard on "Thêm": Enter added a chi đoàn instead of renaming one, and
    ↓ did nothing. Now the list has it, the first chi đoàn chosen: Enter renames that one."""
    for name in ("Chi đoàn ấp Xóm Mới", "Chi đoàn ấp Tân Long"):
        ws.branches.create(name)
    window = MainWindow(synchronous_core(ws, prompts), UiState(ws.data_dir))
    qtbot.addWidget(window)
    with qtbot.wait_active(window):
        window.show()
        window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyRelease(window, Qt.Key.Key_Control)
    page = window.branches
    assert QApplication.focusWidget() is page.table
    assert page.selected_branch_id() == ws.branches.list()[0].id
    opened: list[tuple[str, str]] = []

    def cancel(dialog: QDialog) -> None:
        assert isinstance(dialog, BranchNameDialog)
        opened.append((dialog.windowTitle(), dialog.name_edit.text()))
        dialog.reject()

    prompts.dialog_script = cancel
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert opened == [("Đổi tên chi đoàn", "Chi đoàn ấp Tân Long")]
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert opened[1:] == [("Đổi tên chi đoàn", "Chi đoàn ấp Xóm Mới")]


def test_ctrl_shift_m_merges_the_chosen_chi_doan_and_the_buttons_name_their_keys(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts
) -> None:
    """Merging had no key: the secretary had to Shift+Tab back to "Gộp vào…". Ctrl+Shift+M (the
    roster's key for moving members to another chi đoàn, with Shift) merges the chosen one into
    another; Ctrl+M keeps its one meaning in the app."""
    old = ws.branches.create("Chi đoàn ấp Tân Long")
    ws.members.save({"full_name": "Nguyễn Văn An", "birth_date": "05/03/2001",
                     "branch_id": old.id})  # fmt: skip
    target = ws.branches.create("Chi đoàn ấp Xóm Mới")
    window, page = _on_the_branches_page(qtbot, ws, prompts)
    assert page.table.hasFocus()
    assert page.selected_branch_id() == old.id
    assert [b.toolTip() for b in (page.add_button, page.rename_button, page.merge_button,
                                  page.delete_button)] == [
        "Thêm một chi đoàn (Ctrl+N)",
        "Đổi tên chi đoàn đang chọn (Enter)",
        "Gộp chi đoàn đang chọn vào chi đoàn khác (Ctrl+Shift+M)",
        "Xóa chi đoàn đang chọn (Delete)",
    ]  # fmt: skip
    prompts.choice = "Chi đoàn ấp Xóm Mới"
    prompts.answer = True
    qtbot.keyClick(page.table, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert prompts.choices_offered == []  # Ctrl+M is the roster's, not this page's
    qtbot.keyClick(page.table, Qt.Key.Key_M, CTRL_SHIFT)
    assert prompts.choices_offered == [["Chi đoàn ấp Xóm Mới"]]
    assert prompts.asked == [
        "Gộp “Chi đoàn ấp Tân Long” vào “Chi đoàn ấp Xóm Mới”?\n\n1 đoàn viên sẽ chuyển sang "
        "“Chi đoàn ấp Xóm Mới” và chi đoàn “Chi đoàn ấp Tân Long” sẽ không còn."
    ]
    assert [b.name for b in ws.branches.list()] == ["Chi đoàn ấp Xóm Mới"]
    assert page.selected_branch_id() == target.id
    assert page.table.hasFocus()


def test_after_a_delete_the_keys_act_on_the_chi_doan_now_in_its_row(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts
) -> None:
    """Deleting a chi đoàn (or undoing its addition) left none chosen, the keyboard still in the
    list: Enter, Delete and Ctrl+Shift+M did nothing, the buttons were greyed, until an arrow
    key."""
    for name in ("Chi đoàn ấp Bào Sen", "Chi đoàn ấp Cái Keo", "Chi đoàn ấp Đầu Sấu"):
        ws.branches.create(name)
    window, page = _on_the_branches_page(qtbot, ws, prompts)
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    prompts.answer = True
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert prompts.asked == ["Xóa chi đoàn “Chi đoàn ấp Cái Keo”?"]
    assert [b.name for b in ws.branches.list()] == ["Chi đoàn ấp Bào Sen", "Chi đoàn ấp Đầu Sấu"]
    chosen = page.model.branch(page.table.selectionModel().selectedRows()[0].row())
    assert chosen.name == "Chi đoàn ấp Đầu Sấu"
    assert page.delete_button.isEnabled() and page.table.hasFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)  # the last row: the one above is chosen
    assert prompts.asked[1:] == ["Xóa chi đoàn “Chi đoàn ấp Đầu Sấu”?"]
    chosen = page.model.branch(page.table.selectionModel().selectedRows()[0].row())
    assert chosen.name == "Chi đoàn ấp Bào Sen"
