"""The youth register by keyboard, as the roster (they share :mod:`doancoso.ui.common.list_page`):
↓ or Enter in the search box goes to the first result, a deletion selects the next row and its
undo the rows brought back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.shell.main_window import AREAS, MainWindow
from doancoso.ui.shell.state import UiState
from doancoso.ui.youth.admit_dialog import AdmitDialog
from doancoso.ui.youth.page import YouthPage
from scripted import ScriptedPrompts, synchronous_core


def test_enter_in_the_search_goes_to_the_first_result(page: YouthPage, qtbot: QtBot) -> None:
    qtbot.keyClicks(page.search, "thuy")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert page.model.rowCount() == 2
    assert page.selected_ids() == [page.model.youth_id(0)]
    assert page.edit_button.isEnabled()


def test_a_deletion_selects_the_next_row_and_its_undo_the_row_again(
    page: YouthPage, prompts
) -> None:
    prompts.answer = True
    ids = list(page.model.ids)
    page.select_row(1)
    page.delete_button.click()
    assert page.selected_ids() == [ids[2]]
    assert page.delete_button.isEnabled()
    page._history.undo()
    assert page.selected_ids() == [ids[1]]
    page.select_row(len(ids) - 1)
    page.delete_action.trigger()
    assert page.selected_ids() == [ids[-2]]


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_ctrl_k_admits_the_chosen_young_person(
    qtbot: QtBot, youth_ws: Workspace, prompts: ScriptedPrompts
) -> None:
    """ "Kết nạp vào Đoàn…" has its key, shown in its tooltip, used by no other action of the
    window."""
    window = MainWindow(synchronous_core(youth_ws, prompts), UiState(youth_ws.data_dir))
    qtbot.addWidget(window)
    page = window.youth
    assert page.admit_button.toolTip() == "Kết nạp thanh niên đang chọn vào Đoàn (Ctrl+K)"
    keys = [
        key.toString()
        for action in window.findChildren(QAction)
        for key in action.shortcuts()
        if action is not page.admit_action
    ]
    assert keys and "Ctrl+K" not in keys
    with qtbot.wait_active(window):
        window.show()
        window.activateWindow()
    window.go_to_area(AREAS.index("Thanh niên"))
    row = [page.model.index(r, 1).data() for r in range(page.model.rowCount())].index(
        "Nguyễn Thị Thủy"
    )
    page.select_row(row)
    page.table.setFocus()
    before = youth_ws.members.count()
    opened: list[QDialog] = []
    prompts.dialog_script = opened.append  # closed at once: nothing admitted
    qtbot.keyClick(page.table, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert [type(d) for d in opened] == [AdmitDialog]
    assert youth_ws.members.count() == before


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_enter_edits_and_delete_deletes_on_the_table(
    page: YouthPage, qtbot: QtBot, prompts: ScriptedPrompts
) -> None:
    """Enter (either key) opens the chosen young person's form and Delete asks to delete them,
    while the table has the focus; keys only, named for no menu (the buttons say them)."""
    assert [(a.text(), a.shortcut().toString()) for a in page.table.actions()] == [
        ("", "Return"), ("", "Del"),
    ]  # fmt: skip
    with qtbot.wait_active(page):
        page.show()
        page.activateWindow()
    page.select_row(0)
    name = page.model.data(page.model.index(0, 1))
    opened: list[str] = []
    prompts.dialog_script = lambda dialog: opened.append(dialog.windowTitle())
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    qtbot.keyClick(page.table, Qt.Key.Key_Enter)
    assert opened == ["Sửa thông tin thanh niên"] * 2
    prompts.answer = False
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert prompts.asked[-1].startswith(f"Xóa thanh niên {name} khỏi sổ theo dõi?")
    assert page.model.rowCount() == 5
