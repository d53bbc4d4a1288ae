"""Waiting for the thumbnails of an evidence list: they are read off the GUI thread, each file
showing a placeholder until its own arrives."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QColor, QIcon
from pytestqt.qtbot import QtBot

from doancoso.ui.common.evidence_panel import THUMB
from doancoso.ui.common.thumbnails import placeholder

DECORATION = Qt.ItemDataRole.DecorationRole


def is_placeholder(icon: object) -> bool:
    return isinstance(icon, QIcon) and icon.cacheKey() == placeholder(THUMB).cacheKey()


def thumbnail_of(qtbot: QtBot, model: QAbstractItemModel, row: int) -> QIcon:
    """The icon of file ``row`` once its thumbnail was read (or found unreadable)."""
    qtbot.waitUntil(lambda: not is_placeholder(model.index(row, 0).data(DECORATION)), timeout=10000)
    icon = model.index(row, 0).data(DECORATION)
    assert isinstance(icon, QIcon)
    return icon


def rgb(colour: QColor) -> tuple[int, int, int]:
    """The red, green and blue of a colour shown (QColor.getRgb(), typed)."""
    return colour.red(), colour.green(), colour.blue()
