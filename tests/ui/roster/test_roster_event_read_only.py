"""The roster's "Ghi sự kiện…" on data that can only be read (a write-protected stick): the
button and the menu's action are disabled, saying why, as the member history's are (the event
dialog used to open, be filled in, and only its save was refused)."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.roster.page import RosterPage
from doancoso.ui.shell.undo import UndoHistory
from read_only_data import TIP, open_read_only
from scripted import ScriptedPrompts, synchronous_core


def test_record_event_is_disabled_on_read_only_data(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts
) -> None:
    an = ws.members.save({"full_name": "Nguyễn Văn An", "birth_date": "01/01/2000"})
    data_dir: Path = ws.data_dir
    ws.close()
    stick = open_read_only(data_dir)
    try:
        core = synchronous_core(stick, prompts)
        page = RosterPage(core, UndoHistory(core))
        qtbot.addWidget(page)
        page.select_member(an)
        assert page.selected_ids() == [an]
        assert page.edit_button.isEnabled()  # reading the record still works
        assert not page.event_button.isEnabled()
        assert page.event_button.toolTip() == TIP
        assert not page.event_action.isEnabled()
        assert page.event_action.toolTip() == TIP
        opened: list[str] = []
        prompts.dialog_script = lambda dialog: opened.append(dialog.windowTitle())
        page.event_action.trigger()
        assert opened == [] and prompts.errors == []
        assert stick.events.history(an) == []
    finally:
        stick.close()


def test_record_event_is_enabled_on_writable_data(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts
) -> None:
    an = ws.members.save({"full_name": "Nguyễn Văn An", "birth_date": "01/01/2000"})
    core = synchronous_core(ws, prompts)
    page = RosterPage(core, UndoHistory(core))
    qtbot.addWidget(page)
    page.select_member(an)
    assert page.event_button.isEnabled() and page.event_action.isEnabled()
    assert page.event_button.toolTip() == "Ghi sự kiện cho đoàn viên đang chọn (Ctrl+G)"
