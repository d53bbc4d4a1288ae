"""The minutes of an activity (biên bản; of a chi đoàn's meeting, "biên bản sinh hoạt chi
đoàn"): number, chair, recorder, guests, agenda, content, resolutions, closing time; who was
present and absent comes from the attendance. Saved through an operation
(``AttendanceService.save_minutes``).

The dialog opens on what :func:`read_minutes` read on the worker (the date's organisers are
ordered through the core's collation cache, the worker's): the date, its attendance, the minutes
saved before.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ...core.activities.attendance import MINUTES_FIELDS, AttendanceRow, MinutesFields, namesakes
from ...core.activities.rules import minutes_name
from ...core.activities.service import OccurrenceDetail
from ...core.documents import KEEP, branch_recipients
from ...core.errors import ValidationError
from ...core.lang.dates import format_vn_date
from ...core.workspace import Workspace
from ..common.document_dialog import DocumentDialog, DocumentKind, remember_document
from ..common.fields import ErrorLabel, FieldErrors, WrappedLabel
from ..common.folders import ask_save_path
from ..shell.operations import Core, CoreOp, QueryOp
from .words import counts_text, long_date, time_range

LABELS = {
    "number": "Số &biên bản",
    "chair": "&Chủ trì",
    "recorder": "Thư &ký",
    "closed_at": "Kết &thúc lúc",
    "guests": "Khách &mời",
    "agenda": "C&hương trình",
    "content": "&Nội dung, ý kiến",
    "resolutions": "Kết luận, nghị &quyết",
}
PLACEHOLDERS = {
    "number": "Ví dụ: 01-BB/CĐ",
    "closed_at": "HH:MM",
    "guests": "Ví dụ: Đ/c Lê Văn Bình – Phó Bí thư Đoàn xã",
    "agenda": "1. Đánh giá hoạt động tháng…\n2. Triển khai nhiệm vụ tháng tới…",
    "content": "Diễn biến, ý kiến của từng người phát biểu…",
    "resolutions": "Những việc đã thống nhất thực hiện…",
}
PEOPLE = ("chair", "recorder")
MULTILINE = ("guests", "agenda", "content", "resolutions")


def attendance_summary(rows: list[AttendanceRow], taken: bool) -> str:
    """Who was there, as the minutes record it."""
    if not taken:
        return "Chưa điểm danh: hãy điểm danh buổi này để biên bản ghi người có mặt, vắng mặt."
    present = [r for r in rows if r.state == "present"]
    excused = [r for r in rows if r.state == "excused"]
    absent = [r for r in rows if r.state == "absent"]
    lines = [counts_text(len(present), len(excused), len(absent)) + "."]
    shared = namesakes(rows)  # told apart by their birth year, as the printed minutes do

    def named(row: AttendanceRow) -> str:
        notes = [f"sinh năm {row.birth_year}"] if row.member_id in shared else []
        notes += [row.reason] if row.reason else []
        return f"{row.full_name} ({', '.join(notes)})" if notes else row.full_name

    def names(group: list[AttendanceRow]) -> str:
        return "; ".join(named(r) for r in group)

    if excused:
        lines.append(f"Vắng có phép: {names(excused)}.")
    if absent:
        lines.append(f"Vắng không phép: {names(absent)}.")
    return "\n".join(lines)


MINUTES_DOCUMENT = DocumentKind("BB", "In biên bản (PDF)")
"""Minutes the Đoàn cơ sở issues (an activity of several chi đoàn or of the whole union): sent
up to its superior body."""
BRANCH_MINUTES_DOCUMENT = DocumentKind("BB", "In biên bản (PDF)", branch_recipients, "BB-CD", KEEP)
"""Minutes a chi đoàn issues (its own meeting, printed under its name): sent to the BCH of the
Đoàn cơ sở, the body a chi đoàn reports to, and kept by the chi đoàn ("Lưu.")."""


def minutes_kind(branch_ids: tuple[str, ...]) -> DocumentKind:
    """The minutes of an activity of one chi đoàn are that chi đoàn's (as
    :func:`doancoso.reports.minutes.print_minutes` heads them), others the Đoàn cơ sở's."""
    return BRANCH_MINUTES_DOCUMENT if len(branch_ids) == 1 else MINUTES_DOCUMENT


@dataclass(frozen=True)
class MinutesRead:
    """What the dialog opens on: the date, its attendance sheet, the minutes saved (None: none
    yet)."""

    detail: OccurrenceDetail
    sheet: list[AttendanceRow]
    minutes: MinutesFields | None


def read_minutes(ws: Workspace, occurrence_id: str) -> MinutesRead:
    """The date ``occurrence_id``, its sheet and minutes for the dialog (on the worker); a date
    deleted meanwhile raises the core's NotFoundError."""
    return MinutesRead(
        ws.activities.occurrence(occurrence_id),
        ws.attendance.sheet(occurrence_id),
        ws.attendance.minutes(occurrence_id),
    )


class MinutesDialog(QDialog):
    """The minutes of one meeting (as ``read``); ``saved`` once written."""

    def __init__(self, core: Core, read: MinutesRead, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._core = core
        self.detail: OccurrenceDetail = read.detail
        self.occurrence_id = read.detail.row.id
        self.saved = False
        self._saving = False
        self.sheet = read.sheet
        self.errors = FieldErrors()
        self.editors: dict[str, QLineEdit | QPlainTextEdit | QComboBox] = {}
        name = minutes_name(self.detail.row.kind, len(self.detail.row.branch_ids))
        self.setWindowTitle(name[0].upper() + name[1:])
        self._build()
        minutes = read.minutes
        if minutes is not None:
            for name in MINUTES_FIELDS:
                self.set_value(name, getattr(minutes, name) or "")
        self._initial = self.raw()

    def _build(self) -> None:
        row = self.detail.row
        layout = QVBoxLayout(self)
        when = long_date(row.day) + (f", {time_range(row)}" if time_range(row) else "")
        heading = WrappedLabel(f"{row.title} — {when}" + (f" — {row.place}" if row.place else ""))
        font = QFont(heading.font())
        font.setBold(True)
        heading.setFont(font)
        layout.addWidget(heading)
        columns = QHBoxLayout()
        left = QGroupBox("Thành phần")
        left_form = self._form(left)
        for name in ("number", *PEOPLE, "closed_at", "guests"):
            self.errors.add_row(left_form, name, LABELS[name], self._editor(name))
        guests_row = self.editors["guests"].parentWidget()  # the row's box (field and message)
        if guests_row is not None:  # its height fixed: the attendance below takes the rest
            guests_row.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        # Read-only and scrolled: forty names absent must not push the form off the screen.
        self.attendance_text = QPlainTextEdit(
            attendance_summary(self.sheet, self.detail.row.attendance_taken)
        )
        self.attendance_text.setReadOnly(True)
        self.attendance_text.setTabChangesFocus(True)
        self.attendance_text.setToolTip("Theo điểm danh của buổi này")
        left_form.addRow("Có mặt, &vắng mặt", self.attendance_text)
        right = QGroupBox("Diễn biến")
        right_form = self._form(right)
        for name in ("agenda", "content", "resolutions"):
            self.errors.add_row(right_form, name, LABELS[name], self._editor(name))
        columns.addWidget(left, 2)
        columns.addWidget(right, 3)
        layout.addLayout(columns, 1)
        self.general_error = ErrorLabel()
        layout.addWidget(self.general_error)
        self.printed_label = WrappedLabel("")
        layout.addWidget(self.printed_label)
        buttons = QDialogButtonBox()
        self.print_button = buttons.addButton(
            "Lưu và &in biên bản…", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.print_button.setToolTip("Lưu biên bản rồi in ra PDF theo thể thức văn bản của Đoàn")
        self.print_button.clicked.connect(self.print_minutes)
        self.save_button = buttons.addButton("&Lưu", QDialogButtonBox.ButtonRole.AcceptRole)
        # Alt+Y: the app's H ("&Hủy") is "C&hương trình"'s here.
        buttons.addButton("Hủ&y", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.save_button.setDefault(True)
        self.resize(1040, 600)

    def _form(self, group: QGroupBox) -> QFormLayout:
        form = QFormLayout(group)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        return form

    def _editor(self, name: str) -> QLineEdit | QPlainTextEdit | QComboBox:
        editor: QLineEdit | QPlainTextEdit | QComboBox
        if name in PEOPLE:
            combo = QComboBox()
            combo.setEditable(True)
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            combo.addItem("")
            # Those present first: the chair and the recorder were there.
            ordered = sorted(self.sheet, key=lambda r: r.state != "present")
            combo.addItems([r.full_name for r in ordered])
            combo.setMinimumContentsLength(24)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            line_edit = combo.lineEdit()
            if line_edit is not None:
                line_edit.setPlaceholderText("Chọn trong danh sách hoặc gõ họ tên")
            editor = combo
        elif name in MULTILINE:
            text = QPlainTextEdit()
            text.setTabChangesFocus(True)
            text.setPlaceholderText(PLACEHOLDERS[name])
            lines = {"guests": 2, "agenda": 3, "content": 8, "resolutions": 4}[name]
            if name == "guests":
                text.setFixedHeight(self.fontMetrics().height() * lines + 14)
            else:
                text.setMinimumHeight(self.fontMetrics().height() * lines + 12)
            editor = text
        else:
            line = QLineEdit()
            line.setPlaceholderText(PLACEHOLDERS[name])
            line.setMaximumWidth(220)
            editor = line
        self.editors[name] = editor
        return editor

    def set_value(self, name: str, value: str) -> None:
        editor = self.editors[name]
        if isinstance(editor, QComboBox):
            editor.setCurrentText(value)
        elif isinstance(editor, QPlainTextEdit):
            editor.setPlainText(value)
        else:
            editor.setText(value)

    def raw(self) -> dict[str, str]:
        values: dict[str, str] = {}
        for name, editor in self.editors.items():
            if isinstance(editor, QComboBox):
                values[name] = editor.currentText()
            elif isinstance(editor, QPlainTextEdit):
                values[name] = editor.toPlainText()
            else:
                values[name] = editor.text()
        return values

    def submit(self) -> None:
        if self._saving:
            return
        if self.raw() == self._initial:  # nothing typed: nothing to save, nor to say saved
            self.accept()
            return
        values, occurrence_id = self.raw(), self.occurrence_id
        self._saving = True
        self.general_error.set_message("")
        op = CoreOp(
            self,
            lambda ws: ws.attendance.save_minutes(occurrence_id, values),
            self._core,
            label="Đang lưu biên bản…",
        )
        op.success(self._saved).failure(self._not_saved).run()

    def _saved(self, _result: object) -> None:
        self._saving = False
        self.saved = True
        self.accept()

    def _not_saved(self, exc: BaseException) -> None:
        self._saving = False
        if isinstance(exc, ValidationError):
            self.errors.show_all(exc.field_errors, self.general_error)
            return
        self._core.runner.show_error(exc, "Không lưu được biên bản", self)

    # Printing -----------------------------------------------------------------------------

    def ask_save_path(self, name: str) -> Path | None:
        """The PDF chosen in a save dialog (None when cancelled); tests replace this."""
        return ask_save_path(self, "In biên bản ra PDF", name, "Tệp PDF (*.pdf)", ".pdf")

    def print_minutes(self) -> None:
        """Save what is typed (the PDF prints the saved minutes), then print."""
        if self._saving:
            return
        values, occurrence_id = self.raw(), self.occurrence_id
        self._saving = True
        self.general_error.set_message("")
        op = CoreOp(
            self,
            lambda ws: ws.attendance.save_minutes(occurrence_id, values),
            self._core,
            label="Đang lưu biên bản…",
        )
        op.success(self._print_saved).failure(self._not_saved).run()

    def _print_saved(self, _result: object) -> None:
        self._saving = False
        self.saved = True
        self._initial = self.raw()
        kind = minutes_kind(self.detail.row.branch_ids)
        dialog = DocumentDialog(self._core, kind, None, self)
        dialog.number_edit.setText(self.raw().get("number", ""))
        dialog.date_edit.setText(format_vn_date(self.detail.row.day))
        self._core.prompts.run(dialog)
        details = dialog.details if dialog.result() == DocumentDialog.DialogCode.Accepted else None
        dialog.deleteLater()
        if details is None:
            return
        row = self.detail.row
        path = self.ask_save_path(f"bien-ban-{row.day:%d-%m-%Y}.pdf")
        if path is None:
            return
        occurrence_id = self.occurrence_id

        def job(ws: Workspace) -> Path:
            from ...reports.minutes import print_minutes

            return print_minutes(
                ws,
                path,
                occurrence_id,
                issued_on=details.issued_on,
                number=details.number,
                place=details.place,
                recipients=details.recipients,
            )

        def done(written: object) -> None:
            remember_document(self._core, kind, details)
            self.printed_label.setText(f"Đã in biên bản ra tệp {written}.")

        op = QueryOp(self, job, self._core, label="Đang in ra PDF…")
        op.success(done).failure(self._core.reporter(self, "Không in được biên bản")).run()

    def reject(self) -> None:
        if self._saving:
            return
        if self.raw() != self._initial and not self._core.prompts.confirm(
            self, "Bỏ thay đổi?", "Biên bản chưa được lưu. Bỏ các thay đổi này?"
        ):
            return
        super().reject()
