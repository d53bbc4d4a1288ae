"""The app on data that can only be read (#12): the window opens with a banner saying so for as
long as it is open, the actions that only write are disabled, and any other write fails with the
same Vietnamese message, never a traceback or "Lỗi không mong đợi"; nothing is written, not even
the window's state.

The window is driven on a workspace opened read-only directly (runs everywhere); the start of the
app on a real write-protected folder (a read-only bind mount) where the machine allows it.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from breakage import read_only_mount, snapshot
from doancoso.core.storage.db import Database
from doancoso.core.storage.folder import ReadOnlyData
from doancoso.core.workspace import DATABASE_FILE, Workspace
from doancoso.ui.shell.main_window import MainWindow
from doancoso.ui.shell.state import STATE_FILE, UiState
from scripted import ScriptedPrompts, synchronous_core

READ_ONLY = ReadOnlyData(
    "thư mục dữ liệu “E:\\doancoso” nằm trên ổ đĩa chỉ cho phép đọc (USB có thể đang bị khóa ghi)",
    "Muốn sửa dữ liệu, hãy gạt khóa ghi của USB rồi mở lại.",
)


@pytest.fixture
def stick(data_dir: Path) -> Path:
    with Workspace.open(data_dir) as ws:
        ws.generate_demo(members=20, seed=6)
    return data_dir


def test_the_window_says_read_only_and_refuses_writes(
    qtbot: QtBot, stick: Path, prompts: ScriptedPrompts
) -> None:
    before = snapshot(stick)
    ws = Workspace(stick, Database.open(stick / DATABASE_FILE, READ_ONLY))
    try:
        window = MainWindow(synchronous_core(ws, prompts), UiState(stick))
        qtbot.addWidget(window)
        banner = window.read_only_banner
        assert banner is not None and banner.isVisibleTo(window)
        assert banner.text() == (
            "Dữ liệu chỉ đọc: thư mục dữ liệu “E:\\doancoso” nằm trên ổ đĩa chỉ cho phép đọc "
            "(USB có thể đang bị khóa ghi). Không lưu được thay đổi nào. Muốn sửa dữ liệu, hãy "
            "gạt khóa ghi của USB rồi mở lại."
        )
        disabled = [window.new_member_action, window.new_youth_action,
                    window.roster.io.import_action, window.coming_of_age_action,
                    window.temporary_action]  # fmt: skip
        assert not any(action.isEnabled() for action in disabled)
        assert not window.roster.add_button.isEnabled()
        # The youth register's too: nothing typed in its form for a save refused.
        youth = window.youth
        assert youth.model.rowCount() > 0
        youth.select_row(0)
        assert youth.edit_button.isEnabled()
        for button in (youth.add_button, youth.import_button, youth.admit_button):
            assert not button.isEnabled(), button.text()
            assert button.toolTip() == "Dữ liệu chỉ đọc: không lưu được thay đổi nào."
        assert window.roster.model.rowCount() > 0  # reading works
        # Writes that stay reachable fail with the message, and change nothing.
        window.roster.select_row(0)
        prompts.answer = True
        window.roster.delete_selected()
        window.show_area(4)
        window.settings.form.editors["name"].setText("Đoàn xã Khác")
        window.settings.save_button.click()
        assert prompts.errors == [READ_ONLY.message] * 2
        assert ws.members.count() == 20
        window.close()
    finally:
        ws.close()
    assert not (stick / STATE_FILE).exists()
    # In a folder that takes files, SQLite's reader makes its WAL index (and an empty WAL)
    # beside the file; nothing else appears and the database is byte for byte as it was.
    after = {k: v for k, v in snapshot(stick).items() if not k.endswith(("-wal", "-shm"))}
    assert after == before


@pytest.mark.qt_log_ignore("does not support propagateSizeHints")  # offscreen: no maximising
def test_the_app_opens_a_write_protected_folder(
    qtbot: QtBot, stick: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # where its log goes, not /tmp
    before = snapshot(stick)
    seen: list[str] = []
    opened = set(QApplication.topLevelWidgets())

    def look_then_close() -> None:
        windows = [
            w for w in QApplication.topLevelWidgets()
            if isinstance(w, MainWindow) and w not in opened and w.isVisible()
        ]  # fmt: skip
        if not windows:
            QTimer.singleShot(10, look_then_close)
            return
        for window in windows:
            qtbot.addWidget(window)
            assert window.read_only_banner is not None
            seen.append(window.read_only_banner.text())
        QApplication.exit(0)

    from doancoso.ui.shell.app import run_app

    prompts = ScriptedPrompts()
    with read_only_mount(stick):
        QTimer.singleShot(0, look_then_close)
        assert run_app(stick, prompts) == 0
    assert prompts.errors == []
    assert len(seen) == 1 and seen[0].startswith(
        f"Dữ liệu chỉ đọc: thư mục dữ liệu “{stick}” nằm trên ổ đĩa chỉ cho phép đọc"
    )
    assert snapshot(stick) == before  # no lock file, no log, no window state
    assert (tmp_path / "doancoso-logs" / "doancoso.log").is_file()
