"""An evidence PDF shows its first page as its thumbnail, rendered off the GUI thread by pdfium
under its one lock; a damaged PDF or one with a password shows a clear placeholder, the reason
on its tooltip, and nothing raises."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from PySide6.QtCore import QPoint, QSize
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from doancoso.core.evidence.service import Attachment
from doancoso.core.evidence.store import MEDIA_TYPES
from doancoso.core.lang.text import size_text
from doancoso.core.workspace import Workspace
from doancoso.ui.common import thumbnails
from doancoso.ui.common.evidence_panel import DECORATION, THUMB, EvidencePanel
from doancoso.ui.common.pdfium_lock import (
    DAMAGED_REASON,
    PAGE_EDGE,
    PASSWORD_REASON,
    PDFIUM_LOCK,
)
from doancoso.ui.recognition.evidence import pdf_icon
from doancoso.ui.shell.operations import Core
from doancoso.ui.shell.undo import UndoHistory
from shown_thumbnails import is_placeholder, rgb, thumbnail_of

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

TABLE = "advice"
OWNER = "5d0c2a8e-1f7b-4c44-8f0e-3a9b6c1d2e7f"
GREEN = "#2e7d32"
TOOLTIP = 3  # Qt.ItemDataRole.ToolTipRole


def _green_pdf(path: Path, note: str) -> Path:
    """An A4 page in green, then a second one in white (only the first is the thumbnail)."""
    canvas = Canvas(str(path), pagesize=A4)
    canvas.setFillColor(GREEN)
    canvas.rect(0, 0, A4[0], A4[1], stroke=0, fill=1)
    canvas.drawString(72, 72, note)  # each file its own hash
    canvas.showPage()
    canvas.drawString(72, 720, note)
    canvas.showPage()
    canvas.save()
    return path


def _damaged(path: Path, source: Path) -> Path:
    """A PDF cut after its first 600 bytes (a copy from a stick pulled out)."""
    path.write_bytes(source.read_bytes()[:600])
    return path


def _encrypted(path: Path, source: Path) -> Path:
    writer = PdfWriter(clone_from=PdfReader(source))
    writer.encrypt(user_password="matkhau", owner_password="chu-so-huu", algorithm="AES-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    path.write_bytes(buffer.getvalue())
    return path


@pytest.fixture
def pdfs(ws: Workspace, tmp_path: Path) -> list[Attachment]:
    sound = _green_pdf(tmp_path / "bien-ban-sinh-hoat.pdf", "Biên bản sinh hoạt chi đoàn")
    source = _green_pdf(tmp_path / "nguon.pdf", "Kế hoạch năm")
    for path in (
        sound,
        _damaged(tmp_path / "ke-hoach-hong.pdf", source),
        _encrypted(tmp_path / "danh-sach-co-mat-khau.pdf", source),
    ):
        ws.evidence.attach(TABLE, OWNER, path)
    return ws.evidence.attachments(TABLE, OWNER)


def _panel(qtbot: QtBot, core: Core, history: UndoHistory) -> EvidencePanel:
    panel = EvidencePanel(
        core, history, empty_text="Chưa có tệp.", cell=QSize(THUMB + 44, THUMB + 40),
        document_icon=pdf_icon, caption_saved=None,
    )  # fmt: skip
    qtbot.addWidget(panel)
    panel.resize(900, 500)
    return panel


def test_a_pdf_shows_its_first_page_and_a_broken_one_says_why(
    qtbot: QtBot, core: Core, history: UndoHistory, pdfs: list[Attachment]
) -> None:
    panel = _panel(qtbot, core, history)
    with PDFIUM_LOCK:  # pdfium busy: the list paints all the same, nothing read on this thread
        panel.set_target(None, pdfs)
        panel.show()
        panel.view.doItemsLayout()
        panel.view.viewport().grab()
        assert all(is_placeholder(panel.model.index(row).data(DECORATION)) for row in range(3))
    sound, damaged, encrypted = (thumbnail_of(qtbot, panel.model, row) for row in range(3))

    image = sound.pixmap(THUMB, THUMB).toImage()
    assert (image.width(), image.height()) == (68, 96)  # an upright A4 page in a 96 px square
    centre = image.pixelColor(QPoint(34, 48))
    assert all(abs(a - b) <= 8 for a, b in zip(rgb(centre), rgb(QColor(GREEN)),
                                               strict=True))  # fmt: skip
    assert sound.cacheKey() != pdf_icon().cacheKey()
    # A thin frame shows where the page ends (a white page on the white list).
    assert image.pixelColor(QPoint(0, 0)) == QColor(PAGE_EDGE)
    assert image.pixelColor(QPoint(67, 95)) == QColor(PAGE_EDGE)

    broken = thumbnails.unreadable_pdf(THUMB).cacheKey()
    assert damaged.cacheKey() == broken and encrypted.cacheKey() == broken

    def tooltip(row: int) -> str:
        return str(panel.model.index(row).data(TOOLTIP))

    kind = MEDIA_TYPES["application/pdf"]
    assert tooltip(0) == f"bien-ban-sinh-hoat.pdf\n{kind}, {size_text(pdfs[0].size)}"
    assert tooltip(1) == f"ke-hoach-hong.pdf\n{kind}, {size_text(pdfs[1].size)}\n{DAMAGED_REASON}"
    assert tooltip(2) == (
        f"danh-sach-co-mat-khau.pdf\n{kind}, {size_text(pdfs[2].size)}\n{PASSWORD_REASON}"
    )
    assert DAMAGED_REASON == "Tệp PDF bị hỏng hoặc không đúng định dạng nên không xem trước được."
    assert PASSWORD_REASON == "Tệp PDF có mật khẩu nên không xem trước được."


def test_a_pdf_gone_from_the_store_shows_the_placeholder_with_why(
    qtbot: QtBot, core: Core, history: UndoHistory, pdfs: list[Attachment]
) -> None:
    pdfs[0].path.unlink()
    panel = _panel(qtbot, core, history)
    panel.set_target(None, pdfs[:1])
    panel.show()
    icon = thumbnail_of(qtbot, panel.model, 0)
    assert icon.cacheKey() == thumbnails.unreadable_pdf(THUMB).cacheKey()
    tip = str(panel.model.index(0).data(TOOLTIP))
    assert tip.endswith("\nKhông đọc được tệp (tệp đã mất hoặc bị thay đổi).")
