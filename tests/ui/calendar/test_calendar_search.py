"""The calendar's search box by the keyboard: Esc empties it (a second Esc goes on to the
window, as before); a search with nothing in the month shown but something in its year says
in which months, and Enter goes to the nearest of them."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.calendar.page import CalendarPage
from doancoso.ui.shell.operations import Core
from doancoso.ui.shell.undo import UndoHistory

from .conftest import add_activity, branch_id

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


class Holder(QWidget):
    """The page's parent, noting the keys that reach it (what the page let go on)."""

    def __init__(self) -> None:
        super().__init__()
        self.keys: list[int] = []

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        self.keys.append(event.key())


def _shown(qtbot: QtBot, core: Core, history: UndoHistory) -> tuple[Holder, CalendarPage]:
    holder = Holder()
    page = CalendarPage(core, history)
    QVBoxLayout(holder).addWidget(page)
    qtbot.addWidget(holder)
    holder.resize(1300, 700)
    with qtbot.wait_active(holder):
        holder.show()
        holder.activateWindow()
    return holder, page


def _search(qtbot: QtBot, page: CalendarPage, text: str) -> None:
    page.search.setFocus()
    qtbot.keyClicks(page.search, text)
    page.apply_filter()  # the user's pause


def test_esc_empties_the_search_then_goes_on(
    qtbot: QtBot, core: Core, history: UndoHistory, cal_ws: Workspace
) -> None:
    add_activity(cal_ws, "Sinh hoạt chi đoàn", "10/03/2026")
    add_activity(cal_ws, "Hiến máu tình nguyện", "18/03/2026")
    holder, page = _shown(qtbot, core, history)
    page.show_date(dt.date(2026, 3, 2))
    _search(qtbot, page, "hien mau")
    assert [r.title for r in page.month_model.shown()] == ["Hiến máu tình nguyện"]

    qtbot.keyClick(page.search, Qt.Key.Key_Escape)

    assert page.search.text() == "" and holder.keys == []
    assert [r.title for r in page.month_model.shown()] == [
        "Sinh hoạt chi đoàn", "Hiến máu tình nguyện",
    ]  # fmt: skip
    assert QApplication.focusWidget() is page.search
    qtbot.keyClick(page.search, Qt.Key.Key_Escape)
    assert holder.keys == [Qt.Key.Key_Escape]


def test_a_search_found_in_other_months_says_which_and_enter_goes_there(
    qtbot: QtBot, core: Core, history: UndoHistory, cal_ws: Workspace
) -> None:
    add_activity(cal_ws, "Hiến máu tình nguyện", "14/03/2026")
    add_activity(cal_ws, "Hiến máu đợt 2", "16/05/2026")
    add_activity(cal_ws, "Hiến máu đợt 3", "20/05/2026")
    add_activity(cal_ws, "Hiến máu năm sau", "10/01/2027")
    add_activity(cal_ws, "Sinh hoạt chi đoàn", "10/04/2026")
    _holder, page = _shown(qtbot, core, history)
    page.show_date(dt.date(2026, 4, 2))
    assert not page.search_hint.isVisible()
    _search(qtbot, page, "hien mau")
    assert page.month_model.shown() == []
    assert page.search_hint.isVisible()
    assert page.search_hint.text() == (
        "Không có trong tháng này; có 3 buổi hoạt động khớp trong năm 2026: tháng 3, tháng 5. "
        "Enter: đến tháng 5."
    )

    qtbot.keyClick(page.search, Qt.Key.Key_Return)

    assert QApplication.focusWidget() is page.month
    assert page.month.selected == dt.date(2026, 5, 16)
    assert page.title_label.text() == "Tháng 5 năm 2026"
    assert [r.title for r in page.month_model.shown()] == ["Hiến máu đợt 2", "Hiến máu đợt 3"]
    assert not page.search_hint.isVisible()


def test_the_nearest_month_before_when_none_after_and_nothing_in_the_year(
    qtbot: QtBot, core: Core, history: UndoHistory, cal_ws: Workspace
) -> None:
    add_activity(cal_ws, "Hiến máu tình nguyện", "14/03/2026")
    add_activity(cal_ws, "Hiến máu đợt 2", "16/05/2026",
                 branch_ids=[branch_id(cal_ws, "Chi đoàn ấp Kênh Xáng")])  # fmt: skip
    _holder, page = _shown(qtbot, core, history)
    page.show_date(dt.date(2026, 11, 2))
    _search(qtbot, page, "hien mau")
    assert page.search_hint.text() == (
        "Không có trong tháng này; có 2 buổi hoạt động khớp trong năm 2026: tháng 3, tháng 5. "
        "Enter: đến tháng 5."
    )
    page.branch_combo.setCurrentIndex(page.branch_combo.findText("Chi đoàn ấp Tân Hưng"))
    assert page.search_hint.text() == (
        "Không có trong tháng này; có 1 buổi hoạt động khớp trong năm 2026: tháng 3. "
        "Enter: đến tháng 3."
    )
    page.search.setFocus()
    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    assert page.month.selected == dt.date(2026, 3, 14)
    assert QApplication.focusWidget() is page.month

    page.search.setFocus()
    qtbot.keyClicks(page.search, " xyz")
    page.apply_filter()
    assert page.search_hint.text() == "Không có buổi hoạt động nào khớp trong năm 2026."
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is page.search
    assert page.month.selected == dt.date(2026, 3, 14)


def test_on_the_list_enter_goes_to_the_month_holding_a_match(
    qtbot: QtBot, core: Core, history: UndoHistory, cal_ws: Workspace
) -> None:
    """On "Danh sách" (the month shown), nothing found there: Enter shows the nearest month
    holding a match and puts the keyboard on its first row, where Enter opens it."""
    add_activity(cal_ws, "Hiến máu tình nguyện", "14/03/2026")
    add_activity(cal_ws, "Sinh hoạt chi đoàn", "10/04/2026")
    _holder, page = _shown(qtbot, core, history)
    page.show_date(dt.date(2026, 4, 2))
    page.tabs.setCurrentIndex(1)
    _search(qtbot, page, "hien mau")
    assert page.agenda_model.rowCount() == 0
    assert page.search_hint.text().endswith("tháng 3. Enter: đến tháng 3.")

    qtbot.keyClick(page.search, Qt.Key.Key_Return)

    assert QApplication.focusWidget() is page.agenda
    assert page.title_label.text() == "Tháng 3 năm 2026"
    assert page.range_label.text() == "Từ 01/03/2026 đến 31/03/2026: 1 buổi hoạt động"
    assert [r.title for r in page.agenda_model.rows] == ["Hiến máu tình nguyện"]
    assert page.agenda.currentIndex().row() == 0
