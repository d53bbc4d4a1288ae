"""The dossier's pages one under the other, as a PDF reader shows them: only the pages in sight are
rendered, so a dossier of 300 pages scrolls as smoothly as one of three.

A page is rendered by pdfium off the GUI thread (:mod:`.renders`; a page of a scanned PDF takes
an old PC hundreds of milliseconds) and kept by :class:`~.pdf_file.PdfFile`. Until it comes the
page shows at once as it can: its last render at another zoom or its thumbnail, scaled, else a
white page saying :data:`RENDERING`. The render is asked only once the view has rested
:data:`RENDER_DELAY_MS` (PageDown held down renders the page it stops on, not every page it
passes), and a page left before its render started is not rendered; an image arriving for a
page no longer in sight is dropped.

Zoom: each page fitted to the width of the view (the default, kept when the window is resized;
a landscape table is then as wide as an upright letter, as Okular does it), or one scale for
every page, changed by steps with +/− (and Ctrl++/Ctrl+−; Ctrl+0 fits the width again: the
preview's shortcuts) and Ctrl+wheel. What is read stays in place: a zoom keeps the point of the
page under the mouse (Ctrl+wheel) or in the middle of the view (+/−), a resize the line at the
top of the view, rather than jumping to the top of the page. Keys:
PageUp/PageDown go to the previous/next page, Home/End to the first/last.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable

from PySide6.QtCore import QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPixmap,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

from .pdf_file import PdfFile
from .renders import RenderJob, page_renders

GAP = 12
"""Pixels between pages and around them."""
ZOOM_STEP = 1.25
MIN_SCALE, MAX_SCALE = 0.25, 5.0
BACKGROUND = QColor("#8a8f96")
RENDERING = "Đang hiển thị trang…"
RENDER_DELAY_MS = 60
"""How long the view rests before the pages in sight are rendered (a key held repeats every
~33 ms on Windows)."""
Key = tuple[int, int]
"""A page and the width in device pixels it is rendered at (its width in the layout times the
screen's pixel ratio, :meth:`PageView.pixel_ratio`)."""
Anchor = tuple[int, float, float, QPoint]
"""A point of the document kept under a point of the view through a new layout: its page, how
far down that page (a fraction of its height), how far across the column (a fraction of its
width), and the point of the view."""


class PageView(QAbstractScrollArea):
    """Shows a :class:`PdfFile` (or nothing); ``current_page`` is the page at the top of sight."""

    page_changed = Signal(int)
    """The page at the top of the view changed (0-based)."""
    zoom_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pdf: PdfFile | None = None
        self.fit_width = True
        self.scale = 1.0
        """Pixels per point of the page (of the current page, when fitted to the width)."""
        self._tops: list[int] = []
        self._heights: list[int] = []
        self._column = 0
        self._current = 0
        self.thumbnail_of: Callable[[int], QPixmap | None] = lambda _index: None
        """A page's thumbnail if there is one (the preview's page list), shown scaled first."""
        self.asked: dict[Key, RenderJob] = {}
        """The renders asked and not arrived (tests look)."""
        self._failed: set[Key] = set()  # pdfium failed on them: not asked again
        self.render_timer = QTimer(self)
        self.render_timer.setSingleShot(True)
        self.render_timer.setInterval(RENDER_DELAY_MS)
        self.render_timer.timeout.connect(self._ask_renders)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().setAutoFillBackground(True)
        palette = self.viewport().palette()
        palette.setColor(self.viewport().backgroundRole(), BACKGROUND)
        self.viewport().setPalette(palette)
        self.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.horizontalScrollBar().valueChanged.connect(lambda _v: self.viewport().update())

    # Showing ------------------------------------------------------------------------------

    def set_pdf(self, pdf: PdfFile | None) -> None:
        for job in self.asked.values():
            job.cancel()
        self.asked.clear()
        self._failed.clear()
        self.render_timer.stop()
        self.pdf = pdf
        self._current = 0
        self._layout()
        self.verticalScrollBar().setValue(0)
        self.viewport().update()
        self.page_changed.emit(0)

    @property
    def current_page(self) -> int:
        return self._current

    def page_rect(self, index: int) -> QRect:
        """Where page ``index`` is drawn, in the coordinates of the whole column of pages."""
        assert self.pdf is not None
        width, height = self._pixels(index)
        left = max(GAP, (self._column_width() - width) // 2)
        return QRect(left, self._tops[index], width, height)

    def page_scale(self, index: int) -> float:
        """Pixels per point of page ``index``."""
        assert self.pdf is not None
        if not self.fit_width:
            return self.scale
        available = self.viewport().width() - 2 * GAP
        return min(MAX_SCALE, max(MIN_SCALE, available / self.pdf.sizes[index][0]))

    def _pixels(self, index: int) -> tuple[int, int]:
        assert self.pdf is not None
        w, h = self.pdf.sizes[index]
        scale = self.page_scale(index)
        return round(w * scale), round(h * scale)

    def _column_width(self) -> int:
        if self.pdf is None or not len(self.pdf):
            return 0
        if self.fit_width:
            return self.viewport().width()
        widest = max(w for w, _ in self.pdf.sizes)
        return max(self.viewport().width(), round(widest * self.scale) + 2 * GAP)

    def _layout(self) -> None:
        """The page tops and the scroll bars' ranges for the current scale."""
        if self.pdf is None or not len(self.pdf):
            self._tops, self._heights = [], []
            self.verticalScrollBar().setRange(0, 0)
            self.horizontalScrollBar().setRange(0, 0)
            return
        if self.fit_width:
            self.scale = self.page_scale(min(self._current, len(self.pdf) - 1))
        self._tops, self._heights, top = [], [], GAP
        for index in range(len(self.pdf)):
            height = self._pixels(index)[1]
            self._tops.append(top)
            self._heights.append(height)
            top += height + GAP
        self._column = self._column_width()
        vertical, horizontal = self.verticalScrollBar(), self.horizontalScrollBar()
        vertical.setRange(0, max(0, top - self.viewport().height()))
        vertical.setPageStep(self.viewport().height())
        vertical.setSingleStep(40)
        horizontal.setRange(0, max(0, self._column_width() - self.viewport().width()))
        horizontal.setPageStep(self.viewport().width())
        horizontal.setSingleStep(40)
        self._moved()  # another zoom: the renders at the old one are not wanted

    def visible_pages(self) -> range:
        """The pages at least partly in sight."""
        if self.pdf is None or not self._tops:
            return range(0)
        top = self.verticalScrollBar().value()
        bottom = top + self.viewport().height()
        first = max(0, bisect.bisect_right(self._tops, top) - 1)
        if first + 1 < len(self._tops) and self._tops[first] + self._pixels(first)[1] <= top:
            first += 1  # only the gap under it in sight (a page gone to: the one above)
        last = max(first, bisect.bisect_left(self._tops, bottom) - 1)
        return range(first, min(last, len(self._tops) - 1) + 1)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        if self.pdf is None:
            return
        painter = QPainter(self.viewport())
        dx, dy = self.horizontalScrollBar().value(), self.verticalScrollBar().value()
        missing = False
        for index in self.visible_pages():
            rect = self.page_rect(index).translated(-dx, -dy)
            if not rect.intersects(event.rect()):
                continue
            image = self.pdf.cached(index, self._device_width(rect.width()))
            if image is not None:  # (its pixel ratio set: drawn at the page's logical size)
                painter.drawImage(rect.topLeft(), image)
            else:
                missing = True
                self._paint_stand_in(painter, index, rect)
            painter.setPen(QColor("#50555c"))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect.adjusted(-1, -1, 0, 0))
        painter.end()
        if missing and not self.render_timer.isActive():
            self.render_timer.start()  # a repaint does not put it off: a move does

    def _moved(self) -> None:
        """The pages in sight changed: the renders of those left are not wanted, and those of
        the pages now in sight wait until the view rests again."""
        self._drop_unseen()
        if self.render_timer.isActive():
            self.render_timer.start()

    def _paint_stand_in(self, painter: QPainter, index: int, rect: QRect) -> None:
        """Page ``index`` until its render comes: its last render or its thumbnail scaled, else
        a white page saying it is coming."""
        assert self.pdf is not None
        earlier: QImage | QPixmap | None = self.pdf.any_cached(index) or self.thumbnail_of(index)
        if earlier is not None:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            if isinstance(earlier, QImage):
                painter.drawImage(rect, earlier)
            else:
                painter.drawPixmap(rect, earlier)
            return
        painter.fillRect(rect, QColor("#ffffff"))
        painter.setPen(QColor("#7a7f86"))
        text = QRect(rect.left(), rect.top() + rect.height() // 3, rect.width(), 40)
        painter.drawText(text, int(Qt.AlignmentFlag.AlignCenter), RENDERING)

    # Rendering ----------------------------------------------------------------------------

    def pixel_ratio(self) -> float:
        """Device pixels per logical pixel where the view is shown: 1.5 on a Windows PC whose
        display is scaled to 150%. The layout is in logical pixels; the pages are rendered at
        device pixels, else the screen scales them up and the small print blurs."""
        return self.viewport().devicePixelRatioF()

    def _device_width(self, width: int) -> int:
        return max(1, round(width * self.pixel_ratio()))

    def _shown_keys(self) -> set[Key]:
        if self.pdf is None:
            return set()
        return {(index, self._device_width(self.page_rect(index).width()))
                for index in self.visible_pages()}  # fmt: skip

    def _drop_unseen(self) -> None:
        """Cancel the renders asked for pages (or widths) no longer in sight."""
        shown = self._shown_keys()
        for key in [k for k in self.asked if k not in shown]:
            self.asked.pop(key).cancel()

    def _ask_renders(self) -> None:
        """Ask the renders of the pages in sight that are not kept yet (the view rested)."""
        pdf = self.pdf
        if pdf is None:
            return
        self._drop_unseen()
        for key in sorted(self._shown_keys()):
            index, width = key
            if key in self.asked or key in self._failed or pdf.cached(index, width) is not None:
                continue
            job = RenderJob(pdf, index, width / pdf.sizes[index][0], self, self._rendered, width)
            self.asked[key] = job
            page_renders().start(job)

    def _rendered(self, job: RenderJob, image: QImage) -> None:
        key = (job.index, job.tag)
        if self.asked.get(key) is not job:
            return
        del self.asked[key]
        if image.isNull():
            self._failed.add(key)
            return
        if job.pdf is not self.pdf or key not in self._shown_keys():
            return  # left (or moved to a screen of another scaling) while rendered: dropped
        image.setDevicePixelRatio(self.pixel_ratio())
        job.pdf.keep(job.index, key[1], image)
        self.viewport().update()

    # Moving -------------------------------------------------------------------------------

    def go_to_page(self, index: int) -> None:
        """Page ``index`` at the top of the view."""
        if self.pdf is None or not self._tops:
            return
        index = max(0, min(index, len(self._tops) - 1))
        self.verticalScrollBar().setValue(self._tops[index] - GAP)
        self._set_current(index)  # even when the last pages cannot scroll to the top

    def _scrolled(self, value: int) -> None:
        if self._tops:
            self._set_current(max(0, bisect.bisect_right(self._tops, value + GAP) - 1))
        self._moved()
        self.viewport().update()

    def _set_current(self, index: int) -> None:
        if index != self._current:
            self._current = index
            if self.fit_width and self.pdf is not None:
                scale = self.page_scale(index)
                if scale != self.scale:
                    self.scale = scale
                    self.zoom_changed.emit()
            self.page_changed.emit(index)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        key = event.key()
        if self.pdf is not None and key == Qt.Key.Key_PageDown:
            self.go_to_page(self._current + 1)
        elif self.pdf is not None and key == Qt.Key.Key_PageUp:
            self.go_to_page(self._current - 1)
        elif self.pdf is not None and key == Qt.Key.Key_Home:
            self.go_to_page(0)
        elif self.pdf is not None and key == Qt.Key.Key_End:
            self.go_to_page(len(self.pdf) - 1)
        else:
            super().keyPressEvent(event)

    # Zoom ---------------------------------------------------------------------------------

    def zoom_by(self, factor: float, at: QPoint | None = None) -> None:
        """Zoom by ``factor``, the point of the page under ``at`` (a point of the viewport; by
        default its middle) kept there."""
        self._set_scale(self.scale * factor, at)

    def zoom_to_width(self) -> None:
        anchor = self._anchor(self.viewport().rect().center())
        self.fit_width = True
        self._layout()
        self._keep(anchor)
        self.viewport().update()
        self.zoom_changed.emit()

    def _set_scale(self, scale: float, at: QPoint | None = None) -> None:
        anchor = self._anchor(self.viewport().rect().center() if at is None else at)
        self.fit_width = False
        self.scale = min(MAX_SCALE, max(MIN_SCALE, scale))
        self._layout()
        self._keep(anchor)
        self.viewport().update()
        self.zoom_changed.emit()

    def _anchor(self, point: QPoint) -> Anchor | None:
        """The point of the document under ``point`` of the view, as laid out now."""
        if not self._tops:
            return None
        y = self.verticalScrollBar().value() + point.y()
        index = max(0, bisect.bisect_right(self._tops, y) - 1)
        down = (y - self._tops[index]) / max(1, self._heights[index])
        across = (self.horizontalScrollBar().value() + point.x()) / max(1, self._column)
        return index, down, across, point

    def _keep(self, anchor: Anchor | None) -> None:
        """Scroll the new layout so that ``anchor``'s point of the document is under its point
        of the view again (as near as the scroll bars go)."""
        if anchor is None or not self._tops:
            return
        index, down, across, point = anchor
        index = min(index, len(self._tops) - 1)
        top = self._tops[index] + round(down * self._heights[index])
        self.verticalScrollBar().setValue(top - point.y())
        self.horizontalScrollBar().setValue(round(across * self._column) - point.x())

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 (Qt's name)
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.zoom_by(ZOOM_STEP**steps, event.position().toPoint())
            event.accept()
            return
        super().wheelEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        anchor = self._anchor(QPoint(self.viewport().width() // 2, 0))  # the line at the top
        self._layout()
        self._keep(anchor)
        if self.fit_width:
            self.zoom_changed.emit()
