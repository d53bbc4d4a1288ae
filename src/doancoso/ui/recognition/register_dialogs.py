"""Add or edit a record of criterion 3's register: advice to the Party committee (tham mưu)
and coordination with another body (phối hợp). Like the youth form, the dialog only collects
text: "Lưu" sends the raw values to the core on the worker; each message of a ValidationError
is shown under its field, the dialog stays open and nothing is saved."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import ValidationError
from ...core.lang.dates import DateFormatError, format_vn_date, parse_vn_date
from ...core.recognition.registers import Advice, Coordination
from ...core.workspace import Workspace
from ..common.date_popup import attach_date_popup
from ..common.fields import ErrorLabel, FieldErrors, open_with_room
from ..shell.operations import Core, CoreOp

DATE_HINT = "dd/mm/yyyy"
Editor = QLineEdit | QPlainTextEdit | QComboBox
# (field, label with its Alt letter, placeholder, required, multiline): "&Lưu" and "&Hủy" take L
# and H.
Field = tuple[str, str, str, bool, bool]

ADVICE_FIELDS: tuple[Field, ...] = (
    ("day", "&Ngày gửi", DATE_HINT, True, False),
    ("number", "&Số, ký hiệu", "Ví dụ: 03-TTr/ĐTN", False, False),
    ("title", "&Tên văn bản, đề xuất", "Ví dụ: Tờ trình đề nghị hỗ trợ kinh phí…", True, False),
    ("summary", "Nội &dung tóm tắt", "", False, True),
    ("answer", "T&rả lời của cấp ủy", "Ví dụ: Đảng ủy đồng ý…", False, True),
    ("answer_day", "N&gày trả lời", DATE_HINT, False, False),
)
COORDINATION_FIELDS: tuple[Field, ...] = (
    ("partner", "&Cơ quan, đơn vị phối hợp", "Ví dụ: Công an xã", True, False),
    ("title", "Chương trình, &quy chế", "Ví dụ: Chương trình phối hợp tuyên truyền…", True, False),
    ("day", "&Từ ngày", DATE_HINT, True, False),
    ("end_day", "Đến &ngày", DATE_HINT, False, False),
    ("content", "Nội &dung phối hợp", "", False, True),
    ("results", "&Kết quả", "", False, True),
    ("activity_id", "H&oạt động liên kết", "", False, False),
)
NO_ACTIVITY = "(Không liên kết)"
DELETED_ACTIVITY = "(hoạt động đã xóa khỏi lịch)"


class RecordDialog(QDialog):
    """A form over ``fields``, saved by ``save(ws, raw, record_id)``; ``saved_id`` is set once
    saved."""

    def __init__(
        self, core: Core, title: str, fields: tuple[Field, ...],
        save: Callable[[Workspace, Mapping[str, str], str | None], str],
        record_id: str | None, parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self._core = core
        self._save = save
        self.record_id = record_id
        self.saved_id: str | None = None
        self._saving = False
        self.editors: dict[str, Editor] = {}
        self.errors = FieldErrors()
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for name, label, placeholder, required, multiline in fields:
            editor = self._editor(name, placeholder, multiline)
            self.editors[name] = editor
            check = self._date_check(name) if placeholder == DATE_HINT else None
            self.errors.add_row(form, name, label, editor, required=required, check=check)
        layout.addLayout(form)
        layout.addStretch(1)  # the room the messages take, the buttons staying in place
        self.general_error = ErrorLabel()
        layout.addWidget(self.general_error)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton("&Lưu", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("&Hủy", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.save_button.setDefault(True)
        # Up to four messages at once (three fields and a date, or a general one).
        open_with_room(self, 4, 640)
        self._initial = self.raw()

    def _editor(self, name: str, placeholder: str, multiline: bool) -> Editor:
        if name == "activity_id":
            combo = QComboBox()
            combo.addItem(NO_ACTIVITY, "")
            return combo
        if multiline:
            text = QPlainTextEdit()
            text.setTabChangesFocus(True)
            text.setPlaceholderText(placeholder)
            text.setFixedHeight(self.fontMetrics().height() * 3 + 12)
            text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            return text
        line = QLineEdit()
        line.setPlaceholderText(placeholder)
        if placeholder == DATE_HINT:
            line.setMaximumWidth(160)
            start = self.editors.get("day")  # an end date's calendar opens on the start's
            attach_date_popup(line, start=start if isinstance(start, QLineEdit) else None)
        return line

    def _date_check(self, name: str) -> Callable[[], str]:
        """The field's own check as the user types: "" once it is a date (or empty)."""

        def check() -> str:
            text = self.raw().get(name, "").strip()
            if not text:
                return ""
            try:
                parse_vn_date(text)
            except DateFormatError as exc:
                return str(exc)
            return ""

        return check

    # Values -------------------------------------------------------------------------------

    def raw(self) -> dict[str, str]:
        values: dict[str, str] = {}
        for name, editor in self.editors.items():
            if isinstance(editor, QComboBox):
                values[name] = str(editor.currentData() or "")
            elif isinstance(editor, QPlainTextEdit):
                values[name] = editor.toPlainText()
            else:
                values[name] = editor.text()
        return values

    def set_value(self, name: str, value: str) -> None:
        editor = self.editors[name]
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(value), 0))
        elif isinstance(editor, QPlainTextEdit):
            editor.setPlainText(value)
        else:
            editor.setText(value)
            editor.setCursorPosition(0)  # a long title shows from its start, not its end

    def years_saved(self) -> range:
        """The years whose register lists the record saved (to say where it went): its date's;
        for a programme with an end, every year from its start to its end, as the register of
        a year takes a programme running in it (``registers.in_period``)."""
        try:
            first = parse_vn_date(self.raw().get("day", ""))[0].year
        except DateFormatError:
            return range(0)
        try:
            last = parse_vn_date(self.raw().get("end_day", ""))[0].year
        except DateFormatError:  # none (an advice, a programme without an end)
            last = first
        return range(first, max(first, last) + 1)

    # Saving -------------------------------------------------------------------------------

    def submit(self) -> None:
        if self._saving:
            return
        self.general_error.hide()
        raw, record_id, save = self.raw(), self.record_id, self._save
        self._saving = True
        op = CoreOp(self, lambda ws: save(ws, raw, record_id), self._core)
        op.success(self._saved).failure(self._not_saved).run()

    def _saved(self, saved_id: str) -> None:
        self._saving = False
        self.saved_id = saved_id
        self.errors.clear()
        self.accept()

    def _not_saved(self, exc: BaseException) -> None:
        self._saving = False
        if isinstance(exc, ValidationError):
            self.errors.show_all(exc.field_errors, self.general_error)
            return
        self._core.runner.show_error(exc, "Không lưu được", self)

    def mark_clean(self) -> None:
        """What the form holds now is what closing without saving keeps; the first field's
        text is selected, so that typing replaces a date filled in for the user."""
        self._initial = self.raw()
        first = next(iter(self.editors.values()))
        if isinstance(first, QLineEdit):  # selected backwards: it still shows from its start
            first.setSelection(len(first.text()), -len(first.text()))

    def reject(self) -> None:
        """Esc / Hủy: ask before throwing away what was typed (not while saving)."""
        if self._saving:
            return
        if (
            self.saved_id is None
            and self.raw() != self._initial
            and not self._core.prompts.confirm(
                self, "Bỏ thay đổi?", "Thông tin đã nhập chưa được lưu. Bỏ các thay đổi này?"
            )
        ):
            return
        super().reject()


def _save_advice(ws: Workspace, raw: Mapping[str, str], record_id: str | None) -> str:
    return ws.registers.save_advice(raw, record_id)


def _save_coordination(ws: Workspace, raw: Mapping[str, str], record_id: str | None) -> str:
    return ws.registers.save_coordination(raw, record_id)


def _first_day(year: int) -> str:
    today = dt.date.today()
    return format_vn_date(today) if today.year == year else ""


def advice_dialog(
    core: Core, year: int, record: Advice | None, parent: QWidget | None = None
) -> RecordDialog:
    """ "Thêm văn bản tham mưu" (``record`` None, dated today in the current year) or its edit."""
    title = "Sửa văn bản tham mưu" if record else "Thêm văn bản tham mưu cấp ủy"
    dialog = RecordDialog(core, title, ADVICE_FIELDS, _save_advice,
                          record.id if record else None, parent)  # fmt: skip
    if record is None:
        dialog.set_value("day", _first_day(year))
        dialog.mark_clean()
        return dialog
    values = {
        "day": format_vn_date(record.day), "number": record.number or "", "title": record.title,
        "summary": record.summary or "", "answer": record.answer or "",
        "answer_day": format_vn_date(record.answer_day),
    }  # fmt: skip
    for name, value in values.items():
        dialog.set_value(name, value)
    dialog.mark_clean()
    return dialog


def coordination_dialog(
    core: Core, year: int, record: Coordination | None, activities: Mapping[str, str],
    parent: QWidget | None = None,
) -> RecordDialog:  # fmt: skip
    """ "Thêm chương trình phối hợp" or its edit; ``activities`` are those it can be linked to
    (id → "dd/mm/yyyy – title")."""
    title = "Sửa chương trình phối hợp" if record else "Thêm chương trình phối hợp"
    dialog = RecordDialog(core, title, COORDINATION_FIELDS, _save_coordination,
                          record.id if record else None, parent)  # fmt: skip
    combo = dialog.editors["activity_id"]
    assert isinstance(combo, QComboBox)
    for activity_id, label in activities.items():
        combo.addItem(label, activity_id)
    if record is None:
        dialog.set_value("day", _first_day(year))
        dialog.mark_clean()
        return dialog
    if record.activity_id and combo.findData(record.activity_id) < 0:
        # Not among the activities read (they include every one the records link to): an
        # activity deleted from the calendar since; saving it so is refused by the core.
        combo.addItem(DELETED_ACTIVITY, record.activity_id)
    values = {
        "partner": record.partner, "title": record.title, "day": format_vn_date(record.day),
        "end_day": format_vn_date(record.end_day), "content": record.content or "",
        "results": record.results or "", "activity_id": record.activity_id or "",
    }  # fmt: skip
    for name, value in values.items():
        dialog.set_value(name, value)
    dialog.mark_clean()
    return dialog
