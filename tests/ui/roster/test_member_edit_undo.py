"""Undo and redo of a saved edit of a member (Ctrl+Z, Ctrl+Y), on a real workspace: the fields
come back in the database and in the roster; an undo over a later change is refused."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from active_window import active_window, press_ctrl
from doancoso.core.workspace import Workspace
from doancoso.ui.shell.main_window import MainWindow
from scripted import ScriptedPrompts

# The window is shown (shortcuts need an active window): the offscreen platform warns.
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

NAME, PHONE = 1, 8  # columns of the roster table
AN = {"full_name": "Nguyễn Văn An", "birth_date": "12/08/2000", "phone": "0912345678"}


def _edit(window: MainWindow, prompts: ScriptedPrompts, member_id: str, **values: str) -> None:
    """Open the member's form from the roster, change ``values``, save."""

    def change(dialog) -> None:
        for name, value in values.items():
            dialog.set_value(name, value)
        dialog.save_button.click()

    prompts.dialog_script = change
    window.roster.select_member(member_id)
    window.roster.table.setFocus()
    window.roster.edit_action.trigger()
    prompts.dialog_script = None


def _shown(window: MainWindow, member_id: str) -> tuple[str, str]:
    model = window.roster.model
    row = model.row_of(member_id)
    return model.data(model.index(row, NAME)), model.data(model.index(row, PHONE))


def test_ctrl_z_undoes_an_edit_and_ctrl_y_redoes_it(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts
) -> None:
    member_id = ws.members.save(AN)
    window = active_window(qtbot, ws, prompts)
    messages: list[str] = []
    window.roster.status_message.connect(messages.append)
    _edit(window, prompts, member_id, full_name="Nguyễn Văn Ân", phone="0987654321")
    fields = ws.members.get(member_id).fields
    assert (fields.full_name, fields.phone) == ("Nguyễn Văn Ân", "0987654321")
    assert _shown(window, member_id) == ("Nguyễn Văn Ân", "0987654321")
    assert messages == [
        "Đã lưu thông tin đoàn viên Nguyễn Văn Ân — bấm Hoàn tác (Ctrl+Z) để trả lại như trước."
    ]
    assert window.undo_action.isEnabled()
    assert window.undo_action.toolTip() == "Hoàn tác: Sửa thông tin đoàn viên Nguyễn Văn Ân"

    press_ctrl(qtbot, window, Qt.Key.Key_Z)
    fields = ws.members.get(member_id).fields
    assert (fields.full_name, fields.phone) == ("Nguyễn Văn An", "0912345678")
    assert _shown(window, member_id) == ("Nguyễn Văn An", "0912345678")
    assert window.statusBar().currentMessage() == (
        "Đã hoàn tác: Sửa thông tin đoàn viên Nguyễn Văn Ân."
    )
    assert not window.undo_action.isEnabled()
    assert window.redo_action.toolTip() == "Làm lại: Sửa thông tin đoàn viên Nguyễn Văn Ân"

    press_ctrl(qtbot, window, Qt.Key.Key_Y)
    fields = ws.members.get(member_id).fields
    assert (fields.full_name, fields.phone) == ("Nguyễn Văn Ân", "0987654321")
    assert _shown(window, member_id) == ("Nguyễn Văn Ân", "0987654321")
    assert window.undo_action.isEnabled() and not window.redo_action.isEnabled()
    assert (
        window.statusBar().currentMessage() == "Đã làm lại: Sửa thông tin đoàn viên Nguyễn Văn Ân."
    )
    assert prompts.errors == []


def test_undo_over_a_later_change_is_refused(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts
) -> None:
    member_id = ws.members.save(AN)
    window = active_window(qtbot, ws, prompts)
    _edit(window, prompts, member_id, full_name="Nguyễn Văn Ân", phone="0987654321")
    # Edited again elsewhere (the command line while the GUI is open), then Ctrl+Z.
    ws.members.save({**AN, "full_name": "Nguyễn Văn Ấn", "phone": "0911111111"}, member_id)
    revision = ws.members.get(member_id).revision
    press_ctrl(qtbot, window, Qt.Key.Key_Z)
    assert prompts.errors == [
        "Thông tin của đoàn viên Nguyễn Văn Ấn đã được sửa lại sau đó: giữ nguyên như hiện tại "
        "để không ghi đè thay đổi mới hơn."
    ]
    record = ws.members.get(member_id)
    assert (record.fields.full_name, record.fields.phone) == ("Nguyễn Văn Ấn", "0911111111")
    assert record.revision == revision  # nothing written
    assert _shown(window, member_id) == ("Nguyễn Văn Ấn", "0911111111")  # the other change shows
    assert window.statusBar().currentMessage() == "Không hoàn tác được."
    assert window.history.count() == 0  # dropped: no redo either
    assert not window.undo_action.isEnabled() and not window.redo_action.isEnabled()


def test_undo_of_an_edit_of_a_deleted_member_is_refused(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts
) -> None:
    member_id = ws.members.save(AN)
    window = active_window(qtbot, ws, prompts)
    _edit(window, prompts, member_id, phone="0987654321")
    ws.members.delete([member_id])  # elsewhere: not on this window's undo history
    press_ctrl(qtbot, window, Qt.Key.Key_Z)
    assert prompts.errors == ["Không tìm thấy đoàn viên (có thể đã bị xóa)."]
    assert ws.members.count() == 0


def test_edits_then_a_deletion_undo_in_order(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts
) -> None:
    member_id = ws.members.save(AN)
    window = active_window(qtbot, ws, prompts)
    _edit(window, prompts, member_id, phone="0987654321")
    _edit(window, prompts, member_id, full_name="Nguyễn Văn Ân")
    window.roster.select_member(member_id)
    window.roster.delete_selected()
    assert ws.members.count() == 0
    for _ in range(3):
        press_ctrl(qtbot, window, Qt.Key.Key_Z)
    fields = ws.members.get(member_id).fields
    assert (fields.full_name, fields.phone) == ("Nguyễn Văn An", "0912345678")
    assert prompts.errors == []


def test_saving_without_a_change_pushes_nothing(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts
) -> None:
    member_id = ws.members.save(AN)
    window = active_window(qtbot, ws, prompts)
    _edit(window, prompts, member_id)  # "Lưu" with nothing changed
    assert window.history.count() == 0
