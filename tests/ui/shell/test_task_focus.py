"""The keyboard after a job whose progress dialog showed: back where the secretary left it (or,
that widget gone, somewhere in its window), never nowhere; a callback that puts it elsewhere on
purpose keeps it there; a job without a dialog does not move it."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from doancoso.ui.shell.tasks import TaskRunner
from scripted import ScriptedPrompts

# Offscreen, a progress dialog shown over a shown window says it cannot size it to its hints.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


class _Form(QWidget):
    """A window with two fields, as a page's search box and a dialog's first field."""

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle("Danh sách đoàn viên")
        self.search = QLineEdit()
        self.other = QLineEdit()
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.other)


def _shown_form(qtbot: QtBot) -> _Form:
    form = _Form()
    qtbot.addWidget(form)
    with qtbot.wait_active(form):
        form.show()
        form.activateWindow()
    qtbot.waitExposed(form)
    form.search.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.search, timeout=3000)
    return form


def _run_long(
    qtbot: QtBot, runner: TaskRunner, on_success: Callable[[object], None] | None = None
) -> list[object]:
    """A job that ends only once its progress dialog has shown; its results once delivered."""
    release = threading.Event()
    done: list[object] = []

    def job() -> str:
        assert release.wait(5)
        return "đã xuất"

    def delivered(value: object) -> None:
        done.append(value)
        if on_success is not None:
            on_success(value)

    runner.run(job, delivered, label="Đang xuất danh sách…")
    qtbot.waitUntil(lambda: runner.dialog is not None and runner.dialog.isVisible(), timeout=3000)
    release.set()
    qtbot.waitUntil(lambda: done == ["đã xuất"], timeout=5000)
    qtbot.wait(50)  # what the window system does once the dialog is gone
    return done


def test_the_keyboard_goes_back_to_the_field_it_was_in(
    qtbot: QtBot, fake_prompts: ScriptedPrompts
) -> None:
    form = _shown_form(qtbot)
    runner = TaskRunner(form, fake_prompts, delay_ms=50)
    _run_long(qtbot, runner)
    assert runner.dialog is None
    assert QApplication.activeWindow() is form  # its shortcuts work again
    assert QApplication.focusWidget() is form.search
    qtbot.keyClicks(QApplication.focusWidget(), "Nguyen")  # QTest types Latin-1 only
    # and a key typed on the window, as the window system delivers it, reaches the field too
    QTest.keyClick(form.windowHandle(), Qt.Key.Key_Space)
    assert form.search.text() == "Nguyen "
    assert form.other.text() == ""


def test_the_field_gone_the_keyboard_stays_in_its_window(
    qtbot: QtBot, fake_prompts: ScriptedPrompts
) -> None:
    form = _shown_form(qtbot)
    runner = TaskRunner(form, fake_prompts, delay_ms=50)
    release = threading.Event()
    done: list[object] = []
    runner.run(lambda: release.wait(5) and "xong", done.append)
    qtbot.waitUntil(lambda: runner.dialog is not None and runner.dialog.isVisible(), timeout=3000)
    search = form.search
    search.deleteLater()  # a page rebuilt its search box while the job ran
    qtbot.waitUntil(lambda: not isValid(search), timeout=3000)
    release.set()
    qtbot.waitUntil(lambda: done == ["xong"], timeout=5000)
    qtbot.wait(50)
    assert QApplication.focusWidget() is form.other
    qtbot.keyClicks(QApplication.focusWidget(), "Binh")
    assert form.other.text() == "Binh"


def test_a_callback_that_puts_the_keyboard_elsewhere_wins(
    qtbot: QtBot, fake_prompts: ScriptedPrompts
) -> None:
    form = _shown_form(qtbot)
    runner = TaskRunner(form, fake_prompts, delay_ms=50)
    _run_long(qtbot, runner, on_success=lambda _value: form.other.setFocus())
    assert QApplication.focusWidget() is form.other


def test_a_job_without_a_dialog_leaves_the_keyboard_alone(
    qtbot: QtBot, fake_prompts: ScriptedPrompts
) -> None:
    form = _shown_form(qtbot)
    runner = TaskRunner(form, fake_prompts, delay_ms=50)
    release = threading.Event()
    done: list[object] = []
    runner.run(lambda: release.wait(5) and "xong", done.append, progress=False)
    form.other.setFocus()  # the secretary moved on while the quiet job ran
    qtbot.wait(150)
    assert runner.dialog is None
    release.set()
    qtbot.waitUntil(lambda: done == ["xong"], timeout=5000)
    assert QApplication.focusWidget() is form.other


def test_a_secretary_gone_to_another_window_is_not_pulled_back(
    qtbot: QtBot, fake_prompts: ScriptedPrompts
) -> None:
    form = _shown_form(qtbot)
    runner = TaskRunner(form, fake_prompts, delay_ms=50)
    release = threading.Event()
    done: list[object] = []
    runner.run(lambda: release.wait(5) and "xong", done.append)
    qtbot.waitUntil(lambda: runner.dialog is not None and runner.dialog.isVisible(), timeout=3000)
    notes = QLineEdit()  # another window of the app, not under the job's dialog
    qtbot.addWidget(notes)
    with qtbot.wait_active(notes):
        notes.show()
        notes.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is notes, timeout=3000)
    release.set()
    qtbot.waitUntil(lambda: done == ["xong"], timeout=5000)
    qtbot.wait(50)
    assert QApplication.activeWindow() is notes and QApplication.focusWidget() is notes
    assert form.focusWidget() is form.search  # where the keyboard lands back in the form
