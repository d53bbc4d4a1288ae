"""The calendar page: the agenda of a range, the filters, what is coming and overdue and the plans
still to register (on the page and in the main window's status bar), refreshing after writes,
deleting with undo."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QColor, QMouseEvent
from PySide6.QtWidgets import QApplication, QHeaderView
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.calendar.agenda import (
    COL_ATTENDANCE,
    COL_BRANCH,
    COL_KIND,
    COL_TITLE,
    AgendaModel,
)
from doancoso.ui.calendar.page import SIDE_WIDTH, CalendarPage
from doancoso.ui.shell.main_window import CALENDAR_AREA, PLANS_AREA, MainWindow
from doancoso.ui.shell.operations import Core, CoreOp
from doancoso.ui.shell.state import UiState
from scripted import synchronous_core

from .conftest import add_activity, branch_id, first_occurrence, member_id, register_plans, vn

HEADERS = ["Ngày", "Giờ", "Tên hoạt động", "Loại", "Chi đoàn", "Trạng thái", "Điểm danh"]


def _cells(model: AgendaModel) -> list[list[str]]:
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def _reminders(ws: Workspace) -> tuple[str, str, str]:
    """Two dates in the next 7 days, one past date without results, one past with results."""
    today = dt.date.today()
    add_activity(ws, "Thăm gia đình chính sách", vn(today + dt.timedelta(days=2)),
                 start_time="08:00", kind="tinh-nguyen")  # fmt: skip
    add_activity(ws, "Họp Ban Chấp hành", vn(today + dt.timedelta(days=6)))
    late = add_activity(ws, "Dọn vệ sinh chợ", vn(today - dt.timedelta(days=3)))
    done = add_activity(ws, "Giải bóng đá", vn(today - dt.timedelta(days=4)), kind="van-hoa")
    ws.activities.update_occurrence(first_occurrence(ws, done), {"status": "Đã thực hiện"})
    add_activity(ws, "Hội thi tìm hiểu pháp luật", vn(today + dt.timedelta(days=20)))
    return late, done, first_occurrence(ws, late)


def test_agenda_model_passes_the_model_tester(qtmodeltester, page: CalendarPage, cal_ws) -> None:
    _reminders(cal_ws)
    page.range_combo.setCurrentIndex(page.range_combo.findData("year"))
    assert page.agenda_model.rowCount() > 0
    qtmodeltester.check(page.agenda_model)


def test_agenda_lists_the_month_with_attendance(
    qtbot: QtBot, page: CalendarPage, cal_ws: Workspace
) -> None:
    tan_hung = branch_id(cal_ws, "Chi đoàn ấp Tân Hưng")
    meeting = add_activity(cal_ws, "Sinh hoạt chi đoàn", "12/03/2026", kind="sinh-hoat",
                           start_time="19:30", end_time="21:00", branch_ids=[tan_hung])  # fmt: skip
    add_activity(cal_ws, "Ngày Chủ nhật xanh", "29/03/2026", kind="chu-nhat-xanh")
    add_activity(cal_ws, "Hội thi Rung chuông vàng", "02/04/2026", kind="hoi-thi")
    occurrence = first_occurrence(cal_ws, meeting)
    marks: dict[str, tuple[str, str | None]] = {
        r.member_id: ("present", None) for r in cal_ws.attendance.sheet(occurrence)
    }
    marks[member_id(cal_ws, "Võ Văn Tùng")] = ("excused", "Ốm")
    marks[member_id(cal_ws, "Lê Văn An")] = ("absent", None)
    cal_ws.attendance.save(occurrence, marks)
    page.month.select_date(dt.date(2026, 3, 12))
    headers = [page.agenda_model.headerData(c, Qt.Orientation.Horizontal) for c in range(7)]
    assert headers == HEADERS
    assert _cells(page.agenda_model) == [
        ["T5 12/03/2026", "19:30–21:00", "Sinh hoạt chi đoàn", "Sinh hoạt chi đoàn định kỳ",
         "ấp Tân Hưng", "Đã thực hiện", "3/5 · 1 phép"],
        ["CN 29/03/2026", "", "Ngày Chủ nhật xanh", "Ngày Chủ nhật xanh", "Toàn Đoàn cơ sở",
         "Chưa ghi kết quả", ""],
    ]  # fmt: skip
    late = page.agenda_model.index(1, 5).data(Qt.ItemDataRole.ForegroundRole)
    assert late == QColor("#c62828")
    assert page.range_label.text() == "Từ 01/03/2026 đến 31/03/2026: 2 buổi hoạt động"
    page.range_combo.setCurrentIndex(page.range_combo.findData("week"))
    assert [row[2] for row in _cells(page.agenda_model)] == ["Sinh hoạt chi đoàn"]
    assert page.range_label.text() == "Từ 09/03/2026 đến 15/03/2026: 1 buổi hoạt động"
    page.month.select_date(dt.date(2026, 3, 30))  # the week follows the selected day
    assert [row[2] for row in _cells(page.agenda_model)] == ["Hội thi Rung chuông vàng"]
    page.range_combo.setCurrentIndex(page.range_combo.findData("year"))
    assert page.agenda_model.rowCount() == 3


def test_a_camp_begun_before_the_range_is_in_its_agenda(
    qtbot: QtBot, page: CalendarPage, cal_ws: Workspace
) -> None:
    """A camp from 28/02 to 02/03 shows on the grid's first days of March: the agenda of the
    month (and of the week of 02/03) lists it too, as it does for a range read from the core."""
    add_activity(cal_ws, "Hội trại thanh niên", "28/02/2026", end_date="02/03/2026",
                 kind="van-hoa")  # fmt: skip
    add_activity(cal_ws, "Ngày Chủ nhật xanh", "29/03/2026", kind="chu-nhat-xanh")
    page.month.select_date(dt.date(2026, 3, 2))
    assert [row[2] for row in _cells(page.agenda_model)] == [
        "Hội trại thanh niên", "Ngày Chủ nhật xanh",
    ]  # fmt: skip
    assert page.range_label.text() == "Từ 01/03/2026 đến 31/03/2026: 2 buổi hoạt động"
    page.range_combo.setCurrentIndex(page.range_combo.findData("week"))
    assert [row[2] for row in _cells(page.agenda_model)] == ["Hội trại thanh niên"]
    page.range_combo.setCurrentIndex(page.range_combo.findData("year"))
    assert page.agenda_model.rowCount() == 2


@pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen platform, on show()
def test_agenda_columns_fit_their_text_and_the_title_takes_the_rest(
    qtbot: QtBot, page: CalendarPage, cal_ws: Workspace
) -> None:
    tan_hung = branch_id(cal_ws, "Chi đoàn ấp Tân Hưng")
    for day in ("05/12/2026", "12/12/2026"):
        add_activity(cal_ws, "Sinh hoạt chi đoàn ấp Tân Hưng", day, kind="sinh-hoat",
                     start_time="19:30", end_time="21:00", branch_ids=[tan_hung])  # fmt: skip
    page.resize(1220, 700)  # its share of a 1366×768 screen, beside the list of pages
    page.tabs.setCurrentIndex(1)
    page.show()
    qtbot.waitExposed(page)
    page.month.select_date(dt.date(2026, 12, 5))
    page.month_model.reload()  # the month may be the one shown already (today's)
    view, header = page.agenda, page.agenda.horizontalHeader()
    fit, stretch = QHeaderView.ResizeMode.ResizeToContents, QHeaderView.ResizeMode.Stretch
    by_hand = QHeaderView.ResizeMode.Interactive
    assert [header.sectionResizeMode(c) for c in range(7)] == [
        fit, fit, stretch, by_hand, by_hand, fit, fit,
    ]  # fmt: skip
    assert [row[3:5] for row in _cells(page.agenda_model)] == [
        ["Sinh hoạt chi đoàn định kỳ", "ấp Tân Hưng"],
    ] * 2
    # the kind and the chi đoàn in full; "Điểm danh", empty before the meetings, as its header
    assert view.columnWidth(COL_KIND) == view.sizeHintForColumn(COL_KIND)
    assert view.columnWidth(COL_BRANCH) == view.sizeHintForColumn(COL_BRANCH)
    assert view.columnWidth(COL_ATTENDANCE) == header.sectionSizeHint(COL_ATTENDANCE)
    assert view.columnWidth(COL_TITLE) >= view.sizeHintForColumn(COL_TITLE)
    assert header.length() == view.viewport().width()  # no scrolling sideways
    # a kind longer than usual is cut (its tooltip says it) rather than narrow the title
    add_activity(cal_ws, "Giải bóng đá", "20/12/2026", kind="van-hoa")
    page.month_model.reload()
    assert view.columnWidth(COL_KIND) < view.sizeHintForColumn(COL_KIND)
    assert view.columnWidth(COL_TITLE) >= view.sizeHintForColumn(COL_TITLE)


@pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen platform, on show()
def test_agenda_keeps_titles_readable_in_a_year_beside_the_side_panel(
    qtbot: QtBot, page: CalendarPage, cal_ws: Workspace
) -> None:
    tan_hung = branch_id(cal_ws, "Chi đoàn ấp Tân Hưng")
    title = "Ra quân “Ngày Chủ nhật xanh” quý 1"  # as long as a title stays in full
    add_activity(cal_ws, title, "11/01/2026", kind="chu-nhat-xanh", start_time="06:30",
                 end_time="10:00")  # fmt: skip
    meeting = add_activity(cal_ws, "Sinh hoạt chi đoàn ấp Tân Hưng", "05/01/2026",
                           kind="sinh-hoat", start_time="19:30", end_time="21:00",
                           branch_ids=[tan_hung])  # fmt: skip
    occurrence = first_occurrence(cal_ws, meeting)
    marks: dict[str, tuple[str, str | None]] = {
        r.member_id: ("present", None) for r in cal_ws.attendance.sheet(occurrence)
    }
    marks[member_id(cal_ws, "Võ Văn Tùng")] = ("excused", "Ốm")
    cal_ws.attendance.save(occurrence, marks)
    page.resize(1220, 700)  # its share of a 1366×768 screen, beside the list of pages
    page.tabs.setCurrentIndex(1)
    page.show()
    qtbot.waitExposed(page)
    page.month.select_date(dt.date(2026, 1, 5))
    page.range_combo.setCurrentIndex(page.range_combo.findData("year"))
    assert [row[2:] for row in _cells(page.agenda_model)] == [
        ["Sinh hoạt chi đoàn ấp Tân Hưng", "Sinh hoạt chi đoàn định kỳ", "ấp Tân Hưng",
         "Đã thực hiện", "4/5 · 1 phép"],
        [title, "Ngày Chủ nhật xanh", "Toàn Đoàn cơ sở", "Chưa ghi kết quả", ""],
    ]  # fmt: skip
    view, header = page.agenda, page.agenda.horizontalHeader()
    # the chi đoàn without "Chi đoàn" (the header says it) leaves the title its full width
    assert view.columnWidth(COL_TITLE) >= view.sizeHintForColumn(COL_TITLE)
    assert view.columnWidth(COL_KIND) == view.sizeHintForColumn(COL_KIND)
    assert view.columnWidth(COL_BRANCH) == view.sizeHintForColumn(COL_BRANCH)
    assert header.length() == view.viewport().width()  # no scrolling sideways
    tooltip = page.agenda_model.index(0, COL_BRANCH).data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip.splitlines() == [
        "Sinh hoạt chi đoàn ấp Tân Hưng", "Thứ Hai, 05/01/2026, 19:30–21:00",
        "Chi đoàn ấp Tân Hưng", "Sinh hoạt chi đoàn định kỳ — Đã thực hiện",
    ]  # fmt: skip
    # the side panel widened by hand: the kind gives way (its tooltip says it), not the title
    page.splitter.setSizes([page.splitter.width() - SIDE_WIDTH - 40, SIDE_WIDTH + 40])
    qtbot.waitUntil(lambda: view.columnWidth(COL_KIND) < view.sizeHintForColumn(COL_KIND))
    assert view.columnWidth(COL_TITLE) >= view.sizeHintForColumn(COL_TITLE)
    assert view.columnWidth(COL_BRANCH) == view.sizeHintForColumn(COL_BRANCH)
    assert header.length() == view.viewport().width()
    # and back: the kind in full again
    page.splitter.setSizes([page.splitter.width() - SIDE_WIDTH, SIDE_WIDTH])
    qtbot.waitUntil(lambda: view.columnWidth(COL_KIND) == view.sizeHintForColumn(COL_KIND))
    assert header.length() == view.viewport().width()


def test_filters_apply_to_month_and_agenda(
    qtbot: QtBot, page: CalendarPage, cal_ws: Workspace
) -> None:
    kenh_xang = branch_id(cal_ws, "Chi đoàn ấp Kênh Xáng")
    add_activity(cal_ws, "Sinh hoạt chi đoàn Tân Hưng", "10/03/2026",
                 branch_ids=[branch_id(cal_ws, "Chi đoàn ấp Tân Hưng")])  # fmt: skip
    add_activity(cal_ws, "Sinh hoạt chi đoàn Kênh Xáng", "11/03/2026", branch_ids=[kenh_xang])
    add_activity(cal_ws, "Hiến máu tình nguyện", "12/03/2026", place="Trạm y tế xã")
    page.month.select_date(dt.date(2026, 3, 10))
    combo = page.branch_combo
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Tất cả chi đoàn", "Chi đoàn ấp Kênh Xáng", "Chi đoàn ấp Tân Hưng",
    ]  # fmt: skip
    combo.setCurrentIndex(combo.findData(kenh_xang))
    titles = [row[2] for row in _cells(page.agenda_model)]
    assert titles == ["Sinh hoạt chi đoàn Kênh Xáng", "Hiến máu tình nguyện"]
    assert page.month_model.occurrences_on(dt.date(2026, 3, 10)) == ()
    page.search.setText("tram y te")
    page.apply_filter()  # what the debounce timer calls
    assert [row[2] for row in _cells(page.agenda_model)] == ["Hiến máu tình nguyện"]
    assert [r.title for r in page.month_model.shown()] == ["Hiến máu tình nguyện"]


def test_reminders_on_the_page(qtbot: QtBot, page: CalendarPage, cal_ws: Workspace) -> None:
    _reminders(cal_ws)
    page.refresh_reminders()
    today = dt.date.today()
    soon = today + dt.timedelta(days=2)
    weekday = ["T2", "T3", "T4", "T5", "T6", "T7", "CN"]
    assert page.upcoming_label.text() == "Sắp &diễn ra (7 ngày tới): 2"
    assert page.upcoming_model.index(0, 0).data() == (
        f"{weekday[soon.weekday()]} {soon:%d/%m} 08:00 · Thăm gia đình chính sách"
    )
    assert page.overdue_label.text() == "&Quá hạn chưa ghi kết quả: 1"
    assert page.overdue_model.index(0, 0).data().endswith(" · Dọn vệ sinh chợ")


def test_status_bar_says_what_is_coming_and_overdue(qtbot: QtBot, cal_ws: Workspace) -> None:
    _reminders(cal_ws)
    register_plans(cal_ws)
    window = MainWindow(synchronous_core(cal_ws), UiState(cal_ws.data_dir))
    qtbot.addWidget(window)
    window.load_rest()  # what the app does once the window shows
    summary = window.calendar_summary
    assert summary.text() == "2 hoạt động trong 7 ngày tới · 1 hoạt động chưa ghi kết quả"
    assert not summary.isHidden()
    summary.click()
    assert window.stack.currentWidget() is window.calendar
    assert window.sidebar.currentRow() == CALENDAR_AREA


def test_status_bar_line_is_hidden_with_nothing_to_say(qtbot: QtBot, cal_ws: Workspace) -> None:
    register_plans(cal_ws)
    window = MainWindow(synchronous_core(cal_ws), UiState(cal_ws.data_dir))
    qtbot.addWidget(window)
    window.show_calendar_summary()
    assert window.calendar_summary.isHidden()
    late = add_activity(cal_ws, "Dọn vệ sinh chợ", vn(dt.date.today() - dt.timedelta(days=3)))
    # a write through the GUI announces the change: the line follows it
    window.calendar.delete_activity(late, "Dọn vệ sinh chợ")
    window.history.undo()
    assert window.calendar_summary.text() == "1 hoạt động chưa ghi kết quả"


def _plan_of_this_year_not_registered(ws: Workspace) -> int:
    """This year's plan made and not registered (always overdue: its deadline was last year),
    next year's registered; returns this year."""
    year = dt.date.today().year
    ws.plans.create(year)
    ws.plans.create(year + 1)
    ws.plans.register(year + 1, "Đã gửi", dt.date.today())
    return year


def test_plans_still_to_register_on_the_page(
    qtbot: QtBot, page: CalendarPage, core: Core, cal_ws: Workspace
) -> None:
    year = _plan_of_this_year_not_registered(cal_ws)
    page.refresh_reminders()
    text = (
        f"Kế hoạch công tác năm {year} chưa đăng ký — đã quá hạn đăng ký với cấp trên "
        f"(hạn 10/11/{year - 1})"
    )
    assert [r.text for r in page.plan_reminders] == [text]
    assert page.plan_notice.text() == (
        f'<p>{text}. <a href="{year}">Mở kế hoạch năm {year}</a></p>'
    )
    assert not page.plan_notice.isHidden()
    with qtbot.wait_signal(page.open_plan) as opened:
        page.plan_notice.linkActivated.emit(str(year))
    assert opened.args == [year]
    # registered through the GUI: the page follows the change and the notice goes
    CoreOp(page, lambda ws: ws.plans.register(year, "Đã gửi", dt.date.today()), core).run()
    assert page.plan_reminders == []
    assert page.plan_notice.isHidden()


def test_a_plan_to_register_in_the_status_bar_and_its_link(qtbot: QtBot, cal_ws: Workspace) -> None:
    year = _plan_of_this_year_not_registered(cal_ws)
    window = MainWindow(synchronous_core(cal_ws), UiState(cal_ws.data_dir))
    qtbot.addWidget(window)
    window.show_calendar_summary()
    assert window.calendar_summary.text() == f"Kế hoạch năm {year} chưa đăng ký"
    window.show_area(CALENDAR_AREA)
    window.calendar.plan_notice.linkActivated.emit(str(year + 1))
    assert window.sidebar.currentRow() == PLANS_AREA
    assert window.stack.currentWidget() is window.plans
    assert window.plans.year == year + 1
    assert window.plans.year_combo.currentData() == year + 1


def test_delete_with_undo(qtbot: QtBot, page: CalendarPage, cal_ws: Workspace, prompts) -> None:
    monthly = add_activity(cal_ws, "Sinh hoạt chi đoàn", "15/01/2026", repeat="monthly",
                           until="31/12/2026")  # fmt: skip
    page.month.select_date(dt.date(2026, 3, 15))
    page.range_combo.setCurrentIndex(page.range_combo.findData("year"))
    assert page.agenda_model.rowCount() == 12
    messages: list[str] = []
    page.status_message.connect(messages.append)
    prompts.answer = False
    page.agenda.setCurrentIndex(page.agenda_model.index(2, 0))
    page.delete_agenda_row()
    assert prompts.asked == [
        "Xóa hoạt động “Sinh hoạt chi đoàn” cùng 12 buổi? Điểm danh, biên bản và minh chứng của "
        "hoạt động cũng bị xóa theo.\n\nCó thể lấy lại bằng “Hoàn tác” (Ctrl+Z) cho đến khi "
        "đóng chương trình."
    ]
    assert page.agenda_model.rowCount() == 12
    prompts.answer = True
    page.delete_agenda_row()
    assert page.agenda_model.rowCount() == 0
    assert page.month_model.occurrences_on(dt.date(2026, 3, 15)) == ()
    assert messages == ["Đã xóa hoạt động “Sinh hoạt chi đoàn” — bấm Hoàn tác (Ctrl+Z) để lấy lại."]
    assert page._history.undoText() == "Xóa hoạt động “Sinh hoạt chi đoàn”"
    page._history.undo()
    assert page.agenda_model.rowCount() == 12
    assert [r.title for r in page.month_model.occurrences_on(dt.date(2026, 3, 15))] == [
        "Sinh hoạt chi đoàn"
    ]
    assert cal_ws.activities.get(monthly).occurrences == 12
    page._history.redo()
    assert page.agenda_model.rowCount() == 0


def _drag_edge(header: QHeaderView, column: int, by: int) -> None:
    """Drag the right edge of ``column``'s header ``by`` pixels, as the user does."""
    x = header.sectionViewportPosition(column) + header.sectionSize(column) - 1
    y = header.height() // 2
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    steps = [
        (QEvent.Type.MouseButtonPress, x, left, left),
        (QEvent.Type.MouseMove, x + by // 2, none, left),
        (QEvent.Type.MouseMove, x + by, none, left),
        (QEvent.Type.MouseButtonRelease, x + by, left, none),
    ]
    for kind, at, button, buttons in steps:
        point = QPointF(at, y)
        event = QMouseEvent(kind, point, header.viewport().mapToGlobal(point), button, buttons,
                            Qt.KeyboardModifier.NoModifier)  # fmt: skip
        QApplication.sendEvent(header.viewport(), event)


@pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen platform, on show()
def test_a_column_widened_by_hand_keeps_its_width_when_the_page_is_resized(
    qtbot: QtBot, page: CalendarPage, cal_ws: Workspace
) -> None:
    tan_hung = branch_id(cal_ws, "Chi đoàn ấp Tân Hưng")
    year = dt.date.today().year + 1  # dates to come: a past one reads "Chưa ghi kết quả"
    for day in (f"05/12/{year}", f"12/12/{year}"):
        add_activity(cal_ws, "Sinh hoạt chi đoàn ấp Tân Hưng", day, kind="sinh-hoat",
                     start_time="19:30", end_time="21:00", branch_ids=[tan_hung])  # fmt: skip
    page.resize(1220, 700)
    page.tabs.setCurrentIndex(1)
    page.show()
    qtbot.waitExposed(page)
    page.month.select_date(dt.date(year, 12, 5))
    page.month_model.reload()
    view, header = page.agenda, page.agenda.horizontalHeader()
    fitted = view.columnWidth(COL_KIND)
    assert fitted == view.sizeHintForColumn(COL_KIND)
    page.resize(1100, 700)  # the fit alone: nothing counts as widened by hand
    qtbot.waitUntil(lambda: view.viewport().width() < 1100 - 30)
    assert page.widened_by_hand == set()

    _drag_edge(header, COL_KIND, 60)
    widened = view.columnWidth(COL_KIND)
    assert widened > fitted + 40
    assert page.widened_by_hand == {COL_KIND}
    for width in (1220, 1000, 1180):  # the window resized: the user's width stays
        page.resize(width, 700)
        qtbot.wait(20)
        assert view.columnWidth(COL_KIND) == widened
        # the others still fit: the chi đoàn in full, the title taking the rest
        assert view.columnWidth(COL_BRANCH) == view.sizeHintForColumn(COL_BRANCH)
        assert header.length() == view.viewport().width()
    page.month_model.reload()  # new rows: still the user's width
    assert view.columnWidth(COL_KIND) == widened


@pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen platform, on show()
def test_tab_leaves_the_agenda_for_what_is_coming(
    qtbot: QtBot, page: CalendarPage, cal_ws: Workspace
) -> None:
    """Tab goes from the list to the side panel's lists, as it leaves the month grid and every
    list of the app, instead of walking the list cell by cell."""
    register_plans(cal_ws)  # no plan to recall: the side panel starts with what is coming
    today = dt.date.today()
    for days in (1, 2):
        add_activity(cal_ws, "Sinh hoạt chi đoàn", vn(today + dt.timedelta(days=days)))
    page.refresh_reminders()  # written through the core, not announced to the page
    page.tabs.setCurrentIndex(1)
    page.range_combo.setCurrentIndex(page.range_combo.findData("year"))
    with qtbot.wait_active(page):  # Tab moves the focus in an active window only
        page.show()
        page.activateWindow()
    page.agenda.setFocus()
    page.agenda.selectRow(0)
    current = page.agenda.currentIndex()

    qtbot.keyClick(page.agenda, Qt.Key.Key_Tab)

    assert QApplication.focusWidget() is page.upcoming_list
    assert page.agenda.currentIndex() == current
