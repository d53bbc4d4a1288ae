"""The chi đoàn page on data that can only be read (a write-protected stick): its buttons that
can only write are disabled and say why, as the roster's and the youth register's "Thêm" are,
instead of opening a name dialog whose "Lưu" is then refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.branches.page import BranchesPage
from doancoso.ui.shell.undo import UndoHistory
from read_only_data import TIP, open_read_only
from scripted import ScriptedPrompts, synchronous_core


@pytest.fixture
def stick(data_dir: Path) -> Path:
    with Workspace.open(data_dir) as ws:
        ws.generate_demo(members=20, seed=6)
        ws.branches.create("Chi đoàn ấp Xóm Mới")  # empty: Xóa would otherwise ask
    return data_dir


def test_the_page_reads_but_offers_no_write(
    qtbot: QtBot, stick: Path, prompts: ScriptedPrompts
) -> None:
    ws = open_read_only(stick)
    try:
        core = synchronous_core(ws, prompts)
        page = BranchesPage(core, UndoHistory(core))
        qtbot.addWidget(page)
        assert page.model.rowCount() > 1  # reading works
        empty = ws.branches.find("Chi đoàn ấp Xóm Mới")
        assert empty is not None
        page.select_branch(empty.id)
        buttons = (page.add_button, page.rename_button, page.merge_button, page.delete_button)
        for button in buttons:
            assert not button.isEnabled(), button.text()
            assert button.toolTip() == TIP
        opened: list[str] = []
        prompts.dialog_script = lambda dialog: opened.append(dialog.windowTitle())
        page.table.setFocus()
        for key in (Qt.Key.Key_Delete, Qt.Key.Key_Return):
            qtbot.keyClick(page.table, key)
        rect = page.table.visualRect(page.model.index(page.model.row_of(empty.id) or 0, 0))
        viewport, left = page.table.viewport(), Qt.MouseButton.LeftButton
        qtbot.mouseClick(viewport, left, pos=rect.center())  # a double click: press, then again
        qtbot.mouseDClick(viewport, left, pos=rect.center())
        assert opened == [] and prompts.asked == [] and prompts.errors == []
        assert ws.branches.find("Chi đoàn ấp Xóm Mới") is not None
    finally:
        ws.close()
