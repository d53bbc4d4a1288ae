"""The chi đoàn page of a new organisation says what to do first: the roster's own empty hint
sends the secretary here to create the chi đoàn (Ctrl+3), where a bare table said nothing."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.branches.page import BranchesPage
from doancoso.ui.shell.undo import UndoHistory
from scripted import ScriptedPrompts, synchronous_core

HINT = (
    "Chưa có chi đoàn nào. Bấm “Thêm” để tạo chi đoàn đầu tiên (ví dụ “Chi đoàn ấp Tân Phú”), "
    "rồi thêm đoàn viên ở mục “Đoàn viên” (Ctrl+1)."
)


def test_no_chi_doan_says_to_add_one(qtbot: QtBot, ws: Workspace) -> None:
    core = synchronous_core(ws, ScriptedPrompts())
    page = BranchesPage(core, UndoHistory(core))
    qtbot.addWidget(page)
    assert page.empty_hint.text() == HINT
    assert page.empty_hint.isVisibleTo(page)
    created = ws.branches.create("Chi đoàn ấp Tân Phú")
    page.refresh()
    assert not page.empty_hint.isVisibleTo(page)
    ws.branches.delete(created.id)
    page.refresh()
    assert page.empty_hint.isVisibleTo(page)
