"""A calendar to pick a date from, for the app's date fields typed as "dd/mm/yyyy".

Every date of the GUI is a :class:`QLineEdit` the secretary types into ("05/03/2001", or a
birth year alone): typing stays as it is. :func:`attach_date_popup` gives such a field a small
calendar button inside it, at its right, and opens the same calendar from the keyboard with
Alt+Down or F4, as Windows date fields do. The calendar is in Vietnamese whatever the
machine's own language (day and month names, weeks from Monday, Sundays in red), and opens on
the date typed in the field: on the year of a birth year typed alone, on today when the field
is empty or holds no date. An end date ("Đến ngày", "Ngày kết thúc", …) attached with the field
of its start opens, while it holds no date, on the date typed as the start (or, that one empty
too, as the start's own start: a stay's end on the event's date).

A click on a day, Enter or a double-click picks it: the field then reads the day as dd/mm/yyyy,
written as if typed (``textEdited`` and ``textChanged``, and Ctrl+Z in the field takes it back),
so the form's live checks (:class:`~.fields.FieldErrors`) and its change tracking see it.
Escape, or a click outside, closes the calendar and changes nothing. A limit given to the
calendar (no birth date after today) only narrows what it offers: the form's checks and the
core stay the judges of what is typed.

The button takes no focus (Qt's buttons inside a line edit never do): the tab order of a form
is the same with or without it. A read-only field (a member who left, shown to be read) shows
no button and opens no calendar. :func:`date_popup_of` finds a field's calendar, so that a test
can check every date field of a dialog has one.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QIcon,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPen,
    QPixmap,
    QTextCharFormat,
)
from PySide6.QtWidgets import QCalendarWidget, QFrame, QLineEdit, QVBoxLayout, QWidget

from ...core.lang.dates import DateFormatError, format_vn_date, parse_vn_date

BUTTON_TIP = "Chọn ngày trên lịch (Alt+↓ hoặc F4)"
# Qt's calendar gives its navigation buttons no tooltip (nor any text to translate): these say
# in Vietnamese what each does.
NAVIGATION_TIPS = {
    "qt_calendar_prevmonth": "Tháng trước",
    "qt_calendar_nextmonth": "Tháng sau",
    "qt_calendar_monthbutton": "Chọn tháng",
    "qt_calendar_yearbutton": "Chọn năm",
}
SUNDAY_COLOUR = "#c62828"
ICON_COLOUR = "#455a64"


def vietnamese_locale() -> QLocale:
    return QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam)


def _opens_popup(event: QKeyEvent) -> bool:
    """Alt+Down or F4 (alone), the keys of a Windows date field's calendar."""
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    if event.key() == Qt.Key.Key_F4:
        return modifiers == Qt.KeyboardModifier.NoModifier
    return event.key() == Qt.Key.Key_Down and modifiers == Qt.KeyboardModifier.AltModifier


_icon: QIcon | None = None


def calendar_icon() -> QIcon:
    """A small wall calendar (red top, two rings, a grid of days), drawn: the project keeps no
    icon files and Qt's standard icons have no calendar."""
    global _icon
    if _icon is None:
        _icon = QIcon()
        for size in (16, 24, 32):
            _icon.addPixmap(_draw_calendar(size))
    return _icon


def _draw_calendar(size: int) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / 16, size / 16)
    ink = QColor(ICON_COLOUR)
    painter.fillRect(QRectF(1.5, 3, 13, 3.5), QColor(SUNDAY_COLOUR))
    painter.setPen(QPen(ink, 1.2))
    painter.drawRoundedRect(QRectF(1.5, 3, 13, 11.5), 1.5, 1.5)
    for x in (4.5, 11.5):
        painter.drawLine(QPointF(x, 1), QPointF(x, 4.5))
    for row in (8.2, 11.2):
        for column in (3.5, 6.9, 10.3):
            painter.fillRect(QRectF(column, row, 2.2, 2), ink)
    painter.end()
    return pixmap


class CalendarPopup(QFrame):
    """The calendar in a popup window: :attr:`picked` when a day is picked (a click, Enter or
    a double-click); Escape or a click outside closes it with nothing picked."""

    picked = Signal(QDate)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.calendar = QCalendarWidget(self)
        calendar = self.calendar
        calendar.setLocale(vietnamese_locale())
        calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        calendar.setGridVisible(True)
        calendar.setDateEditEnabled(False)  # dates are typed in the field, not here
        sunday = QTextCharFormat()
        sunday.setForeground(QColor(SUNDAY_COLOUR))
        calendar.setWeekdayTextFormat(Qt.DayOfWeek.Sunday, sunday)
        calendar.setWeekdayTextFormat(Qt.DayOfWeek.Saturday, QTextCharFormat())  # as weekdays
        today = QTextCharFormat()
        today.setFontWeight(700)
        calendar.setDateTextFormat(QDate.currentDate(), today)
        for name, tip in NAVIGATION_TIPS.items():
            button = calendar.findChild(QWidget, name)
            if button is not None:
                button.setToolTip(tip)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(1, 1, 1, 1)
        layout.addWidget(calendar)
        calendar.clicked.connect(self._pick)
        calendar.activated.connect(self._pick)
        self._opener: QWidget | None = None

    def open_on(self, day: QDate, below: QWidget, opener: QWidget | None = None) -> None:
        """Show the calendar under ``below`` (over it when the screen has no room under it),
        ``day`` selected; a press on ``opener`` (the field's button) only closes it."""
        self._opener = opener
        calendar = self.calendar
        calendar.setSelectedDate(day)
        shown = calendar.selectedDate()  # within the calendar's limits
        calendar.setCurrentPage(shown.year(), shown.month())
        self.adjustSize()
        size = self.sizeHint()
        screen = below.screen().availableGeometry()
        corner = below.mapToGlobal(QPoint(0, below.height()))
        x = max(screen.left(), min(corner.x(), screen.right() + 1 - size.width()))
        y = corner.y()
        if y + size.height() > screen.bottom() + 1:
            y = max(screen.top(), below.mapToGlobal(QPoint(0, 0)).y() - size.height())
        self.move(x, y)
        self.show()
        calendar.setFocus()

    def _pick(self, day: QDate) -> None:
        if not self.isVisible():  # a click is also an activation on some styles: picked once
            return
        self.close()
        self.picked.emit(day)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if event.key() == Qt.Key.Key_Escape or _opens_popup(event):
            self.close()  # F4 or Alt+Down again closes it, as on Windows
            event.accept()
            return
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt's name)
        # A press outside closes a popup and, on Windows, is then given to what is under it:
        # on the field's own button it would open the calendar again at once (Qt's own
        # calendar popup of QDateTimeEdit guards its arrow the same way).
        opener = self._opener
        if opener is not None and opener.isVisible():
            local = opener.mapFromGlobal(event.globalPosition().toPoint())
            if opener.rect().contains(local):
                self.setAttribute(Qt.WidgetAttribute.WA_NoMouseReplay)
        super().mousePressEvent(event)


class DatePopup(QObject):
    """The calendar of one date field (see the module docstring); made by
    :func:`attach_date_popup`, a child of the field."""

    def __init__(
        self, line: QLineEdit, latest: date | None = None, start: QLineEdit | None = None
    ) -> None:
        super().__init__(line)
        self.line = line
        self.latest = latest
        self.start = start
        self.action = QAction(calendar_icon(), BUTTON_TIP, line)
        self.action.setToolTip(BUTTON_TIP)
        self.action.triggered.connect(self.open)
        line.addAction(self.action, QLineEdit.ActionPosition.TrailingPosition)
        self.action.setVisible(not line.isReadOnly())
        line.installEventFilter(self)
        self.popup: CalendarPopup | None = None

    def typed_day(self) -> QDate:
        """The day the calendar opens on: the date typed, 1 January of a year typed alone;
        when the field holds no date, the date typed in its :attr:`start` field (and, while
        that one holds none either, in the start of that start: a stay's end, its start, the
        event's date), or today."""
        line: QLineEdit | None = self.line
        seen: list[QLineEdit] = []
        while line is not None and line not in seen:  # a start of a start…, never in a loop
            seen.append(line)
            try:
                day, _precision = parse_vn_date(line.text(), allow_year=True)
            except DateFormatError:
                popup = self if line is self.line else date_popup_of(line)
                line = popup.start if popup is not None else None
                continue
            return QDate(day.year, day.month, day.day)
        return QDate.currentDate()

    def open(self) -> None:
        """Open the calendar on the typed date (a read-only or disabled field opens none)."""
        line = self.line
        if line.isReadOnly() or not line.isEnabled():
            return
        if self.popup is None:
            self.popup = CalendarPopup(line)
            if self.latest is not None:
                latest = self.latest
                self.popup.calendar.setMaximumDate(QDate(latest.year, latest.month, latest.day))
            self.popup.picked.connect(self._write)
        self.popup.open_on(self.typed_day(), line, self._button())

    def is_open(self) -> bool:
        return self.popup is not None and self.popup.isVisible()

    def _button(self) -> QWidget | None:
        widgets = self.action.associatedObjects()
        return next((w for w in widgets if isinstance(w, QWidget) and w is not self.line), None)

    def _write(self, day: QDate) -> None:
        """The picked day into the field as if typed: one edit, undone by Ctrl+Z in the field."""
        line = self.line
        line.setFocus(Qt.FocusReason.PopupFocusReason)
        line.selectAll()
        line.insert(format_vn_date(date(day.year(), day.month(), day.day())))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if kind == QEvent.Type.ReadOnlyChange:  # a read-only field shows no calendar button
            self.action.setVisible(not self.line.isReadOnly())
        elif (
            kind in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride)
            and isinstance(event, QKeyEvent)
            and _opens_popup(event)
            and not self.line.isReadOnly()
        ):
            event.accept()  # the field's key, not a shortcut of the window
            if kind == QEvent.Type.KeyPress:
                self.open()
            return True
        return False


def attach_date_popup(
    line: QLineEdit, *, past_only: bool = False, start: QLineEdit | None = None
) -> DatePopup:
    """Give the date field ``line`` its calendar (see the module docstring). ``past_only``
    (a birth date, a day already gone) keeps the calendar to today and before. ``start``, the
    field of the start date of an end date ``line``, is the date the calendar opens on while
    ``line`` holds none."""
    return DatePopup(line, date.today() if past_only else None, start)


def date_popup_of(line: QLineEdit) -> DatePopup | None:
    """The calendar attached to ``line``, or None."""
    return line.findChild(DatePopup, options=Qt.FindChildOption.FindDirectChildrenOnly)
