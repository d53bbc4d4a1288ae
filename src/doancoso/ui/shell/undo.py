"""Undo of deletions, of saved edits, of adds and of recorded events: the app's QUndoStack
("Hoàn tác", Ctrl+Z; "Làm lại", Ctrl+Y).

Undo lasts until the app is closed (the stack lives in the main window). Every write of an undo
or redo is an operation on the worker (:mod:`.operations`), which announces what changed.

- A soft delete (members, young people, plan targets, activities, register records, evidence
  files) is pushed once it succeeded (:meth:`UndoHistory.delete`); undone by restoring.
- A saved edit of a member's or a young person's own fields (the forms' "Lưu") is pushed with
  the fields before and after it, read in the save's transaction (``ws.members.edit``,
  ``ws.youth.edit``; :meth:`UndoHistory.edit`). Undo writes the fields before back, redo the
  saved ones (``put_back``), each only over a record still exactly as the other left it: a
  record edited again since (elsewhere, by the command line, an event recorded on the member)
  or deleted is never overwritten.
- An add (the forms' "Thêm", and "Kết nạp vào Đoàn" of the youth register, which creates a
  member) is pushed with the record as the add left it, read in its transaction
  (``ws.members.add``, ``ws.youth.add``, ``ws.youth.admit_undoable``; :meth:`UndoHistory.add`).
  Undo soft-deletes the record (an admission also goes back to the register's active list), redo
  restores it. An add is on the stack because it is the secretary's last action: if it were not,
  Ctrl+Z right after it would silently undo an older command instead (a walkthrough: an edit
  taken back after adding a member, "Đã hoàn tác." saying nothing of which). Unlike "Xóa", its
  undo asks no question: what it takes away is what she just typed, and the status bar names it
  ("Đã hoàn tác: Thêm đoàn viên …."). It is refused, with the core's message, when the record
  was edited or (a member) had events recorded since the add: its fields and its events are
  compared with the add's, as an edit's undo compares fields, so nothing typed later disappears
  without a word.
- Events recorded on members (:class:`EventsCommand`, :meth:`UndoHistory.recorded_events`): one
  event recorded with "Ghi sự kiện…" on the roster or in the member form's "Quá trình" tab ("Ghi
  “Chuyển sinh hoạt đi” cho đoàn viên Trần Công An"), and a decision for a list, a coming of age or
  the end of temporary stays, as ONE command however many members it concerns ("Ghi nhận trưởng
  thành Đoàn cho 106 đoàn viên"). The write returns the events with each member's history as it left
  them (``RecordedEvents``: live events and the fields their replay writes, read in its
  transaction). Undo deletes exactly those events in one transaction, each member's status and dates
  replayed (``ws.events.take_back``); redo restores them (``ws.events.bring_back``). Each step is
  refused, with the core's message, when a member's history is no longer as the step before left it
  (another event recorded or deleted, the admission fields edited): the command is on the stack
  because it is the secretary's last action (a walkthrough: Ctrl+Z after "Chuyển sinh hoạt đi"
  reached an older edit of that member, refused as the member was now read-only), and because one
  wrong click on a list of 106 must not mean 106 deletions. An event deleted in the "Quá trình" tab
  is the same command the other way round ("Xóa “Kết nạp Đoàn” ngày 26/03/2018 của đoàn viên Lê Thị
  Hoa", ``ws.events.delete_undoable``): undo restores it (``bring_back``), redo deletes it again
  (``take_back``). The tab's commands are pushed as they are written, while the form is open, so
  that they come before a save of the form on the stack.
- Members moved to another chi đoàn ("Chuyển chi đoàn…" on the roster; :class:`MoveCommand`,
  :meth:`UndoHistory.moved_members`), as one command however many members it moved: the move
  returns each member's chi đoàn before it (``ws.branches.move_undoable``); undo puts them back
  (``move_back``), redo moves them again (``move_again``), each refused, with the core's
  message, when a member was since deleted, left the union, or is no longer in the chi đoàn the
  step before left them in.

- Chi đoàn created or renamed on the chi đoàn page (:meth:`UndoHistory.created_branch`,
  :meth:`UndoHistory.renamed_branch`): undo of a create removes the chi đoàn
  (``ws.branches.take_back_created``), refused when it was renamed since or holds a member's
  record; redo brings it back (``bring_back_created``), refused when another took its name. Undo
  of a rename puts the old name back (``name_back``), redo the new one (``rename_again``), each
  refused when the name was changed again or the name to put back was taken since. A chi đoàn
  deleted (:meth:`UndoHistory.deleted_branch`) is brought back on undo (``bring_back_deleted``,
  its deleted members with it, refused when another took its name) and deleted again on redo
  (refused when it holds members since). A chi đoàn merged into another
  (:meth:`UndoHistory.merged_branch`) is brought back on undo with every member the merge moved
  (``unmerge``, refused when one of them was deleted or moved since, or another took its name)
  and merged again on redo (``merge_again``).

The history is forgotten (``clear``) when the data change wholesale (``Changes.wholesale``: a
backup restored, a bundle imported): its commands name rows and remember fields of data that are
no longer those the secretary deleted or edited, and a "Làm lại" must never delete a member of
the restored data unasked. It is forgotten too after a write of many records that is not itself
undoable (``Changes.bulk``: a spreadsheet import of members or young people, a rating round
closed or reopened, a plan copied from another year; decisions for a list of members, moves
of members to a chi đoàn and merges of chi đoàn are undoable, above, and keep the history):
otherwise Ctrl+Z right after an import would reach past it and undo an older edit, while the
secretary believes she is undoing the import. The core marks such writes where they are made
(``Database.transaction(bulk=True)``), so the mark holds whoever starts them and whatever dialog
shows them; the history clears on the one data-changed signal
(:meth:`UndoHistory._data_changed`), not at the end of each dialog, where a new bulk operation
could forget to. A clear is a barrier: nothing older can be undone after it.

An undo or redo the data no longer allows (a CCCD reused meanwhile, a record changed since) is
reported with the core's message and the command marked obsolete: dropped by the stack at once
when the runner is synchronous; with a worker the failure arrives after the stack moved, and the
command is dropped, doing nothing, at the next redo.

Each step's write runs on the worker, after the stack has moved: the commands say when it ended
(:class:`ReportingCommand`, ``UndoHistory.on_done``), so that the status bar says "Đã hoàn
tác: …" once the records are back, not when the undo was only asked for (a refused undo then
said both "Đã hoàn tác" and "Không hoàn tác được").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import Generic, Protocol, TypeVar

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from ...core.changes import Changes
from ...core.errors import AppError
from ...core.lang.text import vn_number
from ...core.lifecycle.recorded import RecordedEvents
from ...core.roster.branches import (
    BranchInfo,
    DeletedBranch,
    MergedBranch,
    MovedMembers,
    RenamedBranch,
)
from ...core.workspace import Workspace
from .operations import Core, CoreOp


class SoftDeleting(Protocol):
    """A core service whose records are tombstoned and can be brought back."""

    def delete(self, ids: Sequence[str]) -> int: ...

    def restore(self, ids: Sequence[str]) -> int: ...


Service = Callable[[Workspace], SoftDeleting]
"""Which service of the workspace holds the records, e.g. ``lambda ws: ws.members``."""


def members_service(ws: Workspace) -> SoftDeleting:
    return ws.members


def members_phrase(count: int, first_name: str = "") -> str:
    """ "đoàn viên Nguyễn Văn An" (one, named) or "3 đoàn viên", for messages."""
    if count == 1 and first_name:
        return f"đoàn viên {first_name}"
    return f"{vn_number(count)} đoàn viên"


StepDone = Callable[[bool, str, bool], None]
"""Told that the undo (``True``) or redo (``False``) of the command labelled ``str`` ended on the
worker: written (``True``), or not (``False``: refused, failed, or dropped as obsolete)."""


class ReportingCommand(QUndoCommand):
    """A command whose undo and redo each write on the worker and tell :attr:`on_done` (set by
    the :class:`UndoHistory` that pushes it) when that write ended."""

    on_done: StepDone | None = None

    def _report(self, undoing: bool) -> Callable[[bool], None]:
        """What to call with the step's outcome once it ended: the label and the callback are
        taken now, since the stack may delete this command while the worker runs."""
        report, label = self.on_done, self.text()

        def ended(written: bool) -> None:
            if report is not None:
                report(undoing, label, written)

        return ended


class DeleteCommand(ReportingCommand):
    """Restore records on undo, soft-delete them again on redo. Pushed once the first deletion
    succeeded, so its first ``redo`` (the push) does nothing."""

    def __init__(
        self, core: Core, service: Service, ids: Sequence[str], label: str,
        on_error: Callable[[str], None], window: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(label)
        self._core = core
        self._window = window  # where a slow undo or redo shows its progress
        self._service = service
        self._ids = list(ids)
        self._on_error = on_error
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:  # the deletion itself ran before the push
            self._pushed = True
            return
        service, ids = self._service, self._ids
        ended = self._report(False)
        op = CoreOp(self._window, lambda ws: service(ws).delete(ids), self._core, label="Đang xóa…")
        op.success(lambda _count: ended(True)).failure(partial(self._redo_failed, ended)).run()

    def undo(self) -> None:
        service, ids = self._service, self._ids
        ended = self._report(True)
        op = CoreOp(self._window, lambda ws: service(ws).restore(ids), self._core,
                    label="Đang khôi phục…")  # fmt: skip
        op.success(lambda _count: ended(True)).failure(partial(self._restore_failed, ended)).run()

    def _redo_failed(self, ended: Callable[[bool], None], exc: BaseException) -> None:
        ended(False)
        self._core.runner.show_error(exc, parent=self._window)

    def _restore_failed(self, ended: Callable[[bool], None], exc: BaseException) -> None:
        ended(False)
        if not isinstance(exc, AppError):
            self._core.runner.show_error(exc, parent=self._window)
            return
        if isValid(self):  # the stack may have dropped this command while the worker ran
            self.setObsolete(True)  # dropped by the stack when this happens inside undo()
        self._on_error(exc.message)


Write = Callable[[Workspace], object]
"""One write of an undo or a redo on the worker, e.g. ``lambda ws: ws.members.take_back(added)``;
refused with an :class:`AppError` when the data no longer allow it."""


class WriteCommand(ReportingCommand):
    """An undo and a redo that are each one write, refused (the command dropped, the core's
    message shown) when the data changed since. Pushed once the action itself succeeded, so its
    first ``redo`` (the push) does nothing."""

    def __init__(
        self, core: Core, undo_write: Write, redo_write: Write, label: str,
        on_error: Callable[[str], None], window: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(label)
        self._core = core
        self._window = window
        self._undo_write = undo_write
        self._redo_write = redo_write
        self._on_error = on_error
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:  # the action itself ran before the push
            self._pushed = True
            return
        self._write(self._redo_write, "Đang làm lại…", undoing=False)

    def undo(self) -> None:
        self._write(self._undo_write, "Đang hoàn tác…", undoing=True)

    def _write(self, write: Write, label: str, *, undoing: bool) -> None:
        ended = self._report(undoing)
        if self.isObsolete():  # refused before, on the worker: the stack drops it now
            ended(False)
            return
        op = CoreOp(self._window, write, self._core, label=label)
        op.success(lambda _value: ended(True)).failure(partial(self._refused, ended)).run()

    def _refused(self, ended: Callable[[bool], None], exc: BaseException) -> None:
        ended(False)
        if not isinstance(exc, AppError):
            self._core.runner.show_error(exc, parent=self._window)
            return
        if isValid(self):  # the stack may have dropped this command while the worker ran
            self.setObsolete(True)
        self._on_error(exc.message)


F = TypeVar("F")

PutBack = Callable[[Workspace, F, F], None]
"""Write fields back over a record still as expected, e.g.
``lambda ws, fields, expected: ws.members.put_back(member_id, fields, expected)``."""


class EditCommand(WriteCommand, Generic[F]):
    """Write the fields before a saved edit back on undo, the saved ones on redo (see the module
    docstring)."""

    def __init__(
        self, core: Core, put_back: PutBack[F], before: F, after: F, label: str,
        on_error: Callable[[str], None], window: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(
            core,
            lambda ws: put_back(ws, before, after),
            lambda ws: put_back(ws, after, before),
            label, on_error, window,
        )  # fmt: skip


class AddCommand(WriteCommand):
    """Take an added record back (soft-delete it) on undo, bring it back on redo (see the module
    docstring)."""


class MoveCommand(WriteCommand):
    """Put members moved to a chi đoàn back where they were on undo, move them again on redo
    (see the module docstring)."""

    def __init__(
        self, core: Core, moved: MovedMembers, label: str, on_error: Callable[[str], None],
        window: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(
            core,
            lambda ws: ws.branches.move_back(moved),
            lambda ws: ws.branches.move_again(moved),
            label, on_error, window,
        )  # fmt: skip


class RenameBranchCommand(WriteCommand):
    """Put a renamed chi đoàn's old name back on undo, the new one on redo (see the module
    docstring)."""

    def __init__(
        self, core: Core, renamed: RenamedBranch, label: str, on_error: Callable[[str], None],
        window: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(
            core,
            lambda ws: ws.branches.name_back(renamed),
            lambda ws: ws.branches.rename_again(renamed),
            label, on_error, window,
        )  # fmt: skip


class DeleteBranchCommand(WriteCommand):
    """Bring a deleted chi đoàn back on undo, delete it again on redo (see the module
    docstring). What each redo left is what the next undo puts back: kept on the worker, in a
    plain holder, as :class:`EventsCommand` does."""

    def __init__(
        self, core: Core, deleted: DeletedBranch, label: str, on_error: Callable[[str], None],
        window: QWidget | None = None,
    ) -> None:  # fmt: skip
        latest = [deleted]

        def bring_back(ws: Workspace) -> None:
            ws.branches.bring_back_deleted(latest[0])

        def delete_again(ws: Workspace) -> None:
            latest[0] = ws.branches.delete_undoable(latest[0].branch_id)

        super().__init__(core, bring_back, delete_again, label, on_error, window)


class MergeBranchCommand(WriteCommand):
    """Bring a merged chi đoàn back with its members on undo, merge it again on redo (see the
    module docstring); what each redo moved is what the next undo puts back, kept on the
    worker as :class:`DeleteBranchCommand` keeps it."""

    def __init__(
        self, core: Core, merged: MergedBranch, label: str, on_error: Callable[[str], None],
        window: QWidget | None = None,
    ) -> None:  # fmt: skip
        latest = [merged]

        def unmerge(ws: Workspace) -> None:
            ws.branches.unmerge(latest[0])

        def merge_again(ws: Workspace) -> None:
            latest[0] = ws.branches.merge_again(latest[0])

        super().__init__(core, unmerge, merge_again, label, on_error, window)


class EventsCommand(WriteCommand):
    """Take recorded events back (delete them, the statuses replayed) on undo, bring them back
    on redo; the other way round for a deleted event (see the module docstring). Each step
    checks the members' histories as the step before left them, which only the worker knows:
    the step itself keeps them, on the worker (the steps run there one after another, in the
    order pushed), in a plain holder rather than on this command, which the stack may delete
    meanwhile."""

    def __init__(
        self, core: Core, recorded: RecordedEvents, label: str,
        on_error: Callable[[str], None], window: QWidget | None = None,
    ) -> None:  # fmt: skip
        latest = [recorded]

        def take_back(ws: Workspace) -> None:
            latest[0] = ws.events.take_back(latest[0])

        def bring_back(ws: Workspace) -> None:
            latest[0] = ws.events.bring_back(latest[0])

        if recorded.deleted:  # the write deleted the event: its undo brings it back
            super().__init__(core, bring_back, take_back, label, on_error, window)
        else:
            super().__init__(core, take_back, bring_back, label, on_error, window)


class UndoHistory(QUndoStack):
    """The app's undo stack; ``on_error`` reports a refused undo with the core's message,
    ``on_done`` the end of each step of a :class:`ReportingCommand` (see :data:`StepDone`)."""

    def __init__(self, core: Core, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._core = core
        self._window = parent if isinstance(parent, QWidget) else None
        self.on_error: Callable[[str], None] = lambda message: None
        self.on_done: StepDone = lambda undoing, label, written: None
        core.data_changed.changed.connect(self._data_changed)

    def push(self, cmd: QUndoCommand) -> None:
        """Push ``cmd``; a :class:`ReportingCommand` will tell :attr:`on_done` when its steps
        end."""
        if isinstance(cmd, ReportingCommand):
            cmd.on_done = self._on_done
        super().push(cmd)

    def _on_done(self, undoing: bool, label: str, written: bool) -> None:
        self.on_done(undoing, label, written)

    def reports_next(self, undoing: bool) -> bool:
        """Whether the command the next undo (redo) steps through tells :attr:`on_done` when
        it ended."""
        index = self.index() - 1 if undoing else self.index()
        return isinstance(self.command(index), ReportingCommand)

    def _data_changed(self, changes: Changes) -> None:
        if changes.ends_undo:  # wholesale or bulk: see the module docstring
            self.clear()

    def _on_error(self, message: str) -> None:
        self.on_error(message)

    def delete(
        self, parent: QWidget, service: Service, ids: Sequence[str], label: str,
        done: Callable[[], None] | None = None,
    ) -> None:  # fmt: skip
        """Delete on the worker; once done, push the deletion so "Hoàn tác" can bring the
        records back, then call ``done``. ``label`` names the deletion, e.g. "Xóa 3 đoàn viên".
        A refused deletion shows the core's message and pushes nothing."""
        kept = list(ids)

        def deleted(_count: int) -> None:
            command = DeleteCommand(self._core, service, kept, label, self._on_error, self._window)
            self.push(command)
            if done is not None:
                done()

        def refused(exc: BaseException) -> None:
            if isinstance(exc, AppError):
                self._core.prompts.error(parent, "Không xóa được", exc.message)
            else:
                self._core.runner.show_error(exc, parent=parent)

        op = CoreOp(parent, lambda ws: service(ws).delete(kept), self._core, label="Đang xóa…")
        op.success(deleted).failure(refused).run()

    def edit(self, label: str, put_back: PutBack[F], before: F, after: F) -> None:
        """Push a saved edit, its fields ``before`` and ``after`` (from ``ws.members.edit``,
        ``ws.youth.edit``), so that "Hoàn tác" writes the fields before back through
        ``put_back``. ``label`` names it, e.g. "Sửa thông tin đoàn viên Nguyễn Văn An". A save
        that changed nothing pushes nothing."""
        if before == after:
            return
        self.push(EditCommand(self._core, put_back, before, after, label, self._on_error,
                              self._window))  # fmt: skip

    def saved_edit(
        self, noun: str, who: Callable[[F], str], put_back: PutBack[F],
        change: tuple[F, F] | None,
    ) -> str:  # fmt: skip
        """Push a form's saved edit (:meth:`edit`, labelled "Sửa thông tin " + ``who(after)``,
        e.g. "đoàn viên Nguyễn Văn An"); what the status bar says of it (``noun``, e.g. "đoàn
        viên", names a save that changed nothing)."""
        if change is None or change[0] == change[1]:
            return f"Đã lưu thông tin {noun}."
        before, after = change
        self.edit(f"Sửa thông tin {who(after)}", put_back, before, after)
        return f"Đã lưu thông tin {who(after)} — bấm Hoàn tác (Ctrl+Z) để trả lại như trước."

    def add(self, label: str, take_back: Write, bring_back: Write) -> None:
        """Push an add that succeeded, so that "Hoàn tác" takes the record back through
        ``take_back`` (e.g. ``lambda ws: ws.members.take_back(added)``) and "Làm lại" brings it
        back through ``bring_back``. ``label`` names it, e.g. "Thêm đoàn viên Lê Thị Thuỷ"."""
        self.push(AddCommand(self._core, take_back, bring_back, label, self._on_error,
                             self._window))  # fmt: skip

    def moved_members(self, label: str, moved: MovedMembers) -> None:
        """Push a move of members to a chi đoàn (``ws.branches.move_undoable``), so that "Hoàn
        tác" puts them back where they were. ``label`` names it, e.g. "Chuyển 3 đoàn viên sang
        Chi đoàn ấp 2". A move that moved no one pushes nothing."""
        if moved.count:
            self.push(MoveCommand(self._core, moved, label, self._on_error, self._window))

    def created_branch(self, created: BranchInfo) -> None:
        """Push a chi đoàn created (``ws.branches.create``), so that "Hoàn tác" removes it and
        "Làm lại" brings it back, labelled "Thêm chi đoàn “…”"."""
        self.add(
            f"Thêm chi đoàn “{created.name}”",
            lambda ws: ws.branches.take_back_created(created),
            lambda ws: ws.branches.bring_back_created(created),
        )

    def renamed_branch(self, renamed: RenamedBranch) -> None:
        """Push a chi đoàn renamed (``ws.branches.rename_undoable``), so that "Hoàn tác" puts
        the old name back. A rename that changed nothing pushes nothing."""
        if renamed.before != renamed.after:
            label = f"Đổi tên “{renamed.before}” thành “{renamed.after}”"
            self.push(RenameBranchCommand(self._core, renamed, label, self._on_error,
                                          self._window))  # fmt: skip

    def deleted_branch(self, deleted: DeletedBranch) -> None:
        """Push a chi đoàn deleted (``ws.branches.delete_undoable``), so that "Hoàn tác" brings
        it back, labelled "Xóa chi đoàn “…”"."""
        label = f"Xóa chi đoàn “{deleted.name}”"
        self.push(DeleteBranchCommand(self._core, deleted, label, self._on_error, self._window))

    def merged_branch(self, merged: MergedBranch) -> None:
        """Push a chi đoàn merged into another (``ws.branches.merge_undoable``), so that "Hoàn
        tác" brings it back with its members, labelled "Gộp “…” vào “…”"."""
        label = f"Gộp “{merged.source_name}” vào “{merged.target_name}”"
        self.push(MergeBranchCommand(self._core, merged, label, self._on_error, self._window))

    def recorded_events(self, label: str, recorded: RecordedEvents) -> None:
        """Push events a write recorded (``ws.events.record_undoable``,
        ``confirm_coming_of_age``, ``end_temporary``), so that "Hoàn tác" takes them all back
        and "Làm lại" brings them back; or an event it deleted (``ws.events.delete_undoable``),
        which "Hoàn tác" brings back. ``label`` names the write, e.g. "Ghi “Chuyển sinh hoạt
        đi” cho đoàn viên Trần Công An"."""
        if recorded.event_ids:
            self.push(EventsCommand(self._core, recorded, label, self._on_error, self._window))

    def delete_members(
        self, parent: QWidget, ids: Sequence[str], label: str,
        done: Callable[[], None] | None = None,
    ) -> None:  # fmt: skip
        self.delete(parent, members_service, ids, label, done)
