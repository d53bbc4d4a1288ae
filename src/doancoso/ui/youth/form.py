"""The youth form (add or edit a young person of the local register), validated by the core.

Like the member form it only collects text: on "Lưu" the raw dict of strings goes to
``YouthService.save``, on the worker (an operation, see :mod:`..shell.operations`); each message
of a ValidationError is shown under its field, the form stays open, and nothing is saved until
every field is valid. What is allowed but unusual (a birth date outside the union's ages) is
asked about before saving, as the member form does: "Lưu" first checks the values on the worker
(``ws.youth.validate`` then ``ws.youth.warnings``), asks "Vẫn lưu" or "Quay lại" about a warning
on a value the user typed (any, in a new record; a changed birth date, in an edited one), then
saves as its own operation. The save of an edit keeps the fields before and after it
(``change``), an add the record as it left it (``added``): the page puts either on the undo
history. The form fits a 1366×768 screen in two columns.

Young people are typed in one after another from a hamlet head's paper list with "Lưu và thêm
tiếp" (Ctrl+Enter, in the add form only), as members are in the member form: the young person is
saved as by "Lưu", then the form empties for the next one but for the hamlet, says who was saved
and puts the cursor back in "Họ và tên"; each one so saved is handed to the page at once
(:attr:`YouthFormDialog.youth_added`), which puts it on the undo history.

A line edit takes no more characters than its column (:mod:`..common.line_limits`), never fewer
than the text loaded into it, as in the member form.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
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
    QVBoxLayout,
    QWidget,
)

from ...core.errors import AppError, ValidationError
from ...core.lang.dates import format_vn_date
from ...core.lifecycle.rules import ACTIVE_STATUSES
from ...core.roster.service import MemberFilter, MemberRow
from ...core.roster.vocab import GENDERS
from ...core.workspace import Workspace
from ...core.youth.service import AddedYouth, YouthFields, YouthRecord, yes_or_no
from ..common.adding import save_and_next_button
from ..common.combo_search import toneless_search
from ..common.date_popup import attach_date_popup
from ..common.fields import ErrorLabel, FieldErrors, open_with_room
from ..common.line_limits import limit_lines, set_line_text
from ..shell.operations import Core, CoreOp, QueryOp

DATE_HINT = "dd/mm/yyyy"
Change = tuple[YouthFields, YouthFields]
Saved = tuple[str, Change | None, AddedYouth | None]
"""What a save hands back: the record's id, an edit's fields before and after, an add's record."""
PICKER_LIMIT = 50
SEARCH_DELAY_MS = 150

# (group title, [(field, label, placeholder)]). Each title has its Alt letter, which puts the
# cursor in its column's first field: the right one is reached without ten Tabs.
GROUPS: tuple[tuple[str, tuple[tuple[str, str, str], ...]], ...] = (
    ("&Thông tin cá nhân", (
        ("full_name", "Họ và tên", "Ví dụ: Nguyễn Thị Thủy"),
        ("birth_date", "Ngày sinh", "dd/mm/yyyy (hoặc chỉ năm sinh)"),
        ("gender", "Giới tính", ""),
        ("ethnicity", "Dân tộc", "Ví dụ: Kinh"),
        ("religion", "Tôn giáo", "Ví dụ: Không"),
        ("hamlet", "Ấp/khu phố", "Ví dụ: Ấp Tân Hưng"),
        ("address", "Địa chỉ", "Số nhà, tổ…"),
        ("phone", "Điện thoại", "Ví dụ: 0912345678"),
        ("contact", "Liên hệ khác", "Zalo, Facebook, người thân…"),
        ("notes", "Ghi chú", ""),
    )),
    ("&Hoàn cảnh – theo dõi", (
        ("occupation", "Nghề nghiệp", "Ví dụ: Nuôi tôm"),
        ("working_away", "Đi làm ăn xa", ""),
        ("away_place", "Nơi làm ăn xa", "Ví dụ: TP. Hồ Chí Minh"),
        ("away_since", "Đi từ ngày", DATE_HINT),
        ("in_hardship", "Hoàn cảnh khó khăn", ""),
        ("hardship_kind", "Loại hoàn cảnh", "Ví dụ: Hộ nghèo, mồ côi"),
        ("hardship_support", "Đã/cần hỗ trợ", ""),
        ("disability", "Khuyết tật", ""),
        ("follow_up_member_id", "Đoàn viên theo dõi (1+1)", ""),
    )),
)  # fmt: skip

REQUIRED = ("full_name", "birth_date")
FORM_WIDTH = 1120  # of a 1366×768 screen
KEPT_FOR_NEXT = ("hamlet",)
"""What "Lưu và thêm tiếp" keeps for the next young person: a hamlet head's list is one hamlet."""
NEXT_TIP = (
    "Lưu thanh niên này rồi nhập ngay người tiếp theo (Ctrl+Enter); ấp/khu phố giữ như người "
    "vừa lưu."
)
CANCEL = "Hủ&y"
"""Alt+Y: the second column's title takes Alt+H ("Hoàn cảnh – theo dõi")."""
SAVED_NOTE_STYLE = "color: #2e7d32;"
COLUMN_STRETCH = (2, 3)
FLAGS = {"working_away": "Có, đang đi làm ăn xa", "in_hardship": "Có hoàn cảnh khó khăn"}
MULTILINE = ("notes", "hardship_support")
SHORT_FIELDS = ("birth_date", "away_since", "phone")
SHORT_WIDTH = 250
"""The short fields' width: the birth date's hint "dd/mm/yyyy (hoặc chỉ năm sinh)" reads whole."""
FORM_FIELDS = tuple(name for _, fields in GROUPS for name, _, _ in fields)

Editor = QLineEdit | QComboBox | QPlainTextEdit | QCheckBox


class MemberPicker(QWidget):
    """Choose a member by name: a search box (tones ignored, by the core) and a combo of the
    first matches; the first item is "no one". ``member_id()`` is "" when no one is chosen.
    ``active_only``: members of the active roster only (a follow-up member, an introducer now:
    one who left or came of age follows no one up, and a namesake would show the same).

    The members matching the search are read on the worker (the roster's index is the
    worker's), and listed when they arrive; until the first list arrives the combo is greyed
    out, showing the member already chosen (:meth:`set_member`), so that no one is picked from
    a list not read yet.

    Enter in the search box picks the member found once the name typed is searched (the list
    opens when several are found), Enter on the closed list opens it; neither reaches the
    dialog's default button, which saved the form with the member chosen before the name was
    typed."""

    def __init__(self, core: Core, none_label: str = "(Chưa có)",
                 parent: QWidget | None = None, active_only: bool = False) -> None:  # fmt: skip
        super().__init__(parent)
        self._core = core
        self._statuses = ACTIVE_STATUSES if active_only else ()
        self._none_label = none_label
        self._asked = 0  # the last search asked for; an older one's list is not shown
        self._then: list[Callable[[], object]] = []  # to call once the list asked for is shown
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Tìm tên…")
        self.search.setToolTip("Gõ tên đoàn viên (không cần dấu) để lọc danh sách bên cạnh")
        self.search.setClearButtonEnabled(True)
        self.search.setFixedWidth(110)
        self.combo = QComboBox()
        self.combo.setMinimumContentsLength(22)
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.combo.addItem(self._none_label, "")
        self.combo.setEnabled(False)  # until the members are listed
        layout.addWidget(self.search)
        layout.addWidget(self.combo, 1)
        self.setFocusProxy(self.search)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        self.search.installEventFilter(self)
        self.combo.installEventFilter(self)
        self.found = 0
        """How many members the last search found (listed up to :data:`PICKER_LIMIT`)."""
        self.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        enter = (
            watched in (self.search, self.combo)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        )
        if not enter:
            return super().eventFilter(watched, event)
        if watched is self.combo:  # its list closed: opened to choose in (Enter there picks)
            self.combo.showPopup()
            return True
        self.refresh(self._open_if_several)  # the name typed just now, before the delay
        return True

    def _open_if_several(self) -> None:
        if self.found > 1 and self.search.text().strip():
            self.combo.showPopup()  # several found: the secretary chooses

    def refresh(self, then: Callable[[], object] | None = None) -> None:
        """Search the members matching the search box, on the worker, and list them when they
        arrive (the chosen one kept at the top); then call ``then``, if given."""
        self._timer.stop()
        self._asked += 1
        asked = self._asked
        if then is not None:
            self._then.append(then)
        flt = MemberFilter(search=self.search.text(), statuses=self._statuses)

        def read(ws: Workspace) -> tuple[int, list[MemberRow]]:
            ids = ws.members.ids(flt)[:PICKER_LIMIT]
            return len(ids), ws.members.rows(ids)

        op = QueryOp(self, read, self._core, progress=False)
        op.success(partial(self._show, asked)).failure(self._failed).run()

    def _failed(self, exc: BaseException) -> None:
        self._then = []
        self._core.runner.show_error(exc, parent=self)

    def _show(self, asked: int, found: tuple[int, list[MemberRow]]) -> None:
        if asked != self._asked:  # another search was asked for since: its list is shown
            return
        current, current_text = self.member_id(), self.combo.currentText()
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem(self._none_label, "")
        if current:
            self.combo.addItem(current_text, current)
        self.found, rows = found
        first_match = 0
        for row in rows:
            if row.id == current:
                first_match = first_match or 1
                continue
            self.combo.addItem(self._label(row.full_name, row.branch_name), row.id)
            first_match = first_match or self.combo.count() - 1
        if self.search.text().strip() and first_match:
            self.combo.setCurrentIndex(first_match)  # typing a name picks the first match
        else:
            self.combo.setCurrentIndex(1 if current else 0)
        self.combo.blockSignals(False)
        self.combo.setEnabled(True)
        then, self._then = self._then, []
        for call in then:
            call()

    @staticmethod
    def _label(name: str, branch: str | None) -> str:
        return f"{name} – {branch}" if branch else name

    def member_id(self) -> str:
        return str(self.combo.currentData() or "")

    def set_member(
        self, member_id: str | None, name: str | None = None, branch: str | None = None
    ) -> None:
        """Choose ``member_id`` (None or "": no one); ``name`` and ``branch`` (as
        :func:`follow_up_branch` reads it, on the worker) are shown when it is not listed."""
        if not member_id:
            self.combo.setCurrentIndex(0)
            return
        index = self.combo.findData(member_id)
        if index < 0:
            self.combo.insertItem(1, self._label(name or "?", branch), member_id)
            index = 1
        self.combo.setCurrentIndex(index)


def follow_up_branch(ws: Workspace, member_id: str | None) -> str | None:
    """The chi đoàn of the member ``member_id`` (a follow-up member, an introducer), shown
    beside the name in a :class:`MemberPicker`; None for none, or one deleted since. A read of
    the core: on the worker."""
    if not member_id:
        return None
    try:
        return ws.members.get(member_id).branch_name
    except AppError:
        return None


@dataclass(frozen=True)
class OpenedYouth:
    """What the edit form opens on (:func:`read_youth`): the young person, and the chi đoàn of
    their follow-up member."""

    record: YouthRecord
    follow_up_branch: str | None


def read_youth(ws: Workspace, youth_id: str) -> OpenedYouth:
    """What the edit form of ``youth_id`` opens on, read on the worker before it opens (the
    page's :class:`~..common.opening.OpenAfterRead`). Raises NotFoundError for one deleted."""
    record = ws.youth.get(youth_id)
    return OpenedYouth(record, follow_up_branch(ws, record.fields.follow_up_member_id))


class YouthFormDialog(QDialog):
    """Add (``opened`` None) or edit a young person (``opened``: what :func:`read_youth` read
    on the worker); ``saved_id`` is set after a save."""

    youth_added = Signal(object)
    """A young person saved with "Lưu và thêm tiếp" (its :class:`AddedYouth`): the form stays
    open, emptied for the next one, and the page puts the add on the undo history at once."""

    def __init__(
        self, core: Core, opened: OpenedYouth | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._core = core
        self._prompts = core.prompts
        self.youth_id = youth_id = opened.record.id if opened else None
        self.saved_id: str | None = None
        self.change: Change | None = None
        self.added: AddedYouth | None = None
        """An edit's fields before and after the save, once saved (for its undo)."""
        # While an operation writes, Save and Cancel wait for it. They stay enabled: a disabled
        # button that had the focus would pass it, and the Enter key, on to Cancel.
        self._saving = False
        self._then_next = False  # the save under way was "Lưu và thêm tiếp"
        self.editors: dict[str, Editor] = {}
        self.picker = MemberPicker(core, active_only=True)
        self.errors = FieldErrors()
        self.setWindowTitle(
            "Sửa thông tin thanh niên" if youth_id else "Thêm thanh niên vào sổ theo dõi"
        )
        self._build()
        self._load_hamlets()
        if opened is not None:
            self._load(opened)
        # Typing stops at each column's length, never below a text loaded (the record's).
        limit_lines(self, core, "youths", self.editors, cleaned=("phone",))
        self._initial = self.raw()

    def _load_hamlets(self) -> None:
        """Read the hamlets the completer offers, on the worker."""
        op = QueryOp(self, lambda ws: ws.youth.hamlets(), self._core, progress=False)
        op.success(self._hamlets.setStringList).failure(self._hamlets_failed).run()

    def _hamlets_failed(self, exc: BaseException) -> None:
        self._core.runner.show_error(exc, parent=self)

    # Building -----------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        columns = QHBoxLayout()
        # The second column holds the follow-up member with her chi đoàn ("Nguyễn Thị Như Quỳnh
        # – Chi đoàn ấp Tân Hưng"): the wider share, so that it reads whole at 1366×768.
        for (title, fields), stretch in zip(GROUPS, COLUMN_STRETCH, strict=True):
            group = QGroupBox(title)
            form = QFormLayout(group)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
            form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for name, label, placeholder in fields:
                editor = self._editor(name, placeholder)
                self.editors[name] = editor
                widget = self.picker if name == "follow_up_member_id" else editor
                self.errors.add_row(form, name, label, widget, required=name in REQUIRED)
            columns.addWidget(group, stretch)
        layout.addLayout(columns, 1)
        # The register's hamlets are read on the worker when the form opens (:meth:`_load_hamlets`:
        # they go through the core's collation cache, the worker's); the completer offers them
        # once they arrive.
        self._hamlets = QStringListModel(self)
        hamlets = QCompleter(self._hamlets, self)
        hamlets.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        hamlets.setFilterMode(Qt.MatchFlag.MatchContains)
        hamlet = self.editors["hamlet"]
        assert isinstance(hamlet, QLineEdit)
        hamlet.setCompleter(hamlets)
        # Typing a place or a kind of hardship ticks its box, "Không" unticks it (the core reads
        # them so too, as the import reads its columns: see core.youth.service.yes_or_no).
        for text_field, flag in (("away_place", "working_away"), ("hardship_kind", "in_hardship")):
            line, box = self.editors[text_field], self.editors[flag]
            assert isinstance(line, QLineEdit) and isinstance(box, QCheckBox)
            line.textEdited.connect(partial(_tick, box))
        self.general_error = ErrorLabel()
        layout.addWidget(self.general_error)
        self.saved_note = QLabel()  # who "Lưu và thêm tiếp" just saved
        self.saved_note.setStyleSheet(SAVED_NOTE_STYLE)
        self.saved_note.hide()
        layout.addWidget(self.saved_note)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton("Lưu", QDialogButtonBox.ButtonRole.AcceptRole)
        self.next_button: QPushButton | None = None
        if self.youth_id is None:  # a hamlet's list typed in one after another, by keyboard
            self.next_button = save_and_next_button(buttons, self, NEXT_TIP, self.submit_and_next)
        buttons.addButton(CANCEL, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.save_button.setDefault(True)  # once in the dialog, or lost with the focus
        # Room for six messages (more than a young person's record gets at once in one column)
        # keeps "Lưu" in place, within a 1366×768 screen.
        open_with_room(self, 6, FORM_WIDTH)

    def _editor(self, name: str, placeholder: str) -> Editor:
        if name == "gender":
            combo = QComboBox()
            combo.addItem("", "")
            for code, label in GENDERS.items():
                combo.addItem(label, code)
            toneless_search(combo)  # "nu" chooses "Nữ"
            return combo
        if name == "follow_up_member_id":
            return self.picker.combo
        if name in FLAGS:
            return QCheckBox(FLAGS[name])
        if name in MULTILINE:
            text = QPlainTextEdit()
            text.setTabChangesFocus(True)
            text.setPlaceholderText(placeholder)
            text.setFixedHeight(self.fontMetrics().height() * 3 + 12)
            text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            return text
        line = QLineEdit()
        line.setPlaceholderText(placeholder)
        if name in SHORT_FIELDS:
            line.setMaximumWidth(SHORT_WIDTH)
        if name in ("birth_date", "away_since"):
            attach_date_popup(line, past_only=True)  # neither after today
        return line

    # Values -------------------------------------------------------------------------------

    def raw(self) -> dict[str, str]:
        """The form as the raw dict of strings the core validates (dates as typed)."""
        values: dict[str, str] = {}
        for name, editor in self.editors.items():
            if isinstance(editor, QComboBox):
                values[name] = str(editor.currentData() or "")
            elif isinstance(editor, QCheckBox):
                values[name] = "1" if editor.isChecked() else ""
            elif isinstance(editor, QPlainTextEdit):
                values[name] = editor.toPlainText()
            else:
                values[name] = editor.text()
        return values

    def set_value(self, name: str, value: str) -> None:
        """Put ``value`` (text, a combo's stored value, "1"/"" for a box) into field ``name``."""
        editor = self.editors[name]
        if name == "follow_up_member_id":
            self.picker.set_member(value)
        elif isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(value), 0))
        elif isinstance(editor, QCheckBox):
            editor.setChecked(value not in ("", "0"))
        elif isinstance(editor, QPlainTextEdit):
            editor.setPlainText(value)
        else:
            set_line_text(editor, value)  # whole, however long (see ..common.line_limits)

    def _load(self, opened: OpenedYouth) -> None:
        record = opened.record
        fields = record.fields
        for name in FORM_FIELDS:
            value = getattr(fields, name)
            if name == "birth_date":
                text = format_vn_date(value, fields.birth_precision)
            elif name == "away_since":
                text = format_vn_date(value)
            elif name in FLAGS:
                text = "1" if value else ""
            elif name == "follow_up_member_id":
                self.picker.set_member(value, record.follow_up_name, opened.follow_up_branch)
                continue
            else:
                text = "" if value is None else str(value)
            self.set_value(name, text)

    @property
    def is_modified(self) -> bool:
        return self.raw() != self._initial

    # Saving -------------------------------------------------------------------------------

    def submit(self) -> None:
        """Check, ask about what is unusual, then save through the core, on the worker (see
        the module docstring); the form closes once saved, and stays open with each message
        under its field when the input is not valid."""
        self._submit(then_next=False)

    def submit_and_next(self) -> None:
        """ "Lưu và thêm tiếp": save as :meth:`submit` does, then, instead of closing, empty the
        form for the next young person (keeping :data:`KEPT_FOR_NEXT`), the cursor in "Họ và
        tên"."""
        if self.next_button is not None:
            self._submit(then_next=True)

    def _submit(self, *, then_next: bool) -> None:
        if self._saving:
            return
        self._then_next = then_next
        self.general_error.hide()
        values = self.raw()
        self._saving = True

        def check(ws: Workspace) -> dict[str, str]:
            ws.youth.validate(values)
            return ws.youth.warnings(values)

        op = QueryOp(self, check, self._core, label="Đang kiểm tra thông tin thanh niên…")
        op.success(partial(self._checked, values)).failure(self._not_saved).run()

    def _checked(self, values: dict[str, str], warnings: dict[str, str]) -> None:
        """Ask about the warnings on values the user typed; save unless they go back."""
        if self.youth_id is not None:  # a value left as it was was seen before
            warnings = {f: m for f, m in warnings.items() if values.get(f) != self._initial.get(f)}
        if warnings and not self._prompts.save_anyway(self, list(warnings.values())):
            self._saving = False
            editor = self.editors.get(next(iter(warnings)))
            if editor is not None:
                editor.setFocus()
            return
        youth_id = self.youth_id

        def save(ws: Workspace) -> Saved:
            if youth_id is None:
                added = ws.youth.add(values)
                return added.youth_id, None, added
            return youth_id, ws.youth.edit(values, youth_id), None

        op = CoreOp(self, save, self._core, label="Đang lưu thông tin thanh niên…")
        op.success(self._saved).failure(self._not_saved).run()

    def _saved(self, result: Saved) -> None:
        self._saving = False
        self.errors.clear()
        added = result[2]
        if self._then_next and added is not None:
            self._then_next = False
            self.youth_added.emit(added)
            self._start_next(added)
            return
        self.saved_id, self.change, self.added = result
        self.accept()

    def _start_next(self, added: AddedYouth) -> None:
        """The form emptied for the next young person, but for :data:`KEPT_FOR_NEXT`; who was
        saved said above the buttons."""
        typed = self.raw()
        for name in self.editors:
            self.set_value(name, typed[name] if name in KEPT_FOR_NEXT else "")
        self._initial = self.raw()  # Esc now asks only about what is typed for the next one
        self.saved_note.setText(
            f"Đã lưu thanh niên {added.fields.full_name}. Nhập người tiếp theo (Ctrl+Enter để "
            "lưu và thêm tiếp, Enter để lưu và đóng)."
        )
        self.saved_note.show()
        self.editors["full_name"].setFocus()

    def _not_saved(self, exc: BaseException) -> None:
        self._saving = False
        if isinstance(exc, ValidationError):
            self.errors.show_all(exc.field_errors, self.general_error)
            return
        self._core.runner.show_error(exc, "Không lưu được", self)

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


def _tick(box: QCheckBox, text: str) -> None:
    """The box of a place of work away or a kind of hardship, as ``text`` typed there says."""
    if text:
        box.setChecked(yes_or_no(text) is not False)
