"""The application-wide "data changed" signal, passed to every page through its constructor
(inside :class:`~doancoso.ui.shell.operations.Core`)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class DataChanged(QObject):
    """``changed`` carries the :class:`~doancoso.core.changes.Changes` of one operation.

    Only the operations of :mod:`.operations` emit it (once per operation that changed anything,
    on the GUI thread, before the operation's success callback), and the check for writes of
    another process when the app becomes active. Writers never announce anything: the core's
    storage collects what each transaction wrote. Each view asks ``changes.touches(...)`` with
    the tables it shows (``members``, ``branches``, ``member_events``, ``youths``,
    ``organizations``) and refreshes itself.
    """

    changed = Signal(object)
