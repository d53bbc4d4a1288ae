"""The preview's large page view renders its pages off the GUI thread: a page of a scanned PDF
takes an old PC hundreds of milliseconds, and paging through (PageDown held down) must not
freeze the window. The page shows at once (a white page saying it is coming, or a scaled
earlier image), the sharp render comes from the thumbnails' pool; paging fast renders only the
page it stops on; an image for a page left is dropped; closing mid-render crashes nothing."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas
from shiboken6 import delete

from doancoso.ui.common.pdfium_lock import PDFIUM_LOCK
from doancoso.ui.common.thumbnails import thumbnails
from doancoso.ui.dossier.page_view import RENDER_DELAY_MS, PageView
from doancoso.ui.dossier.pdf_file import PdfFile
from doancoso.ui.dossier.preview import Preview
from shown_thumbnails import rgb

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

COLOURS = ["#2e7d32", "#1565c0", "#c62828", "#6a1b9a", "#ef6c00"]
PAGES = 20


def _coloured_pages(path: Path, pages: int = PAGES) -> Path:
    """A4 pages, each filled with one colour (page ``i`` with ``COLOURS[i % 5]``)."""
    canvas = Canvas(str(path), pagesize=A4)
    for index in range(pages):
        canvas.setFillColor(COLOURS[index % len(COLOURS)])
        canvas.rect(0, 0, A4[0], A4[1], stroke=0, fill=1)
        canvas.showPage()
    canvas.save()
    return path


def _near(seen: QColor, colour: str) -> bool:
    wanted = QColor(colour)
    return all(abs(a - b) <= 8 for a, b in zip(rgb(seen), rgb(wanted), strict=True))


@pytest.fixture
def pdf(tmp_path: Path) -> Iterator[PdfFile]:
    opened = PdfFile(_coloured_pages(tmp_path / "ho-so.pdf"))
    yield opened
    opened.close()
    thumbnails().drain()  # no render of this test left on the pool


@pytest.fixture
def view(qtbot: QtBot) -> PageView:
    shown = PageView()
    qtbot.addWidget(shown)
    shown.resize(700, 600)  # one A4 page fitted to the width fills the view: one in sight
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def _centre_of(view: PageView, index: int) -> QPoint:
    rect = view.page_rect(index)
    return QPoint(rect.center().x() - view.horizontalScrollBar().value(),
                  rect.top() + 60 - view.verticalScrollBar().value())  # fmt: skip


def _rendered_pages(pdf: PdfFile) -> list[int]:
    return [index for index, _thread in pdf.renders]


def test_the_page_shows_at_once_and_is_rendered_off_the_gui_thread(
    qtbot: QtBot, view: PageView, pdf: PdfFile
) -> None:
    with PDFIUM_LOCK:  # pdfium busy (a thumbnail on the pool): the window paints all the same
        view.set_pdf(pdf)
        first = view.viewport().grab().toImage()
    assert _rendered_pages(pdf) == []
    assert first.pixelColor(_centre_of(view, 0)) == QColor("#ffffff")  # "Đang hiển thị trang…"
    qtbot.waitUntil(lambda: _near(view.viewport().grab().toImage().pixelColor(
        _centre_of(view, 0)), COLOURS[0]), timeout=10000)  # fmt: skip
    assert _rendered_pages(pdf) == [0]
    gui_thread = threading.main_thread().ident
    assert all(thread != gui_thread for _index, thread in pdf.renders)


def test_paging_fast_renders_only_the_page_it_stops_on(
    qtbot: QtBot, view: PageView, pdf: PdfFile
) -> None:
    view.render_timer.setInterval(2000)  # the keys come faster than that whatever the load
    view.set_pdf(pdf)
    view.setFocus()
    for _ in range(12):  # PageDown held down: each page painted as it passes
        qtbot.keyClick(view, Qt.Key.Key_PageDown)
        view.viewport().repaint()
    assert view.current_page == 12
    assert _rendered_pages(pdf) == []
    qtbot.waitUntil(lambda: bool(_rendered_pages(pdf)) and not view.asked, timeout=10000)
    assert _rendered_pages(pdf) == list(view.visible_pages()) == [12]
    assert pdf.cached(12, view.page_rect(12).width()) is not None


def test_a_render_arriving_for_a_page_left_is_dropped(
    qtbot: QtBot, view: PageView, pdf: PdfFile
) -> None:
    view.render_timer.setInterval(0)
    with PDFIUM_LOCK:  # page 0's render starts on the pool and waits for pdfium
        view.set_pdf(pdf)
        qtbot.waitUntil(lambda: bool(view.asked))
        job = next(iter(view.asked.values()))
        view.go_to_page(7)
        assert job.cancelled and not view.asked
        view.viewport().repaint()  # page 7 in sight: its render asked
    qtbot.waitUntil(lambda: 7 in _rendered_pages(pdf) and not view.asked, timeout=10000)
    width = view.page_rect(0).width()
    assert pdf.cached(0, width) is None  # page 0 was rendered (started) but not kept
    assert pdf.cached(7, width) is not None
    assert _near(view.viewport().grab().toImage().pixelColor(_centre_of(view, 7)), COLOURS[2])


def test_zoom_shows_the_page_scaled_at_once_then_sharp(
    qtbot: QtBot, view: PageView, pdf: PdfFile
) -> None:
    view.set_pdf(pdf)
    qtbot.waitUntil(lambda: pdf.cached(0, view.page_rect(0).width()) is not None, timeout=10000)
    with PDFIUM_LOCK:  # a new zoom: painted at once from the render at the old one
        view.zoom_by(0.8)
        shown = view.viewport().grab().toImage()
    assert _near(shown.pixelColor(_centre_of(view, 0)), COLOURS[0])
    qtbot.waitUntil(lambda: pdf.cached(0, view.page_rect(0).width()) is not None, timeout=10000)
    assert _rendered_pages(pdf) == [0, 0]


def test_closing_the_preview_mid_render_crashes_nothing(qtbot: QtBot, tmp_path: Path) -> None:
    pdf = PdfFile(_coloured_pages(tmp_path / "ho-so.pdf", 4))
    preview = Preview()
    preview.resize(1000, 700)
    preview.view.render_timer.setInterval(0)
    preview.show()
    with PDFIUM_LOCK:  # renders start on the pool and wait for pdfium
        preview.set_pdf(pdf)
        qtbot.waitUntil(lambda: bool(preview.view.asked))
        preview.set_pdf(None)  # as the dossier page closes: the file let go, then closed
        pdf.close()
        delete(preview)
    assert thumbnails().pool.waitForDone(10000)
    qtbot.wait(RENDER_DELAY_MS)  # what the pool sent back is delivered to no one
    assert pdf.closed and list(pdf.renders) == []


def test_a_view_destroyed_mid_render_gets_nothing(qtbot: QtBot, pdf: PdfFile) -> None:
    view = PageView()
    view.resize(700, 600)
    view.render_timer.setInterval(0)
    view.show()
    with PDFIUM_LOCK:
        view.set_pdf(pdf)
        qtbot.waitUntil(lambda: bool(view.asked))
        delete(view)
    qtbot.waitUntil(lambda: bool(pdf.renders), timeout=10000)  # rendered, for no one
    assert thumbnails().pool.waitForDone(10000)
    qtbot.wait(RENDER_DELAY_MS)
    assert pdf.any_cached(0) is None


def test_the_printer_still_renders_on_the_gui_thread_under_the_lock(pdf: PdfFile) -> None:
    image = pdf.render_uncached(3, 1.0)
    assert isinstance(image, QImage) and _near(image.pixelColor(100, 100), COLOURS[3])
    assert list(pdf.renders) == [(3, threading.main_thread().ident)]
