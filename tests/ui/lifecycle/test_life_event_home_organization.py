"""For a member on temporary activity, the event dialog starts a new stay (the renewal the
"Sinh hoạt tạm" list sends the secretary to record) and a transfer out from the home
organisation of the current stay, instead of an empty required field to look up and retype."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.lifecycle.event_dialog import EventDialog
from scripted import ScriptedPrompts, synchronous_core

from .conftest import AddMember

HOME = "Đoàn phường Dĩ An, Bình Dương"


def _stay(ws: Workspace, add_member: AddMember) -> str:
    member = add_member("Nguyễn Tấn An", "01/06/2001", branch="Chi đoàn ấp Đất Sét")
    ws.events.record(member, "temporary", "01/03/2025", "07-GT/ĐTN", home_organization=HOME,
                     period_start="01/03/2025", period_end="31/08/2025")  # fmt: skip
    return member


def _dialog(qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, member: str) -> EventDialog:
    dialog = EventDialog(synchronous_core(ws, prompts), member)
    qtbot.addWidget(dialog)
    return dialog


def _text(dialog: EventDialog, name: str) -> str:
    return dialog.editors[name].text()  # type: ignore[attr-defined]


def test_a_renewal_and_a_transfer_out_start_from_the_home_organisation(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: AddMember
) -> None:
    member = _stay(ws, add_member)
    dialog = _dialog(qtbot, ws, prompts, member)
    dialog.set_kind("temporary")
    assert _text(dialog, "home_organization") == HOME
    dialog.set_kind("transfer_out")
    assert _text(dialog, "other_organization") == HOME
    dialog.set_kind("transfer_in")  # coming from elsewhere: nothing to assume
    assert _text(dialog, "other_organization") == ""
    dialog.set_kind("temporary")
    dialog.set_value("date", "01/09/2025")
    dialog.set_value("period_start", "01/09/2025")
    dialog.set_value("period_end", "28/02/2026")
    dialog.save_button.click()
    assert dialog.errors.messages() == {} and prompts.errors == []
    renewed = ws.events.history(member)[-1]
    assert (renewed.kind, renewed.home_organization) == ("temporary", HOME)


def test_what_the_secretary_typed_stays_whatever_the_kind(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: AddMember
) -> None:
    member = _stay(ws, add_member)
    dialog = _dialog(qtbot, ws, prompts, member)
    dialog.set_kind("transfer_out")
    dialog.set_value("other_organization", "Đoàn xã Tân Lộc")
    dialog.set_kind("transfer_in")
    dialog.set_kind("transfer_out")
    assert _text(dialog, "other_organization") == "Đoàn xã Tân Lộc"


def test_a_member_of_the_roster_gets_no_home_organisation(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: AddMember
) -> None:
    member = add_member("Trần Văn Bình", "02/02/2001")
    dialog = _dialog(qtbot, ws, prompts, member)
    dialog.set_kind("temporary")
    assert _text(dialog, "home_organization") == ""
    dialog.set_kind("transfer_out")
    assert _text(dialog, "other_organization") == ""
