"""The main window fits a 1366×768 screen (the old PCs the app runs on): no page asks for more
width than the area beside the sidebar, in any state, so the window never grows past the screen
(which would clip the other pages and the status bar's "Hoàn tác")."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.shell.main_window import AREAS, RATING_AREA, ROSTER, YOUTH_AREA, MainWindow
from doancoso.ui.shell.state import UiState
from scripted import ScriptedPrompts, synchronous_core

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

SCREEN_WIDTH = 1366
WINDOW_HEIGHT = 728  # 768 less a task bar
RESERVE = 96
"""Room each page leaves beside its minimum width: figures of a roster far larger than the
demo's, a slightly wider font on the user's machine."""
BIG_ROSTER_COUNTS = {
    ROSTER: "Đang hiển thị 100.000 / 100.000 hồ sơ",
    RATING_AREA: "Đang hiện 100.000/100.000 đoàn viên; 100.000 thuộc diện xếp loại, "
    "100.000 đã quyết định",
}


@pytest.fixture
def window(qtbot: QtBot, demo_ws: Workspace, prompts: ScriptedPrompts) -> MainWindow:
    year = date.today().year  # the year the rating page shows first
    if demo_ws.rating.round(year) is None:
        demo_ws.rating.open(year)
    window = MainWindow(synchronous_core(demo_ws, prompts), UiState(demo_ws.data_dir))
    qtbot.addWidget(window)
    window.resize(SCREEN_WIDTH, WINDOW_HEIGHT)
    window.show()
    qtbot.waitExposed(window)
    return window


def assert_fits(window: MainWindow, page: QWidget, what: str) -> None:
    QApplication.processEvents()  # the layout requests posted by the page's last change
    assert window.width() <= SCREEN_WIDTH, what
    assert window.minimumSizeHint().width() <= SCREEN_WIDTH, what
    room = window.stack.width() - RESERVE
    assert page.minimumSizeHint().width() <= room, what


def test_every_page_fits_beside_the_sidebar(window: MainWindow) -> None:
    assert window.width() == SCREEN_WIDTH
    for area, name in enumerate(AREAS):
        window.sidebar.setCurrentRow(area)
        page = window.page(area)
        assert window.stack.currentWidget() is page
        assert_fits(window, page, name)


def test_counts_of_a_large_roster_do_not_widen_the_page(window: MainWindow) -> None:
    for area, text in BIG_ROSTER_COUNTS.items():
        window.sidebar.setCurrentRow(area)
        page = window.page(area)
        page.count_label.setText(text)  # type: ignore[attr-defined]
        assert_fits(window, page, AREAS[area])


def test_the_rating_page_fits_in_each_state_of_its_round(
    window: MainWindow, prompts: ScriptedPrompts
) -> None:
    window.sidebar.setCurrentRow(RATING_AREA)
    page = window.rating
    assert page.info is not None and not page.info.closed
    assert page.count_label.text().startswith("Đang hiện ")
    assert_fits(window, page, "open round")

    page.accept("suggestions")  # more members decided: longer counts, a status message
    assert_fits(window, page, "suggestions taken")

    prompts.answer = True
    page.close_round()
    assert page.info is not None and page.info.closed
    assert page.close_button.isHidden() and not page.reopen_button.isHidden()
    assert_fits(window, page, "closed round")

    for area, name in enumerate(AREAS):  # the other pages still have the whole width
        window.sidebar.setCurrentRow(area)
        assert_fits(window, window.page(area), name)


def test_every_column_of_the_roster_shows_without_scrolling(window: MainWindow) -> None:
    """At 1366×768, the roster's columns at their default widths all fit beside the sidebar:
    the last ones ("Mã đoàn viên", "Tham gia") are not left off the screen behind a horizontal
    scroll bar; each column is still wide enough for what it shows."""
    from doancoso.core.roster.vocab import STATUSES
    from doancoso.ui.roster.member_table import COLUMNS

    window.sidebar.setCurrentRow(ROSTER)
    table = window.roster.table
    QApplication.processEvents()
    assert table.horizontalScrollBar().maximum() == 0
    metrics = table.fontMetrics()
    longest = {
        "Ngày sinh": "28/12/2005",
        "Chi đoàn": "Chi đoàn ấp Thạnh Điền",
        "Chức vụ": "Ủy viên BCH",
        "Trạng thái": max(STATUSES.values(), key=metrics.horizontalAdvance),
        "CCCD": "096305530382",
        "Điện thoại": "0819079678",
        "Họ và tên": "Nguyễn Thị Như Quỳnh",
    }
    for column, (header, _, _) in enumerate(COLUMNS):
        text = longest.get(header, header)
        assert table.columnWidth(column) >= metrics.horizontalAdvance(text) + 8, header


def test_the_counts_of_the_lists_read_on_one_line(window: MainWindow) -> None:
    """At 1366×768, "Đang hiển thị 30 / 30 thanh niên" (and the roster's count) is on one line
    at the end of its row of buttons, not wrapped onto two beside empty room."""
    for area, who in ((ROSTER, "hồ sơ"), (YOUTH_AREA, "thanh niên")):
        window.sidebar.setCurrentRow(area)
        label = window.page(area).count_label  # type: ignore[attr-defined]
        QApplication.processEvents()
        assert label.text().startswith("Đang hiển thị ") and label.text().endswith(who)
        assert label.heightForWidth(label.width()) == label.fontMetrics().height(), label.text()
