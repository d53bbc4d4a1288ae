"""The roster ("Đoàn viên"): search, filters, the member table, add/edit/delete/move.

Every core call of this page goes through this module (and the table model it owns).
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import AppError
from ...core.lifecycle_rules import ACTIVE_STATUSES
from ...core.roster import MemberFilter
from ...core.vocab import GENDERS, STATUSES
from ...core.workspace import Workspace
from ..models.member_table import COL_STT, COLUMNS, MemberTableModel
from ..prompts import Prompts
from ..roster_io import RosterIO
from ..signals import BRANCHES, MEMBERS, DataChanged
from ..undo import UndoHistory, members_phrase

SEARCH_DELAY_MS = 150
NAMES_IN_CONFIRMATION = 8
ACTIVE_ROSTER = "*active"
"""Status combo value of the default view: the active roster (ACTIVE_STATUSES)."""


def vn_number(value: int) -> str:
    """1234567 → "1.234.567" (Vietnamese thousands separator)."""
    return f"{value:,}".replace(",", ".")


class RosterPage(QWidget):
    """The member list of the organisation, backed by :class:`MemberTableModel`."""

    status_message = Signal(str)
    """A short message for the status bar (what was just done)."""

    def __init__(
        self, ws: Workspace, data_changed: DataChanged, history: UndoHistory,
        prompts: Prompts | None = None, parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self._ws = ws
        self._data_changed = data_changed
        self._history = history
        self.prompts = prompts or Prompts()
        self.model = MemberTableModel(ws.members, self)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filter)
        self.io = RosterIO(self, ws, data_changed, self.prompts)
        self._build()
        self._make_actions()
        self.refresh_branches()
        self.model.reloaded.connect(self._update_count)
        self.model.reloaded.connect(self._update_buttons)
        self.model.set_filter(self.current_filter())  # the active roster by default
        self.table.setSortingEnabled(True)  # sorts once by the indicator: name order
        data_changed.changed.connect(self._on_data_changed)

    # Building -----------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        filters = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText("Tìm theo họ tên, CCCD, số điện thoại… (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        filters.addWidget(self.search, 3)
        self.branch_combo = QComboBox()
        self.branch_combo.setMinimumContentsLength(14)
        self.status_combo = QComboBox()
        self.status_combo.addItem("Đang sinh hoạt và sinh hoạt tạm", ACTIVE_ROSTER)
        self.status_combo.addItem("Tất cả trạng thái", None)
        for code, label in STATUSES.items():
            self.status_combo.addItem(label, code)
        self.gender_combo = QComboBox()
        self.gender_combo.addItem("Tất cả giới tính", None)
        for code, label in GENDERS.items():
            self.gender_combo.addItem(label, code)
        for caption, combo in (
            ("Chi đoàn:", self.branch_combo),
            ("Trạng thái:", self.status_combo),
            ("Giới tính:", self.gender_combo),
        ):
            label = QLabel(caption)
            label.setBuddy(combo)
            filters.addWidget(label)
            filters.addWidget(combo, 1)
            combo.currentIndexChanged.connect(self.apply_filter)
        layout.addLayout(filters)

        buttons = QHBoxLayout()
        self.add_button = QPushButton("Thêm")
        self.edit_button = QPushButton("Sửa")
        self.delete_button = QPushButton("Xóa")
        self.move_button = QPushButton("Chuyển chi đoàn…")
        self.event_button = QPushButton("Ghi sự kiện…")
        for button, slot in (
            (self.add_button, self.add_member),
            (self.edit_button, self.edit_member),
            (self.delete_button, self.delete_selected),
            (self.move_button, self.move_selected),
            (self.event_button, self.record_event),
        ):
            button.clicked.connect(slot)
            buttons.addWidget(button)
        self.io.add_buttons(buttons)
        buttons.addStretch(1)
        self.count_label = QLabel()
        buttons.addWidget(self.count_label)
        layout.addLayout(buttons)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
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
        header.setSortIndicator(COL_STT, Qt.SortOrder.AscendingOrder)
        self.set_column_widths([width for _, _, width in COLUMNS])
        self.table.doubleClicked.connect(lambda _index: self.edit_member())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        layout.addWidget(self.table, 1)

    def _make_actions(self) -> None:
        """Actions the main window puts in its menu; Enter and Delete act on the table only."""
        self.edit_action = QAction("Sửa đoàn viên…", self)
        self.edit_action.setShortcuts(
            [QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)]
        )
        self.edit_action.triggered.connect(self.edit_member)
        self.delete_action = QAction("Xóa đoàn viên…", self)
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete_action.triggered.connect(self.delete_selected)
        self.move_action = QAction("Chuyển chi đoàn…", self)
        self.move_action.triggered.connect(self.move_selected)
        self.event_action = QAction("Ghi sự kiện…", self)
        self.event_action.triggered.connect(self.record_event)
        for action in (self.edit_action, self.delete_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            self.table.addAction(action)

    # Filters ------------------------------------------------------------------------------

    def refresh_branches(self) -> None:
        """Reload the chi đoàn filter, keeping the chosen one if it still exists."""
        current = self.branch_combo.currentData()
        self.branch_combo.blockSignals(True)
        self.branch_combo.clear()
        self.branch_combo.addItem("Tất cả chi đoàn", None)
        for branch_id, name in self._ws.branches.names():
            self.branch_combo.addItem(name, branch_id)
        index = self.branch_combo.findData(current) if current else 0
        self.branch_combo.setCurrentIndex(max(index, 0))
        self.branch_combo.blockSignals(False)

    def current_filter(self) -> MemberFilter:
        status = self.status_combo.currentData()
        active = status == ACTIVE_ROSTER
        return MemberFilter(
            search=self.search.text(),
            branch_id=self.branch_combo.currentData(),
            status=None if active else status,
            gender=self.gender_combo.currentData(),
            statuses=ACTIVE_STATUSES if active else (),
        )

    def apply_filter(self) -> None:
        """Query the core with the search text and the filters (the search is debounced)."""
        self._search_timer.stop()
        self.model.set_filter(self.current_filter())

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _update_count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total
        self.count_label.setText(f"Đang hiển thị {vn_number(shown)} / {vn_number(total)} đoàn viên")

    def _update_buttons(self) -> None:
        selected = self.selected_count()
        self.edit_button.setEnabled(selected == 1)
        self.delete_button.setEnabled(selected > 0)
        self.move_button.setEnabled(selected > 0)
        self.event_button.setEnabled(selected == 1)

    # Selection ----------------------------------------------------------------------------

    def selected_rows(self) -> list[int]:
        """Selected rows, read from the selection's ranges.

        ``selectedRows()`` builds one index per row and checks every column: seconds for a
        "select all" of 100,000 rows. Ranges are few whatever their size.
        """
        rows: set[int] = set()
        for selection_range in self.table.selectionModel().selection():
            rows.update(range(selection_range.top(), selection_range.bottom() + 1))
        return sorted(rows)

    def selected_count(self) -> int:
        return len(self.selected_rows())

    def selected_ids(self) -> list[str]:
        return [self.model.member_id(row) for row in self.selected_rows()]

    def select_member(self, member_id: str) -> None:
        row = self.model.row_of(member_id)
        if row is None:
            return
        index = self.model.index(row, 1)
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)

    def _reload_keeping_current(self) -> None:
        current = self.table.currentIndex()
        member_id = self.model.member_id(current.row()) if current.isValid() else None
        self.model.reload()
        if member_id is not None:
            self.select_member(member_id)

    def _on_data_changed(self, what: str) -> None:
        if what == MEMBERS:
            self._reload_keeping_current()
        elif what == BRANCHES:
            # Branch names (and their order) may have changed; membership changes come as MEMBERS.
            self.refresh_branches()
            if self.model.sort_key[0] == "branch":
                self._reload_keeping_current()
            else:
                self.model.refresh_rows()

    # Actions ------------------------------------------------------------------------------

    def add_member(self) -> None:
        from ..dialogs.member_form import MemberFormDialog  # dialogs load after the first screen

        dialog = MemberFormDialog(self._ws, None, self.prompts, self)
        if self.prompts.run(dialog) and dialog.saved_id:
            self._data_changed.notify(MEMBERS)
            self.select_member(dialog.saved_id)
            self.status_message.emit(f"Đã thêm đoàn viên {dialog.raw()['full_name'].strip()}.")

    def edit_member(self) -> None:
        from ..dialogs.member_form import MemberFormDialog

        ids = self.selected_ids()
        if len(ids) != 1:
            return
        try:
            dialog = MemberFormDialog(self._ws, ids[0], self.prompts, self)
        except AppError as exc:  # deleted meanwhile
            self.prompts.error(self, "Không mở được", exc.message)
            return
        accepted = self.prompts.run(dialog)
        if (accepted and dialog.saved_id) or dialog.events_changed:
            self._data_changed.notify(MEMBERS)
            self.select_member(ids[0])
        if accepted and dialog.saved_id:
            self.status_message.emit("Đã lưu thông tin đoàn viên.")

    def record_event(self) -> None:
        """Record an event (kết nạp, chuyển sinh hoạt…) for the selected member."""
        from ..dialogs.event_dialog import EventDialog

        ids = self.selected_ids()
        if len(ids) != 1:
            return
        try:
            dialog = EventDialog(self._ws, ids[0], self.prompts, parent=self)
        except AppError as exc:  # deleted meanwhile
            self.prompts.error(self, "Không mở được", exc.message)
            return
        self.prompts.run(dialog)
        if dialog.event_id is not None:
            self._data_changed.notify(MEMBERS)
            self.select_member(ids[0])
            self.status_message.emit(
                f"Đã ghi “{dialog.kind_combo.currentText()}” cho {dialog.member.fields.full_name}."
            )

    def _names(self, rows: list[int]) -> list[str]:
        names = []
        for row in rows[:NAMES_IN_CONFIRMATION]:
            member = self.model.member_row(row)
            if member is not None:
                names.append(member.full_name)
        return names

    def delete_selected(self) -> None:
        """Ask, then soft-delete the selected members through the undo history."""
        rows = self.selected_rows()
        if not rows:
            return
        names = self._names(rows)
        phrase = members_phrase(len(rows), names[0] if names else "")
        text = f"Xóa {phrase}?"
        if len(rows) > 1:
            listed = "\n".join(f"• {name}" for name in names)
            more = len(rows) - len(names)
            text += "\n\n" + listed + (f"\n… và {vn_number(more)} người khác" if more else "")
        text += "\n\nCó thể lấy lại bằng “Hoàn tác” (Ctrl+Z) cho đến khi đóng chương trình."
        if not self.prompts.confirm(self, "Xóa đoàn viên", text):
            return
        ids = [self.model.member_id(row) for row in rows]
        try:
            self._history.delete_members(self._ws.members, ids, f"Xóa {phrase}")
        except AppError as exc:
            self.prompts.error(self, "Không xóa được", exc.message)
            return
        self.status_message.emit(f"Đã xóa {phrase} — bấm Hoàn tác (Ctrl+Z) để lấy lại.")

    def move_selected(self) -> None:
        """Move the selected members to a chi đoàn the user picks."""
        ids = self.selected_ids()
        if not ids:
            return
        branches = self._ws.branches.list()
        if not branches:
            self.prompts.information(
                self, "Chuyển chi đoàn", "Chưa có chi đoàn nào. Hãy thêm chi đoàn trước."
            )
            return
        choice = self.prompts.choose(
            self, "Chuyển chi đoàn",
            f"Chuyển {members_phrase(len(ids))} đã chọn sang chi đoàn:",
            [b.name for b in branches],
        )  # fmt: skip
        if choice is None:
            return
        target = branches[choice]
        try:
            moved = self._ws.branches.move_members(ids, target.id)
        except AppError as exc:
            self.prompts.error(self, "Không chuyển được", exc.message)
            return
        self._data_changed.notify(MEMBERS)
        self.status_message.emit(f"Đã chuyển {members_phrase(moved)} sang {target.name}.")

    # Window state -------------------------------------------------------------------------

    def column_widths(self) -> list[int]:
        return [self.table.columnWidth(i) for i in range(len(COLUMNS))]

    def set_column_widths(self, widths: list[int]) -> None:
        for i, width in enumerate(widths[: len(COLUMNS)]):
            if width > 0:
                self.table.setColumnWidth(i, width)
