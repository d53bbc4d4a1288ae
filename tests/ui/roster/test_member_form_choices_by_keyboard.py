"""Choosing in a list by typing its words without tones, as a secretary types who has no
Vietnamese keyboard on (or types fast): "nu" is "Nữ", "chuyen sinh hoat di" is "Chuyển sinh
hoạt đi". Qt's own search compares the letters as typed: "nu" left "Nam" chosen, and the
member was saved as a man; "chuyen sinh hoat di" stopped at "Chuyển sinh hoạt đến"."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from doancoso.core.roster.service import MemberFilter
from doancoso.core.workspace import Workspace
from doancoso.ui.lifecycle.event_dialog import EventDialog
from doancoso.ui.roster.member_form import MemberFormDialog
from scripted import ScriptedPrompts, synchronous_core

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _typed(qtbot: QtBot, combo: QComboBox, text: str) -> str:
    combo.setFocus()
    qtbot.keyClicks(combo, text)
    return combo.currentText()


def test_nu_typed_in_the_gender_chooses_nu_and_the_member_is_saved_so(
    qtbot: QtBot, ws: Workspace
) -> None:
    dialog = MemberFormDialog(synchronous_core(ws))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    gender = dialog.editors["gender"]
    assert isinstance(gender, QComboBox)
    assert _typed(qtbot, gender, "nu") == "Nữ"
    qtbot.wait(qtbot_interval())  # a pause: the next letters are a new search
    assert _typed(qtbot, gender, "n") == "Nam"
    qtbot.wait(qtbot_interval())
    assert _typed(qtbot, gender, "n") == "Nữ"  # the same letter again: the next one
    dialog.set_value("full_name", "Nguyễn Thị Hoa")
    dialog.set_value("birth_date", "12/03/2001")
    qtbot.keyClick(gender, Qt.Key.Key_Return)
    assert [(m.full_name, m.gender) for m in ws.members.rows(ws.members.ids(MemberFilter()))] == [
        ("Nguyễn Thị Hoa", "female")
    ]


def test_a_kind_of_event_chosen_by_its_words_without_tones(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts
) -> None:
    member_id = ws.members.save({"full_name": "Nguyễn Thị Hoa", "birth_date": "12/03/2001"})
    dialog = EventDialog(synchronous_core(ws, prompts), member_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert _typed(qtbot, dialog.kind_combo, "chuyen sinh hoat di") == "Chuyển sinh hoạt đi"
    assert dialog.kind == "transfer_out"
    qtbot.wait(qtbot_interval())
    assert _typed(qtbot, dialog.kind_combo, "truong thanh") == "Trưởng thành Đoàn"
    qtbot.wait(qtbot_interval())
    assert _typed(qtbot, dialog.kind_combo, "quy") == "Trưởng thành Đoàn"  # none: stays


def qtbot_interval() -> int:
    """A pause longer than the one that ends a search typed in a list (Qt's, in ms)."""
    from PySide6.QtWidgets import QApplication

    return QApplication.keyboardInputInterval() + 100
