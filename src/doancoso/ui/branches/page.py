"""The chi đoàn page: list with member counts; add, rename, merge into another, delete.

By keyboard, as on the roster: the page's key (Ctrl+3) puts the keyboard in the list, a chi
đoàn chosen; Enter on a chi đoàn renames it, Delete deletes it, Ctrl+Shift+M merges it into
another. One deleted (or whose addition is undone), the chi đoàn then in its row is chosen.

The members in no chi đoàn are counted on a row of their own ("Chưa có chi đoàn"), so the
page's totals are the roster's; nothing can be done to that row. Deleting a chi đoàn that still
holds members is refused before anything is asked (the core refuses it too). Every read and
every write is an operation on the worker (:mod:`..shell.operations`): the list is shown once
read, and read again when the app's data-changed signal says chi đoàn or members changed.
Adding, renaming, merging (asked first) and deleting go onto the undo history
(:mod:`..shell.undo`).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...core.changes import Changes
from ...core.lang.text import vn_number
from ...core.roster.branches import (
    UNASSIGNED,
    BranchInfo,
    DeletedBranch,
    MergedBranch,
    RenamedBranch,
    secretaries_message,
    undeletable_message,
)
from ...core.workspace import Workspace
from ..common.latest_read import LatestRead
from ..common.list_page import EMPTY_HINT_STYLE, READ_ONLY_TIP, keyed_in_unchosen, table_keys
from ..common.opening import OpenAfterRead
from ..shell.operations import Core, CoreOp
from ..shell.undo import UndoHistory
from .name_dialog import BranchNameDialog
from .table import BranchTableModel, is_unassigned

UNDO_HINT = " — bấm Hoàn tác (Ctrl+Z) để trả lại như trước."
MERGE_KEY = "Ctrl+Shift+M"
"""The key of "Gộp vào…": the roster's key of moving members to another chi đoàn (Ctrl+M) with
Shift, a chi đoàn's members moved at once; Ctrl+M itself means one thing in the whole app, as
the Đoàn viên menu shows it."""
EMPTY_HINT = (
    "Chưa có chi đoàn nào. Bấm “Thêm” để tạo chi đoàn đầu tiên (ví dụ “Chi đoàn ấp Tân Phú”), "
    "rồi thêm đoàn viên ở mục “Đoàn viên” (Ctrl+1)."
)
"""What a new organisation's page says (the empty roster sends the secretary here first)."""

Listed = tuple[list[BranchInfo], BranchInfo]
"""The chi đoàn, and the members in no chi đoàn, as the worker read them."""


def read_branches(ws: Workspace) -> Listed:
    """What the page shows (on the worker)."""
    return ws.branches.list(), ws.branches.unassigned()


def count_text(branches: int, active: int, temporary: int, unassigned: int) -> str:
    """The page's count: "15 chi đoàn, 1.760 đoàn viên đang sinh hoạt (kể cả 92 sinh hoạt tạm;
    3 chưa có chi đoàn)". The members of other organisations on temporary activity here are
    named, so that nobody adding up organisations counts them twice."""
    notes = []
    if temporary:
        notes.append(f"kể cả {vn_number(temporary)} sinh hoạt tạm")
    if unassigned:
        notes.append(f"{vn_number(unassigned)} chưa có chi đoàn")
    text = f"{vn_number(branches)} chi đoàn, {vn_number(active)} đoàn viên đang sinh hoạt"
    return f"{text} ({'; '.join(notes)})" if notes else text


class BranchesPage(QWidget):
    """Every core call about branches made by the GUI is in this class."""

    status_message = Signal(str)

    def __init__(self, core: Core, history: UndoHistory, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._core = core
        self._history = history
        self._ws = core.ws
        self.prompts = core.prompts
        self.model = BranchTableModel(self)
        self._listing = LatestRead(self, core, read_branches, self._show)
        self._asking = OpenAfterRead(self, core)  # what a merge or a deletion asks about
        self._to_choose: str | None = None  # a chi đoàn added, chosen once the list shows it
        self._build()
        self.refresh()
        core.data_changed.changed.connect(self._on_data_changed)

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Các chi đoàn trực thuộc. Chỉ xóa được chi đoàn không còn hồ sơ đoàn viên nào (kể "
            "cả người đã chuyển đi, trưởng thành Đoàn); chi đoàn còn đoàn viên thì gộp vào chi "
            "đoàn khác."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        buttons = QHBoxLayout()
        self.add_button = QPushButton("Thêm")
        self.rename_button = QPushButton("Đổi tên")
        self.merge_button = QPushButton("Gộp vào…")
        self.delete_button = QPushButton("Xóa")
        # Their keys said where the mouse points, as on the roster.
        self.add_button.setToolTip("Thêm một chi đoàn (Ctrl+N)")
        self.rename_button.setToolTip("Đổi tên chi đoàn đang chọn (Enter)")
        self.merge_button.setToolTip(f"Gộp chi đoàn đang chọn vào chi đoàn khác ({MERGE_KEY})")
        self.delete_button.setToolTip("Xóa chi đoàn đang chọn (Delete)")
        for button, slot in (
            (self.add_button, self.add_branch),
            (self.rename_button, self.rename_selected),
            (self.merge_button, self.merge_selected),
            (self.delete_button, self.delete_selected),
        ):
            button.clicked.connect(slot)
            buttons.addWidget(button)
        if self._ws.read_only is not None:  # a write-protected stick: say why, write nothing
            for button in (self.add_button, self.rename_button, self.merge_button,
                           self.delete_button):  # fmt: skip
                button.setToolTip(READ_ONLY_TIP)
            self.add_button.setEnabled(False)
        buttons.addStretch(1)
        self.count_label = QLabel()
        buttons.addWidget(self.count_label)
        layout.addLayout(buttons)
        self.empty_hint = QLabel(EMPTY_HINT)
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setStyleSheet(EMPTY_HINT_STYLE)
        self.empty_hint.hide()  # until the list is read: said only when there is none
        layout.addWidget(self.empty_hint)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)  # Tab leaves the list, as elsewhere in the app
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(lambda _index: self.rename_button.click())  # if it can
        keys = table_keys(self.table, self.rename_selected, self.delete_selected)
        # Anywhere on the page, never from another: the chi đoàn it merges is chosen here.
        merge = QAction("Gộp vào…", self)
        merge.setShortcut(QKeySequence(MERGE_KEY))
        merge.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        merge.triggered.connect(self.merge_selected)
        self.addAction(merge)
        self._key_actions = [*keys, merge]
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.table.installEventFilter(self)  # keyed into, it chooses a row (see eventFilter)
        # Where the page's key (Ctrl+3) puts the keyboard (see shell.main_window's
        # KEYBOARD_HOME: not a focus proxy, which Tab would jump to past the buttons).
        self.keyboard_home: QWidget = self.table
        layout.addWidget(self.table, 1)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.table and keyed_in_unchosen(self.table, event):
            # Qt would mark a row current but choose none: Enter and Delete did nothing.
            current = self.table.currentIndex()
            self.table.selectRow(current.row() if current.isValid() else 0)
        return super().eventFilter(watched, event)

    def refresh(self) -> None:
        """Read the chi đoàn again (on the worker) and show them when they arrive."""
        self._listing.run()

    def _show(self, listed: Listed) -> None:
        """Show what was read, the chosen chi đoàn still chosen."""
        branches, unassigned = listed
        current = self.selected_branch_id()
        rows = self.table.selectionModel().selectedRows()
        row = rows[0].row() if rows else None
        self.model.set_branches(branches, unassigned)
        active = sum(b.active_count for b in branches) + unassigned.active_count
        temporary = sum(b.temporary_count for b in branches) + unassigned.temporary_count
        self.count_label.setText(
            count_text(len(branches), active, temporary, unassigned.active_count)
        )
        self.empty_hint.setVisible(not branches)
        if current is not None:
            self.select_branch(current)
            if row is not None and self.selected_branch_id() is None and branches:
                # Gone (deleted, its addition undone): the chi đoàn now in its row is chosen,
                # or the last one, so that the keys still act (nothing chosen, none did).
                self.table.selectRow(min(row, len(branches) - 1))
        if self._to_choose is not None and self.model.row_of(self._to_choose) is not None:
            self.select_branch(self._to_choose)
            self._to_choose = None
        self._update_buttons()

    def _on_data_changed(self, changes: Changes) -> None:
        if changes.touches("branches", "members"):
            self.refresh()

    def _update_buttons(self) -> None:
        selected = bool(self.selected_branch_id())  # not the row of those in no chi đoàn
        writable = self._ws.read_only is None
        for button in (self.rename_button, self.merge_button, self.delete_button):
            button.setEnabled(selected and writable)
        for action in self._key_actions:  # Enter, Delete and Ctrl+M, as the buttons
            action.setEnabled(writable)

    def selected_branch_id(self) -> str | None:
        """The selected chi đoàn ("" for the row of the members in no chi đoàn)."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.branch(rows[0].row()).id if rows else None

    def select_branch(self, branch_id: str) -> None:
        row = self.model.row_of(branch_id)
        if row is not None:
            self.table.selectRow(row)

    def _choose_when_shown(self, branch_id: str) -> None:
        """Choose a chi đoàn just written, now or once the list read after the write shows it."""
        if self.model.row_of(branch_id) is None:
            self._to_choose = branch_id
        else:
            self.select_branch(branch_id)

    # Actions ------------------------------------------------------------------------------

    def add_branch(self) -> None:
        dialog = BranchNameDialog(
            self._core, "Thêm chi đoàn", lambda ws, name: ws.branches.create(name), parent=self
        )
        if self.prompts.run(dialog) and isinstance(created := dialog.written, BranchInfo):
            self._choose_when_shown(created.id)
            self._history.created_branch(created)
            self.status_message.emit(f"Đã thêm {created.name}{UNDO_HINT}")
        dialog.deleteLater()

    def rename_selected(self) -> None:
        branch_id = self.selected_branch_id()
        if not branch_id:
            return
        branch = self.model.branch(self.model.row_of(branch_id) or 0)
        dialog = BranchNameDialog(
            self._core, "Đổi tên chi đoàn",
            lambda ws, name: ws.branches.rename_undoable(branch_id, name), branch.name,
            parent=self,
        )  # fmt: skip
        if self.prompts.run(dialog) and isinstance(renamed := dialog.written, RenamedBranch):
            self._history.renamed_branch(renamed)  # pushes nothing when the name is the same
            if renamed.before != renamed.after:
                text = f"Đã đổi tên “{renamed.before}” thành “{renamed.after}”{UNDO_HINT}"
            else:
                text = f"Tên chi đoàn “{renamed.after}” không thay đổi."
            self.status_message.emit(text)
        dialog.deleteLater()

    def merge_selected(self) -> None:
        """Merge the selected branch into another one the user picks, after confirmation
        (asked once however often it was pressed before what it asks about was read)."""
        branch_id = self.selected_branch_id()
        if not branch_id or self._asking.opening:
            return
        source = self.model.branch(self.model.row_of(branch_id) or 0)
        shown = (self.model.branch(row) for row in range(self.model.rowCount()))
        targets = [b for b in shown if b.id != branch_id and not is_unassigned(b)]
        if not targets:
            self.prompts.information(self, "Gộp chi đoàn", "Cần có ít nhất hai chi đoàn để gộp.")
            return
        choice = self.prompts.choose(
            self, "Gộp chi đoàn", f"Gộp “{source.name}” vào chi đoàn:", [b.name for b in targets],
            placeholder="— Chọn chi đoàn —",
        )  # fmt: skip
        if choice is None:
            return
        target = targets[choice]
        # A chi đoàn has one Bí thư: two after the merge are warned of, never refused.
        self._asking.run(lambda ws: ws.branches.secretaries_after(target.id, source_id=branch_id),
                         lambda two: self._merge(source, target, two),
                         failed="Không gộp được")  # fmt: skip

    def _merge(self, source: BranchInfo, target: BranchInfo, two: Sequence[str]) -> None:
        """Merge ``source`` into ``target`` once confirmed (``two``: the Bí thư it would have)."""
        text = (
            f"Gộp “{source.name}” vào “{target.name}”?\n\n"
            f"{vn_number(source.member_count)} đoàn viên sẽ chuyển sang “{target.name}” "
            f"và chi đoàn “{source.name}” sẽ không còn."
        )
        if two:
            text += "\n\n" + secretaries_message(target.name, two, merging=True)
        if not self.prompts.confirm(self, "Gộp chi đoàn", text):
            return
        branch_id = source.id

        def merged(result: MergedBranch) -> None:
            self.select_branch(target.id)
            self._history.merged_branch(result)
            self.status_message.emit(
                f"Đã gộp “{source.name}” vào “{target.name}” ({vn_number(result.count)} đoàn "
                f"viên){UNDO_HINT}"
            )

        op = CoreOp(self, lambda ws: ws.branches.merge_undoable(branch_id, target.id),
                    self._core, label="Đang gộp chi đoàn…")  # fmt: skip
        op.success(merged).failure(self._core.reporter(self, "Không gộp được")).run()

    def delete_selected(self) -> None:
        """Delete the selected chi đoàn if it holds no member, after confirmation (asked once
        however often it was pressed before what it asks about was read); one that holds
        members is refused at once, without asking first."""
        branch_id = self.selected_branch_id()
        if not branch_id or self._asking.opening:
            return
        branch = self.model.branch(self.model.row_of(branch_id) or 0)
        if branch.member_count:
            read_only = branch.member_count - branch.active_count  # left or came of age
            message = undeletable_message(branch.name, branch.member_count, read_only)
            self.prompts.error(self, "Không xóa được", message)
            return
        self._asking.run(lambda ws: ws.branches.deleted_members(branch_id),
                         lambda deleted_members: self._delete(branch, deleted_members),
                         failed="Không xóa được")  # fmt: skip

    def _delete(self, branch: BranchInfo, deleted_members: int) -> None:
        """Delete the empty ``branch`` once confirmed (``deleted_members``: members deleted
        before who belonged to it)."""
        branch_id = branch.id
        question = f"Xóa chi đoàn “{branch.name}”?"
        if deleted_members:  # left in no chi đoàn by the core: said before it happens
            question += (
                f"\n\n{vn_number(deleted_members)} đoàn viên đã xóa trước đây thuộc chi đoàn "
                f"này; nếu được khôi phục khi chi đoàn không còn, họ sẽ ở mục “{UNASSIGNED}”."
            )
        if not self.prompts.confirm(self, "Xóa chi đoàn", question):
            return

        def deleted(result: DeletedBranch) -> None:
            self._history.deleted_branch(result)
            self.status_message.emit(
                f"Đã xóa chi đoàn “{branch.name}” — bấm Hoàn tác (Ctrl+Z) để lấy lại."
            )

        op = CoreOp(self, lambda ws: ws.branches.delete_undoable(branch_id), self._core,
                    label="Đang xóa…")  # fmt: skip
        op.success(deleted).failure(self._core.reporter(self, "Không xóa được")).run()
