"""The checklist on the keyboard alone: what is typed into an item's note goes after what is
written there; Enter on an item of the tree leads to its self-assessment."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.recognition.page import RecognitionPage

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _note(ws: Workspace, code: str) -> str | None:
    return next(v for v in ws.recognition.view(2025).items if v.item.code == code).note


def test_typing_in_a_note_reached_by_tab_adds_after_what_is_written(
    ws: Workspace, make_page: Callable[[], RecognitionPage], qtbot: QtBot
) -> None:
    """Tab into "Những việc đã làm" and type: the words go after the note already written
    (not before its first word, where they were saved and printed in the dossier glued to it);
    switching items, the next item's note is continued at its end too."""
    ws.recognition.open(2025)
    ws.recognition.set(2025, "1.5", {"note": "Lập nhóm Zalo cho từng chi đoàn."})
    ws.recognition.set(2025, "1.6", {"note": "Sổ theo dõi cập nhật theo ấp."})
    page = make_page()
    page.window().activateWindow()
    page.select_item("1.5")
    panel = page.item_panel
    panel.status_buttons["chua-danh-gia"].setFocus()
    qtbot.waitUntil(panel.status_buttons["chua-danh-gia"].hasFocus)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is panel.note
    qtbot.keyClicks(panel.note, " Ho tro 5 ap.")
    qtbot.keyClick(panel.note, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is panel.save_button
    qtbot.keyClick(panel.save_button, Qt.Key.Key_Space)
    assert _note(ws, "1.5") == "Lập nhóm Zalo cho từng chi đoàn. Ho tro 5 ap."
    page.select_item("1.6")
    panel.note.setFocus()
    qtbot.keyClicks(panel.note, " Moi quy.")
    assert panel.note.toPlainText() == "Sổ theo dõi cập nhật theo ấp. Moi quy."


def test_enter_on_an_item_of_the_tree_goes_to_its_self_assessment(
    ws: Workspace, make_page: Callable[[], RecognitionPage], qtbot: QtBot
) -> None:
    """↓ to an item, Enter: the keyboard is on its self-assessment as it stands ("Chưa đạt"),
    where ← ticks "Đạt" (saved at once); Enter on a criterion's row leaves it in the tree."""
    ws.recognition.open(2025)
    ws.recognition.set(2025, "1.3", {"status": "chua-dat"})
    page = make_page()
    page.window().activateWindow()
    page.select_item("1.2")
    page.tree.setFocus()
    qtbot.waitUntil(page.tree.hasFocus)
    qtbot.keyClick(page.tree, Qt.Key.Key_Down)
    qtbot.keyClick(page.tree, Qt.Key.Key_Return)
    buttons = page.item_panel.status_buttons
    assert QApplication.focusWidget() is buttons["chua-dat"]
    qtbot.keyClick(buttons["chua-dat"], Qt.Key.Key_Left)
    assert QApplication.focusWidget() is buttons["dat"]
    assert next(v for v in ws.recognition.view(2025).items if v.item.code == "1.3").status == "dat"
    page.tree.setFocus()
    qtbot.waitUntil(page.tree.hasFocus)
    page.tree.setCurrentIndex(page.model.index(1, 0))  # "Tiêu chí 2…"
    qtbot.keyClick(page.tree, Qt.Key.Key_Enter)
    assert QApplication.focusWidget() is page.tree


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter], ids=["Enter", "keypad"])
def test_enter_in_the_criteria_choice_opens_the_year(
    ws: Workspace, make_page: Callable[[], RecognitionPage], qtbot: QtBot, key: Qt.Key
) -> None:
    """A year not yet opened: Enter in "Bộ tiêu &chí" (Alt+C) opens the year's checklist on the
    criteria chosen, as "&Mở bảng tự đánh giá năm …", drawn as the default button, promises.
    Qt presses a default button on Enter only in a dialog: Enter there did nothing."""
    page = make_page()
    with qtbot.wait_active(page):
        page.activateWindow()
    panel = page.open_panel
    assert panel.open_button.isDefault()
    panel.choice.setFocus()
    qtbot.waitUntil(panel.choice.hasFocus)
    qtbot.keyClick(panel.choice, key)
    assert ws.recognition.years() == [2025]
    assert page.checklist_stack.currentIndex() == 1
