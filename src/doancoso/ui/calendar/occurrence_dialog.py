"""One date of an activity: move it (date, time, place) without touching the other dates, its
status, its results, its evidence files; from here the attendance and the minutes (of any
activity, from its day on).

"Lưu" writes only what was changed on this date (``ActivityService.update_occurrence``); the
attendance, the minutes and the files are saved by their own dialogs and buttons as soon as they
are done. "Sửa hoạt động…" and "Xóa hoạt động…" close this dialog with ``edit_requested`` or
``delete_requested`` set: the page opens the activity's form or deletes it (with undo).

The dialog opens on what :func:`read_occurrence` read on the worker (the date's organisers are
ordered through the core's collation cache, the worker's); the date read again after the
attendance or the minutes is read there too, the chi đoàn's names as well, and what the roll
call and the minutes open on (:func:`.attendance_dialog.read_attendance`,
:func:`.minutes_dialog.read_minutes`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.activities.recurrence import describe
from ...core.activities.rules import MEETING_KIND, PLANNED, STATUSES, minutes_name
from ...core.activities.service import ActivityRecord, OccurrenceDetail
from ...core.errors import ValidationError
from ...core.evidence.service import Attachment
from ...core.lang.dates import DateFormatError, format_vn_date, parse_vn_date
from ...core.workspace import Workspace
from ..common.date_popup import attach_date_popup
from ..common.fields import ErrorLabel, FieldErrors, WrappedLabel, open_with_room
from ..common.opening import OpenAfterRead
from ..shell.operations import Core, CoreOp, QueryOp
from ..shell.undo import UndoHistory
from .evidence import EvidencePanel, date_files
from .words import KindColours, branches_text, counts_text, kind_name, long_date

if TYPE_CHECKING:  # the roll call's and the minutes' modules load when one first opens
    from .attendance_dialog import AttendanceRead
    from .minutes_dialog import MinutesRead

T = TypeVar("T")

LINE_FIELDS = ("day", "start_time", "end_time", "place", "participants")
TEXT_FIELDS = ("results", "resources")
LABELS = {
    "day": "&Ngày", "start_time": "Giờ &bắt đầu", "end_time": "Giờ &kết thúc",
    "place": "Đị&a điểm", "status": "&Trạng thái", "participants": "&Số người tham gia",
    "results": "Nội &dung đã thực hiện", "resources": "Nguồn lực &huy động",
}  # fmt: skip
PLACEHOLDERS = {
    "day": "dd/mm/yyyy", "start_time": "HH:MM", "end_time": "HH:MM", "place": "",
    "participants": "Ví dụ: 35",
    "results": "Những việc đã làm, kết quả đạt được…",
    "resources": "Kinh phí, hiện vật, ngày công… đã vận động",
}  # fmt: skip
SHORT = ("day", "start_time", "end_time", "participants")
SUBTITLE_STYLE = "color: #555;"
POSTPONED = "hoan"
NOTE_STYLE = "color: #1565c0;"


@dataclass(frozen=True)
class OccurrenceRead:
    """What the dialog opens on: the date, its activity, the kinds of activity, the date's
    evidence files."""

    detail: OccurrenceDetail
    activity: ActivityRecord
    kinds: KindColours
    files: list[Attachment]


def read_occurrence(ws: Workspace, occurrence_id: str) -> OccurrenceRead:
    """The date ``occurrence_id`` for the dialog (on the worker); a date deleted meanwhile
    raises the core's NotFoundError."""
    detail = ws.activities.occurrence(occurrence_id)
    return OccurrenceRead(
        detail, ws.activities.get(detail.row.activity_id), ws.activities.kinds(),
        date_files(ws, occurrence_id),
    )  # fmt: skip


class OccurrenceDialog(QDialog):
    """One date (as ``read``); ``saved`` once "Lưu" wrote it."""

    def __init__(
        self, core: Core, history: UndoHistory, read: OccurrenceRead,
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self._core = core
        self._history = history
        self.detail: OccurrenceDetail = read.detail
        self.occurrence_id = read.detail.row.id
        self.activity = read.activity
        self._kinds = read.kinds
        self._files = read.files
        self.saved = False
        self.edit_requested = False
        self.delete_requested = False
        self._saving = False
        self._opening = OpenAfterRead(self, core)  # the roll call's, the minutes' read
        self._closed = False  # closed: what such a read brings opens nothing
        self.errors = FieldErrors()
        self.editors: dict[str, QLineEdit | QPlainTextEdit | QComboBox] = {}
        self.setWindowTitle("Buổi hoạt động")
        self._build()
        self._load()
        self._initial = self.raw()

    # Building -----------------------------------------------------------------------------

    def _build(self) -> None:
        row = self.detail.row
        layout = QVBoxLayout(self)
        self.title_label = WrappedLabel(row.title)
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() + 3)
        font.setBold(True)
        self.title_label.setFont(font)
        layout.addWidget(self.title_label)
        self.subtitle = WrappedLabel(self._subtitle_text(None))
        self.subtitle.setStyleSheet(SUBTITLE_STYLE)
        layout.addWidget(self.subtitle)
        self._load_branch_names()
        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self._date_group())
        left.addWidget(self._results_group(), 1)
        right = QVBoxLayout()
        right.addWidget(self._attendance_group())
        files = QGroupBox("Minh chứng (ảnh, tệp PDF)")
        files_layout = QVBoxLayout(files)
        self.evidence = EvidencePanel(self._core, self._history, self.occurrence_id, self._files)
        self.evidence.status.connect(self.show_message)
        files_layout.addWidget(self.evidence)
        right.addWidget(files, 1)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        layout.addLayout(columns, 1)
        layout.addLayout(self._message_row())
        self.general_error = ErrorLabel()
        layout.addWidget(self.general_error)
        layout.addLayout(self._buttons())
        # Once in the dialog: set earlier, Qt makes the first button ("Điểm danh…") the
        # default, and Enter in a field opens the roll call instead of saving.
        self.save_button.setDefault(True)
        self.undo_action = QAction("Hoàn tác", self)
        self.undo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.undo_action.triggered.connect(self._undo)
        self.addAction(self.undo_action)
        # Its notes give way to six messages; room for two more keeps "Lưu" in place.
        open_with_room(self, 2, 1040)

    def _subtitle_text(self, names: Mapping[str, str] | None) -> str:
        """Kind · organiser · repeat; the chi đoàn named once ``names`` are read ("…" until
        then)."""
        row = self.detail.row
        if names is None:  # the whole organisation needs no names
            organiser = branches_text(row.branch_ids, {}) if not row.branch_ids else "…"
        else:
            organiser = branches_text(row.branch_ids, names)
        parts = [kind_name(self._kinds, row.kind), organiser]
        if self.activity.fields.rule:
            parts.append(describe(self.activity.fields.rule))
        return " · ".join(parts)

    def _load_branch_names(self) -> None:
        """Read the chi đoàn's names on the worker (the core's caches are the worker's)."""
        op = QueryOp(self, lambda ws: dict(ws.branches.names()), self._core, progress=False)
        op.success(self._show_branch_names).failure(self._names_failed).run()

    def _names_failed(self, exc: BaseException) -> None:
        self._core.runner.show_error(exc, parent=self)

    def _show_branch_names(self, names: dict[str, str]) -> None:
        self.subtitle.setText(self._subtitle_text(names))

    def _editor(self, name: str) -> QLineEdit | QPlainTextEdit:
        if name in TEXT_FIELDS:
            text = QPlainTextEdit()
            text.setTabChangesFocus(True)
            text.setPlaceholderText(PLACEHOLDERS[name])
            text.setMinimumHeight(self.fontMetrics().height() * 3 + 12)
            self.editors[name] = text
            return text
        line = QLineEdit()
        line.setPlaceholderText(PLACEHOLDERS[name])
        if name in SHORT:
            line.setMaximumWidth(200)
        if name == "day":
            attach_date_popup(line)
        self.editors[name] = line
        return line

    def _form(self, group: QGroupBox) -> QFormLayout:
        form = QFormLayout(group)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return form

    def _date_group(self) -> QGroupBox:
        group = QGroupBox("Buổi này")
        form = self._form(group)
        for name in ("day", "start_time", "end_time", "place"):
            self.errors.add_row(form, name, LABELS[name], self._editor(name), name == "day")
        self.status_combo = QComboBox()
        for code, label in STATUSES.items():
            self.status_combo.addItem(label, code)
        self.editors["status"] = self.status_combo
        self.errors.add_row(form, "status", LABELS["status"], self.status_combo)
        self.move_note = WrappedLabel()
        self.move_note.setStyleSheet(NOTE_STYLE)
        form.addRow(self.move_note)
        return group

    def _results_group(self) -> QGroupBox:
        group = QGroupBox("Kết quả")
        form = self._form(group)
        for name in ("participants", *TEXT_FIELDS):
            self.errors.add_row(form, name, LABELS[name], self._editor(name))
        return group

    def _attendance_group(self) -> QGroupBox:
        group = QGroupBox("Điểm danh")
        layout = QVBoxLayout(group)
        self.attendance_label = WrappedLabel()
        layout.addWidget(self.attendance_label)
        buttons = QHBoxLayout()
        self.attendance_button = QPushButton("Điể&m danh…")
        self.attendance_button.clicked.connect(self.take_attendance)
        buttons.addWidget(self.attendance_button)
        # Every activity has its minutes: a meeting's "biên bản sinh hoạt", a volunteer day's
        # or a BCH meeting's "biên bản" (the same Alt+I for both).
        meeting = self.detail.row.kind == MEETING_KIND
        self.minutes_button = QPushButton("Biên bản s&inh hoạt…" if meeting else "B&iên bản…")
        self.minutes_button.clicked.connect(self.write_minutes)
        buttons.addWidget(self.minutes_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        return group

    def _message_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.message = WrappedLabel()
        self.message.setStyleSheet(NOTE_STYLE)
        self.undo_button = QPushButton("Hoàn tá&c")
        self.undo_button.clicked.connect(self._undo)
        self.undo_button.hide()
        row.addWidget(self.message, 1)
        row.addWidget(self.undo_button)
        return row

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        # O: "Đóng" has no letter but N ("&Ngày") and G.
        self.edit_button = QPushButton("Sửa h&oạt động…")
        self.edit_button.setToolTip("Sửa tên, loại, lịch lặp lại… của hoạt động (mọi buổi)")
        self.edit_button.clicked.connect(self.request_edit)
        self.delete_button = QPushButton("&Xóa hoạt động…")
        self.delete_button.clicked.connect(self.request_delete)
        row.addWidget(self.edit_button)
        row.addWidget(self.delete_button)
        row.addStretch(1)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton("&Lưu", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("Đón&g", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        row.addWidget(buttons)
        return row

    # Values -------------------------------------------------------------------------------

    def _load(self) -> None:
        detail, row = self.detail, self.detail.row
        texts = {
            "day": format_vn_date(row.day),
            "start_time": row.start_time or "",
            "end_time": row.end_time or "",
            "place": row.place or "",
            "participants": _participants_text(detail),
            "results": detail.results or "",
            "resources": detail.resources or "",
        }
        for name, text in texts.items():
            self.set_value(name, text)
        self.set_value("status", row.status)
        if row.moved:
            self.move_note.setText(f"Đã dời từ ngày {format_vn_date(detail.original_date)}.")
        elif row.recurring:
            self.move_note.setText("Dời buổi này không làm thay đổi các buổi khác.")
        self._show_attendance()

    def _show_attendance(self) -> None:
        row, today = self.detail.row, dt.date.today()
        reason = said = ""
        if row.day > today:
            reason = f"Buổi ngày {long_date(row.day)} chưa diễn ra: chưa thể điểm danh."
            said = (
                f"Chưa điểm danh: buổi ngày {long_date(row.day)} chưa diễn ra, điểm danh và viết "
                "biên bản được từ ngày đó."
            )
        elif row.status in ("huy", "hoan"):
            reason = "Buổi hoạt động đã hoãn hoặc hủy: không điểm danh."
            said = "Không điểm danh: buổi đã hoãn hoặc hủy (đổi “Trạng thái” nếu buổi vẫn diễn ra)."
        if row.attendance_taken:
            absent = row.expected - row.present - row.excused
            text = counts_text(row.present, row.excused, absent) + "."
        else:  # why the button is greyed out, written: its tooltip is never seen from the keys
            text = said or "Chưa điểm danh."
        if self.detail.has_minutes:
            text += " Đã có biên bản sinh hoạt." if row.kind == MEETING_KIND else " Đã có biên bản."
        self.attendance_label.setText(text)
        self.attendance_button.setEnabled(not reason)
        self.attendance_button.setToolTip(reason)
        # Minutes record what took place: written from the day on (minutes written ahead by
        # an older version stay open). A date postponed or cancelled may still have the
        # minutes of what was said before it was called off.
        future = row.day > today and not self.detail.has_minutes
        self.minutes_button.setEnabled(not future)
        self.minutes_button.setToolTip(
            f"Buổi ngày {long_date(row.day)} chưa diễn ra: chưa thể viết biên bản."
            if future
            else ""
        )

    def set_value(self, name: str, value: str) -> None:
        editor = self.editors[name]
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(value), 0))
        elif isinstance(editor, QPlainTextEdit):
            editor.setPlainText(value)
        else:
            editor.setText(value)

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

    def changed(self) -> dict[str, str]:
        """The fields edited since the dialog opened (or last saved)."""
        return {k: v for k, v in self.raw().items() if v != self._initial.get(k)}

    # Actions ------------------------------------------------------------------------------

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.undo_button.setVisible(self._history.canUndo())

    def _undo(self) -> None:
        if self._history.canUndo():
            self._history.undo()
            self.show_message("Đã hoàn tác.")
            self.undo_button.hide()

    def submit(self) -> None:
        if self._saving:
            return
        if not self._postponed_move_settled():
            return
        changes, occurrence_id = self.changed(), self.occurrence_id
        if not changes:
            self.accept()
            return
        self._saving = True
        self.general_error.set_message("")
        op = CoreOp(self, lambda ws: ws.activities.update_occurrence(occurrence_id, changes),
                    self._core, label="Đang lưu buổi hoạt động…")  # fmt: skip
        op.success(self._saved).failure(self._not_saved).run()

    def _postponed_move_settled(self) -> bool:
        """A date moved to another day with the status "Hoãn" (a meeting postponed to a day
        picks "Hoãn" naturally) would be struck out on its new day too: ask whether it takes
        place then. False for "Quay lại"."""
        raw = self.raw()
        if "day" not in self.changed() or raw["status"] != POSTPONED:
            return True
        try:
            moved_to = parse_vn_date(raw["day"])[0]
        except DateFormatError:
            return True  # the core says what is wrong with the day
        if moved_to == self.detail.row.day:  # the same day typed otherwise ("15/2/2026")
            return True
        day = format_vn_date(moved_to)
        text = (
            f"Buổi này được dời sang ngày {day} nhưng có trạng thái “Hoãn”: ngày đó buổi sẽ bị "
            "gạch trên lịch (cả lịch điện thoại) và không điểm danh được.\n\n"
            "Buổi sẽ diễn ra vào ngày mới thì ghi trạng thái “Dự kiến”."
        )
        answers = ["Ghi “Dự kiến”", "Vẫn ghi “Hoãn”", "Quay lại"]
        answer = self._core.prompts.ask(self, "Dời buổi hoạt động", text, answers)
        if answer == 0:
            self.set_value("status", PLANNED)
        return answer != 2

    def _saved(self, _result: object) -> None:
        self._saving = False
        self.saved = True
        self.errors.clear()
        self.accept()

    def _not_saved(self, exc: BaseException) -> None:
        self._saving = False
        if isinstance(exc, ValidationError):
            self.errors.show_all(exc.field_errors, self.general_error)
            return
        self._core.runner.show_error(exc, "Không lưu được", self)

    def _reload_detail(self, then: str) -> None:
        """After the attendance or the minutes: the date read again on the worker, then shown
        with the message ``then``."""
        occurrence_id = self.occurrence_id
        op = QueryOp(self, lambda ws: ws.activities.occurrence(occurrence_id), self._core,
                     progress=False)  # fmt: skip
        op.success(lambda detail: self._show_detail(detail, then))
        op.failure(self._core.reporter(self, "Không đọc lại được buổi hoạt động")).run()

    def _show_detail(self, detail: OccurrenceDetail, then: str) -> None:
        """The counts, and the status and "Số người tham gia" (which the attendance may have
        changed) where not edited here."""
        edited = self.changed()
        self.detail = detail
        saved = {
            "status": self.detail.row.status,
            "participants": _participants_text(self.detail),
        }
        for name, value in saved.items():
            if name not in edited:
                self.set_value(name, value)
                self._initial[name] = value
        self._show_attendance()
        self.show_message(then)

    def _read_then(self, read: Callable[[Workspace, str], T], label: str,
                   then: Callable[[T], None]) -> None:  # fmt: skip
        """``read`` of this date on the worker (the roll call's, the minutes'), handed to
        ``then`` while this dialog is still open; one asked for while another runs is dropped
        (a second press before the first dialog opened)."""
        occurrence_id = self.occurrence_id

        def arrived(value: T) -> None:
            if not self._closed:
                then(value)

        self._opening.run(lambda ws: read(ws, occurrence_id), arrived, label=label)

    def take_attendance(self) -> None:
        """The roll call, once the date's sheet is read on the worker."""
        from .attendance_dialog import read_attendance

        self._read_then(read_attendance, "Đang đọc danh sách điểm danh…", self._run_attendance)

    def _run_attendance(self, read: AttendanceRead) -> None:
        from .attendance_dialog import AttendanceDialog

        dialog = AttendanceDialog(self._core, read, self)
        if self._core.prompts.run(dialog) and dialog.saved:
            self._reload_detail(f"Đã lưu điểm danh: {dialog.model.counts_text()}.")
        dialog.deleteLater()

    def write_minutes(self) -> None:
        """The minutes, once the date, its attendance and its minutes are read on the worker."""
        from .minutes_dialog import read_minutes

        self._read_then(read_minutes, "Đang đọc biên bản…", self._run_minutes)

    def _run_minutes(self, read: MinutesRead) -> None:
        from .minutes_dialog import MinutesDialog

        dialog = MinutesDialog(self._core, read, self)
        if self._core.prompts.run(dialog) and dialog.saved:
            row = self.detail.row
            self._reload_detail(f"Đã lưu {minutes_name(row.kind, len(row.branch_ids))}.")
        dialog.deleteLater()

    def request_edit(self) -> None:
        if self._leave():
            self.edit_requested = True
            super().reject()

    def request_delete(self) -> None:
        if self._leave():  # the deletion may yet be declined: what was typed is asked about
            self.delete_requested = True
            super().reject()

    def _leave(self) -> bool:
        """Whether unsaved changes of this date may be dropped (asks when there are some)."""
        return not self.changed() or self._core.prompts.confirm(
            self, "Bỏ thay đổi?", "Thay đổi của buổi này chưa được lưu. Bỏ các thay đổi này?"
        )

    def done(self, result: int) -> None:
        self._closed = True
        super().done(result)

    def reject(self) -> None:
        if not self._saving and self._leave():
            super().reject()


def _participants_text(detail: OccurrenceDetail) -> str:
    return "" if detail.participants is None else str(detail.participants)
