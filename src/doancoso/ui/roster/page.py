"""The roster ("Đoàn viên"): search, filters, the member table, add/edit/delete/move.

Every core call of this page goes through this module (and the table model it owns).
"""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...core.errors import AppError
from ...core.lang.text import vn_number
from ...core.lifecycle.rules import ACTIVE_STATUSES
from ...core.roster.service import MemberFilter
from ...core.roster.vocab import GENDERS, STATUSES
from ...core.workspace import Workspace
from ..common.list_page import NAMES_IN_CONFIRMATION, ListPage, delete_question
from ..shell.prompts import Prompts
from ..shell.signals import BRANCHES, MEMBERS, DataChanged
from ..shell.undo import UndoHistory, members_phrase
from .files import RosterIO
from .member_table import COLUMNS, MemberTableModel

ACTIVE_ROSTER = "*active"
"""Status combo value of the default view: the active roster (ACTIVE_STATUSES)."""


class RosterPage(ListPage):
    """The member list of the organisation, backed by :class:`MemberTableModel`."""

    def __init__(
        self, ws: Workspace, data_changed: DataChanged, history: UndoHistory,
        prompts: Prompts | None = None, parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(MemberTableModel(ws.members), prompts, parent)
        self.model.setParent(self)
        self._ws = ws
        self._data_changed = data_changed
        self._history = history
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
        search = self.make_search("Tìm theo họ tên, CCCD, điện thoại, mã đoàn viên… (Ctrl+F)")
        filters.addWidget(search, 3)
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

        self.add_button = QPushButton("Thêm")
        self.edit_button = QPushButton("Sửa")
        self.delete_button = QPushButton("Xóa")
        self.move_button = QPushButton("Chuyển chi đoàn…")
        self.event_button = QPushButton("Ghi sự kiện…")
        buttons = self.button_row(
            [
                (self.add_button, self.add_member),
                (self.edit_button, self.edit_member),
                (self.delete_button, self.delete_selected),
                (self.move_button, self.move_selected),
                (self.event_button, self.record_event),
            ],
            *self.io.buttons(),
        )
        layout.addLayout(buttons)
        table = self.make_table([width for _, _, width in COLUMNS], self.edit_member)
        layout.addWidget(table, 1)

    def _make_actions(self) -> None:
        """Actions the main window puts in its menu; Enter and Delete act on the table only."""
        self.edit_action, self.delete_action = self.table_actions(
            ("Sửa đoàn viên…", self.edit_member), ("Xóa đoàn viên…", self.delete_selected)
        )
        self.move_action = QAction("Chuyển chi đoàn…", self)
        self.move_action.triggered.connect(self.move_selected)
        self.event_action = QAction("Ghi sự kiện…", self)
        self.event_action.triggered.connect(self.record_event)

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

    def selected_count(self) -> int:
        return len(self.selected_rows())

    def selected_ids(self) -> list[str]:
        return [self.model.member_id(row) for row in self.selected_rows()]

    def select_member(self, member_id: str) -> None:
        self.select_row(self.model.row_of(member_id))

    def _reload_keeping_current(self) -> None:
        current = self.current_row()
        member_id = self.model.member_id(current) if current is not None else None
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
        from .member_form import MemberFormDialog  # dialogs load after the first screen

        dialog = MemberFormDialog(self._ws, None, self.prompts, self)
        if self.prompts.run(dialog) and dialog.saved_id:
            self._data_changed.notify(MEMBERS)
            self.select_member(dialog.saved_id)
            self.status_message.emit(f"Đã thêm đoàn viên {dialog.raw()['full_name'].strip()}.")

    def edit_member(self) -> None:
        from .member_form import MemberFormDialog

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
        from ..lifecycle.event_dialog import EventDialog

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
        text = delete_question(f"Xóa {phrase}?", names, len(rows))
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
