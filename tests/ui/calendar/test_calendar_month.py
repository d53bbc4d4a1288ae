"""The month grid: Monday first, the right chips on the right days in their kind's colour, other
months dimmed, today marked, the filters, and the calendar's keys."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QEvent, QPoint, QRect, Qt
from PySide6.QtGui import QColor, QFontMetrics, QHelpEvent
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem, QToolTip
from pytestqt.qtbot import QtBot

from doancoso.core.activities.rules import BUILTIN_KINDS
from doancoso.core.workspace import Workspace
from doancoso.ui.calendar.calendar_read import read_calendar
from doancoso.ui.calendar.month_model import (
    DATE_ROLE,
    IN_MONTH_ROLE,
    OCCURRENCES_ROLE,
    TODAY_ROLE,
    MonthModel,
)
from doancoso.ui.calendar.month_view import MonthView, chip_lines
from doancoso.ui.calendar.page import CalendarPage

from .conftest import add_activity, branch_id, first_occurrence, vn


@pytest.fixture
def march(cal_ws: Workspace) -> Workspace:
    """March 2026 (1 March is a Sunday): a meeting, two Green Sundays, a camp over 3 days,
    something on 28 February."""
    tan_hung = branch_id(cal_ws, "Chi đoàn ấp Tân Hưng")
    add_activity(cal_ws, "Sinh hoạt chi đoàn tháng 3", "15/03/2026", kind="sinh-hoat",
                 start_time="19:30", branch_ids=[tan_hung])  # fmt: skip
    add_activity(cal_ws, "Ngày Chủ nhật xanh", "01/03/2026", kind="chu-nhat-xanh",
                 start_time="06:30", repeat="last-sunday", until="30/04/2026")  # fmt: skip
    add_activity(cal_ws, "Trại hè thanh niên", "30/03/2026", end_date="01/04/2026",
                 kind="van-hoa", place="Bãi biển Khai Long")  # fmt: skip
    add_activity(cal_ws, "Tuyên truyền an toàn giao thông", "28/02/2026", kind="tuyen-truyen")
    return cal_ws


def _read_by(ws: Workspace) -> MonthModel:
    """A month model whose months are read from ``ws`` as soon as asked, as the page's read on
    the worker would hand them."""
    model = MonthModel()

    def read() -> None:
        query = model.query
        read = read_calendar(ws, query, query.weeks)
        model.kinds = read.kinds
        model.show(query, read.weeks, read.today)

    model.asked.connect(read)
    return model


def _titles(model: MonthModel, day: dt.date) -> list[str]:
    return [row.title for row in model.occurrences_on(day)]


def test_month_model_passes_the_model_tester(qtmodeltester, march: Workspace) -> None:
    model = _read_by(march)
    model.show_month(2026, 3)
    qtmodeltester.check(model)


def test_weeks_start_on_monday_with_vietnamese_names(qtbot: QtBot, march: Workspace) -> None:
    model = _read_by(march)
    model.show_month(2026, 3)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(7)]
    assert headers == ["T2", "T3", "T4", "T5", "T6", "T7", "CN"]
    assert (model.rowCount(), model.columnCount()) == (6, 7)  # 23/02 to 05/04
    assert model.index(0, 0).data(DATE_ROLE) == dt.date(2026, 2, 23)
    assert model.index(0, 6).data(DATE_ROLE) == dt.date(2026, 3, 1)
    assert model.index(5, 6).data(DATE_ROLE) == dt.date(2026, 4, 5)
    assert [model.index(0, c).data(IN_MONTH_ROLE) for c in range(7)] == [False] * 6 + [True]
    model.show_month(2026, 2)  # February 2026 begins on a Sunday too, 28 days: 5 weeks
    assert model.rowCount() == 5


def test_chips_on_their_days(qtbot: QtBot, march: Workspace) -> None:
    model = _read_by(march)
    model.show_month(2026, 3)
    assert _titles(model, dt.date(2026, 3, 15)) == ["Sinh hoạt chi đoàn tháng 3"]
    assert _titles(model, dt.date(2026, 3, 29)) == ["Ngày Chủ nhật xanh"]
    assert _titles(model, dt.date(2026, 3, 22)) == []
    for day in (30, 31):  # the camp on each of its days
        assert _titles(model, dt.date(2026, 3, day)) == ["Trại hè thanh niên"]
    assert _titles(model, dt.date(2026, 4, 1)) == ["Trại hè thanh niên"]
    assert _titles(model, dt.date(2026, 2, 28)) == ["Tuyên truyền an toàn giao thông"]
    index = model.index_of(dt.date(2026, 3, 15))
    assert index.data() == "15"
    assert index.data(Qt.ItemDataRole.ToolTipRole) == (
        "Chủ nhật, 15/03/2026\n"
        "• 19:30 Sinh hoạt chi đoàn tháng 3 (Sinh hoạt chi đoàn định kỳ) — Chưa ghi kết quả"
    )
    # The camp's place, as its chip's tooltip says it, under its line in the day's list.
    assert model.index_of(dt.date(2026, 3, 31)).data(Qt.ItemDataRole.ToolTipRole) == (
        "Thứ Ba, 31/03/2026\n"
        "• Trại hè thanh niên (Văn hóa – văn nghệ – thể dục thể thao) — Chưa ghi kết quả\n"
        "   Địa điểm: Bãi biển Khai Long"
    )
    model.show_month(2026, 4)
    assert _titles(model, dt.date(2026, 4, 26)) == ["Ngày Chủ nhật xanh"]
    assert model.shown()[0].title == "Trại hè thanh niên"  # 30/03, in April's first week


def test_chi_doan_filter_and_search(qtbot: QtBot, march: Workspace) -> None:
    model = _read_by(march)
    model.show_month(2026, 3)
    model.set_filter(branch_id(march, "Chi đoàn ấp Kênh Xáng"), "")
    assert _titles(model, dt.date(2026, 3, 15)) == []  # Tân Hưng's meeting
    assert _titles(model, dt.date(2026, 3, 29)) == ["Ngày Chủ nhật xanh"]  # everybody's
    model.set_filter(None, "chu nhat")
    assert {r.title for r in model.shown()} == {"Ngày Chủ nhật xanh"}
    model.set_filter(None, "khai long")  # the place
    assert {r.title for r in model.shown()} == {"Trại hè thanh niên"}


def _pixel(view: MonthView, day: dt.date, chip: int) -> QColor:
    index = view.month_model.index_of(day)
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    option.rect = view.visualRect(index)
    rect = view.chips.layout(option, index.data(OCCURRENCES_ROLE)).chips[chip]
    image = view.viewport().grab().toImage()
    return image.pixelColor(rect.left() + 2, rect.center().y())


def test_chips_are_painted_in_their_kind_colour(qtbot: QtBot, march: Workspace) -> None:
    model = _read_by(march)
    view = MonthView(model)
    qtbot.addWidget(view)
    view.chips.kinds = model.kinds = march.activities.kinds()
    model.show_month(2026, 3)
    view.resize(900, 600)
    view.show()
    qtbot.waitExposed(view)
    assert _pixel(view, dt.date(2026, 3, 15), 0) == QColor(BUILTIN_KINDS["sinh-hoat"][1])
    assert _pixel(view, dt.date(2026, 3, 29), 0) == QColor(BUILTIN_KINDS["chu-nhat-xanh"][1])
    dimmed = _pixel(view, dt.date(2026, 2, 28), 0)  # another month: the colour faded
    assert dimmed != QColor(BUILTIN_KINDS["tuyen-truyen"][1])
    assert dimmed.lightness() > QColor(BUILTIN_KINDS["tuyen-truyen"][1]).lightness()
    point = QPoint(*_chip_point(view, dt.date(2026, 3, 15)))
    occurrence = view.occurrence_at(point)
    assert occurrence is not None and occurrence.title == "Sinh hoạt chi đoàn tháng 3"
    assert view.occurrence_at(QPoint(point.x(), point.y() + 60)) is None


def _chip_point(view: MonthView, day: dt.date) -> tuple[int, int]:
    index = view.month_model.index_of(day)
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    option.rect = view.visualRect(index)
    chip = view.chips.layout(option, index.data(OCCURRENCES_ROLE)).chips[0]
    return chip.center().x(), chip.center().y()


def _tooltip_at(view: MonthView, point: QPoint) -> str:
    """The tooltip shown where the mouse rests at ``point`` (viewport coordinates)."""
    QToolTip.hideText()
    viewport = view.viewport()
    event = QHelpEvent(QEvent.Type.ToolTip, point, viewport.mapToGlobal(point))
    QApplication.sendEvent(viewport, event)
    return QToolTip.text() if QToolTip.isVisible() else ""


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # the offscreen tooltip's
def test_a_chip_s_tooltip_reads_its_activity_whole(qtbot: QtBot, march: Workspace) -> None:
    """A chip cut short at 1366×768 is read whole where the mouse rests on it: the title, the
    day and time, the place; beside the chips, the day's list."""
    model = _read_by(march)
    view = MonthView(model)
    qtbot.addWidget(view)
    view.chips.kinds = model.kinds = march.activities.kinds()
    model.show_month(2026, 3)
    view.resize(900, 600)
    view.show()
    qtbot.waitExposed(view)
    meeting = QPoint(*_chip_point(view, dt.date(2026, 3, 15)))
    assert _tooltip_at(view, meeting).splitlines() == [
        "Sinh hoạt chi đoàn tháng 3", "Chủ nhật, 15/03/2026, 19:30",
        "Sinh hoạt chi đoàn định kỳ — Chưa ghi kết quả",
    ]  # fmt: skip
    camp = QPoint(*_chip_point(view, dt.date(2026, 3, 31)))  # its second day
    assert _tooltip_at(view, camp).splitlines() == [
        "Trại hè thanh niên", "Thứ Hai, 30/03/2026 – Thứ Tư, 01/04/2026",
        "Địa điểm: Bãi biển Khai Long", "Văn hóa – văn nghệ – thể dục thể thao — Chưa ghi kết quả",
    ]  # fmt: skip
    beside = QPoint(meeting.x(), meeting.y() + 60)
    assert _tooltip_at(view, beside) == model.index_of(dt.date(2026, 3, 15)).data(
        Qt.ItemDataRole.ToolTipRole
    )
    QToolTip.hideText()


def test_a_held_meeting_s_chip_reads_its_chi_doan_whole(qtbot: QtBot, cal_ws: Workspace) -> None:
    """At 1366×768 a day is about 133 pixels wide and 125 high: "✓ 19:30 Sinh hoạt chi đoàn ấp
    Kênh Xáng" was cut after two lines ("chi đoàn ấp Kênh X…"), the ✓ pushing the chi đoàn's
    name over. With room in the day the chip takes a third line and reads whole; a crowded
    day still gives each chip one line. (The day's width is set from the font's, so that two
    lines cut the name whatever font the test machine has.)"""
    title = "Sinh hoạt chi đoàn ấp Kênh Xáng"
    occ = first_occurrence(cal_ws, add_activity(cal_ws, title, "03/03/2026", kind="sinh-hoat",
                                                start_time="19:30"))  # fmt: skip
    cal_ws.activities.update_occurrence(occ, {"status": "da-thuc-hien"})
    model = _read_by(cal_ws)
    view = MonthView(model)
    qtbot.addWidget(view)
    model.show_month(2026, 3)
    (row,) = model.index_of(dt.date(2026, 3, 3)).data(OCCURRENCES_ROLE)
    metrics = QFontMetrics(view.chips.chip_font(view.font()))
    text_width = metrics.horizontalAdvance("✓ 19:30 Sinh hoạt") + 4  # "chi" goes below
    assert chip_lines(metrics, f"✓ 19:30 {title}", text_width, 2)[-1].endswith("…")
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    option.rect = QRect(0, 0, text_width + 13, 125)  # 6 around the chip, 7 in it
    (chip,) = view.chips.layout(option, (row,)).chips
    lines = view.chips.chip_text_lines(chip, row, metrics)
    assert len(lines) == 3 and " ".join(lines) == f"✓ 19:30 {title}", lines
    crowded = view.chips.layout(option, (row,) * 5)
    assert {c.height() for c in crowded.chips} == {metrics.height() + 2}


def test_today_is_marked(qtbot: QtBot, cal_ws: Workspace) -> None:
    model = _read_by(cal_ws)
    today = dt.date.today()
    model.show_month(today.year, today.month)
    assert model.index_of(today).data(TODAY_ROLE) is True
    other = today + dt.timedelta(days=1 if today.day < 20 else -1)
    assert model.index_of(other).data(TODAY_ROLE) is False


def test_many_activities_leave_a_more_line(qtbot: QtBot, cal_ws: Workspace) -> None:
    for hour in range(7, 15):
        add_activity(cal_ws, f"Hoạt động {hour} giờ", "10/03/2026", start_time=f"{hour}:00")
    model = _read_by(cal_ws)
    view = MonthView(model)
    qtbot.addWidget(view)
    model.show_month(2026, 3)
    view.resize(700, 500)
    view.show()
    qtbot.waitExposed(view)
    index = model.index_of(dt.date(2026, 3, 10))
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    option.rect = view.visualRect(index)
    parts = view.chips.layout(option, index.data(OCCURRENCES_ROLE))
    assert parts.more is not None and len(parts.chips) + parts.hidden == 8
    assert parts.hidden >= 2
    assert all(option.rect.contains(chip) for chip in parts.chips)


# Keys ----------------------------------------------------------------------------------------


def test_arrows_page_keys_and_home_move_the_selected_day(
    qtbot: QtBot, page: CalendarPage, march: Workspace
) -> None:
    view = page.month
    view.select_date(dt.date(2026, 3, 15))
    assert page.title_label.text() == "Tháng 3 năm 2026"
    keys = (
        (Qt.Key.Key_Right, dt.date(2026, 3, 16)),
        (Qt.Key.Key_Down, dt.date(2026, 3, 23)),
        (Qt.Key.Key_Left, dt.date(2026, 3, 22)),
        (Qt.Key.Key_Up, dt.date(2026, 3, 15)),
        (Qt.Key.Key_PageDown, dt.date(2026, 4, 15)),
        (Qt.Key.Key_PageUp, dt.date(2026, 3, 15)),
    )
    for key, expected in keys:
        qtbot.keyClick(view, key)
        assert view.selected == expected, key
        assert view.currentIndex().data(DATE_ROLE) == expected
    assert page.title_label.text() == "Tháng 3 năm 2026"
    view.select_date(dt.date(2026, 3, 31))
    qtbot.keyClick(view, Qt.Key.Key_PageUp)  # no 31 February: its last day
    assert view.selected == dt.date(2026, 2, 28)
    assert page.title_label.text() == "Tháng 2 năm 2026"
    view.select_date(dt.date(2026, 3, 2))
    qtbot.keyClick(view, Qt.Key.Key_Up)  # into February: the grid follows
    assert view.selected == dt.date(2026, 2, 23)
    assert (page.month_model.year, page.month_model.month) == (2026, 2)
    qtbot.keyClick(view, Qt.Key.Key_Home)
    today = dt.date.today()
    assert view.selected == today
    assert page.title_label.text() == f"Tháng {today.month} năm {today.year}"


def test_enter_opens_the_day_and_n_starts_a_new_activity(
    qtbot: QtBot, page: CalendarPage, march: Workspace, prompts
) -> None:
    opened: list[tuple[str, str]] = []

    def record(dialog) -> None:
        day = getattr(dialog, "edits", {}).get("start_date")
        opened.append((dialog.windowTitle(), day.text() if day else dialog.detail.row.title))

    prompts.dialog_script = record
    view = page.month
    view.select_date(dt.date(2026, 3, 15))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert opened == [("Buổi hoạt động", "Sinh hoạt chi đoàn tháng 3")]
    view.select_date(dt.date(2026, 3, 18))
    qtbot.keyClick(view, Qt.Key.Key_N)
    assert opened[-1] == ("Thêm hoạt động", "18/03/2026")
    qtbot.keyClick(view, Qt.Key.Key_Return)  # a day without activity: a new one that day
    assert opened[-1] == ("Thêm hoạt động", "18/03/2026")
    add_activity(march, "Họp Ban Chấp hành", "15/03/2026", start_time="08:00")
    page.month_model.reload()
    prompts.choice = "CN 15/03 19:30 · Sinh hoạt chi đoàn tháng 3"
    view.select_date(dt.date(2026, 3, 15))
    qtbot.keyClick(view, Qt.Key.Key_Enter)
    assert prompts.choices_offered[-1] == [
        "CN 15/03 08:00 · Họp Ban Chấp hành",
        "CN 15/03 19:30 · Sinh hoạt chi đoàn tháng 3",
    ]
    assert opened[-1] == ("Buổi hoạt động", "Sinh hoạt chi đoàn tháng 3")
    assert vn(view.selected) == "15/03/2026"


def test_a_camp_still_running_is_not_said_to_lack_its_results(march: Workspace) -> None:
    from doancoso.ui.calendar.words import status_text

    (camp,) = [
        r for r in march.activities.occurrences(dt.date(2026, 3, 30), dt.date(2026, 3, 30))
        if r.title == "Trại hè thanh niên"
    ]  # fmt: skip
    assert status_text(camp, dt.date(2026, 3, 31)) == "Dự kiến"
    assert status_text(camp, dt.date(2026, 4, 2)) == "Chưa ghi kết quả"
