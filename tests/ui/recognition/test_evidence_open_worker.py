"""Opening an evidence file ("Mở xem") checks and copies it on the worker: while the stored file is
read (a scan of hundreds of MB on an old PC, a data folder on a stick that stops answering) the
window keeps answering and a progress dialog with "Hủy" shows; the file then opens, or "Hủy"
stops the copy and leaves nothing half-written.

The stored file is made a named pipe whose content is written only when the test says so: a
read that takes as long as the test wants, with no large file and no timing guess."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.recognition.page import RecognitionPage
from doancoso.ui.shell.operations import Core
from doancoso.ui.shell.undo import UndoHistory
from scripted import ScriptedPrompts

from .conftest import TODAY

pytestmark = [
    pytest.mark.qt_log_ignore("propagateSizeHints"),
    pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system"),
]


class SlowStoredFile:
    """The stored file of ``sha256`` replaced by a named pipe: its content comes only once
    :meth:`release` is called (or after ``timeout`` seconds, so that a GUI thread blocked on
    it gets free again and the test fails instead of hanging)."""

    def __init__(self, path: Path, content: bytes, timeout: float = 10.0) -> None:
        path.unlink()
        os.mkfifo(path)
        self._released = threading.Event()
        self.written = threading.Event()
        self._thread = threading.Thread(
            target=self._write, args=(path, content, timeout), daemon=True
        )  # daemon: a writer left waiting for a reader never holds the tests at exit
        self._thread.start()

    def _write(self, path: Path, content: bytes, timeout: float) -> None:
        self._released.wait(timeout)
        with open(path, "wb") as pipe:  # waits for its reader
            self.written.set()
            pipe.write(content)

    def release(self) -> None:
        self._released.set()

    def join(self) -> None:
        self._released.set()
        self._thread.join(10)


@pytest.fixture
def threaded(ws: Workspace, prompts: ScriptedPrompts) -> Core:
    """The app's worker, the progress dialog at once."""
    return Core(ws, prompts, delay_ms=0)


@pytest.fixture
def slow_page(
    qtbot: QtBot, ws: Workspace, threaded: Core, photo: Path, tmp_path: Path
) -> Iterator[tuple[RecognitionPage, SlowStoredFile, list[QUrl]]]:
    ws.recognition.open(2025)
    ws.recognition.attach(2025, "1.6", photo, "Ảnh ra quân")
    (stored,) = ws.evidence.store.folder.iterdir()
    slow = SlowStoredFile(stored, photo.read_bytes())
    page = RecognitionPage(threaded, UndoHistory(threaded), today=lambda: TODAY)
    qtbot.addWidget(page)
    page.resize(1216, 650)
    page.show()
    qtbot.waitUntil(lambda: not threaded.runner.busy)
    page.select_item("1.6")
    files = page.item_panel.files
    opened: list[QUrl] = []
    files.open_url = opened.append
    files.view_folder = tmp_path / "xem"
    files.view.setCurrentIndex(files.model.index(0))
    try:
        yield page, slow, opened
    finally:
        slow.join()
        threaded.runner.wait()


def test_the_window_answers_while_a_file_is_read_then_it_opens(
    qtbot: QtBot, slow_page: tuple[RecognitionPage, SlowStoredFile, list[QUrl]], threaded: Core,
    photo: Path, prompts: ScriptedPrompts,
) -> None:  # fmt: skip
    page, slow, opened = slow_page
    page.item_panel.files.open_button.click()
    assert not slow.written.is_set()  # "Mở xem" came back before the file was read
    qtbot.waitUntil(
        lambda: threaded.runner.dialog is not None and threaded.runner.dialog.isVisible()
    )
    dialog = threaded.runner.dialog
    assert dialog is not None
    assert dialog.labelText() == "Đang mở tệp minh chứng…"
    assert [b.text() for b in dialog.findChildren(QPushButton)] == ["Hủy"]
    slow.release()
    qtbot.waitUntil(lambda: bool(opened) and not threaded.runner.busy)
    shown = Path(opened[0].toLocalFile())
    assert shown.name == "anh-ra-quan.png" and shown.read_bytes() == photo.read_bytes()
    assert [p.name for p in shown.parent.iterdir()] == ["anh-ra-quan.png"]
    assert threaded.runner.dialog is None and prompts.errors == []


def test_cancel_stops_the_copy_and_leaves_nothing(
    qtbot: QtBot, slow_page: tuple[RecognitionPage, SlowStoredFile, list[QUrl]], threaded: Core,
    prompts: ScriptedPrompts, tmp_path: Path,
) -> None:  # fmt: skip
    page, slow, opened = slow_page
    page.item_panel.files.open_button.click()
    qtbot.waitUntil(
        lambda: threaded.runner.dialog is not None and threaded.runner.dialog.isVisible()
    )
    assert threaded.runner.dialog is not None
    (cancel,) = threaded.runner.dialog.findChildren(QPushButton)
    cancel.click()
    slow.release()
    qtbot.waitUntil(lambda: not threaded.runner.busy)
    assert opened == [] and prompts.errors == []
    assert [p for p in (tmp_path / "xem").rglob("*") if p.is_file()] == []


def test_after_cancel_open_opens_the_file_again(
    qtbot: QtBot, slow_page: tuple[RecognitionPage, SlowStoredFile, list[QUrl]], threaded: Core,
    prompts: ScriptedPrompts, ws: Workspace, photo: Path,
) -> None:  # fmt: skip
    """A copy stopped by "Hủy" is over: "Mở xem" pressed again opens the file (a press while a
    copy is on its way opens nothing more: ``tests/ui/common/test_evidence_opens_once.py``)."""
    page, slow, opened = slow_page
    files = page.item_panel.files
    files.open_button.click()
    qtbot.waitUntil(
        lambda: threaded.runner.dialog is not None and threaded.runner.dialog.isVisible()
    )
    assert threaded.runner.dialog is not None
    (cancel,) = threaded.runner.dialog.findChildren(QPushButton)
    cancel.click()
    slow.release()
    qtbot.waitUntil(lambda: not threaded.runner.busy)
    assert opened == []
    slow.join()
    (stored,) = ws.evidence.store.folder.iterdir()
    stored.unlink()  # the pipe read: the stored file as it was
    stored.write_bytes(photo.read_bytes())
    files.open_button.click()
    qtbot.waitUntil(lambda: bool(opened) and not threaded.runner.busy)
    assert Path(opened[0].toLocalFile()).read_bytes() == photo.read_bytes()
    assert prompts.errors == []
