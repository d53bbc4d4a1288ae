"""Choosing in a list by typing its words without tones, as a secretary types who has no
Vietnamese keyboard on (or types fast): "nu" is "Nữ", "chuyen sinh hoat di" is "Chuyển sinh
hoạt đi". Qt's own search compares the letters as typed: "nu" left "Nam" chosen, and the
member was saved as a man; "chuyen sinh hoat di" stopped at "Chuyển sinh hoạt đến"."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox
from pytestqt.qtbot import QtBot

from active_window import active_window
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
    return QApplication.keyboardInputInterval() + 100


def test_a_chi_doan_chosen_by_the_name_of_its_hamlet(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts
) -> None:
    """Every chi đoàn's name starts "Chi đoàn ấp…": typed from its start, a name was chosen only
    after ten letters. A search that starts no item finds the items with a word starting so."""
    for name in ("Chi đoàn ấp Tân Hưng", "Chi đoàn ấp Tân Thành", "Chi đoàn ấp Kênh Xáng"):
        ws.branches.create(name)
    thanh = ws.members.save({"full_name": "Lê Văn Tám", "birth_date": "01/01/2000",
                             "branch_id": ws.branches.list()[2].id})  # fmt: skip
    ws.members.save({"full_name": "Trần Thị Bé", "birth_date": "01/01/2001"})
    window = active_window(qtbot, ws, prompts)
    roster = window.roster
    qtbot.keyClick(window, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)
    qtbot.keyRelease(window, Qt.Key.Key_Alt)
    assert QApplication.focusWidget() is roster.branch_combo
    qtbot.keyClicks(roster.branch_combo, "tan thanh")
    assert roster.branch_combo.currentText() == "Chi đoàn ấp Tân Thành"
    assert [roster.model.member_id(row) for row in range(roster.model.rowCount())] == [thanh]
    qtbot.wait(qtbot_interval())
    assert _typed(qtbot, roster.branch_combo, "tat") == "Tất cả chi đoàn"  # its start first
