"""The plan page ("Kế hoạch"): the yearly work plan of a chosen year.

A year without a plan shows what to do: "Lập kế hoạch năm Y", or "Sao chép từ kế hoạch năm
Y-1" when there is one (its texts and targets, not its registration nor its results; "năm Y-1"
moves to "năm Y" in them and a notice says what moved and which old years to read). A year
with a plan shows two tabs: the targets with their progress (planned, achieved at today, share)
beside the registration with the superior body; and the plan's number, date, title and texts.
The plan prints as a KH document, and its results as a BC report, through the print dialog
every document shares.

The plan is read on the worker (a :class:`~doancoso.ui.shell.operations.QueryOp`: measured
targets count admissions, activities and attendance) and read again whenever the app's
data-changed signal says that something it shows or measures changed — at once when the page
is visible, otherwise the next time it is shown. Every write is an operation on the worker;
deleting a target can be undone (Ctrl+Z) through the window's undo history.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.changes import Changes
from ...core.lang.dates import format_vn_date
from ...core.lang.text import vn_number
from ...core.plans.copying import CreatedPlan, copy_summary
from ...core.plans.figures import NOT_DUE_TEXT, not_started_text, tally
from ...core.plans.measures import PartlyHeld
from ...core.plans.registration import PlanReminder, is_registered
from ...core.plans.rules import APPROVED
from ...core.plans.service import PlanInfo
from ...core.workspace import Workspace
from ..common.fields import WrappedLabel
from ..shell.operations import Core, CoreOp, QueryOp
from ..shell.undo import SoftDeleting, UndoHistory
from .copy_notice import CopyNotice
from .plan_form import PlanTextForm, RegistrationBox
from .printing import PlanPrinter
from .target_dialog import TargetDialog
from .targets import COL_SHARE, COL_TEXT, WIDTHS, ShareDelegate, TargetTableModel

SHOWN = (
    "plans", "plan_targets", "activities", "occurrences", "attendance", "member_events",
    "members", "branches", "youths", "activity_kinds", "organizations", "settings",
)  # fmt: skip
"""The tables the page shows or measures from (the settings: the registration deadline; the
organisation: its superior body's name and
whether leave counts as attended)."""
BRANCH_MEETINGS = "branch-meetings"
"""The measure of "chi đoàn meet every month" (:data:`doancoso.core.plans.rules.MEASURES`)."""
PARTLY_HELD = "Chi đoàn không tính đủ cả năm trong tỉ lệ sinh hoạt đủ hằng tháng: "


@dataclass(frozen=True)
class PlanSnapshot:
    """What the page shows for a year, read at once on the worker."""

    year: int
    years: tuple[int, ...]
    plan: PlanInfo | None
    kinds: dict[str, str]
    superior: str
    deadline: date
    """The superior body's deadline for registering the plan of ``year``."""
    partly_held: tuple[PartlyHeld, ...] = ()
    """The chi đoàn a target measured by ``branch-meetings`` holds to part of the year only."""


def read_snapshot(ws: Workspace, year: int, today: date) -> PlanSnapshot:
    org = ws.organization.get()
    plan = ws.plans.get(year, today)
    meetings = plan is not None and any(t.measure == BRANCH_MEETINGS for t in plan.targets)
    return PlanSnapshot(
        year=year,
        years=tuple(ws.plans.years()),
        plan=plan,
        kinds=ws.activities.kind_names(),
        superior=org.superior_name if org else "",
        deadline=ws.plans.registration_deadline().of_plan(year),
        partly_held=tuple(ws.plans.partly_held(year, today)) if meetings else (),
    )


class _TargetDeleting:
    """The plan's targets seen as a soft-deleting service, for the undo history."""

    def __init__(self, ws: Workspace) -> None:
        self._plans = ws.plans

    def delete(self, ids: Sequence[str]) -> int:
        for target_id in ids:
            self._plans.delete_target(target_id)
        return len(ids)

    def restore(self, ids: Sequence[str]) -> int:
        for target_id in ids:
            self._plans.restore_target(target_id)
        return len(ids)


def targets_service(ws: Workspace) -> SoftDeleting:
    return _TargetDeleting(ws)


class PlansPage(QWidget):
    """The plan of one year: create or copy it, its targets and progress, its texts, its
    registration, print it and its report."""

    status_message = Signal(str)
    refreshed = Signal()
    """Emitted each time a newly read plan is shown (tests wait for it)."""

    def __init__(
        self, core: Core, history: UndoHistory, today: Callable[[], date] | None = None,
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self._core = core
        self._history = history
        self.prompts = core.prompts
        self.today: Callable[[], date] = today or date.today
        self.year = self.today().year
        self.snapshot: PlanSnapshot | None = None
        self.model = TargetTableModel(self)
        self._stale = True
        self._loading = False
        self._select_after: str | None = None
        self.printer = PlanPrinter(core, self, self.today)
        self.printer.status_message.connect(self.status_message)
        self._build()
        self._make_actions()
        core.data_changed.changed.connect(self._on_data_changed)
        self._fill_years(())

    # Building -----------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        heading = QLabel("Kế hoạch công tác &năm")
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        heading.setFont(font)
        top.addWidget(heading)
        self.year_combo = QComboBox()
        self.year_combo.setAccessibleName("Năm của kế hoạch")
        self.year_combo.setFont(font)
        heading.setBuddy(self.year_combo)
        top.addWidget(self.year_combo)
        self.state_label = QLabel()
        # Never wider than the room left: a long text would widen the window past the screen.
        self.state_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        top.addWidget(self.state_label, 1)
        self.print_plan_button = QPushButton("In kế &hoạch (KH)…")
        self.print_report_button = QPushButton("In &báo cáo kết quả (BC)…")
        self.print_plan_button.clicked.connect(self.print_plan)
        self.print_report_button.clicked.connect(self.print_report)
        top.addWidget(self.print_plan_button)
        top.addWidget(self.print_report_button)
        layout.addLayout(top)
        self.year_combo.currentIndexChanged.connect(self._year_chosen)
        self.copy_notice = CopyNotice()
        self.copy_notice.open_texts.connect(self._open_texts)
        layout.addWidget(self.copy_notice)

        self.stack = QStackedWidget()
        self.stack.addWidget(self._build_empty())
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_targets(), "Chỉ tiêu")
        self.text_form = PlanTextForm(self._core)
        self.text_form.status_message.connect(self.status_message)
        self.tabs.addTab(self.text_form, "Nội dung kế hoạch")
        self.stack.addWidget(self.tabs)
        layout.addWidget(self.stack, 1)

    def _open_texts(self) -> None:
        self.tabs.setCurrentIndex(1)

    def _build_empty(self) -> QWidget:
        page = QWidget()
        outer = QVBoxLayout(page)
        outer.addStretch(1)
        box = QVBoxLayout()
        self.empty_label = QLabel()
        font = QFont(self.empty_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.empty_label.setFont(font)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        box.addWidget(self.empty_label)
        self.empty_hint = WrappedLabel()
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_hint.setStyleSheet("color: #616161;")
        box.addWidget(self.empty_hint)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.create_button = QPushButton()
        self.copy_button = QPushButton()
        self.create_button.clicked.connect(lambda: self.create_plan(None))
        self.copy_button.clicked.connect(lambda: self.create_plan(self.year - 1))
        buttons.addWidget(self.create_button)
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        box.addLayout(buttons)
        row = QHBoxLayout()
        row.addStretch(1)
        inner = QWidget()
        inner.setLayout(box)
        inner.setMinimumWidth(560)
        inner.setMaximumWidth(640)
        row.addWidget(inner, 1)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        return page

    def _build_targets(self) -> QWidget:
        page = QWidget()
        row = QHBoxLayout(page)
        left = QVBoxLayout()
        buttons = QHBoxLayout()
        self.add_button = QPushButton("Thê&m chỉ tiêu…")
        self.edit_button = QPushButton("Sử&a…")
        # Letters none of the page's others take (A: "Sử&a…", N: the year, L: "&Lưu đăng ký",
        # X, G: the menus; D: the copy's notice gives it up, "X&em nội dung").
        self.delete_button = QPushButton("Xóa chỉ t&iêu")
        self.up_button = QPushButton("&Dời lên")
        self.down_button = QPushButton("Dời x&uống")
        self.up_button.setToolTip("Đưa chỉ tiêu lên trên (Alt+↑)")
        self.down_button.setToolTip("Đưa chỉ tiêu xuống dưới (Alt+↓)")
        for button, slot in (
            (self.add_button, self.add_target),
            (self.edit_button, self.edit_target),
            (self.delete_button, self.delete_target),
            (self.up_button, lambda: self.move_target(-1)),
            (self.down_button, lambda: self.move_target(1)),
        ):
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        left.addLayout(buttons)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        self.table.setTabKeyNavigation(False)  # Tab goes on to the registration, as elsewhere
        self.table.verticalHeader().hide()
        # Two lines a row: most targets are read whole (the tooltip has the longer ones).
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().lineSpacing() * 2 + 10)
        self.table.setItemDelegateForColumn(COL_SHARE, ShareDelegate(self.table))
        header = self.table.horizontalHeader()
        for column, width in enumerate(WIDTHS):
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _index: self.edit_target())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        left.addWidget(self.table, 1)
        self.summary_label = WrappedLabel()
        left.addWidget(self.summary_label)
        row.addLayout(left, 1)
        self.registration = RegistrationBox(self._core, today=self.today)
        self.registration.setFixedWidth(290)
        self.registration.status_message.connect(self.status_message)
        row.addWidget(self.registration)
        return page

    def _make_actions(self) -> None:
        """Enter edits, Delete deletes, Insert adds, Alt+↑/↓ move, on the table."""
        shortcuts: list[tuple[str, list[QKeySequence], Callable[[], None]]] = [
            ("Sửa chỉ tiêu…", [QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)],
             self.edit_target),
            ("Xóa chỉ tiêu…", [QKeySequence(QKeySequence.StandardKey.Delete)],
             self.delete_target),
            ("Thêm chỉ tiêu…", [QKeySequence(Qt.Key.Key_Insert)], self.add_target),
            ("Đưa lên", [QKeySequence("Alt+Up")], lambda: self.move_target(-1)),
            ("Đưa xuống", [QKeySequence("Alt+Down")], lambda: self.move_target(1)),
        ]  # fmt: skip
        self.table_actions: list[QAction] = []
        for text, keys, slot in shortcuts:
            action = QAction(text, self)
            action.setShortcuts(keys)
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(slot)
            self.table.addAction(action)
            self.table_actions.append(action)

    # Loading ------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _on_data_changed(self, changes: Changes) -> None:
        if not changes.touches(*SHOWN):
            return
        self._stale = True
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """Read the chosen year's plan again (on the worker) and show it when it arrives."""
        if self._loading:
            self._stale = True  # read again once the running read is shown
            return
        self._stale = False
        self._loading = True
        year, today = self.year, self.today()
        op = QueryOp(self, lambda ws: read_snapshot(ws, year, today), self._core,
                     label="Đang tải kế hoạch…", progress=False)  # fmt: skip
        op.success(self._show).failure(self._failed).run()

    def _failed(self, exc: BaseException) -> None:
        self._loading = False
        self._core.runner.show_error(exc, parent=self)

    def _show(self, result: object) -> None:
        assert isinstance(result, PlanSnapshot)
        self._loading = False
        if result.year != self.year:  # another year was chosen meanwhile
            self.refresh()
            return
        self.snapshot = result
        self._fill_years(result.years)
        plan = result.plan
        self.registration.set_superior(result.superior)
        if plan is None:
            self._show_empty(result)
        else:
            self._show_plan(plan, result.kinds, result.deadline, result.partly_held)
        self.copy_notice.show_year(result.year if plan is not None else None)
        self._update_buttons()
        self.refreshed.emit()
        if self._stale and self.isVisible():
            self.refresh()

    def _show_empty(self, snapshot: PlanSnapshot) -> None:
        year = snapshot.year
        self.model.set_targets((), snapshot.kinds)
        self.stack.setCurrentIndex(0)
        today = self.today()
        state = ""
        if year >= today.year:  # a plan still to make and register, as the calendar recalls
            reminder = PlanReminder(year, snapshot.deadline, False, today > snapshot.deadline)
            state = f"  Chưa lập — {reminder.deadline_text}"
        self.state_label.setText(state)
        self.state_label.setToolTip("")  # not the title of the plan shown before
        self.empty_label.setText(f"Chưa có kế hoạch công tác năm {year}.")
        self.create_button.setText(f"Lậ&p kế hoạch năm {year}")
        self.copy_button.setText(f"Sao &chép từ kế hoạch năm {year - 1}")
        has_previous = year - 1 in snapshot.years
        self.copy_button.setVisible(has_previous)
        hint = (
            "Kế hoạch ghi các chỉ tiêu của năm; ứng dụng theo dõi kết quả đạt được và in kế "
            f"hoạch để gửi đăng ký với {snapshot.superior or 'cấp trên'}."
        )
        if has_previous:
            hint += (
                f" Sao chép lấy nội dung và các chỉ tiêu của năm {year - 1} (không lấy đăng "
                "ký và kết quả) để sửa tiếp."
            )
        self.empty_hint.setText(hint)

    def _show_plan(
        self, plan: PlanInfo, kinds: dict[str, str], deadline: date,
        partly: Sequence[PartlyHeld] = (),
    ) -> None:  # fmt: skip
        current = self._select_after or self.selected_target_id()
        self._select_after = None
        self.model.set_targets(plan.targets, kinds, plan.started)
        self.stack.setCurrentIndex(1)
        self.state_label.setText(f"  {registration_line(plan, deadline, self.today())}")
        self.state_label.setToolTip(plan.title)
        summary = summary_text(plan)
        if partly and plan.started:  # which chi đoàn the meetings figure holds to in part
            summary += "\n" + partly_held_text(partly, plan.year)
        self.summary_label.setText(summary)
        self.text_form.load(plan)
        self.registration.load(plan)
        row = self.model.row_of(current) if current else None
        if row is not None:
            self.select_row(row)

    def _fill_years(self, years: Sequence[int]) -> None:
        """The plans' years, last year, this year and the next (those without a plan marked)."""
        this = self.today().year
        choices = sorted({*years, this - 1, this, this + 1, self.year}, reverse=True)
        have = set(years)
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        for year in choices:
            label = str(year) if year in have else f"{year} (chưa lập)"
            self.year_combo.addItem(label, year)
        self.year_combo.setCurrentIndex(self.year_combo.findData(self.year))
        self.year_combo.blockSignals(False)

    def _year_chosen(self, _index: int) -> None:
        year = self.year_combo.currentData()
        if isinstance(year, int):
            self.open_year(year)

    def open_year(self, year: int) -> None:
        """Show the plan of ``year`` as if chosen above (asking first when what was typed in
        the plan shown would be lost)."""
        if year == self.year:
            return
        unsaved = self.text_form.is_dirty() or self.registration.is_dirty()
        if unsaved and not self.prompts.confirm(
            self, "Đổi năm",
            f"Kế hoạch năm {self.year} có thay đổi chưa lưu. Bỏ các thay đổi đó?",
            yes="Bỏ thay đổi", no="Ở lại",
        ):  # fmt: skip
            self._fill_years(self.snapshot.years if self.snapshot else ())
            return
        self.show_year(year)
        self._fill_years(self.snapshot.years if self.snapshot else ())  # the year shown at once

    def unsaved_edits(self) -> str | None:
        """What of the plan was typed and not saved (asked before the app closes)."""
        if self.text_form.is_dirty():
            return f"nội dung kế hoạch năm {self.year}"
        if self.registration.is_dirty():
            return f"đăng ký kế hoạch năm {self.year}"
        return None

    def save_edits(self) -> None:
        """Save what :meth:`unsaved_edits` names (on the worker, as the Lưu buttons do)."""
        self.text_form.save()
        self.registration.save()

    def show_year(self, year: int) -> None:
        self.year = year
        self.text_form.forget()  # another plan: what was typed is not kept
        self.registration.forget()
        self.refresh()

    # Selection ----------------------------------------------------------------------------

    def plan(self) -> PlanInfo | None:
        return self.snapshot.plan if self.snapshot and self.snapshot.year == self.year else None

    def selected_target_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.target(rows[0].row()).id if rows else None

    def select_row(self, row: int) -> None:
        index = self.model.index(row, COL_TEXT)
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)

    def _update_buttons(self) -> None:
        has_plan = self.plan() is not None
        selected = self.model.row_of(self.selected_target_id() or "")
        for button in (self.print_plan_button, self.print_report_button, self.add_button):
            button.setEnabled(has_plan)
        for button in (self.edit_button, self.delete_button):
            button.setEnabled(selected is not None)
        self.up_button.setEnabled(bool(selected))
        self.down_button.setEnabled(selected is not None and selected < self.model.rowCount() - 1)

    # Actions ------------------------------------------------------------------------------

    def create_plan(self, from_year: int | None) -> None:
        year = self.year

        def created(result: object) -> None:
            assert isinstance(result, CreatedPlan)
            text = f"Đã lập kế hoạch công tác năm {year}"
            if result.copy is not None:
                text += f" (sao chép từ năm {from_year}): {copy_summary(result.copy)}"
                self.copy_notice.add(result.copy)
                self.copy_notice.show_year(year)
            self.status_message.emit(f"{text}.")
            # Either way the texts come first: to write, or to read the copy's years again.
            self.tabs.setCurrentIndex(1)
            # The button pressed went with the empty year: the keyboard goes on to the first
            # field of the texts, not to the tabs' bar.
            self.text_form.number_edit.setFocus(Qt.FocusReason.OtherFocusReason)

        op = CoreOp(self, lambda ws: ws.plans.create(year, from_year), self._core,
                    label="Đang lập kế hoạch…")  # fmt: skip
        op.success(created).failure(self._core.reporter(self, "Không lập được kế hoạch")).run()

    def _as_of(self) -> date | None:
        """The day the plan's figures are counted to (within its year)."""
        plan = self.plan()
        return min(plan.as_of, date(plan.year, 12, 31)) if plan else None

    def _as_of_text(self) -> str:
        as_of = self._as_of()
        return format_vn_date(as_of) if as_of else ""

    def add_target(self) -> None:
        if self.plan() is None:
            return
        dialog = TargetDialog(
            self._core, self.year, None, self._as_of_text(), self, as_of=self._as_of()
        )
        self.prompts.run(dialog)
        if dialog.saved_id:
            self.select_target(dialog.saved_id)
            self.status_message.emit("Đã thêm chỉ tiêu.")
        dialog.deleteLater()

    def edit_target(self) -> None:
        row = self.model.row_of(self.selected_target_id() or "")
        if row is None:
            return
        target = self.model.target(row)
        dialog = TargetDialog(
            self._core, self.year, target, self._as_of_text(), self, as_of=self._as_of()
        )
        self.prompts.run(dialog)
        if dialog.saved_id:
            self.status_message.emit("Đã lưu chỉ tiêu.")
        dialog.deleteLater()

    def delete_target(self) -> None:
        row = self.model.row_of(self.selected_target_id() or "")
        if row is None:
            return
        target = self.model.target(row)
        text = " ".join(target.text.split())
        if not self.prompts.confirm(self, "Xóa chỉ tiêu", f"Xóa chỉ tiêu “{text}”?"):
            return
        self._history.delete(
            self, targets_service, [target.id], f"Xóa chỉ tiêu “{text}”",
            lambda: self.status_message.emit(
                "Đã xóa chỉ tiêu — bấm Hoàn tác (Ctrl+Z) để lấy lại."
            ),
        )  # fmt: skip

    def move_target(self, step: int) -> None:
        target_id = self.selected_target_id()
        row = self.model.row_of(target_id or "")
        if target_id is None or row is None or not 0 <= row + step < self.model.rowCount():
            return
        self._select_after = target_id
        op = CoreOp(self, lambda ws: ws.plans.move_target(target_id, step), self._core)
        op.failure(self._core.reporter(self, "Không chuyển được chỉ tiêu")).run()

    def select_target(self, target_id: str) -> None:
        """Select target ``target_id`` of the plan shown (once it is read, if it is not yet)."""
        row = self.model.row_of(target_id)
        if row is None:  # not shown yet: selected when the plan is read again
            self._select_after = target_id
        else:
            self.select_row(row)

    # Printing -----------------------------------------------------------------------------

    def print_plan(self) -> None:
        plan = self.plan()
        if plan is not None:
            self.printer.print_plan(plan)

    def print_report(self) -> None:
        plan = self.plan()
        if plan is not None:
            self.printer.print_report(plan)


def registration_line(plan: PlanInfo, deadline: date, today: date) -> str:
    """ "Đã gửi đăng ký ngày 20/01/2026 (số 15/ĐK-TĐ)", or for a plan still to register its
    deadline as the calendar's reminder says it: "Chưa đăng ký — hạn đăng ký với cấp trên
    10/11/2026", "Chưa đăng ký — đã quá hạn đăng ký với cấp trên (hạn 10/11/2025)"."""
    if not is_registered(plan.registration_state, plan.registered_on):
        reminder = PlanReminder(plan.year, deadline, True, today > deadline)
        return f"Chưa đăng ký — {reminder.deadline_text}"
    text = f"Đã gửi đăng ký ngày {format_vn_date(plan.registered_on)}"
    if plan.registration_number:
        text += f" (số {plan.registration_number})"
    if plan.registration_state == APPROVED:
        text += ", đã được duyệt"
    return text


def summary_text(plan: PlanInfo) -> str:
    """ "5 chỉ tiêu: 1 đạt, 3 chưa đạt, 1 chưa có số liệu (số liệu đến ngày 30/11/2026)", and
    ", 1 chưa đến kỳ" for a target not due yet (chi đoàn meetings before January is over);
    for a plan made in advance, "7 chỉ tiêu: chưa đến kỳ (năm 2027 chưa bắt đầu)"."""
    if not plan.targets:
        return "Kế hoạch chưa có chỉ tiêu nào: bấm “Thêm chỉ tiêu…”."
    counts = tally(plan.targets, plan.started)
    measured = " Cột “Nguồn số liệu”: “Đo tự động” là số ứng dụng tự tính." if any(
        t.measured for t in plan.targets
    ) else ""  # fmt: skip
    if not plan.started:
        return (
            f"{vn_number(counts.total)} chỉ tiêu: {NOT_DUE_TEXT} "
            f"({not_started_text(plan.year)})." + measured
        )
    parts = [f"{vn_number(len(counts.met))} đạt", f"{vn_number(len(counts.not_met))} chưa đạt"]
    if counts.unknown:
        parts.append(f"{vn_number(len(counts.unknown))} chưa có số liệu")
    if counts.not_due:  # chi đoàn meetings before January is over
        parts.append(f"{vn_number(len(counts.not_due))} {NOT_DUE_TEXT}")
    as_of = format_vn_date(min(plan.as_of, date(plan.year, 12, 31)))
    return (
        f"{vn_number(counts.total)} chỉ tiêu: {', '.join(parts)} (số liệu đến ngày {as_of})."
        + measured
    )


def partly_held_text(partly: Sequence[PartlyHeld], year: int) -> str:
    """Which chi đoàn the meetings figure holds to part of ``year`` only, and why, in their
    order: "Chi đoàn không tính đủ cả năm trong tỉ lệ sinh hoạt đủ hằng tháng: Chi đoàn ấp Cái
    Rô chưa tính (chi đoàn mới từ ngày 20/11/2026); Chi đoàn ấp 3 tính đến tháng 05/2026 (xóa
    khỏi danh sách ngày 10/06/2026)." ("không tính": gone before a whole month of it)."""
    said = []
    for branch in partly:
        why = []
        if branch.start is not None:
            why.append(f"chi đoàn mới từ ngày {format_vn_date(branch.start)}")
        if branch.end is not None:
            why.append(f"xóa khỏi danh sách ngày {format_vn_date(branch.end)}")
        if not branch.months:
            counted = "không tính" if branch.end is not None else "chưa tính"
        else:
            span = [f"từ tháng {branch.months[0]:02d}/{year}"] if branch.start else []
            span += [f"đến tháng {branch.months[-1]:02d}/{year}"] if branch.end else []
            counted = "tính " + " ".join(span)
        said.append(f"{branch.name} {counted} ({', '.join(why)})")
    return PARTLY_HELD + "; ".join(said) + "."
