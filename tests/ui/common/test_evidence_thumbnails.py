"""Photos of an evidence list are read off the GUI thread: a list of large phone photos paints at
once with placeholders, then each file shows its photo as its thumbnail arrives; a list closed
while its photos are read gets nothing (and nothing crashes); thumbnails are kept by SHA-256 and
size, so a second list of the same photos shows them without reading them again."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSize
from PySide6.QtGui import QColor, QImage, QPainter
from pytestqt.qtbot import QtBot
from shiboken6 import delete

from doancoso.core.evidence.service import Attachment
from doancoso.core.workspace import Workspace
from doancoso.ui.common import thumbnails
from doancoso.ui.common.evidence_panel import DECORATION, THUMB, EvidencePanel
from doancoso.ui.recognition.evidence import pdf_icon
from doancoso.ui.shell.operations import Core
from doancoso.ui.shell.undo import UndoHistory
from shown_thumbnails import is_placeholder, rgb, thumbnail_of

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

TABLE = "advice"
OWNER = "5d0c2a8e-1f7b-4c44-8f0e-3a9b6c1d2e7f"
COLOURS = ["#2e7d32", "#1565c0", "#c62828", "#6a1b9a", "#ef6c00", "#00838f"]


def _phone_photo(folder: Path, name: str, colour: str) -> Path:
    """An 8-megapixel JPEG (3264 × 2448) of one colour, with a corner of random pixels so that
    its SHA-256 is its own: the session's thumbnails never hold it already."""
    image = QImage(3264, 2448, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    noise = QImage(os.urandom(64 * 64 * 4), 64, 64, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    painter.drawImage(QPoint(0, 0), noise)
    painter.end()
    path = folder / name
    assert image.save(str(path), "JPEG", 90)  # type: ignore[call-overload]
    return path


@pytest.fixture
def photos(ws: Workspace, tmp_path: Path) -> list[Attachment]:
    for index, colour in enumerate(COLOURS):
        ws.evidence.attach(TABLE, OWNER, _phone_photo(tmp_path, f"IMG_{index:04d}.jpg", colour))
    return ws.evidence.attachments(TABLE, OWNER)


class Gate:
    """Holds the pool's reads until opened, and says on which threads photos were read."""

    def __init__(self) -> None:
        self.open = threading.Event()
        self.on_gui_thread: list[bool] = []

    def read(self, path: Path, size: int) -> QImage:
        self.on_gui_thread.append(threading.current_thread() is threading.main_thread())
        assert self.open.wait(10)
        return REAL_READ(path, size)


REAL_READ = thumbnails.read_thumbnail


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> Iterator[Gate]:
    held = Gate()
    monkeypatch.setattr(thumbnails, "read_thumbnail", held.read)
    yield held
    held.open.set()  # a test that failed leaves no thread waiting
    thumbnails.thumbnails().drain()


def _panel(core: Core, history: UndoHistory) -> EvidencePanel:
    panel = EvidencePanel(
        core, history, empty_text="Chưa có tệp.", cell=QSize(THUMB + 44, THUMB + 40),
        document_icon=pdf_icon, caption_saved=None,
    )  # fmt: skip
    panel.resize(900, 500)  # every file in sight
    return panel


def _painted(panel: EvidencePanel) -> QImage:
    """The list painted now, on this thread, without a turn of the event loop."""
    panel.view.doItemsLayout()
    return panel.view.viewport().grab().toImage()


def _icon_centre(panel: EvidencePanel, row: int) -> QPoint:
    rect = panel.view.visualRect(panel.model.index(row))
    return QPoint(rect.center().x(), rect.top() + THUMB // 2)


def _near(seen: QColor, colour: str) -> bool:
    """``seen`` is ``colour`` but for what JPEG makes of it."""
    wanted = QColor(colour)
    return all(abs(a - b) <= 8 for a, b in zip(rgb(seen), rgb(wanted), strict=True))


def test_large_photos_are_painted_at_once_then_shown_as_they_are_read(
    qtbot: QtBot, core: Core, history: UndoHistory, photos: list[Attachment], gate: Gate
) -> None:
    panel = _panel(core, history)
    qtbot.addWidget(panel)
    panel.set_target(None, photos)
    panel.show()
    first = _painted(panel)  # returns while no photo is read: they wait behind the gate
    rows = range(len(photos))
    assert all(is_placeholder(panel.model.index(row).data(DECORATION)) for row in rows)
    for row, colour in enumerate(COLOURS):
        assert not _near(first.pixelColor(_icon_centre(panel, row)), colour)
    gate.open.set()
    shown = [thumbnail_of(qtbot, panel.model, row).pixmap(THUMB, THUMB).toImage() for row in rows]
    assert [(image.width(), image.height()) for image in shown] == [(96, 72)] * len(photos)
    qtbot.waitUntil(
        lambda: all(
            _near(_painted(panel).pixelColor(_icon_centre(panel, row)), colour)
            for row, colour in enumerate(COLOURS)
        )
    )  # each file repainted with its photo
    assert gate.on_gui_thread == [False] * len(photos)  # each read once, off the GUI thread

    again = _panel(core, history)  # the same photos on another record: kept, not read again
    qtbot.addWidget(again)
    again.set_target(None, photos)
    assert not any(is_placeholder(again.model.index(row).data(DECORATION)) for row in rows)
    assert len(gate.on_gui_thread) == len(photos)


def test_a_list_closed_while_its_photos_are_read_gets_nothing(
    qtbot: QtBot, core: Core, history: UndoHistory, photos: list[Attachment], gate: Gate
) -> None:
    hub = thumbnails.thumbnails()
    panel = _panel(core, history)
    panel.set_target(None, photos)
    panel.show()
    _painted(panel)
    keys = {(photo.sha256, THUMB) for photo in photos}
    assert keys <= hub.reading
    arrived: list[object] = []
    hub.ready.connect(arrived.append)
    delete(panel)  # closed (the checklist's record changed, the dialog shut) mid-read
    gate.open.set()
    assert hub.pool.waitForDone(10000)
    qtbot.waitUntil(lambda: not keys & hub.reading)  # delivered: to the hub, not to the list
    assert set(map(tuple, arrived)) == keys  # type: ignore[arg-type]
    hub.ready.disconnect(arrived.append)
    assert all(hub.icon(sha, Path(), THUMB) is not None for sha, _ in keys)


def test_a_thumbnail_is_kept_by_file_and_size(qtbot: QtBot, photos: list[Attachment]) -> None:
    hub = thumbnails.thumbnails()
    photo = photos[0]
    small = hub.icon(photo.sha256, photo.path, 48)
    large = hub.icon(photo.sha256, photo.path, THUMB)
    assert small is not None and large is not None
    qtbot.waitUntil(lambda: not hub.reading)
    small = hub.icon(photo.sha256, photo.path, 48)
    large = hub.icon(photo.sha256, photo.path, THUMB)
    assert small is not None and large is not None
    assert small.availableSizes() == [QSize(48, 36)]
    assert large.availableSizes() == [QSize(96, 72)]
