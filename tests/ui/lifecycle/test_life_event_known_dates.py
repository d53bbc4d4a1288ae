"""Recording the admission (or the Party admission) of a member whose record already says when
it was: the event dialog starts from the record's date, place and number, not from today.

The event decides the member's dates once recorded: an admission left dated today replaced the
"Ngày vào Đoàn" typed in the form (26/03/2017) with today's, silently."""

from __future__ import annotations

import datetime as dt

from pytestqt.qtbot import QtBot

from doancoso.core.lang.dates import format_vn_date
from doancoso.core.workspace import Workspace
from doancoso.ui.lifecycle.event_dialog import EventDialog
from scripted import ScriptedPrompts, synchronous_core

from .conftest import AddMember


def _today() -> str:
    """Today as the dialog writes it, read when the test runs (a run may cross midnight)."""
    return format_vn_date(dt.date.today())


def _dialog(qtbot: QtBot, ws: Workspace, member_id: str) -> EventDialog:
    dialog = EventDialog(synchronous_core(ws, ScriptedPrompts()), member_id)
    qtbot.addWidget(dialog)
    return dialog


def _typed(dialog: EventDialog) -> tuple[str, str, str]:
    place = dialog.editors["place"]
    return dialog.date_edit.text(), dialog.number_edit.text(), place.text()  # type: ignore[attr-defined]


def test_the_admission_starts_from_the_record(
    qtbot: QtBot, ws: Workspace, add_member: AddMember
) -> None:
    an = add_member(
        "Nguyễn Văn An", "01/01/2000", admission_date="26/03/2017",
        admission_place="Chi đoàn ấp Tân Phú", admission_decision="03-QĐ/ĐTN",
    )  # fmt: skip
    dialog = _dialog(qtbot, ws, an)
    assert dialog.kind == "admission"
    assert _typed(dialog) == ("26/03/2017", "03-QĐ/ĐTN", "Chi đoàn ấp Tân Phú")
    dialog.set_kind("transfer_out")  # another event: today, no number
    assert _typed(dialog)[:2] == (_today(), "")
    dialog.set_kind("admission")
    assert _typed(dialog) == ("26/03/2017", "03-QĐ/ĐTN", "Chi đoàn ấp Tân Phú")
    dialog.save_button.click()
    fields = ws.members.get(an).fields
    assert (fields.admission_date, fields.admission_place, fields.admission_decision) == (
        dt.date(2017, 3, 26), "Chi đoàn ấp Tân Phú", "03-QĐ/ĐTN",
    )  # fmt: skip
    assert [(e.kind, e.event_date, e.number, e.place) for e in ws.events.history(an)] == [
        ("admission", dt.date(2017, 3, 26), "03-QĐ/ĐTN", "Chi đoàn ấp Tân Phú")
    ]


def test_what_the_secretary_typed_stays_when_the_kind_changes(
    qtbot: QtBot, ws: Workspace, add_member: AddMember
) -> None:
    an = add_member("Nguyễn Văn An", "01/01/2000", admission_date="26/03/2017")
    dialog = _dialog(qtbot, ws, an)
    dialog.set_kind("transfer_out")
    dialog.set_value("date", "15/03/2025")
    dialog.set_value("number", "12-QĐ/ĐTN")
    dialog.set_kind("admission")
    assert _typed(dialog)[:2] == ("15/03/2025", "12-QĐ/ĐTN")


def test_the_party_admission_starts_from_the_record(
    qtbot: QtBot, ws: Workspace, add_member: AddMember
) -> None:
    an = add_member("Nguyễn Văn An", "01/01/1998", party_date="19/05/2024")
    ws.events.record(an, "admission", "26/03/2014")
    dialog = _dialog(qtbot, ws, an)
    assert dialog.kind != "party_admission" and dialog.date_edit.text() == _today()
    dialog.set_kind("party_admission")
    assert dialog.date_edit.text() == "19/05/2024"


def test_a_member_without_known_dates_starts_from_today(
    qtbot: QtBot, ws: Workspace, add_member: AddMember
) -> None:
    an = add_member("Nguyễn Văn An", "01/01/2000")
    dialog = _dialog(qtbot, ws, an)
    assert dialog.kind == "admission"
    assert _typed(dialog) == (_today(), "", "")
