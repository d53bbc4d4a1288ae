"""The calendar with the app's threaded runner: the chi đoàn its page filters by, and those the
activity form and a date's dialog name, are read on the worker (their Vietnamese order goes
through the core's collation cache, the worker's), never on the GUI thread."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.calendar.page import CalendarPage
from doancoso.ui.shell.operations import Core, CoreOp
from doancoso.ui.shell.undo import UndoHistory
from read_threads import on_the_worker, record_reads
from scripted import ScriptedPrompts

from .conftest import branch_id

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _choices(page: CalendarPage) -> list[str]:
    return [page.branch_combo.itemText(i) for i in range(page.branch_combo.count())]


def test_the_page_s_chi_doan_are_read_on_the_worker(
    qtbot: QtBot, cal_ws: Workspace, prompts: ScriptedPrompts, history: UndoHistory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """The filter lists the chi đoàn read on the worker; read again when one is added, the
    chosen one kept."""
    kenh_xang = branch_id(cal_ws, "Chi đoàn ấp Kênh Xáng")
    read_on = record_reads(cal_ws.branches, monkeypatch, "list")
    core = Core(cal_ws, prompts)  # threaded, as in the app
    page = CalendarPage(core, history)
    qtbot.addWidget(page)
    expected = ["Tất cả chi đoàn", "Chi đoàn ấp Kênh Xáng", "Chi đoàn ấp Tân Hưng"]
    qtbot.waitUntil(lambda: _choices(page) == expected, timeout=10_000)
    page.branch_combo.setCurrentIndex(page.branch_combo.findData(kenh_xang))
    assert page.month_model.branch_id == kenh_xang
    CoreOp(page, lambda ws: ws.branches.create("Chi đoàn ấp Bờ Đập"), core).run()
    qtbot.waitUntil(lambda: len(_choices(page)) == 4, timeout=10_000)
    assert _choices(page) == [
        "Tất cả chi đoàn", "Chi đoàn ấp Bờ Đập", "Chi đoàn ấp Kênh Xáng", "Chi đoàn ấp Tân Hưng",
    ]  # fmt: skip
    assert page.branch_combo.currentText() == "Chi đoàn ấp Kênh Xáng"
    assert page.month_model.branch_id == kenh_xang
    assert core.runner.wait()
    assert on_the_worker(read_on)
