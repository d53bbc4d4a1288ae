"""The plan's own fields on the page: its number, date, title and texts (grounds, purposes and
requirements, content, implementation), and its registration with the superior body.

Both are edited in place and saved with a button (or Ctrl+S in them) through an operation
on the worker; the core validates (``PlanService.save`` and ``register``) and each message shows
under its field. While the secretary has unsaved changes, a reload of the plan (after a target
was added, or another process wrote) leaves what they typed alone; "Hoàn lại" takes the saved
plan back. "Đã gửi" chosen with no date sent, today's is offered, for the secretary to change.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import ValidationError
from ...core.lang.dates import format_vn_date
from ...core.plans.rules import NOT_REGISTERED, REGISTRATION_STATES, SENT
from ...core.plans.service import PlanInfo
from ...core.workspace import Workspace
from ..common.date_popup import attach_date_popup
from ..common.fields import FieldErrors, WrappedLabel
from ..shell.operations import Core, CoreOp

# (field, tab title, placeholder)
TEXTS = (
    ("grounds", "Căn cứ", "Ví dụ: Căn cứ Chương trình công tác Đoàn năm … của Tỉnh đoàn …;"),
    ("purposes", "I. Mục đích, yêu cầu", "Mỗi ý một dòng, ví dụ: - Nâng cao chất lượng …"),
    ("content", "III. Nội dung", "Mỗi đoạn một dòng; dòng “1. Tên mục” được in đậm."),
    ("implementation", "IV. Tổ chức thực hiện", "Ví dụ: - Các chi đoàn xây dựng kế hoạch …"),
)
UNSAVED = "Có thay đổi chưa lưu"
TARGETS_NOTE = "II. Chỉ tiêu: ở thẻ “Chỉ tiêu”."


def _set_text(editor: QLineEdit | QPlainTextEdit, text: str) -> None:
    """Set ``text`` unless the editor already holds it (its cursor then stays where it is)."""
    if isinstance(editor, QLineEdit):
        if editor.text() != text:
            editor.setText(text)
    elif editor.toPlainText() != text:
        editor.setPlainText(text)


def save_shortcut(widget: QWidget, save: Callable[[], None]) -> None:
    """Ctrl+S saves ``widget``'s fields while the keyboard is in one of them."""
    shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), widget)
    shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    shortcut.activated.connect(save)


class PlanTextForm(QWidget):
    """Number, date, title and the four texts of the plan, saved together."""

    status_message = Signal(str)

    def __init__(self, core: Core, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._core = core
        self.year: int | None = None
        self._plan_id: str | None = None
        self._loaded: dict[str, str] = {}
        self._saving = False
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        head = QFormLayout()
        self.errors = FieldErrors()
        self.number_edit = QLineEdit()
        self.number_edit.setPlaceholderText("Ví dụ: 07-KH/ĐTN")
        self.number_edit.setMaximumWidth(200)
        self.errors.add_row(head, "number", "Số &kế hoạch", self.number_edit)
        self.date_edit = QLineEdit()
        self.date_edit.setPlaceholderText("dd/mm/yyyy")
        self.date_edit.setMaximumWidth(200)
        attach_date_popup(self.date_edit)
        self.errors.add_row(head, "plan_date", "Ngà&y ban hành", self.date_edit)
        self.title_edit = QLineEdit()
        self.errors.add_row(head, "title", "Tên kế h&oạch", self.title_edit, required=True)
        top.addLayout(head, 1)
        layout.addLayout(top)

        self.tabs = QTabWidget()
        self.texts: dict[str, QPlainTextEdit] = {}
        for name, title, placeholder in TEXTS:
            editor = QPlainTextEdit()
            editor.setTabChangesFocus(True)
            editor.setPlaceholderText(placeholder)
            editor.setAccessibleName(title)
            self.texts[name] = editor
            self.tabs.addTab(editor, title)
        layout.addWidget(self.tabs, 1)

        buttons = QHBoxLayout()
        note = QLabel(TARGETS_NOTE)
        note.setStyleSheet("color: #616161;")
        buttons.addWidget(note)
        buttons.addStretch(1)
        self.unsaved_label = QLabel(UNSAVED)
        self.unsaved_label.setStyleSheet("color: #c62828;")
        buttons.addWidget(self.unsaved_label)
        self.revert_button = QPushButton("Hoàn &lại")
        self.revert_button.setToolTip("Bỏ các thay đổi chưa lưu")
        self.save_button = QPushButton("Lư&u nội dung")
        self.save_button.setToolTip("Lưu số, ngày, tên và nội dung kế hoạch (Ctrl+S)")
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        self.revert_button.clicked.connect(self.revert)
        self.save_button.clicked.connect(self.save)
        save_shortcut(self, self.save)
        for field in self._editors().values():
            field.textChanged.connect(self._update_state)
        self._update_state()

    def _editors(self) -> dict[str, QLineEdit | QPlainTextEdit]:
        return {"number": self.number_edit, "plan_date": self.date_edit,
                "title": self.title_edit, **self.texts}  # fmt: skip

    def raw(self) -> dict[str, str]:
        return {
            name: editor.text() if isinstance(editor, QLineEdit) else editor.toPlainText()
            for name, editor in self._editors().items()
        }

    def is_dirty(self) -> bool:
        return self._plan_id is not None and self.raw() != self._loaded

    def forget(self) -> None:
        """The next :meth:`load` shows its plan whatever was typed (another year was chosen)."""
        self._plan_id = None

    def load(self, plan: PlanInfo) -> None:
        """Show ``plan``, unless the secretary is changing this plan (then their text stays)."""
        if plan.id == self._plan_id and self.is_dirty():
            return
        self.year, self._plan_id = plan.year, plan.id
        self._loaded = {
            "number": plan.number or "",
            "plan_date": format_vn_date(plan.plan_date) if plan.plan_date else "",
            "title": plan.title,
            **{name: getattr(plan, name) or "" for name, _, _ in TEXTS},
        }
        self.revert()

    def revert(self) -> None:
        for name, editor in self._editors().items():
            _set_text(editor, self._loaded.get(name, ""))
        self.errors.clear()
        self._update_state()

    def _update_state(self) -> None:
        dirty = self.is_dirty()
        self.unsaved_label.setVisible(dirty)
        self.revert_button.setEnabled(dirty)
        self.save_button.setEnabled(dirty)

    def save(self) -> None:
        if self._saving or self.year is None or not self.is_dirty():
            return
        raw, year = self.raw(), self.year

        def saved(_result: object) -> None:
            self._saving = False
            self._loaded = raw
            self._update_state()
            self.status_message.emit(f"Đã lưu nội dung kế hoạch năm {year}.")

        def failed(exc: BaseException) -> None:
            self._saving = False
            if isinstance(exc, ValidationError):
                self.errors.show(exc.field_errors)
            else:
                self._core.runner.show_error(exc, "Không lưu được kế hoạch", self)

        self._saving = True
        CoreOp(self, lambda ws: ws.plans.save(year, raw), self._core).success(saved).failure(
            failed
        ).run()


class RegistrationBox(QGroupBox):
    """The plan's registration with the superior body: state, date sent, its number; the date
    sent offered as ``today`` when "Đã gửi" is chosen without one."""

    status_message = Signal(str)

    def __init__(
        self, core: Core, parent: QWidget | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:  # fmt: skip
        super().__init__("Đăng ký với cấp trên", parent)
        self._core = core
        self._today = today
        self.year: int | None = None
        self._plan_id: str | None = None
        self._loaded: tuple[str, str, str] = ("", "", "")
        self._saving = False
        layout = QVBoxLayout(self)
        self.intro = WrappedLabel()
        self.intro.setStyleSheet("color: #616161;")
        layout.addWidget(self.intro)
        form = QFormLayout()
        self.errors = FieldErrors()
        self.state_combo = QComboBox()
        for code, name in REGISTRATION_STATES.items():
            self.state_combo.addItem(name, code)
        self.errors.add_row(form, "registration_state", "T&rạng thái", self.state_combo)
        self.date_edit = QLineEdit()
        self.date_edit.setPlaceholderText("dd/mm/yyyy")
        attach_date_popup(self.date_edit)
        self.errors.add_row(form, "registered_on", "Ngà&y gửi", self.date_edit)
        self.number_edit = QLineEdit()
        self.number_edit.setPlaceholderText("Nếu cấp trên cấp số")
        self.errors.add_row(form, "registration_number", "Số đăng &ký", self.number_edit)
        layout.addLayout(form)
        row = QHBoxLayout()
        row.addStretch(1)
        self.save_button = QPushButton("&Lưu đăng ký")
        self.save_button.setToolTip("Lưu trạng thái, ngày gửi và số đăng ký (Ctrl+S)")
        row.addWidget(self.save_button)
        layout.addLayout(row)
        layout.addStretch(1)
        self.save_button.clicked.connect(self.save)
        self.state_combo.currentIndexChanged.connect(lambda _i: self._state_chosen())
        self.date_edit.textChanged.connect(self._update_state)
        self.number_edit.textChanged.connect(self._update_state)
        self.date_edit.returnPressed.connect(self.save)
        self.number_edit.returnPressed.connect(self.save)
        save_shortcut(self, self.save)
        self._update_state()

    def set_superior(self, name: str) -> None:
        self.intro.setText(f"Kế hoạch gửi đăng ký với {name}." if name else "")

    def values(self) -> tuple[str, str, str]:
        return (str(self.state_combo.currentData()), self.date_edit.text().strip(),
                self.number_edit.text().strip())  # fmt: skip

    def is_dirty(self) -> bool:
        return self._plan_id is not None and self.values() != self._loaded

    def forget(self) -> None:
        """The next :meth:`load` shows its plan whatever was typed (another year was chosen)."""
        self._plan_id = None

    def load(self, plan: PlanInfo) -> None:
        """Show ``plan``'s registration, unless the secretary is changing it."""
        if plan.id == self._plan_id and self.is_dirty():
            return
        self.year, self._plan_id = plan.year, plan.id
        self._loaded = (
            plan.registration_state,
            format_vn_date(plan.registered_on) if plan.registered_on else "",
            plan.registration_number or "",
        )
        state, day, number = self._loaded
        self.state_combo.setCurrentIndex(max(0, self.state_combo.findData(state)))
        self.date_edit.setText(day)
        self.number_edit.setText(number)
        self.errors.clear()
        self._update_state()

    def _state_chosen(self) -> None:
        """With "Đã gửi" and no date sent, today is offered (a load sets its own date after)."""
        if self.state_combo.currentData() == SENT and not self.date_edit.text().strip():
            self.date_edit.setText(format_vn_date(self._today()))
        self._update_state()

    def _update_state(self) -> None:
        registered = self.state_combo.currentData() != NOT_REGISTERED
        self.date_edit.setEnabled(registered)
        self.number_edit.setEnabled(registered)
        self.save_button.setEnabled(self.is_dirty())

    def save(self) -> None:
        if self._saving or self.year is None or not self.is_dirty():
            return
        state, day, number = self.values()
        year = self.year
        registered = state != NOT_REGISTERED

        def write(ws: Workspace) -> None:
            ws.plans.register(year, state, day if registered else None,
                              number if registered else None)  # fmt: skip

        def saved(_result: object) -> None:
            self._saving = False
            self._loaded = self.values()
            self._update_state()
            self.status_message.emit(
                f"Đã lưu đăng ký kế hoạch năm {year}: {REGISTRATION_STATES[state]}."
            )

        failed: Callable[[BaseException], None] = self._failed
        self._saving = True
        CoreOp(self, write, self._core).success(saved).failure(failed).run()

    def _failed(self, exc: BaseException) -> None:
        self._saving = False
        if isinstance(exc, ValidationError):
            self.errors.show(exc.field_errors)
        else:
            self._core.runner.show_error(exc, "Không lưu được đăng ký", self)
