"""Events refused for their date, through the dialogs: the message names the later event they
must follow and both dates; a Party member cannot be introduced to the Party again."""

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


def test_a_party_member_is_not_offered_an_introduction_to_the_party(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: AddMember
) -> None:
    an = add_member("Trần Công An", "01/01/2000")
    ws.events.record(an, "admission", "11/01/2018")
    ws.events.record(an, "party_admission", "01/06/2024")
    dialog = _dialog(qtbot, ws, an, prompts)
    model = dialog.kind_combo.model()
    assert isinstance(model, QStandardItemModel)
    item = model.item(dialog.kind_combo.findData("party_introduction"))
    assert not item.isEnabled()
    assert item.toolTip() == (
        "Đoàn viên Trần Công An đã vào Đảng ngày 01/06/2024: không thể ghi nhận “Giới thiệu "
        "đoàn viên ưu tú cho Đảng”."
    )


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
