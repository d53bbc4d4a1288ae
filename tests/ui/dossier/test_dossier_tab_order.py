"""The dossier page on the keyboard: Tab goes through it as it reads, top to bottom and left to
right (the choices, the parts, the check's lines in their order, then "Lập hồ sơ"), with no
stop on the check's scrolling area, which shows no focus; a line reached from below scrolls
into view."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from doancoso.ui.dossier.page import DossierPage

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _tabbed(qtbot: QtBot, start: QWidget, until: QWidget) -> list[QWidget]:
    """The widgets Tab reaches from ``start`` up to ``until`` (both included)."""
    start.setFocus()
    qtbot.waitUntil(start.hasFocus)
    reached = [start]
    while reached[-1] is not until and len(reached) < 200:
        qtbot.keyClick(reached[-1], Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        assert focused is not None
        reached.append(focused)
    return reached


def test_tab_follows_the_page_as_read(qtbot: QtBot, page: DossierPage) -> None:
    with qtbot.wait_signal(page.checked):
        page.refresh_check()  # the lines made again, as each change of a choice makes them
    checks = page.checks
    lines = [b for b in checks.buttons if b is not None]
    qtbot.waitUntil(lines[-1].isVisible)  # shown by their layout once events run
    assert len(lines) > 10 and checks.numbers_button.isVisible()  # more than the room shown
    reached = _tabbed(qtbot, page.year_box, page.build_button)
    first = [page.year_box, page.number_edit, page.numbers_button, page.photos_box]
    assert reached[:4] == first
    parts = reached[4 : reached.index(checks.numbers_button)]
    assert parts and all(page.parts.isAncestorOf(w) for w in parts)
    assert reached[4 + len(parts) :] == [checks.numbers_button, *lines, page.build_button]
    assert not any(isinstance(w, QScrollArea) for w in reached)


def test_shift_tab_from_lap_ho_so_shows_the_last_line(qtbot: QtBot, page: DossierPage) -> None:
    with qtbot.wait_signal(page.checked):
        page.refresh_check()
    last = [b for b in page.checks.buttons if b is not None][-1]
    # Laid out, not only shown: the scrolling area sizes its lines (to their whole height) on
    # an event of its own after they show; until then the last line is squeezed to 0 px at
    # the bottom of the view, where no scrolling can bring it whole.
    qtbot.waitUntil(lambda: last.isVisible() and last.height() == last.sizeHint().height())
    page.build_button.setFocus()
    qtbot.waitUntil(page.build_button.hasFocus)
    qtbot.keyClick(page.build_button, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is last
    viewport = page.checks.lines_area.viewport()
    seen = viewport.rect()
    assert seen.contains(last.mapTo(viewport, last.rect().topLeft()))
    assert seen.contains(last.mapTo(viewport, last.rect().bottomRight()))
