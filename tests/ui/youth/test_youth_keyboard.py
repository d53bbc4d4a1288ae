"""The youth register by keyboard, as the roster (they share :mod:`doancoso.ui.common.list_page`):
↓ or Enter in the search box goes to the first result, a deletion selects the next row and its
undo the rows brought back."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from doancoso.ui.youth.page import YouthPage


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
