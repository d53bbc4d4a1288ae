"""The event dialog by the keyboard: Enter in "Nhận xét" or "Ghi chú" makes a new line, and
Ctrl+Enter records the event from there (as from any field), as the activity form does; its
buttons' Alt letters record it or cancel."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.lifecycle.event_dialog import EventDialog
from mnemonics import press_alt
from scripted import ScriptedPrompts, synchronous_core

from .conftest import AddMember

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

CTRL = Qt.KeyboardModifier.ControlModifier


def _shown(qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, member: str) -> EventDialog:
    dialog = EventDialog(synchronous_core(ws, prompts), member)
    qtbot.addWidget(dialog)
    with qtbot.wait_active(dialog):  # shortcuts need an active window
        dialog.show()
        dialog.activateWindow()
    return dialog


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter])
def test_ctrl_enter_in_the_remarks_records_the_transfer_out(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: AddMember, key: Qt.Key
) -> None:
    member = add_member("Trần Công An", "01/06/2001", branch="Chi đoàn ấp Đất Sét")
    dialog = _shown(qtbot, ws, prompts, member)
    dialog.set_kind("transfer_out")
    dialog.set_value("date", "01/09/2025")
    dialog.set_value("other_organization", "Đoàn phường 5")
    remarks = dialog.editors["remarks"]
    assert isinstance(remarks, QPlainTextEdit)
    remarks.setFocus()
    qtbot.keyClicks(remarks, "Hoan thanh tot")
    qtbot.keyClick(remarks, key)  # Enter: a new line, nothing recorded
    qtbot.keyClicks(remarks, "nhiem vu")
    assert dialog.recorded is None and dialog.isVisible()

    qtbot.keyClick(remarks, key, CTRL)

    assert dialog.recorded is not None and not dialog.isVisible()
    event = ws.events.history(member)[-1]
    assert (event.kind, event.other_organization, event.remarks) == (
        "transfer_out", "Đoàn phường 5", "Hoan thanh tot\nnhiem vu"
    )  # fmt: skip


def test_ctrl_enter_in_the_note_records_the_event(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: AddMember
) -> None:
    member = add_member("Trần Công An", "01/06/2001", branch="Chi đoàn ấp Đất Sét")
    dialog = _shown(qtbot, ws, prompts, member)
    dialog.set_kind("party_introduction")
    dialog.set_value("date", "01/09/2025")
    dialog.note_edit.setFocus()
    qtbot.keyClicks(dialog.note_edit, "Khen thuong")
    qtbot.keyClick(dialog.note_edit, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.note_edit, "cap xa")

    qtbot.keyClick(dialog.note_edit, Qt.Key.Key_Return, CTRL)

    assert dialog.recorded is not None and not dialog.isVisible()
    event = ws.events.history(member)[-1]
    assert (event.kind, event.note) == ("party_introduction", "Khen thuong\ncap xa")


def test_ctrl_enter_with_a_message_keeps_the_dialog_open(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: AddMember
) -> None:
    member = add_member("Trần Công An", "01/06/2001", branch="Chi đoàn ấp Đất Sét")
    dialog = _shown(qtbot, ws, prompts, member)
    dialog.set_kind("transfer_out")
    dialog.set_value("date", "01/09/2025")
    remarks = dialog.editors["remarks"]
    remarks.setFocus()
    qtbot.keyClicks(remarks, "Tot")

    qtbot.keyClick(remarks, Qt.Key.Key_Return, CTRL)  # "Chuyển đi đến" left empty

    assert dialog.recorded is None and dialog.isVisible()
    assert "other_organization" in dialog.errors.messages()
    assert [e.kind for e in ws.events.history(member)] == []


def test_alt_g_records_the_event_and_alt_h_cancels(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: AddMember
) -> None:
    """ "&Ghi sự kiện" (Alt+G) records the event; "&Hủy" (Alt+H, as in the app's other forms)
    closes the dialog and records nothing."""
    member = add_member("Trần Công An", "01/06/2001", branch="Chi đoàn ấp Đất Sét")
    before = len(ws.events.history(member))
    dialog = _shown(qtbot, ws, prompts, member)
    dialog.set_kind("transfer_in")
    dialog.set_value("date", "01/09/2025")
    dialog.set_value("other_organization", "Đoàn phường 5")
    dialog.date_edit.setFocus()
    press_alt(qtbot, Qt.Key.Key_H)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert dialog.recorded is None and len(ws.events.history(member)) == before

    again = _shown(qtbot, ws, prompts, member)
    again.set_kind("transfer_in")
    again.set_value("date", "01/09/2025")
    again.set_value("other_organization", "Đoàn phường 5")
    again.date_edit.setFocus()
    press_alt(qtbot, Qt.Key.Key_G)
    qtbot.waitUntil(lambda: not again.isVisible())
    event = ws.events.history(member)[-1]
    assert (event.kind, event.event_date, event.other_organization) == (
        "transfer_in", dt.date(2025, 9, 1), "Đoàn phường 5"
    )  # fmt: skip
