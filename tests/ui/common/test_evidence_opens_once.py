"""With the app's threaded runner, "Mở xem" (or Enter, or a double click on a file) pressed twice
while the file is checked and copied on the worker opens it once: not two copies handed to the
system's viewer, two windows of the same photo. Once it opened, pressed again, it opens again."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, QUrl
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.common.evidence_panel import THUMB, EvidencePanel
from doancoso.ui.recognition.evidence import pdf_icon
from doancoso.ui.shell.operations import Core
from doancoso.ui.shell.undo import UndoHistory
from read_threads import delivered, worker_held
from scripted import ScriptedPrompts

TABLE = "advice"
OWNER = "0b6f8c3e-4a51-4c1e-9a53-5f0f1f6b2d10"


def test_open_pressed_twice_opens_the_file_once(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    image = QImage(200, 100, QImage.Format.Format_RGB32)
    image.fill(QColor("#2e7d32"))
    photo = tmp_path / "Ảnh sinh hoạt.png"
    assert image.save(str(photo), "PNG")  # type: ignore[call-overload]
    ws.evidence.attach(TABLE, OWNER, photo)
    core = Core(ws, prompts, delay_ms=60_000)  # threaded, as in the app; no progress dialog
    panel = EvidencePanel(
        core, UndoHistory(core), empty_text="Chưa có tệp.", cell=QSize(THUMB + 44, THUMB + 40),
        document_icon=pdf_icon, caption_saved=None,
    )  # fmt: skip
    qtbot.addWidget(panel)
    panel.set_target(None, ws.evidence.attachments(TABLE, OWNER))
    opened: list[QUrl] = []
    panel.open_url = opened.append
    panel.view_folder = tmp_path / "xem"
    panel.view.setCurrentIndex(panel.model.index(0))
    with worker_held(core):
        panel.open_button.click()
        qtbot.keyClick(panel.view, Qt.Key.Key_Return)  # again before the copy was made
    delivered(qtbot, core)
    copy = tmp_path / "xem" / ws.evidence.attachments(TABLE, OWNER)[0].sha256[:16] / photo.name
    assert opened == [QUrl.fromLocalFile(str(copy))]
    assert copy.read_bytes() == photo.read_bytes() and prompts.errors == []

    panel.open_button.click()  # once it opened: pressed again, it opens again
    delivered(qtbot, core)
    assert opened == [QUrl.fromLocalFile(str(copy))] * 2
