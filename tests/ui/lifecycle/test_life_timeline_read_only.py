"""The member's history on data that can only be read (a write-protected stick): shown, with
"Ghi sự kiện…" and "Xóa sự kiện" disabled and saying why (the event dialog opened, was filled
in, and only its "Ghi sự kiện" was refused; Delete asked, then was refused)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from doancoso.core.storage.db import Database
from doancoso.core.storage.folder import ReadOnlyData
from doancoso.core.workspace import DATABASE_FILE, Workspace
from doancoso.ui.lifecycle.timeline import TimelineWidget
from scripted import ScriptedPrompts, synchronous_core

READ_ONLY = ReadOnlyData(
    "thư mục dữ liệu “E:\\doancoso” nằm trên ổ đĩa chỉ cho phép đọc (USB có thể đang bị khóa ghi)",
    "Muốn sửa dữ liệu, hãy gạt khóa ghi của USB rồi mở lại.",
)
TIP = "Dữ liệu chỉ đọc: không lưu được thay đổi nào."


@pytest.fixture
def stick(ws: Workspace) -> tuple[Path, str]:
    an = ws.members.save({"full_name": "Nguyễn Văn An", "birth_date": "01/01/2000"})
    ws.events.record(an, "admission", "26/03/2017", "03-QĐ/ĐTN")
    data_dir = ws.data_dir
    ws.close()
    return data_dir, an


def test_the_history_is_shown_and_offers_no_write(
    qtbot: QtBot, stick: tuple[Path, str], prompts: ScriptedPrompts
) -> None:
    data_dir, an = stick
    ws = Workspace(data_dir, Database.open(data_dir / DATABASE_FILE, READ_ONLY))
    try:
        timeline = TimelineWidget(synchronous_core(ws, prompts), an)
        qtbot.addWidget(timeline)
        assert [row[1] for row in timeline.rows()] == ["Kết nạp Đoàn"]  # reading works
        timeline.select_row(0)
        for button in (timeline.record_button, timeline.delete_button):
            assert not button.isEnabled(), button.text()
            assert button.toolTip() == TIP
        opened: list[str] = []
        prompts.dialog_script = lambda dialog: opened.append(dialog.windowTitle())
        timeline.table.setFocus()
        qtbot.keyClick(timeline.table, Qt.Key.Key_Delete)
        assert opened == [] and prompts.asked == [] and prompts.errors == []
        assert len(ws.events.history(an)) == 1
    finally:
        ws.close()
