"""The selected item of the checklist: its self-assessment (saved as soon as it is clicked),
points if the template has them, what was done (plain text, saved with "Lưu"), the app's own
indicator with where it comes from and the day it was computed, the contradiction of a tick
against that figure, the kinds of evidence the template expects, and the files.

Files dropped anywhere on the panel are attached to the item shown.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QTextCursor
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import ValidationError
from ...core.recognition.rules import NOT_APPLICABLE, STATUSES, points_text
from ...core.recognition.service import AnswerChange, AnswerFields, ItemView
from ...core.workspace import Workspace
from ..common.fields import FieldErrors, WrappedLabel
from ..shell.operations import Core, CoreOp
from ..shell.undo import UndoHistory
from . import words
from .evidence import EvidencePanel, dropped_paths

HINT = (
    "Chọn một mục trong bảng bên trái để tự đánh giá, ghi những việc đã làm và đính kèm minh chứng."
)
UNDO_HINT = " — bấm Hoàn tác (Ctrl+Z) để trả lại như trước."
"""Said after a change of an item's answer, which "Hoàn tác" takes back."""
NOT_SCORED = " (không tính: mục không áp dụng)"
"""Said after the maximum points of an item "Không áp dụng", whose points field is locked."""
CONTRADICTION_STYLE = (
    f"QLabel {{ color: {words.RED}; background: {words.CONTRADICTION_BACKGROUND}; "
    "border: 1px solid #ef9a9a; padding: 6px; }"
)


class ItemPanel(QWidget):
    """The item given to :meth:`show_item`; ``status_message`` says what was just done."""

    status_message = Signal(str)

    def __init__(self, core: Core, history: UndoHistory, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._core = core
        self._history = history
        self.year = 0
        self.view: ItemView | None = None
        self._saved_note = ""
        self._saved_points = ""
        self._saving = False
        self.errors = FieldErrors()
        self.files = EvidencePanel(core, history)
        self.files.status.connect(self.status_message)
        self.setAcceptDrops(True)
        self._build()

    # Building -----------------------------------------------------------------------------

    def _build(self) -> None:
        self.stack = QStackedWidget()
        hint = WrappedLabel(HINT)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setStyleSheet(f"color: {words.GREY};")
        self.stack.addWidget(hint)

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(4, 0, 4, 0)
        self.title = WrappedLabel()
        self.title.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.title)

        statuses = QHBoxLayout()
        statuses.addWidget(QLabel("Tự đánh giá:"))
        self.status_group = QButtonGroup(self)
        self.status_buttons: dict[str, QRadioButton] = {}
        for number, (code, name) in enumerate(STATUSES.items()):
            button = QRadioButton(name)
            self.status_group.addButton(button, number)
            self.status_buttons[code] = button
            statuses.addWidget(button)
        statuses.addStretch(1)
        self.status_group.idClicked.connect(self._status_clicked)
        layout.addLayout(statuses)

        self.indicator = WrappedLabel()
        self.indicator.setTextFormat(Qt.TextFormat.RichText)
        self.indicator.setFrameShape(QFrame.Shape.StyledPanel)
        self.indicator.setMargin(6)
        layout.addWidget(self.indicator)
        self.contradiction = WrappedLabel()
        self.contradiction.setStyleSheet(CONTRADICTION_STYLE)
        layout.addWidget(self.contradiction)
        self.expected = WrappedLabel()
        layout.addWidget(self.expected)
        self.records = WrappedLabel()
        self.records.setToolTip("Hồ sơ của chính ứng dụng, đọc lúc này: không chép vào bảng")
        layout.addWidget(self.records)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setAcceptDrops(False)  # a dropped file is attached, not typed in as its path
        self.note.setPlaceholderText("Những việc Đoàn cơ sở đã làm cho nội dung này…")
        self.note.setFixedHeight(self.fontMetrics().height() * 4 + 14)
        self.note.textChanged.connect(self._update_save)
        # Letters neither the menus (Alt+T, S, X, V, G), the page's year (N) and its criteria's
        # buttons (B, U) nor the files' buttons (P, E, R, C, Y) take; "Lưu nội &dung" D.
        self.errors.add_row(form, "note", "Những việc đã &làm", self.note)
        self.points = QLineEdit()
        self.points.setMaximumWidth(90)
        self.points.textChanged.connect(self._update_save)
        points_row = QWidget()
        row = QHBoxLayout(points_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.points)
        self.points_max = QLabel()
        row.addWidget(self.points_max)
        row.addStretch(1)
        points_row.setFocusProxy(self.points)
        self.points_error = self.errors.add_row(form, "points", "Điể&m tự chấm", points_row)
        self._points_row = points_row
        self._form, self._points_form_row = form, form.rowCount() - 1
        layout.addLayout(form)
        save_row = QHBoxLayout()
        save_row.addStretch(1)
        self.save_button = QPushButton("Lưu nội &dung")
        self.save_button.clicked.connect(self.save)
        save_row.addWidget(self.save_button)
        layout.addLayout(save_row)
        layout.addStretch(1)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        # Not a Tab stop of its own (nothing shows it has the focus): Tab goes to its fields,
        # and the area scrolls to the field that takes the focus.
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidget(content)
        # The files and their buttons under the scrolled text, always in view: an item with
        # a warning and records is taller than the panel at 1366 × 768, and "Đính kèm tệp…"
        # went under the fold.
        shown = QWidget()
        column = QVBoxLayout(shown)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(scroll, 1)
        self.files_title = QLabel()
        self.files_title.setContentsMargins(4, 0, 4, 0)
        column.addWidget(self.files_title)
        self.files.setMinimumHeight(170)
        column.addWidget(self.files)
        self.stack.addWidget(shown)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    # Showing ------------------------------------------------------------------------------

    def show_item(self, year: int, view: ItemView | None) -> None:
        """Show ``view`` (None: nothing selected). Unsaved text of the same item is kept."""
        same = view is not None and self.view is not None and (
            year, view.item.code) == (self.year, self.view.item.code)  # fmt: skip
        keep = same and self.is_modified
        self.year, self.view = year, view
        if view is None:
            self.stack.setCurrentIndex(0)
            self.files.set_target(None, [])
            return
        self.stack.setCurrentIndex(1)
        item = view.item
        self.title.setText(f"<b>Mục {escape(item.code)}.</b> {escape(item.text)}")
        self.status_buttons[view.status].setChecked(True)
        self._show_indicator(view)
        expected = "; ".join(item.evidence) or "bộ tiêu chí không ghi"
        self.expected.setText(f"Minh chứng cần có: {expected}.")
        self.records.setText(records_text(view))
        self.records.setVisible(bool(view.records))
        has_points = item.points is not None
        self._set_points_visible(has_points)
        if has_points:
            assert item.points is not None
            applicable = view.status != NOT_APPLICABLE
            self.points_max.setText(
                f"/ {points_text(item.points)} điểm" + ("" if applicable else NOT_SCORED)
            )
        self._saved_note = view.note or ""
        # As typed, without a thousands dot (which the field would read back as a decimal):
        # a rounded figure would be written back over the points at the next "Lưu".
        self._saved_points = (
            "" if view.points is None else points_text(view.points).replace(".", "")
        )
        if not keep:
            self.errors.clear()
            self.note.setPlainText(self._saved_note)
            # Reached by Tab, the note is continued, not begun: what is typed goes after what is
            # written (the cursor would be before its first word, the words glued in front).
            self.note.moveCursor(QTextCursor.MoveOperation.End)
            self.points.setText(self._saved_points)
        self._lock_points()
        code = item.code
        self.files_title.setText(f"Tệp minh chứng ({len(view.files)}):")
        self.files.set_target(
            lambda ws, path: ws.recognition.attach(year, code, path), list(view.files)
        )
        self._update_save()

    def focus_assessment(self) -> None:
        """The keyboard on the item's self-assessment as it stands (its checked status: ← and →
        tick the others, as on any group of radio buttons)."""
        if self.view is not None:
            self.status_buttons[self.view.status].setFocus(Qt.FocusReason.OtherFocusReason)

    def _lock_points(self) -> None:
        """Points are not scored while the item is not applicable: their field is locked (what
        was given is kept, and counts again with another status), saying why; but never over
        a message of its own, which the secretary must be able to correct where it is."""
        view = self.view
        if view is None or view.item.points is None:
            return
        applicable = view.status != NOT_APPLICABLE
        self.points.setEnabled(applicable or bool(self.errors.message("points")))

    def _set_points_visible(self, visible: bool) -> None:
        self._form.setRowVisible(self._points_form_row, visible)

    def _show_indicator(self, view: ItemView) -> None:
        indicator = view.indicator
        if view.item.indicator is None:
            self.indicator.hide()
        else:
            self.indicator.show()
            if indicator is None:
                self.indicator.setText(f"<b>Chỉ số của ứng dụng:</b> {words.PENDING}")
            else:
                colour = words.verdict_colour(indicator)
                lines = "<br>".join(escape(line) for line in words.indicator_lines(indicator))
                self.indicator.setText(
                    f"<b>Chỉ số của ứng dụng:</b> {escape(words.label(indicator))} — "
                    f'<b style="color:{colour}">{words.verdict(indicator)}</b><br>{lines}'
                )
        explanation = words.contradiction_text(view)
        self.contradiction.setText(f"⚠ {explanation}" if explanation else "")
        self.contradiction.setVisible(bool(explanation))

    # Editing ------------------------------------------------------------------------------

    @property
    def is_modified(self) -> bool:
        if self.view is None:
            return False
        points_changed = self.view.item.points is not None and (
            self.points.text().strip() != self._saved_points
        )
        return self.note.toPlainText() != self._saved_note or points_changed

    def _update_save(self) -> None:
        self.save_button.setEnabled(self.is_modified and not self._saving)

    def _status_clicked(self, number: int) -> None:
        view = self.view
        if view is None:
            return
        status = list(STATUSES)[number]
        if status == view.status:
            return
        year, code = self.year, view.item.code

        def refused(exc: BaseException) -> None:
            if self.view is not None and self.view.item.code == code:
                self.status_buttons[self.view.status].setChecked(True)
            self._core.runner.show_error(exc, "Không lưu được", self)

        def saved(change: AnswerChange) -> None:
            name = words.status_name(status)
            self._push(f"Tự đánh giá mục {code}: {name}", year, code, change)
            self.status_message.emit(f"Mục {code}: {name}{undo_hint(change)}")

        op = CoreOp(self, lambda ws: ws.recognition.set(year, code, {"status": status}),
                    self._core)  # fmt: skip
        op.success(saved).failure(refused).run()

    def save(self) -> None:
        """Save what was done (and the points) of the item shown, on the worker."""
        view = self.view
        if view is None or self._saving or not self.is_modified:
            return
        raw = {"note": self.note.toPlainText()}
        if view.item.points is not None and self.points.text().strip() != self._saved_points:
            raw["points"] = self.points.text()  # only when touched: never rewritten as shown
        year, code = self.year, view.item.code
        self._saving = True
        self._update_save()

        def saved(change: AnswerChange) -> None:
            self._saving = False
            self._push(f"Sửa nội dung mục {code}", year, code, change)
            shown = self.view is not None and self.view.item.code == code
            if shown and self.note.toPlainText() == raw["note"]:
                self._saved_note = raw["note"]
                self._saved_points = raw.get("points", self._saved_points).strip()
                self.errors.clear()
                self._lock_points()
            self._update_save()
            self.status_message.emit(f"Đã lưu nội dung mục {code}{undo_hint(change)}")

        def refused(exc: BaseException) -> None:
            self._saving = False
            self._update_save()
            if isinstance(exc, ValidationError):
                if "points" in exc.field_errors:
                    self.points.setEnabled(True)  # before the message takes the focus there
                self.errors.show(exc.field_errors)
                return
            self._core.runner.show_error(exc, "Không lưu được", self)

        op = CoreOp(self, lambda ws: ws.recognition.set(year, code, raw), self._core)
        op.success(saved).failure(refused).run()

    def _push(self, label: str, year: int, code: str, change: AnswerChange) -> None:
        """Let "Hoàn tác" (Ctrl+Z) write the item's answer back as it was before ``change`` (a
        change that changed nothing pushes nothing)."""

        def put_back(ws: Workspace, fields: AnswerFields, expected: AnswerFields) -> None:
            ws.recognition.put_back(year, code, fields, expected)

        self._history.edit(label, put_back, *change)

    # Drops --------------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt's name)
        if self.view is not None and dropped_paths(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt's name)
        paths = dropped_paths(event)
        if self.view is not None and paths:
            event.acceptProposedAction()
            self.files.attach(paths)


def undo_hint(change: AnswerChange) -> str:
    """What a status message adds after a saved change: how to take it back, if it changed
    anything (else "Hoàn tác" would take back an older action)."""
    before, after = change
    return "." if before == after else UNDO_HINT


def records_text(view: ItemView) -> str:
    """The app's records the item cites, one line each ("Hồ sơ trong ứng dụng: …")."""
    lines = [f"• {r.label}: {r.text}" for r in view.records]
    return "Hồ sơ trong ứng dụng:\n" + "\n".join(lines) if lines else ""
