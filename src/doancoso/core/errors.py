"""Typed errors of the app: each carries a Vietnamese message for the user and details for the log.

The GUI shows ``message``; the CLI prints it to stderr and exits 1. Anything that is not an
:class:`AppError` is a bug: it is logged with its traceback and reported as such.
"""

from __future__ import annotations


class AppError(Exception):
    """Base of every error a user can cause or fix; ``message`` is Vietnamese."""

    def __init__(self, message: str, details: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.details = details


class ValidationError(AppError):
    """Input that breaks a rule. ``field_errors`` maps a field name to its Vietnamese message.
    ``mentions`` maps a field whose message tells to fill in another field to that field and
    the label the message names it by (``{"end_time": ("end_date", "Ngày kết thúc")}``): the
    command line names that field's option after the label, by key, whatever the wording."""

    def __init__(
        self,
        field_errors: dict[str, str],
        message: str = "",
        mentions: dict[str, tuple[str, str]] | None = None,
    ) -> None:
        self.field_errors = dict(field_errors)
        self.mentions = dict(mentions or {})
        summary = message or "; ".join(self.field_errors.values()) or "Dữ liệu không hợp lệ."
        super().__init__(summary)


class NotFoundError(AppError):
    """A record that the user asked for does not exist (or was deleted)."""


class ConflictError(AppError):
    """An action that the current state of the data does not allow."""


class StorageError(AppError):
    """The database cannot be opened, upgraded or written."""


class ImportFileError(AppError):
    """An outside file (Excel, CSV, bundle...) cannot be read; nothing was changed."""
