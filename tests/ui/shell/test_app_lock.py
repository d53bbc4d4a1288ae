"""One GUI per data folder: a second start on a folder already open says so and offers to open
the data to look at only (a window that cannot write them), else opens no window; the GUI
holds the lock while it runs and releases it on close."""

from __future__ import annotations

import gc
import logging
import os
import sqlite3
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from doancoso.core.storage.lock import LOCK_FILE, LOCKED_MESSAGE, LockOwner, read_owner
from doancoso.core.workspace import DATABASE_FILE, Workspace
from doancoso.ui.common.temp_copies import APP_TEMP, CLEANER
from doancoso.ui.shell.app import VIEW_ONLY_OFFER, run_app
from doancoso.ui.shell.main_window import MainWindow
from scripted import ScriptedPrompts

# The first window: another process that holds the lock of the folder until killed.
_FIRST_WINDOW = """
import sys, time
from pathlib import Path
from doancoso.core.storage.lock import DataFolderLock

lock = DataFolderLock.acquire(Path(sys.argv[1]))
print("locked", flush=True)
time.sleep(120)
"""


@pytest.fixture(autouse=True)
def _app_globals(monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> Iterator[None]:
    """run_app sets the excepthook and adds a log handler: both undone after the test."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    handlers = list(logging.getLogger().handlers)
    yield
    for handler in logging.getLogger().handlers:
        if handler not in handlers:
            logging.getLogger().removeHandler(handler)
            handler.close()


@pytest.fixture
def first_window(data_dir: Path) -> Iterator[int]:
    """The process id of a first app holding the lock of ``data_dir``."""
    proc = subprocess.Popen(
        [sys.executable, "-c", _FIRST_WINDOW, str(data_dir)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout is not None and proc.stdout.readline() == "locked\n"
        yield proc.pid
    finally:
        proc.kill()
        proc.wait(timeout=30)
        assert proc.stdout is not None
        proc.stdout.close()


def _main_windows() -> list[MainWindow]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]


def test_a_second_start_is_refused(
    ws: Workspace, first_window: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A copy an earlier session made for the viewer: removed at this start all the same.
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    copy = tmp_path / APP_TEMP / "phien-cu" / "minh-chung" / "ab12" / "Danh sách đoàn viên.pdf"
    copy.parent.mkdir(parents=True)
    copy.write_bytes(b"%PDF-1.4")
    before = _main_windows()  # windows of earlier tests may not be deleted yet
    prompts = ScriptedPrompts()
    prompts.answer_index = 1  # "Thoát"
    assert run_app(ws.data_dir, prompts) == 1
    for thread in threading.enumerate():
        if thread.name == CLEANER:
            thread.join(30)
    assert list((tmp_path / APP_TEMP).iterdir()) == []
    assert prompts.asked == [f"{LOCKED_MESSAGE}\n\n{VIEW_ONLY_OFFER}"]
    assert prompts.buttons == [("Mở chỉ để xem", "Thoát")]
    assert prompts.errors == []
    assert _main_windows() == before  # no window opened
    owner = read_owner(ws.data_dir)
    assert owner is not None and owner.pid == first_window  # the first one keeps its lock


def test_a_folder_open_under_another_windows_account_says_whose_it_is(
    ws: Workspace, data_dir: Path
) -> None:
    """Two Windows users of one shared PC on a shared data folder: the first window is not on
    this user's taskbar, so the message names the account holding the data and since when."""
    env = dict(os.environ, USERNAME="ke-toan", USER="ke-toan", LOGNAME="ke-toan")
    proc = subprocess.Popen(
        [sys.executable, "-c", _FIRST_WINDOW, str(data_dir)],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert proc.stdout is not None and proc.stdout.readline() == "locked\n"
        owner = read_owner(data_dir)
        assert owner is not None and owner.user == "ke-toan"
        since = datetime.fromisoformat(owner.started).astimezone()
        before = _main_windows()  # windows of earlier tests may not be deleted yet
        prompts = ScriptedPrompts()
        prompts.answer_index = 1  # "Thoát"
        assert run_app(ws.data_dir, prompts) == 1
    finally:
        proc.kill()
        proc.wait(timeout=30)
        assert proc.stdout is not None
        proc.stdout.close()
    assert prompts.asked == [
        "Dữ liệu này đang được mở trong ứng dụng của tài khoản “ke-toan” trên máy này (từ "
        f"{since:%H:%M} ngày {since:%d/%m/%Y}). Hai cửa sổ cùng ghi vào một dữ liệu có thể làm "
        "mất thay đổi, nên ứng dụng không mở thêm cửa sổ thứ hai. Hãy nhờ người dùng tài khoản "
        f"“ke-toan” đóng ứng dụng (hoặc đăng xuất tài khoản đó) rồi mở lại.\n\n{VIEW_ONLY_OFFER}"
    ]
    assert _main_windows() == before  # no window opened


@pytest.mark.qt_log_ignore("does not support propagateSizeHints")  # offscreen: no maximising
def test_a_second_start_may_open_the_data_to_look_at_only(
    qtbot: QtBot, ws: Workspace, first_window: int
) -> None:
    """A double click twice, or a colleague needing a phone number while the secretary types:
    "Mở chỉ để xem" opens a window that reads the data and cannot write them."""
    ws.members.save({"full_name": "Nguyễn Văn An", "birth_date": "01/01/2000"})
    before = _main_windows()
    seen: list[tuple[str, int, bool]] = []

    def look_then_close() -> None:
        opened = [w for w in _main_windows() if w not in before]
        if not opened:
            QTimer.singleShot(10, look_then_close)
            return
        window = opened[0]
        qtbot.addWidget(window)
        banner = window.read_only_banner
        assert banner is not None
        seen.append((banner.text(), window.roster.model.rowCount(),
                     window.new_member_action.isEnabled()))  # fmt: skip
        QApplication.exit(0)

    QTimer.singleShot(0, look_then_close)
    prompts = ScriptedPrompts()  # answers "Mở chỉ để xem", the first answer
    assert run_app(ws.data_dir, prompts) == 0
    assert prompts.asked == [f"{LOCKED_MESSAGE}\n\n{VIEW_ONLY_OFFER}"]
    assert seen == [
        (
            "Dữ liệu chỉ đọc: dữ liệu đang được mở trong một cửa sổ khác của ứng dụng. Không lưu "
            "được thay đổi nào. Muốn sửa dữ liệu, hãy dùng cửa sổ đó, hoặc đóng cả hai cửa sổ "
            "rồi mở lại.",
            1,
            False,
        )
    ]
    owner = read_owner(ws.data_dir)
    assert owner is not None and owner.pid == first_window  # the first one keeps its lock


@pytest.mark.qt_log_ignore("does not support propagateSizeHints")  # offscreen: no maximising
def test_the_lock_is_held_while_the_window_runs(qtbot: QtBot, ws: Workspace) -> None:
    seen: list[LockOwner | None] = []
    collecting: list[bool] = []  # and cycles are collected on the GUI thread only (collector.py)
    was_collecting = gc.isenabled()

    before = _main_windows()

    def look_then_close() -> None:
        if _main_windows() == before:
            QTimer.singleShot(10, look_then_close)
            return
        seen.append(read_owner(ws.data_dir))
        collecting.append(gc.isenabled())
        for window in _main_windows():
            if window not in before:
                qtbot.addWidget(window)  # closed and deleted at the end of the test
        QApplication.exit(0)

    QTimer.singleShot(0, look_then_close)
    prompts = ScriptedPrompts()
    assert run_app(ws.data_dir, prompts) == 0
    assert prompts.errors == []
    assert len(seen) == 1 and seen[0] is not None and seen[0].pid == os.getpid()
    assert not (ws.data_dir / LOCK_FILE).exists()  # released on close
    assert collecting == [False] and gc.isenabled() is was_collecting


def test_the_lock_is_released_when_the_data_cannot_be_opened(data_dir: Path) -> None:
    Workspace.open(data_dir).close()
    with sqlite3.connect(data_dir / DATABASE_FILE) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'from_the_future'")
    conn.close()
    prompts = ScriptedPrompts()
    assert run_app(data_dir, prompts) == 1
    assert prompts.errors[0].startswith("Dữ liệu được tạo bởi phiên bản mới hơn")
    assert not (data_dir / LOCK_FILE).exists()
