"""Zooming or resizing the preview keeps what the secretary is reading in place: reading the
bottom of a page of a table and zooming in to read its small print, the view stays on that part
of the page instead of jumping to the top of the page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from doancoso.ui.common.thumbnails import thumbnails
from doancoso.ui.dossier.page_view import PageView
from doancoso.ui.dossier.pdf_file import PdfFile
from dossier_data import evidence_pdf

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def view(qtbot: QtBot, tmp_path: Path) -> Iterator[PageView]:
    pdf = PdfFile(evidence_pdf(tmp_path / "ho-so.pdf", pages=8))
    shown = PageView()
    qtbot.addWidget(shown)
    shown.resize(700, 560)
    shown.show()
    qtbot.waitExposed(shown)
    shown.set_pdf(pdf)
    yield shown
    shown.set_pdf(None)
    pdf.close()
    thumbnails().drain()


def _under(view: PageView, point: QPoint) -> tuple[int, float, float]:
    """The page under ``point`` of the view and where on it (fractions down and across)."""
    assert view.pdf is not None
    x = view.horizontalScrollBar().value() + point.x()
    y = view.verticalScrollBar().value() + point.y()
    for index in range(len(view.pdf)):
        rect = view.page_rect(index)
        if rect.top() <= y <= rect.bottom():
            return index, (y - rect.top()) / rect.height(), (x - rect.left()) / rect.width()
    raise AssertionError(f"no page under {point}")


def _reading_the_bottom_of_page_4(view: PageView) -> None:
    rect = view.page_rect(4)
    view.verticalScrollBar().setValue(rect.top() + rect.height() * 2 // 3)


def _same_place(before: tuple[int, float, float], after: tuple[int, float, float]) -> None:
    assert after[0] == before[0]
    assert after[1] == pytest.approx(before[1], abs=0.01)
    assert after[2] == pytest.approx(before[2], abs=0.01)


def test_the_zoom_buttons_keep_the_middle_of_the_view_in_place(view: PageView) -> None:
    _reading_the_bottom_of_page_4(view)
    middle = view.viewport().rect().center()
    before = _under(view, middle)
    assert before[0] == 4 and before[1] > 0.7
    view.zoom_by(1.25)
    _same_place(before, _under(view, middle))
    view.zoom_by(1.25)
    _same_place(before, _under(view, middle))
    assert view.horizontalScrollBar().maximum() > 0  # wider than the view now
    view.zoom_to_width()
    _same_place(before, _under(view, middle))
    assert view.current_page == 4


def test_ctrl_wheel_keeps_the_point_under_the_mouse(view: PageView) -> None:
    _reading_the_bottom_of_page_4(view)
    mouse = QPoint(180, 420)
    before = _under(view, mouse)
    wheel = QWheelEvent(QPointF(mouse), QPointF(view.viewport().mapToGlobal(mouse)), QPoint(0, 0),
                        QPoint(0, 240), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.ControlModifier, Qt.ScrollPhase.NoScrollPhase,
                        False)  # fmt: skip
    QApplication.sendEvent(view.viewport(), wheel)
    assert view.scale == pytest.approx(view.page_scale(4))
    _same_place(before, _under(view, mouse))


def test_a_resize_keeps_the_line_at_the_top(view: PageView, qtbot: QtBot) -> None:
    _reading_the_bottom_of_page_4(view)
    top = QPoint(view.viewport().width() // 2, 0)
    page, down, _across = _under(view, top)
    view.resize(900, 560)  # the window widened, the splitter's handle moved
    qtbot.waitUntil(lambda: view.viewport().width() > 800)
    after = _under(view, QPoint(view.viewport().width() // 2, 0))
    assert after[0] == page == 4 and after[1] == pytest.approx(down, abs=0.01)
    assert view.current_page == 4
