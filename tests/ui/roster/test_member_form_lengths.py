"""A Quê quán longer than its column takes, typed in the member form, is refused under its
field with its length, and nothing is saved (``storage.lengths``): the app never stores what its
own bundle would refuse."""

from __future__ import annotations

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
