"""Evidence files moved out of the data folder by hand while the app is open (the secretary
tidying her folders in the file manager), or put back: the app shows them lost, or sound again,
once it is active again, with no write in between; the checks of quick switches are throttled
and run on the worker."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from doancoso.core.lang.text import size_text
from doancoso.core.workspace import Workspace
from doancoso.ui.common.cells import TOOLTIP
from doancoso.ui.common.evidence_panel import THUMB
from doancoso.ui.common.thumbnails import unreadable_pdf
from doancoso.ui.shell.external import QUIET_MS
from doancoso.ui.shell.main_window import DOSSIER_AREA, MainWindow
from doancoso.ui.shell.operations import Core
from doancoso.ui.shell.state import UiState
from read_threads import on_the_worker, record_reads
from scripted import ScriptedPrompts, synchronous_core
from shown_thumbnails import thumbnail_of

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

GONE = "Không đọc được tệp (tệp đã mất hoặc bị thay đổi)."
LOST_LINE = (
    "Mục 1.2: tệp minh chứng “ảnh sinh hoạt.jpg” không còn trong thư mục dữ liệu hoặc đã bị "
    "hỏng, nên chưa lập được hồ sơ. Hãy lấy lại từ một bản sao lưu ra USB có tệp đó (“Lấy lại "
    "tệp minh chứng bị mất từ USB…” trong “Sao lưu và khôi phục…”, lệnh doancoso "
    "restore-evidence) hoặc đính kèm lại tệp gốc ở mục 1.2, trang “3 chủ động”."
)


def _photo_attached(ws: Workspace, tmp_path: Path) -> tuple[str, Path]:
    """A photo attached to item 1.2 of 2025: its attachment's id and its file in the store."""
    ws.recognition.open(2025)
    photo = tmp_path / "ảnh sinh hoạt.jpg"
    Image.new("RGB", (600, 400), (200, 30, 30)).save(photo)
    attachment_id = ws.recognition.attach(2025, "1.2", photo, "Buổi sinh hoạt chi đoàn")
    (stored,) = ws.evidence.store.folder.iterdir()
    return attachment_id, stored


def _activated() -> None:
    """The application active again (the secretary back from the file manager)."""
    app = QGuiApplication.instance()
    assert isinstance(app, QGuiApplication)
    app.applicationStateChanged.emit(Qt.ApplicationState.ApplicationActive)


def _missing_lines(window: MainWindow) -> list[str]:
    missing = window.recognition.missing
    return [missing.item(row).text() for row in range(missing.count())]


def _dossier_lost_lines(window: MainWindow) -> list[str]:
    return [g.reason for g in window.dossier.checks.gaps if g.lost]


def test_a_photo_moved_away_by_hand_shows_lost_then_sound_when_put_back(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    attachment_id, stored = _photo_attached(ws, tmp_path)
    window = MainWindow(synchronous_core(ws), UiState(ws.data_dir))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.open_checklist_item(2025, "1.2")
    files = window.recognition.item_panel.files.model
    assert thumbnail_of(qtbot, files, 0).cacheKey() != unreadable_pdf(THUMB).cacheKey()
    size = size_text(stored.stat().st_size)
    sound = f"ảnh sinh hoạt.jpg\nảnh JPEG, {size}\nBuổi sinh hoạt chi đoàn"
    assert files.index(0).data(TOOLTIP) == sound
    assert LOST_LINE not in _missing_lines(window)

    tidied = tmp_path / "đã dọn"
    tidied.mkdir()
    moved = stored.rename(tidied / stored.name)
    with qtbot.wait_signal(window.data_changed.changed) as blocker:
        _activated()
    assert blocker.args[0].ids("evidence_files") == {attachment_id}
    assert thumbnail_of(qtbot, files, 0).cacheKey() == unreadable_pdf(THUMB).cacheKey()
    assert files.index(0).data(TOOLTIP) == f"{sound}\n{GONE}"
    assert LOST_LINE in _missing_lines(window)
    window.show_area(DOSSIER_AREA)
    with qtbot.wait_signal(window.dossier.checked):
        window.dossier.year_box.setValue(2025)
    assert _dossier_lost_lines(window) == [LOST_LINE]

    # Put back at once: the window active again within the quiet time after the last check is
    # checked once that time is over, not forgotten.
    moved.rename(stored)
    with qtbot.assert_not_emitted(window.data_changed.changed):
        _activated()
    with qtbot.wait_signal(window.data_changed.changed, timeout=QUIET_MS + 5000) as blocker:
        pass
    assert blocker.args[0].ids("evidence_files") == {attachment_id}
    qtbot.waitUntil(lambda: _dossier_lost_lines(window) == [])  # checked again, on its own
    window.open_checklist_item(2025, "1.2")
    qtbot.waitUntil(lambda: LOST_LINE not in _missing_lines(window))
    assert thumbnail_of(qtbot, files, 0).cacheKey() != unreadable_pdf(THUMB).cacheKey()
    assert files.index(0).data(TOOLTIP) == sound


def test_quick_switches_check_once_on_the_worker_and_once_after(
    qtbot: QtBot, ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, stored = _photo_attached(ws, tmp_path)
    core = Core(ws, ScriptedPrompts())
    window = MainWindow(core, UiState(ws.data_dir))
    qtbot.addWidget(window)
    checks = record_reads(ws.evidence, monkeypatch, "check_lost")
    seen: list[frozenset[str] | None] = []
    window.data_changed.changed.connect(lambda c: seen.append(c.ids("evidence_files")))
    stored.unlink()
    for _ in range(10):  # back and forth between the app and the file manager
        _activated()
    qtbot.waitUntil(lambda: not window.external.running, timeout=10000)
    assert len(checks) == 1 and on_the_worker(checks)
    assert len(seen) == 1
    assert window.external.wanted  # the later switches: checked together after the quiet time
    qtbot.waitUntil(lambda: len(checks) == 2, timeout=QUIET_MS + 10000)
    qtbot.waitUntil(lambda: not window.external.running, timeout=10000)
    assert on_the_worker(checks) and not window.external.wanted
    assert len(seen) == 1  # nothing turned since the first check
    core.runner.wait()
