"""The backup when the app closes after a change runs on the worker, a progress dialog shown at
once over the window ("Đang sao lưu dữ liệu trước khi đóng…"), and the window closes when it
ends; its "Bỏ qua" closes without the backup (the data are saved), nothing left behind."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from doancoso.core.backup.store import BACKUP_FOLDER
from doancoso.core.workspace import Workspace
from doancoso.ui.shell.main_window import CLOSING_BACKUP, MainWindow
from doancoso.ui.shell.operations import Core, CoreOp
from doancoso.ui.shell.state import UiState
from scripted import ScriptedPrompts

# The offscreen platform's word on the progress dialog shown over the window.
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

SAID = (
    "Đang sao lưu dữ liệu trước khi đóng…\n\nCác thay đổi đã được lưu. Bấm “Bỏ qua” để đóng "
    "ngay, không sao lưu lần này."
)


def _changed_window(
    ws: Workspace, prompts: ScriptedPrompts, qtbot: QtBot
) -> tuple[MainWindow, Core]:
    """A shown window over ``ws`` with the app's threaded worker, after one member deleted."""
    core = Core(ws, prompts)
    window = MainWindow(core, UiState(ws.data_dir))
    qtbot.addWidget(window)
    window.show()
    member = ws.members.ids()[0]
    CoreOp(window, lambda w: w.members.delete([member]), core).run()
    assert core.runner.wait()
    qtbot.waitUntil(lambda: not core.runner.busy)
    return window, core


def _closing_backups(ws: Workspace) -> list[str]:
    return sorted(p.name for p in (ws.data_dir / BACKUP_FOLDER).iterdir() if "khi-dong" in p.name)


def test_closing_after_a_change_shows_the_backup_then_closes(
    demo_ws: Workspace, qtbot: QtBot
) -> None:
    prompts = ScriptedPrompts()
    window, core = _changed_window(demo_ws, prompts, qtbot)
    assert window.close() is False  # not yet: the backup runs first
    dialog = core.runner.dialog
    assert dialog is not None and dialog.isVisible()  # at once, not after half a second
    assert dialog.labelText() == SAID == CLOSING_BACKUP
    assert [b.text() for b in dialog.findChildren(QPushButton)] == ["Bỏ qua"]
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=20000)
    closing = [b for b in demo_ws.backups.list() if b.reason == "khi-dong"]
    assert len(closing) == 1 and closing[0].members == 299 and closing[0].ok
    assert prompts.errors == [] and prompts.infos == []


def test_skip_closes_without_the_backup(demo_ws: Workspace, qtbot: QtBot) -> None:
    """A database of some 60 MB (as a large roster's): the backup takes long enough for the
    secretary to press "Bỏ qua"; the window closes, no backup nor half a copy left, no error."""
    with sqlite3.connect(demo_ws.db.path) as conn:
        conn.execute("CREATE TABLE ballast (data BLOB)")
        conn.executemany(
            "INSERT INTO ballast VALUES (randomblob(1048576))", [() for _ in range(60)]
        )
    conn.close()
    prompts = ScriptedPrompts()
    window, core = _changed_window(demo_ws, prompts, qtbot)
    folder = demo_ws.data_dir / BACKUP_FOLDER
    before = sorted(p.name for p in folder.iterdir())  # the day's backup after the change
    assert window.close() is False
    dialog = core.runner.dialog
    assert dialog is not None
    (skip,) = dialog.findChildren(QPushButton)
    skip.click()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=20000)
    assert sorted(p.name for p in folder.iterdir()) == before
    assert _closing_backups(demo_ws) == []
    assert prompts.errors == [] and prompts.infos == []


def test_closing_again_while_backing_up_waits(demo_ws: Workspace, qtbot: QtBot) -> None:
    """A second click on the window's close while the backup runs neither starts another nor
    closes the window before the backup is written."""
    prompts = ScriptedPrompts()
    window, core = _changed_window(demo_ws, prompts, qtbot)
    assert window.close() is False
    assert window.close() is False
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=20000)
    assert len(_closing_backups(demo_ws)) == 1
