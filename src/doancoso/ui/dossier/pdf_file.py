"""A built dossier opened with pdfium for the preview and the printer: its page sizes, its outline
(the bookmarks of each part and evidence item) and its pages rendered to images, kept in a cache
bounded by memory so that paging back and forth through 300 pages renders each page once.

pdfium is not thread-safe: every call here holds :data:`~..common.pdfium_lock.PDFIUM_LOCK`, so a
page may be rendered on a thread of the thumbnails' pool (the preview, :mod:`.renders`) while the
GUI thread opens, prints or closes. The cache is the GUI thread's only: a page rendered on the
pool is kept (:meth:`PdfFile.keep`) when it arrives there. A render asked of a file closed
meanwhile gives a null image.
"""

from __future__ import annotations

import threading
from collections import OrderedDict, deque
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium  # type: ignore[import-untyped]
from PySide6.QtGui import QImage

from ...core.errors import AppError
from ..common.pdfium_lock import PDFIUM_LOCK, page_image

CACHE_BYTES = 96 * 1024 * 1024
"""Rendered pages kept, counted in bytes (about 20 pages at screen size, 5 on a display scaled to
200%, whose pages have four times the pixels), the least recently shown dropped first."""


@dataclass(frozen=True)
class OutlineEntry:
    """One bookmark: its nesting level (0 a part, 1 an evidence item), title and page (0-based)."""

    level: int
    title: str
    page: int


class PdfFile:
    """An open PDF: ``sizes`` in points, ``outline``, ``render(index, width)``; close it when done
    (the file stays open while it is shown)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.closed = False
        self.renders: deque[tuple[int, int]] = deque(maxlen=1000)
        """The pages rendered lately and the threads they were rendered on (tests look)."""
        with PDFIUM_LOCK:
            try:
                self._pdf = pdfium.PdfDocument(str(path))
            except pdfium.PdfiumError as exc:
                message = f"Không mở được tệp “{path.name}” để xem trước."
                raise AppError(message, details=repr(exc)) from exc
            self.sizes: list[tuple[float, float]] = [
                self._pdf.get_page_size(i) for i in range(len(self._pdf))
            ]
            self.outline = self._outline()
        self._cache: OrderedDict[tuple[int, int], QImage] = OrderedDict()
        self._cached_bytes = 0

    def __len__(self) -> int:
        return len(self.sizes)

    def _outline(self) -> list[OutlineEntry]:
        entries = []
        for bookmark in self._pdf.get_toc():
            dest = bookmark.get_dest()
            index = dest.get_index() if dest is not None else None
            if index is not None:
                entries.append(OutlineEntry(bookmark.level, bookmark.get_title(), index))
        return entries

    def cached(self, index: int, width: int) -> QImage | None:
        """Page ``index`` as rendered ``width`` device pixels wide, if it is kept (GUI thread)."""
        key = (index, width)
        image = self._cache.get(key)
        if image is not None:
            self._cache.move_to_end(key)
        return image

    def any_cached(self, index: int) -> QImage | None:
        """Page ``index`` as last kept at any width (shown scaled until the sharp one comes)."""
        for (page, _width), image in reversed(self._cache.items()):
            if page == index:
                return image
        return None

    def keep(self, index: int, width: int, image: QImage) -> None:
        """Keep page ``index`` rendered ``width`` device pixels wide (GUI thread)."""
        key = (index, width)
        if self.closed or key in self._cache:
            return
        self._cache[key] = image
        self._cached_bytes += image.sizeInBytes()
        while self._cached_bytes > CACHE_BYTES and len(self._cache) > 1:
            _, dropped = self._cache.popitem(last=False)
            self._cached_bytes -= dropped.sizeInBytes()

    def render(self, index: int, width: int) -> QImage:
        """Page ``index`` rendered ``width`` pixels wide now, on this thread (cached)."""
        image = self.cached(index, width)
        if image is None:
            image = self.render_uncached(index, width / self.sizes[index][0])
            if not image.isNull():
                self.keep(index, width, image)
        return image

    def render_uncached(self, index: int, scale: float) -> QImage:
        """Page ``index`` at ``scale`` pixels per point, not kept (the printer's pages, the
        preview's on the pool); a null image once the file is closed. Any thread."""
        with PDFIUM_LOCK:
            if self.closed:
                return QImage()
            page = self._pdf[index]
            try:
                image = page_image(page, scale)
            finally:
                page.close()
            self.renders.append((index, threading.get_ident()))
        return image

    def close(self) -> None:
        """Let go of the file (waits for a render of the pool that is under way)."""
        self._cache.clear()
        self._cached_bytes = 0
        with PDFIUM_LOCK:
            if not self.closed:
                self.closed = True
                self._pdf.close()
