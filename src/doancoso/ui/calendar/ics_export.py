"""Exporting the calendar for phones (an .ics file) from the calendar page: what to export, as
``doancoso calendar export`` takes it (a whole year, or the days from one date to another), a
range without any activity said in the dialog (counted on the worker), then the save dialog (in
Documents) and the file written on the worker
(:meth:`~doancoso.core.activities.service.ActivityService.export_calendar`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...core.activities.ics import nothing_to_export
from ...core.errors import ValidationError
from ...core.lang.dates import (
    FIRST_YEAR,
    LAST_YEAR,
    DateFormatError,
    day_range,
    format_vn_date,
    parse_vn_date,
)
from ...core.workspace import Workspace
from ..common.date_popup import attach_date_popup
from ..common.fields import ERROR_STYLE, FieldErrors, WrappedLabel, open_with_room
from ..common.folders import ask_save_path
from ..shell.operations import Core, QueryOp

if TYPE_CHECKING:
    from ...core.activities.ics import IcsFile

INTRO = (
    "Tệp .ics mở được bằng lịch của điện thoại, Google Calendar hay Outlook. Sau khi sửa lịch, "
    "xuất lại và mở tệp mới: điện thoại cập nhật các hoạt động đã có, không nhân đôi."
)
TITLE = "Xuất lịch ra tệp .ics"


def _day(text: str) -> tuple[dt.date | None, str]:
    """The date typed, or the message saying why it is none ("" when the field is empty)."""
    if not text.strip():
        return None, ""
    try:
        return parse_vn_date(text)[0], ""
    except DateFormatError as exc:
        return None, str(exc)


class CalendarExportDialog(QDialog):
    """Asks for a year (the one shown by default) or a range of days; accepted with
    :attr:`span` set only when the calendar has an activity in it."""

    def __init__(
        self, core: Core, year: int, month: tuple[dt.date, dt.date], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._core = core
        self.span: tuple[dt.date, dt.date] | None = None
        self._closed = False
        self.setWindowTitle(TITLE)
        layout = QVBoxLayout(self)
        layout.addWidget(WrappedLabel(INTRO))
        self.year_button = QRadioButton("&Cả năm")
        self.year_box = QSpinBox()
        self.year_box.setRange(FIRST_YEAR, LAST_YEAR)
        self.year_box.setValue(year)
        self.year_box.setAccessibleName("Năm")
        row = QHBoxLayout()
        row.addWidget(self.year_button)
        row.addWidget(self.year_box)
        row.addStretch(1)
        layout.addLayout(row)
        self.range_button = QRadioButton("Từ ngày đến ngà&y")
        layout.addWidget(self.range_button)
        group = QButtonGroup(self)
        for button in (self.year_button, self.range_button):
            group.addButton(button)
        self.year_button.setChecked(True)
        form = QFormLayout()
        form.setContentsMargins(24, 0, 0, 0)  # under "Từ ngày đến ngày", the choice it details
        self.errors = FieldErrors()
        self.from_edit = QLineEdit(format_vn_date(month[0]))
        self.to_edit = QLineEdit(format_vn_date(month[1]))
        for name, label, edit in (("from", "&Từ ngày", self.from_edit),
                                  ("to", "Đến &ngày", self.to_edit)):  # fmt: skip
            edit.setPlaceholderText("dd/mm/yyyy")
            edit.setMaximumWidth(160)
            attach_date_popup(edit, start=self.from_edit if edit is self.to_edit else None)
            self.errors.add_row(form, name, label, edit)
            edit.textEdited.connect(lambda _text: self.range_button.setChecked(True))
        self.year_box.valueChanged.connect(lambda _year: self.year_button.setChecked(True))
        layout.addLayout(form)
        self.message = WrappedLabel()
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()
        layout.addWidget(self.message)
        layout.addStretch(1)  # the room of the messages, the buttons staying in place
        buttons = QDialogButtonBox()
        self.export_button = buttons.addButton("&Xuất…", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("&Hủy", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.export_button.setDefault(True)
        open_with_room(self, 2, width=460)

    def done(self, result: int) -> None:
        self._closed = True
        super().done(result)

    def chosen_span(self) -> tuple[dt.date, dt.date] | None:
        """The days chosen, or None with the fields' messages shown. As the command line takes
        them: an empty "Từ ngày" is the start of the end's year, an empty "Đến ngày" the end of
        the start's year."""
        self.errors.clear()
        if self.year_button.isChecked():
            year = self.year_box.value()
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        (first, first_error), (last, last_error) = (
            _day(self.from_edit.text()),
            _day(self.to_edit.text()),
        )
        if first is None and last is None and not first_error and not last_error:
            first_error = "Cần nhập ngày đầu hoặc ngày cuối."
        if first_error or last_error:
            found = {"from": first_error, "to": last_error}
            self.errors.show({name: message for name, message in found.items() if message})
            return None
        try:
            return day_range(first, last)
        except ValidationError as exc:
            self.errors.show(exc.field_errors)
            return None

    def submit(self) -> None:
        """Count what the range chosen would hold, on the worker (the button waits meanwhile),
        then say it is empty or close with it."""
        self.message.hide()
        span = self.chosen_span()
        if span is None:
            return
        self.export_button.setEnabled(False)  # one count at a time

        def counted(size: int) -> None:
            self.export_button.setEnabled(True)
            if self._closed:  # "Hủy" while counting
                return
            if size == 0:
                self.message.setText(nothing_to_export(*span))
                self.message.show()
                return
            self.span = span
            self.accept()

        def failed(exc: BaseException) -> None:
            self.export_button.setEnabled(True)
            self._core.reporter(self, "Không xuất được")(exc)

        op = QueryOp(self, lambda ws: ws.activities.calendar_size(*span), self._core,
                     progress=False)  # fmt: skip
        op.success(counted).failure(failed).run()


class CalendarExporter(QObject):
    """Exports the calendar for the page ``parent``; says what it wrote."""

    status_message = Signal(str)

    def __init__(self, core: Core, parent: QWidget) -> None:
        super().__init__(parent)
        self._core = core
        self._parent = parent

    def ask_save_path(self, name: str) -> Path | None:
        """The .ics chosen in a save dialog starting in Documents (None when cancelled)."""
        return ask_save_path(self._parent, TITLE, name, "Tệp lịch (*.ics)", ".ics")

    def export(self, year: int, month: tuple[dt.date, dt.date]) -> None:
        """Ask what to export (``year`` and ``month``, the ones shown, offered), where, then
        write it on the worker."""
        dialog = CalendarExportDialog(self._core, year, month, self._parent)
        self._core.prompts.run(dialog)
        span = dialog.span if dialog.result() == QDialog.DialogCode.Accepted else None
        dialog.deleteLater()
        if span is None:
            return
        first, last = span
        if (first, last) == (dt.date(first.year, 1, 1), dt.date(first.year, 12, 31)):
            name = f"lich-hoat-dong-{first.year}.ics"
        else:
            name = f"lich-hoat-dong-{first:%d-%m-%Y}-den-{last:%d-%m-%Y}.ics"
        path = self.ask_save_path(name)
        if path is None:
            return

        def job(ws: Workspace) -> IcsFile:
            return ws.activities.export_calendar(path, first, last)

        def done(ics: IcsFile) -> None:
            self.status_message.emit(
                f"Đã xuất lịch hoạt động từ {format_vn_date(first)} đến {format_vn_date(last)} "
                f"ra tệp {path} ({ics.counts_text})."
            )

        op = QueryOp(self._parent, job, self._core, label="Đang xuất lịch…")
        op.success(done).failure(self._core.reporter(self._parent, "Không xuất được")).run()
