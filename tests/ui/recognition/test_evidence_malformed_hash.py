"""A file whose row's hash is not a SHA-256 (a damaged database, a hand edit, an old bundle) is
shown on the checklist page like any file lost from the store: listed on its item, and opening
it says what to do, as the data check names it; the page never fails to read its year."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QUrl

from doancoso.core.evidence.store import lost_file_message
from doancoso.core.workspace import Workspace
from doancoso.ui.recognition.checklist_model import COL_FILES
from doancoso.ui.recognition.page import RecognitionPage
from scripted import ScriptedPrompts

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_a_row_with_a_malformed_hash_is_shown_as_a_lost_file(
    page: RecognitionPage, ws: Workspace, photo: Path, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    ws.recognition.attach(2025, "1.6", photo, "Ảnh ra quân")
    (stored,) = ws.evidence.store.folder.iterdir()
    with sqlite3.connect(ws.db.path) as db:  # the hash as an old version wrote it
        db.execute("UPDATE evidence_files SET sha256 = ?", (stored.name.upper(),))
    db.close()
    page.refresh()
    page.select_item("1.6")
    assert page.model.data(page.model.item_index("1.6").siblingAtColumn(COL_FILES)) == "1"
    assert page.item_panel.files_title.text() == "Tệp minh chứng (1):"
    files = page.item_panel.files
    assert files.model.rowCount(QModelIndex()) == 1
    assert files.model.index(0).data() == "Ảnh ra quân"
    opened: list[QUrl] = []
    files.open_url = opened.append
    files.view_folder = tmp_path / "xem"
    files.view.setCurrentIndex(files.model.index(0))
    files.open_button.click()
    assert opened == []
    assert prompts.errors == [lost_file_message("anh-ra-quan.png")]
    assert not (tmp_path / "xem").exists()
