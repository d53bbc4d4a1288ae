"""Checklist GUI tests: a page on a synchronous core at a fixed day, and files to attach."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDragMoveEvent, QDropEvent, QImage
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.recognition.page import RecognitionPage
from doancoso.ui.shell.operations import Core
from doancoso.ui.shell.undo import UndoHistory

TODAY = dt.date(2025, 12, 31)


@pytest.fixture
def make_page(qtbot: QtBot, core: Core, history: UndoHistory) -> Callable[[], RecognitionPage]:
    def make() -> RecognitionPage:
        page = RecognitionPage(core, history, today=lambda: TODAY)
        qtbot.addWidget(page)
        page.resize(1216, 650)
        page.show()  # the first show reads the year
        return page

    return make


@pytest.fixture
def page(ws: Workspace, make_page: Callable[[], RecognitionPage]) -> RecognitionPage:
    """The page of 2025, whose checklist is opened on the default template."""
    ws.recognition.open(2025)
    return make_page()


@pytest.fixture
def photo(tmp_path: Path) -> Path:
    """A red 300 × 200 photo (PNG)."""
    image = QImage(300, 200, QImage.Format.Format_RGB32)
    image.fill(QColor("#d32f2f"))
    path = tmp_path / "anh-ra-quan.png"
    assert image.save(str(path), "PNG")  # type: ignore[call-overload]
    return path


def drop_files(widget: QWidget, at: QPoint, paths: list[Path]) -> bool:
    """Drag ``paths`` onto ``widget`` at ``at`` and drop them there, as a file manager does
    (Qt delivers a drop to the widget that accepted the drag's entry); returns whether the drop
    was accepted. (The events do not own their data: all of it dies here.)"""
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    action, button = Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton
    modifiers = Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(at, action, data, button, modifiers)
    QApplication.sendEvent(widget, enter)
    move = QDragMoveEvent(at, action, data, button, modifiers)
    QApplication.sendEvent(widget, move)
    drop = QDropEvent(QPointF(at), action, data, button, modifiers)
    QApplication.sendEvent(widget, drop)
    return drop.isAccepted()
