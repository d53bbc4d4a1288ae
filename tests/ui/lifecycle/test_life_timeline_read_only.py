"""The member's history on data that can only be read (a write-protected stick): shown, with
"Ghi sự kiện…" and "Xóa sự kiện" disabled and saying why (the event dialog opened, was filled
in, and only its "Ghi sự kiện" was refused; Delete asked, then was refused)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.lifecycle.timeline import TimelineWidget
from read_only_data import TIP, open_read_only
from scripted import ScriptedPrompts, synchronous_core


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
    ws = open_read_only(data_dir)
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
