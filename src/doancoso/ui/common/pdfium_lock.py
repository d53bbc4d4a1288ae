"""The one lock of every pdfium call in the process.

pdfium is not thread-safe: no two of its calls may run at once, not even on two different
documents (pypdfium2's documentation, "Incompatibility with Threading"); a call made on one
thread while another runs crashes or corrupts the process. Every pypdfium2 call of the app
(opening, page sizes, outline, rendering, closing) is made holding :data:`PDFIUM_LOCK`, on
whichever thread it runs: the dossier preview renders its pages on the thumbnails' pool
(:mod:`.thumbnails`), the printer on the GUI thread. Objects are closed explicitly under the
lock, never left to the garbage collector, which could close them on another thread in the
middle of a render.
"""

from __future__ import annotations

import threading

import pypdfium2 as pdfium  # type: ignore[import-untyped]
from PySide6.QtGui import QImage

PDFIUM_LOCK = threading.RLock()
"""Held around every pdfium call (re-entrant: a render inside an open document's calls)."""


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
