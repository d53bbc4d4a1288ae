"""The calendar of a date field: opened by its button, Alt+Down or F4 on the typed date, in
Vietnamese; a picked day written as dd/mm/yyyy as if typed, the form's message under the field
gone; Escape changing nothing."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFormLayout, QLineEdit, QTableView, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from doancoso.core.lang.dates import DateFormatError, parse_vn_date
from doancoso.ui.common.date_popup import DatePopup, attach_date_popup, date_popup_of
from doancoso.ui.common.fields import FieldErrors

# Showing a popup window on the offscreen platform logs harmless warnings: it cannot raise the
# window, grab the keyboard nor propagate size hints.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

WRONG_DAY = "Ngày 31/02/2005 không có trên lịch."


def _birth_check(line: QLineEdit) -> str:
    try:
        parse_vn_date(line.text(), allow_year=True)
    except DateFormatError as exc:
        return str(exc)
    return ""


class Form(QWidget):
    """A form of one birth date, checked as the member form checks it as it is typed."""

    def __init__(self, text: str = "", past_only: bool = False) -> None:
        super().__init__()
        form = QFormLayout(self)
        self.errors = FieldErrors()
        self.line = QLineEdit(text)
        self.line.setPlaceholderText("dd/mm/yyyy (hoặc chỉ năm sinh)")
        self.line.setMaximumWidth(220)
        self.errors.add_row(form, "birth_date", "Ngày sinh", self.line, True,
                            lambda: _birth_check(self.line))  # fmt: skip
        self.after = QLineEdit()  # the next field in the tab order
        form.addRow("Dân tộc", self.after)
        self.popup = attach_date_popup(self.line, past_only=past_only)


def _form(qtbot: QtBot, text: str = "", past_only: bool = False) -> Form:
    form = Form(text, past_only)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    form.activateWindow()
    form.line.setFocus()
    qtbot.waitUntil(form.line.hasFocus)
    return form


def _button(line: QLineEdit) -> QToolButton:
    """The calendar button inside the field (Qt's button of the field's action)."""
    popup = date_popup_of(line)
    assert popup is not None
    (button,) = [w for w in popup.action.associatedObjects() if isinstance(w, QToolButton)]
    return button


def _view(popup: DatePopup) -> QTableView:
    assert popup.popup is not None
    view = popup.popup.calendar.findChild(QTableView, "qt_calendar_calendarview")
    assert isinstance(view, QTableView)
    return view


def _opened(qtbot: QtBot, popup: DatePopup) -> QDate:
    qtbot.waitUntil(popup.is_open)
    assert popup.popup is not None
    return popup.popup.calendar.selectedDate()


def test_the_button_opens_the_calendar_on_the_typed_date(qtbot: QtBot) -> None:
    form = _form(qtbot, "15/08/2005")
    button = _button(form.line)
    assert button.isVisible() and button.focusPolicy() == Qt.FocusPolicy.NoFocus
    assert button.toolTip() == "Chọn ngày trên lịch (Alt+↓ hoặc F4)"

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    assert _opened(qtbot, form.popup) == QDate(2005, 8, 15)
    assert form.popup.popup is not None
    calendar = form.popup.popup.calendar
    assert (calendar.yearShown(), calendar.monthShown()) == (2005, 8)
    under = form.line.mapToGlobal(QPoint(0, form.line.height()))
    top = form.popup.popup.geometry().top()
    assert under.y() <= top <= under.y() + 4  # just under the field (a platform's frame aside)
    assert form.line.text() == "15/08/2005"  # opening changes nothing


def test_near_the_bottom_of_the_screen_the_calendar_opens_above_the_field(qtbot: QtBot) -> None:
    form = _form(qtbot, "15/08/2005")
    screen = form.screen().availableGeometry()
    form.move(screen.left() + 20, screen.bottom() - form.frameGeometry().height())
    qtbot.waitUntil(lambda: form.line.mapToGlobal(QPoint(0, 0)).y() > screen.center().y())
    form.popup.open()
    _opened(qtbot, form.popup)
    assert form.popup.popup is not None
    shown = form.popup.popup.geometry()
    field_top = form.line.mapToGlobal(QPoint(0, 0)).y()
    assert field_top - 4 <= shown.bottom() + 1 <= field_top + 4  # over the field, not under
    assert screen.contains(shown)


def test_the_button_pressed_again_closes_the_calendar(qtbot: QtBot) -> None:
    """Through the window system, as the user's mouse (on Windows Qt then gives the press that
    closed a popup to what is under it: the button must not open the calendar again)."""
    form = _form(qtbot, "15/08/2005")
    button = _button(form.line)
    window = form.windowHandle()
    at = button.mapTo(form, button.rect().center())
    QTest.mouseClick(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at)
    qtbot.waitUntil(form.popup.is_open)
    QTest.mouseClick(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at)
    qtbot.waitUntil(lambda: not form.popup.is_open())
    qtbot.wait(50)
    assert not form.popup.is_open()
    assert form.line.text() == "15/08/2005"


TODAY_AS_RUN = None
"""Today, read when the test runs, not when the tests are collected (a run may cross midnight)."""


@pytest.mark.parametrize(
    ("typed", "opens_on"),
    [
        ("2005", QDate(2005, 1, 1)),  # a birth year alone: that year
        ("5/3/2001", QDate(2001, 3, 5)),
        ("ngày 05 tháng 03 năm 2001", QDate(2001, 3, 5)),
        ("", TODAY_AS_RUN),
        ("31/02/2005", TODAY_AS_RUN),  # no day of the calendar
        ("hôm qua", TODAY_AS_RUN),
    ],
)
def test_the_calendar_opens_on_what_is_typed_or_today(
    qtbot: QtBot, typed: str, opens_on: QDate | None
) -> None:
    form = _form(qtbot, typed)
    form.popup.open()
    assert _opened(qtbot, form.popup) == (opens_on or QDate.currentDate())
    assert form.line.text() == typed


@pytest.mark.parametrize(
    ("start", "end", "opens_on"),
    [
        ("14/07/2025", "", QDate(2025, 7, 14)),  # an empty end: on the start typed
        ("14/07/2025", "hôm sau", QDate(2025, 7, 14)),  # no date in the end either
        ("14/07/2025", "02/09/2025", QDate(2025, 9, 2)),  # an end typed: on it
        ("", "", TODAY_AS_RUN),  # no start either: today
        ("31/02/2025", "", TODAY_AS_RUN),
    ],
)
def test_an_empty_end_date_opens_on_its_start(
    qtbot: QtBot, start: str, end: str, opens_on: QDate | None
) -> None:
    form = QWidget()
    qtbot.addWidget(form)
    layout = QFormLayout(form)
    start_line, end_line = QLineEdit(start), QLineEdit(end)
    layout.addRow("Từ ngày", start_line)
    layout.addRow("Đến ngày", end_line)
    attach_date_popup(start_line)
    popup = attach_date_popup(end_line, start=start_line)
    form.show()
    qtbot.waitExposed(form)
    popup.open()
    assert _opened(qtbot, popup) == (opens_on or QDate.currentDate())
    assert (start_line.text(), end_line.text()) == (start, end)  # opening writes nothing


@pytest.mark.parametrize(
    ("key", "modifier"),
    [
        (Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier),
        (Qt.Key.Key_F4, Qt.KeyboardModifier.NoModifier),
    ],
)
def test_alt_down_and_f4_open_the_calendar(
    qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier
) -> None:
    form = _form(qtbot, "20/11/2004")
    qtbot.keyClick(form.line, key, modifier)
    assert _opened(qtbot, form.popup) == QDate(2004, 11, 20)


def test_down_alone_opens_nothing(qtbot: QtBot) -> None:
    form = _form(qtbot, "20/11/2004")
    qtbot.keyClick(form.line, Qt.Key.Key_Down)
    qtbot.keyClick(form.line, Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier)
    qtbot.wait(50)
    assert not form.popup.is_open()


def test_clicking_a_day_writes_it_and_clears_the_message(qtbot: QtBot) -> None:
    form = _form(qtbot, "31/02/2005")
    form.errors.check()
    assert form.errors.message("birth_date") == WRONG_DAY
    form.line.setFocus()
    qtbot.keyClick(form.line, Qt.Key.Key_F4)
    _opened(qtbot, form.popup)
    assert form.popup.popup is not None
    form.popup.popup.calendar.setCurrentPage(2005, 2)
    form.popup.popup.calendar.setSelectedDate(QDate(2005, 2, 28))
    view = _view(form.popup)
    cell = view.visualRect(view.currentIndex()).center()
    changes: list[str] = []
    form.line.textChanged.connect(changes.append)

    with qtbot.waitSignal(form.line.textEdited) as edited:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=cell)

    assert edited.args == ["28/02/2005"]
    assert changes == ["28/02/2005"]
    assert form.line.text() == "28/02/2005"
    assert form.errors.message("birth_date") == ""
    qtbot.waitUntil(lambda: not form.popup.is_open())
    qtbot.waitUntil(form.line.hasFocus)  # back in the field, to type on or Tab on
    qtbot.keyClick(form.line, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert form.line.text() == "31/02/2005"  # one edit, taken back as one


def test_enter_picks_the_day_moved_to_with_the_arrows(qtbot: QtBot) -> None:
    form = _form(qtbot, "2005")
    changes: list[str] = []
    form.line.textChanged.connect(changes.append)
    qtbot.keyClick(form.line, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    _opened(qtbot, form.popup)
    view = _view(form.popup)
    for key in (Qt.Key.Key_PageDown, Qt.Key.Key_Right, Qt.Key.Key_Down):  # a month, a day, a week
        qtbot.keyClick(view, key)
    qtbot.keyClick(view, Qt.Key.Key_Return)

    assert form.line.text() == "09/02/2005"
    assert changes == ["09/02/2005"]  # written once
    assert not form.popup.is_open()


def test_a_double_click_picks_the_day(qtbot: QtBot) -> None:
    form = _form(qtbot, "")
    form.popup.open()
    _opened(qtbot, form.popup)
    assert form.popup.popup is not None
    form.popup.popup.calendar.setSelectedDate(QDate(2026, 9, 2))
    view = _view(form.popup)
    cell = view.visualRect(view.currentIndex()).center()
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert form.line.text() == "02/09/2026"


def test_escape_closes_the_calendar_and_changes_nothing(qtbot: QtBot) -> None:
    form = _form(qtbot, "31/02/2005")
    form.errors.check()
    edits: list[str] = []
    form.line.textChanged.connect(edits.append)
    qtbot.keyClick(form.line, Qt.Key.Key_F4)
    _opened(qtbot, form.popup)
    view = _view(form.popup)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_PageUp)
    qtbot.keyClick(view, Qt.Key.Key_Escape)

    qtbot.waitUntil(lambda: not form.popup.is_open())
    assert form.line.text() == "31/02/2005"
    assert edits == []
    assert form.errors.message("birth_date") == WRONG_DAY
    assert not form.line.isModified()


def test_f4_in_the_calendar_closes_it(qtbot: QtBot) -> None:
    form = _form(qtbot, "01/01/2000")
    qtbot.keyClick(form.line, Qt.Key.Key_F4)
    _opened(qtbot, form.popup)
    qtbot.keyClick(_view(form.popup), Qt.Key.Key_F4)
    qtbot.waitUntil(lambda: not form.popup.is_open())
    assert form.line.text() == "01/01/2000"


def test_the_calendar_speaks_vietnamese_and_starts_on_monday(qtbot: QtBot) -> None:
    form = _form(qtbot, "15/08/2005")
    form.popup.open()
    _opened(qtbot, form.popup)
    assert form.popup.popup is not None
    calendar = form.popup.popup.calendar
    assert calendar.firstDayOfWeek() == Qt.DayOfWeek.Monday
    model = _view(form.popup).model()
    header = [model.index(0, column).data() for column in range(model.columnCount())]
    assert header == ["Thứ 2", "Thứ 3", "Thứ 4", "Thứ 5", "Thứ 6", "Thứ 7", "CN"]
    shown = {
        name: button.text() or button.toolTip()
        for name in ("monthbutton", "prevmonth", "nextmonth")
        if isinstance(button := calendar.findChild(QToolButton, f"qt_calendar_{name}"), QToolButton)
    }
    assert shown == {"monthbutton": "Tháng 8", "prevmonth": "Tháng trước", "nextmonth": "Tháng sau"}
    sunday = calendar.weekdayTextFormat(Qt.DayOfWeek.Sunday).foreground().color().name()
    assert sunday == "#c62828"


def test_a_birth_date_calendar_ends_today(qtbot: QtBot) -> None:
    form = _form(qtbot, "", past_only=True)
    form.popup.open()
    _opened(qtbot, form.popup)
    assert form.popup.popup is not None
    today = date.today()
    assert form.popup.popup.calendar.maximumDate() == QDate(today.year, today.month, today.day)
    form.popup.popup.close()
    form.line.setText("01/01/2999")  # typed: the form's check judges it, not the calendar
    assert form.line.text() == "01/01/2999"


def test_a_read_only_field_shows_no_button_and_opens_no_calendar(qtbot: QtBot) -> None:
    form = _form(qtbot, "15/08/2005")
    button = _button(form.line)
    form.line.setReadOnly(True)
    assert not button.isVisible()
    qtbot.keyClick(form.line, Qt.Key.Key_F4)
    form.popup.open()
    qtbot.wait(50)
    assert not form.popup.is_open()

    form.line.setReadOnly(False)
    assert button.isVisible()
    qtbot.keyClick(form.line, Qt.Key.Key_F4)
    assert _opened(qtbot, form.popup) == QDate(2005, 8, 15)


def test_the_tab_order_skips_the_button(qtbot: QtBot) -> None:
    form = _form(qtbot, "15/08/2005")
    qtbot.keyClick(form.line, Qt.Key.Key_Tab)
    qtbot.waitUntil(form.after.hasFocus)
