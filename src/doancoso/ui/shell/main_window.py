"""The main window: a side bar of areas (Đoàn viên, Thanh niên, Chi đoàn, …) and their pages.

Only the roster is built before the window shows; every other page is built, and its module
imported, on its first visit (see :meth:`MainWindow.page`), so the window opens quickly.

Each time the application becomes active again (the user comes back from another program, e.g.
a terminal where ``doancoso members add`` ran, or the file manager where evidence files were
moved), the window asks the core whether another process wrote to the data folder and which
evidence files were lost from it or came back (:mod:`.external`, throttled); if so, the changes
are announced and every view refreshes.

Data that can only be read (a write-protected USB stick, a read-only folder or file) open with a
banner above the pages saying so, for as long as the window is open; the actions that only write
(add, import, the decisions of a whole list) are disabled, and any other write is refused by the
core with the same message.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QPushButton,
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
from ..common.steps import is_enter
from ..roster.page import RosterPage
from .external import ExternalCheck
from .menus import FILE_LETTERS, make_menus, make_undo_button, with_letter
from .operations import CLOSING_BACKUP_FAILED, Core, QueryOp
from .page_keys import (
    NO_EXPORT,
    NO_IMPORT,
    NO_NEW,
    NO_PRINT,
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
CLOSING_BACKUP = (
    "Đang sao lưu dữ liệu trước khi đóng…\n\nCác thay đổi đã được lưu. Bấm “Bỏ qua” để đóng "
    "ngay, không sao lưu lần này."
)
"""The progress dialog of the backup when the app closes after a change."""
READ_ONLY_STYLE = (
    "QLabel { background: #fff3cd; color: #5c4400; border: 1px solid #e0c36c; padding: 6px; }"
)


log = logging.getLogger("doancoso.ui.main_window")


class MainWindow(QMainWindow):
    """Holds the pages, the menus and shortcuts, the undo history and the remembered state."""

    # The menus' actions and the undo button, built by .menus.
    undo_action: QAction
    undo_button: QToolButton
    redo_action: QAction
    new_action: QAction
    import_action: QAction
    export_action: QAction
    print_action: QAction
    backups_action: QAction
    export_bundle_action: QAction
    import_bundle_action: QAction
    quit_action: QAction
    area_actions: list[QAction]
    new_member_action: QAction
    new_youth_action: QAction
    find_action: QAction
    coming_of_age_action: QAction
    temporary_action: QAction
    party_action: QAction
    about_action: QAction

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
        self._refused = False
        self._closing_backup = False  # the backup at closing runs on the worker
        self._may_close = False  # it ended (written, skipped or failed): the window goes
        self._in_close_event = False
        self._undoing = True  # the last of "Hoàn tác" / "Làm lại" asked for (its failure's words)
        make_undo_button(self)
        make_menus(self)
        self._disable_writes()
        self.sidebar.setCurrentRow(ROSTER)
        self.update_title()
        self.data_changed.changed.connect(self._on_data_changed)
        self.external = ExternalCheck(self.core, self)
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
            recognition.tabs.currentChanged.connect(lambda _i: self.name_file_actions())
            recognition.register.currentChanged.connect(lambda _i: self.name_file_actions())
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
            dossier.open_backups.connect(self.take_back_evidence)
            dossier.pending_edits = lambda: [f"{AREAS[a]}: {w}" for a, w in self.unsaved_edits()]
            dossier.save_pending_edits = self.save_unsaved
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
        self.name_file_actions()

    def name_file_actions(self, *, now: bool = False) -> None:
        """Ctrl+N, Ctrl+I, Ctrl+E and Ctrl+P: named after the shown page's own add, import,
        export and print, disabled on a page without (see :mod:`.page_keys`); add and import
        disabled too on data that can only be read."""
        area = self.stack.currentIndex()
        if area < 0:
            return
        writable = self._ws.read_only is None
        for action, command_of, unnamed, allowed, letter in (
            (self.new_action, new_command, NO_NEW, writable, FILE_LETTERS[0]),
            (self.import_action, import_command, NO_IMPORT, writable, FILE_LETTERS[1]),
            (self.export_action, export_command, NO_EXPORT, True, FILE_LETTERS[2]),
            (self.print_action, print_command, NO_PRINT, True, FILE_LETTERS[3]),
        ):
            command = command_of(self, area)
            action.setText(with_letter(command.text if command else unnamed, letter))
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
        tab; the calendar on the same month of ``year``; the statistics of ``year``, counted
        on its 31/12), the keyboard in it as its key puts
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
        elif area == STATISTICS:
            self.statistics.show_year(year)
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

    def take_back_evidence(self) -> None:
        """The backups dialog with the keyboard on "Lấy lại tệp minh chứng bị mất từ USB…": the
        dossier's check found evidence files lost from the store."""
        from . import dialogs

        dialogs.take_back_evidence(self.core, self)

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

    def show_message(self, text: str) -> None:
        """``text`` in the status bar for 15 seconds: the pages' ``status_message`` and what the
        menus' dialogs (see :mod:`.dialogs`) have to say once closed."""
        self.statusBar().showMessage(text, MESSAGE_MS)

    def _on_data_changed(self, changes: Changes) -> None:
        if changes.touches("organizations"):
            self.update_title()

    def _application_state_changed(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationActive:
            self.external.request()

    def undo_step(self) -> None:
        """Ctrl+Z, the \"Sửa\" menu's first item and the status bar's button."""
        self._step(undoing=True)

    def redo_step(self) -> None:
        """Ctrl+Y and the \"Sửa\" menu's second item."""
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

    def save_unsaved(self) -> None:
        """Save what each page holds typed and not saved (on the worker, in order)."""
        for area, _ in self.unsaved_edits():
            self._built[area].save_edits()  # type: ignore[attr-defined]

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
        self.save_unsaved()
        self.core.runner.wait()
        QCoreApplication.sendPostedEvents()  # the saves' results, delivered by queued signals
        left = self.unsaved_edits()
        if left:  # refused (a field in error, shown on the page): the secretary stays to fix it
            self.show_area(left[0][0])
            return False
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        """Enter on a page's button presses it, as Space does: Qt's buttons answer Enter by
        themselves only in a dialog, and pass it up to here unanswered (a button that answers
        it, or a field or list that takes it, keeps it)."""
        button = QApplication.focusWidget()
        if is_enter(event) and isinstance(button, QPushButton) and self.isAncestorOf(button):
            if button.isEnabled():
                button.click()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._closing_backup:  # the backup before closing runs: the window goes at its end
            event.ignore()
            return
        if not self._may_close:
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
                self._in_close_event = True
                try:
                    self._back_up_before_closing()
                finally:
                    self._in_close_event = False
                if not self._may_close:  # on the worker: the window closes when it ends
                    event.ignore()
                    return
        event.accept()

    def _back_up_before_closing(self) -> None:
        """The backup at closing, on the worker, its progress shown at once: it takes seconds
        on a large roster (6 s for 100,000 members here, more on an old PC), and a window that
        froze while it closed looked hung. "Bỏ qua" closes without it (the data themselves are
        saved); a failure is said; either way the window then closes."""

        def ended(_result: object = None) -> None:
            self._closing_backup = False
            self._may_close = True
            if not self._in_close_event:  # a synchronous runner ended it inside closeEvent
                self.close()

        def failed(exc: BaseException) -> None:
            if isinstance(exc, AppError):  # the data themselves are saved: only the copy failed
                log.warning("backup at closing failed: %s (%s)", exc.message, exc.details)
                text = f"{exc.message}\n\n{CLOSING_BACKUP_FAILED}"
                self.prompts.error(self, "Chưa sao lưu được", text)
            else:  # a bug: logged by the runner, "Lỗi không mong đợi" and where the log is
                self.core.runner.show_error(exc, parent=self)
            ended()

        self._closing_backup = True
        QueryOp(
            self, lambda ws, report: ws.backups.take("khi-dong", report=report), self.core,
            label=CLOSING_BACKUP, reporting=True, cancel_text="Bỏ qua", at_once=True,
        ).success(ended).failure(failed).cancelled(ended).run()  # fmt: skip


KEYBOARD_HOME = "keyboard_home"
"""The attribute a page names its main widget by (its list, its grid): where its key puts the
keyboard. Not the page's focus proxy: Qt's Tab from the sidebar goes to a page's proxy at once,
past every field and button before it (the roster's search box, filters and buttons were out of
Tab's reach)."""


def main_widget(page: QWidget) -> QWidget | None:
    """Where the keyboard goes on ``page`` when it is chosen by its key: the widget the page
    names as its :data:`KEYBOARD_HOME` (when shown: not the calendar's grid behind its list
    tab), else its first widget taking Tab in the focus chain."""
    home = getattr(page, KEYBOARD_HOME, None)
    if isinstance(home, QWidget) and home.isVisibleTo(page):
        return home
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
