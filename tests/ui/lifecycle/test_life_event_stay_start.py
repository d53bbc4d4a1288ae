"""A temporary stay's "Sinh hoạt tạm từ ngày" starts on the event's date and follows it while
the secretary has not changed it: the same date is not typed twice."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from doancoso.core.lang.dates import format_vn_date
from doancoso.core.workspace import Workspace
from doancoso.ui.lifecycle.event_dialog import EventDialog
from scripted import ScriptedPrompts, synchronous_core

from .conftest import AddMember


def _dialog(qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, member: str) -> EventDialog:
    dialog = EventDialog(synchronous_core(ws, prompts), member)
    qtbot.addWidget(dialog)
    return dialog


def _start(dialog: EventDialog) -> QLineEdit:
    start = dialog.editors["period_start"]
    assert isinstance(start, QLineEdit)
    return start


def test_the_stay_starts_on_the_events_date_and_follows_it(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: AddMember
) -> None:
    member = add_member("Nguyễn Tấn An", "01/06/2001", branch="Chi đoàn ấp Đất Sét")
    dialog = _dialog(qtbot, ws, prompts, member)
    dialog.set_kind("temporary")
    assert _start(dialog).text() == format_vn_date(date.today())  # the event's date: today
    assert not dialog.is_modified  # nothing typed yet: Esc asks nothing
    dialog.date_edit.clear()
    qtbot.keyClicks(dialog.date_edit, "01/09/2025")
    assert _start(dialog).text() == "01/09/2025"
    dialog.set_value("home_organization", "Đoàn phường 5")
    dialog.set_value("period_end", "28/02/2026")
    dialog.save_button.click()
    assert dialog.errors.messages() == {} and prompts.errors == []
    stay = ws.events.history(member)[-1]
    assert (stay.kind, stay.event_date, stay.period_start) == (
        "temporary", date(2025, 9, 1), date(2025, 9, 1)
    )  # fmt: skip


def test_a_start_the_secretary_typed_stays_when_the_date_changes(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: AddMember
) -> None:
    member = add_member("Nguyễn Tấn An", "01/06/2001")
    dialog = _dialog(qtbot, ws, prompts, member)
    dialog.set_kind("temporary")
    dialog.set_value("date", "01/09/2025")
    start = _start(dialog)
    start.clear()
    qtbot.keyClicks(start, "05/09/2025")
    dialog.set_value("date", "02/09/2025")
    assert start.text() == "05/09/2025"


def test_a_date_typed_for_another_kind_starts_the_stay(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: AddMember
) -> None:
    member = add_member("Nguyễn Tấn An", "01/06/2001")
    dialog = _dialog(qtbot, ws, prompts, member)
    dialog.set_kind("transfer_out")
    dialog.set_value("date", "01/09/2025")
    dialog.set_kind("temporary")
    assert _start(dialog).text() == "01/09/2025"
