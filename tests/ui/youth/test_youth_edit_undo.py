"""Undo and redo of a saved edit of a young person of the register (Ctrl+Z, Ctrl+Y) in the main
window, on a real workspace; an undo over a later change is refused with the core's message."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from active_window import active_window, press_ctrl
from doancoso.core.workspace import Workspace
from doancoso.ui.shell.main_window import MainWindow
from doancoso.ui.youth.page import YouthPage
from scripted import ScriptedPrompts

# The window is shown (shortcuts need an active window): the offscreen platform warns.
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

NAME, PHONE = 1, 11  # columns of the register's table
THUY = {"full_name": "Nguyễn Thị Thủy", "birth_date": "12/03/2004", "hamlet": "Ấp Tân Hưng",
        "phone": "0912345678"}  # fmt: skip


def _window(qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts) -> tuple[MainWindow, YouthPage]:
    window = active_window(qtbot, ws, prompts)
    return window, window.youth


def _edit(page: YouthPage, prompts: ScriptedPrompts, youth_id: str, **values: str) -> None:
    def change(dialog) -> None:
        for name, value in values.items():
            dialog.set_value(name, value)
        dialog.save_button.click()

    prompts.dialog_script = change
    page.select_youth(youth_id)
    page.edit_youth()
    prompts.dialog_script = None


def _shown(page: YouthPage, youth_id: str) -> tuple[str, str]:
    row = page.model.row_of(youth_id)
    return page.model.data(page.model.index(row, NAME)), page.model.data(
        page.model.index(row, PHONE)
    )


def test_ctrl_z_undoes_an_edit_and_ctrl_y_redoes_it(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts
) -> None:
    youth_id = ws.youth.save(THUY)
    window, page = _window(qtbot, ws, prompts)
    messages: list[str] = []
    page.status_message.connect(messages.append)
    _edit(page, prompts, youth_id, full_name="Nguyễn Thị Thúy", phone="0987654321")
    fields = ws.youth.get(youth_id).fields
    assert (fields.full_name, fields.phone) == ("Nguyễn Thị Thúy", "0987654321")
    assert _shown(page, youth_id) == ("Nguyễn Thị Thúy", "0987654321")
    assert messages == [
        "Đã lưu thông tin thanh niên Nguyễn Thị Thúy — bấm Hoàn tác (Ctrl+Z) để trả lại như trước."
    ]
    assert window.undo_action.toolTip() == "Hoàn tác: Sửa thông tin thanh niên Nguyễn Thị Thúy"

    press_ctrl(qtbot, window, Qt.Key.Key_Z)
    fields = ws.youth.get(youth_id).fields
    assert (fields.full_name, fields.phone) == ("Nguyễn Thị Thủy", "0912345678")
    assert _shown(page, youth_id) == ("Nguyễn Thị Thủy", "0912345678")

    press_ctrl(qtbot, window, Qt.Key.Key_Y)
    fields = ws.youth.get(youth_id).fields
    assert (fields.full_name, fields.phone) == ("Nguyễn Thị Thúy", "0987654321")
    assert _shown(page, youth_id) == ("Nguyễn Thị Thúy", "0987654321")
    assert prompts.errors == []


def test_undo_over_a_later_change_is_refused(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts
) -> None:
    youth_id = ws.youth.save(THUY)
    window, page = _window(qtbot, ws, prompts)
    _edit(page, prompts, youth_id, full_name="Nguyễn Thị Thúy", phone="0987654321")
    ws.youth.save({**THUY, "phone": "0911111111"}, youth_id)  # edited again elsewhere
    revision = ws.youth.get(youth_id).revision
    press_ctrl(qtbot, window, Qt.Key.Key_Z)
    assert prompts.errors == [
        "Thông tin của thanh niên Nguyễn Thị Thủy đã được sửa lại sau đó: giữ nguyên như hiện "
        "tại để không ghi đè thay đổi mới hơn."
    ]
    record = ws.youth.get(youth_id)
    assert (record.fields.full_name, record.fields.phone) == ("Nguyễn Thị Thủy", "0911111111")
    assert record.revision == revision
    assert window.history.count() == 0
    assert not window.undo_action.isEnabled() and not window.redo_action.isEnabled()
