"""Copies of members' files made for the system's viewer (evidence opened with "Mở xem", the dossier
built for the preview) go into one folder of the app's in the system's temporary folder, a
folder a session, and the copies of sessions that ended are removed at the app's next start: a
shared PC's temporary folder does not fill with personal data. A session still running (another
window of the app) keeps its copies; what cannot be removed yet is tried again next time."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QSize, QUrl
from pytestqt.qtbot import QtBot

from doancoso.core.storage.lock import LOCK_FILE
from doancoso.core.workspace import Workspace
from doancoso.ui.common.evidence_panel import THUMB, EvidencePanel
from doancoso.ui.common.temp_copies import (
    APP_TEMP,
    CLEANER,
    LEGACY_AGE_S,
    remove_old_copies,
    remove_old_copies_in_background,
    session_folder,
)
from doancoso.ui.dossier.page import DossierPage
from doancoso.ui.recognition.evidence import pdf_icon
from doancoso.ui.shell.operations import Core
from doancoso.ui.shell.undo import UndoHistory

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

# An earlier session of the app: opens a file for the viewer in its folder, then (with "wait")
# runs on until its stdin closes.
_SESSION = """
import sys
from pathlib import Path
from doancoso.ui.common.temp_copies import session_folder

copy = session_folder(Path(sys.argv[1])) / "minh-chung" / "ab12" / "Biên bản họp.pdf"
copy.parent.mkdir(parents=True)
copy.write_bytes(b"%PDF-1.4 danh sach doan vien")
print(copy, flush=True)
if sys.argv[2:] == ["wait"]:
    sys.stdin.read()
"""


def _session(temp: Path, wait: bool = False) -> tuple[subprocess.Popen[str], Path]:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    args = [sys.executable, "-c", _SESSION, str(temp)] + (["wait"] if wait else [])
    proc = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                            env=env)  # fmt: skip
    assert proc.stdout is not None
    copy = Path(proc.stdout.readline().strip())
    assert copy.is_file()
    return proc, copy


def _age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


def test_the_copies_of_ended_sessions_go_at_the_next_start(
    temp: Path, caplog: pytest.LogCaptureFixture
) -> None:
    ended, ended_copy = _session(temp)
    assert ended.wait(30) == 0
    assert ended.stdin is not None and ended.stdout is not None
    ended.stdin.close()
    ended.stdout.close()
    session = ended_copy.parent.parent.parent
    assert ended_copy.is_file() and not (session / LOCK_FILE).exists()  # let go at its exit
    running, running_copy = _session(temp, wait=True)
    try:
        ours = session_folder() / "minh-chung" / "Ảnh.jpg"  # this session's own, in use
        ours.parent.mkdir(parents=True)
        ours.write_bytes(b"\xff\xd8\xff")
        assert ended_copy.parent.parent.parent.parent == temp / APP_TEMP
        left = remove_old_copies()
        assert not ended_copy.parent.parent.parent.exists()  # the ended session's folder
        assert running_copy.is_file() and ours.is_file()
        assert left == [running_copy.parent.parent.parent]
        assert [r for r in caplog.records if r.levelno >= logging.WARNING] == []
    finally:
        assert running.stdin is not None and running.stdout is not None
        running.stdin.close()
        assert running.wait(30) == 0
        running.stdout.close()
    assert remove_old_copies() == []  # ended now: removed at the start after
    assert not running_copy.exists() and ours.is_file()
    assert sorted(p.name for p in (temp / APP_TEMP).iterdir()) == [session_folder().name]


def test_the_copies_older_versions_left_in_the_temporary_folder_go_too(temp: Path) -> None:
    old_view = temp / "doancoso-minh-chung" / "0123456789abcdef" / "Danh sách.xlsx.pdf"
    old_dossier = temp / "doancoso-hoso-k2j4" / "ho-so-1.pdf"
    for path in (old_view, old_dossier):
        path.parent.mkdir(parents=True)
        path.write_bytes(b"%PDF-1.4")
    recent = temp / "doancoso-hoso-x9z1"  # a window of an older version open now
    recent.mkdir()
    other = temp / "khong-phai-cua-app.txt"
    other.write_text("giữ nguyên", encoding="utf-8")
    _age(temp / "doancoso-minh-chung", LEGACY_AGE_S + 60)
    _age(temp / "doancoso-hoso-k2j4", LEGACY_AGE_S + 60)
    assert remove_old_copies() == [recent]
    assert sorted(p.name for p in temp.iterdir()) == ["doancoso-hoso-x9z1", other.name]


def test_nothing_to_remove_and_no_folder_yet_is_fine(temp: Path) -> None:
    assert remove_old_copies() == []
    assert list(temp.iterdir()) == []


def test_evidence_opened_is_copied_into_this_sessions_folder(
    qtbot: QtBot, core: Core, history: UndoHistory, ws: Workspace, temp: Path
) -> None:
    photo = temp.parent / "Sinh hoạt chi đoàn.jpg"
    Image.new("RGB", (64, 48), (200, 30, 30)).save(photo)
    ws.evidence.attach("advice", "5d0c2a8e-1f7b-4c44-8f0e-3a9b6c1d2e7f", photo)
    attached = ws.evidence.attachments("advice", "5d0c2a8e-1f7b-4c44-8f0e-3a9b6c1d2e7f")
    panel = EvidencePanel(
        core, history, empty_text="", cell=QSize(THUMB + 44, THUMB + 40),
        document_icon=pdf_icon, caption_saved=None,
    )  # fmt: skip
    qtbot.addWidget(panel)
    opened: list[QUrl] = []
    panel.open_url = opened.append
    panel.set_target(None, attached)
    panel.view.selectAll()
    panel.open_button.click()
    qtbot.waitUntil(lambda: bool(opened))
    copy = Path(opened[0].toLocalFile())
    assert copy.name == "Sinh hoạt chi đoàn.jpg" and copy.read_bytes() == photo.read_bytes()
    assert copy.is_relative_to(session_folder() / "minh-chung")
    assert session_folder().parent == temp / APP_TEMP
    assert remove_old_copies() == [] and copy.is_file()  # this session's: kept while it runs


def test_the_dossier_is_built_in_this_sessions_folder(qtbot: QtBot, core: Core, temp: Path) -> None:
    page = DossierPage(core)
    qtbot.addWidget(page)
    assert page.folder.parent == session_folder()
    assert session_folder().parent == temp / APP_TEMP
    page.close_pdf()
    assert not page.folder.exists()


def test_the_start_does_not_wait_for_the_clean_up(temp: Path) -> None:
    old = temp / APP_TEMP / "phien-cu" / "minh-chung" / "ab12" / "Ảnh sinh hoạt.jpg"
    old.parent.mkdir(parents=True)
    old.write_bytes(b"\xff\xd8\xff")
    thread = remove_old_copies_in_background()
    assert thread.name == CLEANER and thread.daemon  # never holds the app open at exit
    thread.join(30)
    assert list((temp / APP_TEMP).iterdir()) == []
