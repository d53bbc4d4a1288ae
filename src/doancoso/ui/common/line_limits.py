"""A form's line edits stop typing at their column's length (``core.storage.lengths``), and a
text put there by the program is never cut.

The limits are read on the worker (an operation: ``text_limits`` is a cache of the core) and
set when they arrive, each never below the length of the text the field then holds: a record
loaded with a longer text, which an older version stored, reads whole (``setMaxLength`` would
cut it silently), and the core refuses it under its field only when it is typed again. A text
the form puts in a field (a record loaded, an event's date and place) widens the field's limit
to its length rather than lose its end (:func:`set_line_text`).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from PySide6.QtWidgets import QLineEdit, QWidget

from ...core.workspace import Workspace
from ..shell.operations import Core, QueryOp

Limits = dict[str, int | None]


def set_line_text(line: QLineEdit, text: str) -> None:
    """``line.setText(text)``, widening its limit to ``text``'s length first where it is
    shorter (a limit set by :func:`limit_lines`): nothing the program puts there is cut."""
    if len(text) > line.maxLength():
        line.setMaxLength(len(text))
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
                editor.setMaxLength(max(longest, len(editor.text())))

    QueryOp(parent, read, core, progress=False).success(apply).run()
