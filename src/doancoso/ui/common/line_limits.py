"""A form's line edits stop typing at their column's length (``core.storage.lengths``), and a
text put there by the program is never cut.

The limits are read on the worker (an operation: ``text_limits`` is a cache of the core) and
set when they arrive, each never below the length of the text the field then holds: a record
loaded with a longer text, which an older version stored, reads whole (a shorter limit would
cut it silently), and the core refuses it under its field only when it is typed again. A text
the form puts in a field (a record loaded, an event's date and place) widens the field's limit
to its length rather than lose its end (:func:`set_line_text`).

The limit is not Qt's ``setMaxLength``: that counts the text as typed, in UTF-16 units, before
the core's NFC, and cut a name pasted decomposed (NFD, "Nguyễn" as base letters and combining
marks, as some web pages give it) long before the core, composing it, would have taken it
whole, even between a letter and its mark. :class:`ColumnLimit` composes the text as it is
typed or pasted and counts it as the core does.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Collection, Mapping

from PySide6.QtCore import QObject
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QLineEdit, QWidget

from ...core.workspace import Workspace
from ..shell.operations import Core, QueryOp

Limits = dict[str, int | None]


def _units(text: str) -> int:
    """``text``'s length in UTF-16 units, as Qt counts a cursor position."""
    return len(text.encode("utf-16-le")) // 2


def _at_unit(text: str, units: int) -> int:
    """The index in ``text`` of the Qt cursor position ``units``."""
    seen = 0
    for index, char in enumerate(text):
        if seen >= units:
            return index
        seen += 2 if ord(char) > 0xFFFF else 1
    return len(text)


class ColumnLimit(QValidator):
    """A line edit's text in NFC, at most ``limit`` characters once in NFC (as the core counts
    it). An edit that would pass it is refused whole (Qt undoes it, its undo history kept): a
    key typed at the limit is not taken, a paste too long is not taken either rather than lose
    its end unseen."""

    def __init__(self, limit: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.limit = limit

    def validate(  # type: ignore[override]  # PySide6 takes the text and cursor back
        self, text: str, pos: int
    ) -> QValidator.State | tuple[QValidator.State, str, int]:
        composed = unicodedata.normalize("NFC", text)
        if len(composed) > self.limit:
            return QValidator.State.Invalid
        if composed == text:  # as typed: Qt keeps the text and its undo history as they are
            return QValidator.State.Acceptable
        after = unicodedata.normalize("NFC", text[_at_unit(text, pos) :])
        cursor = max(0, len(composed) - len(after))
        return QValidator.State.Acceptable, composed, _units(composed[:cursor])


def set_line_text(line: QLineEdit, text: str) -> None:
    """``line.setText(text)``, widening its limit to ``text``'s length first where it is
    shorter (a limit set by :func:`limit_lines`): nothing the program puts there is cut."""
    limit = line.validator()
    if isinstance(limit, ColumnLimit) and len(text) > limit.limit:
        limit.limit = len(text)
    line.setText(text)


def limit_lines(
    parent: QWidget, core: Core, table: str, editors: Mapping[str, QWidget],
    cleaned: Collection[str] = (),
) -> None:  # fmt: skip
    """Make each line edit of ``editors`` (by field, the name of its column of ``table``) take
    no more characters than its column, once the limits are read on the worker; never fewer
    than the text it holds then. ``cleaned``: fields the core stores cleaned of what is typed
    (a CCCD typed "079 123 456 789" is stored as 12 digits), left without a limit: their own
    checks say what is wrong with them."""

    def read(_ws: Workspace) -> Limits:
        from ...core.storage.lengths import text_limits  # (SQLAlchemy's models load with it)

        return text_limits(table)

    def apply(limits: Limits) -> None:
        for name, editor in editors.items():
            longest = limits.get(name)
            if isinstance(editor, QLineEdit) and longest is not None and name not in cleaned:
                editor.setValidator(ColumnLimit(max(longest, len(editor.text())), editor))

    QueryOp(parent, read, core, progress=False).success(apply).run()
