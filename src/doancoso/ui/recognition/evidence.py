"""The evidence files of one record of the checklist (a checklist item, an advice or
coordination record): the shared evidence panel (:mod:`..common.evidence_panel`), PDFs with a
drawn PDF icon, "Đã lưu chú thích." said once a caption is saved. The record shown and how a
file is attached to it are given by :meth:`EvidencePanel.set_target`.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap, QPolygon
from PySide6.QtWidgets import QWidget

from ..common.evidence_panel import DECORATION, THUMB, Attach, dropped_paths
from ..common.evidence_panel import EvidencePanel as SharedPanel
from ..shell.operations import Core
from ..shell.undo import UndoHistory

__all__ = [
    "DECORATION", "EMPTY", "THUMB", "Attach", "EvidencePanel", "dropped_paths", "pdf_icon",
]  # fmt: skip

EMPTY = "Chưa có tệp minh chứng.\nBấm “Đính kèm tệp…” hoặc kéo thả ảnh, PDF vào đây."
_PDF_ICON: list[QIcon] = []


def _draw_pdf_icon() -> QIcon:
    """A page with a folded corner and a red "PDF" band."""
    pixmap = QPixmap(THUMB, THUMB)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor("#9e9e9e"))
    painter.setBrush(QColor("#ffffff"))
    painter.drawRect(QRect(18, 6, 60, 84))
    painter.setBrush(QColor("#e0e0e0"))
    painter.drawPolygon(QPolygon([QPoint(62, 6), QPoint(78, 22), QPoint(62, 22)]))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#c62828"))
    painter.drawRect(QRect(10, 50, 56, 22))
    painter.setPen(QColor("#ffffff"))
    font = QFont()
    font.setBold(True)
    font.setPixelSize(15)
    painter.setFont(font)
    painter.drawText(QRect(10, 50, 56, 22), int(Qt.AlignmentFlag.AlignCenter), "PDF")
    painter.end()
    return QIcon(pixmap)


def pdf_icon() -> QIcon:
    """The PDF icon, drawn once."""
    if not _PDF_ICON:
        _PDF_ICON.append(_draw_pdf_icon())
    return _PDF_ICON[0]


class EvidencePanel(SharedPanel):
    """The files of the record given to :meth:`set_target`: list, buttons, drops. ``status``
    says what was just done. Nothing can be attached while no record is shown."""

    def __init__(self, core: Core, history: UndoHistory, parent: QWidget | None = None) -> None:
        super().__init__(
            core, history, parent, empty_text=EMPTY, cell=QSize(THUMB + 44, THUMB + 40),
            document_icon=pdf_icon, caption_saved="Đã lưu chú thích.",
        )  # fmt: skip
