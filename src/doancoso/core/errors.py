"""Typed errors of the app: each carries a Vietnamese message for the user and details for the log.

The GUI shows ``message``; the CLI prints it to stderr (a :class:`BadRowsError`'s whole list of
rows) and exits 1. Anything that is not an
:class:`AppError` is a bug: it is logged with its traceback and reported as such.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence


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


SHOWN_ROWS = 10
"""The bad rows a message box lists; the others are counted ("… và 5 dòng khác")."""


class BadRowsError(ImportFileError):
    """A file refused for its bad rows, every one of them named at once, so that the user fixes
    them all before trying again; nothing was changed. ``rows``: (row, reason) in the file's
    order, a row with several reasons once for each, a row of None for the file as a whole
    (said without a row number). ``message``, for a message box, is ``heading`` ("{rows}" in
    it replaced by how many rows are bad), then a line for each of the first
    :data:`SHOWN_ROWS` reasons ("• Dòng 8: …") and "… và N dòng khác." for the others;
    :attr:`full`, for the command line, lists them all. A file with one reason alone is refused
    with ``single(row, reason)``, the reader's one-line message."""

    def __init__(
        self,
        heading: str,
        rows: Sequence[tuple[int | None, str]],
        single: Callable[[int | None, str], str],
    ) -> None:
        from .lang.text import vn_number

        self.rows = list(rows)
        if len(self.rows) == 1:
            self.full = single(*self.rows[0])
            super().__init__(self.full)
            return
        heading = heading.replace("{rows}", vn_number(self.row_count))
        shown = self.rows[:SHOWN_ROWS]
        lines = [f"• {_line(row, reason)}" for row, reason in shown]
        rest = {r for r, _ in self.rows[SHOWN_ROWS:] if r is not None} - {r for r, _ in shown}
        if rest:
            lines.append(f"… và {vn_number(len(rest))} dòng khác.")
        self.full = "\n".join([heading, *(f"  {_line(r, why)}" for r, why in self.rows)])
        super().__init__("\n".join([heading, *lines]))

    @property
    def row_count(self) -> int:
        """How many rows are bad (the file's problems as a whole aside)."""
        return len({row for row, _ in self.rows if row is not None})


def _line(row: int | None, reason: str) -> str:
    """ "Dòng 8: điểm “mười” … 1000." (a sentence, from its capital when it names no row)."""
    reason = reason if reason.endswith((".", "!", "?", "…")) else f"{reason}."
    if row is None:
        return reason[:1].upper() + reason[1:]
    return f"Dòng {row}: {reason}"
