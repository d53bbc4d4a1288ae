"""The one-answer picker ("Chuyển chi đoàn…", "Gộp vào…"): chosen by typing without tones, agreed
to with Alt+N."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QDialog, QLabel
from pytestqt.qtbot import QtBot

from active_window import shown_active
from doancoso.ui.common.choice_dialog import ChoiceDialog
from mnemonics import press_alt

BRANCHES = ["Chi đoàn ấp Bình Hòa", "Chi đoàn ấp Tân Thành", "Chi đoàn ấp Thạnh Lợi"]


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_typing_a_name_without_tones_picks_it(qtbot: QtBot) -> None:
    dialog = ChoiceDialog(None, "Chuyển chi đoàn", "Chuyển 2 đoàn viên sang chi đoàn:", BRANCHES)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.combo, "tan thanh")
    assert dialog.combo.currentText() == "Chi đoàn ấp Tân Thành"
    assert dialog.chosen() == 1 and dialog.ok_button.isEnabled()


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_a_first_letter_with_nothing_picked_picks_the_first_item_so(qtbot: QtBot) -> None:
    """With nothing picked yet, "c" picks the first chi đoàn, not the second (the search went
    on from the first item, as from one picked)."""
    dialog = ChoiceDialog(None, "Chuyển chi đoàn", "Chuyển 2 đoàn viên sang chi đoàn:", BRANCHES)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.chosen() is None
    qtbot.keyClicks(dialog.combo, "c")
    assert dialog.combo.currentText() == "Chi đoàn ấp Bình Hòa"


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_an_ampersand_in_the_question_is_shown(qtbot: QtBot) -> None:
    """A chi đoàn named "Tân & Phú" is named whole in "Gộp … vào chi đoàn:" (the "&" was taken
    as an Alt letter, hidden, and the space after it underlined), and the list is named by the
    question for a screen reader."""
    question = "Gộp “Chi đoàn ấp Tân & Phú” vào chi đoàn:"
    dialog = ChoiceDialog(None, "Gộp chi đoàn", question, BRANCHES)
    qtbot.addWidget(dialog)
    dialog.show()
    (caption,) = dialog.findChildren(QLabel)
    shown = QAccessible.queryAccessibleInterface(caption)
    assert shown is not None and shown.text(QAccessible.Text.Name) == question
    assert dialog.combo.accessibleName() == question


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_alt_n_agrees_and_alt_h_cancels(qtbot: QtBot) -> None:
    """ "Đồ&ng ý" (Alt+N) takes the chi đoàn picked; "&Hủy" (Alt+H) picks nothing."""
    dialog = shown_active(qtbot, ChoiceDialog(None, "Chuyển chi đoàn", "Sang chi đoàn:", BRANCHES))
    qtbot.keyClicks(dialog.combo, "thanh loi")
    press_alt(qtbot, Qt.Key.Key_N)
    qtbot.waitUntil(lambda: not dialog.isVisible())  # (a letter's click comes a moment after)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.chosen() == 2

    again = shown_active(qtbot, ChoiceDialog(None, "Chuyển chi đoàn", "Sang chi đoàn:", BRANCHES))
    qtbot.keyClicks(again.combo, "tan thanh")
    press_alt(qtbot, Qt.Key.Key_H)
    qtbot.waitUntil(lambda: not again.isVisible())
    assert again.result() == QDialog.DialogCode.Rejected
