"""Undo of deletions: a QUndoStack of soft deletes (members, young people), undone by restoring.

Undo lasts until the app is closed (the stack lives in the main window). A restore the data no
longer allows (a CCCD reused meanwhile) is reported and the command dropped from the stack.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand, QUndoStack

from ...core.errors import AppError
from ...core.lang.text import vn_number
from .signals import MEMBERS, DataChanged


class SoftDeleting(Protocol):
    """A core service whose records are tombstoned and can be brought back."""

    def delete(self, ids: Sequence[str]) -> int: ...

    def restore(self, ids: Sequence[str]) -> int: ...


def members_phrase(count: int, first_name: str = "") -> str:
    """ "đoàn viên Nguyễn Văn An" (one, named) or "3 đoàn viên", for messages."""
    if count == 1 and first_name:
        return f"đoàn viên {first_name}"
    return f"{vn_number(count)} đoàn viên"


class DeleteCommand(QUndoCommand):
    """Soft-delete records on redo, restore them on undo; ``what`` is announced as changed."""

    def __init__(
        self, service: SoftDeleting, ids: Sequence[str], label: str, what: str,
        data_changed: DataChanged, on_error: Callable[[str], None],
    ) -> None:  # fmt: skip
        super().__init__(label)
        self._service = service
        self._ids = list(ids)
        self._what = what
        self._data_changed = data_changed
        self._on_error = on_error

    def redo(self) -> None:
        self._service.delete(self._ids)
        self._data_changed.notify(self._what)

    def undo(self) -> None:
        try:
            self._service.restore(self._ids)
        except AppError as exc:
            self.setObsolete(True)
            self._on_error(exc.message)
            return
        self._data_changed.notify(self._what)


class UndoHistory(QUndoStack):
    """The app's undo stack; ``error`` reports a failed undo with the core's message."""

    def __init__(self, data_changed: DataChanged, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._data_changed = data_changed
        self.on_error: Callable[[str], None] = lambda message: None

    def _on_error(self, message: str) -> None:
        self.on_error(message)

    def delete(self, service: SoftDeleting, ids: Sequence[str], label: str, what: str) -> None:
        """Delete now (through the stack) so that "Hoàn tác" can bring the records back.

        ``label`` names the deletion, e.g. "Xóa 3 đoàn viên"; ``what`` is the data-changed name.
        """
        self.push(DeleteCommand(service, ids, label, what, self._data_changed, self._on_error))

    def delete_members(self, members: SoftDeleting, ids: Sequence[str], label: str) -> None:
        self.delete(members, ids, label, MEMBERS)
