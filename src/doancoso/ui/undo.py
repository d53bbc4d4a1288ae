"""Undo of deletions: a QUndoStack of soft deletes, undone by restoring the members.

Undo lasts until the app is closed (the stack lives in the main window). A restore the data no
longer allows (a CCCD reused meanwhile) is reported and the command dropped from the stack.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand, QUndoStack

from ..core.errors import AppError
from ..core.roster import MemberService
from .signals import MEMBERS, DataChanged


def members_phrase(count: int, first_name: str = "") -> str:
    """ "đoàn viên Nguyễn Văn An" (one, named) or "3 đoàn viên", for messages."""
    if count == 1 and first_name:
        return f"đoàn viên {first_name}"
    return f"{count:,} đoàn viên".replace(",", ".")


class DeleteMembersCommand(QUndoCommand):
    """Soft-delete members on redo, restore them on undo."""

    def __init__(
        self, members: MemberService, ids: Sequence[str], label: str,
        data_changed: DataChanged, on_error: Callable[[str], None],
    ) -> None:  # fmt: skip
        super().__init__(label)
        self._members = members
        self._ids = list(ids)
        self._data_changed = data_changed
        self._on_error = on_error

    def redo(self) -> None:
        self._members.delete(self._ids)
        self._data_changed.notify(MEMBERS)

    def undo(self) -> None:
        try:
            self._members.restore(self._ids)
        except AppError as exc:
            self.setObsolete(True)
            self._on_error(exc.message)
            return
        self._data_changed.notify(MEMBERS)


class UndoHistory(QUndoStack):
    """The app's undo stack; ``error`` reports a failed undo with the core's message."""

    def __init__(self, data_changed: DataChanged, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._data_changed = data_changed
        self.on_error: Callable[[str], None] = lambda message: None

    def _on_error(self, message: str) -> None:
        self.on_error(message)

    def delete_members(self, members: MemberService, ids: Sequence[str], label: str) -> None:
        """Delete now (through the stack) so that "Hoàn tác" can bring the members back.

        ``label`` names the deletion, e.g. "Xóa 3 đoàn viên".
        """
        self.push(DeleteMembersCommand(members, ids, label, self._data_changed, self._on_error))
