"""The main window: a side bar of areas (Đoàn viên, Thanh niên, Chi đoàn, …) and their pages.

Only the roster is built before the window shows; every other page is built, and its module
imported, on its first visit (see :meth:`MainWindow.page`), so the window opens quickly.

Each time the application becomes active again (the user comes back from another program, e.g.
a terminal where ``doancoso members add`` ran), the window asks the core whether another process
wrote to the data folder; if so, the changes are announced and every view refreshes.

Data that can only be read (a write-protected USB stick, a read-only folder or file) open with a
banner above the pages saying so, for as long as the window is open; the actions that only write
(add, import, the decisions of a whole list) are disabled, and any other write is refused by the
core with the same message.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QCloseEvent, QFont, QFontMetrics, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...core.changes import Changes
from ...core.errors import AppError
from ...core.lang.text import vn_number
from ..common.list_page import READ_ONLY_TIP, ListPage
from ..roster.page import RosterPage
from . import dialogs
from .operations import CLOSING_BACKUP_FAILED, Core, QueryOp
from .page_keys import (
    NO_EXPORT,
    NO_IMPORT,
    NO_NEW,
    NO_PRINT,
    PageCommand,
    export_command,
    import_command,
    new_command,
    print_command,
)
from .state import UiState
from .undo import UndoHistory

if TYPE_CHECKING:
    from ..branches.page import BranchesPage
    from ..calendar.page import CalendarPage
    from ..dossier.page import DossierPage
    from ..plans.page import PlansPage
    from ..rating.page import RatingPage
    from ..recognition.page import RecognitionPage
    from ..settings.page import SettingsPage
    from ..statistics.page import StatisticsPage
    from ..youth.page import YouthPage

TITLE = "Đoàn cơ sở 3 chủ động"
AREAS = (
    "Đoàn viên",
    "Thanh niên",
    "Chi đoàn",
    "Kế hoạch",
    "Lịch hoạt động",
    "Xếp loại",
    "3 chủ động",
    "Hồ sơ",
    "Thống kê",
    "Thiết lập",
)
(ROSTER, YOUTH_AREA, BRANCHES_AREA, PLANS_AREA, CALENDAR_AREA, RATING_AREA, RECOGNITION_AREA,
 DOSSIER_AREA, STATISTICS, SETTINGS) = range(len(AREAS))  # fmt: skip
MESSAGE_MS = 15000
SIDEBAR_STYLE = "QListWidget { font-size: 11pt; } QListWidget::item { padding: 8px; }"
LIST_STATE_KEYS = {ROSTER: "roster/columns", YOUTH_AREA: "youth/columns"}
"""Where ``ui-state.ini`` keeps the column widths of each list page."""
READ_ONLY_STYLE = (
    "QLabel { background: #fff3cd; color: #5c4400; border: 1px solid #e0c36c; padding: 6px; }"
)


log = logging.getLogger("doancoso.ui.main_window")


class MainWindow(QMainWindow):
    """Holds the pages, the menus and shortcuts, the undo history and the remembered state."""

    def __init__(self, core: Core, state: UiState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.core = core
        self._ws = core.ws
        self._state = state
        self.prompts = core.prompts
        self.data_changed = core.data_changed
        self.history = UndoHistory(core, self)
        self.history.on_error = self._undo_failed
        self.history.on_done = self._step_ended

        self.roster = RosterPage(core, self.history)
        self.roster.status_message.connect(self.show_message)
        self._built: dict[int, QWidget] = {ROSTER: self.roster}
        self.sidebar = QListWidget()
        self.sidebar.addItems(list(AREAS))
        self.sidebar.setStyleSheet(SIDEBAR_STYLE)
        # As wide as the longest area's name in the sidebar's own (larger) font: never clipped.
        self.sidebar.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        font = QFont(self.sidebar.font())
        font.setPointSizeF(11)
        widest = max(QFontMetrics(font).horizontalAdvance(area) for area in AREAS)
        self.sidebar.setMinimumWidth(widest + 2 * 8 + 16)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.roster)
        for _area in AREAS[1:]:
            self.stack.addWidget(QWidget())  # stands in until the page's first visit
        self.sidebar.currentRowChanged.connect(self._area_chosen)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([self.sidebar.minimumWidth(), 1200])
        self.read_only_banner: QLabel | None = None
        self.setCentralWidget(self._central())
        self._make_status_bar()
        self._make_menus()
        self._disable_writes()
        self.sidebar.setCurrentRow(ROSTER)
        self.update_title()
        self.data_changed.changed.connect(self._on_data_changed)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._application_state_changed)
        self.resize(1280, 720)
        self.has_saved_geometry = False
        self.restore_state()

    # Building -----------------------------------------------------------------------------

    def page(self, area: int) -> QWidget:
        """The page of ``area``, built on first use."""
        page = self._built.get(area)
        if page is None:
            page = self._build_page(area)
            page.status_message.connect(self.show_message)  # type: ignore[attr-defined]
            stand_in = self.stack.widget(area)
            self.stack.insertWidget(area, page)
            if stand_in is not None:
                self.stack.removeWidget(stand_in)
                stand_in.deleteLater()
            self._built[area] = page
            if area in LIST_STATE_KEYS:  # its column widths, as the user left them
                self._restore_widths(area)
        return page

    def _build_page(self, area: int) -> QWidget:
        core = self.core
        if area == YOUTH_AREA:
            from ..youth.page import YouthPage

            return YouthPage(core, self.history)
        if area == BRANCHES_AREA:
            from ..branches.page import BranchesPage

            return BranchesPage(core, self.history)
        if area == PLANS_AREA:
            from ..plans.page import PlansPage

            return PlansPage(core, self.history)
        if area == CALENDAR_AREA:
            from ..calendar.page import CalendarPage

            calendar = CalendarPage(core, self.history)
            calendar.open_plan.connect(self.open_plan)
            return calendar
        if area == RATING_AREA:
            from ..rating.page import RatingPage

            return RatingPage(core, self.history)
        if area == RECOGNITION_AREA:
            from ..recognition.page import RecognitionPage

            recognition = RecognitionPage(core, self.history)
            # Ctrl+N adds to the register's section shown: named again when another is shown.
            recognition.tabs.currentChanged.connect(lambda _i: self._name_file_actions())
            recognition.register.currentChanged.connect(lambda _i: self._name_file_actions())
            return recognition
        if area == DOSSIER_AREA:
            from ..dossier.page import DossierPage

            dossier = DossierPage(core)
            # Its Ctrl+P is the window's (the "Tệp" menu's "In hồ sơ…"): one key, one action.
            dossier.print_action.setShortcut(QKeySequence())
            # Each jump opens the dossier's year and leaves the keyboard in the page it opens.
            dossier.open_area.connect(self.open_area)
            dossier.open_checklist_item.connect(self.open_checklist_item)
            dossier.open_register_record.connect(self.open_register_record)
            dossier.open_register_table.connect(self.open_register_table)
            dossier.open_plan.connect(self.open_plan)
            return dossier
        if area == STATISTICS:
            from ..statistics.page import StatisticsPage

            return StatisticsPage(core)
        if area == SETTINGS:
            from ..settings.page import SettingsPage

            return SettingsPage(core)
        raise ValueError(f"no page for area {area}")

    def _area_chosen(self, area: int) -> None:
        self.stack.setCurrentWidget(self.page(area))
        self._name_file_actions()

    def _name_file_actions(self, *, now: bool = False) -> None:
        """Ctrl+N, Ctrl+I, Ctrl+E and Ctrl+P: named after the shown page's own add, import,
        export and print, disabled on a page without (see :mod:`.page_keys`); add and import
        disabled too on data that can only be read."""
        area = self.stack.currentIndex()
        if area < 0:
            return
        writable = self._ws.read_only is None
        for action, command_of, unnamed, allowed in (
            (self.new_action, new_command, NO_NEW, writable),
            (self.import_action, import_command, NO_IMPORT, writable),
            (self.export_action, export_command, NO_EXPORT, True),
            (self.print_action, print_command, NO_PRINT, True),
        ):
            command = command_of(self, area)
            action.setText(command.text if command else unnamed)
            action.setEnabled(allowed and command is not None and (command.ready() or not now))

    @property
    def youth(self) -> YouthPage:
        return self.page(YOUTH_AREA)  # type: ignore[return-value]

    @property
    def branches(self) -> BranchesPage:
        return self.page(BRANCHES_AREA)  # type: ignore[return-value]

    @property
    def calendar(self) -> CalendarPage:
        return self.page(CALENDAR_AREA)  # type: ignore[return-value]

    @property
    def plans(self) -> PlansPage:
        return self.page(PLANS_AREA)  # type: ignore[return-value]

    @property
    def rating(self) -> RatingPage:
        return self.page(RATING_AREA)  # type: ignore[return-value]

    @property
    def recognition(self) -> RecognitionPage:
        return self.page(RECOGNITION_AREA)  # type: ignore[return-value]

    @property
    def dossier(self) -> DossierPage:
        return self.page(DOSSIER_AREA)  # type: ignore[return-value]

    @property
    def statistics(self) -> StatisticsPage:
        return self.page(STATISTICS)  # type: ignore[return-value]

    @property
    def settings(self) -> SettingsPage:
        return self.page(SETTINGS)  # type: ignore[return-value]

    def load_rest(self) -> None:
        """What the first screen did not need: SQLAlchemy, the services and the other pages'
        code. Called once the window is shown, so no later click waits for it."""
        self._ws.load_everything()
        from ..branches import page as _branches  # noqa: F401
        from ..calendar import page as _calendar  # noqa: F401
        from ..dossier import page as _dossier  # noqa: F401
        from ..lifecycle import event_dialog  # noqa: F401
        from ..plans import page as _plans  # noqa: F401
        from ..rating import page as _rating  # noqa: F401
        from ..recognition import page as _recognition  # noqa: F401
        from ..roster import import_wizard, member_form  # noqa: F401
        from ..settings import page as _settings  # noqa: F401
        from ..statistics import page as _statistics  # noqa: F401
        from ..youth import page as _youth  # noqa: F401

        self.roster.load_rates()
        self.remind_ended_stays()
        self.show_calendar_summary()

    def remind_ended_stays(self) -> None:
        """Say in the status bar how many stays of temporary activity have ended (they do not
        end by themselves), and where to end them (counted on the worker)."""

        def counted(ended: int) -> None:
            if ended:
                self.show_message(
                    f"Có {vn_number(ended)} đoàn viên đã hết thời hạn sinh hoạt tạm: xem ở Đoàn "
                    "viên → Sinh hoạt tạm…"
                )

        op = QueryOp(self, lambda ws: len(ws.events.temporary_stays(ended_only=True)), self.core,
                     progress=False)  # fmt: skip
        op.success(counted).run()

    def show_calendar_summary(self) -> None:
        """What is coming in the next 7 days and overdue for results, in the status bar (counted
        on the worker; a click opens the calendar)."""
        from ..calendar.reminders import CalendarSummary

        self.calendar_summary = CalendarSummary(self.core, self)
        self.calendar_summary.open_calendar.connect(lambda: self.show_area(CALENDAR_AREA))
        self.statusBar().insertPermanentWidget(0, self.calendar_summary)
        self.calendar_summary.refresh()

    def _central(self) -> QWidget:
        """The pages, under a banner when the data can only be read."""
        read_only = self._ws.read_only
        if read_only is None:
            return self.splitter
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        self.read_only_banner = QLabel(read_only.message)
        self.read_only_banner.setWordWrap(True)
        self.read_only_banner.setStyleSheet(READ_ONLY_STYLE)
        layout.addWidget(self.read_only_banner)
        layout.addWidget(self.splitter, 1)
        return central

    def _disable_writes(self) -> None:
        """On data that can only be read, the actions that can do nothing but write."""
        if self._ws.read_only is None:
            return
        tip = READ_ONLY_TIP
        for action in (self.new_action, self.new_member_action, self.new_youth_action,
                       self.roster.io.import_action, self.import_action,
                       self.coming_of_age_action, self.temporary_action,
                       self.import_bundle_action):  # fmt: skip
            action.setEnabled(False)
            action.setToolTip(tip)
        self.roster.add_button.setEnabled(False)
        self.roster.add_button.setToolTip(tip)

    def _make_status_bar(self) -> None:
        # Own actions rather than createUndoAction: with a prefix its text reads "Hoàn tác Xóa …"
        # (no colon), and "Hoàn tác:" with nothing to undo. The menu's items name the command,
        # "Hoàn tác: Xóa đoàn viên …" (see _undo_text_changed); the status bar's button keeps
        # the short "Hoàn tác" (the window must fit a small screen) and names it in its tooltip.
        self.undo_action = QAction("Hoàn tác", self)
        self.undo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        # Added to the window (see _make_menus), its default context (WindowShortcut) makes
        # Ctrl+Z work wherever the focus is in the window, but only while the window is active:
        # Qt matches no shortcut of any context without an active window. The prompts give the
        # window its activation back after a question (ui/shell/prompts.py).
        self.undo_action.setEnabled(False)
        self.undo_action.triggered.connect(self._undo)
        self.undo_button = QToolButton()
        self.undo_button.setText("Hoàn tác")
        self.undo_button.setToolTip("Hoàn tác")
        self.undo_button.setEnabled(False)
        self.undo_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.undo_button.clicked.connect(self.undo_action.trigger)
        self.undo_action.enabledChanged.connect(self.undo_button.setEnabled)
        self.history.canUndoChanged.connect(self.undo_action.setEnabled)
        self.history.undoTextChanged.connect(self._undo_text_changed)
        self.statusBar().addPermanentWidget(self.undo_button)
        self._refused = False
        self._undoing = True  # the last of "Hoàn tác" / "Làm lại" asked for (its failure's words)

    def _make_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&Tệp")
        # Add, import, export and print act on the page shown (see .page_keys); the roster's
        # own actions, behind its buttons, are in no menu: their keys are the window's.
        self.new_action = QAction(NO_NEW, self)
        self.new_action.setShortcut(QKeySequence(QKeySequence.StandardKey.New))
        self.new_action.triggered.connect(lambda: self._run_page_command(new_command))
        self.import_action = QAction(self)
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_action.triggered.connect(lambda: self._run_page_command(import_command))
        self.export_action = QAction(self)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.triggered.connect(lambda: self._run_page_command(export_command))
        self.print_action = QAction(self)
        self.print_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
        self.print_action.triggered.connect(lambda: self._run_page_command(print_command))
        file_menu.addAction(self.new_action)
        file_menu.addSeparator()
        file_menu.addActions([self.import_action, self.export_action, self.print_action])
        # Disabled while the menu shows when the page cannot act now (no plan yet, no dossier
        # built); enabled again after, the key then asking the page at the time it is pressed.
        file_menu.aboutToShow.connect(lambda: self._name_file_actions(now=True))
        file_menu.aboutToHide.connect(self._name_file_actions)
        file_menu.addSeparator()
        self.backups_action = QAction("Sao lưu và khôi phục…", self)
        self.backups_action.triggered.connect(lambda: dialogs.show_backups(self.core, self))
        file_menu.addAction(self.backups_action)
        # Bundles on a USB stick (#17) ---------------------------------------------------
        self.export_bundle_action = QAction("Xuất dữ liệu ra USB…", self)
        self.export_bundle_action.triggered.connect(lambda: dialogs.export_bundle(self.core, self))
        self.import_bundle_action = QAction("Nhận dữ liệu từ USB…", self)
        self.import_bundle_action.triggered.connect(lambda: dialogs.import_bundle(self.core, self))
        file_menu.addAction(self.export_bundle_action)
        file_menu.addAction(self.import_bundle_action)
        file_menu.addSeparator()
        quit_action = QAction("Thoát", self)
        quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        edit_menu = self.menuBar().addMenu("&Sửa")
        edit_menu.addAction(self.undo_action)
        self.redo_action = QAction("Làm lại", self)
        self.redo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Redo))
        self.redo_action.setEnabled(False)
        self.redo_action.triggered.connect(self._redo)
        self.history.canRedoChanged.connect(self.redo_action.setEnabled)
        self.history.redoTextChanged.connect(self._redo_text_changed)
        edit_menu.addAction(self.redo_action)

        view_menu = self.menuBar().addMenu("&Xem")
        self.area_actions: list[QAction] = []
        for area, name in enumerate(AREAS):  # Ctrl+1 … Ctrl+9, Ctrl+0: as the sidebar reads
            action = QAction(name, self)
            key = QKeySequence(f"Ctrl+{(area + 1) % 10}")
            action.setShortcut(key)
            action.triggered.connect(lambda _=False, area=area: self.go_to_area(area))
            view_menu.addAction(action)
            self.addAction(action)  # window-wide, like the menus' other shortcuts
            self.area_actions.append(action)
            self.sidebar.item(area).setToolTip(
                f"{name} ({key.toString(QKeySequence.SequenceFormat.NativeText)})"
            )

        members_menu = self.menuBar().addMenu("Đoàn &viên")
        # Ctrl+N is the "Tệp" menu's "Thêm…", which on the roster and the youth register runs
        # these two; the "Đoàn viên" menu's item adds a member from any page.
        self.new_member_action = QAction("Thêm đoàn viên…", self)
        self.new_member_action.triggered.connect(self.new_member)
        self.new_youth_action = QAction("Thêm thanh niên…", self)
        self.new_youth_action.triggered.connect(self.new_youth)
        self.find_action = QAction("Tìm kiếm", self)
        self.find_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
        self.find_action.triggered.connect(self.start_search)
        window_wide = (self.new_action, self.find_action, self.undo_action, self.redo_action)
        for action in window_wide:
            self.addAction(action)
        members_menu.addAction(self.new_member_action)
        members_menu.addAction(self.roster.edit_action)
        members_menu.addAction(self.roster.delete_action)
        members_menu.addAction(self.roster.move_action)
        members_menu.addSeparator()
        members_menu.addAction(self.roster.event_action)
        self.coming_of_age_action = QAction("Trưởng thành Đoàn…", self)
        self.coming_of_age_action.triggered.connect(lambda: dialogs.coming_of_age(self))
        members_menu.addAction(self.coming_of_age_action)
        self.temporary_action = QAction("Sinh hoạt tạm…", self)
        self.temporary_action.triggered.connect(lambda: dialogs.temporary_stays(self))
        members_menu.addAction(self.temporary_action)
        self.party_action = QAction("Đoàn viên ưu tú giới thiệu cho Đảng…", self)
        self.party_action.triggered.connect(lambda: dialogs.party_introductions(self))
        members_menu.addAction(self.party_action)
        members_menu.addSeparator()
        members_menu.addAction(self.find_action)
        # The items acting on the roster's chosen members: disabled while the menu shows when
        # none (or, to edit, not exactly one) is chosen; Enter and Delete on the table guard.
        members_menu.aboutToShow.connect(lambda: self._enable_member_items(shown=True))
        members_menu.aboutToHide.connect(lambda: self._enable_member_items(shown=False))

        help_menu = self.menuBar().addMenu("Trợ &giúp")
        self.about_action = QAction("Giới thiệu…", self)
        self.about_action.triggered.connect(lambda: dialogs.about(self))
        help_menu.addAction(self.about_action)

    # Behaviour ----------------------------------------------------------------------------

    def update_title(self) -> None:
        info = self._ws.organization.get()
        self.setWindowTitle(f"{TITLE} — {info.name}" if info else TITLE)

    def show_area(self, area: int) -> None:
        self.sidebar.setCurrentRow(area)

    def go_to_area(self, area: int) -> None:
        """Ctrl+1 … Ctrl+0: the page of ``area`` shown and the keyboard in it, where its work
        is: the widget the page names as its focus proxy (the calendar's month grid, a list's
        table), else its first field. Left in the sidebar, the grid's keys did nothing and ↓
        switched page. (A click in the sidebar leaves the keyboard there.)"""
        self.show_area(area)
        target = main_widget(self.page(area))
        if target is not None:
            target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def open_area(self, name: str, year: int) -> None:
        """A line of the dossier's check followed to the area ``name`` (the side bar's): its
        page on ``year`` where it shows one (the rating's round; the self-assessment, on its
        tab; the calendar on the same month of ``year``), the keyboard in it as its key puts
        it (:meth:`go_to_area`). Left on the year it showed, the secretary mended the dossier
        of another year."""
        area = AREAS.index(name)
        self.show_area(area)
        if area == RATING_AREA:
            self.rating.show_year(year)
        elif area == RECOGNITION_AREA:
            self.recognition.open_checklist(year)
        elif area == CALENDAR_AREA:
            shown = self.calendar.month_model
            if shown.year != year:
                self.calendar.show_date(dt.date(year, shown.month, 1))
        self.go_to_area(area)

    def open_plan(self, year: int, target_id: str = "") -> None:
        """The "Kế hoạch" page on the plan of ``year`` and the keyboard in it: on its target
        ``target_id`` in the targets' table (their tab shown), else on the page's first field."""
        self.show_area(PLANS_AREA)
        plans = self.plans
        plans.open_year(year)
        target: QWidget | None = None
        if target_id and plans.year == year:  # not when the user stayed on another year
            plans.select_target(target_id)
            plans.tabs.setCurrentIndex(0)  # "Chỉ tiêu"
            if plans.table.isVisibleTo(plans):  # not when the year has no plan
                target = plans.table
        target = target or main_widget(plans)
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def open_checklist_item(self, year: int, code: str) -> None:
        """The "3 chủ động" page on item ``code`` of ``year``."""
        self.show_area(RECOGNITION_AREA)
        self.recognition.open_item(year, code)

    def open_register_record(self, year: int, record_id: str) -> None:
        """The "3 chủ động" page on the register of ``year``, its record ``record_id`` chosen
        with the keyboard on it (:meth:`~..recognition.register.RegisterTab.show_record`)."""
        self.show_area(RECOGNITION_AREA)
        self.recognition.open_record(year, record_id)

    def open_register_table(self, year: int, table: str) -> None:
        """The "3 chủ động" page on the register of ``year``, on its records of ``table``
        (advice, coordination) with the keyboard on their "Thêm…": the year has none."""
        self.show_area(RECOGNITION_AREA)
        self.recognition.open_register(year, table)

    def new_member(self) -> None:
        self.show_area(ROSTER)
        self.roster.add_member()

    def new_youth(self) -> None:
        """Ctrl+N on the youth register: a young person added to it (not a member)."""
        self.show_area(YOUTH_AREA)
        self.youth.add_youth()

    def start_search(self) -> None:
        """Ctrl+F: the search box of the page shown, where it has one (the youth register, the
        calendar), its text selected to type over; the roster's from any other page."""
        search = getattr(self.stack.currentWidget(), "search", None)
        if isinstance(search, QLineEdit) and search.isVisible():
            search.setFocus()
            search.selectAll()
            return
        self.show_area(ROSTER)
        self.roster.focus_search()

    def _enable_member_items(self, *, shown: bool) -> None:
        chosen = self.roster.selected_count() if shown else 1
        for action, needed in ((self.roster.edit_action, chosen == 1),
                               (self.roster.delete_action, chosen > 0),
                               (self.roster.move_action, chosen > 0),
                               (self.roster.event_action, chosen == 1)):  # fmt: skip
            action.setEnabled(needed)

    def _run_page_command(
        self, command_of: Callable[[MainWindow, int], PageCommand | None]
    ) -> None:
        """Ctrl+N, Ctrl+I, Ctrl+E or Ctrl+P: the shown page's own add, import, export or print,
        if it can act now."""
        command = command_of(self, self.stack.currentIndex())
        if command is not None and command.ready():
            command.run()

    def show_message(self, text: str) -> None:
        """``text`` in the status bar for 15 seconds: the pages' ``status_message`` and what the
        menus' dialogs (see :mod:`.dialogs`) have to say once closed."""
        self.statusBar().showMessage(text, MESSAGE_MS)

    def _on_data_changed(self, changes: Changes) -> None:
        if changes.touches("organizations"):
            self.update_title()

    def _application_state_changed(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationActive:
            self.core.check_external()

    def _undo_text_changed(self, text: str) -> None:
        named = f"Hoàn tác: {text}" if text else "Hoàn tác"
        self.undo_action.setText(named)
        self.undo_action.setToolTip(named)
        self.undo_button.setToolTip(named)

    def _redo_text_changed(self, text: str) -> None:
        named = f"Làm lại: {text}" if text else "Làm lại"
        self.redo_action.setText(named)
        self.redo_action.setToolTip(named)

    def _undo(self) -> None:
        self._step(undoing=True)

    def _redo(self) -> None:
        self._step(undoing=False)

    def _step(self, *, undoing: bool) -> None:
        """Undo or redo the command on top, and say which ("Đã hoàn tác: Xóa đoàn viên ….")
        once it is done: a command writing on the worker says it when its write ended
        (:meth:`_step_ended`; meanwhile "Đang hoàn tác: ……"); any other at once, unless it was
        refused at once (:meth:`_undo_failed` said so)."""
        if not (self.history.canUndo() if undoing else self.history.canRedo()):
            return  # nothing to do (a disabled action's shortcut does not even reach here)
        label = self.history.undoText() if undoing else self.history.redoText()
        reporting = self.history.reports_next(undoing)
        self._refused = False
        self._undoing = undoing
        if reporting:
            doing = "Đang hoàn tác" if undoing else "Đang làm lại"
            self.show_message(f"{doing}: {label}…" if label else f"{doing}…")
        if undoing:
            self.history.undo()
        else:
            self.history.redo()
        if not reporting and not self._refused:
            self._step_ended(undoing, label, True)

    def _step_ended(self, undoing: bool, label: str, written: bool) -> None:
        """An undo (redo) ended: "Đã hoàn tác: …." when written; when not, "Không hoàn tác
        được: …." (a refusal's message box, :meth:`_undo_failed`, then says why)."""
        if written:
            done = "Đã hoàn tác" if undoing else "Đã làm lại"
        else:
            done = "Không hoàn tác được" if undoing else "Không làm lại được"
        self.show_message(f"{done}: {label}." if label else f"{done}.")

    def _undo_failed(self, message: str) -> None:
        self._refused = True
        title = "Không hoàn tác được" if self._undoing else "Không làm lại được"
        self.show_message(f"{title}.")
        self.prompts.error(self, title, message)

    # State --------------------------------------------------------------------------------

    def restore_state(self) -> None:
        geometry = self._state.geometry("main/geometry")
        self.has_saved_geometry = geometry is not None
        if geometry is not None:
            self.restoreGeometry(geometry)
        splitter = self._state.geometry("main/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        self._restore_widths(ROSTER)

    def _restore_widths(self, area: int) -> None:
        """The column widths of the list page of ``area`` (the roster, the youth register).
        Widths saved over other default widths are not restored: the defaults were changed for
        a reason (every column visible at 1366×768) that the old widths would undo."""
        page: ListPage = self._built[area]  # type: ignore[assignment]
        widths = self._state.widths(LIST_STATE_KEYS[area], page.default_widths())
        if widths:
            page.set_column_widths(widths)

    def save_state(self) -> None:
        self._state.set_geometry("main/geometry", self.saveGeometry())
        self._state.set_geometry("main/splitter", self.splitter.saveState())
        for area, key in LIST_STATE_KEYS.items():
            page = self._built.get(area)
            if isinstance(page, ListPage):  # a page never opened keeps what was saved
                self._state.set_widths(key, page.column_widths(), page.default_widths())
        self._state.sync()

    def unsaved_edits(self) -> list[tuple[int, str]]:
        """(area, what) for each page holding typed text not saved yet (a page says so through
        ``unsaved_edits() -> str | None`` and saves it with ``save_edits()``)."""
        found = []
        for area, page in sorted(self._built.items()):
            what = getattr(page, "unsaved_edits", lambda: None)()
            if what:
                found.append((area, what))
        return found

    def _settle_unsaved(self) -> bool:
        """Before closing: offer to save what was typed and not saved. False: stay open."""
        pending = self.unsaved_edits()
        if not pending:
            return True
        listing = "\n".join(f"• {AREAS[area]}: {what}" for area, what in pending)
        answer = self.core.prompts.ask(
            self, "Chưa lưu",
            f"Có nội dung đã nhập nhưng chưa lưu:\n{listing}\n\nLưu lại trước khi đóng?",
            ("Lưu và đóng", "Đóng, không lưu", "Ở lại"),
        )  # fmt: skip
        if answer == 1:
            return True
        if answer == 2:
            self.show_area(pending[0][0])
            return False
        for area, _ in pending:
            self._built[area].save_edits()  # type: ignore[attr-defined]
        self.core.runner.wait()
        QCoreApplication.sendPostedEvents()  # the saves' results, delivered by queued signals
        left = self.unsaved_edits()
        if left:  # refused (a field in error, shown on the page): the secretary stays to fix it
            self.show_area(left[0][0])
            return False
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._settle_unsaved():
            event.ignore()
            return
        if self._ws.read_only is None:  # the window's state lives in the data folder
            self.save_state()
        dossier = self._built.get(DOSSIER_AREA)
        if dossier is not None:  # the preview's file let go, its temporary folder removed
            dossier.close_pdf()  # type: ignore[attr-defined]
        # A write still on the worker commits (or rolls back) before the workspace closes.
        self.core.runner.wait()
        if self.core.wrote:  # a backup of the day's work when the app closes after a change
            try:
                self.core.ws.backups.take("khi-dong")
            except AppError as exc:  # the data themselves are saved: only the copy failed
                log.warning("backup at closing failed: %s (%s)", exc.message, exc.details)
                text = f"{exc.message}\n\n{CLOSING_BACKUP_FAILED}"
                self.prompts.error(self, "Chưa sao lưu được", text)
        event.accept()


def main_widget(page: QWidget) -> QWidget | None:
    """Where the keyboard goes on ``page`` when it is chosen by its key: the widget the page
    names as its focus proxy (when shown: not the calendar's grid behind its list tab), else
    its first widget taking Tab in the focus chain."""
    proxy = page.focusProxy()
    if proxy is not None and proxy.isVisibleTo(page):
        return proxy
    widget = page.nextInFocusChain()
    while widget is not None and widget is not page and page.isAncestorOf(widget):
        if (
            widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and widget.isVisibleTo(page)
            and widget.isEnabled()
        ):
            return widget
        widget = widget.nextInFocusChain()
    return None
