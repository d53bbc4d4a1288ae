"""The most characters each text column of a travelling table takes, and its check.

One rule for every way a text enters the database (a form, the command line, an Excel import)
and for a bundle's rows (``bundle.validate``): the app never stores what its own bundle would
refuse, nor what PostgreSQL (``String(300)`` enforced) would. :func:`text_limits` derives the
limits from the models.
"""

from __future__ import annotations

from functools import cache

from sqlalchemy import String, Text

LONGEST_LINE = 32_767
"""The most characters a one-line field of no declared length takes: a form's line edit holds no
more (Qt's default ``maxLength``) and the Excel import refuses a longer cell
(``xlsx.refusals.MAX_CELL_CHARS``)."""
LONGEST_NOTE = 100_000
"""The most characters a multi-line text takes (a note, a plan's content, the minutes of a
meeting): some thirty printed pages, far above what the app's users write, far below what a
crafted file could make every list, form and document hold (a row may be 16 MB,
``limits.MAX_LINE``)."""
STRUCTURED = frozenset(
    {
        ("activities", "branch_ids"),
        ("activities", "target_ids"),
        ("settings", "value"),
        ("rating_rounds", "rules"),
        ("rating_rounds", "history"),
        ("criteria_templates", "content"),
        ("checklists", "template"),
    }
)
"""The multi-line columns the app fills itself with JSON (lists of ids, rules, a template, the
history of a round), not typed: no :data:`LONGEST_NOTE`, only the bundle's limit for a row."""


def _tighter() -> dict[tuple[str, str], int]:
    """The fields whose form and import take fewer characters than their column declares (a
    full name: ``String(200)``, 100 taken), or name that column's length (the activity form's
    title)."""
    from ..activities.fields import LONGEST_TITLE
    from ..roster.validation import LONGEST_FULL_NAME

    return {
        ("members", "full_name"): LONGEST_FULL_NAME,
        ("youths", "full_name"): LONGEST_FULL_NAME,
        ("activities", "title"): LONGEST_TITLE,
    }


@cache
def text_limits(table: str) -> dict[str, int | None]:
    """Each text column of the travelling ``table`` (in the table's order) and its most
    characters: the length its model declares (``String(300)``: 300; :data:`LONGEST_LINE` where
    it declares none), or fewer where the form takes fewer; a multi-line one (``Text``)
    :data:`LONGEST_NOTE`, a JSON one of :data:`STRUCTURED` None; a code the forms pick from a
    fixed list (``bundle.validate.CHOICES``, checked as one of its codes) None. Not the search
    and sort keys, computed from other columns (``bundle.walk.DERIVED``), nor a reference to
    another row (an id)."""
    from ..bundle.validate import CHOICES
    from ..bundle.walk import DERIVED
    from .models import TRAVELLING_TABLES

    tables = {model.__table__.name: model.__table__ for model in TRAVELLING_TABLES}  # type: ignore[attr-defined]
    tighter = _tighter()
    limits: dict[str, int | None] = {}
    for column in tables[table].columns:
        name = column.name
        if not isinstance(column.type, String) or name in DERIVED.get(table, ()):
            continue
        if column.foreign_keys:
            continue
        if isinstance(column.type, Text):
            limits[name] = None if (table, name) in STRUCTURED else LONGEST_NOTE
        elif name in CHOICES.get(table, {}):
            limits[name] = None
        else:
            declared = column.type.length or LONGEST_LINE
            limits[name] = min(declared, tighter.get((table, name), declared))
    return limits
