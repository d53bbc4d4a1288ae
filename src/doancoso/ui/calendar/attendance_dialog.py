"""Taking the attendance of one date: the expected members (``AttendanceService.sheet``), marked
from the keyboard, with the counts live; add or remove a member; read marks from an Excel or
CSV sheet (shown for confirmation, saved only with "Lưu"); saved in one operation.

The dialog opens on what :func:`read_attendance` read on the worker (the date's organisers are
ordered through the core's collation cache, the worker's). A member added, or named by a sheet,
is read by ``members.rows`` (a plain read of their rows, no cache: see :mod:`..shell.tasks`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QFont, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.activities.attendance import AttendanceRow
from ...core.activities.service import OccurrenceDetail
from ...core.lang.text import vn_number
from ...core.workspace import Workspace
from ..common.fields import WrappedLabel
from ..common.folders import open_folder
from ..shell.operations import Core, CoreOp, QueryOp
from ..youth.form import MemberPicker
from .attendance_model import (
    ABSENT,
    COL_NAME,
    EXCUSED,
    PRESENT,
    AttendanceModel,
    AttendanceView,
    Mark,
)
from .words import long_date

HINT = (
    "Phím cách: có mặt ↔ vắng · P: vắng có phép · C: có mặt · V: vắng (rồi sang người sau) · "
    "↑↓: chuyển người · Enter hoặc nhấn đúp: ghi lý do vắng · Delete: bỏ khỏi danh sách · "
    "Ctrl+F: tìm tên · Ctrl+S: lưu."
)
SHEET_FILTERS = "Bảng tính (*.xlsx *.xls *.csv);;Tất cả các tệp (*)"
Marks = dict[str, tuple[str, str | None]]


@dataclass(frozen=True)
class AttendanceRead:
    """What the dialog opens on: the date and its attendance sheet."""

    detail: OccurrenceDetail
    sheet: list[AttendanceRow]


def read_attendance(ws: Workspace, occurrence_id: str) -> AttendanceRead:
    """The date ``occurrence_id`` and its sheet for the dialog (on the worker); a date deleted
    meanwhile raises the core's NotFoundError."""
    detail = ws.activities.occurrence(occurrence_id)
    return AttendanceRead(detail, ws.attendance.sheet(occurrence_id))


class AttendanceDialog(QDialog):
    """The attendance sheet of one date (as ``read``); ``saved`` once "Lưu" wrote it."""

    def __init__(self, core: Core, read: AttendanceRead, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._core = core
        self._ws: Workspace = core.ws
        detail = read.detail
        self.occurrence_id = detail.row.id
        self.saved = False
        self._saving = False
        self.model = AttendanceModel(read.sheet, self)
        self.setWindowTitle("Điểm danh")
        layout = QVBoxLayout(self)
        heading = WrappedLabel(f"{detail.row.title} — {long_date(detail.row.day)}")
        font = QFont(heading.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() + 1)
        heading.setFont(font)
        layout.addWidget(heading)
        self.hint = WrappedLabel(HINT)
        self.hint.setStyleSheet("color: #555;")
        layout.addWidget(self.hint)
        layout.addLayout(self._tools())
        layout.addLayout(self._find_row())
        self.view = AttendanceView(self.model)
        self.view.remove_requested.connect(self.remove_row)
        layout.addWidget(self.view, 1)
        self.counts_label = QLabel()
        counts_font = QFont(self.counts_label.font())
        counts_font.setBold(True)
        self.counts_label.setFont(counts_font)
        layout.addLayout(self._bottom())
        self.model.counts_changed.connect(self._update_counts)
        self._update_counts()
        if self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(0, COL_NAME))
        self.view.setFocus()
        self.resize(900, 620)

    def _tools(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.all_present_button = QPushButton("&Tất cả có mặt")
        self.all_present_button.setToolTip("Đánh dấu mọi người có mặt, rồi sửa những người vắng")
        self.all_present_button.clicked.connect(self.all_present)
        self.import_button = QPushButton("Nhập từ &Excel…")
        self.import_button.setToolTip(
            "Một cột họ tên (hoặc CCCD), một cột đánh dấu: “x” có mặt, “p” vắng có phép"
        )
        self.import_button.clicked.connect(self.import_sheet)
        row.addWidget(self.all_present_button)
        row.addWidget(self.import_button)
        row.addStretch(1)
        picker_label = QLabel("Thêm &người:")
        row.addWidget(picker_label)
        self.picker = MemberPicker(self._core, "(Chọn đoàn viên)")
        picker_label.setBuddy(self.picker.search)
        # Enter there adds the member found (not the dialog's "Lưu" of a roll call half taken).
        for widget in (self.picker.search, self.picker.combo):
            widget.installEventFilter(self)
        row.addWidget(self.picker, 2)
        self.add_button = QPushButton("Thêm &vào danh sách")
        self.add_button.clicked.connect(self.add_member)
        row.addWidget(self.add_button)
        return row

    def _find_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        label = QLabel("Tì&m trong danh sách:")
        self.find_edit = QLineEdit()
        self.find_edit.setPlaceholderText("Gõ tên, không cần dấu (Ctrl+F)")
        self.find_edit.setClearButtonEnabled(True)
        self.find_edit.setFixedWidth(260)
        self.find_edit.textChanged.connect(self.find_name)
        # Enter goes back to the sheet, ↑↓ through the people found: not the dialog's "Lưu".
        self.find_edit.installEventFilter(self)
        label.setBuddy(self.find_edit)
        self.find_label = WrappedLabel()  # wrapped: a long search never widens the dialog
        self.find_label.setStyleSheet("color: #555;")
        row.addWidget(label)
        row.addWidget(self.find_edit)
        row.addWidget(self.find_label, 1)
        find_action = QAction("Tìm tên", self)
        find_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
        find_action.triggered.connect(self.start_find)
        self.addAction(find_action)
        return row

    def _bottom(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.remove_button = QPushButton("&Bỏ khỏi danh sách")
        self.remove_button.clicked.connect(self.remove_current)
        row.addWidget(self.remove_button)
        row.addSpacing(12)
        row.addWidget(self.counts_label)
        row.addStretch(1)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton("&Lưu", QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setToolTip("Lưu điểm danh (Ctrl+S)")
        buttons.addButton("&Hủy", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.submit)
        save_action = QAction("Lưu điểm danh", self)
        save_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Save))
        save_action.triggered.connect(self.submit)
        self.addAction(save_action)
        buttons.rejected.connect(self.reject)
        row.addWidget(buttons)
        return row

    def _update_counts(self) -> None:
        self.counts_label.setText(self.model.counts_text())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        key = event.key()
        enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if watched in (self.picker.search, self.picker.combo) and enter:
            if watched is self.picker.search:  # the name typed just now, before the delay:
                self.picker.refresh(self.add_member)  # added once found (on the worker)
            else:
                self.add_member()
            return True
        if watched is self.find_edit and enter:
            if self.model.find(self.find_edit.text()):
                self.view.setFocus()
            return True
        searches = (self.find_edit, self.picker.search)
        typed = isinstance(watched, QLineEdit) and watched in searches and watched.text()
        if key == Qt.Key.Key_Escape and typed and isinstance(watched, QLineEdit):
            watched.clear()  # a search box's Escape, not the dialog's (which closes it)
            self.view.setFocus()
            return True
        if watched is self.find_edit and key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            self.next_found(1 if key == Qt.Key.Key_Down else -1)
            return True
        return super().eventFilter(watched, event)

    # Finding a name -----------------------------------------------------------------------

    def start_find(self) -> None:
        self.find_edit.setFocus()
        self.find_edit.selectAll()

    def find_name(self, text: str) -> None:
        """Go to the first person whose name fits ``text`` (tones ignored), say how many."""
        found = self.model.find(text)
        if not text.strip():
            self.find_label.setText("")
        elif not found:
            self.find_label.setText(
                f"Không có ai khớp “{text.strip()}” trong danh sách. "
                "Người không có ở đây: thêm ở “Thêm người”."
            )
        else:
            more = " (↑↓ để chuyển)" if len(found) > 1 else ""
            self.find_label.setText(f"Thấy {vn_number(len(found))} người{more}. Enter để đánh dấu.")
            self.view.go_to(found[0])

    def next_found(self, step: int) -> None:
        """The next (``step`` 1) or previous (-1) person found, round the list."""
        found = self.model.find(self.find_edit.text())  # rows added or removed since: read again
        if not found:
            return
        row = self.view.current_row()
        at = found.index(row) if row in found else -1 if step > 0 else 0
        self.view.go_to(found[(at + step) % len(found)])

    # Editing the sheet --------------------------------------------------------------------

    def all_present(self) -> None:
        """Everyone present; those already marked with leave or a reason are asked about (a
        press late in the roll call wiped them)."""
        marked = sum(1 for m in self.model.marks_list if m.state == EXCUSED or m.reason)
        keep = False
        if marked:
            answer = self._core.prompts.ask(
                self, "Tất cả có mặt",
                f"{vn_number(marked)} người đã được ghi vắng có phép hoặc lý do vắng. Đánh dấu có "
                "mặt những người còn lại, hay cả họ (lý do vắng của họ bị xóa)?",
                ["Giữ như đã ghi", "Cả họ cũng có mặt", "Quay lại"],
            )  # fmt: skip
            if answer == 2:
                return
            keep = answer == 0
        self.model.all_present(keep_marked=keep)
        self.view.setFocus()

    def add_member(self) -> None:
        member_id = self.picker.member_id()
        if not member_id:
            return
        row = self.model.row_of(member_id)
        if row is None:
            rows = self._ws.members.rows([member_id])
            if not rows:
                return
            member = rows[0]
            row = self.model.add(
                Mark(member.id, member.full_name, member.birth_date.year, member.branch_name,
                     ABSENT, None)
            )  # fmt: skip
        self.view.setCurrentIndex(self.model.index(row, COL_NAME))
        self.view.setFocus()

    def remove_row(self, row: int) -> None:
        self.model.remove(row)
        self.view.go_to(min(row, self.model.rowCount() - 1))

    def remove_current(self) -> None:
        row = self.view.current_row()
        if row is not None:
            self.remove_row(row)

    # Excel --------------------------------------------------------------------------------

    def ask_open_path(self) -> Path | None:
        """The sheet the user picks (None when cancelled); tests replace this."""
        name, _ = QFileDialog.getOpenFileName(
            self, "Điểm danh từ tệp Excel", str(open_folder()), SHEET_FILTERS
        )
        return Path(name) if name else None

    def import_sheet(self) -> None:
        path = self.ask_open_path()
        if path is None:
            return
        occurrence_id = self.occurrence_id
        op = QueryOp(self, lambda ws: ws.attendance.marks_from_sheet(occurrence_id, path),
                     self._core, label="Đang đọc tệp điểm danh…")  # fmt: skip
        op.success(lambda marks: self._confirm_sheet(path, marks)).failure(
            self._core.reporter(self, "Không đọc được tệp điểm danh")
        ).run()

    def _confirm_sheet(self, path: Path, marks: Marks) -> None:
        """Say what the sheet holds and, if the user agrees, put it on the sheet (not saved)."""
        states = [state for state, _ in marks.values()]
        new_ids = [m for m in marks if self.model.row_of(m) is None]
        extra = [
            Mark(r.id, r.full_name, r.birth_date.year, r.branch_name, ABSENT, None)
            for r in self._ws.members.rows(new_ids)
        ]
        text = (
            f"Tệp “{path.name}”: có mặt {vn_number(states.count(PRESENT))}, vắng có phép "
            f"{vn_number(states.count(EXCUSED))}, vắng {vn_number(states.count(ABSENT))}."
        )
        if extra:
            text += f" {vn_number(len(extra))} người chưa có trong danh sách sẽ được thêm."
        text += "\n\nĐiền vào bảng điểm danh? Kiểm tra lại rồi bấm “Lưu” để lưu."
        if self._core.prompts.confirm(self, "Điểm danh từ tệp", text, yes="Điền vào bảng"):
            self.model.apply(marks, extra)

    # Saving -------------------------------------------------------------------------------

    def submit(self) -> None:
        if self._saving:
            return
        self.view.finish_editing()  # a reason being typed when Ctrl+S was pressed
        marks, occurrence_id = self.model.marks(), self.occurrence_id
        self._saving = True
        op = CoreOp(self, lambda ws: ws.attendance.save(occurrence_id, marks), self._core,
                    label="Đang lưu điểm danh…")  # fmt: skip
        op.success(self._saved).failure(self._not_saved).run()

    def _saved(self, _count: int) -> None:
        self._saving = False
        self.saved = True
        self.model.modified = False
        self.accept()

    def _not_saved(self, exc: BaseException) -> None:
        self._saving = False
        self._core.runner.show_error(exc, "Không lưu được điểm danh", self)

    def reject(self) -> None:
        if self._saving:
            return
        if self.model.modified and not self._core.prompts.confirm(
            self, "Bỏ điểm danh?", "Điểm danh chưa được lưu. Bỏ các thay đổi này?"
        ):
            return
        super().reject()
