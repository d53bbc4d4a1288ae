"""The dossier's pages one under the other, as a PDF reader shows them: only the pages in sight are
rendered (by pdfium, on the GUI thread, cached by :class:`~.pdf_file.PdfFile`), so a dossier of
300 pages scrolls as smoothly as one of three.

Zoom: each page fitted to the width of the view (the default, kept when the window is resized;
a landscape table is then as wide as an upright letter, as Okular does it), or one scale for
every page, changed by steps with +/− and Ctrl+wheel. Keys: PageUp/PageDown go to the
previous/next page, Home/End to the first/last.
"""

from __future__ import annotations

import bisect

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPaintEvent, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

from .pdf_file import PdfFile

GAP = 12
"""Pixels between pages and around them."""
ZOOM_STEP = 1.25
MIN_SCALE, MAX_SCALE = 0.25, 5.0
BACKGROUND = QColor("#8a8f96")


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
        self._current = 0
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().setAutoFillBackground(True)
        palette = self.viewport().palette()
        palette.setColor(self.viewport().backgroundRole(), BACKGROUND)
        self.viewport().setPalette(palette)
        self.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.horizontalScrollBar().valueChanged.connect(lambda _v: self.viewport().update())

    # Showing ------------------------------------------------------------------------------

    def set_pdf(self, pdf: PdfFile | None) -> None:
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
            self._tops = []
            self.verticalScrollBar().setRange(0, 0)
            self.horizontalScrollBar().setRange(0, 0)
            return
        if self.fit_width:
            self.scale = self.page_scale(min(self._current, len(self.pdf) - 1))
        self._tops, top = [], GAP
        for index in range(len(self.pdf)):
            self._tops.append(top)
            top += self._pixels(index)[1] + GAP
        vertical, horizontal = self.verticalScrollBar(), self.horizontalScrollBar()
        vertical.setRange(0, max(0, top - self.viewport().height()))
        vertical.setPageStep(self.viewport().height())
        vertical.setSingleStep(40)
        horizontal.setRange(0, max(0, self._column_width() - self.viewport().width()))
        horizontal.setPageStep(self.viewport().width())
        horizontal.setSingleStep(40)

    def visible_pages(self) -> range:
        """The pages at least partly in sight."""
        if self.pdf is None or not self._tops:
            return range(0)
        top = self.verticalScrollBar().value()
        bottom = top + self.viewport().height()
        first = max(0, bisect.bisect_right(self._tops, top) - 1)
        last = max(first, bisect.bisect_left(self._tops, bottom) - 1)
        return range(first, min(last, len(self._tops) - 1) + 1)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        if self.pdf is None:
            return
        painter = QPainter(self.viewport())
        dx, dy = self.horizontalScrollBar().value(), self.verticalScrollBar().value()
        for index in self.visible_pages():
            rect = self.page_rect(index).translated(-dx, -dy)
            if not rect.intersects(event.rect()):
                continue
            painter.drawImage(rect.topLeft(), self.pdf.render(index, rect.width()))
            painter.setPen(QColor("#50555c"))
            painter.drawRect(rect.adjusted(-1, -1, 0, 0))
        painter.end()

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

    def zoom_by(self, factor: float) -> None:
        self._set_scale(self.scale * factor)

    def zoom_to_width(self) -> None:
        page = self._current
        self.fit_width = True
        self._layout()
        self.go_to_page(page)
        self.viewport().update()
        self.zoom_changed.emit()

    def _set_scale(self, scale: float) -> None:
        page = self._current
        self.fit_width = False
        self.scale = min(MAX_SCALE, max(MIN_SCALE, scale))
        self._layout()
        self.go_to_page(page)
        # The current page's middle kept in the middle of the view.
        middle = self.page_rect(page).center().x() - self.viewport().width() // 2
        self.horizontalScrollBar().setValue(middle)
        self.viewport().update()
        self.zoom_changed.emit()

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 (Qt's name)
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.zoom_by(ZOOM_STEP**steps)
            event.accept()
            return
        super().wheelEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        page = self._current
        self._layout()
        if self.fit_width:
            self.go_to_page(page)
            self.zoom_changed.emit()
