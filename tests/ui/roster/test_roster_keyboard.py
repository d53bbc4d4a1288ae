"""The roster by keyboard: from the search box to the results with ↓ or Enter, Enter on a row
opens it, and a row stays selected after "Xóa" (the next one) and after its undo (the rows
brought back), so that "Sửa", "Xóa" and the Delete key keep working."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QDialog, QPushButton
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.roster.page import RosterPage
from doancoso.ui.shell.main_window import MainWindow
from doancoso.ui.shell.state import UiState
from scripted import synchronous_core

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _window(qtbot: QtBot, ws: Workspace, prompts) -> MainWindow:
    window = MainWindow(synchronous_core(ws, prompts), UiState(ws.data_dir))
    qtbot.addWidget(window)
    with qtbot.wait_active(window):  # keys reach the shortcuts of the active window only
        window.show()
        window.activateWindow()
    return window


def _select(page: RosterPage, *rows: int) -> None:
    selection = page.table.selectionModel()
    selection.clearSelection()
    for row in rows:
        selection.select(
            page.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )


@pytest.mark.parametrize("key", [Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter])
def test_down_or_enter_in_the_search_goes_to_the_first_result(
    qtbot: QtBot, demo_ws: Workspace, prompts, key: Qt.Key
) -> None:
    window = _window(qtbot, demo_ws, prompts)
    page = window.roster
    page.focus_search()
    qtbot.keyClicks(page.search, "thuy")
    qtbot.keyClick(page.search, key)  # at once: the search waiting for a pause runs first
    ids = list(page.model.ids)
    assert ids and len(ids) < 300
    assert page.selected_ids() == [ids[0]]
    assert page.current_row() == 0
    assert window.focusWidget() is page.table
    assert page.edit_button.isEnabled() and page.delete_button.isEnabled()


def test_no_result_leaves_the_cursor_in_the_search(
    qtbot: QtBot, demo_ws: Workspace, prompts
) -> None:
    window = _window(qtbot, demo_ws, prompts)
    page = window.roster
    page.focus_search()
    qtbot.keyClicks(page.search, "khong co ai ten nay")
    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    assert page.model.rowCount() == 0
    assert window.focusWidget() is page.search


def test_enter_on_a_row_opens_it(qtbot: QtBot, demo_ws: Workspace, prompts) -> None:
    window = _window(qtbot, demo_ws, prompts)
    page = window.roster
    opened: list[str | None] = []

    def script(dialog: QDialog) -> None:
        opened.append(getattr(dialog, "member_id", None))

    prompts.dialog_script = script
    page.focus_search()
    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert opened == [page.model.member_id(0)]


def test_after_a_deletion_the_next_row_is_selected_and_undo_selects_it_back(
    qtbot: QtBot, demo_ws: Workspace, prompts
) -> None:
    window = _window(qtbot, demo_ws, prompts)
    page = window.roster
    prompts.answer = True
    ids = list(page.model.ids)
    page.select_row(4)
    page.delete_button.click()
    assert page.selected_ids() == [ids[5]]
    assert window.focusWidget() is page.table
    assert page.edit_button.isEnabled() and page.delete_button.isEnabled()

    qtbot.keyClick(page.table, Qt.Key.Key_Delete)  # Delete works on at once
    assert page.selected_ids() == [ids[6]]
    assert demo_ws.members.count() == 298

    window.undo_action.trigger()  # brings back ids[5]: selected
    assert page.selected_ids() == [ids[5]]
    window.undo_action.trigger()
    assert page.selected_ids() == [ids[4]]
    assert list(page.model.ids) == ids
    window.redo_action.trigger()  # deleted again: the next row
    assert page.selected_ids() == [ids[5]]


def test_deleting_the_last_row_selects_the_one_before(
    qtbot: QtBot, demo_ws: Workspace, prompts
) -> None:
    window = _window(qtbot, demo_ws, prompts)
    page = window.roster
    prompts.answer = True
    ids = list(page.model.ids)
    _select(page, len(ids) - 2, len(ids) - 1)
    page.delete_action.trigger()
    assert page.selected_ids() == [ids[-3]]


def test_undo_of_several_deletions_selects_every_row_brought_back(
    qtbot: QtBot, demo_ws: Workspace, prompts
) -> None:
    window = _window(qtbot, demo_ws, prompts)
    page = window.roster
    prompts.answer = True
    ids = list(page.model.ids)
    _select(page, 2, 3, 7)
    page.delete_action.trigger()
    assert page.selected_ids() == [ids[4]]  # the first row after the first one deleted
    window.undo_action.trigger()
    assert page.selected_ids() == [ids[2], ids[3], ids[7]]
    assert page.current_row() == 2
    assert page.delete_button.isEnabled() and not page.edit_button.isEnabled()


def test_restored_rows_the_filters_hide_are_not_selected(
    qtbot: QtBot, demo_ws: Workspace, prompts
) -> None:
    window = _window(qtbot, demo_ws, prompts)
    page = window.roster
    prompts.answer = True
    page.select_row(0)
    deleted = page.selected_ids()
    page.delete_button.click()
    page.search.setText("khong co ai ten nay")
    page.apply_filter()
    window.undo_action.trigger()
    assert page.model.rowCount() == 0 and page.selected_ids() == []
    assert demo_ws.members.get(deleted[0]) is not None


def test_the_buttons_name_their_keys_and_the_keys_do_what_they_do(
    qtbot: QtBot, demo_ws: Workspace, prompts
) -> None:
    """The buttons "Thêm", "Sửa" and "Xóa" say their keys when pointed at, as "Nhập Excel…"; and
    each key does what its button does: Ctrl+N adds, Enter on a row opens it, Delete asks to
    delete the rows chosen."""
    window = _window(qtbot, demo_ws, prompts)
    page = window.roster
    assert page.add_button.toolTip() == "Thêm một đoàn viên (Ctrl+N)"
    assert page.edit_button.toolTip() == "Sửa thông tin đoàn viên đang chọn (Enter)"
    assert page.delete_button.toolTip() == "Xóa các đoàn viên đang chọn (Delete)"
    opened: list[tuple[str, str | None]] = []

    def script(dialog: QDialog) -> None:
        opened.append((dialog.windowTitle(), getattr(dialog, "member_id", None)))

    prompts.dialog_script = script
    prompts.answer = False
    page.select_row(0)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    first = page.model.member_row(0)
    assert first is not None
    assert opened == [("Thêm đoàn viên", None), ("Sửa thông tin đoàn viên", first.id)]
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert prompts.asked[-1].startswith(f"Xóa đoàn viên {first.full_name}?")


def test_tab_into_the_list_chooses_the_row_it_shows_as_current(
    qtbot: QtBot, demo_ws: Workspace, prompts
) -> None:
    """Tab from the last button into the list marks its first row as the current one; that row
    is chosen too, so Enter opens it and "Sửa" and "Xóa" act on it, as they would on a row
    clicked."""
    window = _window(qtbot, demo_ws, prompts)
    page = window.roster
    opened: list[str | None] = []

    def script(dialog: QDialog) -> None:
        opened.append(getattr(dialog, "member_id", None))

    prompts.dialog_script = script
    [button] = [b for b in page.findChildren(QPushButton) if b.text() == "In danh sách…"]
    button.setFocus()
    qtbot.waitUntil(lambda: window.focusWidget() is button)
    qtbot.keyClick(button, Qt.Key.Key_Tab)
    assert window.focusWidget() is page.table
    assert page.current_row() == 0
    assert page.selected_ids() == [page.model.member_id(0)]
    assert page.edit_button.isEnabled() and page.delete_button.isEnabled()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert opened == [page.model.member_id(0)]
