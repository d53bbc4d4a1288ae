"""Long SQLite statements of an import that "Hủy" stops (issue #17).

An import reports its progress chunk by chunk, and the GUI's report raises after "Hủy"
(:mod:`doancoso.core.progress`). One step of it is a few long statements with no chunk in
between: the indexes of a table filled from empty made again once it is full
(``storage/bulk.py``'s ``indexes_made_after``), during which "Hủy" waited for the last of
them. :class:`Interruptible` lets SQLite call back into Python every
:data:`STEPS` instructions of its virtual machine once it is armed, and asks ``check`` (the
report, at most every :data:`EVERY_S` seconds); what ``check`` raises stops the statement
(SQLite's progress handler) and is raised again in its place. The import's transaction is then
rolled back as after any other cancel: nothing is applied, and the indexes dropped are made
again by the rollback. Nothing is done but on SQLite.

The backup taken before the import is stopped the same way: its check of the copy
(``integrity_check``) runs under a :class:`Counted` of a plain ``sqlite3`` connection
(``backup/store.py``), whose count of the handler's calls tells how far the check got.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

STEPS = 1000
"""SQLite instructions between two calls of the handler (a few hundredths of a millisecond)."""
EVERY_S = 0.1
"""Seconds between two calls of ``check``: the report moves no bar there, it only stops."""


class Interruptible:
    """Once armed (:meth:`arm`) inside the block, a statement of ``session``'s connection (or
    of a ``sqlite3`` connection) stops when ``check()`` raises; the block then raises what
    ``check`` raised."""

    def __init__(self, session: Session | sqlite3.Connection, check: Callable[[], None]) -> None:
        if isinstance(session, sqlite3.Connection):
            self._dbapi: Any = session
        else:
            connection = session.connection()
            sqlite = connection.dialect.name == "sqlite"
            self._dbapi = connection.connection.dbapi_connection if sqlite else None
        self._check = check
        self._last = float("-inf")  # the first call checks at once
        self.stopped: BaseException | None = None

    def arm(self) -> None:
        """From now on (not before: the handler would slow the writes that report already)."""
        if self._dbapi is not None:
            self._dbapi.set_progress_handler(self._handler, STEPS)

    def _handler(self) -> int:
        """SQLite's progress handler: nonzero stops the statement running. Nothing may leave
        it (the sqlite3 module would drop it for its own "interrupted"), a Ctrl+C of the
        command line, raised wherever Python runs its signal handler, neither."""
        try:
            if self.stopped is not None:
                return 1
            now = time.monotonic()
            if now - self._last < EVERY_S:
                return 0
            self._last = now
            self._check()
        except BaseException as exc:  # noqa: BLE001 - raised again by __exit__
            self.stopped = exc
            return 1
        return 0

    def __enter__(self) -> Interruptible:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._dbapi is not None:
            self._dbapi.set_progress_handler(None, 0)
        if self.stopped is not None:  # the statement's "interrupted" error, or none if it ended
            raise self.stopped from None


class Counted(Interruptible):
    """An :class:`Interruptible` counting the calls of its handler (``steps``, one every
    :data:`STEPS` instructions): how far a long statement got, for a progress bar."""

    def __init__(self, session: Session | sqlite3.Connection, check: Callable[[], None]) -> None:
        super().__init__(session, check)
        self.steps = 0

    def _handler(self) -> int:
        self.steps += 1
        return super()._handler()
