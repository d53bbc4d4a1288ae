"""The statistics ("Thống kê"): headline figures and bar charts of the roster, PDF/Excel export.

The counts come from ``ws.statistics.roster()`` (cached in the core until the roster changes),
computed on the worker (a :class:`~doancoso.ui.shell.operations.QueryOp`) so a 100,000-member
count never freezes the window; the exports too. "Số liệu đến ngày" (today at first) is the day
counted, shown and exported: a past day (the end of a quarter) is typed or picked on the
calendar, and counted once a whole date is typed, at Enter, or when the field is left; a
day that is no date, or one not yet come, is said so beside the field and changes nothing.
"Kỳ" counts the movements of the year up to that day, or of a quarter alone (the quarterly
report): choosing one counts up to its last day (today while it runs); a day typed then counts
its own quarter.
The page refreshes lazily: a change of what it
counts (members, chi đoàn, events, the youth register, the organisation's coming-of-age age)
refreshes it at once when it is visible, otherwise the next time it is shown.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QScrollBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...core.activities.rules import PARTICIPATION_TABLES
from ...core.changes import Changes
from ...core.lang.dates import DateFormatError, format_vn_date, parse_vn_date
from ...core.lang.text import slug, vn_number
from ...core.rating.service import RATING_TABLES
from ...core.statistics.export import (
    BY_BRANCH,
    BY_BRANCH_TIP,
    MONTHS_OF_YEAR,
    ActivityFigures,
    activity_figures,
    breakdowns,
    figure_tip,
    summary_figures,
    write_statistics_xlsx,
)
from ...core.statistics.periods import (
    QUARTER_NAMES,
    quarter_end,
    quarter_name,
    quarter_of,
    quarter_start,
)
from ...core.statistics.service import RosterStats
from ...core.workspace import Workspace
from ..common.date_popup import attach_date_popup
from ..common.document_dialog import DocumentKind, ask_document_details, remember_document
from ..common.folders import documents_folder, open_file, open_or_say
from ..shell.operations import Core, QueryOp
from .bar_chart import BarChart
from .participation import PARTICIPATION_COLUMNS, ParticipationModel
from .rating import RatingStatsModel

FILE_STEM = "thong-ke-doan-vien"
"""The start of the names the exports offer; :func:`offered_name` adds the period."""
HEADING = "Thống kê tình hình đoàn viên"
REPORT = DocumentKind("BC", "Xuất báo cáo thống kê (PDF)")
DAY_LABEL = "Số liệu đến &ngày:"
DAY_TIP = (
    "Ngày lấy số liệu (dd/mm/yyyy), ví dụ ngày cuối quý để báo cáo quý, ngày 30/06 (kỳ “Từ "
    "đầu năm”) để báo cáo 6 tháng đầu năm; để trống là hôm nay. Alt+↓ hoặc F4 mở lịch."
)
NOT_YET = "Ngày {day} chưa đến: chỉ thống kê được số liệu đến hôm nay ({today})."
PERIOD_LABEL = "&Kỳ:"
YEAR_TO_DAY = "Từ đầu năm"
PERIODS = (YEAR_TO_DAY, *(quarter_name(q) for q in range(1, 5)))
"""The periods "Kỳ" offers: the year up to the day counted, or a quarter of its year alone."""
PERIOD_TIP = (
    "Kỳ của số liệu tăng, giảm đoàn viên (kết nạp, chuyển đến, chuyển đi…): từ đầu năm, hoặc "
    "một quý (báo cáo quý) đến ngày cuối quý."
)
NOT_BEGUN = "{quarter} năm {year} chưa bắt đầu: chỉ thống kê được số liệu đến hôm nay ({today})."
QUARTER_WORDS = re.compile(r"\bquý (I{1,3}|IV)\b")
WHOLE_DATE = re.compile(r"\s*\d{1,2}/\d{1,2}/\d{4}\s*")
Counted = tuple[RosterStats, ActivityFigures]
COUNTED = (
    "members", "branches", "member_events", "youths", "organizations", *PARTICIPATION_TABLES,
    *RATING_TABLES,
)  # fmt: skip
"""The tables the figures count (the organisation holds the coming-of-age age and the setting
of leave in participation)."""
SUMMARY_COLUMNS = 6
CHART_COLUMNS = 2
CARD_STYLE = (
    "QFrame#card { border: 1px solid palette(mid); border-radius: 4px; background: palette(base); }"
)


def offered_name(day: date, quarter: int | None, suffix: str) -> str:
    """The name the figures counted on ``day`` (the movements of ``quarter``, or of the year) are
    offered under, their period in it so that the next period's file does not overwrite this
    one: "thong-ke-doan-vien-quy-II-2026.pdf", "…-quy-IV-2026-den-07-12-2026" while the quarter
    runs, "…-6-thang-dau-nam-2026", "…-9-thang-dau-nam-2026", "…-nam-2026" (on 31/12),
    "…-den-15-08-2026" (any other day). ASCII, as the app's other offered names."""
    up_to = f"den-{day:%d-%m-%Y}"
    if quarter is not None:
        period = f"quy-{QUARTER_NAMES[quarter - 1]}-{day.year}"
        if day != quarter_end(day.year, quarter):
            period = f"{period}-{up_to}"
    elif (day.month, day.day) == (12, 31):
        period = f"nam-{day.year}"
    elif months := MONTHS_OF_YEAR.get((day.month, day.day)):
        period = f"{slug(months)}-nam-{day.year}"
    else:
        period = up_to
    return f"{FILE_STEM}-{period}{suffix}"


class _Card(QFrame):
    """One headline figure: the number in large type over its caption."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 8)
        layout.setSpacing(2)
        self.value = QLabel("–")
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.7)
        font.setBold(True)
        self.value.setFont(font)
        self.caption = QLabel(caption)
        self.caption.setWordWrap(True)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.value)
        layout.addWidget(self.caption, 1)

    def set(self, caption: str, value: int, tip: str = "") -> None:
        # "quý III" kept on one line: wrapped as "quý" / "III năm 2026" at 1366×768
        self.caption.setText(QUARTER_WORDS.sub("quý\u00a0\\1", caption))
        self.value.setText(vn_number(value))
        self.setToolTip(tip)


class StatisticsPage(QWidget):
    """Figures and charts of :class:`~doancoso.core.statistics.service.RosterStats`, with export."""

    status_message = Signal(str)
    refreshed = Signal()
    """Emitted each time new figures are shown (tests wait for it)."""

    def __init__(
        self, core: Core, today: Callable[[], date | None] | None = None,
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self._core = core
        self.prompts = core.prompts
        self.today: Callable[[], date | None] = today or (lambda: None)
        self.stats: RosterStats | None = None
        self.day: date | None = None  # typed in "Số liệu đến ngày"; None: today
        self.last_folder: Path | None = None  # of the last file saved, where the next goes
        self.open_file: Callable[[Path], object] = open_file  # tests replace this
        self.now: Callable[[], date] = date.today  # the latest day counted; tests replace this
        self.by_quarter = False  # "Kỳ" on a quarter: the quarter of the day counted
        self._stale = True
        self._loading = False
        self._asked = False  # "Làm mới" pressed: the figures shown are said to be new
        self._build()
        core.data_changed.changed.connect(self._on_data_changed)

    # Building -----------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        heading = QLabel(HEADING)
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        heading.setFont(font)
        top.addWidget(heading)
        top.addSpacing(12)
        day_label = QLabel(DAY_LABEL)
        self.day_edit = QLineEdit(format_vn_date(self.today() or date.today()))
        self.day_edit.setPlaceholderText("dd/mm/yyyy")
        self.day_edit.setToolTip(DAY_TIP)
        self.day_edit.setMaxLength(10)
        self.day_edit.setFixedWidth(
            self.day_edit.fontMetrics().horizontalAdvance("00/00/00000") + 40
        )
        attach_date_popup(self.day_edit, past_only=True)
        day_label.setBuddy(self.day_edit)
        self.day_edit.textEdited.connect(self._day_edited)
        self.day_edit.editingFinished.connect(self.apply_day)
        self.day_error = QLabel()
        self.day_error.setStyleSheet("color: #c62828;")
        self.day_error.hide()
        top.addWidget(day_label)
        top.addWidget(self.day_edit)
        top.addSpacing(8)
        period_label = QLabel(PERIOD_LABEL)
        self.period_box = QComboBox()
        self.period_box.addItems(list(PERIODS))
        self.period_box.setToolTip(PERIOD_TIP)
        period_label.setBuddy(self.period_box)
        self.period_box.activated.connect(self.choose_period)
        top.addWidget(period_label)
        top.addWidget(self.period_box)
        top.addStretch(1)
        # Letters no menu (Alt+T, S, X, V, G) nor the page's fields (N, K) take.
        self.refresh_button = QPushButton("&Làm mới")
        self.refresh_button.setToolTip("Thống kê lại từ dữ liệu hiện có")
        self.pdf_button = QPushButton("Xuất &PDF…")
        self.xlsx_button = QPushButton("Xuất &Excel…")
        for button, slot in (
            (self.refresh_button, self.refresh_asked),
            (self.pdf_button, self.export_pdf),
            (self.xlsx_button, self.export_xlsx),
        ):
            button.clicked.connect(slot)
            top.addWidget(button)
        layout.addLayout(top)
        # Under the bar, the width of the page: in it, the window grew wider than 1366 pixels.
        self.day_error.setWordWrap(True)
        layout.addWidget(self.day_error)

        content = QWidget()
        content.setStyleSheet(CARD_STYLE)
        inner = QVBoxLayout(content)
        inner.setContentsMargins(0, 0, 8, 8)
        summary = QGridLayout()
        summary.setSpacing(8)
        self.cards: list[_Card] = []
        for index in range(len(summary_figures(_EMPTY))):
            card = _Card("")
            self.cards.append(card)
            summary.addWidget(card, index // SUMMARY_COLUMNS, index % SUMMARY_COLUMNS)
        for column in range(SUMMARY_COLUMNS):
            summary.setColumnStretch(column, 1)
        inner.addLayout(summary)

        grid = QGridLayout()
        grid.setSpacing(10)
        self.charts: dict[str, BarChart] = {}
        for index, part in enumerate(breakdowns(_EMPTY)):
            chart = BarChart(part.heading)
            frame = QFrame()
            frame.setObjectName("card")
            box = QVBoxLayout(frame)
            box.setContentsMargins(6, 4, 6, 6)
            box.addWidget(chart)
            if part.heading == BY_BRANCH:  # not the participation table's members of the year
                self.branch_note = QLabel(BY_BRANCH_TIP)
                self.branch_note.setWordWrap(True)
                self.branch_note.setStyleSheet("color: #616161;")
                box.addWidget(self.branch_note)
            box.addStretch(1)
            self.charts[part.heading] = chart
            grid.addWidget(frame, index // CHART_COLUMNS, index % CHART_COLUMNS)
        for column in range(CHART_COLUMNS):
            grid.setColumnStretch(column, 1)
        inner.addLayout(grid)
        inner.addWidget(self._participation_box())
        inner.addWidget(self._rating_box())
        inner.addStretch(1)

        self.scroll_area = QScrollArea()
        # No Tab stop: it shows no focus, and the page's keys scroll it (keyPressEvent).
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(content)
        layout.addWidget(self.scroll_area, 1)
        for view in (self.participation_view, self.rating_view):
            view.installEventFilter(self)  # keyed into, scrolled into sight (eventFilter)

    def _participation_box(self) -> QFrame:
        frame = QFrame()
        frame.setObjectName("card")
        box = QVBoxLayout(frame)
        box.setContentsMargins(6, 4, 6, 6)
        self.participation_title = QLabel()
        font = QFont(self.participation_title.font())
        font.setBold(True)
        self.participation_title.setFont(font)
        box.addWidget(self.participation_title)
        self.participation = ParticipationModel(self)
        self.participation_view = QTableView()
        self.participation_view.setModel(self.participation)
        self.participation_view.verticalHeader().hide()
        self.participation_view.setSelectionMode(QTableView.SelectionMode.NoSelection)
        self.participation_view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        header = self.participation_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, PARTICIPATION_COLUMNS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        _whole_rows(self.participation_view)
        box.addWidget(self.participation_view)
        self.participation_note = QLabel()  # the span counted: once read
        self.participation_note.setWordWrap(True)
        box.addWidget(self.participation_note)
        return frame

    def _rating_box(self) -> QFrame:
        frame = QFrame()
        frame.setObjectName("card")
        box = QVBoxLayout(frame)
        box.setContentsMargins(6, 4, 6, 6)
        self.rating_title = QLabel()
        font = QFont(self.rating_title.font())
        font.setBold(True)
        self.rating_title.setFont(font)
        box.addWidget(self.rating_title)
        self.rating = RatingStatsModel(self)
        self.rating_view = QTableView()
        self.rating_view.setModel(self.rating)
        self.rating_view.verticalHeader().hide()
        self.rating_view.setSelectionMode(QTableView.SelectionMode.NoSelection)
        self.rating_view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        header = self.rating_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, self.rating.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        _whole_rows(self.rating_view)
        box.addWidget(self.rating_view)
        return frame

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.FocusIn:
            for view in (self.participation_view, self.rating_view):
                if watched is view:
                    self._scroll_to(view.parentWidget() or view)
        return super().eventFilter(watched, event)

    def _scroll_to(self, card: QWidget) -> None:
        """``card`` (a table's frame, its title and rows) shown whole, or its top when it is
        taller than the view. Tab from the buttons into a table out of sight left it there:
        the scroll area follows the keyboard only between widgets inside it."""
        margin = 8
        self.scroll_area.ensureVisible(card.x(), card.y() + card.height(), 0, margin)
        self.scroll_area.ensureVisible(card.x(), card.y(), 0, margin)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        """Page Down/Up, Ctrl+End/Home: the figures scrolled from wherever the keyboard is on
        the page (the day field and the buttons leave these keys to it)."""
        bar = self.scroll_area.verticalScrollBar()
        key, control = event.key(), event.modifiers() == Qt.KeyboardModifier.ControlModifier
        if key == Qt.Key.Key_PageDown and not control:
            bar.triggerAction(QScrollBar.SliderAction.SliderPageStepAdd)
        elif key == Qt.Key.Key_PageUp and not control:
            bar.triggerAction(QScrollBar.SliderAction.SliderPageStepSub)
        elif key == Qt.Key.Key_End and control:
            bar.triggerAction(QScrollBar.SliderAction.SliderToMaximum)
        elif key == Qt.Key.Key_Home and control:
            bar.triggerAction(QScrollBar.SliderAction.SliderToMinimum)
        else:
            super().keyPressEvent(event)

    # Refreshing ---------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _on_data_changed(self, changes: Changes) -> None:
        if not changes.touches(*COUNTED):
            return
        self._stale = True
        if self.isVisible():
            self.refresh()

    def counted_day(self) -> date | None:
        """The day counted: the one typed in "Số liệu đến ngày", else today (None: the real
        day)."""
        return self.day or self.today()

    def _day_edited(self, text: str) -> None:
        """A whole date typed (or picked on the calendar) is counted at once."""
        if WHOLE_DATE.fullmatch(text):
            self.apply_day()

    def apply_day(self) -> None:
        """Count on the day typed (empty: today); a day that is no date or not yet come is said
        so beside the field, and the figures shown stay."""
        text = self.day_edit.text().strip()
        latest = self.now()
        try:
            day = parse_vn_date(text)[0] if text else None
            if day is not None and day > latest:
                raise DateFormatError(
                    NOT_YET.format(day=format_vn_date(day), today=format_vn_date(latest))
                )
        except DateFormatError as exc:
            self.day_error.setText(str(exc))
            self.day_error.show()
            return
        self._clear_error()
        if self.by_quarter:  # the quarter of the day typed
            self.period_box.setCurrentIndex(quarter_of(day or latest))
        if day == self.day and not self._stale:
            return
        self.day = day
        self.refresh()

    def choose_period(self, index: int) -> None:
        """ "Kỳ" chosen: the year up to the day counted, or a quarter of its year, counted up to
        its last day (up to today while it runs); a quarter not yet begun is said so beside the
        day, and the figures shown stay."""
        if index <= 0:
            self._clear_error()
            self.period_box.setCurrentIndex(0)
            if self.by_quarter:
                self.by_quarter = False
                self.refresh()
            return
        latest = self.now()
        year = (self.counted_day() or latest).year
        if quarter_start(year, index) > latest:
            self.day_error.setText(NOT_BEGUN.format(quarter=quarter_name(index), year=year,
                                                    today=format_vn_date(latest)))  # fmt: skip
            self.day_error.show()
            shown = self.counted_day() or latest
            self.period_box.setCurrentIndex(quarter_of(shown) if self.by_quarter else 0)
            return
        self._clear_error()
        self.period_box.setCurrentIndex(index)
        self.by_quarter = True
        self.day = min(quarter_end(year, index), latest)
        self.day_edit.setText(format_vn_date(self.day))
        self.refresh()

    def show_year(self, year: int) -> None:
        """The statistics of ``year`` (the dossier's, its check's "Mở Thống kê"): counted on
        its 31/12 as the dossier of that year counts them (up to today while it runs), its
        movements from 01/01."""
        self._clear_error()
        self.period_box.setCurrentIndex(0)
        self.by_quarter = False
        self.day = min(date(year, 12, 31), self.now())
        self.day_edit.setText(format_vn_date(self.day))
        self.refresh()

    def counted_quarter(self) -> int | None:
        """The quarter whose movements are counted (that of the day counted), or None: the
        year's."""
        return quarter_of(self.counted_day() or self.now()) if self.by_quarter else None

    def _clear_error(self) -> None:
        self.day_error.hide()
        self.day_error.clear()

    def refresh_asked(self) -> None:
        """ "Làm mới": count again and say so once shown (the figures may well be the same)."""
        self._asked = True
        self.refresh()

    def refresh(self) -> None:
        """Count again (on the worker) and show the new figures when they arrive."""
        if self._loading:
            self._stale = True  # counted again once the running count is shown
            return
        self._stale = False
        self._loading = True
        today, quarter = self.counted_day(), self.counted_quarter()

        op = QueryOp(self, lambda ws: _counted(ws, today, quarter), self._core,
                     label="Đang thống kê…")  # fmt: skip
        op.success(self._show).failure(self._failed).run()

    def _failed(self, exc: BaseException) -> None:
        self._loading = False
        self._asked = False
        self._core.runner.show_error(exc, parent=self)

    def _show(self, counted: object) -> None:
        assert isinstance(counted, tuple)
        stats, figures = counted
        assert isinstance(stats, RosterStats) and isinstance(figures, ActivityFigures)
        self.rating_title.setText(figures.rating_title)
        self.rating.set_rows(figures.rating[1] if figures.rating is not None else [])
        _fit_rows(self.rating_view)
        self._loading = False
        self.participation_title.setText(figures.participation_title)
        self.participation.set_rows(figures.participation, figures.participation_span)
        self.participation_note.setText(figures.participation_note)
        _fit_rows(self.participation_view)
        self.stats = stats
        as_of = format_vn_date(stats.today)
        if self.day is None and not self.day_edit.hasFocus():  # today's, past midnight too
            self.day_edit.setText(as_of)
        for card, (caption, value) in zip(self.cards, summary_figures(stats), strict=True):
            card.set(caption, value, figure_tip(caption, stats))
        for part in breakdowns(stats):
            self.charts[part.heading].set_data(part.counts)
        self.refreshed.emit()
        if self._asked:
            self._asked = False
            self.status_message.emit(f"Đã thống kê lại: số liệu đến ngày {as_of}.")
        if self._stale and self.isVisible():
            self.refresh()

    # Export -------------------------------------------------------------------------------

    def ask_save_path(self, caption: str, name: str, filter_text: str) -> Path | None:
        """The file chosen in a save dialog (None when cancelled), offered in the folder of the
        last one, at first in Documents (as the roster's lists); tests replace this."""
        folder = self.last_folder or documents_folder()
        chosen, _ = QFileDialog.getSaveFileName(self, caption, str(folder / name), filter_text)
        if not chosen:
            return None
        path = Path(chosen)
        self.last_folder = path.parent
        suffix = Path(name).suffix
        return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)

    def export_pdf(self) -> None:
        today = self.today()
        details = ask_document_details(self._core, REPORT, self, today)
        if details is None:
            return
        counted, quarter = self.counted_day(), self.counted_quarter()
        name = offered_name(counted or self.now(), quarter, ".pdf")
        path = self.ask_save_path("Xuất thống kê ra PDF", name, "Tệp PDF (*.pdf)")
        if path is None:
            return

        def job(ws: Workspace) -> Path:
            from ...reports.statistics import print_statistics_of

            stats, figures = _counted(ws, counted, quarter)
            return print_statistics_of(ws, stats, path, details.issued_on, number=details.number,
                                       place=details.place, recipients=details.recipients,
                                       activity=figures, recorded_on=today)  # fmt: skip

        def done(written: object) -> None:
            remember_document(self._core, REPORT, details)
            self._exported(written)
            if self.prompts.confirm(
                self, "Xuất thống kê",
                f"Đã lưu báo cáo thống kê vào tệp:\n{written}\n\nMở tệp để xem và in?",
            ):  # fmt: skip
                open_or_say(self, self.prompts, Path(str(written)), self.open_file)

        QueryOp(self, job, self._core, label="Đang xuất PDF…").success(done).run()

    def export_xlsx(self) -> None:
        today, quarter = self.counted_day(), self.counted_quarter()
        recorded_on = self.today()  # the page's clock: a day before it is a past day
        name = offered_name(today or self.now(), quarter, ".xlsx")
        path = self.ask_save_path("Xuất thống kê ra Excel", name, "Tệp Excel (*.xlsx)")
        if path is None:
            return

        def job(ws: Workspace) -> Path:
            org = ws.organization.get()
            stats, figures = _counted(ws, today, quarter)
            write_statistics_xlsx(path, stats, org.name if org else "", figures, recorded_on)
            return path

        QueryOp(self, job, self._core, label="Đang xuất Excel…").success(self._exported).run()

    def _exported(self, path: object) -> None:
        self.status_message.emit(f"Đã xuất thống kê ra tệp {path}.")


def _whole_rows(view: QTableView) -> None:
    """A table of the page shown whole, every row at once: the page scrolls, not the table
    (whose last row, "Toàn Đoàn cơ sở", would otherwise hide below a second scroll bar). Tab
    leaves it (a table to read: Tab went from cell to cell, some eighty presses to get out)."""
    view.setTabKeyNavigation(False)
    view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setVerticalScrollMode(QTableView.ScrollMode.ScrollPerPixel)
    _fit_rows(view)


def _fit_rows(view: QTableView) -> None:
    """As tall as the header and every row of ``view`` (at least one row's room: "no data")."""
    rows = view.model().rowCount()
    height = view.horizontalHeader().sizeHint().height() + 2 * view.frameWidth()
    height += sum(view.rowHeight(row) for row in range(rows)) if rows else 0
    height += view.verticalHeader().defaultSectionSize() if not rows else 0
    if view.horizontalScrollBar().isVisible():
        height += view.horizontalScrollBar().sizeHint().height()
    view.setFixedHeight(height)


def _counted(ws: Workspace, today: date | None, quarter: int | None = None) -> Counted:
    """What the page shows, and its exports print, counted on ``today`` (None: the real day),
    the movements of ``quarter`` (None: of the year)."""
    stats = ws.statistics.roster(today, quarter)
    return stats, activity_figures(ws.participation, ws.rating, stats.today.year, stats.today)


_EMPTY = RosterStats(
    today=date(2000, 1, 1), total=0, all_members=0, by_branch={}, by_status={}, by_gender={},
    by_age_band={}, by_ethnicity={}, by_religion={}, by_education={}, coming_of_age=0,
    admissions=0, transfers_in=0, departures={}, youth_total=0, youth_in_hardship=0,
    youth_working_away=0,
)  # fmt: skip
