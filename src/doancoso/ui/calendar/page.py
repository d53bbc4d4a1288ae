"""The calendar page ("Lịch hoạt động"): the month grid or the agenda of a range, filtered by chi
đoàn and by a search; beside them what is coming in the next 7 days and what is overdue for
results, under a notice of this year's and next year's plan while still to register with the
superior body (its link opens the plan's year on the "Kế hoạch" page). Every dialog of the
calendar opens from here, and the export of the calendar for phones (an .ics file, Ctrl+E or
"Tệp › Xuất lịch (.ics)…": :mod:`.ics_export`).

Everything the page shows is read on the worker (the core's caches are the worker's): the month
with the agenda's range and the kinds of activity in one read (:mod:`.calendar_read`), the
reminders (:class:`~.reminders.Reminders`), the chi đoàn; what was shown stays until the new
read arrives. Writes are the dialogs' operations; the page follows the app's data-changed signal
for every table the calendar shows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFocusEvent, QFont, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSplitter,
    QStyle,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...core.activities.service import ActivityService, OccurrenceRow
from ...core.changes import Changes
from ...core.errors import AppError
from ...core.lang.dates import format_vn_date, parse_vn_date
from ...core.plans.registration import PlanReminder
from ...core.roster.branches import BranchInfo
from ...core.workspace import Workspace
from ..common.latest_read import LatestRead
from ..common.list_page import SEARCH_DELAY_MS, TO_RESULTS_KEYS, UNDO_HINT
from ..common.opening import OpenAfterRead
from ..shell.operations import Core, QueryOp
from ..shell.undo import SoftDeleting, UndoHistory
from .agenda import (
    COL_ATTENDANCE,
    COL_BRANCH,
    COL_DATE,
    COL_KIND,
    COL_STATUS,
    COL_TIME,
    COL_TITLE,
    NARROWEST_SHOWN,
    OCCURRENCE_ID_ROLE,
    TITLE_KEPT,
    WIDEST_SHOWN,
    AgendaModel,
    ReminderModel,
)
from .calendar_read import CalendarRead, MonthQuery, Span, read_calendar, within
from .ics_export import CalendarExporter
from .month_model import MonthModel
from .month_view import MonthView
from .reminders import CALENDAR_TABLES, PLAN_TABLES, Reminders, read_reminders
from .words import (
    KindColours,
    add_months,
    long_date,
    month_title,
    plan_notice_html,
    reminder_text,
    search_elsewhere_text,
)

if TYPE_CHECKING:  # the dialogs' modules load when one first opens
    from .occurrence_dialog import OccurrenceRead

RANGES = (("month", "Tháng đang xem"), ("week", "Tuần của ngày đang chọn"),
          ("year", "Cả năm đang xem"))  # fmt: skip
ALL_BRANCHES = "Tất cả chi đoàn"
SIDE_WIDTH = 260
NOTICE_STYLE = (
    "QLabel { background: #fff3cd; color: #5c4400; border: 1px solid #e0c36c; padding: 4px; }"
)


class _ActivityDeleting:
    """The activities seen by the undo history (one activity at a time in practice)."""

    def __init__(self, activities: ActivityService) -> None:
        self._activities = activities

    def delete(self, ids: Sequence[str]) -> int:
        for activity_id in ids:
            self._activities.delete(activity_id)
        return len(ids)

    def restore(self, ids: Sequence[str]) -> int:
        for activity_id in ids:
            self._activities.restore(activity_id)
        return len(ids)


def activities_service(ws: Workspace) -> SoftDeleting:
    return _ActivityDeleting(ws.activities)


class CalendarPage(QWidget):
    """Month, agenda, reminders; see the module docstring."""

    status_message = Signal(str)
    open_plan = Signal(int)
    """The link of a plan still to register was followed: the plan's year."""

    def __init__(self, core: Core, history: UndoHistory, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._core = core
        self._history = history
        self.prompts = core.prompts
        self._opening = OpenAfterRead(self, core)  # a date's dialog
        self._asking = OpenAfterRead(self, core)  # an activity's deletion
        self.kinds: KindColours = {}  # read with the month
        self.branch_names: dict[str, str] = {}
        self.month_model = MonthModel(self)
        self.shown_read: CalendarRead | None = None  # what the month and the agenda show
        self.agenda_model = AgendaModel(self)
        self.upcoming_model = ReminderModel(self)
        self.overdue_model = ReminderModel(self)
        self.plan_reminders: list[PlanReminder] = []
        self.elsewhere: OccurrenceRow | None = None  # where Enter goes, the month shown empty
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filter)
        # The chi đoàn filter's choices and the names the agenda shows, read on the worker (their
        # order goes through the core's collation cache, the worker's).
        self._branch_read = LatestRead(self, core, lambda ws: ws.branches.list(),
                                       self._show_branches)  # fmt: skip
        self._results_wanted = False  # Enter in the search box before its read arrived
        self._build()
        self._calendar_read = LatestRead(self, core, self._month_read(), self._calendar_arrived,
                                         self._calendar_failed)  # fmt: skip
        self.branch_combo.addItem(ALL_BRANCHES, None)  # every chi đoàn until the list arrives
        self.month_model.asked.connect(self._read_calendar)
        self.month_model.reloaded.connect(self._month_reloaded)
        self.month_model.reload()
        self.reload_branches()
        self.refresh_reminders()
        core.data_changed.changed.connect(self._on_data_changed)

    # Building -----------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.addLayout(self._top_bar())
        self.search_hint = QLabel()  # the search found nothing in the month shown
        self.search_hint.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.search_hint.setStyleSheet("color: #616161;")
        self.search_hint.hide()
        layout.addWidget(self.search_hint)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.tabs = QTabWidget()
        self.month = MonthView(self.month_model)
        self.month.day_selected.connect(self._day_selected)
        self.month.open_day.connect(self.open_day)
        self.month.open_occurrence.connect(self.open_occurrence)
        self.month.new_activity.connect(self.new_activity)
        self.tabs.addTab(self.month, "Lịch tháng")
        self.tabs.addTab(self._agenda_tab(), "Danh sách")
        splitter.addWidget(self.tabs)
        splitter.addWidget(self._side_panel())
        splitter.setStretchFactor(0, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([900, SIDE_WIDTH])
        self.splitter = splitter
        layout.addWidget(splitter, 1)
        # The page's key (Ctrl+5) puts the keyboard in the tab shown: the grid on its day, or
        # the list on a row (see :meth:`_agenda_focused`), where Enter opens it.
        # (See shell.main_window's KEYBOARD_HOME: not a focus proxy, which Tab from the sidebar
        # would jump to past the month's arrows, the filter, the search and the buttons.)
        self.keyboard_home: QWidget = self.month
        self.tabs.currentChanged.connect(self._tab_shown)
        self.search.installEventFilter(self)  # Enter or ↓ there: to what was found; Esc

    def _top_bar(self) -> QHBoxLayout:
        row = QHBoxLayout()
        style = self.style()
        self.previous_button = QToolButton()
        self.previous_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_ArrowLeft))
        self.previous_button.setToolTip("Tháng trước (Page Up)")
        self.previous_button.setAccessibleName("Tháng trước")  # a screen reader's name for it
        self.previous_button.clicked.connect(lambda: self.move_months(-1))
        self.today_button = QPushButton("&Hôm nay")
        self.today_button.setToolTip("Về ngày hôm nay (Home)")
        self.today_button.clicked.connect(self.go_today)
        self.next_button = QToolButton()
        self.next_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_ArrowRight))
        self.next_button.setToolTip("Tháng sau (Page Down)")
        self.next_button.setAccessibleName("Tháng sau")
        self.next_button.clicked.connect(lambda: self.move_months(1))
        self.title_label = QLabel()
        font = QFont(self.title_label.font())
        font.setPointSizeF(font.pointSizeF() + 4)
        font.setBold(True)
        self.title_label.setFont(font)
        self.title_label.setMinimumWidth(self.title_label.fontMetrics().horizontalAdvance(
            "Tháng 12 năm 2026") + 24)  # fmt: skip
        for widget in (self.previous_button, self.today_button, self.next_button):
            row.addWidget(widget)
        row.addSpacing(8)
        row.addWidget(self.title_label)
        row.addStretch(1)
        branch_label = QLabel("&Chi đoàn:")
        self.branch_combo = QComboBox()
        self.branch_combo.setMinimumContentsLength(16)
        self.branch_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        branch_label.setBuddy(self.branch_combo)
        self.branch_combo.currentIndexChanged.connect(self.apply_filter)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Tìm tên hoạt động, địa điểm…")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(200)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.new_button = QPushButton("Thê&m hoạt động…")
        self.new_button.setToolTip("Thêm hoạt động vào ngày đang chọn (phím N trên lịch)")
        self.new_button.clicked.connect(lambda: self.new_activity(self.month.selected))
        self.exporter = CalendarExporter(self._core, self)
        self.exporter.status_message.connect(self.status_message)
        # No key of its own: Ctrl+E is the "Tệp" menu's export of the page shown, this one here
        # (:func:`~..shell.page_keys.export_command`), as on every page that exports.
        self.export_action = QAction("Xuất lịch (.ics)…", self)
        self.export_action.triggered.connect(self.export_calendar)
        self.export_button = QPushButton("Xuất &lịch (.ics)…")
        self.export_button.setToolTip(
            "Xuất lịch ra tệp .ics để mở trên điện thoại, Google Calendar, Outlook (Ctrl+E)"
        )
        self.export_button.clicked.connect(self.export_action.trigger)
        row.addWidget(branch_label)
        row.addWidget(self.branch_combo)
        row.addWidget(self.search)
        row.addWidget(self.new_button)
        row.addWidget(self.export_button)
        return row

    def _agenda_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        row = QHBoxLayout()
        range_label = QLabel("H&iện:")
        self.range_combo = QComboBox()
        for code, label in RANGES:
            self.range_combo.addItem(label, code)
        range_label.setBuddy(self.range_combo)
        self.range_combo.currentIndexChanged.connect(lambda _i: self.reload_agenda())
        self.range_label = QLabel()
        row.addWidget(range_label)
        row.addWidget(self.range_combo)
        row.addSpacing(12)
        row.addWidget(self.range_label)
        row.addStretch(1)
        layout.addLayout(row)
        self.agenda = QTableView()
        self.agenda.setModel(self.agenda_model)
        self.agenda.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.agenda.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.agenda.setAlternatingRowColors(True)
        self.agenda.setWordWrap(False)
        self.agenda.setTabKeyNavigation(False)  # Tab leaves the list, as it leaves the grid
        self.agenda.verticalHeader().hide()
        self.agenda.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.agenda.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.agenda.horizontalHeader()
        for column in (COL_DATE, COL_TIME, COL_STATUS, COL_ATTENDANCE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        self.agenda_model.modelReset.connect(self._fit_agenda_columns)
        # Columns the user resized by hand keep their width (for the session): the fit sets
        # widths with _fitting up, so that any other resize of a section is the user's.
        self._fitting = False
        self.widened_by_hand: set[int] = set()
        header.sectionResized.connect(self._agenda_section_resized)
        self.agenda.viewport().installEventFilter(self)
        self.agenda.installEventFilter(self)
        self.agenda.doubleClicked.connect(lambda _index: self.open_agenda_row())
        open_action = QAction("Mở buổi hoạt động", self)
        open_action.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        open_action.triggered.connect(self.open_agenda_row)
        delete_action = QAction("Xóa hoạt động…", self)
        delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        delete_action.triggered.connect(self.delete_agenda_row)
        for action in (open_action, delete_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            self.agenda.addAction(action)
        layout.addWidget(self.agenda, 1)
        return tab

    def _fit_agenda_columns(self) -> None:
        """The kind and the chi đoàn as wide as the rows shown need, up to
        :data:`~.agenda.WIDEST_SHOWN`, unless the user resized them by hand (their width is
        kept, and the other columns fit around it); when the title
        would get less than :data:`~.agenda.TITLE_KEPT` needs, the kind and then the chi đoàn
        give way down to :data:`~.agenda.NARROWEST_SHOWN`."""
        view = self.agenda
        header, metrics = view.horizontalHeader(), view.fontMetrics()

        def needed(column: int) -> int:  # what a column fitting its contents takes
            return max(view.sizeHintForColumn(column), header.sectionSizeHint(column))

        def text_width(text: str, column: int) -> int:
            return metrics.horizontalAdvance(text) + 16 + (18 if column == COL_KIND else 0)

        kept = {c: header.sectionSize(c) for c in self.widened_by_hand}
        widths = {
            c: min(needed(c), text_width(t, c))
            for c, t in WIDEST_SHOWN.items()
            if c not in self.widened_by_hand
        }
        fitted = sum(needed(c) for c in (COL_DATE, COL_TIME, COL_STATUS, COL_ATTENDANCE))
        title = min(needed(COL_TITLE), text_width(TITLE_KEPT, COL_TITLE))
        missing = (
            fitted + title + sum(widths.values()) + sum(kept.values()) - view.viewport().width()
        )
        for column in (c for c in (COL_KIND, COL_BRANCH) if c in widths):
            floor = min(widths[column], text_width(NARROWEST_SHOWN[column], column))
            given = max(0, min(missing, widths[column] - floor))
            widths[column] -= given
            missing -= given
        self._fitting = True
        try:
            for column, width in widths.items():
                view.setColumnWidth(column, width)
        finally:
            self._fitting = False

    def _agenda_section_resized(self, column: int, _old: int, _new: int) -> None:
        """A column the fit sizes, resized by anything but the fit (a drag of its edge, a
        double click on it): the user's width, kept from now on."""
        if not self._fitting and column in WIDEST_SHOWN:
            self.widened_by_hand.add(column)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.agenda.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_agenda_columns()
        elif (
            watched is self.agenda
            and isinstance(event, QFocusEvent)
            and event.type() == QEvent.Type.FocusIn
            and event.reason() != Qt.FocusReason.MouseFocusReason  # the click chooses its row
        ):
            self._agenda_focused()
        elif (
            watched is self.search
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in TO_RESULTS_KEYS
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            self.go_to_results()
            return True
        elif (
            watched is self.search
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Escape
            and self.search.text()
        ):  # emptied at once; a second Esc, the box empty, goes on to the window as before
            self.search.clear()
            self.apply_filter()
            return True
        return super().eventFilter(watched, event)

    def go_to_results(self) -> None:
        """From the search box to what it found, as the lists' search boxes do: in the grid
        the first day of the month shown holding a date found, in the list its first row; the
        search still waiting for the user's pause is run first (and gone to once read). Nothing
        found, nothing moves."""
        if self._search_timer.isActive():
            self.apply_filter()
        if self.month_model.pending:
            self._results_wanted = True
            return
        if self.tabs.currentWidget() is self.month:
            model = self.month_model
            start = dt.date(model.year, model.month, 1)
            days = sorted(
                max(row.day, start)
                for row in model.shown()
                if (row.end_day or row.day) >= start
                and (row.day.year, row.day.month) <= (model.year, model.month)
            )
            if days or self.elsewhere is not None:  # else the nearest month holding one
                self.month.select_date(days[0] if days else self._elsewhere_day())
                self.month.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if not self.agenda_model.rowCount() and self.elsewhere is not None:
            self.month.select_date(self._elsewhere_day())
        if self.agenda_model.rowCount():
            self.agenda.selectRow(0)
            self.agenda.setFocus(Qt.FocusReason.OtherFocusReason)

    def _elsewhere_day(self) -> dt.date:
        assert self.elsewhere is not None
        return self.elsewhere.day

    def _show_search_elsewhere(self) -> None:
        """Nothing found in the month shown by a search: say in which months of its year there
        is (read with the month), Enter going to the nearest one after it, else before it."""
        read = self.shown_read
        rows = read.year_rows if read is not None else None
        if read is None or rows is None:
            self.elsewhere = None
            self.search_hint.hide()
            return
        last = read.query.days[1]
        after = [r for r in rows if r.day > last]
        self.elsewhere = after[0] if after else (rows[-1] if rows else None)
        months = sorted({r.day.month for r in rows})
        target = self.elsewhere.day.month if self.elsewhere else None
        self.search_hint.setText(search_elsewhere_text(read.query.year, months, len(rows), target))
        self.search_hint.show()

    def _tab_shown(self, _index: int) -> None:
        shown = self.tabs.currentWidget()
        self.keyboard_home = self.month if shown is self.month else self.agenda

    def _agenda_focused(self) -> None:
        """The list given the keyboard with no row chosen (by its page's key, by Tab): the
        first date on or after the day chosen in the grid (else the last one) chosen, so that
        Enter opens it and the arrows move from there. A row the user chose is kept."""
        view, rows = self.agenda, self.agenda_model.rows
        if not rows or view.selectionModel().hasSelection():
            return
        day = self.month.selected
        row = next((i for i, r in enumerate(rows) if (r.end_day or r.day) >= day), len(rows) - 1)
        view.selectRow(row)

    def _reminder_list(self, model: ReminderModel) -> QListView:
        view = QListView()
        view.setModel(model)
        # Wrapped, never cut: the chi đoàn meetings all begin "Sinh hoạt chi đoàn ấp …", and
        # cut at the panel's width they would differ only by their dates.
        view.setWordWrap(True)
        view.setResizeMode(QListView.ResizeMode.Adjust)  # wrapped again as the panel resizes
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.activated.connect(lambda index: self.open_occurrence(index.data(OCCURRENCE_ID_ROLE)))
        return view

    def _side_panel(self) -> QWidget:
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        self.plan_notice = QLabel()
        self.plan_notice.setWordWrap(True)
        self.plan_notice.setTextFormat(Qt.TextFormat.RichText)
        self.plan_notice.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.plan_notice.setStyleSheet(NOTICE_STYLE)
        self.plan_notice.linkActivated.connect(lambda year: self.open_plan.emit(int(year)))
        self.plan_notice.hide()
        layout.addWidget(self.plan_notice)
        self.upcoming_label = QLabel()
        self.upcoming_list = self._reminder_list(self.upcoming_model)
        self.overdue_label = QLabel()
        self.overdue_list = self._reminder_list(self.overdue_model)
        for label in (self.upcoming_label, self.overdue_label):
            font = QFont(label.font())
            font.setBold(True)
            label.setFont(font)
        self.upcoming_label.setBuddy(self.upcoming_list)
        self.overdue_label.setBuddy(self.overdue_list)
        layout.addWidget(self.upcoming_label)
        layout.addWidget(self.upcoming_list, 1)
        layout.addWidget(self.overdue_label)
        layout.addWidget(self.overdue_list, 1)
        panel.setMinimumWidth(220)
        return panel

    # Loading ------------------------------------------------------------------------------

    def reload_branches(self) -> None:
        """Read the chi đoàn again (on the worker); shown by :meth:`_show_branches`."""
        self._branch_read.run()

    def _show_branches(self, branches: list[BranchInfo]) -> None:
        """The filter lists ``branches``, the chosen one kept (one gone: every chi đoàn's
        activities shown again); the agenda names them."""
        self.branch_names = {b.id: b.name for b in branches}
        current = self.branch_combo.currentData()
        self.branch_combo.blockSignals(True)
        self.branch_combo.clear()
        self.branch_combo.addItem(ALL_BRANCHES, None)
        for branch in branches:
            self.branch_combo.addItem(branch.name, branch.id)
        index = self.branch_combo.findData(current) if current else 0
        self.branch_combo.setCurrentIndex(max(index, 0))
        self.branch_combo.blockSignals(False)
        if self.month_model.branch_id != self.branch_combo.currentData():
            self.apply_filter()  # the chosen chi đoàn is gone (the month and agenda read again)
        else:
            self.reload_agenda()  # its organisers by their names

    def apply_filter(self) -> None:
        """The chi đoàn and the search, applied to the month and the agenda."""
        self._search_timer.stop()
        self.month_model.set_filter(self.branch_combo.currentData(), self.search.text())

    def _month_read(self) -> Callable[[Workspace], CalendarRead]:
        """The read of the month asked of the model, with the agenda's range (both taken now,
        on the GUI thread)."""
        query = self.month_model.query
        return partial(read_calendar, query=query, span=self._agenda_span(query))

    def _read_calendar(self) -> None:
        """Read the month asked for on the worker; shown by :meth:`_calendar_arrived`."""
        self._calendar_read.run(self._month_read())

    def _calendar_arrived(self, read: CalendarRead) -> None:
        self.shown_read = read
        self.kinds = self.month_model.kinds = self.month.chips.kinds = read.kinds
        self.month_model.show(read.query, read.weeks, read.today)  # then _month_reloaded

    def _calendar_failed(self) -> None:
        """The read failed (its error shown): Enter pressed meanwhile goes nowhere, not to the
        results of a later read the user no longer waits for."""
        self._results_wanted = False

    def _month_reloaded(self) -> None:
        model = self.month_model
        self.title_label.setText(month_title(model.year, model.month))
        self._show_search_elsewhere()
        self.reload_agenda()
        if self._results_wanted and not model.pending:
            self._results_wanted = False
            self.go_to_results()

    def agenda_range(self) -> Span:
        """The days the agenda lists (the range chosen above it) in the month shown."""
        model = self.month_model
        return self._agenda_span(MonthQuery(model.year, model.month))

    def _agenda_span(self, query: MonthQuery) -> Span:
        code = self.range_combo.currentData()
        if code == "week":
            first = self.month.selected - dt.timedelta(days=self.month.selected.weekday())
            return first, first + dt.timedelta(days=6)
        if code == "year":
            return dt.date(query.year, 1, 1), dt.date(query.year, 12, 31)
        return query.days

    def reload_agenda(self) -> None:
        """The agenda of its range: from the month shown when its weeks hold it, else from the
        range read with it, else read (on the worker) and shown when it arrives."""
        span = first, last = self.agenda_range()
        model, read = self.month_model, self.shown_read
        if model.first <= first and last <= model.last:  # the weeks shown hold the range
            rows = within(span, model.shown())
        elif read is not None and read.span == span and read.span_rows is not None:
            rows = read.span_rows
        else:
            self._read_calendar()
            return
        self.agenda_model.set_rows(rows, self.kinds, self.branch_names, dt.date.today())
        self.range_label.setText(
            f"Từ {first:%d/%m/%Y} đến {last:%d/%m/%Y}: {len(rows)} buổi hoạt động"
        )

    def refresh_reminders(self) -> None:
        op = QueryOp(self, read_reminders, self._core, progress=False)
        op.success(self._show_reminders).run()

    def _show_reminders(self, found: Reminders) -> None:
        self.upcoming_model.set_rows(found.upcoming, self.kinds, found.today)
        self.overdue_model.set_rows(found.overdue, self.kinds, found.today)
        self.upcoming_label.setText(f"Sắp &diễn ra (7 ngày tới): {len(found.upcoming)}")
        self.overdue_label.setText(f"&Quá hạn chưa ghi kết quả: {len(found.overdue)}")
        self.plan_reminders = found.plans
        self.plan_notice.setText(plan_notice_html(found.plans))
        self.plan_notice.setVisible(bool(found.plans))

    def _on_data_changed(self, changes: Changes) -> None:
        if not changes.touches(*CALENDAR_TABLES):
            if changes.touches(*PLAN_TABLES):
                self.refresh_reminders()
            return
        if changes.touches("branches"):
            self.reload_branches()
        self.month_model.reload()  # the kinds read with it
        self.refresh_reminders()

    # Navigation ---------------------------------------------------------------------------

    def _day_selected(self, _day: dt.date) -> None:
        if self.range_combo.currentData() == "week":
            self.reload_agenda()

    def move_months(self, step: int) -> None:
        self.month.select_date(add_months(self.month.selected, step))

    def go_today(self) -> None:
        self.month.select_date(dt.date.today())

    def export_calendar(self) -> None:
        """The calendar for phones, of the year shown (or the days chosen), as an .ics file."""
        model = self.month_model
        first = dt.date(model.year, model.month, 1)
        self.exporter.export(model.year, (first, add_months(first, 1) - dt.timedelta(days=1)))

    def show_date(self, day: dt.date) -> None:
        self.tabs.setCurrentWidget(self.month)
        self.month.select_date(day)

    # Opening ------------------------------------------------------------------------------

    def open_day(self, day: dt.date) -> None:
        """The day's activity: none → a new one that day; several → which one."""
        rows = self.month_model.occurrences_on(day)
        if not rows:
            self.new_activity(day)
        elif len(rows) == 1:
            self.open_occurrence(rows[0].id)
        else:
            chosen = self.prompts.choose(
                self, "Mở hoạt động", f"Hoạt động ngày {long_date(day)}:",
                [reminder_text(r) for r in rows], placeholder="Chọn một hoạt động…",
            )  # fmt: skip
            if chosen is not None:
                self.open_occurrence(rows[chosen].id)

    def open_agenda_row(self) -> None:
        index = self.agenda.currentIndex()
        if index.isValid():
            self.open_occurrence(self.agenda_model.occurrence_id(index.row()))

    def delete_agenda_row(self) -> None:
        index = self.agenda.currentIndex()
        if index.isValid():
            row: OccurrenceRow = self.agenda_model.rows[index.row()]
            self.delete_activity(row.activity_id, row.title)

    def open_occurrence(self, occurrence_id: str) -> None:
        """The date's dialog, once the date is read on the worker (one deleted meanwhile: why
        it cannot open); opened once however often it was asked for before the read came."""
        from .occurrence_dialog import read_occurrence

        self._opening.run(lambda ws: read_occurrence(ws, occurrence_id), self._run_occurrence)

    def _run_occurrence(self, read: OccurrenceRead) -> None:
        from .occurrence_dialog import OccurrenceDialog

        dialog = OccurrenceDialog(self._core, self._history, read, self)
        self.prompts.run(dialog)
        activity_id, title = dialog.detail.row.activity_id, dialog.detail.row.title
        if dialog.saved:  # the day as the core read it ("2/3/2026" said "02/03/2026")
            day = format_vn_date(parse_vn_date(dialog.raw()["day"])[0])
            self.status_message.emit(f"Đã lưu buổi “{title}” ngày {day}.")
        edit, delete = dialog.edit_requested, dialog.delete_requested
        dialog.deleteLater()
        if edit:
            self.edit_activity(activity_id)
        elif delete:
            self.delete_activity(activity_id, title)

    def new_activity(self, day: dt.date | None = None) -> None:
        from .activity_dialog import ActivityDialog

        dialog = ActivityDialog(self._core, None, day or self.month.selected, self)
        if self.prompts.run(dialog) and dialog.saved_id:
            title = str(dialog.raw()["title"]).strip()
            self.status_message.emit(f"Đã thêm hoạt động “{title}” ({dialog.saved_count} buổi).")
            saved_id = dialog.saved_id  # its first date (a series' first day of its rule) shown
            op = QueryOp(self, lambda ws: ws.activities.get(saved_id).fields.start_date,
                         self._core, progress=False)  # fmt: skip
            op.success(self.show_date).run()
        dialog.deleteLater()

    def edit_activity(self, activity_id: str) -> None:
        from .activity_dialog import ActivityDialog

        try:
            dialog = ActivityDialog(self._core, activity_id, parent=self)
        except AppError as exc:
            self.prompts.error(self, "Không mở được", exc.message)
            return
        self.prompts.run(dialog)
        title = str(dialog.raw()["title"]).strip()
        if dialog.saved_id:
            self.status_message.emit(f"Đã lưu hoạt động “{title}” ({dialog.saved_count} buổi).")
        delete = dialog.delete_requested
        dialog.deleteLater()
        if delete:
            self.delete_activity(activity_id, title)

    def delete_activity(self, activity_id: str, title: str) -> None:
        """Ask (its number of dates read on the worker first: asked once however often it was
        pressed before the read came), then delete the activity with its dates (undone by
        "Hoàn tác")."""
        self._asking.run(lambda ws: ws.activities.get(activity_id).occurrences,
                         lambda count: self._confirm_delete(activity_id, title, count),
                         failed="Không xóa được")  # fmt: skip

    def _confirm_delete(self, activity_id: str, title: str, count: int) -> None:
        dates = f" cùng {count} buổi" if count > 1 else ""
        question = (
            f"Xóa hoạt động “{title}”{dates}? Điểm danh, biên bản và minh chứng của hoạt động "
            f"cũng bị xóa theo.\n\n{UNDO_HINT}"
        )
        if not self.prompts.confirm(self, "Xóa hoạt động", question):
            return
        hint = f"Đã xóa hoạt động “{title}” — bấm Hoàn tác (Ctrl+Z) để lấy lại."
        self._history.delete(self, activities_service, [activity_id], f"Xóa hoạt động “{title}”",
                             lambda: self.status_message.emit(hint))  # fmt: skip
