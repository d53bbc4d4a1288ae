"""Esc or "Hủy" on "Ghi sự kiện…": a half-typed event is not thrown away without asking."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QPushButton
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.lifecycle.event_dialog import EventDialog
from scripted import ScriptedPrompts, synchronous_core

from .conftest import AddMember

QUESTION = "Thông tin đã nhập chưa được lưu. Bỏ các thay đổi này?"


def _shown(qtbot: QtBot, ws: Workspace, member_id: str, prompts: ScriptedPrompts) -> EventDialog:
    dialog = EventDialog(synchronous_core(ws, prompts), member_id)
    qtbot.addWidget(dialog)
    with qtbot.wait_exposed(dialog):
        dialog.show()
    return dialog


def _cancel_button(dialog: EventDialog) -> QPushButton:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    (button,) = [b for b in box.buttons() if b.text() == "&Hủy"]
    assert isinstance(button, QPushButton)
    return button


def test_esc_right_after_opening_closes_without_asking(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: AddMember
) -> None:
    an = add_member("Nguyễn Văn An", "01/01/2000")
    dialog = _shown(qtbot, ws, an, prompts)
    dialog.set_kind("transfer_out")  # choosing a kind types nothing
    qtbot.keyClick(dialog.date_edit, Qt.Key.Key_Escape)
    assert prompts.asked == []
    assert not dialog.isVisible()


def test_esc_on_a_typed_note_asks_and_keeps_it_on_no(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: AddMember
) -> None:
    an = add_member("Nguyễn Văn An", "01/01/2000")
    dialog = _shown(qtbot, ws, an, prompts)
    dialog.set_kind("transfer_out")
    dialog.set_value("number", "05-GGT/ĐTN")
    dialog.note_edit.setPlainText("Chuyển theo gia đình")
    prompts.answer = False
    qtbot.keyClick(dialog.note_edit, Qt.Key.Key_Escape)
    assert prompts.asked == [QUESTION]
    assert dialog.isVisible()
    assert dialog.number_edit.text() == "05-GGT/ĐTN"
    assert dialog.note_edit.toPlainText() == "Chuyển theo gia đình"
    assert ws.events.history(an) == []


def test_cancel_on_typed_remarks_asks_and_closes_on_yes(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: AddMember
) -> None:
    an = add_member("Nguyễn Văn An", "01/01/2000")
    dialog = _shown(qtbot, ws, an, prompts)
    dialog.set_kind("transfer_out")
    dialog.set_value("remarks", "Hoàn thành tốt nhiệm vụ")
    _cancel_button(dialog).click()
    assert prompts.asked == [QUESTION]
    assert not dialog.isVisible()
    assert ws.events.history(an) == []


def test_a_date_changed_from_today_asks(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: AddMember
) -> None:
    an = add_member("Nguyễn Văn An", "01/01/2000")
    dialog = _shown(qtbot, ws, an, prompts)
    dialog.set_value("date", "15/03/2025")
    prompts.answer = False
    _cancel_button(dialog).click()
    assert prompts.asked == [QUESTION]
    assert dialog.isVisible()
