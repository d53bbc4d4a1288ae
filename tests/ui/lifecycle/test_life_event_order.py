"""Events refused for their date, through the dialogs: the message names the later event they
must follow and both dates; a Party member is introduced to the Party only before the admission."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QStandardItemModel
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.lifecycle.event_dialog import EventDialog
from doancoso.ui.lifecycle.temporary_stays import TemporaryStaysDialog
from scripted import ScriptedPrompts, synchronous_core

from .conftest import AddMember


def _dialog(qtbot: QtBot, ws: Workspace, member_id: str, prompts: ScriptedPrompts) -> EventDialog:
    dialog = EventDialog(synchronous_core(ws, prompts), member_id)
    qtbot.addWidget(dialog)
    return dialog


def test_a_transfer_in_before_the_transfer_out_says_both_dates(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: AddMember
) -> None:
    an = add_member("Trần Công An", "01/01/2000")
    ws.events.record(an, "admission", "11/01/2018")
    ws.events.record(an, "transfer_out", "20/11/2024", other_organization="Đoàn xã Tân Lộc")
    dialog = _dialog(qtbot, ws, an, prompts)
    dialog.set_kind("transfer_in")
    dialog.set_value("date", "10/11/2024")
    dialog.set_value("other_organization", "Đoàn xã Tân Lộc")
    dialog.save_button.click()
    assert prompts.errors == [
        "Ngày chuyển sinh hoạt đến (10/11/2024) phải sau ngày chuyển đi (20/11/2024)."
    ]
    assert dialog.event_id is None
    assert ws.members.get(an).fields.status == "transferred_out"


def test_a_party_member_is_introduced_to_the_party_before_the_admission(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: AddMember
) -> None:
    an = add_member("Trần Công An", "01/01/2000")
    ws.events.record(an, "admission", "11/01/2018")
    ws.events.record(an, "party_admission", "01/06/2024")
    dialog = _dialog(qtbot, ws, an, prompts)
    model = dialog.kind_combo.model()
    assert isinstance(model, QStandardItemModel)
    item = model.item(dialog.kind_combo.findData("party_introduction"))
    assert item.isEnabled() and item.toolTip() == ""
    dialog.set_kind("party_introduction")
    dialog.set_value("date", "19/08/2024")
    dialog.save_button.click()
    assert prompts.errors == [
        "Ngày giới thiệu cho Đảng (19/08/2024) phải trước ngày vào Đảng (01/06/2024)."
    ]
    assert dialog.event_id is None
    dialog.set_value("date", "15/05/2024")
    dialog.set_value("number", "21-CV/ĐTN")
    dialog.save_button.click()
    assert dialog.event_id is not None
    assert [(e.kind, e.event_date) for e in ws.events.history(an)][1:] == [
        ("party_introduction", date(2024, 5, 15)),
        ("party_admission", date(2024, 6, 1)),
    ]


def test_ending_a_stay_before_it_began_says_both_dates(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: AddMember
) -> None:
    an = add_member("Trần Công An", "01/01/2000")
    ws.events.record(an, "temporary", "05/12/2024", home_organization="Đoàn xã Khánh An",
                     period_start="05/12/2024", period_end="31/05/2025")  # fmt: skip
    dialog = TemporaryStaysDialog(synchronous_core(ws, prompts), today=date(2025, 7, 1))
    qtbot.addWidget(dialog)
    dialog.check_all_button.click()
    dialog.date_edit.setText("01/12/2024")
    dialog.confirm_button.click()
    assert prompts.errors == [
        "Ngày kết thúc sinh hoạt tạm (01/12/2024) phải sau ngày bắt đầu (05/12/2024)."
    ]
    assert dialog.confirmed == 0
    assert ws.members.get(an).fields.status == "temporary"
