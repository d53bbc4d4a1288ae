"""A Quê quán longer than its column takes, typed in the member form, is refused under its
field with its length, and nothing is saved (``storage.lengths``): the app never stores what its
own bundle would refuse."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.roster.member_form import MemberFormDialog
from scripted import ScriptedPrompts, synchronous_core


def test_a_hometown_too_long_is_refused_under_its_field(qtbot: QtBot, ws: Workspace) -> None:
    dialog = MemberFormDialog(synchronous_core(ws, ScriptedPrompts()), None)
    qtbot.addWidget(dialog)
    dialog.set_value("full_name", "Trần Văn Bảy")
    dialog.set_value("birth_date", "05/03/2001")
    dialog.set_value("hometown", "Ấp Tân Hòa, " * 25 + "x")  # 301 characters
    dialog.save_button.click()
    assert dialog.errors.messages() == {
        "hometown": "Quê quán dài 301 ký tự, quá 300 ký tự cho phép."
    }
    assert dialog.saved_id is None and ws.members.count() == 0


def test_typing_stops_at_the_column_s_length(qtbot: QtBot, ws: Workspace) -> None:
    """Số thẻ đoàn viên takes 50 characters: the 51st typed is not taken."""
    dialog = MemberFormDialog(synchronous_core(ws, ScriptedPrompts()), None)
    qtbot.addWidget(dialog)
    card = dialog.editors["card_number"]
    assert isinstance(card, QLineEdit)
    qtbot.keyClicks(card, "1234567890" * 5 + "12345")
    assert card.text() == "1234567890" * 5


def test_a_cccd_typed_with_spaces_is_not_cut(qtbot: QtBot, ws: Workspace) -> None:
    """A CCCD is stored as its 12 digits: typed with spaces it is longer, and taken whole."""
    dialog = MemberFormDialog(synchronous_core(ws, ScriptedPrompts()), None)
    qtbot.addWidget(dialog)
    national_id = dialog.editors["national_id"]
    assert isinstance(national_id, QLineEdit)
    qtbot.keyClicks(national_id, "079 123 456 789")
    assert national_id.text() == "079 123 456 789"


def test_a_longer_hometown_stored_by_an_older_version_loads_whole(
    qtbot: QtBot, ws: Workspace
) -> None:
    """An older version stored a Quê quán of 320 characters: the form shows it whole, typing
    adds nothing to it, the rest of the record is saved with it as it was, and it is refused
    under its field only once it is typed again."""
    member_id = ws.members.save({"full_name": "Trần Văn Bảy", "birth_date": "05/03/2001"})
    long_text = "Ấp Tân Hòa, " * 26 + "xã Tân Hưng"  # 323 characters
    with ws.db.transaction() as session:  # as the older version wrote it: past any check
        session.connection().exec_driver_sql(
            "UPDATE members SET hometown = ? WHERE id = ?", (long_text, member_id)
        )
    core = synchronous_core(ws, ScriptedPrompts())
    dialog = MemberFormDialog(core, member_id)
    qtbot.addWidget(dialog)
    dialog.set_value("occupation", "Nuôi tôm")
    dialog.save_button.click()
    assert dialog.saved_id == member_id
    saved = ws.members.get(member_id).fields
    assert (saved.occupation, saved.hometown) == ("Nuôi tôm", long_text)

    dialog = MemberFormDialog(core, member_id)
    qtbot.addWidget(dialog)
    hometown = dialog.editors["hometown"]
    assert isinstance(hometown, QLineEdit)
    assert hometown.text() == long_text
    hometown.end(False)
    qtbot.keyClicks(hometown, "x")
    assert hometown.text() == long_text
    qtbot.keyClick(hometown, Qt.Key.Key_Backspace)  # typed again: 322 characters
    dialog.save_button.click()
    assert dialog.errors.messages() == {
        "hometown": "Quê quán dài 322 ký tự, quá 300 ký tự cho phép."
    }
    assert ws.members.get(member_id).fields.hometown == long_text
