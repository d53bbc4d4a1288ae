"""Undo and redo of recorded events (Ctrl+Z, Ctrl+Y) on a real workspace: one event recorded
with "Ghi sự kiện…", and a coming of age confirmed for a list, each one command; refused when
a member's history changed since; the last action is the one undone."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from active_window import active_window, press_ctrl
from doancoso.core.workspace import Workspace
from doancoso.ui.lifecycle.coming_of_age import ComingOfAgeDialog
from doancoso.ui.lifecycle.event_dialog import EventDialog
from doancoso.ui.lifecycle.temporary_stays import TemporaryStaysDialog
from doancoso.ui.roster.member_table import COLUMNS
from doancoso.ui.shell.main_window import MainWindow
from doancoso.ui.shell.operations import Core
from doancoso.ui.shell.undo import UndoHistory
from scripted import ScriptedPrompts

from .conftest import AddMember

# The window is shown (shortcuts need an active window): the offscreen platform warns.
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

STATUS = [header for header, _, _ in COLUMNS].index("Trạng thái")
PHONE = [header for header, _, _ in COLUMNS].index("Điện thoại")
TRANSFER = "Ghi “Chuyển sinh hoạt đi” cho đoàn viên Trần Công An"
MATURED = "Ghi nhận trưởng thành Đoàn cho 4 đoàn viên"


def _record(window: MainWindow, prompts: ScriptedPrompts, member_id: str, kind: str,
            date: str, **values: str) -> None:  # fmt: skip
    """Record an event for the member with the roster's "Ghi sự kiện…"."""

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, EventDialog)
        dialog.set_kind(kind)
        dialog.set_value("date", date)
        for name, value in values.items():
            dialog.set_value(name, value)
        dialog.save_button.click()

    prompts.dialog_script = fill
    window.roster.select_member(member_id)
    window.roster.event_button.click()
    prompts.dialog_script = None


def _shown(window: MainWindow, member_id: str, column: int = STATUS) -> str | None:
    """The member's cell in the roster, None when the roster does not list them."""
    model = window.roster.model
    row = model.row_of(member_id)
    return None if row is None else model.data(model.index(row, column))


def _status(ws: Workspace, member_id: str) -> str:
    return ws.members.get(member_id).fields.status


def test_ctrl_z_takes_back_a_recorded_event_and_ctrl_y_records_it_again(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: AddMember
) -> None:
    an = add_member("Trần Công An", "01/01/2000", branch="Chi đoàn ấp Tân Phú")
    window = active_window(qtbot, ws, prompts)
    messages: list[str] = []
    window.roster.status_message.connect(messages.append)
    assert _shown(window, an) == "Đang sinh hoạt"
    _record(window, prompts, an, "transfer_out", "15/03/2025",
            other_organization="Đoàn xã Tân Lộc")  # fmt: skip
    assert _status(ws, an) == "transferred_out"
    assert _shown(window, an) is None  # left the active roster
    assert messages == [
        "Đã ghi “Chuyển sinh hoạt đi” cho Trần Công An — bấm Hoàn tác (Ctrl+Z) để xóa sự kiện "
        "vừa ghi."
    ]
    assert window.undo_action.toolTip() == f"Hoàn tác: {TRANSFER}"

    press_ctrl(qtbot, window, Qt.Key.Key_Z)
    assert _status(ws, an) == "active"
    assert ws.events.history(an) == []
    assert _shown(window, an) == "Đang sinh hoạt"  # back on the roster with the old status
    assert window.statusBar().currentMessage() == f"Đã hoàn tác: {TRANSFER}."
    assert window.redo_action.toolTip() == f"Làm lại: {TRANSFER}"

    press_ctrl(qtbot, window, Qt.Key.Key_Y)
    assert _status(ws, an) == "transferred_out"
    [event] = ws.events.history(an)
    assert (event.kind, event.other_organization) == ("transfer_out", "Đoàn xã Tân Lộc")
    assert _shown(window, an) is None
    assert window.statusBar().currentMessage() == f"Đã làm lại: {TRANSFER}."
    assert prompts.errors == []


def test_undo_refused_after_another_event(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: AddMember
) -> None:
    an = add_member("Trần Công An", "01/01/2000")
    window = active_window(qtbot, ws, prompts)
    _record(window, prompts, an, "discipline", "01/03/2025", level="reprimand")
    # Another event, recorded elsewhere (the command line): not on this window's history.
    ws.events.record(an, "transfer_out", "01/06/2025", other_organization="Đoàn xã Tân Lộc")
    press_ctrl(qtbot, window, Qt.Key.Key_Z)
    assert prompts.errors == [
        "Quá trình của đoàn viên Trần Công An đã thay đổi sau khi ghi “Kỷ luật” (sự kiện khác "
        "được ghi hoặc xóa, hoặc thông tin vào Đoàn, vào Đảng được sửa): giữ nguyên, không xóa "
        "sự kiện, để không làm sai quá trình."
    ]
    assert [e.kind for e in ws.events.history(an)] == ["discipline", "transfer_out"]
    assert window.statusBar().currentMessage() == "Không hoàn tác được."
    assert window.history.count() == 0  # dropped: no redo either


def test_the_walkthrough_an_edit_then_an_event_ctrl_z_undoes_the_event(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: AddMember
) -> None:
    an = add_member("Trần Công An", "01/01/2000", phone="0912345678")

    def change_phone(dialog: QDialog) -> None:
        dialog.set_value("phone", "0987654321")  # type: ignore[attr-defined]
        dialog.save_button.click()  # type: ignore[attr-defined]

    window = active_window(qtbot, ws, prompts)
    prompts.dialog_script = change_phone
    window.roster.select_member(an)
    window.roster.edit_action.trigger()
    _record(window, prompts, an, "transfer_out", "15/03/2025",
            other_organization="Đoàn xã Tân Lộc")  # fmt: skip
    assert window.undo_action.toolTip() == f"Hoàn tác: {TRANSFER}"

    press_ctrl(qtbot, window, Qt.Key.Key_Z)  # the event, not the edit before it
    assert prompts.errors == []
    assert _status(ws, an) == "active"
    assert ws.members.get(an).fields.phone == "0987654321"
    assert window.statusBar().currentMessage() == f"Đã hoàn tác: {TRANSFER}."

    press_ctrl(qtbot, window, Qt.Key.Key_Z)  # then the edit, the member editable again
    assert prompts.errors == []
    assert ws.members.get(an).fields.phone == "0912345678"
    assert _shown(window, an, PHONE) == "0912345678"
    assert window.statusBar().currentMessage() == (
        "Đã hoàn tác: Sửa thông tin đoàn viên Trần Công An."
    )


def _confirm_coming_of_age(window: MainWindow, prompts: ScriptedPrompts) -> None:
    def confirm(dialog: QDialog) -> None:
        assert isinstance(dialog, ComingOfAgeDialog)
        dialog.year_spin.setValue(2025)
        dialog.check_all_button.click()
        dialog.date_edit.setText("15/12/2025")
        dialog.number_edit.setText("20-QĐ/ĐTN")
        dialog.confirm_button.click()

    prompts.dialog_script = confirm
    window.coming_of_age_action.trigger()
    prompts.dialog_script = None


def _cohort(ws: Workspace, add_member: AddMember) -> list[str]:
    """Four members reaching 30 in 2025, one of them with her admission recorded (one here on
    temporary activity would not be listed: her home organisation decides)."""
    ids = [
        add_member(name, "01/01/1995", branch="Chi đoàn ấp Tân Phú")
        for name in ("Lê Thị Hoa", "Trần Văn Bình", "Nguyễn Văn An", "Phạm Văn Cường")
    ]
    ws.events.record(ids[3], "admission", "26/03/2012", "03-QĐ/ĐTN")
    return ids


def test_one_ctrl_z_takes_back_a_coming_of_age_for_many(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: AddMember
) -> None:
    ids = _cohort(ws, add_member)
    window = active_window(qtbot, ws, prompts)
    _confirm_coming_of_age(window, prompts)
    assert {_status(ws, i) for i in ids} == {"matured"}
    assert [_shown(window, i) for i in ids] == [None] * 4
    assert window.undo_action.toolTip() == f"Hoàn tác: {MATURED}"  # the history was kept

    press_ctrl(qtbot, window, Qt.Key.Key_Z)
    assert [_status(ws, i) for i in ids] == ["active"] * 4
    assert [_shown(window, i) for i in ids] == ["Đang sinh hoạt"] * 4
    assert [len(ws.events.history(i)) for i in ids] == [0, 0, 0, 1]
    assert window.statusBar().currentMessage() == f"Đã hoàn tác: {MATURED}."

    press_ctrl(qtbot, window, Qt.Key.Key_Y)
    assert {_status(ws, i) for i in ids} == {"matured"}
    assert [_shown(window, i) for i in ids] == [None] * 4
    assert window.statusBar().currentMessage() == f"Đã làm lại: {MATURED}."
    assert prompts.errors == []


def test_coming_of_age_undo_refused_when_one_had_another_event(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: AddMember
) -> None:
    ids = _cohort(ws, add_member)
    window = active_window(qtbot, ws, prompts)
    _confirm_coming_of_age(window, prompts)
    ws.events.record(ids[1], "party_admission", "20/12/2025")  # elsewhere, since
    press_ctrl(qtbot, window, Qt.Key.Key_Z)
    assert prompts.errors == [
        "Quá trình của đoàn viên Trần Văn Bình đã thay đổi sau khi ghi “Trưởng thành Đoàn” (sự "
        "kiện khác được ghi hoặc xóa, hoặc thông tin vào Đoàn, vào Đảng được sửa): giữ nguyên, "
        "không xóa sự kiện, để không làm sai quá trình."
    ]
    assert {_status(ws, i) for i in ids} == {"matured"}  # nobody taken back
    assert window.history.count() == 0


def test_ending_temporary_stays_is_one_command(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: AddMember
) -> None:
    ids = [add_member(name, "01/01/2000") for name in ("Lê Thị Hoa", "Trần Văn Bình")]
    for member_id in ids:
        ws.events.record(member_id, "temporary", "01/02/2025", home_organization="Đoàn xã Tân Lộc",
                         period_end="30/06/2025")  # fmt: skip
    window = active_window(qtbot, ws, prompts)

    def end(dialog: QDialog) -> None:
        assert isinstance(dialog, TemporaryStaysDialog)
        dialog.check_all_button.click()
        dialog.date_edit.setText("01/07/2025")
        dialog.confirm_button.click()

    prompts.dialog_script = end
    window.temporary_action.trigger()
    assert {_status(ws, i) for i in ids} == {"transferred_out"}
    label = "Kết thúc sinh hoạt tạm cho 2 đoàn viên"
    assert window.undo_action.toolTip() == f"Hoàn tác: {label}"
    press_ctrl(qtbot, window, Qt.Key.Key_Z)
    assert {_status(ws, i) for i in ids} == {"temporary"}
    assert [_shown(window, i) for i in ids] == ["Sinh hoạt tạm"] * 2
    press_ctrl(qtbot, window, Qt.Key.Key_Y)
    assert {_status(ws, i) for i in ids} == {"transferred_out"}
    assert prompts.errors == []


def test_undo_and_redo_on_the_worker_each_check_what_the_last_step_left(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: AddMember
) -> None:
    """With the app's threaded runner the steps run on the worker, one after another: each
    checks the histories the step before left (kept by the step itself, on the worker)."""
    an = add_member("Trần Công An", "01/01/2000")
    core = Core(ws, prompts)  # threaded
    steps: list[object] = []
    core.data_changed.changed.connect(steps.append)  # one per step written
    history = UndoHistory(core)
    history.on_error = lambda message: prompts.error(None, "Không hoàn tác được", message)
    recorded = ws.events.record_undoable(
        an, "transfer_out", "15/03/2025", other_organization="Đoàn xã Tân Lộc"
    )
    history.recorded_events(TRANSFER, recorded)
    for _ in range(2):  # undo, redo, undo, redo, undo: queued at once, each step refused if
        history.undo()  # it checked anything but what the step before it left
        history.redo()
    history.undo()
    qtbot.waitUntil(lambda: len(steps) == 5 or bool(prompts.errors), timeout=5000)
    assert prompts.errors == []
    assert _status(ws, an) == "active" and ws.events.history(an) == []
