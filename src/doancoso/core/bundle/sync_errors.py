"""Errors of the merge of bundles.

Defined here until ``core/bundle/errors.py`` (the container's, with ``BundleError``) exists on
this branch; they derive from :class:`~doancoso.core.errors.AppError` and will derive from
``BundleError`` once the two branches meet. Each message is Vietnamese and says that nothing
was written.
"""

from __future__ import annotations

from ..errors import AppError


class SyncError(AppError):
    """A bundle whose rows cannot be merged into this data; nothing was written."""


class ForeignBundle(SyncError):
    """A bundle of another organisation, without the choice to merge it in (sáp nhập)."""


class InvalidRows(SyncError):
    """A row of the bundle that this version cannot take: unknown table or column, a value of
    the wrong type, an id that collides, an evidence file named but absent."""


class UnresolvedConflicts(SyncError):
    """Rows changed on both sides since the last exchange, with no choice made for them."""
