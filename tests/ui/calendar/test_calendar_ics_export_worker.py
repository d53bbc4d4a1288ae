"""The export dialog counts what a range would hold on the worker, never on the GUI thread
(with the app's threaded runner): a range without any activity is said in the dialog, one with
activities closes it with the range chosen."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from doancoso.core.activities.service import ActivityService
from doancoso.core.workspace import Workspace
from doancoso.ui.calendar.ics_export import CalendarExportDialog
from doancoso.ui.shell.operations import Core
from scripted import ScriptedPrompts

from .conftest import add_activity

MARCH = (dt.date(2025, 3, 1), dt.date(2025, 3, 31))
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # a dialog shown offscreen


def test_the_range_is_counted_on_the_worker(
    qtbot: QtBot, cal_ws: Workspace, prompts: ScriptedPrompts, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_activity(cal_ws, "Ngày Chủ nhật xanh", "23/03/2025")
    counted_on: list[int] = []
    real = ActivityService.calendar_size

    def calendar_size(first: dt.date, last: dt.date) -> int:
        counted_on.append(threading.get_ident())
        return real(cal_ws.activities, first, last)

    monkeypatch.setattr(cal_ws.activities, "calendar_size", calendar_size)
    core = Core(cal_ws, prompts)  # threaded, as in the app
    dialog = CalendarExportDialog(core, 2026, MARCH)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.submit()
    qtbot.waitUntil(dialog.message.isVisible, timeout=10_000)
    assert dialog.message.text() == (
        "Từ 01/01/2026 đến 31/12/2026 không có hoạt động nào: không có gì để xuất. Hãy chọn "
        "năm hoặc khoảng ngày khác."
    )
    assert dialog.isVisible() and dialog.span is None and dialog.export_button.isEnabled()
    dialog.year_box.setValue(2025)
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=10_000)
    assert dialog.span == (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    assert dialog.message.isHidden()
    assert len(counted_on) == 2 and threading.get_ident() not in counted_on
    assert core.runner.wait()
