"""TaskRunner: callbacks in synchronous mode, threaded delivery on the GUI thread, errors, delay."""

from __future__ import annotations

import logging
import threading
import time

import pytest
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from doancoso.core.errors import AppError, ImportFileError
from doancoso.ui.shell.tasks import Report, TaskRunner
from scripted import ScriptedPrompts


def _parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def test_synchronous_mode_runs_inline_with_the_same_callbacks(qtbot: QtBot, fake_prompts) -> None:
    runner = TaskRunner(_parent(qtbot), fake_prompts, synchronous=True)
    got: list[object] = []
    runner.run(lambda: 6 * 7, got.append)
    assert got == [42]
    failures: list[BaseException] = []
    runner.run(lambda: (_ for _ in ()).throw(ImportFileError("Tệp hỏng.")), got.append,
               failures.append)  # fmt: skip
    assert got == [42] and isinstance(failures[0], ImportFileError)
    assert fake_prompts.errors == []  # on_failure took it


def test_app_error_message_goes_to_prompts(qtbot: QtBot, fake_prompts: ScriptedPrompts) -> None:
    runner = TaskRunner(_parent(qtbot), fake_prompts, synchronous=True)

    def fail() -> None:
        raise AppError("Không ghi được tệp “x.xlsx”.", "EACCES")

    runner.run(fail, lambda _r: pytest.fail("no success"))
    assert fake_prompts.errors == ["Không ghi được tệp “x.xlsx”."]


def test_unexpected_error_is_logged_and_reported_in_vietnamese(
    qtbot: QtBot, fake_prompts: ScriptedPrompts, caplog: pytest.LogCaptureFixture
) -> None:
    runner = TaskRunner(_parent(qtbot), fake_prompts, synchronous=True)
    with caplog.at_level(logging.ERROR, logger="doancoso.ui.tasks"):
        runner.run(lambda: 1 / 0)
    assert fake_prompts.errors and fake_prompts.errors[0].startswith("Đã xảy ra lỗi không mong đợi")
    record = caplog.records[-1]
    assert record.exc_info and record.exc_info[0] is ZeroDivisionError


def test_threaded_mode_delivers_on_the_gui_thread(qtbot: QtBot, fake_prompts) -> None:
    runner = TaskRunner(_parent(qtbot), fake_prompts)
    gui = threading.get_ident()
    ran_on: list[int] = []
    delivered_on: list[int] = []
    results: list[int] = []

    def job() -> int:
        ran_on.append(threading.get_ident())
        return 5

    def done(value: int) -> None:
        delivered_on.append(threading.get_ident())
        results.append(value)

    runner.run(job, done)
    qtbot.waitUntil(lambda: results == [5], timeout=5000)
    assert ran_on[0] != gui and delivered_on == [gui]
    assert not runner.busy


def test_jobs_run_one_after_another_in_order(qtbot: QtBot, fake_prompts) -> None:
    runner = TaskRunner(_parent(qtbot), fake_prompts)
    order: list[str] = []
    running = threading.Lock()

    def job(name: str) -> str:
        assert running.acquire(blocking=False), "two jobs at once"
        time.sleep(0.02)
        running.release()
        return name

    for name in "abc":
        runner.run(lambda n=name: job(n), order.append)
    qtbot.waitUntil(lambda: order == ["a", "b", "c"], timeout=5000)


def test_progress_dialog_only_after_the_delay(qtbot: QtBot, fake_prompts) -> None:
    runner = TaskRunner(_parent(qtbot), fake_prompts, delay_ms=100)
    quick: list[object] = []
    runner.run(lambda: "ok", quick.append)
    qtbot.waitUntil(lambda: quick == ["ok"], timeout=5000)
    qtbot.wait(150)
    assert runner.dialog is None

    release = threading.Event()
    done: list[object] = []

    def slow(report: Report) -> str:
        report(1, 4)
        assert release.wait(5)
        return "slow"

    runner.run(slow, done.append, label="Đang xuất…", with_report=True)
    assert runner.dialog is None  # not before the delay
    qtbot.waitUntil(lambda: runner.dialog is not None and runner.dialog.isVisible(), timeout=3000)
    dialog = runner.dialog
    assert dialog is not None and dialog.labelText() == "Đang xuất…"
    qtbot.waitUntil(lambda: dialog.maximum() == 4 and dialog.value() == 1, timeout=3000)
    release.set()
    qtbot.waitUntil(lambda: done == ["slow"], timeout=5000)
    assert runner.dialog is None


def test_cancelling_stops_a_reporting_job(qtbot: QtBot, fake_prompts) -> None:
    runner = TaskRunner(_parent(qtbot), fake_prompts, delay_ms=0)
    cancelled: list[bool] = []

    def job(report: Report) -> None:
        for i in range(500):
            report(i, 500)
            time.sleep(0.01)

    runner.run(job, lambda _r: pytest.fail("not cancelled"), with_report=True, cancellable=True,
               on_cancelled=lambda: cancelled.append(True))  # fmt: skip
    qtbot.waitUntil(lambda: runner.dialog is not None, timeout=3000)
    assert runner.dialog is not None
    button = runner.dialog.findChild(QPushButton)
    assert button is not None
    button.click()
    qtbot.waitUntil(lambda: cancelled == [True], timeout=5000)
    assert fake_prompts.errors == []


def test_a_job_ending_never_closes_nor_cancels_the_next_jobs_dialog(
    qtbot: QtBot, fake_prompts
) -> None:
    """A quick read without a dialog (a list refreshed as a dialog opens) queued before a long
    export: when the read ends it leaves the export's dialog, and its "Hủy", alone."""
    runner = TaskRunner(_parent(qtbot), fake_prompts, delay_ms=0)
    release = threading.Event()
    listed: list[object] = []
    runner.run(lambda: release.wait(5) and "danh sách", listed.append, progress=False)
    exported: list[object] = []
    cancelled: list[bool] = []

    def export(report: Report) -> str:
        for i in range(30):
            report(i, 30)
            time.sleep(0.01)
        return "đã xuất"

    runner.run(export, exported.append, label="Đang xuất…", with_report=True, cancellable=True,
               on_cancelled=lambda: cancelled.append(True))  # fmt: skip
    qtbot.waitUntil(lambda: runner.dialog is not None and runner.dialog.isVisible(), timeout=3000)
    dialog = runner.dialog
    assert dialog is not None
    release.set()  # the read ends while the export's dialog shows
    qtbot.waitUntil(lambda: listed == ["danh sách"], timeout=5000)
    assert runner.dialog is dialog and dialog.isVisible()
    qtbot.waitUntil(lambda: bool(exported or cancelled), timeout=5000)
    assert (exported, cancelled) == (["đã xuất"], [])
