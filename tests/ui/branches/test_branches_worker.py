"""The chi đoàn page with the app's threaded runner: every read of the core (the list, the
members in no chi đoàn, what a merge or a deletion asks about) runs on the worker, never on the
GUI thread; the list fills once read, and a chi đoàn added is chosen once the list shows it."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.branches.name_dialog import BranchNameDialog
from doancoso.ui.branches.page import BranchesPage
from doancoso.ui.shell.operations import Core
from doancoso.ui.shell.undo import UndoHistory
from scripted import ScriptedPrompts

READS = ("list", "unassigned", "names", "secretaries_after", "deleted_members")


def _record_reads(ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The threads the core's chi đoàn reads ran on (the real reads run all the same)."""
    read_on: list[int] = []
    for name in READS:
        real = getattr(ws.branches, name)

        def read(*args: Any, _real: Any = real, **kwargs: Any) -> Any:
            read_on.append(threading.get_ident())
            return _real(*args, **kwargs)

        monkeypatch.setattr(ws.branches, name, read)
    return read_on


def test_the_page_reads_on_the_worker(
    qtbot: QtBot, demo_ws: Workspace, prompts: ScriptedPrompts, monkeypatch: pytest.MonkeyPatch
) -> None:
    branches = demo_ws.branches.list()
    source, target = branches[:2]
    read_on = _record_reads(demo_ws, monkeypatch)
    core = Core(demo_ws, prompts)  # threaded, as in the app
    page = BranchesPage(core, UndoHistory(core))
    qtbot.addWidget(page)
    assert page.model.rowCount() == 0  # not read yet: the GUI thread did not wait for it
    assert page.empty_hint.isHidden()  # nor says "no chi đoàn" before knowing
    qtbot.waitUntil(lambda: page.model.rowCount() == len(branches), timeout=10_000)
    assert page.count_label.text().startswith(f"{len(branches)} chi đoàn, ")

    def type_name(dialog: QDialog) -> None:
        assert isinstance(dialog, BranchNameDialog)
        dialog.name_edit.setText("Chi đoàn ấp Mới")
        dialog.try_accept()
        qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=10_000)

    prompts.dialog_script = type_name
    page.add_button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == len(branches) + 1, timeout=10_000)
    chosen = page.selected_branch_id()
    assert chosen and page.model.branch(page.model.row_of(chosen) or 0).name == "Chi đoàn ấp Mới"

    page.delete_button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == len(branches), timeout=10_000)
    assert prompts.asked == ["Xóa chi đoàn “Chi đoàn ấp Mới”?"]
    assert page.selected_branch_id() is not None  # the chi đoàn then in its row

    page.select_branch(source.id)
    prompts.choice = target.name
    page.merge_button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == len(branches) - 1, timeout=10_000)
    assert prompts.asked[1].startswith(f"Gộp “{source.name}” vào “{target.name}”?")
    assert page.selected_branch_id() == target.id
    assert core.runner.wait()
    assert read_on and threading.get_ident() not in read_on
