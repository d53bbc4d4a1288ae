"""Errors of the merge of bundles (the container's own are in :mod:`.errors`).

Like ``BundleError``, each derives from :class:`~doancoso.core.errors.ImportFileError`, which
the window and the command line show as a refusal; each message is Vietnamese and says that
nothing was written.
"""

from __future__ import annotations

from ..errors import ImportFileError


class SyncError(ImportFileError):
    """A bundle whose rows cannot be merged into this data; nothing was written."""


class ForeignBundle(SyncError):
    """A bundle of another organisation, without the choice to merge it in (sáp nhập):
    ``theirs`` and ``mine`` are the two organisations' names."""

    def __init__(self, message: str, theirs: str, mine: str) -> None:
        super().__init__(message)
        self.theirs = theirs
        self.mine = mine


class InvalidRows(SyncError):
    """A row of the bundle that this version cannot take: unknown table or column, a value of
    the wrong type, an id that collides, an evidence file named but absent."""


class UnresolvedConflicts(SyncError):
    """Rows changed on both sides since the last exchange, with no choice made for them."""
