"""What the roster and youth register pages share: a debounced search box, a row of buttons
with a count at its end, a large lazily filled table, its selection, and the delete
confirmation that lists the names.

After a change of the data the table keeps the user's place (:meth:`ListPage.reload_keeping_place`):
the current row if it is still listed; after a deletion, the row that followed the deleted ones
(the last row when they ended the list), so that "Sửa", "Xóa" and the Delete key keep working;
after the undo of a deletion, the rows brought back, where the filters show them.

By keyboard: ↓ or Enter in the search box goes to the first result (selected, with the focus),
where Enter opens it and Delete deletes it, without the Tabs through filters and buttons; Tab
into the table with no row chosen chooses the one it marks as current (the first).

A page subclasses :class:`ListPage`, builds its own filters and buttons with the helpers
below, and implements :meth:`ListPage.current_filter`; its model must offer ``set_filter`` and
``reload`` (see :mod:`doancoso.ui.common.lazy_rows`).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QObject,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QFocusEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QWidget,
)

from ...core.lang.text import vn_number
from ..shell.prompts import Prompts
from .fields import WrappedLabel

SEARCH_DELAY_MS = 150
TO_RESULTS_KEYS = (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter)
"""Keys of the search box that go to the first result."""
ENTERING_REASONS = (
    Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason,
    Qt.FocusReason.ShortcutFocusReason,
)  # fmt: skip
"""How the keyboard comes into the table (Tab, Shift+Tab, the page's key) to choose a row."""
NAMES_IN_CONFIRMATION = 8
UNDO_HINT = "Có thể lấy lại bằng “Hoàn tác” (Ctrl+Z) cho đến khi đóng chương trình."
EMPTY_HINT_STYLE = "color: #424242;"
EMPTY_HINT_WIDTH, EMPTY_HINT_MARGIN = 640, 16
READ_ONLY_TIP = "Dữ liệu chỉ đọc: không lưu được thay đổi nào."
"""The tooltip of an action that can only write, disabled on data that can only be read."""
NOT_LISTED = "Người này không hiện trong danh sách vì đang tìm kiếm hoặc lọc."
"""Said after a save whose record the search or a filter leaves out of the list."""


def keyed_in_unchosen(
    table: QAbstractItemView, event: QEvent, reasons: Collection[Qt.FocusReason] = ENTERING_REASONS
) -> bool:
    """Whether ``event`` is the keyboard coming into ``table`` (one of ``reasons``) while none of
    its rows is chosen: Qt then marks a row current but chooses none, so Enter, Delete and the
    buttons acting on the chosen row would do nothing. The caller chooses one."""
    return (
        event.type() == QEvent.Type.FocusIn
        and isinstance(event, QFocusEvent)
        and event.reason() in reasons
        and not table.selectionModel().hasSelection()
        and table.model().rowCount() > 0
    )


def delete_question(question: str, names: Sequence[str], count: int) -> str:
    """The text asking to delete ``count`` rows: the question, the first names, the undo hint."""
    text = question
    if count > 1:
        more = count - len(names)
        text += "\n\n" + "\n".join(f"• {name}" for name in names)
        text += f"\n… và {vn_number(more)} người khác" if more else ""
    return f"{text}\n\n{UNDO_HINT}"


def table_keys(
    table: QTableView, edit: Callable[[], None], delete: Callable[[], None]
) -> tuple[QAction, QAction]:
    """Enter (either key) runs ``edit`` and Delete runs ``delete`` while ``table`` has the
    focus (not in a search box beside it). The actions carry the keys only: no list has a
    right-click menu, and a page's buttons say what the keys do."""
    edit_action = QAction(table)
    edit_action.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
    edit_action.triggered.connect(edit)
    delete_action = QAction(table)
    delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
    delete_action.triggered.connect(delete)
    for action in (edit_action, delete_action):
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        table.addAction(action)
    return edit_action, delete_action


def table_actions(
    table: QTableView, edit: tuple[str, Callable[[], None]], delete: tuple[str, Callable[[], None]]
) -> tuple[QAction, QAction]:
    """The keys of :func:`table_keys`, their actions named (text, slot) for a menu that shows
    them: the roster's, in the main window's "Đoàn viên" menu."""
    actions = table_keys(table, edit[1], delete[1])
    for action, (text, _) in zip(actions, (edit, delete), strict=True):
        action.setText(text)
    return actions


class CountLabel(WrappedLabel):
    """The count at the end of a page's row of buttons ("Đang hiển thị 30 / 30 thanh niên"):
    on one line wherever the row has room for it (its size hint, which the row's stretch gives
    way to), wrapped only where it has not, rather than widening the page (its minimum size
    hint, a large count in a narrow window: "100.000 / 100.000")."""

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        hint = super().sizeHint()
        margins = self.contentsMargins()
        # size(), not horizontalAdvance(): its width is rounded up, as the label's wrapping is.
        one_line = (self.fontMetrics().size(0, self.text()).width() + margins.left()
                    + margins.right() + 2 * self.margin())  # fmt: skip
        return QSize(max(hint.width(), one_line), hint.height())


class ListPage(QWidget):
    """A page over one large table: search, filters, buttons, table, selection."""

    status_message = Signal(str)
    """A short message for the status bar (what was just done)."""

    def __init__(self, model: Any, prompts: Prompts | None, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.prompts = prompts or Prompts()
        self.model = model
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filter)
        # Records this page deleted (until the app closes): when a change brings some back
        # (Hoàn tác), they are selected.
        self._deleted: set[str] = set()

    # Building -----------------------------------------------------------------------------

    def make_search(self, placeholder: str) -> QLineEdit:
        """The search box; typing refreshes the table once the user pauses."""
        self.search = QLineEdit()
        self.search.setPlaceholderText(placeholder)
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.search.installEventFilter(self)
        return self.search

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if (
            watched is getattr(self, "search", None)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in TO_RESULTS_KEYS
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            self.go_to_results()
            return True
        if watched is getattr(self, "table", None) and keyed_in_unchosen(self.table, event):
            # Tabbed (or keyed) into with nothing chosen, Qt would mark a row current but choose
            # none, and Enter, Delete, "Sửa" would do nothing: the row marked is chosen too.
            current = self.current_row()
            self.select_row(0 if current is None else current)
        if event.type() == QEvent.Type.Resize and watched is self._hint_viewport():
            self._place_empty_hint()
        return super().eventFilter(watched, event)

    def button_row(
        self, buttons: Sequence[tuple[QPushButton, Callable[[], None]]], *extra: QWidget
    ) -> QHBoxLayout:
        """The buttons (each wired to its slot), then ``extra`` widgets, then the count."""
        row = QHBoxLayout()
        for button, slot in buttons:
            button.clicked.connect(slot)
            row.addWidget(button)
        for widget in extra:
            row.addWidget(widget)
        row.addStretch(1)
        self.count_label = CountLabel()
        row.addWidget(self.count_label)
        return row

    def make_table(self, widths: Sequence[int], on_activated: Callable[[], None]) -> QTableView:
        """The table over the model: whole rows selected, fixed row heights, sortable header."""
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        # Tab leaves the list, as elsewhere in the app: taken by the table, it crossed the row's
        # cells, then chose the next row (silently, rows being chosen whole), and never left.
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        # Fixed row heights: the view never measures 100,000 rows.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        # The header asks "is this whole column selected?" on each paint, a scan of every row:
        # 10 s per repaint once 100,000 rows are selected. It gets a selection of its own
        # (always empty); sorting by clicking it is unaffected.
        header.setSelectionModel(QItemSelectionModel(self.model, header))
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self._widths = list(widths)
        self.set_column_widths(self._widths)
        self.table.doubleClicked.connect(lambda _index: on_activated())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.table.installEventFilter(self)  # Tab into it chooses a row (see eventFilter)
        # Where the page's key (Ctrl+1, Ctrl+2) puts the keyboard (see shell.main_window's
        # KEYBOARD_HOME: not a focus proxy, which Tab would jump to past the search and filters).
        self.keyboard_home: QWidget = self.table
        return self.table

    def set_empty_hint(self, text: str) -> None:
        """What to do first, shown over the table while the list has nobody at all (not when a
        search or a filter merely finds nobody): a new secretary facing an empty table."""
        viewport = self.table.viewport()
        self.empty_hint = QLabel(text, viewport)
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_hint.setStyleSheet(EMPTY_HINT_STYLE)
        viewport.installEventFilter(self)
        self.model.reloaded.connect(self._show_empty_hint)
        self._place_empty_hint()
        self._show_empty_hint()

    def _hint_viewport(self) -> QWidget | None:
        hint = getattr(self, "empty_hint", None)
        return hint.parentWidget() if hint is not None else None

    def _place_empty_hint(self) -> None:
        viewport = self._hint_viewport()
        if viewport is not None:
            width = min(EMPTY_HINT_WIDTH, viewport.width() - 2 * EMPTY_HINT_MARGIN)
            height = self.empty_hint.heightForWidth(width)
            left = (viewport.width() - width) // 2
            self.empty_hint.setGeometry(left, EMPTY_HINT_MARGIN * 3, width, height)

    def _show_empty_hint(self) -> None:
        self.empty_hint.setVisible(self.model.total == 0)

    def table_actions(
        self, edit: tuple[str, Callable[[], None]], delete: tuple[str, Callable[[], None]]
    ) -> tuple[QAction, QAction]:
        """Enter edits and Delete deletes, on the table only; the actions, named for a menu
        (:func:`table_actions`)."""
        return table_actions(self.table, edit, delete)

    # Filters ------------------------------------------------------------------------------

    def current_filter(self) -> Any:
        raise NotImplementedError

    def apply_filter(self) -> None:
        """Query the core with the search text and the filters (the search is debounced)."""
        self._search_timer.stop()
        self.model.set_filter(self.current_filter())

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def go_to_results(self) -> None:
        """From the search box to the first result: selected, the table focused. A search
        still waiting for the user's pause is run first; no result, nothing moves."""
        if self._search_timer.isActive():
            self.apply_filter()
        if self.model.rowCount() == 0:
            return
        self.select_row(0)
        self.table.setFocus()

    def _update_buttons(self) -> None:
        """Enable the buttons that fit the selection (pages override)."""

    # Selection ----------------------------------------------------------------------------

    def selected_rows(self) -> list[int]:
        """Selected rows, read from the selection's ranges.

        ``selectedRows()`` builds one index per row and checks every column: seconds for a
        "select all" of 100,000 rows. Ranges are few whatever their size.
        """
        rows: set[int] = set()
        selection = self.table.selectionModel().selection()
        for i in range(selection.count()):  # (a QItemSelection is a list of ranges)
            selection_range = selection.at(i)
            rows.update(range(selection_range.top(), selection_range.bottom() + 1))
        return sorted(rows)

    def select_row(self, row: int | None) -> None:
        """Make ``row`` the current, only selected row and scroll to it."""
        if row is None:
            return
        index = self.model.index(row, 1)
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)

    def saved_message(self, text: str, row: int | None) -> str:
        """``text`` about a record just saved, and why it is not seen when the list leaves it
        out (``row`` None: not in the list shown), lest it be added a second time."""
        return text if row is not None else f"{text} {NOT_LISTED}"

    def select_rows(self, rows: Iterable[int]) -> None:
        """Select ``rows`` (only them), the first one current and scrolled to."""
        ordered = sorted(set(rows))
        if not ordered:
            return
        self.select_row(ordered[0])
        selection = QItemSelection()
        start = previous = ordered[0]
        last_column = self.model.columnCount() - 1
        for row in [*ordered[1:], None]:  # contiguous runs as ranges: few, however many rows
            if row is not None and row == previous + 1:
                previous = row
                continue
            selection.select(self.model.index(start, 0), self.model.index(previous, last_column))
            if row is not None:
                start = previous = row
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().select(selection, flags)

    def current_row(self) -> int | None:
        current = self.table.currentIndex()
        return current.row() if current.isValid() else None

    def note_deleted(self, ids: Iterable[str]) -> None:
        """Remember records this page deleted, to select them again if an undo brings them
        back (see :meth:`reload_keeping_place`)."""
        self._deleted.update(ids)

    def reload_keeping_place(self, changed: Collection[str] | None) -> None:
        """Reload the model after the data changed (``changed``: the ids of the page's table
        that did, None when not known), keeping the user's place (see the module docstring)."""
        ids = self.model.ids
        current = self.current_row()
        anchor = min([*self.selected_rows(), *([] if current is None else [current])], default=None)
        kept = [ids[row] for row in (current, anchor) if row is not None and row < len(ids)]
        self.model.reload()
        if self._select_restored(changed):
            return
        for record_id in kept:
            row = self.model.row_of(record_id)
            if row is not None:
                self.select_row(row)
                return
        count = self.model.rowCount()
        if anchor is not None and count:  # what was there is gone: the row that came next
            self.select_row(min(anchor, count - 1))

    def _select_restored(self, changed: Collection[str] | None) -> bool:
        """Select the records this page deleted that the change brought back and the list
        shows; whether there were any."""
        candidates = self._deleted if changed is None else self._deleted.intersection(changed)
        if not candidates:
            return False
        positions = {record_id: row for row, record_id in enumerate(self.model.ids)}
        back = {record_id for record_id in candidates if record_id in positions}
        self._deleted -= back
        self.select_rows(positions[record_id] for record_id in back)
        return bool(back)

    # Window state -------------------------------------------------------------------------

    def default_widths(self) -> list[int]:
        """The widths the page gives its columns when nothing else is saved."""
        return list(self._widths)

    def column_widths(self) -> list[int]:
        return [self.table.columnWidth(i) for i in range(len(self._widths))]

    def set_column_widths(self, widths: list[int]) -> None:
        for i, width in enumerate(widths[: len(self._widths)]):
            if width > 0:
                self.table.setColumnWidth(i, width)
