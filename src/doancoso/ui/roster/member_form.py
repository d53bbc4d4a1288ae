"""The member form (add or edit): every field of the sổ đoàn viên, in tabs, validated by the core.

The form only collects text: on "Lưu" it builds the raw dict of strings that
``MemberService.save`` validates, on the worker (an operation, see :mod:`..shell.operations`).
The form opens with the cursor in "Họ và tên" (not on the tab bar, which comes first in the
focus chain). Each message of a ValidationError is shown under its field, the first invalid
field's tab is brought forward and the cursor put in that field, the form stays open with
everything typed, and nothing is saved until all are valid. As the user corrects them, the
birth date and the dates whose ages it decides (admission, Party, CCCD) are checked again with
the core's own checks of the typed values (``parse_member``, no database): a change of the
birth date takes away, or rewords, the messages it caused under the other dates, and the "(!)"
marks of the tabs follow.

What is allowed but unusual (an active member past the coming-of-age year) is asked about
before saving: the question must be asked on the GUI thread, between two operations. "Lưu"
first checks the values on the worker (a read: ``ws.members.validate`` then
``ws.members.warnings``); a refused value is shown under its field as above; a warning about a
value the user typed (any, in a new record; one they changed, in an edited one) is asked about,
"Vẫn lưu" or "Quay lại"; then the save runs as its own operation, which validates again. An
edited member who was already past the age is not asked about again at every save. The save of
an edit keeps the member's fields before and after it (``change``), an add the member as it
left them (``added``): the page puts either on the undo history.

Members are typed in one after another with "Lưu và thêm tiếp" (Ctrl+Enter, in the add form
only): the member is saved as by "Lưu", then the form, instead of closing, empties for the next
one but for what members typed in a row share (their chi đoàn, commune and province), says who
was saved and puts the cursor back in "Họ và tên"; each member so saved is handed to the page at
once (:attr:`MemberFormDialog.member_added`). A new member starts in the chi đoàn the roster
shows, when it shows one.

A line edit takes no more characters than its column (:mod:`..common.line_limits`), never fewer
than the text loaded into it: a longer one an older version stored reads whole.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import ValidationError
from ...core.lang.dates import format_vn_date
from ...core.lang.text import fold
from ...core.lifecycle.rules import EVENT_KINDS, READ_ONLY_REASONS, allowed_kinds, is_read_only
from ...core.roster.branches import BranchInfo
from ...core.roster.service import AddedMember, MemberRecord
from ...core.roster.validation import MEMBER_FIELD_NAMES, MemberFields, form_texts, parse_member
from ...core.roster.vocab import BOOK_STATUSES, GENDERS, POSITIONS, STATUSES
from ...core.workspace import Workspace
from ..common.adding import save_and_next_button
from ..common.combo_search import toneless_search
from ..common.date_popup import attach_date_popup
from ..common.fields import ErrorLabel, FieldErrors
from ..common.line_limits import limit_lines, set_line_text
from ..common.wheel import wheel_needs_focus_in
from ..lifecycle.coming_of_age import MEMBER
from ..lifecycle.timeline import TimelineWidget
from ..shell.operations import Core, CoreOp, QueryOp

DATE_HINT = "dd/mm/yyyy"
Change = tuple[MemberFields, MemberFields]
Saved = tuple[str, Change | None, AddedMember | None]
"""What a save hands back: the member's id, an edit's fields before and after, an add's member."""

# Tabs: (title, [(field, label, placeholder)]). Choice fields are combos (see _combo_items).
# Each title has its Alt letter, which shows the tab with the cursor in its field last used (at
# first its first field): a field of another tab is reached without counting Ctrl+Tabs ("Chi
# đoàn": Alt+O, then Tab). "&Quá trình" (Q), an edit's, is added with the timeline.
TABS: tuple[tuple[str, tuple[tuple[str, str, str], ...]], ...] = (
    ("&Thông tin chung", (
        ("full_name", "Họ và tên", "Ví dụ: Nguyễn Thị Như Quỳnh"),
        ("other_name", "Tên gọi khác", ""),
        ("birth_date", "Ngày sinh", "dd/mm/yyyy (hoặc chỉ năm sinh)"),
        ("gender", "Giới tính", ""),
        ("ethnicity", "Dân tộc", "Ví dụ: Kinh"),
        ("religion", "Tôn giáo", "Ví dụ: Không"),
        ("national_id", "Số CCCD", "12 chữ số"),
        ("national_id_date", "Ngày cấp CCCD", DATE_HINT),
        ("national_id_place", "Nơi cấp CCCD", ""),
        ("hometown", "Quê quán", ""),
    )),
    ("Địa chỉ – &liên hệ", (
        ("address_hamlet", "Ấp/thôn/khóm", ""),
        ("address_commune", "Xã/phường", ""),
        ("address_province", "Tỉnh/thành phố", ""),
        ("phone", "Điện thoại", "Ví dụ: 0912345678"),
        ("email", "Email", "Ví dụ: nguyenvanan@gmail.com"),
    )),
    ("&Học vấn – nghề nghiệp", (
        ("occupation", "Nghề nghiệp", ""),
        ("education", "Trình độ văn hóa", "Ví dụ: 12/12"),
        ("qualification", "Trình độ chuyên môn", "Ví dụ: Trung cấp"),
        ("political_theory", "Lý luận chính trị", "Ví dụ: Sơ cấp"),
        ("computer_skills", "Tin học", "Ví dụ: Cơ bản"),
        ("foreign_language", "Ngoại ngữ", "Ví dụ: Tiếng Anh B1"),
    )),
    ("Đ&oàn – Đảng", (
        ("member_code", "Mã định danh đoàn viên", "7 chữ số"),
        ("branch_id", "Chi đoàn", ""),
        ("position", "Chức vụ", ""),
        ("status", "Trạng thái", ""),
        ("admission_date", "Ngày vào Đoàn", DATE_HINT),
        ("admission_place", "Nơi vào Đoàn", ""),
        ("admission_decision", "Số nghị quyết chuẩn y kết nạp", ""),
        ("card_number", "Số thẻ đoàn viên", ""),
        ("book_number", "Số sổ đoàn viên", ""),
        ("book_status", "Tình trạng sổ đoàn viên", ""),
        ("party_date", "Ngày vào Đảng", DATE_HINT),
        ("association", "Hội", "Ví dụ: Hội Liên hiệp Thanh niên Việt Nam"),
    )),
    ("&Gia đình", (
        ("father_name", "Họ tên cha", ""),
        ("father_birth_year", "Năm sinh của cha", "Ví dụ: 1975"),
        ("father_occupation", "Nghề nghiệp của cha", ""),
        ("mother_name", "Họ tên mẹ", ""),
        ("mother_birth_year", "Năm sinh của mẹ", "Ví dụ: 1978"),
        ("mother_occupation", "Nghề nghiệp của mẹ", ""),
    )),
    ("Ghi &chú", (("notes", "Ghi chú", ""),)),
)  # fmt: skip

REQUIRED = ("full_name", "birth_date")
# Dates whose messages depend on the birth date too (ages, "not before the birth date"): a
# message shown under one is checked again when the birth date changes.
BIRTH_DEPENDENT = ("admission_date", "party_date", "national_id_date")
CROSS_CHECKED = ("birth_date", *BIRTH_DEPENDENT)
DATE_FIELDS = ("birth_date", "admission_date", "party_date", "national_id_date")
SHORT_FIELDS = (*DATE_FIELDS, "national_id", "phone", "education", "father_birth_year",
                "mother_birth_year", "member_code")  # fmt: skip
# Fields the form edits (birth_precision follows from what is typed as the birth date).
FORM_FIELDS = tuple(name for name in MEMBER_FIELD_NAMES if name != "birth_precision")
# Fields the member's events decide (refreshed after an event is recorded or deleted).
EVENT_FIELDS = ("status", "admission_date", "admission_place", "admission_decision", "party_date")
STATUS_HINT = "Trạng thái thay đổi qua các sự kiện (kết nạp, chuyển sinh hoạt…): tab “Quá trình”."
# The add form has no "Quá trình" tab: the events are recorded once the member is saved.
LEFT_POSITION_HINT = "Chức vụ trước đây, nay không còn giữ (danh sách để trống)."
"""Under the position of a member who left or came of age (the banner says which)."""
NEW_STATUS_HINT = "Trạng thái thay đổi qua các sự kiện, ghi ở tab “Quá trình” khi sửa hồ sơ đã lưu."
# Warnings that compare a field with others: asked about in an edit when any of them changed.
WARNED_FROM = {
    "national_id": ("national_id", "gender", "birth_date"),
    "position": ("position", "branch_id"),  # a second Bí thư of the chi đoàn
    "full_name": ("full_name", "birth_date"),  # a record already there with both
}
NO_BRANCH = "(Chưa thuộc chi đoàn)"
CLEANED = ("national_id", "member_code", "phone")
"""Fields the core stores cleaned of spaces and signs: typed, they may be longer than stored."""
KEPT_FOR_NEXT = ("branch_id", "address_commune", "address_province")
"""What "Lưu và thêm tiếp" keeps for the next member: what members typed in a row share."""
NEXT_TIP = (
    "Lưu đoàn viên này rồi nhập ngay người tiếp theo (Ctrl+Enter); chi đoàn, xã/phường và "
    "tỉnh/thành phố giữ như người vừa lưu."
)
CANCEL, CLOSE = "Hủ&y", "Đó&ng"
"""The form's "Hủy" (a record that can be edited) or "Đóng" (read-only): Alt+Y, Alt+N, as the
tabs take Alt+H ("Học vấn") and Alt+G ("Gia đình")."""
SAVED_NOTE_STYLE = "color: #2e7d32;"
READ_ONLY_STYLE = (
    'QLineEdit[readOnly="true"], QPlainTextEdit[readOnly="true"] { background: #f0f0f0; }'
)


def _combo_items() -> dict[str, list[tuple[str, str]]]:
    """(label, value) pairs of each choice field; an empty value first where it is optional. The
    chi đoàn are listed when they are read (:meth:`MemberFormDialog._show_branches`)."""
    return {
        "gender": [("", "")] + [(label, code) for code, label in GENDERS.items()],
        "status": [(label, code) for code, label in STATUSES.items()],
        "book_status": [("", "")] + [(label, code) for code, label in BOOK_STATUSES.items()],
        "position": [("", "")] + [(p, p) for p in POSITIONS],
        "branch_id": [(NO_BRANCH, "")],
    }


class MemberFormDialog(QDialog):
    """Add (``member_id`` None) or edit a member. ``saved_id`` is set after a successful save."""

    member_added = Signal(object)
    """A member saved with "Lưu và thêm tiếp" (its :class:`AddedMember`): the form stays open,
    emptied for the next one, and the page puts the add on the undo history at once."""

    events_written = Signal(str, str, object)
    """An event recorded or deleted in the "Quá trình" tab, undoably (see
    :attr:`TimelineWidget.written`): the page puts it on the undo history at once."""

    def __init__(
        self, core: Core, member_id: str | None = None, parent: QWidget | None = None, *,
        branch_id: str = "",
    ) -> None:  # fmt: skip
        """``branch_id``: a new member's chi đoàn to start with (the roster's filter), on its
        tab three tabs away from "Họ và tên"; typed in, it is not a change to ask about."""
        super().__init__(parent)
        self._core = core
        self._ws = ws = core.ws
        self._prompts = core.prompts
        self.member_id = member_id
        self.saved_id: str | None = None
        self.change: Change | None = None
        self.added: AddedMember | None = None
        """An edit's fields before and after the save, once saved (for its undo)."""
        self.events_changed = False
        # While an operation writes, Save and Cancel wait for it. They stay enabled: a disabled
        # button that had the focus would pass it, and the Enter key, on to Cancel.
        self._saving = False
        self._then_next = False  # the save under way was "Lưu và thêm tiếp"
        self.read_only = False
        self.timeline: TimelineWidget | None = None
        self.editors: dict[str, QLineEdit | QComboBox | QPlainTextEdit] = {}
        self.errors = FieldErrors()
        self.errors.on_shown = self._reveal
        self.errors.on_rechecked = self._mark_invalid_tabs
        # The messages shown that the form's own checks give (parse_member: the typed values
        # alone), by field; the others (e.g. a CCCD already used) need the database.
        self._own_messages: dict[str, str] = {}
        self._tab_of: dict[str, int] = {}
        self._branches_listed = False  # the chi đoàn choice waits for the list (on the worker)
        self._start_branch = branch_id
        self.setWindowTitle("Sửa thông tin đoàn viên" if member_id else "Thêm đoàn viên")
        self._build()
        branches = self.editors["branch_id"]
        assert isinstance(branches, QComboBox)
        if member_id is not None:
            record = ws.members.get(member_id)
            if record.fields.branch_id:  # shown (greyed out) until the chi đoàn are listed
                branches.addItem(record.branch_name or "?", record.fields.branch_id)
            self._load(record)
            self.timeline = TimelineWidget(core, member_id)
            self.timeline.changed.connect(self._on_events_changed)
            self.timeline.written.connect(self.events_written)
            self.tabs.addTab(self.timeline, "&Quá trình")
        # Typing stops at each column's length, never below a text loaded (the record's).
        limit_lines(self, core, "members", self.editors, cleaned=CLEANED)
        self._initial = self.raw()
        self._apply_standing()
        # The tab bar comes first in the focus chain: without this, what is typed first is lost.
        self.tabs.setCurrentIndex(0)
        self.editors["full_name"].setFocus()
        self._load_branches()

    def _load_branches(self) -> None:
        """Read the chi đoàn offered on the worker (their order goes through the core's
        collation cache, the worker's); until they are listed the choice is greyed out, showing
        the member's own, and "Lưu" waits."""
        op = QueryOp(self, lambda ws: ws.branches.list(), self._core, progress=False)
        op.success(self._show_branches).failure(self._branches_failed).run()

    def _branches_failed(self, exc: BaseException) -> None:
        self._core.runner.show_error(exc, parent=self)

    def _show_branches(self, branches: list[BranchInfo]) -> None:
        """List ``branches``, the member's chi đoàn still chosen (a new member's: the one the
        roster shows, if it still exists): what the form starts with, not a change to ask
        about."""
        combo = self.editors["branch_id"]
        assert isinstance(combo, QComboBox)
        current, current_name = str(combo.currentData() or ""), combo.currentText()
        combo.clear()
        combo.addItem(NO_BRANCH, "")
        for branch in branches:
            combo.addItem(branch.name, branch.id)
        index = combo.findData(current or self._start_branch)
        if index < 0 and current:  # gone since the member was read: still shown, by its name
            combo.addItem(current_name, current)
            index = combo.count() - 1
        combo.setCurrentIndex(max(index, 0))
        self._branches_listed = True
        combo.setEnabled(not self.read_only)
        self._initial["branch_id"] = self.raw()["branch_id"]

    # Building -----------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(
            "background: #fff3e0; color: #6d4c00; border: 1px solid #ffb74d; padding: 6px;"
        )
        self.banner.hide()
        layout.addWidget(self.banner)
        self.tabs = QTabWidget()
        choices = _combo_items()
        for tab_index, (title, fields) in enumerate(TABS):
            page = QWidget()
            form = QFormLayout(page)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
            form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for name, label, placeholder in fields:
                editor = self._editor(name, placeholder, choices.get(name))
                self.editors[name] = editor
                self._tab_of[name] = tab_index
                check = partial(self._own_check, name) if name in CROSS_CHECKED else None
                self.errors.add_row(
                    form, name, label, editor, required=name in REQUIRED, check=check
                )
                if name == "status":  # status follows from the events: shown, not edited
                    editor.setEnabled(False)
                    hint = QLabel(STATUS_HINT if self.member_id else NEW_STATUS_HINT)
                    hint.setStyleSheet("color: #616161;")
                    box = editor.parentWidget()
                    box_layout = box.layout() if box is not None else None
                    if isinstance(box_layout, QVBoxLayout):
                        box_layout.insertWidget(1, hint)
                if name == "position":  # a member who left: the post held until then
                    self.position_hint = QLabel(LEFT_POSITION_HINT)
                    self.position_hint.setStyleSheet("color: #616161;")
                    self.position_hint.hide()
                    box = editor.parentWidget()
                    box_layout = box.layout() if box is not None else None
                    if isinstance(box_layout, QVBoxLayout):
                        box_layout.insertWidget(1, self.position_hint)
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QScrollArea.Shape.NoFrame)
            # No focus of its own: it shows none, so Tab would stop on it and Ctrl+Tab leave the
            # cursor there, unseen, instead of in the new tab's first field.
            scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            scroll.setWidget(page)
            wheel_needs_focus_in(page)  # the wheel scrolls the tab past its combos
            self.tabs.addTab(scroll, title)
        layout.addWidget(self.tabs)
        birth = self.editors["birth_date"]
        assert isinstance(birth, QLineEdit)
        birth.textChanged.connect(self._birth_changed)  # after its own check
        self.general_error = ErrorLabel()
        layout.addWidget(self.general_error)
        self.saved_note = QLabel()  # who "Lưu và thêm tiếp" just saved
        self.saved_note.setStyleSheet(SAVED_NOTE_STYLE)
        self.saved_note.hide()
        layout.addWidget(self.saved_note)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton("Lưu", QDialogButtonBox.ButtonRole.AcceptRole)
        self.next_button: QPushButton | None = None
        if self.member_id is None:  # members typed in one after another, without the mouse
            self.next_button = save_and_next_button(buttons, self, NEXT_TIP, self.submit_and_next)
        self.cancel_button = buttons.addButton(CANCEL, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.save_button.setDefault(True)  # once in the dialog, or lost with the focus
        self.resize(780, 560)

    @staticmethod
    def _editor(
        name: str, placeholder: str, items: list[tuple[str, str]] | None
    ) -> QLineEdit | QComboBox | QPlainTextEdit:
        if items is not None:
            combo = QComboBox()
            combo.setMinimumContentsLength(18)
            for label, value in items:
                combo.addItem(label, value)
            toneless_search(combo)  # "nu" chooses "Nữ"
            return combo
        if name == "notes":
            notes = QPlainTextEdit()
            notes.setTabChangesFocus(True)
            return notes
        line = QLineEdit()
        line.setPlaceholderText(placeholder)
        if name in SHORT_FIELDS:  # a date or a number reads better in a short box
            line.setMaximumWidth(260)
        if name in DATE_FIELDS:
            attach_date_popup(line, past_only=True)  # none of them after today
        return line

    # Values -------------------------------------------------------------------------------

    def raw(self) -> dict[str, str]:
        """The form as the raw dict of strings the core validates (dates as typed)."""
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
        """Put ``value`` (a combo's stored value, or text) into the field ``name``."""
        editor = self.editors[name]
        if isinstance(editor, QComboBox):
            index = editor.findData(value)
            if index < 0 and value:  # a value outside the list (e.g. an old position name)
                editor.addItem(value, value)
                index = editor.count() - 1
            editor.setCurrentIndex(max(index, 0))
        elif isinstance(editor, QPlainTextEdit):
            editor.setPlainText(value)
        else:
            set_line_text(editor, value)  # whole, however long (see ..common.line_limits)

    def _load(self, record: MemberRecord) -> None:
        for name, text in form_texts(record.fields).items():
            self.set_value(name, text)

    def _apply_standing(self) -> None:
        """A member who left or came of age is shown read-only, with a banner saying why."""
        status = self.raw()["status"] if self.member_id else ""
        self.read_only = is_read_only(status)
        for name, editor in self.editors.items():
            if isinstance(editor, QComboBox):
                listed = name != "branch_id" or self._branches_listed
                editor.setEnabled(not self.read_only and name != "status" and listed)
            else:
                editor.setReadOnly(self.read_only)
        self.save_button.setVisible(not self.read_only)
        # Read-only boxes look read-only (grey), not like fields waiting for input.
        self.tabs.setStyleSheet(READ_ONLY_STYLE if self.read_only else "")
        self.cancel_button.setText(CLOSE if self.read_only else CANCEL)
        if self.member_id is not None:
            title = "Thông tin đoàn viên (chỉ xem)" if self.read_only else "Sửa thông tin đoàn viên"
            self.setWindowTitle(title)
        if self.read_only:
            back = " hoặc ".join(f"“{EVENT_KINDS[kind]}”" for kind in allowed_kinds(status))
            self.banner.setText(
                f"Đoàn viên này {READ_ONLY_REASONS.get(status, status)}: hồ sơ chỉ để xem, "
                f"không sửa được. Trong tab “Quá trình” vẫn có thể ghi nhận {back}."
            )
        self.banner.setVisible(self.read_only)
        held = fold(self.raw().get("position") or "") not in ("", MEMBER)
        self.position_hint.setVisible(self.read_only and held)

    def _on_events_changed(self) -> None:
        """An event changed the member: show the fields the events decide as they are now. A
        field typed over and not saved yet, which the event left as it was, keeps what was typed
        (still to be saved)."""
        self.events_changed = True
        assert self.member_id is not None
        fields = self._ws.members.get(self.member_id).fields
        typed = self.raw()
        for name in EVENT_FIELDS:
            value = getattr(fields, name)
            text = str(format_vn_date(value) if name in DATE_FIELDS else (value or ""))
            if text == self._initial[name] and typed[name] != text:
                continue
            self.set_value(name, text)
            self._initial[name] = self.raw()[name]
        self._apply_standing()

    @property
    def is_modified(self) -> bool:
        return self.raw() != self._initial

    # Checks as the user types ------------------------------------------------------------

    def _own_message(self, name: str, values: dict[str, str]) -> str:
        """What the core's checks of the typed ``values`` alone say of field ``name`` ("" when
        valid): the same words as on saving, without the database."""
        try:
            parse_member(values)
        except ValidationError as exc:
            return exc.field_errors.get(name, "")
        return ""

    def _own_check(self, name: str) -> str:
        """The check of a field of :data:`CROSS_CHECKED` showing a message, as it is edited."""
        message = self._own_message(name, self.raw())
        self._own_messages[name] = message
        return message

    def _birth_changed(self) -> None:
        """The birth date decides the ages of the other dates too: their messages that the
        form's own checks gave are checked again (gone once valid); one that needs the database
        (a date an event decides) stays until the next save."""
        for name in BIRTH_DEPENDENT:
            shown = self.errors.message(name)
            if shown and shown == self._own_messages.get(name):
                self.errors.recheck(name)
        self._mark_invalid_tabs()

    def _mark_invalid_tabs(self) -> None:
        self._mark_tabs(self.errors.messages())

    # Saving -------------------------------------------------------------------------------

    def submit(self) -> None:
        """Check, ask about what is unusual, then save through the core (see the module
        docstring); the form closes once saved, and stays open with each message under its
        field when the input is not valid."""
        self._submit(then_next=False)

    def submit_and_next(self) -> None:
        """ "Lưu và thêm tiếp": save as :meth:`submit` does, then, instead of closing, empty the
        form for the next member (keeping :data:`KEPT_FOR_NEXT`), the cursor in "Họ và tên"."""
        if self.next_button is not None:
            self._submit(then_next=True)

    def _submit(self, *, then_next: bool) -> None:
        self.general_error.hide()
        if self.read_only or self._saving or not self._branches_listed:
            return
        self._then_next = then_next
        values, member_id = self.raw(), self.member_id
        self._saving = True

        def check(ws: Workspace) -> dict[str, str]:
            ws.members.validate(values, member_id)
            return ws.members.warnings(values, member_id)

        op = QueryOp(self, check, self._core, label="Đang kiểm tra thông tin đoàn viên…")
        op.success(lambda found: self._checked(values, found))
        op.failure(partial(self._not_saved, values)).run()

    def _checked(self, values: dict[str, str], warnings: dict[str, str]) -> None:
        """Ask about the warnings on values the user typed; save unless they go back."""
        if self.member_id is not None:  # a value left as it was was seen before
            warnings = {
                f: m
                for f, m in warnings.items()
                if any(values.get(g) != self._initial.get(g) for g in WARNED_FROM.get(f, (f,)))
            }
        if warnings and not self._prompts.save_anyway(self, list(warnings.values())):
            self._saving = False
            editor = self.editors.get(next(iter(warnings)))
            if editor is not None:
                self._reveal(editor)
                editor.setFocus()
            return
        member_id = self.member_id

        def save(ws: Workspace) -> Saved:
            if member_id is None:
                added = ws.members.add(values)
                return added.member_id, None, added
            return member_id, ws.members.edit(values, member_id), None

        op = CoreOp(self, save, self._core, label="Đang lưu thông tin đoàn viên…")
        op.success(self._saved).failure(partial(self._not_saved, values)).run()

    def _saved(self, result: Saved) -> None:
        self._saving = False
        member_id, change, added = result
        self.errors.clear()
        self._mark_tabs(())
        if self._then_next and added is not None:
            self._then_next = False
            self.member_added.emit(added)
            self._start_next(added)
            return
        self.saved_id, self.change, self.added = member_id, change, added
        self.accept()

    def _start_next(self, added: AddedMember) -> None:
        """The form emptied for the next member, but for :data:`KEPT_FOR_NEXT`; who was saved
        said above the buttons."""
        typed = self.raw()
        for name in FORM_FIELDS:
            self.set_value(name, typed[name] if name in KEPT_FOR_NEXT else "")
        self.errors.clear()
        self._own_messages = {}
        self._mark_tabs(())
        self._initial = self.raw()  # Esc now asks only about what is typed for the next one
        self.saved_note.setText(
            f"Đã lưu đoàn viên {added.fields.full_name}. Nhập người tiếp theo (Ctrl+Enter để "
            "lưu và thêm tiếp, Enter để lưu và đóng)."
        )
        self.saved_note.show()
        self.tabs.setCurrentIndex(0)
        self.editors["full_name"].setFocus()

    def _not_saved(self, values: dict[str, str], exc: BaseException) -> None:
        self._saving = False
        if isinstance(exc, ValidationError):
            self._own_messages = {
                name: message
                for name, message in exc.field_errors.items()
                if name in CROSS_CHECKED and message == self._own_message(name, values)
            }
            self.errors.show_all(exc.field_errors, self.general_error)
            self._mark_tabs(exc.field_errors.keys())
            return
        self._core.runner.show_error(exc, "Không lưu được", self)

    def _mark_tabs(self, invalid: Iterable[str]) -> None:
        """Tabs holding an invalid field get a red title and a "(!)" so none is overlooked."""
        bad = {self._tab_of[name] for name in invalid if name in self._tab_of}
        bar = self.tabs.tabBar()
        for index, (title, _) in enumerate(TABS):
            self.tabs.setTabText(index, f"{title} (!)" if index in bad else title)
            bar.setTabTextColor(index, QColor("#c62828") if index in bad else QColor())

    def _reveal(self, editor: QWidget) -> None:
        for name, widget in self.editors.items():
            if widget is editor:
                self.tabs.setCurrentIndex(self._tab_of[name])

    def reject(self) -> None:
        """Esc / Hủy: ask before throwing away changes (not while saving: wait for it)."""
        if self._saving:
            return
        if (
            self.saved_id is None
            and self.is_modified
            and not self._prompts.confirm(
                self, "Bỏ thay đổi?", "Thông tin đã nhập chưa được lưu. Bỏ các thay đổi này?"
            )
        ):
            return
        super().reject()
