"""Recording one event of a member (kết nạp, chuyển sinh hoạt, kỷ luật…) through the core.

The dialog only collects text; ``ws.events.record`` checks it, on the worker (an operation, see
:mod:`..shell.operations`). A ValidationError's messages are shown under their fields; a
ConflictError (the member's standing does not allow the event) in a message box with the core's
own words; the dialog stays open with what was typed. Nothing is written until the core accepts
the event. The kinds offered and the details each kind takes are the core's
(:func:`~doancoso.core.lifecycle.rules.allowed_kinds`, ``DETAILS``); the kinds the member's
history refuses whatever the date are shown greyed out, with the core's reason
(``ws.events.refusals``), and the dialog opens on the first kind the member's history accepts
today (``ws.events.next_kinds``); when the history refuses every kind, the dialog is not built
and the core's reason is raised (``ws.events.nothing_to_record``). The date starts at today,
but an admission (a Party admission) starts from the date, number and place the member's form
already holds, and for a member on temporary activity a new stay and a transfer out start from
the home organisation of the current stay (:meth:`EventDialog.kind_defaults`); a stay starts on
the event's date, and follows it while the secretary leaves it. Ctrl+Enter
records the event from any field, "Nhận xét" and "Ghi chú" included (Enter makes a new line
there). A coming of age dated before the member's birthday of that age is asked about first
(allowed: the year counts, see :func:`~doancoso.core.roster.rules.early_coming_of_age`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import partial

from PySide6.QtCore import QStringListModel, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import ConflictError, ValidationError
from ...core.lang.dates import DateFormatError, format_vn_date, parse_vn_date
from ...core.lifecycle.recorded import RecordedEvents
from ...core.lifecycle.rules import DETAILS, DISCIPLINE_LEVELS, EVENT_KINDS, allowed_kinds
from ...core.roster.rules import COMING_OF_AGE, early_coming_of_age, early_coming_of_age_message
from ...core.roster.service import MemberFilter
from ...core.roster.vocab import STATUSES
from ..common.combo_search import toneless_search
from ..common.date_popup import attach_date_popup
from ..common.fields import USABLE_HEIGHT, ErrorLabel, FieldErrors, WrappedLabel, message_room
from ..shell.operations import Core, CoreOp

DATE_HINT = "dd/mm/yyyy"
INTRODUCER_SUGGESTIONS = 20

INTRODUCER_DETAILS = ("introducer_id", "introducer_name")
"""The two ways the core takes an admission's introducer: a member of the roster, or a name."""


def kinds_taking(*details: str) -> tuple[str, ...]:
    """The kinds of event whose details (the core's ``DETAILS``) include any of ``details``."""
    return tuple(kind for kind, names in DETAILS.items() if set(details) & set(names))


# Kind-specific fields: (field, label, placeholder, kinds showing it, required).
KIND_FIELDS: tuple[tuple[str, str, str, tuple[str, ...], bool], ...] = (
    ("place", "Nơi &kết nạp", "Ví dụ: Chi đoàn ấp Tân Phú", kinds_taking("place"), False),
    ("introducer", "Người giới &thiệu", "Gõ tên để tìm trong danh sách, hoặc nhập tự do",
     kinds_taking(*INTRODUCER_DETAILS), False),
    ("other_organization", "Tổ &chức Đoàn", "Tên đơn vị", kinds_taking("other_organization"),
     True),
    ("dues_paid_until", "Đã đóng đoàn &phí đến tháng", "mm/yyyy, ví dụ 05/2026",
     kinds_taking("dues_paid_until"), False),
    ("remarks", "Nhận &xét", "Nhận xét của tổ chức Đoàn về đoàn viên (in trên giấy giới thiệu)",
     kinds_taking("remarks"), False),
    ("home_organization", "&Tổ chức Đoàn gốc", "Nơi đoàn viên sinh hoạt chính thức",
     kinds_taking("home_organization"), True),  # required: ending the stay sends the member back
    ("period_start", "Sinh h&oạt tạm từ ngày", DATE_HINT, kinds_taking("period_start"), False),
    ("period_end", "Đến ngà&y", DATE_HINT, kinds_taking("period_end"), False),
    ("level", "Hình thức kỷ l&uật", "", kinds_taking("level"), True),
)  # fmt: skip
OTHER_ORGANIZATION_LABELS = {"transfer_in": "&Chuyển đến từ", "transfer_out": "&Chuyển đi đến"}
NUMBER_LABELS = {"transfer_out": ("&Số giấy giới thiệu", "Ví dụ: 05-GGT/ĐTN")}
"""The number field of a kind whose number is no decision: a transfer out's is the transfer
letter's own (printed "Số: …" on it), not a decision's."""
DECISION_NUMBER = ("&Số quyết định", "Ví dụ: 15-QĐ/ĐTN")


class EventDialog(QDialog):
    """Record one event for ``member_id``; ``event_id`` and ``recorded`` (what the undo of the
    recording checks, see :mod:`..shell.undo`) are set once the core accepted it."""

    def __init__(
        self, core: Core, member_id: str, kinds: Sequence[str] | None = None,
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        # Every kind refused whatever the date (came of age, already in the Party): said
        # instead of a dialog whose every kind is greyed out.
        nothing = core.ws.events.nothing_to_record(member_id, kinds)
        if nothing is not None:
            raise ConflictError(nothing)
        super().__init__(parent)
        self._core = core
        self._ws = core.ws
        self._prompts = core.prompts
        self.member_id = member_id
        self.event_id: str | None = None
        self.recorded: RecordedEvents | None = None
        # While an operation writes, Save and Cancel wait for it. They stay enabled: a disabled
        # button that had the focus would pass it, and the Enter key, on to Cancel.
        self._saving = False
        self.member = self._ws.members.get(member_id)
        status = self.member.fields.status
        self.kinds = tuple(kinds) if kinds is not None else allowed_kinds(status)
        self.errors = FieldErrors()
        self.editors: dict[str, QWidget] = {}
        self._rows: dict[str, int] = {}
        self._introducers: dict[str, str] = {}  # suggestion text → member id
        self.introducer_id: str | None = None
        self._filled: dict[str, str] = {}  # what the dialog put in a field (kind_defaults)
        self.home_organization = self._home_organization(member_id, self.member.fields.status)
        self.setWindowTitle(f"Ghi sự kiện — {self.member.fields.full_name}")
        self._build(status)
        self._mark_refused()
        self._fit_every_kind()
        # Open on a kind the core accepts today, never on one sure to be refused (an admission
        # for a member who has one); the first kind offered when none is accepted.
        accepted = [k for k in self._ws.events.next_kinds(member_id) if k in self.kinds]
        if accepted:
            self.set_kind(accepted[0])
        self._on_kind_changed()

    # Building -----------------------------------------------------------------------------

    def _build(self, status: str) -> None:
        layout = QVBoxLayout(self)
        fields = self.member.fields
        who = WrappedLabel(
            f"<b>{fields.full_name}</b> — sinh "
            f"{format_vn_date(fields.birth_date, fields.birth_precision)}"
            f" — {self.member.branch_name or 'chưa thuộc chi đoàn'}<br>"
            f"Trạng thái hiện tại: <b>{STATUSES.get(status, status)}</b>"
        )
        who.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(who)
        layout.addSpacing(6)

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.kind_combo = QComboBox()
        for kind in self.kinds:
            self.kind_combo.addItem(EVENT_KINDS[kind], kind)
        self.kind_combo.currentIndexChanged.connect(self._on_kind_changed)
        toneless_search(self.kind_combo)  # "chuyen sinh hoat di" chooses that kind
        self._add("kind", "&Loại sự kiện", self.kind_combo, required=True)
        self.date_edit = self._line(DATE_HINT, short=True)
        self._add("date", "&Ngày", self.date_edit, required=True)
        self.number_edit = self._line(DECISION_NUMBER[1], short=True)
        self._add("number", DECISION_NUMBER[0], self.number_edit)

        for name, label, placeholder, _kinds, required in KIND_FIELDS:
            editor: QWidget
            if name == "level":
                combo = QComboBox()
                combo.addItem("(Chọn hình thức)", "")
                for code, text in DISCIPLINE_LEVELS.items():
                    combo.addItem(text, code)
                toneless_search(combo)
                editor = combo
            elif name == "remarks":
                editor = self._text_box(placeholder, lines=3)
            else:
                short = name.startswith("period_") or name == "dues_paid_until"
                # A stay's start opens on the event's date, its end on its start (or that date).
                start = self.editors.get("date" if name == "period_start" else "period_start")
                editor = self._line(placeholder, short, start)
            self._add(name, label, editor, required=required)
        self._make_introducer_search()
        self.date_edit.textChanged.connect(self._follow_date)

        self.note_edit = self._text_box("", lines=4)
        self._add("note", "Gh&i chú", self.note_edit)
        layout.addLayout(self.form)

        self.general_error = ErrorLabel()
        layout.addWidget(self.general_error)
        layout.addStretch(1)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton("&Ghi sự kiện", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("&Hủy", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.save_button.setDefault(True)  # once in the dialog, or lost with the focus
        self.save_button.setToolTip("Ghi sự kiện (Enter, hoặc Ctrl+Enter trong mọi ô)")
        # From "Nhận xét" and "Ghi chú" too, where Enter makes a new line (as the activity
        # form); either Enter key.
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            QShortcut(QKeySequence(Qt.KeyboardModifier.ControlModifier | key), self, self.submit)
        self.setMinimumWidth(560)

    def _mark_refused(self) -> None:
        """Grey out the kinds the member's history refuses whatever the date (the core's
        ``ws.events.refusals``), the core's reason as their tooltip: they cannot be picked, with
        the mouse or the arrow keys."""
        model = self.kind_combo.model()
        assert isinstance(model, QStandardItemModel)
        for kind, reason in self._ws.events.refusals(self.member_id, self.kinds).items():
            item = model.item(self.kind_combo.findData(kind))
            item.setEnabled(False)
            item.setToolTip(reason)

    @staticmethod
    def _line(placeholder: str, short: bool = False, start: QWidget | None = None) -> QLineEdit:
        line = QLineEdit()
        line.setPlaceholderText(placeholder)
        if short:
            line.setMaximumWidth(220)
        if placeholder == DATE_HINT:
            attach_date_popup(line, start=start if isinstance(start, QLineEdit) else None)
        return line

    def _text_box(self, placeholder: str, lines: int) -> QPlainTextEdit:
        box = QPlainTextEdit()
        box.setPlaceholderText(placeholder)
        box.setTabChangesFocus(True)
        box.setFixedHeight(self.fontMetrics().lineSpacing() * lines + 12)
        return box

    def _add(self, name: str, label: str, editor: QWidget, required: bool = False) -> None:
        self._rows[name] = self.form.rowCount()
        self.editors[name] = editor
        self.errors.add_row(self.form, name, label, editor, required=required)

    def _make_introducer_search(self) -> None:
        """Names typed in "Người giới thiệu" suggest members; anything else stays free text."""
        line = self.editors["introducer"]
        assert isinstance(line, QLineEdit)
        self._suggestions = QStringListModel(self)
        completer = QCompleter(self._suggestions, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.activated.connect(self._introducer_chosen)  # the text of the suggestion
        line.setCompleter(completer)
        line.textEdited.connect(self._search_introducers)
        self.introducer_hint = QLabel()
        self.introducer_hint.setStyleSheet("color: #2e7d32;")
        box = line.parentWidget()
        box_layout = box.layout() if box is not None else None
        if isinstance(box_layout, QVBoxLayout):
            box_layout.insertWidget(1, self.introducer_hint)
        self.introducer_hint.hide()

    def _search_introducers(self, text: str) -> None:
        self.introducer_id = None
        self.introducer_hint.hide()
        self._introducers = {}
        if len(text.strip()) >= 2:
            ids = self._ws.members.ids(MemberFilter(search=text))
            ids = [i for i in ids if i != self.member_id][:INTRODUCER_SUGGESTIONS]
            for row in self._ws.members.rows(ids):
                born = format_vn_date(row.birth_date, row.birth_precision)
                where = f", {row.branch_name}" if row.branch_name else ""
                self._introducers[f"{row.full_name} (sinh {born}{where})"] = row.id
        self._suggestions.setStringList(list(self._introducers))

    def _introducer_chosen(self, suggestion: str) -> None:
        member_id = self._introducers.get(suggestion)
        if member_id is not None:
            self.choose_introducer(member_id)
            # The name again once the completer is done: it puts the whole suggestion in the
            # field after this signal, and its "(sinh …, chi đoàn)" stayed there.
            QTimer.singleShot(0, self, partial(self._show_introducer_name, member_id))

    def _show_introducer_name(self, member_id: str) -> None:
        line = self.editors["introducer"]
        if self.introducer_id == member_id and isinstance(line, QLineEdit):
            line.setText(self._ws.members.get(member_id).fields.full_name)

    def choose_introducer(self, member_id: str) -> None:
        """Take the member ``member_id`` as the introducer (picked from the suggestions)."""
        name = self._ws.members.get(member_id).fields.full_name
        line = self.editors["introducer"]
        assert isinstance(line, QLineEdit)
        line.setText(name)
        self.introducer_id = member_id
        self.introducer_hint.setText("✓ Đoàn viên trong danh sách")
        self.introducer_hint.show()

    # Behaviour ----------------------------------------------------------------------------

    @property
    def kind(self) -> str:
        return str(self.kind_combo.currentData())

    def set_kind(self, kind: str) -> None:
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind))

    def set_value(self, name: str, value: str) -> None:
        """Put ``value`` (a combo's stored value, or text) into the field ``name``."""
        editor = self.editors[name]
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(value), 0))
        elif isinstance(editor, QPlainTextEdit):
            editor.setPlainText(value)
        elif isinstance(editor, QLineEdit):
            editor.setText(value)
            if name == "introducer":
                self._search_introducers(value)

    def field_shown(self, name: str) -> bool:
        return self.form.isRowVisible(self._rows[name])

    def _home_organization(self, member_id: str, status: str) -> str:
        """The home organisation of the stay of a member on temporary activity (their latest
        "Sinh hoạt tạm"), "" for anyone else."""
        if status != "temporary":
            return ""
        stays = [e for e in self._ws.events.history(member_id) if e.kind == "temporary"]
        return (stays[-1].home_organization or "") if stays else ""

    def kind_defaults(self, kind: str) -> dict[str, str]:
        """What the fields start from for ``kind``: today's date, no number, no place, but the
        record's own date, number and place of an admission (or date of a Party admission) the
        member's form already holds: the event decides those fields once recorded, and one left
        dated today replaced what the secretary had typed in the form. For a member on
        temporary activity, a new stay (its renewal) starts from the home organisation of the
        current one, and a transfer out goes back there (as ending the stay in the list does):
        the secretary need not look it up in the history to type it again."""
        fields = self.member.fields
        home = self.home_organization
        values = {
            "date": format_vn_date(dt.date.today()), "number": "", "place": "",
            "home_organization": home if kind == "temporary" else "",
            "other_organization": home if kind == "transfer_out" else "",
        }  # fmt: skip
        if kind == "admission" and fields.admission_date is not None:
            values.update(
                date=format_vn_date(fields.admission_date),
                number=fields.admission_decision or "",
                place=fields.admission_place or "",
            )
        elif kind == "party_admission" and fields.party_date is not None:
            values["date"] = format_vn_date(fields.party_date)
        return values

    def _fill_defaults(self, kind: str) -> None:
        """Put ``kind``'s defaults into the fields the secretary has not changed since the
        dialog filled them (what she typed stays whatever the kind)."""
        for name, value in self.kind_defaults(kind).items():
            line = self.editors[name]
            assert isinstance(line, QLineEdit)
            if line.text() == self._filled.get(name, ""):
                line.setText(value)
                self._filled[name] = value
        self._follow_date()

    def _follow_date(self) -> None:
        """A stay's "Sinh h&oạt tạm từ ngày" is the event's date (it usually is) while the
        secretary has not changed it: the same date is not typed twice. Empty for other kinds."""
        start = self.editors["period_start"]
        assert isinstance(start, QLineEdit)
        if start.text() == self._filled.get("period_start", ""):
            value = self.date_edit.text() if self.kind == "temporary" else ""
            start.setText(value)
            self._filled["period_start"] = value

    def _on_kind_changed(self) -> None:
        kind = self.kind
        self._fill_defaults(kind)
        for name, _label, _placeholder, kinds, _required in KIND_FIELDS:
            self.form.setRowVisible(self._rows[name], kind in kinds)
        label, placeholder = NUMBER_LABELS.get(kind, DECISION_NUMBER)
        self.number_edit.setPlaceholderText(placeholder)
        self.caption("number").setText(label)
        if kind in OTHER_ORGANIZATION_LABELS:
            row = self._rows["other_organization"]
            item = self.form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            caption = item.widget() if item is not None else None
            if isinstance(caption, QLabel):
                caption.setText(
                    OTHER_ORGANIZATION_LABELS[kind] + ' <span style="color:#c62828">*</span>'
                )
        self.errors.clear()
        self.general_error.hide()

    def caption(self, name: str) -> QLabel:
        """The label of the field ``name``."""
        item = self.form.itemAt(self._rows[name], QFormLayout.ItemRole.LabelRole)
        caption = item.widget() if item is not None else None
        assert isinstance(caption, QLabel)
        return caption

    def _fit_every_kind(self) -> None:
        """Size the dialog and its column of labels once, for the kind with the most fields and
        the longest label: changing the kind then shows or hides rows inside it (the stretch
        above the buttons takes the rest), and the fields and the buttons stay where they are."""
        size, label_width = self.sizeHint(), 0
        for index in range(self.kind_combo.count()):
            self.kind_combo.setCurrentIndex(index)  # its rows and captions
            size = size.expandedTo(self.sizeHint())
            label_width = max([label_width, *(c.sizeHint().width() for c in self._captions())])
        self.kind_combo.setCurrentIndex(0)
        for caption in self._captions():
            caption.setMinimumWidth(label_width)
            caption.setAlignment(self.form.labelAlignment())  # within the wider caption
        self.setMinimumHeight(size.height())
        # Room for two messages (the date's and one other): "Ghi sự kiện" stays in place.
        size = size.expandedTo(self.sizeHint())
        self.resize(size.width(), min(size.height() + message_room(self, 2), USABLE_HEIGHT))

    def _captions(self) -> list[QLabel]:
        items = (
            self.form.itemAt(row, QFormLayout.ItemRole.LabelRole) for row in self._rows.values()
        )
        return [w for item in items if item is not None and isinstance(w := item.widget(), QLabel)]

    def details(self) -> dict[str, str]:
        """The kind-specific values the core takes for the chosen kind."""
        text = {
            name: (
                editor.currentData()
                if isinstance(editor, QComboBox)
                else editor.toPlainText()
                if isinstance(editor, QPlainTextEdit)
                else editor.text()
            )  # fmt: skip
            for name, editor in self.editors.items()
            if isinstance(editor, QLineEdit | QComboBox | QPlainTextEdit) and name != "note"
        }
        values: dict[str, str] = {}
        for name in DETAILS.get(self.kind, ()):
            if name == "introducer_id":  # a member picked from the suggestions...
                if self.introducer_id is not None:
                    values[name] = self.introducer_id
            elif name == "introducer_name":  # ...or a name typed freely
                if self.introducer_id is None:
                    values[name] = str(text["introducer"] or "")
            else:
                values[name] = str(text[name] or "")
        return values

    def submit(self) -> None:
        """Record the event through the core (on the worker); its messages are shown where they
        belong and the dialog stays open until the core accepts the event."""
        if self._saving:
            return
        self.general_error.hide()
        member_id, kind, details = self.member_id, self.kind, self.details()
        date, number = self.date_edit.text().strip(), self.number_edit.text()
        note = self.note_edit.toPlainText()
        if kind == "matured" and not self._early_confirmed(date):
            return
        self._saving = True
        op = CoreOp(
            self,
            lambda ws: ws.events.record_undoable(member_id, kind, date, number, note, **details),
            self._core, label="Đang ghi sự kiện…",
        )  # fmt: skip
        op.success(self._recorded).failure(self._refused).run()

    def _early_confirmed(self, date: str) -> bool:
        """Whether to record a coming of age dated ``date`` before the member's birthday of
        that age (the organisation's setting): asked, with the core's warning
        (:func:`early_coming_of_age_message`); True for any other date (a date that is no date
        is the core's to refuse, under its field)."""
        try:
            day, _precision = parse_vn_date(date)
        except DateFormatError:
            return True
        fields = self.member.fields
        info = self._ws.organization.get()
        age = info.coming_of_age if info is not None else COMING_OF_AGE
        birthday = early_coming_of_age(fields.birth_date, fields.birth_precision, day, age)
        if birthday is None:
            return True
        warning = early_coming_of_age_message([(fields.full_name, birthday)], day, age)
        question = f"{warning}\n\nGhi nhận trưởng thành Đoàn ngày {format_vn_date(day)}?"
        return self._prompts.confirm(self, self.windowTitle(), question, yes="Ghi", no="Hủy")

    def _recorded(self, recorded: RecordedEvents) -> None:
        self._saving = False
        self.recorded = recorded
        self.event_id = recorded.event_ids[0]
        self.errors.clear()
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self._saving = False
        if isinstance(exc, ValidationError):
            errors = dict(exc.field_errors)
            if "introducer_id" in errors:
                errors["introducer"] = errors.pop("introducer_id")
            self.errors.show_all(errors, self.general_error)
            return
        if isinstance(exc, ConflictError):
            self.errors.clear()
        self._core.runner.show_error(exc, "Không ghi được sự kiện", self)

    def undo_label(self) -> str:
        """What the undo history calls the recording, e.g. "Ghi “Chuyển sinh hoạt đi” cho đoàn
        viên Trần Công An"."""
        kind = EVENT_KINDS.get(self.kind, self.kind)
        return f"Ghi “{kind}” cho đoàn viên {self.member.fields.full_name}"

    def done_message(self) -> str:
        """What the status bar says once the event is recorded."""
        kind = EVENT_KINDS.get(self.kind, self.kind)
        return (
            f"Đã ghi “{kind}” cho {self.member.fields.full_name} — bấm Hoàn tác (Ctrl+Z) để xóa "
            "sự kiện vừa ghi."
        )

    @property
    def is_modified(self) -> bool:
        """Whether the secretary typed or chose anything in a field: its value differs from
        what the dialog put there (a kind's defaults, see :meth:`kind_defaults`, else nothing).
        Choosing the kind alone is no typing."""
        for name, editor in self.editors.items():
            if isinstance(editor, QLineEdit):
                if editor.text() != self._filled.get(name, ""):
                    return True
            elif isinstance(editor, QPlainTextEdit):
                if editor.toPlainText():
                    return True
            elif name != "kind" and isinstance(editor, QComboBox) and editor.currentData():
                return True
        return False

    def reject(self) -> None:
        """Esc / Hủy: ask before throwing away what was typed, as the member form does (not
        while the event is being written: wait for it)."""
        if self._saving:
            return
        if self.is_modified and not self._prompts.confirm(
            self, "Bỏ thay đổi?", "Thông tin đã nhập chưa được lưu. Bỏ các thay đổi này?"
        ):
            return
        super().reject()
