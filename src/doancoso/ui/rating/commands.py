"""What the grid's undoable actions (:mod:`.cell_undo`, :mod:`.bulk`) share: they are pushed
once saved (so the first ``redo``, the push, does nothing), and a step the core refuses makes
the command obsolete and shows the core's message."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from ...core.errors import AppError
from ..shell.operations import Core
from ..shell.undo import ReportingCommand


class SavedCommand(ReportingCommand):
    """A grid action already saved when pushed onto the undo history."""

    def __init__(
        self, label: str, core: Core, window: QWidget | None, on_error: Callable[[str], None]
    ) -> None:
        super().__init__(label)
        self._core = core
        self._window = window
        self._on_error = on_error
        self._pushed = False

    def _failed(self, ended: Callable[[bool], None], exc: BaseException) -> None:
        """A step that did not write: the core's refusal shown (the command obsolete), any
        other error reported as the app does."""
        ended(False)
        if not isinstance(exc, AppError):
            self._core.runner.show_error(exc, parent=self._window)
            return
        if isValid(self):
            self.setObsolete(True)
        self._on_error(exc.message)
