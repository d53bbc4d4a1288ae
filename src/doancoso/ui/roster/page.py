"""The roster ("Đoàn viên"): search, filters, the member table, add/edit/delete/move.

Every core call of this page goes through this module (and the table model it owns). Writes are
operations on the worker (:mod:`..shell.operations`); the page refreshes itself when the app's
data-changed signal says members or chi đoàn changed, whoever changed them. Deletions, saved
edits, moves to another chi đoàn and events recorded or deleted (from the list, or in the form's
"Quá trình" tab) go onto the undo history (:mod:`..shell.undo`). A member an undo brings back
to the list is chosen again: one deleted, and one an event recorded from the list took off it (a
transfer out on the active roster).
"""

from __future__ import annotations

import datetime as dt
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...core.activities.rules import PARTICIPATION_TABLES
from ...core.changes import Changes
from ...core.errors import AppError
from ...core.lang.text import vn_number
from ...core.lifecycle.recorded import RecordedEvents
from ...core.lifecycle.rules import ACTIVE_STATUSES
from ...core.roster.branches import (
    UNASSIGNED,
    BranchInfo,
    BranchNames,
    MovedMembers,
    not_moved_message,
    secretaries_message,
)
from ...core.roster.service import AddedMember, MemberFilter
from ...core.roster.validation import MemberFields
from ...core.roster.vocab import GENDERS, STATUSES
from ...core.workspace import Workspace
from ..common.adding import show_added
from ..common.combo_search import toneless_search
from ..common.latest_read import LatestRead
from ..common.list_page import NAMES_IN_CONFIRMATION, READ_ONLY_TIP, ListPage, delete_question
from ..common.opening import OpenAfterRead
from ..lifecycle.transfer_print import TransferLetterOffer
from ..shell.operations import Core, CoreOp, QueryOp
from ..shell.undo import UndoHistory, members_phrase
from .files import RosterIO
from .member_table import COLUMNS, MemberTableModel

Change = tuple[MemberFields, MemberFields]
"""A saved edit: the member's fields before and after it."""

EMPTY_HINT = (
    "Chưa có đoàn viên nào. Trước hết tạo các chi đoàn ở mục “Chi đoàn” (Ctrl+3), rồi bấm "
    "“Thêm” để nhập từng đoàn viên hoặc “Nhập Excel…” (Ctrl+I) để nhập danh sách có sẵn (có "
    "tệp mẫu để điền). Dữ liệu ở máy khác: Tệp → “Nhận dữ liệu từ USB…”."
)
ADD_UNDO_HINT = " — bấm Hoàn tác (Ctrl+Z) để bỏ đoàn viên vừa thêm."
"""How a member just added is taken back, said as the page's other messages say theirs."""
MOVE_KEY = "Ctrl+M"
EVENT_KEY = "Ctrl+G"
"""The keys of "Chuyển chi đoàn…" and "Ghi sự kiện…": no other action of the window takes them
(Ctrl+K is the youth page's "Kết nạp", Ctrl+1 … Ctrl+0 the pages; Ctrl+N, F, I, E, P, S, Z, Y
the common acts)."""
ACTIVE_ROSTER = "*active"
"""Status combo value of the default view: the active roster (ACTIVE_STATUSES)."""


class RosterPage(ListPage):
    """The member list of the organisation, backed by :class:`MemberTableModel`."""

    def __init__(self, core: Core, history: UndoHistory, parent: QWidget | None = None) -> None:
        super().__init__(MemberTableModel(core.ws.members), core.prompts, parent)
        self.model.setParent(self)
        self._core = core
        self._ws = core.ws
        self._history = history
        self.io = RosterIO(self, core)
        self._branch_names = LatestRead(
            self, core, lambda ws: ws.branches.names(), self._show_branches
        )  # the chi đoàn filter's choices
        self._asking = OpenAfterRead(self, core)  # the chi đoàn a move offers, before it asks
        self._build()
        self._make_actions()
        self._fill_branches([])  # every chi đoàn's members until the names arrive
        self.branch_combo.blockSignals(False)
        self.refresh_branches()
        self.model.reloaded.connect(self._update_count)
        self.model.reloaded.connect(self._update_buttons)
        self.model.set_filter(self.current_filter())  # the active roster by default
        self.table.setSortingEnabled(True)  # sorts once by the indicator: name order
        core.data_changed.changed.connect(self._on_data_changed)

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
        # Alt+C, Alt+R, Alt+I: letters no menu (Alt+T, S, X, V, G) nor button of the page takes.
        for caption, combo in (
            ("&Chi đoàn:", self.branch_combo),
            ("T&rạng thái:", self.status_combo),
            ("G&iới tính:", self.gender_combo),
        ):
            buddy = QLabel(caption)
            buddy.setBuddy(combo)
            filters.addWidget(buddy)
            filters.addWidget(combo, 1)
            combo.currentIndexChanged.connect(self.apply_filter)
            toneless_search(combo)
        layout.addLayout(filters)

        self.add_button = QPushButton("Thêm")
        self.edit_button = QPushButton("Sửa")
        self.delete_button = QPushButton("Xóa")
        self.move_button = QPushButton("Chuyển chi đoàn…")
        self.event_button = QPushButton("Ghi sự kiện…")
        # Their keys said where the mouse points, as the import, export and print buttons say.
        self.add_button.setToolTip("Thêm một đoàn viên (Ctrl+N)")
        self.edit_button.setToolTip("Sửa thông tin đoàn viên đang chọn (Enter)")
        self.delete_button.setToolTip("Xóa các đoàn viên đang chọn (Delete)")
        self.move_button.setToolTip(
            f"Chuyển các đoàn viên đang chọn sang chi đoàn khác ({MOVE_KEY})"
        )
        self.event_button.setToolTip(f"Ghi sự kiện cho đoàn viên đang chọn ({EVENT_KEY})")
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
        self.letter_offer = TransferLetterOffer(self._core, self)  # after a transfer out
        layout.addWidget(self.letter_offer)
        table = self.make_table([width for _, _, width in COLUMNS], self.edit_member)
        layout.addWidget(table, 1)
        self.set_empty_hint(EMPTY_HINT)

    def _make_actions(self) -> None:
        """Actions the main window puts in its menu; Enter and Delete act on the table only, the
        keys of moving and recording an event on the whole page."""
        self.edit_action, self.delete_action = self.table_actions(
            ("Sửa đoàn viên…", self.edit_member), ("Xóa đoàn viên…", self.delete_selected)
        )
        self.move_action = QAction("Chuyển chi đoàn…", self)
        self.move_action.triggered.connect(self.move_selected)
        self.event_action = QAction("Ghi sự kiện…", self)
        self.event_action.triggered.connect(self.record_event)
        # Anywhere on the page, the search box included (as the youth page's Ctrl+K), never
        # from another page: the members they act on are chosen here.
        for action, key in ((self.move_action, MOVE_KEY), (self.event_action, EVENT_KEY)):
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        if self._ws.read_only is not None:  # a write-protected stick: say why, write nothing
            self.event_action.setEnabled(False)
            for widget in (self.event_action, self.event_button):
                widget.setToolTip(READ_ONLY_TIP)

    # Filters ------------------------------------------------------------------------------

    def refresh_branches(self) -> None:
        """Read the chi đoàn filter's choices again (on the worker: their order goes through
        the core's collation cache, the worker's) and show them when they arrive, the chosen one
        kept if it still exists; one gone (merged, deleted) leaves the whole list shown."""
        self._branch_names.run()

    def _show_branches(self, names: BranchNames) -> None:
        current = self.branch_combo.currentData()
        self._fill_branches(names)
        index = self.branch_combo.findData(current) if current is not None else 0
        self.branch_combo.setCurrentIndex(max(index, 0))
        self.branch_combo.blockSignals(False)
        if self.model.member_filter.branch_id != self.branch_combo.currentData():
            self.model.set_filter(self.current_filter())  # the chosen one is gone: everyone

    def _fill_branches(self, names: BranchNames) -> None:
        """The filter's choices: every chi đoàn, none, then each chi đoàn of ``names`` (its
        signals blocked: the caller chooses, then unblocks them)."""
        self.branch_combo.blockSignals(True)
        self.branch_combo.clear()
        self.branch_combo.addItem("Tất cả chi đoàn", None)
        self.branch_combo.addItem(UNASSIGNED, "")  # the members in no chi đoàn
        for branch_id, name in names:
            self.branch_combo.addItem(name, branch_id)

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
        # Records, not members: the total counts those who left or came of age too (as the
        # printed list's total line, reports/roster.py), and is no membership figure.
        shown, total = self.model.rowCount(), self.model.total
        self.count_label.setText(f"Đang hiển thị {vn_number(shown)} / {vn_number(total)} hồ sơ")

    def _update_buttons(self) -> None:
        selected = self.selected_count()
        self.edit_button.setEnabled(selected == 1)
        self.delete_button.setEnabled(selected > 0)
        self.move_button.setEnabled(selected > 0)
        self.event_button.setEnabled(selected == 1 and self._ws.read_only is None)

    # Selection ----------------------------------------------------------------------------

    def selected_count(self) -> int:
        return len(self.selected_rows())

    def selected_ids(self) -> list[str]:
        return [self.model.member_id(row) for row in self.selected_rows()]

    def select_member(self, member_id: str) -> None:
        self.select_row(self.model.row_of(member_id))

    def load_rates(self) -> None:
        """Load this year's participation for the last column, off the GUI thread (first by the
        main window once it is shown: the first screen never waits for it)."""
        year = dt.date.today().year
        op = QueryOp(self, lambda ws: ws.participation.counts(year), self._core, progress=False)
        op.success(lambda rates: self.model.set_rates(year, rates)).run()

    def _on_data_changed(self, changes: Changes) -> None:
        if changes.touches(*PARTICIPATION_TABLES):
            self.load_rates()
        reload = changes.touches("members")
        if changes.touches("branches"):
            # Names (and their order) may have changed, or the chosen one may be gone (merged,
            # deleted): then, once the names are read, the list shows every chi đoàn.
            shown = self.model.member_filter
            self.refresh_branches()
            if self.model.member_filter is not shown:  # names read at once, the list anew
                return
            reload = reload or self.model.sort_key[0] == "branch"
            if not reload:
                self.model.refresh_rows()
        if reload:
            self.reload_keeping_place(changes.ids("members"))

    # Actions ------------------------------------------------------------------------------

    def add_member(self) -> None:
        from .member_form import MemberFormDialog  # dialogs load after the first screen

        # Members typed in one after another from a chi đoàn's list join that chi đoàn.
        branch_id = self.branch_combo.currentData() or ""
        dialog = MemberFormDialog(self._core, None, self, branch_id=branch_id)
        saved_and_next: list[AddedMember] = []
        dialog.member_added.connect(saved_and_next.append)
        dialog.member_added.connect(self._added)  # each one "Lưu và thêm tiếp" saves
        added = dialog.added if self.prompts.run(dialog) else None
        if added is not None:
            self._added(added)
        if added is not None or saved_and_next:
            # On with the new member by keyboard (Enter, Ctrl+G, Ctrl+M act on her), not back
            # where Ctrl+N was pressed (the side bar, say), where the page's keys do nothing.
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        dialog.deleteLater()

    def _added(self, added: AddedMember) -> None:
        """A member just added: selected, on the undo history, said in the status bar."""
        name = added.fields.full_name  # as the core stored it
        show_added(
            self, self._history, added.member_id, f"Thêm {members_phrase(1, name)}",
            lambda ws: ws.members.take_back(added), lambda ws: ws.members.bring_back(added),
            f"Đã thêm đoàn viên {name}{ADD_UNDO_HINT}",
        )  # fmt: skip

    def edit_member(self) -> None:
        from .member_form import MemberFormDialog

        ids = self.selected_ids()
        if len(ids) != 1:
            return
        try:
            dialog = MemberFormDialog(self._core, ids[0], self)
        except AppError as exc:  # deleted meanwhile
            self.prompts.error(self, "Không mở được", exc.message)
            return
        dialog.events_written.connect(self._events_written)
        saved = bool(self.prompts.run(dialog)) and dialog.saved_id is not None
        if saved or dialog.events_changed:
            self.select_member(ids[0])
        if saved:
            self._saved_edit(ids[0], dialog.change)
        dialog.deleteLater()

    def _saved_edit(self, member_id: str, change: Change | None) -> None:
        """Put a saved edit on the undo history and say so (see :mod:`..shell.undo`)."""
        message = self._history.saved_edit(
            "đoàn viên",
            lambda fields: members_phrase(1, fields.full_name),
            lambda ws, fields, expected: ws.members.put_back(member_id, fields, expected),
            change,
        )
        self.status_message.emit(self.saved_message(message, self.model.row_of(member_id)))

    def _events_written(self, label: str, message: str, recorded: RecordedEvents) -> None:
        """An event recorded or deleted in the form's "Quá trình" tab: on the undo history, as
        it is written (before a save of the form), and said in the status bar."""
        self._history.recorded_events(label, recorded)
        self.status_message.emit(message)

    def record_event(self) -> None:
        """Record an event (kết nạp, chuyển sinh hoạt…) for the selected member."""
        from ..lifecycle.event_dialog import EventDialog

        ids = self.selected_ids()
        if len(ids) != 1 or self._ws.read_only is not None:
            return
        try:
            dialog = EventDialog(self._core, ids[0], parent=self)
        except AppError as exc:  # deleted meanwhile
            self.prompts.error(self, "Không mở được", exc.message)
            return
        self.prompts.run(dialog)
        if dialog.recorded is not None:
            self.select_member(ids[0])
            if self.model.row_of(ids[0]) is None:  # off the list shown (left, came of age):
                self.note_deleted(ids)  # chosen again when an undo brings her back
            self._history.recorded_events(dialog.undo_label(), dialog.recorded)
            self.status_message.emit(dialog.done_message())
            if dialog.kind == "transfer_out":  # the letter is handed to the member right then
                name = dialog.member.fields.full_name
                self.letter_offer.offer(ids[0], dialog.recorded.event_ids[0], name)
        dialog.deleteLater()

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
        undo_hint = f"Đã xóa {phrase} — bấm Hoàn tác (Ctrl+Z) để lấy lại."

        def deleted() -> None:
            self.note_deleted(ids)
            self.status_message.emit(undo_hint)
            if self.isVisible():  # keep on with the list (the next row is selected)
                self.table.setFocus()

        self._history.delete_members(self, ids, f"Xóa {phrase}", deleted)

    def move_selected(self) -> None:
        """Move the selected members to a chi đoàn the user picks, through the undo history;
        those whose record is read-only (left, came of age) stay, said with how many and why."""
        ids = self.selected_ids()
        if not ids:
            return
        names = self._names(self.selected_rows()[:1])
        # The chi đoàn to choose from are read on the worker (their order goes through the
        # core's collation cache, the worker's); the question is asked once they arrive, once
        # however often "Chuyển chi đoàn…" (Ctrl+M) was pressed before then.
        self._asking.run(lambda ws: ws.branches.list(), partial(self._move_to_chosen, ids, names),
                         failed="Không chuyển được")  # fmt: skip

    def _move_to_chosen(self, ids: list[str], names: list[str], branches: list[BranchInfo]) -> None:
        """Ask which of ``branches`` the members ``ids`` (the first named in ``names``) move
        to, then move them (see :meth:`move_selected`)."""
        if not branches:
            self.prompts.information(
                self, "Chuyển chi đoàn", "Chưa có chi đoàn nào. Hãy thêm chi đoàn trước."
            )
            return
        who = members_phrase(len(ids), names[0] if names else "")
        choice = self.prompts.choose(
            self, "Chuyển chi đoàn", f"Chuyển {who} sang chi đoàn:",
            [b.name for b in branches], placeholder="— Chọn chi đoàn —",
        )  # fmt: skip
        if choice is None:
            return
        target = branches[choice]
        one = names[0] if len(ids) == 1 and names else ""

        def move(ws: Workspace) -> tuple[MovedMembers, tuple[str, ...]]:
            # A chi đoàn has one Bí thư: two after the move are said, never refused.
            secretaries = ws.branches.secretaries_after(target.id, member_ids=ids)
            return ws.branches.move_undoable(ids, target.id), secretaries

        def moved(outcome: tuple[MovedMembers, tuple[str, ...]]) -> None:
            result, secretaries = outcome
            phrase = members_phrase(result.count, one)
            if result.count:
                self._history.moved_members(f"Chuyển {phrase} sang {target.name}", result)
                done = f"Đã chuyển {phrase} sang {target.name}"
            else:
                done = f"Không chuyển đoàn viên nào sang {target.name}"
            notes = [not_moved_message(result)]
            if result.count:
                notes.append(secretaries_message(target.name, secretaries, merging=False))
            said = "\n\n".join(note for note in notes if note)
            if said:  # said in a message box: the status bar is easily missed
                self.prompts.information(self, "Chuyển chi đoàn", f"{done}.\n\n{said}")
            if result.count:
                self.status_message.emit(f"{done} — bấm Hoàn tác (Ctrl+Z) để trả lại như trước.")
            elif not said:
                self.status_message.emit(f"{done}: đã ở chi đoàn này.")

        op = CoreOp(self, move, self._core,
                    label=f"Đang chuyển {members_phrase(len(ids))}…")  # fmt: skip
        op.success(moved).failure(self._core.reporter(self, "Không chuyển được")).run()
