"""The activity form (new or edit): title, kind (the list can grow), dates and times, place,
repeat with its count of dates, organiser, the plan's targets it serves, partners, expected
participants, notes.

Like the other forms it only collects text: "Lưu" hands the raw values to
``ActivityService.save`` in an operation; each message of a ValidationError is shown under its
field and nothing is saved until every field is valid. Ctrl+Enter saves from any field, as
Enter does from a one-line one (in "Ghi chú" Enter makes a new line). "Xóa hoạt động…" closes
the form with ``delete_requested`` set: the page deletes (with undo).

What the form offers is read on the worker (the core's caches are the worker's): the chi đoàn
and the kinds of activity as it opens (and the kinds again after "Thêm loại…"), the targets of
the plan of the year its first date falls in whenever that year changes. Until they arrive
"Lưu" waits; what they bring (the activity's kind, chi đoàn and targets chosen) is what the form
starts with, not a change to ask about. The activity itself is the record the form opens on,
read as it opens (see :mod:`..shell.tasks`).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.activities.fields import parse_activity
from ...core.errors import ValidationError
from ...core.lang.dates import DateFormatError, format_vn_date, parse_vn_date
from ...core.plans.service import PlanInfo
from ...core.roster.branches import BranchInfo
from ...core.workspace import Workspace
from ..common.date_popup import attach_date_popup
from ..common.fields import ErrorLabel, FieldErrors, WrappedLabel, open_with_room
from ..shell.operations import Core, CoreOp, QueryOp
from .agenda import colour_icon
from .checklist import CheckList, OrganiserField
from .kind_combo import ElidedComboBox
from .repeat import RepeatFields
from .text_dialog import TextDialog
from .words import KindColours

TEXT_FIELDS = ("title", "start_date", "start_time", "end_date", "end_time", "place", "partners",
               "expected_participants")  # fmt: skip
PLACEHOLDERS = {
    "title": "Ví dụ: Sinh hoạt chi đoàn tháng 1",
    "start_date": "dd/mm/yyyy",
    "start_time": "HH:MM, ví dụ 07:30",
    "end_date": "dd/mm/yyyy, nếu nhiều ngày",
    "end_time": "HH:MM",
    "place": "Ví dụ: Hội trường ấp Tân Hưng",
    "partners": "Ví dụ: Hội Liên hiệp Phụ nữ xã",
    "expected_participants": "Ví dụ: 40",
}
WIDTH = 1020
LIST_TEXT_WIDTH = 320
"""About the width of a choice's text in the lists at :data:`WIDTH`, for the dialog's first
height (the lists lay their rows out at their real width only once shown)."""
SHORT = ("start_date", "start_time", "end_date", "end_time", "expected_participants")
RECURRING_NOTE = (
    "Sửa một hoạt động lặp lại áp dụng cho mọi buổi chưa có gì riêng; các buổi đã dời, đã ghi "
    "kết quả, điểm danh, biên bản hay minh chứng được giữ nguyên."
)


def _year_of(text: str) -> int | None:
    try:
        return parse_vn_date(text)[0].year if text.strip() else None
    except DateFormatError:
        return None


def _stretch_row(editor: QWidget) -> None:
    """The form row of ``editor`` (its box with the message) takes spare height."""
    box = editor.parentWidget()
    if box is not None:
        box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)


class ActivityDialog(QDialog):
    """Add (``activity_id`` None, on ``day``) or edit an activity; after a save ``saved_id``
    and ``saved_count`` (its number of dates) are set."""

    def __init__(
        self, core: Core, activity_id: str | None = None, day: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self._core = core
        self._ws: Workspace = core.ws
        self.activity_id = activity_id
        self.saved_id: str | None = None
        self.saved_count = 0
        self.delete_requested = False
        self._saving = False
        self._reading: set[str] = {"lists", "kinds"}  # "Lưu" waits for what is read on the worker
        self._targets_year: int | None = None
        self._targets_listed = False
        self._wanted_kind = "khac"  # chosen once the kinds are listed
        self._wanted_targets: list[str] = []  # ticked once the plan's targets are listed
        self._kind_names: dict[str, str] = {}
        self.edits: dict[str, QLineEdit] = {}
        self.errors = FieldErrors()
        self.setWindowTitle("Sửa hoạt động" if activity_id else "Thêm hoạt động")
        self._build()
        self._initial: dict[str, object] = {}
        if activity_id is not None:
            self._load(activity_id)
        else:
            self.edits["start_date"].setText(format_vn_date(day or dt.date.today()))
        self._start_changed()
        self._initial = self.raw()
        self._load_lists()
        # As tall as its lists want (all the chi đoàn and targets), within the screen; the
        # lists give up height to messages, the buttons staying where they are.
        open_with_room(self, 2, WIDTH)

    def _load_lists(self) -> None:
        """Read the chi đoàn offered (their order goes through the core's collation cache) and
        the kinds on the worker; until they are listed the organiser is greyed out and "Lưu"
        waits."""
        op = QueryOp(self, lambda ws: (ws.branches.list(), ws.activities.kinds()), self._core,
                     progress=False)  # fmt: skip
        op.success(self._show_lists).failure(self._read_failed).run()

    def _read_failed(self, exc: BaseException) -> None:
        self._core.runner.show_error(exc, parent=self)

    def _show_lists(self, lists: tuple[list[BranchInfo], KindColours]) -> None:
        branches, kinds = lists
        self._show_kinds(kinds, self._wanted_kind)
        self._initial["kind"] = self.raw()["kind"]
        self._show_branches(branches)

    def _show_branches(self, branches: list[BranchInfo]) -> None:
        """List ``branches``, the activity's chi đoàn ticked (one deleted meanwhile is not
        offered): what the form starts with, not a change to ask about. A form already open
        grows to show them (never shrinks)."""
        self.organiser.set_branches([(b.id, b.name) for b in branches])
        self._reading.discard("lists")
        self.organiser.setEnabled(True)
        self._initial["branch_ids"] = self.raw()["branch_ids"]
        if self.isVisible():
            self._grow(self.organiser.branches)

    def _grow(self, grown: QWidget) -> None:
        """As tall as the lists now want (never shorter): their layouts, from the list ``grown``
        up to the dialog, take its new height now rather than one event at a time."""
        widget: QWidget | None = grown
        while widget is not None:
            layout = widget.layout()
            if layout is not None:
                layout.activate()
            widget.updateGeometry()
            widget = None if widget is self else widget.parentWidget()
        size = self.size()
        open_with_room(self, 2, WIDTH)
        self.resize(self.size().expandedTo(size))

    # Building -----------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        columns = QHBoxLayout()
        columns.addWidget(self._activity_group(), 1)
        columns.addWidget(self._organisation_group(), 1)
        layout.addLayout(columns, 1)
        if self.activity_id is not None:
            self.recurring_note = WrappedLabel(RECURRING_NOTE)
            self.recurring_note.setStyleSheet("color: #555;")
            layout.addWidget(self.recurring_note)
        self.general_error = ErrorLabel()
        layout.addWidget(self.general_error)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton("&Lưu", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("&Hủy", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        if self.activity_id is not None:
            self.delete_button = QPushButton("&Xóa hoạt động…")
            self.delete_button.clicked.connect(self.request_delete)
            bottom.addWidget(self.delete_button)
        bottom.addStretch(1)
        bottom.addWidget(buttons)
        layout.addLayout(bottom)
        self.save_button.setDefault(True)
        self.save_button.setToolTip("Lưu hoạt động (Enter, hoặc Ctrl+Enter trong mọi ô)")
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):  # either Enter key, as member_form
            QShortcut(QKeySequence(Qt.KeyboardModifier.ControlModifier | key), self, self.submit)

    def _line(self, name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(PLACEHOLDERS[name])
        if name in SHORT:
            edit.setMaximumWidth(220)
        if name in ("start_date", "end_date"):
            attach_date_popup(edit, start=self.edits.get("start_date"))  # the end opens on it
        self.edits[name] = edit
        return edit

    def _form(self, group: QGroupBox, spare_below: bool = True) -> QFormLayout:
        """The group's form, its rows at the top: spare height goes under them, or (not
        ``spare_below``) to its rows that stretch."""
        outer = QVBoxLayout(group)
        form = QFormLayout()
        outer.addLayout(form, 1)
        if spare_below:
            outer.addStretch(1)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return form

    def _activity_group(self) -> QGroupBox:
        group = QGroupBox("Hoạt động")
        form = self._form(group)
        add = self.errors.add_row
        add(form, "title", "&Tên hoạt động", self._line("title"), required=True)
        self.kind_combo = ElidedComboBox()  # a long kind ends "…", said whole in its tooltip
        self.kind_combo.setMinimumContentsLength(24)
        self.kind_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.add_kind_button = QPushButton("Thê&m loại…")
        self.add_kind_button.clicked.connect(self.add_kind)
        kind_row = QWidget()
        kind_layout = QHBoxLayout(kind_row)
        kind_layout.setContentsMargins(0, 0, 0, 0)
        kind_layout.addWidget(self.kind_combo, 1)
        kind_layout.addWidget(self.add_kind_button)
        kind_row.setFocusProxy(self.kind_combo)
        add(form, "kind", "L&oại hoạt động", kind_row)
        add(form, "start_date", "&Ngày diễn ra", self._line("start_date"), required=True)
        add(form, "start_time", "Giờ &bắt đầu", self._line("start_time"))
        add(form, "end_date", "Ngày &kết thúc", self._line("end_date"))
        add(form, "end_time", "&Giờ kết thúc", self._line("end_time"))
        add(form, "place", "Đị&a điểm", self._line("place"))
        self.repeat = RepeatFields(self, start=self.edits["start_date"])
        self.repeat.add_rows(form, self.errors)
        self.repeat.changed.connect(self._update_preview)
        self.edits["start_date"].textChanged.connect(self._start_changed)
        return group

    def _organisation_group(self) -> QGroupBox:
        group = QGroupBox("Tổ chức và chỉ tiêu")
        form = self._form(group, spare_below=False)
        self.organiser = OrganiserField([], LIST_TEXT_WIDTH)  # filled by _show_branches
        self.organiser.setEnabled(False)
        self.errors.add_row(form, "branch_ids", "Đơn &vị tổ chức", self.organiser,
                            check=self.organiser.check)  # fmt: skip
        self.organiser.changed.connect(lambda: self.errors.recheck("branch_ids"))
        self.targets = CheckList(4, LIST_TEXT_WIDTH)
        self.no_plan = QLabel()
        self.no_plan.setStyleSheet("color: #555;")
        self.no_plan.setWordWrap(True)
        self.no_plan.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.targets_stack = QStackedWidget()
        self.targets_stack.addWidget(self.targets)
        self.targets_stack.addWidget(self.no_plan)
        self.targets_stack.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.targets_stack.setFocusProxy(self.targets)  # its label's letter leads to the list
        # U: H is "&Hủy"'s, C "Ghi &chú"'s (as in the member form), "Hủy" having no other letter.
        self.errors.add_row(form, "target_ids", "Chỉ tiê&u phục vụ", self.targets_stack)
        # The two lists share the height the other rows leave (see checklist.py).
        _stretch_row(self.organiser)
        _stretch_row(self.targets_stack)
        self.errors.add_row(form, "partners", "Đơn vị &phối hợp", self._line("partners"))
        self.errors.add_row(form, "expected_participants", "&Số người dự kiến",
                            self._line("expected_participants"))  # fmt: skip
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.fontMetrics().height() * 3 + 12)
        self.errors.add_row(form, "notes", "Ghi &chú", self.notes)
        return group

    # Kinds and targets --------------------------------------------------------------------

    def reload_kinds(self, select: str | None = None) -> None:
        """Read the kinds again on the worker, then choose ``select`` (else the one chosen)."""
        chosen = select or self.kind_combo.currentData()
        self._reading.add("kinds")
        op = QueryOp(self, lambda ws: ws.activities.kinds(), self._core, progress=False)
        op.success(lambda kinds: self._show_kinds(kinds, chosen)).failure(self._read_failed).run()

    def _show_kinds(self, kinds: KindColours, chosen: str | None) -> None:
        self._kind_names = {code: name for code, (name, _colour) in kinds.items()}
        self.kind_combo.clear()
        for code, (name, colour) in kinds.items():
            self.kind_combo.addItem(colour_icon(colour), name, code)
        index = self.kind_combo.findData(chosen) if chosen else -1
        self.kind_combo.setCurrentIndex(max(index, 0))
        self._reading.discard("kinds")

    def add_kind(self) -> None:
        """Add a kind to the list (saved at once) and choose it."""
        dialog = TextDialog(
            self._core, "Thêm loại hoạt động", "&Tên loại hoạt động",
            lambda ws, name: ws.activities.add_kind(name),
            placeholder="Ví dụ: Tập huấn kỹ năng", parent=self,
        )  # fmt: skip
        if self._core.prompts.run(dialog) and isinstance(dialog.written, str):
            self.reload_kinds(dialog.written)
        dialog.deleteLater()

    def _start_changed(self) -> None:
        year = _year_of(self.edits["start_date"].text())
        if year is not None and year != self._targets_year:
            self._load_targets(year)
        self._update_preview()

    def _load_targets(self, year: int) -> None:
        """Read the targets of ``year``'s plan on the worker (its figures are measured there);
        "Lưu" waits for them."""
        self._targets_year = year
        self._reading.add("targets")
        op = QueryOp(self, lambda ws: ws.plans.get(year), self._core, progress=False)
        op.success(lambda plan: self._show_targets(year, plan)).failure(self._read_failed).run()

    def _show_targets(self, year: int, plan: PlanInfo | None) -> None:
        """List ``plan``'s targets, those ticked kept (the activity's own the first time); one
        of a year the first date left meanwhile is not shown."""
        if year != self._targets_year:
            return
        self._reading.discard("targets")
        kept = [*self._wanted_targets, *self.targets.checked_ids()]
        self._wanted_targets = []
        if plan is None or not plan.targets:
            self.targets.set_items([])
            self.no_plan.setText(
                f"Kế hoạch công tác năm {year} chưa có chỉ tiêu."
                if plan
                else f"Chưa có kế hoạch công tác năm {year}."
            )
            self.targets_stack.setCurrentWidget(self.no_plan)
        else:
            items = [(t.id, f"{t.position}. {t.text}") for t in plan.targets]
            self.targets.set_items(items, kept)
            self.targets_stack.setCurrentWidget(self.targets)
        if not self._targets_listed:  # what the form starts with; grown to show them
            self._targets_listed = True
            self._initial["target_ids"] = self.targets.checked_ids()
            if self.isVisible():
                self._grow(self.targets_stack)

    def _update_preview(self) -> None:
        self.repeat.update_preview(self.edits["start_date"].text())

    # Values -------------------------------------------------------------------------------

    def raw(self) -> dict[str, object]:
        """The form as the core's raw values (text as typed, ids as lists)."""
        values: dict[str, object] = {name: edit.text() for name, edit in self.edits.items()}
        values["kind"] = str(self.kind_combo.currentData() or "")
        values["branch_ids"] = self.organiser.branch_ids()
        values["target_ids"] = self.targets.checked_ids()
        values["notes"] = self.notes.toPlainText()
        values["repeat"] = self.repeat.repeat_text()
        values["until"] = self.repeat.until_text()
        return values

    def _load(self, activity_id: str) -> None:
        # The record the form opens on: a short read of its rows, not of the core's caches.
        fields = self._ws.activities.get(activity_id).fields
        self._wanted_targets = list(fields.target_ids)  # its date's year reads them (below)
        texts = {
            "title": fields.title,
            "start_date": format_vn_date(fields.start_date),
            "start_time": fields.start_time or "",
            "end_date": format_vn_date(fields.end_date),
            "end_time": fields.end_time or "",
            "place": fields.place or "",
            "partners": fields.partners or "",
            "expected_participants": str(fields.expected_participants or ""),
        }
        for name, text in texts.items():
            self.edits[name].setText(text)
        self._wanted_kind = fields.kind
        self.organiser.set_branch_ids(fields.branch_ids)
        self.notes.setPlainText(fields.notes or "")
        self.repeat.set_rule(fields.rule, fields.start_date)
        self.recurring_note.setVisible(bool(fields.rule))

    @property
    def is_modified(self) -> bool:
        return self.raw() != self._initial

    # Saving -------------------------------------------------------------------------------

    def submit(self) -> None:
        if self._saving or self._reading:
            return
        self.general_error.set_message("")
        values, activity_id = self.raw(), self.activity_id
        own = self.own_errors()
        if own:  # shown with the core's messages on the other fields, all at once
            try:  # as the core checks it, with the kinds the form read
                parse_activity(values, self._kind_names)
                found: dict[str, str] = {}
            except ValidationError as exc:
                found = exc.field_errors
            if "until" in own:
                found.pop("rule", None)  # the same missing end date, said under its field
            self.errors.show_all(found | own, self.general_error)
            return
        self._saving = True
        op = CoreOp(self, lambda ws: ws.activities.save(values, activity_id), self._core,
                    label="Đang lưu hoạt động…")  # fmt: skip
        op.success(self._saved).failure(self._not_saved).run()

    def own_errors(self) -> dict[str, str]:
        """What the core cannot tell: chi đoàn chosen but none ticked (it would read "the whole
        organisation"), a preset repeat without its end date."""
        checks = {"branch_ids": self.organiser.check(), "until": self.repeat.until_check()}
        return {name: message for name, message in checks.items() if message}

    def _saved(self, result: tuple[str, int]) -> None:
        self._saving = False
        self.saved_id, self.saved_count = result
        self.errors.clear()
        self.accept()

    def _not_saved(self, exc: BaseException) -> None:
        self._saving = False
        if isinstance(exc, ValidationError):
            self.errors.show_all(exc.field_errors, self.general_error)
            return
        self._core.runner.show_error(exc, "Không lưu được", self)

    def request_delete(self) -> None:
        """Close the form asking the page to delete the activity (it asks first, with undo;
        what was typed is asked about before, the deletion may yet be declined)."""
        if self._leave():
            self.delete_requested = True
            super().reject()

    def _leave(self) -> bool:
        """Whether what was typed and not saved may be dropped (asks when there is some)."""
        return (
            self.saved_id is not None
            or not self.is_modified
            or self._core.prompts.confirm(
                self, "Bỏ thay đổi?", "Thông tin đã nhập chưa được lưu. Bỏ các thay đổi này?"
            )
        )

    def reject(self) -> None:
        if not self._saving and self._leave():
            super().reject()
