"""With the app's threaded runner, "Xóa" and "Gộp…" ask once what the worker read first (the
members deleted before, the Bí thư after the merge) came back: pressed twice before then (a
double click, Enter pressed again), each asks once."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.branches.page import BranchesPage
from doancoso.ui.shell.operations import Core
from doancoso.ui.shell.undo import UndoHistory
from read_threads import delivered
from scripted import ScriptedPrompts


def _page(qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts) -> tuple[Core, BranchesPage]:
    core = Core(ws, prompts)  # threaded, as in the app
    page = BranchesPage(core, UndoHistory(core))
    qtbot.addWidget(page)
    delivered(qtbot, core)  # the list read
    return core, page


def test_delete_pressed_twice_asks_once(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts
) -> None:
    empty = ws.branches.create("Chi đoàn ấp Mới").id
    core, page = _page(qtbot, ws, prompts)
    page.select_branch(empty)
    prompts.answer = False  # "Không": nothing deleted
    page.delete_button.click()
    page.delete_button.click()  # again before its deleted members were counted
    delivered(qtbot, core)
    assert prompts.asked == ["Xóa chi đoàn “Chi đoàn ấp Mới”?"]

    page.delete_button.click()  # once asked: pressed again, it asks again
    delivered(qtbot, core)
    assert prompts.asked == ["Xóa chi đoàn “Chi đoàn ấp Mới”?"] * 2
    assert [b.name for b in ws.branches.list()] == ["Chi đoàn ấp Mới"]


def test_merge_pressed_twice_asks_once(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts
) -> None:
    source = ws.branches.create("Chi đoàn ấp Tân Hưng").id
    ws.branches.create("Chi đoàn ấp Tân Lợi")
    core, page = _page(qtbot, ws, prompts)
    page.select_branch(source)
    prompts.choice = "Chi đoàn ấp Tân Lợi"
    prompts.answer = False  # "Không": nothing merged
    page.merge_button.click()
    page.merge_button.click()  # again before the Bí thư after the merge were read
    delivered(qtbot, core)
    assert prompts.choices_offered == [["Chi đoàn ấp Tân Lợi"]]
    assert prompts.asked == [
        "Gộp “Chi đoàn ấp Tân Hưng” vào “Chi đoàn ấp Tân Lợi”?\n\n0 đoàn viên sẽ chuyển sang "
        "“Chi đoàn ấp Tân Lợi” và chi đoàn “Chi đoàn ấp Tân Hưng” sẽ không còn."
    ]
    assert len(ws.branches.list()) == 2
