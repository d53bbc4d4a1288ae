"""The settings page ("Thiết lập"): the organisation's own fields, saved through the core (an
operation on the worker, see :mod:`..shell.operations`); how participation in activities is
counted; the superior body's deadline for registering a plan (a day of the year before the
plan's, or of its own year); the rules of the rating (a dialog); the largest evidence file
accepted; where the data are kept, with a button opening the folder, and the app's version."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...core.changes import Changes
from ...core.errors import ValidationError
from ...core.evidence.service import MAX_MB, MIN_MB
from ...core.organization import OrganizationInfo
from ...core.plans.registration import (
    DEADLINE_FIELD,
    REMINDER_LEAD_DAYS,
    YEAR_CHOICES,
    Deadline,
    deadline_problem,
)
from ..common.fields import WrappedLabel
from ..common.list_page import READ_ONLY_TIP
from ..common.wheel import wheel_needs_focus_in
from ..shell import dialogs
from ..shell.about import version_text
from ..shell.operations import Core, CoreOp
from .organization_form import REQUIRED_NOTE, OrganizationForm

DATA_HINT = (
    "Mọi dữ liệu nằm trong thư mục này: tệp doancoso.sqlite, các bản sao lưu tự động "
    "(backups) và nhật ký lỗi (logs). Muốn bàn giao cho người kế nhiệm, gửi cấp trên hay đem "
    "sang máy khác, hãy dùng “Xuất dữ liệu ra USB…” (tệp có mật khẩu, kèm biên bản bàn giao) "
    "rồi “Nhận dữ liệu từ USB…” trên máy kia."
)
DEADLINE_HINT = (
    f"Từ {REMINDER_LEAD_DAYS} ngày trước hạn, ứng dụng nhắc lập và đăng ký kế hoạch "
    "(trong Lịch hoạt động và trên thanh trạng thái)."
)
ERROR_STYLE = "color: #c62828;"


class SettingsPage(QWidget):
    """Edits the organisation; reloads when the data-changed signal says it changed."""

    status_message = Signal(str)

    def __init__(self, core: Core, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._core = core
        self._ws = core.ws
        self.prompts = core.prompts
        self._loading = False
        # The sections need about 700 px: a smaller window (a laptop's 1366×768 under a
        # taskbar) scrolls them rather than squeezing them.
        content = QWidget()
        layout = QVBoxLayout(content)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        # No focus of its own: it shows none, so Tab would stop on it and Ctrl+0 leave the
        # cursor there, unseen, instead of in "Tên Đoàn cơ sở" (as in the member form).
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll_area.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll_area)
        title = QLabel("<b>Thông tin Đoàn cơ sở</b>")
        layout.addWidget(title)
        hint = QLabel(
            f"Các thông tin này được in trên văn bản và hồ sơ gửi cấp trên. {REQUIRED_NOTE}"
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.form = OrganizationForm()
        self.form.setMaximumWidth(760)
        layout.addWidget(self.form)
        row = QHBoxLayout()
        self.save_button = QPushButton("&Lưu")
        self.save_button.setToolTip("Lưu thông tin Đoàn cơ sở (Enter hoặc Ctrl+S)")
        self.save_button.clicked.connect(self.save)
        # Keyboard only, as in the plan's form: Enter in a field, Ctrl+S anywhere in the form.
        shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self.form)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.save)
        row.addWidget(self.save_button)
        self.saved_label = QLabel()
        row.addWidget(self.saved_label)
        for editor in self.form.editors.values():
            editor.textChanged.connect(self._edited)
            editor.returnPressed.connect(self.save)
        self.form.age_spin.valueChanged.connect(self._edited)
        # The spin box's own line edit says when Enter (or the keypad's) is pressed in it;
        # editingFinished would also save on merely leaving the box.
        self.form.age_spin.lineEdit().returnPressed.connect(self.save)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addSpacing(12)
        self._build_activity_section(layout)
        layout.addSpacing(12)
        self._build_plan_section(layout)
        layout.addSpacing(12)
        self._build_rating_section(layout)
        layout.addSpacing(12)
        self._build_evidence_section(layout)
        layout.addSpacing(12)
        self._build_data_section(layout)
        layout.addStretch(1)
        wheel_needs_focus_in(content)  # the page scrolls: the wheel leaves its boxes alone
        for widget in content.findChildren(QWidget):
            if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
                widget.installEventFilter(self)  # keyed into, scrolled into sight (eventFilter)
        self.load()
        core.data_changed.changed.connect(self._on_data_changed)

    def _build_activity_section(self, layout: QVBoxLayout) -> None:
        """How participation in activities is counted (a setting of the organisation)."""
        layout.addWidget(QLabel("<b>Tham gia hoạt động</b>"))
        self.leave_box = QCheckBox(
            "Tí&nh “vắng có phép” là có tham gia khi tính tỉ lệ tham gia hoạt động của đoàn viên"
        )
        self.leave_box.setToolTip(
            "Hướng dẫn chưa quy định rõ; mặc định vắng có phép không được tính là có tham gia."
        )
        self.leave_box.toggled.connect(self._leave_toggled)
        layout.addWidget(self.leave_box)

    def _build_plan_section(self, layout: QVBoxLayout) -> None:
        """The superior body's deadline for registering a plan (a setting of the organisation):
        a day and month, of the year before the plan's or of its own year; saved when either
        box is left or Enter is pressed in it, or the year is chosen."""
        layout.addWidget(QLabel("<b>Kế hoạch công tác</b>"))
        row = QHBoxLayout()
        # Alt+Y ("ngà&y") puts the keyboard in the day, Tab goes on to the month and the year:
        # "tháng" and "của" have no letter of their own (what their words hold is taken).
        label = QLabel("Hạn đăng ký kế hoạch với cấp trên: ngà&y")
        row.addWidget(label)
        self.deadline_day_box = QSpinBox()
        self.deadline_day_box.setRange(1, 31)
        self.deadline_day_box.setAccessibleName("Ngày của hạn đăng ký kế hoạch")
        label.setBuddy(self.deadline_day_box)
        row.addWidget(self.deadline_day_box)
        row.addWidget(QLabel("tháng"))
        self.deadline_month_box = QSpinBox()
        self.deadline_month_box.setRange(1, 12)
        self.deadline_month_box.setAccessibleName("Tháng của hạn đăng ký kế hoạch")
        row.addWidget(self.deadline_month_box)
        row.addWidget(QLabel("của"))
        self.deadline_year_box = QComboBox()
        self.deadline_year_box.addItems([YEAR_CHOICES[False], YEAR_CHOICES[True]])
        self.deadline_year_box.setAccessibleName("Năm của hạn đăng ký kế hoạch")
        self.deadline_year_box.setToolTip(
            "Thường là năm trước (ví dụ 10/11/2026 cho kế hoạch năm 2027); chọn “năm kế hoạch” "
            "nếu cấp trên cho đăng ký đầu năm (ví dụ 31/01/2027 cho kế hoạch năm 2027)"
        )
        self.deadline_year_box.currentIndexChanged.connect(self._deadline_changed)
        row.addWidget(self.deadline_year_box)
        self.deadline_error = QLabel()
        self.deadline_error.setStyleSheet(ERROR_STYLE)
        self.deadline_error.hide()
        row.addWidget(self.deadline_error)
        row.addStretch(1)
        layout.addLayout(row)
        for box in (self.deadline_day_box, self.deadline_month_box):
            box.setToolTip("Hạn hằng năm do cấp trên quy định, ví dụ ngày 10 tháng 11")
            box.editingFinished.connect(self._deadline_changed)
        hint = WrappedLabel(DEADLINE_HINT)
        hint.setMaximumWidth(760)  # as wide as the form above
        hint.setStyleSheet("color: #616161;")
        layout.addWidget(hint)
        self._deadline: Deadline | None = None  # as stored: what is not saved again

    def _load_deadline(self) -> None:
        """Show the deadline as stored, but keep one typed and not saved (or refused, with its
        message), as :meth:`load` keeps the organisation's fields."""
        typed = self._deadline_typed()
        unsaved = self._deadline is not None and typed != self._deadline
        self._deadline = self._ws.plans.registration_deadline()
        if unsaved:
            return
        self.deadline_day_box.setValue(self._deadline.day)
        self.deadline_month_box.setValue(self._deadline.month)
        self.deadline_year_box.setCurrentIndex(int(self._deadline.in_plan_year))
        self.deadline_error.hide()

    def _deadline_typed(self) -> Deadline:
        return Deadline(
            self.deadline_day_box.value(),
            self.deadline_month_box.value(),
            self.deadline_year_box.currentIndex() == 1,
        )

    def _deadline_unsaved(self) -> str | None:
        """The deadline typed and not saved, as the question at closing names it (saying when
        it is not valid: saving it will be refused), or None."""
        typed = self._deadline_typed()
        if typed == self._deadline:
            return None
        what = f"hạn đăng ký kế hoạch {typed.text}"
        if typed.in_plan_year:
            what += f" của {YEAR_CHOICES[True]}"
        if deadline_problem(typed.day, typed.month) is None:
            return what
        return f"{what} (ngày không hợp lệ, cần sửa)"

    def _deadline_changed(self) -> None:
        if self._loading:
            return
        wanted = self._deadline_typed()
        if wanted == self._deadline:
            self.deadline_error.hide()
            return
        op = CoreOp(
            self,
            lambda ws: ws.plans.set_registration_deadline(
                wanted.day, wanted.month, wanted.in_plan_year
            ),
            self._core,
        )
        op.success(lambda _: self._deadline_saved(wanted)).failure(self._deadline_refused).run()

    def _deadline_saved(self, deadline: Deadline) -> None:
        self._deadline = deadline
        self.deadline_error.hide()
        self.status_message.emit("Đã lưu hạn đăng ký kế hoạch.")

    def _deadline_refused(self, exc: BaseException) -> None:
        """A day the month has not in every year (31/04, 29/02): said beside the boxes, which
        keep what was typed so that the other one can be corrected."""
        if isinstance(exc, ValidationError):
            self.deadline_error.setText(exc.field_errors.get(DEADLINE_FIELD, exc.message))
            self.deadline_error.show()
            return
        self._core.runner.show_error(exc, "Không lưu được", self)

    def _build_rating_section(self, layout: QVBoxLayout) -> None:
        """The rules of the rating, in their own dialog."""
        layout.addWidget(QLabel("<b>Xếp loại đoàn viên</b>"))
        row = QHBoxLayout()
        self.rating_rules_button = QPushButton("&Quy tắc xếp loại…")
        self.rating_rules_button.clicked.connect(self.show_rating_rules)
        row.addWidget(self.rating_rules_button)
        hint = QLabel("Tỉ lệ tham gia cho từng mức, kỷ luật, rèn luyện… và nguồn của từng quy tắc")
        hint.setStyleSheet("color: #616161;")
        row.addWidget(hint)
        row.addStretch(1)
        layout.addLayout(row)

    def show_rating_rules(self) -> None:
        from ..rating.rules_dialog import RulesDialog

        dialog = RulesDialog(self._core, self)
        self.prompts.run(dialog)
        dialog.deleteLater()

    def _build_evidence_section(self, layout: QVBoxLayout) -> None:
        """The largest evidence file accepted (a setting of the organisation), under its own
        heading: it limits the files attached on "3 chủ động" and the registers, not
        participation."""
        layout.addWidget(QLabel("<b>Tệp minh chứng</b>"))
        row = QHBoxLayout()
        label = QLabel("Dung lượng tối đ&a của một tệp minh chứng:")
        row.addWidget(label)
        self.max_size_box = QSpinBox()
        label.setBuddy(self.max_size_box)
        self.max_size_box.setRange(MIN_MB, MAX_MB)
        self.max_size_box.setSuffix(" MB")
        self.max_size_box.setToolTip(
            "Ảnh, bản chụp và PDF đính kèm làm minh chứng lớn hơn mức này sẽ không được nhận."
        )
        self.max_size_box.editingFinished.connect(self._max_size_changed)
        self._max_size = 0  # as stored
        row.addWidget(self.max_size_box)
        row.addStretch(1)
        layout.addLayout(row)

    def _load_max_size(self) -> None:
        self._max_size = self._ws.evidence.max_size // (1024 * 1024)  # as stored
        self.max_size_box.setValue(self._max_size)

    def _max_size_changed(self) -> None:
        """Saved when the box is left or Enter pressed in it, if it changed (leaving it as it
        is writes nothing: a limit changed elsewhere is not overwritten)."""
        value = self.max_size_box.value()
        if self._loading or value == self._max_size:
            return

        def saved(_none: object) -> None:
            self._max_size = value
            self.status_message.emit("Đã lưu dung lượng tối đa của tệp minh chứng.")

        op = CoreOp(self, lambda ws: ws.evidence.set_max_size_mb(value), self._core)
        op.success(saved).run()

    def _leave_toggled(self, checked: bool) -> None:
        if self._loading:
            return
        op = CoreOp(self, lambda ws: ws.participation.set_leave_counts(checked), self._core)
        op.success(lambda _: self.status_message.emit("Đã lưu cách tính tỉ lệ tham gia.")).run()

    def _build_data_section(self, layout: QVBoxLayout) -> None:
        """Where the data are, a button opening the folder, and the version. Each button has
        its Alt letter, none of the menus' (T, S, X, V, G): those of the Tệp menu's items where
        free (U, D), K for the backups (S is "Sửa")."""
        self.open_folder: Callable[[Path], object] = self._open_folder
        box = QWidget()
        box.setMaximumWidth(760)  # as wide as the form above
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(QLabel("<b>Dữ liệu</b>"))
        folder_row = QHBoxLayout()
        folder_row.addWidget(QLabel("Thư mục dữ liệu:"))
        self.data_dir_label = QLabel(str(self._ws.data_dir))
        self.data_dir_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        folder_row.addWidget(self.data_dir_label)
        self.open_folder_button = QPushButton("&Mở thư mục")
        self.open_folder_button.setToolTip("Mở thư mục dữ liệu trong trình quản lý tệp")
        self.open_folder_button.clicked.connect(lambda: self.open_folder(self._ws.data_dir))
        folder_row.addWidget(self.open_folder_button)
        self.backups_button = QPushButton("Sao lưu và &khôi phục…")
        self.backups_button.clicked.connect(lambda: dialogs.show_backups(self._core, self))
        folder_row.addWidget(self.backups_button)
        folder_row.addStretch(1)
        column.addLayout(folder_row)
        # Bundles on a USB stick (#17): the same wizards as Tệp → Xuất / Nhận dữ liệu, opened
        # by the same launchers (as is the backups dialog above).
        bundle_row = QHBoxLayout()
        self.export_bundle_button = QPushButton("Xuất dữ liệu ra &USB…")
        self.export_bundle_button.clicked.connect(lambda: dialogs.export_bundle(self._core, self))
        self.import_bundle_button = QPushButton("Nhận &dữ liệu từ USB…")
        self.import_bundle_button.clicked.connect(lambda: dialogs.import_bundle(self._core, self))
        if self._ws.read_only is not None:  # it can only write: disabled, saying why
            self.import_bundle_button.setEnabled(False)
            self.import_bundle_button.setToolTip(READ_ONLY_TIP)
        bundle_row.addWidget(self.export_bundle_button)
        bundle_row.addWidget(self.import_bundle_button)
        bundle_row.addStretch(1)
        column.addLayout(bundle_row)
        self.data_hint = WrappedLabel(DATA_HINT)
        self.data_hint.setStyleSheet("color: #616161;")
        column.addWidget(self.data_hint)
        self.version_label = QLabel(version_text())
        column.addWidget(self.version_label)
        layout.addWidget(box)
        self._data_box = box

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        """A field or button of the page given the keyboard (by Tab, an Alt letter or a click)
        is scrolled into sight; one of "Dữ liệu", with its section down to the version line.
        The scroll area follows Tab only, and only as far as the widget itself: an Alt letter
        left the cursor out of sight, and nothing the keyboard reaches lies below the last
        button, so the hint and the version line could not be brought into sight."""
        if event.type() == QEvent.Type.FocusIn and isinstance(watched, QWidget):
            box = self._data_box
            if box.isAncestorOf(watched):
                self.scroll_area.ensureVisible(box.x(), box.y() + box.height(), 0, 8)
            self.scroll_area.ensureWidgetVisible(watched)
        return super().eventFilter(watched, event)

    @staticmethod
    def _open_folder(path: Path) -> bool:
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _on_data_changed(self, changes: Changes) -> None:
        if changes.touches("organizations"):
            self.load()
        elif changes.touches("settings"):
            self._loading = True
            self._load_deadline()
            self._load_max_size()
            self._loading = False

    def load(self) -> None:
        """Show the organisation as stored; fields typed and not saved yet are kept (another
        setting of this page, saved at once, changes the organisation too)."""
        info = self._ws.organization.get()
        if info is not None:
            self._loading = True
            self.leave_box.setChecked(self._ws.participation.leave_counts())
            self._load_max_size()
            self._load_deadline()
            self._loading = False
            if self.form.is_modified():
                return
            self.form.set_info(info)
            # Set up without a place (``doancoso init``): say at once what the documents lack.
            self.form.errors.set_message("commune", self.form.place_message())

    def _edited(self) -> None:
        """ "Đã lưu." no longer holds once a field differs from what was saved."""
        if self.form.is_modified():
            self.saved_label.clear()

    def unsaved_edits(self) -> str | None:
        """The organisation's fields and the plan deadline typed and not saved (asked before
        the app closes)."""
        found = ["thông tin Đoàn cơ sở"] if self.form.is_modified() else []
        deadline = self._deadline_unsaved()
        if deadline is not None:
            found.append(deadline)
        return ", ".join(found) or None

    def save_edits(self) -> None:
        """Save what :meth:`unsaved_edits` names, as "Lưu" and leaving the deadline's boxes
        do (a refusal is shown where it belongs, and the edit stays unsaved)."""
        if self.form.is_modified():
            self.save()
        self._deadline_changed()

    def save(self) -> None:
        """Save on the worker; the fields keep what was typed until the core accepts it."""
        self.saved_label.clear()
        info = self.form.checked_info()
        if info is None:
            return
        op = CoreOp(self, lambda ws: ws.organization.update(info), self._core)
        op.success(self._saved).failure(self._not_saved).run()

    def _saved(self, info: OrganizationInfo) -> None:
        self.form.set_info(info)  # as stored (the errors cleared): nothing left unsaved
        self.saved_label.setText("Đã lưu.")
        self.status_message.emit("Đã lưu thông tin Đoàn cơ sở.")

    def _not_saved(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            self.form.show_errors(exc)
            return
        self._core.runner.show_error(exc, "Không lưu được", self)
