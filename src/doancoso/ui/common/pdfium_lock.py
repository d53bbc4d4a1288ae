"""The one lock of every pdfium call in the process, and the first page of a PDF as a thumbnail.

pdfium is not thread-safe: no two of its calls may run at once, not even on two different
documents (pypdfium2's documentation, "Incompatibility with Threading"); a call made on one
thread while another runs crashes or corrupts the process. Every pypdfium2 call of the app
(opening, page sizes, outline, rendering, closing) is made holding :data:`PDFIUM_LOCK`, on
whichever thread it runs: the dossier preview renders its pages on the thumbnails' pool
(:mod:`.thumbnails`), the printer on the GUI thread, the evidence lists read the first page of
a PDF on the pool. Objects are closed explicitly under the lock, never left to the garbage
collector, which could close them on another thread in the middle of a render.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pypdfium2 as pdfium  # type: ignore[import-untyped]
import pypdfium2.raw as pdfium_c  # type: ignore[import-untyped]
from PySide6.QtGui import QColor, QImage, QPainter

PDFIUM_LOCK = threading.RLock()
"""Held around every pdfium call (re-entrant: a render inside an open document's calls)."""

PASSWORD_REASON = "Tệp PDF có mật khẩu nên không xem trước được."
DAMAGED_REASON = "Tệp PDF bị hỏng hoặc không đúng định dạng nên không xem trước được."
EMPTY_REASON = "Tệp PDF không có trang nào để xem trước."
PAGE_EDGE = "#9e9e9e"
"""The frame of a PDF's thumbnail (the grey of the document icon's page)."""
GONE_REASON = "Không đọc được tệp (tệp đã mất hoặc bị thay đổi)."


class UnreadablePdf(Exception):
    """A PDF whose first page cannot be shown; ``reason`` says why, in Vietnamese."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def page_image(page: pdfium.PdfPage, scale: float) -> QImage:
    """``page`` rendered at ``scale`` pixels per point, as a ``QImage`` of its own memory (the
    caller holds :data:`PDFIUM_LOCK`)."""
    bitmap = page.render(scale=scale, prefer_bgrx=True, may_draw_forms=False)
    try:
        # BGRx in memory is Qt's 0xffRRGGBB on little-endian machines (x86 Windows).
        return QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                      QImage.Format.Format_RGB32).copy()  # fmt: skip
    finally:
        bitmap.close()


def _framed(image: QImage) -> QImage:
    """``image`` with a thin grey frame: a white page on the white list shows where it ends."""
    painter = QPainter(image)  # on a QImage: allowed off the GUI thread
    painter.setPen(QColor(PAGE_EDGE))
    painter.drawRect(0, 0, image.width() - 1, image.height() - 1)
    painter.end()
    return image


def first_page_thumbnail(path: Path, size: int) -> QImage:
    """The first page of the PDF at ``path`` scaled to fit ``size`` × ``size``; raises
    :class:`UnreadablePdf` when the file is gone, damaged, has a password or no page. Safe on
    any thread (the lock is taken here)."""
    if not path.is_file():
        raise UnreadablePdf(GONE_REASON)
    with PDFIUM_LOCK:
        try:
            document = pdfium.PdfDocument(str(path))
        except pdfium.PdfiumError as exc:
            locked = exc.err_code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY)
            raise UnreadablePdf(PASSWORD_REASON if locked else DAMAGED_REASON) from exc
        try:
            if len(document) == 0:
                raise UnreadablePdf(EMPTY_REASON)
            page = document[0]
            try:
                width, height = page.get_size()
                if width <= 0 or height <= 0:
                    raise UnreadablePdf(DAMAGED_REASON)
                return _framed(page_image(page, size / max(width, height)))
            except pdfium.PdfiumError as exc:
                raise UnreadablePdf(DAMAGED_REASON) from exc
            finally:
                page.close()
        finally:
            document.close()
