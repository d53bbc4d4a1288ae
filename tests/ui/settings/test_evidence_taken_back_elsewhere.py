"""Lost evidence files taken back by ``doancoso restore-evidence`` in a terminal while the app is
open: the app shows them sound once it is active again, as it shows any other process's write."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from doancoso.core.lang.text import size_text
from doancoso.core.workspace import Workspace
from doancoso.ui.common.cells import TOOLTIP
from doancoso.ui.common.evidence_panel import DECORATION, THUMB
from doancoso.ui.common.thumbnails import unreadable_pdf
from doancoso.ui.shell.main_window import MainWindow
from doancoso.ui.shell.state import UiState
from scripted import synchronous_core
from shown_thumbnails import thumbnail_of

from .lost_evidence import scan_lost_but_on_a_stick


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_a_file_taken_back_from_a_terminal_shows_sound_when_the_app_is_active_again(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    scan, backup, stored = scan_lost_but_on_a_stick(ws, tmp_path)
    window = MainWindow(synchronous_core(ws), UiState(ws.data_dir))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.open_checklist_item(2025, "1.6")
    files = window.recognition.item_panel.files.model
    size = size_text(scan.stat().st_size)
    thumbnail_of(qtbot, files, 0)
    assert files.index(0).data(TOOLTIP) == (
        f"biên bản họp.pdf\nPDF, {size}\nKhông đọc được tệp (tệp đã mất hoặc bị thay đổi)."
    )

    command = [
        sys.executable, "-m", "doancoso", "--data-dir", str(ws.data_dir),
        "restore-evidence", str(backup),
    ]  # fmt: skip
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(command, capture_output=True, encoding="utf-8", env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout == (
        f"Đã lấy lại 1 tệp minh chứng từ thư mục “{backup.name}.evidence”: “biên bản họp.pdf”.\n"
    )
    assert stored.is_file()

    app = QGuiApplication.instance()
    assert isinstance(app, QGuiApplication)
    with qtbot.wait_signal(window.data_changed.changed, timeout=5000) as blocker:
        app.applicationStateChanged.emit(Qt.ApplicationState.ApplicationActive)
    assert blocker.args[0].touches("evidence_files")
    thumbnail_of(qtbot, files, 0)
    assert files.index(0).data(TOOLTIP) == f"biên bản họp.pdf\nPDF, {size}"
    assert files.index(0).data(DECORATION).cacheKey() != unreadable_pdf(THUMB).cacheKey()

    with qtbot.assert_not_emitted(window.data_changed.changed):  # nothing new since
        app.applicationStateChanged.emit(Qt.ApplicationState.ApplicationActive)
