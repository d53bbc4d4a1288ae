"""Writes of another process (the command line while the app is open) show up when the
application becomes active again."""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.shell.main_window import MainWindow
from doancoso.ui.shell.state import UiState
from scripted import synchronous_core


def _names(window: MainWindow) -> list[str]:
    model = window.roster.model
    return [model.data(model.index(row, 1)) for row in range(model.rowCount())]


def test_a_member_added_from_a_terminal_shows_when_the_app_is_active_again(
    qtbot: QtBot, ws: Workspace
) -> None:
    ws.members.save({"full_name": "Nguyễn Văn An", "birth_date": "01/01/2000"})
    window = MainWindow(synchronous_core(ws), UiState(ws.data_dir))
    qtbot.addWidget(window)
    assert _names(window) == ["Nguyễn Văn An"]
    command = [
        sys.executable, "-m", "doancoso", "--data-dir", str(ws.data_dir),
        "members", "add", "--name", "Huỳnh Thị Bé", "--birth", "04/04/2004",
    ]  # fmt: skip
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(command, capture_output=True, encoding="utf-8", env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert _names(window) == ["Nguyễn Văn An"]  # nothing told the window yet

    app = QGuiApplication.instance()
    assert isinstance(app, QGuiApplication)
    with qtbot.wait_signal(window.data_changed.changed) as blocker:
        app.applicationStateChanged.emit(Qt.ApplicationState.ApplicationActive)
    assert blocker.args[0].everything
    assert _names(window) == ["Nguyễn Văn An", "Huỳnh Thị Bé"]  # by given name: An, Bé
    assert window.roster.count_label.text() == "Đang hiển thị 2 / 2 hồ sơ"

    with qtbot.assert_not_emitted(window.data_changed.changed):  # nothing new since
        app.applicationStateChanged.emit(Qt.ApplicationState.ApplicationActive)
