"""The rating page ("Xếp loại"): the round of a year (this year, or last year), its state, the
grid of members filtered by chi đoàn, by "not decided yet" and by a name typed without tones
(Ctrl+F), the bulk actions, closing and reopening, and the results under the grid.

The rows are read on the worker (a :class:`~doancoso.ui.shell.operations.QueryOp`: they need
the year's participation), and every change is a :class:`~doancoso.ui.shell.operations.CoreOp`.
A level or remark typed into the grid (each then on the undo history, :mod:`.cell_undo`), and
the levels a bulk action decides, are put into their rows once saved, without reading the round
again (:attr:`RatingPage._quiet` counts those operations, whose change of ratings alone the
data-changed signal then brings); any other change of the round, the roster or the attendance
reads it again, at once when the page is visible, otherwise when it is next shown.

The round's state and its buttons (open, close, reopen) are :mod:`.round_controls`'s, the bulk
actions :mod:`.bulk`'s, the Excel round trip and the prints :mod:`.files`'s: this module lays
them out with the grid, its filters and the results, and keeps them in step with the round read.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...core.activities.participation import PARTICIPATION_TABLES
from ...core.changes import Changes
from ...core.errors import ConflictError
from ...core.lang.text import nfc_multiline_or_none, vn_number
from ...core.rating.decision import Decision
from ...core.rating.service import RATING_TABLES, LevelCounts, RatingRow, RoundInfo
from ...core.workspace import Workspace
from ..common.fields import WrappedLabel
from ..shell.operations import Core, CoreOp, QueryOp
from ..shell.undo import UndoHistory
from .bulk import BulkActions
from .cell_undo import CellCommand
from .files import RatingFiles
from .grid_texts import CLOSED_HINT, KEYS_HINT, NO_ROUND_HINT, refusal
from .model import (
    COL_DECIDED,
    FIELDS,
    MEMBER_ID_ROLE,
    REFRESHING_FIELDS,
    RatingModel,
    branch_key,
)
from .remarks import remark_phrases
from .results import ResultsPanel
from .round_controls import RoundControls
from .round_texts import rated_text
from .view import RatingView

WATCHED = (*RATING_TABLES, *PARTICIPATION_TABLES, "branches")
"""The tables whose changes may change what the page shows."""
ALL_BRANCHES = "Tất cả chi đoàn"
SEARCH_HINT = "Tìm tên, không cần dấu (Ctrl+F)"
TO_GRID_KEYS = (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter)
"""Keys of the search box that go to the first member found."""


@dataclass(frozen=True)
class Loaded:
    """What one read of a round brings back from the worker."""

    year: int
    info: RoundInfo | None
    rows: list[RatingRow]
    summary: list[LevelCounts]
    decision: Decision | None = None
    years: tuple[int, ...] = ()
    """Every year with a round: an older one is added to the year's list to be looked at."""


def _ratings_only(changes: Changes) -> bool:
    """Whether ``changes`` are no more than members' ratings (the grid's own edits)."""
    return not changes.everything and set(changes.tables) == {"ratings"}


class RatingPage(QWidget):
    """See the module docstring."""

    status_message = Signal(str)
    loaded = Signal()
    """Emitted each time a round read on the worker is shown (tests wait for it)."""

    def __init__(
        self, core: Core, history: UndoHistory | None = None,
        today: Callable[[], date | None] | None = None, parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self._core = core
        self.prompts = core.prompts
        self.history = history
        self.today: Callable[[], date | None] = today or (lambda: None)
        self.info: RoundInfo | None = None
        self.decision: Decision | None = None
        self.shown_year: int | None = None
        self._stale = True
        self._loading = False
        self._quiet = 0
        self._build()
        core.data_changed.changed.connect(self._on_data_changed)

    # Building -----------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        heading = QLabel("Xếp loại đoàn viên")
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        heading.setFont(font)
        top.addWidget(heading)
        top.addSpacing(12)
        # Alt+N, as on the plan page: last year's round (or an older one) by the keyboard.
        year_label = QLabel("&Năm:")
        top.addWidget(year_label)
        self.year_box = QComboBox()
        year_label.setBuddy(self.year_box)
        this_year = (self.today() or date.today()).year
        for year in (this_year, this_year - 1):
            self.year_box.addItem(str(year), year)
        self.year_box.currentIndexChanged.connect(self._year_changed)
        top.addWidget(self.year_box)
        self.round = RoundControls(self._core, self, lambda: self.year, self._to_grid)
        self.round.status_message.connect(self.status_message.emit)
        self.state_label = self.round.state_label
        top.addWidget(self.state_label)
        top.addStretch(1)
        self.open_button, self.close_button, self.reopen_button = self.round.buttons()
        for button in self.round.buttons():
            top.addWidget(button)
        layout.addLayout(top)
        self.history_label = self.round.history_label
        layout.addWidget(self.history_label)
        self.changed_label = self.round.changed_label
        layout.addWidget(self.changed_label)

        filters = QHBoxLayout()
        # Alt+C, as on the roster, then ↓ to the next chi đoàn and Enter back to the grid: going
        # through the chi đoàn one after another, never by Shift+Tab seven times.
        branch_label = QLabel("&Chi đoàn:")
        filters.addWidget(branch_label)
        self.branch_box = QComboBox()
        self.branch_box.setMinimumContentsLength(18)
        branch_label.setBuddy(self.branch_box)
        self.branch_box.addItem(ALL_BRANCHES, None)
        self.branch_box.currentIndexChanged.connect(self._filter_changed)
        filters.addWidget(self.branch_box)
        # Alt+Q ticks it or not, Enter back to the grid.
        self.undecided_box = QCheckBox("Chỉ đoàn viên chưa &quyết định")
        self.undecided_box.toggled.connect(self._filter_changed)
        filters.addWidget(self.undecided_box)
        # Ctrl+F (the window's "Tìm kiếm") finds a member here, not in the roster: the window
        # looks for a page's ``search``. Enter or ↓ goes back to the grid on the first found.
        self.search = QLineEdit()
        self.search.setPlaceholderText(SEARCH_HINT)
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(self.search.fontMetrics().horizontalAdvance(SEARCH_HINT) + 40)
        self.search.textChanged.connect(self._filter_changed)
        for watched in (self.search, self.branch_box, self.undecided_box):
            watched.installEventFilter(self)
        filters.addWidget(self.search)
        # The count grows with the roster ("Đang hiện 1.912/1.912 đoàn viên; …"): it wraps
        # rather than widening the page, and so the main window, past a 1366-pixel screen.
        self.count_label = WrappedLabel()
        filters.addWidget(self.count_label, 1)
        layout.addLayout(filters)
        self.files = RatingFiles(
            self._core, self, lambda: self.year, lambda: self.branch_box.currentData(),
            self._undecided, self.branch_box.currentText,
        )  # fmt: skip
        self.files.status_message.connect(self.status_message.emit)
        actions = QHBoxLayout()
        self.bulk = BulkActions(self._core, self, self, self.history, self._undo_failed)
        self.bulk.status_message.connect(self.status_message.emit)
        self.accept_buttons = self.bulk.buttons
        for button in self.accept_buttons.values():  # Alt+L, Alt+M
            actions.addWidget(button)
        actions.addSpacing(16)
        for button in self.files.buttons():
            actions.addWidget(button)
        actions.addStretch(1)
        layout.addLayout(actions)
        self.keys_hint = WrappedLabel(KEYS_HINT)
        self.keys_hint.setStyleSheet("color: #616161;")
        layout.addWidget(self.keys_hint)

        self.model = RatingModel(self)
        self.model.edit_requested.connect(self._edit_requested)
        self.view = RatingView(self.model)
        self.view.refused.connect(self._refused)
        self.view.at_end.connect(self._at_end)
        self.results = ResultsPanel()
        self.results.branch_level_requested.connect(self._branch_level)
        self.results.own_level_requested.connect(self._own_level)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.results)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        layout.addWidget(self.splitter, 1)
        # Ctrl+6 puts the keyboard in the grid, where the digits set levels (not in the year's
        # list, nine Tab presses away from it); on the button that opens the round when the
        # year has none (:meth:`_show_state`).
        # (See shell.main_window's KEYBOARD_HOME: not a focus proxy, which Tab from the sidebar
        # would jump to past the year, the round's buttons and the filters.)
        self.keyboard_home: QWidget = self.view
        self._show_state()

    @property
    def year(self) -> int:
        return int(self.year_box.currentData())

    @property
    def read_only(self) -> bool:
        return self.info is None or self.info.closed

    # Loading ------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _on_data_changed(self, changes: Changes) -> None:
        if not changes.touches(*WATCHED):
            return
        if self._quiet and _ratings_only(changes):
            return  # the rows edited are patched when they are saved
        self._stale = True
        if self.isVisible():
            self.refresh()

    def _year_changed(self) -> None:
        self.info = None
        self.refresh()

    def refresh(self) -> None:
        """Read the round of the chosen year again (on the worker) and show it."""
        if self._loading:
            self._stale = True  # read again once the running read is shown
            return
        self._stale = False
        self._loading = True
        year, as_of = self.year, self.today()

        def read(ws: Workspace) -> Loaded:
            years = tuple(ws.rating.round_years())
            info = ws.rating.round(year)
            if info is None:
                return Loaded(year, None, [], [], years=years)
            rows = ws.rating.rows(year, as_of=as_of)
            summary = ws.rating.summary(year, rows)
            return Loaded(year, info, rows, summary, ws.rating.decision(year), years)

        op = QueryOp(self, read, self._core, label="Đang đọc đợt xếp loại…")
        op.success(self._show).failure(self._failed).run()

    def _failed(self, exc: BaseException) -> None:
        self._loading = False
        self._core.runner.show_error(exc, "Không đọc được đợt xếp loại", self)

    def _show(self, loaded: Loaded) -> None:
        self._loading = False
        self._add_years(loaded.years)
        if loaded.year != self.year:  # another year was chosen meanwhile
            self.refresh()
            return
        self.info, self.shown_year = loaded.info, loaded.year
        self.decision = loaded.decision
        current = self.view.currentIndex()
        member = current.data(MEMBER_ID_ROLE) if current.isValid() else None
        column = current.column() if current.isValid() else COL_DECIDED
        scroll = self.view.verticalScrollBar().value()
        self._fill_branches(loaded.summary)
        if self.model.set_rows(loaded.rows, self.read_only):
            row = self.model.row_of(member) if isinstance(member, str) else None
            if row is None and self.model.rowCount():
                row = 0 if member is None else min(current.row(), self.model.rowCount() - 1)
            if row is not None:
                self.view.setCurrentIndex(self.model.index(row, column))
            self.view.verticalScrollBar().setValue(scroll)
        self.view.text_delegate.phrases = remark_phrases(r.remark for r in loaded.rows)
        self.results.show_results(loaded.summary, loaded.rows, self.read_only)
        info = loaded.info
        self.results.show_own(info.own_level if info else None, info.own_remark if info else None,
                              self.read_only)  # fmt: skip
        self._show_state()
        self.loaded.emit()
        if self._stale and self.isVisible():
            self.refresh()

    def show_year(self, year: int) -> None:
        """Show the round of ``year``, listed in its place if it was not (the dossier's check
        opens the rating of the dossier's year)."""
        self._add_years((year,))
        self.year_box.setCurrentIndex(self.year_box.findData(year))

    def _add_years(self, years: tuple[int, ...]) -> None:
        """Add the years of older rounds to the list (this year and the last are always in
        it), newest first, the year chosen kept: a decision of three years ago is reprinted
        here as well as from the command line."""
        listed = {self.year_box.itemData(i) for i in range(self.year_box.count())}
        self.year_box.blockSignals(True)
        for year in sorted(set(years) - listed, reverse=True):
            index = next((i for i in range(self.year_box.count())
                          if self.year_box.itemData(i) < year), self.year_box.count())  # fmt: skip
            self.year_box.insertItem(index, str(year), year)
        self.year_box.blockSignals(False)

    def _fill_branches(self, summary: list[LevelCounts]) -> None:
        """The chi đoàn of the round in the filter, keeping the one chosen if still there."""
        chosen = self.branch_box.currentData()
        entries = [(c.branch, c.branch_id or "") for c in summary[:-1]]
        have = [(self.branch_box.itemText(i), self.branch_box.itemData(i))
                for i in range(1, self.branch_box.count())]  # fmt: skip
        if entries == have:
            return
        self.branch_box.blockSignals(True)
        self.branch_box.clear()
        self.branch_box.addItem(ALL_BRANCHES, None)
        for name, key in entries:
            self.branch_box.addItem(name, key)
        index = self.branch_box.findData(chosen) if chosen is not None else 0
        self.branch_box.setCurrentIndex(max(index, 0))
        self.branch_box.blockSignals(False)
        self._apply_filter()

    def _filter_changed(self) -> None:
        self._apply_filter()
        self._show_counts()

    def _apply_filter(self) -> None:
        current = self.view.currentIndex()
        column = current.column() if current.isValid() else COL_DECIDED  # the one typed into
        self.model.set_filter(
            self.branch_box.currentData(), self.undecided_box.isChecked(), self.search.text()
        )
        if self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(0, column))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if (
            watched in (self.search, self.branch_box, self.undecided_box)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            if watched is self.search and event.key() == Qt.Key.Key_Escape and self.search.text():
                self.search.clear()  # every member shown again, the keyboard left in the box
                return True
            # ↓ in the chi đoàn's list chooses the next one: only Enter leaves it (and the
            # "chưa quyết định" box).
            keys = TO_GRID_KEYS if watched is self.search else TO_GRID_KEYS[1:]
            if event.key() in keys:
                if self.model.rowCount():  # nobody found: the keyboard stays to correct it
                    self.view.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return super().eventFilter(watched, event)

    def _show_state(self) -> None:
        info, year = self.info, self.year
        self._put_keyboard()
        self.round.show_state(year, info, self.decision)
        self.round.show_round(year, info, self.model.all_rows)
        self.files.show_round(year, info is not None)
        self.bulk.set_enabled(not self.read_only)
        # The keys only where they change a level: a closed round says how to change it.
        self.keys_hint.setText(CLOSED_HINT if info is not None and info.closed else KEYS_HINT)
        self.keys_hint.setVisible(info is not None)
        self._show_counts()

    def _put_keyboard(self) -> None:
        """Where the page's key (Ctrl+6) puts the keyboard: the grid, or, once read, a year
        without a round's “Mở đợt xếp loại năm …”, the grid saying what to do. The keyboard
        follows when it was where the page put it (the page shown before its round was read,
        the round opened elsewhere)."""
        no_round = self.info is None and self.shown_year is not None
        target = self.open_button if no_round else self.view
        self.view.set_empty_hint(NO_ROUND_HINT.format(year=self.year) if no_round else "")
        before = self.keyboard_home
        if before is target:
            return
        had_keyboard = before.hasFocus()
        self.keyboard_home = target
        if had_keyboard:
            self.open_button.setVisible(no_round)  # shown before the keyboard goes to it
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _undecided(self) -> int:
        """Members of the round (of the chi đoàn chosen) with no level decided yet."""
        branch = self.branch_box.currentData()
        return sum(
            1
            for r in self.model.all_rows
            if r.eligible and r.decided_level is None and branch in (None, branch_key(r))
        )

    def _show_counts(self) -> None:
        rows = self.model.all_rows
        if self.info is None:
            self.count_label.setText("")
            return
        branch = self.branch_box.currentData()
        shown = f"Đang hiện {vn_number(self.model.rowCount())}"
        if branch is None:
            self.count_label.setText(
                f"{shown}/{vn_number(len(rows))} đoàn viên; {rated_text(rows)}"
            )
            return
        # The chi đoàn chosen, then the whole in brief: "…; toàn Đoàn cơ sở: 1/5 đã quyết định".
        own = [r for r in rows if branch_key(r) == branch]
        eligible = [r for r in rows if r.eligible]
        decided = sum(1 for r in eligible if r.decided_level is not None)
        self.count_label.setText(
            f"{shown}/{vn_number(len(own))} đoàn viên ({self.branch_box.currentText()}); "
            f"{rated_text(own)}; toàn Đoàn cơ sở: {vn_number(decided)}/{vn_number(len(eligible))} "
            "đã quyết định"
        )

    # Editing in the grid ------------------------------------------------------------------

    def _edit_requested(self, member_id: str, field: str, value: object) -> None:
        year = self.year
        raw = {field: value}
        before = next((r for r in self.model.all_rows if r.member_id == member_id), None)
        quiet = field not in REFRESHING_FIELDS  # these change the suggestion: read again
        if quiet:
            self._quiet += 1

        def saved(_result: object) -> None:
            if before is not None and self.history is not None:
                self.history.push(CellCommand(
                    self._core, self.window(), year, before, field, value, self._undo_failed,
                    lambda: self._to_cell(year, member_id, field),
                ))  # fmt: skip
            if not quiet:
                return
            self._quiet -= 1
            if year != self.shown_year:  # another year is shown now: its rows are not these
                return
            text = nfc_multiline_or_none(value) if isinstance(value, str) else value
            self.model.patch(member_id, **{field: text})
            self._after_patch()

        def refused(exc: BaseException) -> None:
            if quiet:
                self._quiet -= 1
            self._core.runner.show_error(exc, "Không lưu được", self)
            if isinstance(exc, ConflictError):  # closed meanwhile (e.g. on the command line)
                self.refresh()

        op = CoreOp(self, lambda ws: ws.rating.set(year, member_id, raw), self._core)
        op.success(saved).failure(refused).run()

    def _to_cell(self, year: int, member_id: str, field: str) -> None:
        """The keyboard on the member's cell of ``field`` once its change was undone or redone
        (a digit had moved it on: the right digit typed after Ctrl+Z went to the next member)."""
        row = self.model.row_of(member_id) if year == self.shown_year else None
        column = next((c for c, f in FIELDS.items() if f == field), None)
        if row is None or column is None:
            return
        index = self.model.index(row, column)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        if self.isVisible():
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _after_patch(self) -> None:
        """Count the results again from the rows as they are now (the chi đoàn's own levels
        are read on the worker)."""
        self._show_counts()
        year, rows, read_only = self.year, list(self.model.all_rows), self.read_only

        def shown(summary: list[LevelCounts]) -> None:
            if year == self.year:
                self.results.show_results(summary, rows, read_only)

        op = QueryOp(self, lambda ws: ws.rating.summary(year, rows), self._core, progress=False)
        op.success(shown).run()

    def _refused(self) -> None:
        index = self.view.currentIndex()
        row = self.model.row(index.row()) if index.isValid() else None
        column = index.column() if index.isValid() else None
        self.status_message.emit(refusal(self.year, self.info, row, column))

    def _at_end(self, level_set: bool) -> None:
        index = self.view.currentIndex()
        name = self.model.row(index.row()).full_name
        more = ": gõ số nữa sẽ đổi lại mức của người này." if level_set else "."
        self.status_message.emit(f"Đã đến đoàn viên cuối cùng của bảng ({name}){more}")

    # The round ----------------------------------------------------------------------------

    def close_round(self) -> None:
        """Show what the core warns about, ask, then close (“Kết thúc đợt xếp loại”)."""
        self.round.close_round()

    def _to_grid(self) -> None:
        """The keyboard in the grid once the round is opened, closed or reopened: the button
        pressed is hidden then, and Qt gave the keyboard to the chi đoàn's list, where the
        digits typed for levels did nothing."""
        if self.isVisible():
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    # Bulk actions and the results ---------------------------------------------------------

    def accept(self, source: str) -> None:
        """Take the proposals or the suggestions for the members not decided yet among those
        the grid shows, after a question (:class:`.bulk.BulkActions`)."""
        self.bulk.accept(source)

    def shown_rows(self) -> list[RatingRow]:
        return list(self.model.rows)

    def shown_by(self) -> list[str]:
        """What the grid is filtered by, as the bulk actions' question says it (the filter
        "chưa quyết định" hides none of the members they decide)."""
        shown_by = [] if self.branch_box.currentData() is None else [self.branch_box.currentText()]
        name = self.search.text().strip()
        return shown_by + [f"tìm “{name}”"] if name else shown_by

    def hold_refresh(self, held: bool) -> None:
        self._quiet += 1 if held else -1

    def levels_decided(self, year: int, levels: Mapping[str, int]) -> None:
        if year == self.shown_year:  # another year is shown now: its rows are not these
            self.model.patch_many({m: {"decided_level": lv} for m, lv in levels.items()})
            self._after_patch()

    def _undo_failed(self, message: str) -> None:
        self.prompts.error(self, "Không hoàn tác được", message)

    def _branch_level(self, branch_id: str, level: int | None) -> None:
        year = self.year
        remark = next((c.branch_remark for c in self.results.summary.rows
                       if c.branch_id == branch_id), None)  # fmt: skip

        def save(ws: Workspace) -> None:
            ws.rating.set_branch_level(year, branch_id, level, remark)

        op = CoreOp(self, save, self._core)
        op.failure(self._core.reporter(self, "Không lưu được")).run()

    def unsaved_edits(self) -> str | None:
        """The organisation's level or remark typed and not saved (asked before the app
        closes)."""
        if self.shown_year is None or not self.results.own_modified():
            return None
        return f"xếp loại Đoàn cơ sở năm {self.shown_year}"

    def save_edits(self) -> None:
        """Save what :meth:`unsaved_edits` names, as "Lưu xếp loại Đoàn cơ sở" does."""
        if self.results.own_modified():
            self._own_level(*self.results.own_typed())

    def _own_level(self, level: int | None, remark: str) -> None:
        year = self.year

        def saved(_result: object) -> None:
            self.results.own_saved(level, remark)  # nothing left unsaved, shown or not
            self.status_message.emit(f"Đã lưu xếp loại Đoàn cơ sở năm {year}.")

        op = CoreOp(self, lambda ws: ws.rating.set_own_level(year, level, remark), self._core)
        op.success(saved).failure(self._core.reporter(self, "Không lưu được")).run()
