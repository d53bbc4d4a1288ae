"""Undo of deletions: a QUndoStack of soft deletes (members, young people), undone by restoring.

Undo lasts until the app is closed (the stack lives in the main window). Every delete and
restore is an operation on the worker (:mod:`.operations`), which announces what changed. A
deletion is pushed on the stack once it succeeded; a restore the data no longer allows (a CCCD
reused meanwhile) is reported and, when the runner is synchronous, the command dropped from the
stack (a restore that fails on the worker reports the same message; its command stays, and
redoing it deletes nothing more).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from ...core.errors import AppError
from ...core.lang.text import vn_number
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


class DeleteCommand(QUndoCommand):
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
        op = CoreOp(self._window, lambda ws: service(ws).delete(ids), self._core, label="Đang xóa…")
        op.run()

    def undo(self) -> None:
        service, ids = self._service, self._ids
        op = CoreOp(self._window, lambda ws: service(ws).restore(ids), self._core,
                    label="Đang khôi phục…")  # fmt: skip
        op.failure(self._restore_failed).run()

    def _restore_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, AppError):
            self._core.runner.show_error(exc, parent=self._window)
            return
        if isValid(self):  # the stack may have dropped this command while the worker ran
            self.setObsolete(True)  # dropped by the stack when this happens inside undo()
        self._on_error(exc.message)


class UndoHistory(QUndoStack):
    """The app's undo stack; ``on_error`` reports a failed undo with the core's message."""

    def __init__(self, core: Core, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._core = core
        self._window = parent if isinstance(parent, QWidget) else None
        self.on_error: Callable[[str], None] = lambda message: None

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

    def delete_members(
        self, parent: QWidget, ids: Sequence[str], label: str,
        done: Callable[[], None] | None = None,
    ) -> None:  # fmt: skip
        self.delete(parent, members_service, ids, label, done)
