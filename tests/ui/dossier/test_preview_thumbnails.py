"""The preview's "Trang" list of a dossier whose annex holds phone photos: pdfium decodes each
photo whole (about 0.1 s a page of 8 megapixels) and must stay on the GUI thread, so the list
paints at once with blank pages and renders its thumbnails one page a turn of the event loop
afterwards, each page repainted as it comes."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from doancoso.ui.common.pdfium_lock import PDFIUM_LOCK
from doancoso.ui.common.thumbnails import thumbnails
from doancoso.ui.dossier.pdf_file import PdfFile
from doancoso.ui.dossier.preview import Preview
from dossier_data import evidence_pdf
from shown_thumbnails import rgb

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

COLOURS = ["#2e7d32", "#1565c0", "#c62828", "#6a1b9a"]


def _photo_pages(tmp_path: Path) -> Path:
    """Four A4 pages, each covered by a 3264 × 2448 photo of one colour."""
    path = tmp_path / "phu-luc-anh.pdf"
    canvas = Canvas(str(path), pagesize=A4)
    for index, colour in enumerate(COLOURS):
        photo = QImage(3264, 2448, QImage.Format.Format_RGB32)
        photo.fill(QColor(colour))
        source = tmp_path / f"anh-{index}.jpg"
        assert photo.save(str(source), "JPEG", 90)  # type: ignore[call-overload]
        canvas.drawImage(str(source), 0, 0, width=A4[0], height=A4[1])
        canvas.showPage()
    canvas.save()
    return path


def _page_list(qtbot: QtBot, pdf: PdfFile) -> Preview:
    """A preview of ``pdf`` showing its page list ("Trang")."""
    preview = Preview()
    qtbot.addWidget(preview)
    preview.resize(1200, 700)
    preview.set_pdf(pdf)
    preview.side.setCurrentWidget(preview.thumbnails)
    preview.show()
    return preview


def _near(seen: QColor, colour: str) -> bool:
    wanted = QColor(colour)
    return all(abs(a - b) <= 8 for a, b in zip(rgb(seen), rgb(wanted), strict=True))


def test_the_page_list_paints_at_once_then_each_page_comes(qtbot: QtBot, tmp_path: Path) -> None:
    pdf = PdfFile(_photo_pages(tmp_path))
    preview = _page_list(qtbot, pdf)
    model, view = preview.thumbnails_model, preview.thumbnails
    view.selectionModel().clear()  # the current page's thumbnail is tinted as selected
    view.doItemsLayout()
    first = view.viewport().grab().toImage()  # painted now, on this thread
    assert model.rendered == set()  # the paint rendered nothing itself
    assert all(view.visualRect(model.index(row)).isValid() for row in range(len(COLOURS)))

    def centre(row: int) -> QPoint:
        return view.visualRect(model.index(row)).center()

    for row, colour in enumerate(COLOURS):
        assert first.pixelColor(centre(row)) == QColor("#ffffff")  # a blank page, for now
        assert not _near(first.pixelColor(centre(row)), colour)
    qtbot.waitUntil(lambda: model.rendered == set(range(len(COLOURS))))
    qtbot.waitUntil(
        lambda: all(
            _near(view.viewport().grab().toImage().pixelColor(centre(row)), colour)
            for row, colour in enumerate(COLOURS)
        )
    )  # each page repainted with its photo
    preview.set_pdf(None)
    pdf.close()


def test_the_keys_in_the_page_list_show_the_page_chosen(qtbot: QtBot, tmp_path: Path) -> None:
    pdf = PdfFile(_photo_pages(tmp_path))
    preview = _page_list(qtbot, pdf)
    view = preview.view
    rect = view.page_rect(1)
    view.verticalScrollBar().setValue(rect.top() + rect.height() // 2)  # reading page 2's middle
    assert view.current_page == 1 and preview.thumbnails.currentIndex().row() == 1
    assert view.verticalScrollBar().value() == rect.top() + rect.height() // 2  # left there
    preview.thumbnails.setFocus()
    qtbot.keyClick(preview.thumbnails, Qt.Key.Key_Down)
    assert view.current_page == 2 and preview.page_box.value() == 3
    qtbot.keyClick(preview.thumbnails, Qt.Key.Key_End)
    assert view.current_page == 3
    qtbot.keyClick(preview.thumbnails, Qt.Key.Key_Home)
    assert view.current_page == 0 and view.verticalScrollBar().value() == 0
    preview.set_pdf(None)
    pdf.close()


def test_the_list_scrolled_far_renders_the_pages_it_stops_on_first(
    qtbot: QtBot, tmp_path: Path
) -> None:
    pdf = PdfFile(evidence_pdf(tmp_path / "ho-so-dai.pdf", pages=60))
    preview = _page_list(qtbot, pdf)
    model, view = preview.thumbnails_model, preview.thumbnails
    qtbot.waitExposed(preview)
    view.doItemsLayout()
    with PDFIUM_LOCK:  # pdfium busy: the pool waits while the list is scrolled to its end
        for value in range(0, view.verticalScrollBar().maximum() + 1, 40):
            view.verticalScrollBar().setValue(value)  # every page passes by
            view.viewport().grab()  # painted as it passes
    rows = range(len(pdf))

    def in_sight() -> set[int]:
        rect = view.viewport().rect()
        return {row for row in rows if view.visualRect(model.index(row)).intersects(rect)}

    qtbot.waitUntil(lambda: in_sight() <= model.rendered, timeout=10000)
    assert thumbnails().pool.waitForDone(10000)
    first = {index for index, _thread in list(pdf.renders)[:1]}  # on the pool before the scroll
    assert model.rendered <= in_sight() | first
    assert max(first) < 10 and min(in_sight()) > 50
    preview.set_pdf(None)
    pdf.close()
