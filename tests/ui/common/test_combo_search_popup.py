"""Typing in the open list of a combo box searches as in the closed one: without tones, case or
đ ("nguyen" finds "Nguyễn Thị Hoa", "chi doan 3" finds "Chi đoàn 3"), the word of a name
("tan thanh" finds "Chi đoàn ấp Tân Thành"), spaces within a search kept. Qt's own search of the
open list jumped only by first letter with tones: "n" found "Nam", "nguyen" nothing. Enter then
chooses the row found, as a click would."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox
from pytestqt.qtbot import QtBot

from active_window import active_window
from doancoso.core.workspace import Workspace
from doancoso.ui.common.combo_search import toneless_search
from scripted import ScriptedPrompts

pytestmark = pytest.mark.qt_log_ignore(  # the offscreen platform's, opening a popup
    "propagateSizeHints", "does not support raise", "does not support grabbing the keyboard"
)

NAMES = ["Chi đoàn 1", "Chi đoàn 2", "Chi đoàn 3", "Lê Văn Nam", "Nguyễn Thị Hoa", "Đỗ Văn Đức"]


def _pause(qtbot: QtBot) -> None:
    """A pause longer than the one that ends a search typed in a list."""
    qtbot.wait(QApplication.keyboardInputInterval() + 100)


def _opened(qtbot: QtBot, combo: QComboBox) -> None:
    combo.showPopup()
    qtbot.waitUntil(combo.view().isVisible)


def _highlighted(combo: QComboBox) -> str:
    return combo.view().currentIndex().data()


@pytest.fixture
def combo(qtbot: QtBot) -> QComboBox:
    combo = QComboBox()
    combo.addItems(NAMES)
    toneless_search(combo)
    qtbot.addWidget(combo)
    combo.show()
    qtbot.waitExposed(combo)
    return combo


def test_typing_in_the_open_list_finds_without_tones(qtbot: QtBot, combo: QComboBox) -> None:
    _opened(qtbot, combo)
    view = combo.view()
    qtbot.keyClicks(view, "nguyen")
    assert _highlighted(combo) == "Nguyễn Thị Hoa"
    _pause(qtbot)
    qtbot.keyClicks(view, "chi doan 3")
    assert _highlighted(combo) == "Chi đoàn 3"
    _pause(qtbot)
    qtbot.keyClicks(view, "do")  # đ typed as d
    assert _highlighted(combo) == "Đỗ Văn Đức"
    _pause(qtbot)
    qtbot.keyClicks(view, "hoa")  # a word of the name
    assert _highlighted(combo) == "Nguyễn Thị Hoa"
    _pause(qtbot)
    qtbot.keyClicks(view, "xyz")  # nothing: the row stays
    assert _highlighted(combo) == "Nguyễn Thị Hoa"
    assert combo.currentText() == "Chi đoàn 1"  # nothing chosen before Enter
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert not view.isVisible()
    assert combo.currentText() == "Nguyễn Thị Hoa"


def test_the_same_letter_again_goes_to_the_next_row(qtbot: QtBot, combo: QComboBox) -> None:
    _opened(qtbot, combo)
    view = combo.view()
    qtbot.keyClicks(view, "c")
    assert _highlighted(combo) == "Chi đoàn 2"  # the next from the one chosen, as in Qt
    qtbot.keyClicks(view, "c")
    assert _highlighted(combo) == "Chi đoàn 3"
    _pause(qtbot)
    qtbot.keyClick(view, Qt.Key.Key_Escape)  # closed: the choice unchanged
    assert not view.isVisible()
    assert combo.currentText() == "Chi đoàn 1"


def test_the_roster_chi_doan_chosen_in_its_open_list(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts
) -> None:
    for name in ("Chi đoàn ấp Tân Hưng", "Chi đoàn ấp Tân Thành", "Chi đoàn ấp Kênh Xáng"):
        ws.branches.create(name)
    window = active_window(qtbot, ws, prompts)
    combo = window.roster.branch_combo
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_F4)  # the list opened by keyboard
    qtbot.waitUntil(combo.view().isVisible)
    qtbot.keyClicks(combo.view(), "tan thanh")
    qtbot.keyClick(combo.view(), Qt.Key.Key_Return)
    assert combo.currentText() == "Chi đoàn ấp Tân Thành"
    assert window.roster.model.member_filter.branch_id == combo.currentData()
