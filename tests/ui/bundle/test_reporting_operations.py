"""Operations that report progress and can be cancelled (the bundle's export and import):
``op(ws, report)`` on the worker, "Hủy" ends it through ``cancelled`` and never ``failure``."""

from __future__ import annotations

import time

from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.shell.operations import Core, CoreOp, QueryOp
from scripted import ScriptedPrompts, synchronous_core


def test_a_reporting_operation_gets_the_report(ws: Workspace) -> None:
    core = synchronous_core(ws)
    seen: list[object] = []

    def job(_ws: Workspace, report) -> int:
        report(1, 2)
        report(2, 2)
        return 7

    QueryOp(None, job, core, reporting=True).success(seen.append).run()
    assert seen == [7]


def test_cancel_calls_cancelled_only(ws: Workspace) -> None:
    prompts = ScriptedPrompts()
    core = synchronous_core(ws, prompts)
    events: list[str] = []

    def job(_ws: Workspace, report) -> None:
        report(1, 3)
        report.cancel()  # what the progress dialog's "Hủy" does
        report(2, 3)
        events.append("not reached")

    op = CoreOp(None, job, core, reporting=True)
    op.success(lambda _v: events.append("success")).failure(lambda _e: events.append("failure"))
    op.cancelled(lambda: events.append("cancelled")).run()
    assert events == ["cancelled"] and prompts.errors == []


def test_the_threaded_dialog_has_a_cancel_button(qtbot: QtBot, ws: Workspace) -> None:
    core = Core(ws, ScriptedPrompts(), delay_ms=0)
    cancelled: list[bool] = []

    def job(_ws: Workspace, report) -> None:
        for done in range(20_000):
            report(done, 20_000)
            time.sleep(0.001)

    QueryOp(None, job, core, reporting=True).cancelled(lambda: cancelled.append(True)).run()
    qtbot.waitUntil(lambda: core.runner.dialog is not None)
    dialog = core.runner.dialog
    assert dialog is not None
    (button,) = dialog.findChildren(QPushButton)
    assert button.text() == "Hủy"
    qtbot.waitUntil(lambda: dialog.value() > 0)
    button.click()
    qtbot.waitUntil(lambda: cancelled == [True], timeout=5000)
    assert core.runner.dialog is None
