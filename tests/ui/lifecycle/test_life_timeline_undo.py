"""Undo and redo (Ctrl+Z, Ctrl+Y) of events recorded or deleted in the member form's "Quá
trình" tab, on the main window's one undo history, as "Ghi sự kiện…" of the roster is: named
in the "Sửa" menu and the status bar, refused when the member's history changed since."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from active_window import active_window, press_ctrl
from doancoso.core.workspace import Workspace
from doancoso.ui.lifecycle.event_dialog import EventDialog
from doancoso.ui.roster.member_form import MemberFormDialog
from doancoso.ui.shell.main_window import MainWindow
from scripted import ScriptedPrompts

from .conftest import AddMember

# The window is shown (shortcuts need an active window): the offscreen platform warns.
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

ADMITTED = "Ghi “Kết nạp Đoàn” cho đoàn viên Lê Thị Hoa"
DELETED = "Xóa “Kết nạp Đoàn” ngày 26/03/2018 của đoàn viên Lê Thị Hoa"
FormStep = Callable[[MemberFormDialog], None]


def _in_form(window: MainWindow, prompts: ScriptedPrompts, member_id: str, *steps: FormStep,
             event: Callable[[EventDialog], None] | None = None) -> None:  # fmt: skip
    """Open the member's form from the roster ("Sửa"), take ``steps`` in it (``event`` fills
    the event dialog that a step opens), then close it unless a step saved it."""

    def script(dialog: QDialog) -> None:
        if isinstance(dialog, EventDialog):
            assert event is not None
            event(dialog)
            return
        assert isinstance(dialog, MemberFormDialog)
        for step in steps:
            step(dialog)
        if dialog.saved_id is None:
            dialog.reject()

    prompts.dialog_script = script
    window.roster.select_member(member_id)
    window.roster.edit_action.trigger()
    prompts.dialog_script = None


def _record(form: MemberFormDialog) -> None:
    assert form.timeline is not None
    form.timeline.record_button.click()


def _delete_first(form: MemberFormDialog) -> None:
    assert form.timeline is not None
    form.timeline.select_row(0)
    form.timeline.delete_button.click()


def _admission(dialog: EventDialog) -> None:
    dialog.set_kind("admission")
    dialog.set_value("date", "26/03/2018")
    dialog.set_value("number", "40-QĐ/ĐTN")
    dialog.set_value("place", "Chi đoàn ấp Tân Phú")
    dialog.save_button.click()


def _admission_fields(ws: Workspace, member_id: str) -> tuple[object, ...]:
    fields = ws.members.get(member_id).fields
    return fields.admission_date, fields.admission_place, fields.admission_decision


ADMISSION = (date(2018, 3, 26), "Chi đoàn ấp Tân Phú", "40-QĐ/ĐTN")


def test_an_event_recorded_in_the_tab_is_undone_and_redone(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: AddMember
) -> None:
    hoa = add_member("Lê Thị Hoa", "05/03/2000")
    window = active_window(qtbot, ws, prompts)
    _in_form(window, prompts, hoa, _record, event=_admission)
    assert _admission_fields(ws, hoa) == ADMISSION
    assert window.undo_action.text() == f"&Hoàn tác: {ADMITTED}"
    assert window.statusBar().currentMessage() == (
        "Đã ghi “Kết nạp Đoàn” cho Lê Thị Hoa — bấm Hoàn tác (Ctrl+Z) để xóa sự kiện vừa ghi."
    )

    press_ctrl(qtbot, window, Qt.Key.Key_Z)
    assert ws.events.history(hoa) == []
    assert _admission_fields(ws, hoa) == (None, None, None)
    assert window.statusBar().currentMessage() == f"Đã hoàn tác: {ADMITTED}."
    assert window.redo_action.text() == f"&Làm lại: {ADMITTED}"

    press_ctrl(qtbot, window, Qt.Key.Key_Y)
    assert [e.kind for e in ws.events.history(hoa)] == ["admission"]
    assert _admission_fields(ws, hoa) == ADMISSION
    assert window.statusBar().currentMessage() == f"Đã làm lại: {ADMITTED}."
    assert prompts.errors == []


def test_an_event_deleted_in_the_tab_is_undone_and_redone(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: AddMember
) -> None:
    hoa = add_member("Lê Thị Hoa", "05/03/2000")
    ws.events.record(hoa, "admission", "26/03/2018", "40-QĐ/ĐTN", place="Chi đoàn ấp Tân Phú")
    window = active_window(qtbot, ws, prompts)
    shown: list[tuple[str, ...]] = []

    def read_fields(form: MemberFormDialog) -> None:
        names = ("admission_date", "admission_place", "admission_decision")
        shown.append(tuple(form.raw()[name] for name in names))

    _in_form(window, prompts, hoa, read_fields, _delete_first, read_fields)
    assert shown == [("26/03/2018", "Chi đoàn ấp Tân Phú", "40-QĐ/ĐTN"), ("", "", "")]
    assert ws.events.history(hoa) == []
    assert _admission_fields(ws, hoa) == (None, None, None)
    assert window.undo_action.text() == f"&Hoàn tác: {DELETED}"
    assert window.statusBar().currentMessage() == (
        "Đã xóa “Kết nạp Đoàn” ngày 26/03/2018 của Lê Thị Hoa — bấm Hoàn tác (Ctrl+Z) để lấy lại."
    )

    press_ctrl(qtbot, window, Qt.Key.Key_Z)
    assert [(e.kind, e.number) for e in ws.events.history(hoa)] == [("admission", "40-QĐ/ĐTN")]
    assert _admission_fields(ws, hoa) == ADMISSION
    assert window.statusBar().currentMessage() == f"Đã hoàn tác: {DELETED}."
    assert ws.check().problems == []

    press_ctrl(qtbot, window, Qt.Key.Key_Y)
    assert ws.events.history(hoa) == []
    assert _admission_fields(ws, hoa) == (None, None, None)
    assert window.statusBar().currentMessage() == f"Đã làm lại: {DELETED}."
    assert prompts.errors == []


def test_undoing_a_deletion_is_refused_after_another_event(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: AddMember
) -> None:
    hoa = add_member("Lê Thị Hoa", "05/03/2000")
    ws.events.record(hoa, "admission", "26/03/2018", "40-QĐ/ĐTN", place="Chi đoàn ấp Tân Phú")
    window = active_window(qtbot, ws, prompts)
    _in_form(window, prompts, hoa, _delete_first)
    # Another admission, recorded elsewhere (the command line): not on this window's history.
    ws.events.record(hoa, "admission", "02/09/2018", "52-QĐ/ĐTN")
    press_ctrl(qtbot, window, Qt.Key.Key_Z)
    assert prompts.errors == [
        "Quá trình của đoàn viên Lê Thị Hoa đã thay đổi sau khi xóa “Kết nạp Đoàn” (sự kiện "
        "khác được ghi hoặc xóa, hoặc thông tin vào Đoàn, vào Đảng được sửa): giữ nguyên, không "
        "khôi phục sự kiện đã xóa, để không làm sai quá trình."
    ]
    assert [e.number for e in ws.events.history(hoa)] == ["52-QĐ/ĐTN"]
    assert window.statusBar().currentMessage() == "Không hoàn tác được."
    assert window.history.count() == 0  # dropped: no redo either


def test_an_event_recorded_then_deleted_in_the_tab_takes_two_undos(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: AddMember
) -> None:
    """Each step is one command, undone last first: the deletion, then the recording."""
    hoa = add_member("Lê Thị Hoa", "05/03/2000")
    window = active_window(qtbot, ws, prompts)
    _in_form(window, prompts, hoa, _record, _delete_first, event=_admission)
    assert ws.events.history(hoa) == []
    assert window.history.count() == 2

    press_ctrl(qtbot, window, Qt.Key.Key_Z)
    assert _admission_fields(ws, hoa) == ADMISSION
    assert window.undo_action.text() == f"&Hoàn tác: {ADMITTED}"
    press_ctrl(qtbot, window, Qt.Key.Key_Z)
    assert prompts.errors == []
    assert ws.events.history(hoa) == []
    assert _admission_fields(ws, hoa) == (None, None, None)
    assert window.statusBar().currentMessage() == f"Đã hoàn tác: {ADMITTED}."
    press_ctrl(qtbot, window, Qt.Key.Key_Y)
    press_ctrl(qtbot, window, Qt.Key.Key_Y)
    assert prompts.errors == []
    assert ws.events.history(hoa) == []
    assert window.statusBar().currentMessage() == f"Đã làm lại: {DELETED}."


def test_an_event_recorded_in_the_tab_is_undone_after_the_form_saved_since(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: AddMember
) -> None:
    hoa = add_member("Lê Thị Hoa", "05/03/2000", phone="0912345678")
    window = active_window(qtbot, ws, prompts)

    def new_phone_saved(form: MemberFormDialog) -> None:
        form.set_value("phone", "0987654321")
        form.save_button.click()

    _in_form(window, prompts, hoa, _record, new_phone_saved, event=_admission)
    assert ws.members.get(hoa).fields.phone == "0987654321"
    assert window.undo_action.text() == "&Hoàn tác: Sửa thông tin đoàn viên Lê Thị Hoa"
    press_ctrl(qtbot, window, Qt.Key.Key_Z)
    assert ws.members.get(hoa).fields.phone == "0912345678"
    assert _admission_fields(ws, hoa) == ADMISSION
    assert window.undo_action.text() == f"&Hoàn tác: {ADMITTED}"
    press_ctrl(qtbot, window, Qt.Key.Key_Z)
    assert prompts.errors == []
    assert ws.events.history(hoa) == []
    assert _admission_fields(ws, hoa) == (None, None, None)
