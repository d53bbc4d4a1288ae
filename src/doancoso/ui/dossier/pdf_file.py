"""A built dossier opened with pdfium for the preview and the printer: its page sizes, its outline
(the bookmarks of each part and evidence item) and its pages rendered to images, kept in a cache
bounded by memory so that paging back and forth through 300 pages renders each page once.

pdfium is not thread-safe: a :class:`PdfFile` is only used on the GUI thread (the preview paints
there, the printer renders there, page by page).
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium  # type: ignore[import-untyped]
from PySide6.QtGui import QImage

from ...core.errors import AppError

CACHE_BYTES = 96 * 1024 * 1024
"""Rendered pages kept (about 20 pages at screen size), the least recently shown dropped first."""


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

    def render(self, index: int, width: int) -> QImage:
        """Page ``index`` rendered ``width`` pixels wide (cached)."""
        key = (index, width)
        image = self._cache.get(key)
        if image is not None:
            self._cache.move_to_end(key)
            return image
        image = self.render_uncached(index, width / self.sizes[index][0])
        self._cache[key] = image
        self._cached_bytes += image.sizeInBytes()
        while self._cached_bytes > CACHE_BYTES and len(self._cache) > 1:
            _, dropped = self._cache.popitem(last=False)
            self._cached_bytes -= dropped.sizeInBytes()
        return image

    def render_uncached(self, index: int, scale: float) -> QImage:
        """Page ``index`` at ``scale`` pixels per point, not kept (the printer's pages)."""
        page = self._pdf[index]
        try:
            bitmap = page.render(scale=scale, prefer_bgrx=True, may_draw_forms=False)
            # BGRx in memory is Qt's 0xffRRGGBB on little-endian machines (x86 Windows).
            image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                           QImage.Format.Format_RGB32).copy()  # fmt: skip
            bitmap.close()
        finally:
            page.close()
        return image

    def close(self) -> None:
        self._cache.clear()
        self._cached_bytes = 0
        self._pdf.close()
