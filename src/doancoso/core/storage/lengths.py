"""The most characters each text column of a travelling table takes, and its check.

One rule for every way a text enters the database (a form, the command line, an Excel import)
and for a bundle's rows (``bundle.validate``): the app never stores what its own bundle would
refuse, nor what PostgreSQL (``String(300)`` enforced) would. :func:`text_limits` derives the
limits from the models; :func:`check_flush` (a ``before_flush`` listener) refuses a new or
changed object holding a longer text with a :class:`~..errors.ValidationError` naming the
field, as the forms show it, and :func:`check_bulk_write` (``do_orm_execute``) a bulk INSERT or
UPDATE run through a session.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from ..errors import ValidationError

if TYPE_CHECKING:  # SQLAlchemy loads with the first session, not with the workspace
    from sqlalchemy.orm import ORMExecuteState, Session

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


CODES: Mapping[tuple[str, str], str] = MappingProxyType(
    {
        ("members", "status"): "member_status",
        ("members", "gender"): "gender",
        ("members", "book_status"): "book_status",
        ("members", "birth_precision"): "birth_precision",
        ("youths", "gender"): "gender",
        ("youths", "birth_precision"): "birth_precision",
        ("occurrences", "status"): "occurrence_status",
        ("checklist_answers", "status"): "checklist_status",
    }
)
"""The columns the forms fill from a fixed list of codes, and which list: checked as one of its
codes (by the forms, and in a bundle by ``bundle.validate.CHOICES``, built from this with each
list's codes, which the domains hold), not by their length."""
DERIVED = frozenset(
    {
        ("branches", "name_fold"),
        ("members", "sort_key"),
        ("members", "search_text"),
        ("youths", "sort_key"),
        ("youths", "search_text"),
    }
)
"""The search and sort keys, computed from other columns (``bundle.walk.DERIVED`` takes them from
here, by table): no one types them, their length follows that of their sources."""
LONGEST_FULL_NAME = 100
"""The most characters a full name takes (a member's, a young person's; their column is
``String(200)``). Vietnamese full names are rarely over 50 ("Công Tằng Tôn Nữ Thị …" with
several middle names, or a Khmer or Chăm name of many parts, stays under 60); twice that leaves
room for any real name, while a paragraph pasted into the field (which every list and document
would then print) is refused."""

FIELD_LABELS: dict[str, str] = {}
"""How a refusal names a field ("hometown": "Quê quán"): the forms' words, which the domains
hold and hand over (:func:`name_fields`); a field without one is named by its own name."""


def name_fields(labels: Mapping[str, str]) -> None:
    """Take the Vietnamese names of the fields a refusal names (the workspace gives the
    bundle's ``FIELD_LABELS``, the words of the forms, as it loads)."""
    FIELD_LABELS.update(labels)


def _tighter() -> dict[tuple[str, str], int]:
    """The fields whose form and import take fewer characters than their column declares (a
    full name: ``String(200)``, :data:`LONGEST_FULL_NAME` taken), or name that column's length
    (the activity form's title, ``String(500)``)."""
    from .models import Activity

    return {
        ("members", "full_name"): LONGEST_FULL_NAME,
        ("youths", "full_name"): LONGEST_FULL_NAME,
        ("activities", "title"): Activity.__table__.c.title.type.length,  # type: ignore[attr-defined]
    }


@cache
def text_limits(table: str) -> dict[str, int | None]:
    """Each text column of the travelling ``table`` (in the table's order) and its most
    characters: the length its model declares (``String(300)``: 300; :data:`LONGEST_LINE` where
    it declares none), or fewer where the form takes fewer; a multi-line one (``Text``)
    :data:`LONGEST_NOTE`, a JSON one of :data:`STRUCTURED` None; a code the forms pick from a
    fixed list (:data:`CODES`, checked as one of its codes) None. Not the search and sort keys,
    computed from other columns (:data:`DERIVED`), nor a reference to another row (an id)."""
    from sqlalchemy import String, Text

    from .models import TRAVELLING_TABLES

    tables = {model.__table__.name: model.__table__ for model in TRAVELLING_TABLES}  # type: ignore[attr-defined]
    if table not in tables:
        return {}
    tighter = _tighter()
    limits: dict[str, int | None] = {}
    for column in tables[table].columns:
        name = column.name
        if not isinstance(column.type, String) or (table, name) in DERIVED:
            continue
        if column.foreign_keys:
            continue
        if isinstance(column.type, Text):
            limits[name] = None if (table, name) in STRUCTURED else LONGEST_NOTE
        elif (table, name) in CODES:
            limits[name] = None
        else:
            declared = column.type.length or LONGEST_LINE
            limits[name] = min(declared, tighter.get((table, name), declared))
    return limits


@cache
def carried_limits(table: str) -> dict[str, int | None]:
    """What a bundle's text columns of ``table`` may carry: :func:`text_limits`, except that a
    one-line field declared ``String(n)`` takes up to :data:`LONGEST_LINE` (or its form's
    tighter limit: a full name, an activity's title). An older version stored any length there
    (the check before a flush came later), and what is stored is left as it is: its handover
    must still bring it over; only a crafted file's megabytes are refused."""
    tighter = _tighter()
    return {
        name: longest
        if longest is None or longest == LONGEST_NOTE
        else tighter.get((table, name), LONGEST_LINE)
        for name, longest in text_limits(table).items()
    }


def too_long_message(field: str, length: int, longest: int) -> str:
    """``field``'s text of ``length`` characters refused, in the words of every refusal: "Quê
    quán dài 301 ký tự, quá 300 ký tự cho phép." (its label, :data:`FIELD_LABELS`, or its name
    where it has none)."""
    from ..lang.text import vn_number

    return (
        f"{FIELD_LABELS.get(field, field)} dài {vn_number(length)} ký tự, quá "
        f"{vn_number(longest)} ký tự cho phép."
    )


def too_long(table: str, values: Mapping[str, Any]) -> dict[str, str]:
    """The texts of ``values`` (a row of ``table``, or some of its columns) longer than
    :func:`text_limits` takes, each field with its :func:`too_long_message`."""
    errors: dict[str, str] = {}
    for name, longest in text_limits(table).items():
        value = values.get(name)
        if longest is not None and isinstance(value, str) and len(value) > longest:
            errors[name] = too_long_message(name, len(value), longest)
    return errors


def check_flush(session: Session) -> None:
    """``before_flush``: refuse (:class:`ValidationError`, nothing written) a new or changed
    travelling object whose text is longer than :func:`text_limits` takes. Of a changed one
    only the columns changed are checked: a text stored before this check does not block an
    unrelated change (moving a member to another chi đoàn)."""
    from sqlalchemy import inspect

    from .models import Travelling

    for obj in (*session.new, *session.dirty):
        if not isinstance(obj, Travelling):
            continue
        table = type(obj).__table__.name  # type: ignore[attr-defined]
        state = inspect(obj)
        new = obj in session.new
        values = {
            name: getattr(obj, name)
            for name, longest in text_limits(table).items()
            if longest is not None and (new or state.attrs[name].history.has_changes())
        }
        if errors := too_long(table, values):
            raise ValidationError(errors)


def check_bulk_write(state: ORMExecuteState) -> None:
    """``do_orm_execute``: refuse as :func:`check_flush` does a bulk INSERT or UPDATE of a
    travelling table (``insert(Model)`` with a list of rows: the attendance of a sheet;
    ``update(Model).values(...)``, or with bound parameters of many rows: the member import's
    changes) that would write a text too long, before it runs. Only the columns it sets are
    checked, as :func:`check_flush` checks only the changed ones."""
    if not (state.is_insert or state.is_update):
        return
    table = getattr(getattr(state.statement, "table", None), "name", None)
    if not isinstance(table, str) or not _travelling(table):
        return
    for row in _written(state.statement, state.parameters):
        if errors := too_long(table, row):
            raise ValidationError(errors)


def _written(statement: Any, parameters: Any) -> list[dict[str, Any]]:
    """The values each row of an INSERT or UPDATE ``statement`` run with ``parameters`` (one set,
    a list of them, or none) writes, by column name: the statement's own values (a literal, or a
    bound parameter given its value in the row's parameters) and the parameters named after a
    column (``insert(Model)`` or ``update(Model)`` with a list of rows). SQL expressions
    (``revision + 1``) are left out: no text typed by anyone."""
    from sqlalchemy.sql.elements import BindParameter

    rows: list[Mapping[str, Any]] = (
        [] if not parameters else [parameters] if isinstance(parameters, Mapping) else parameters
    )
    own = {_name(k): v for k, v in (getattr(statement, "_values", None) or {}).items()}
    for many in getattr(statement, "_multi_values", None) or ():  # insert().values([...])
        rows = [*rows, *({_name(k): v for k, v in m.items()} for m in many if isinstance(m, dict))]
    written: list[dict[str, Any]] = []
    for given in rows or [{}]:
        row = dict(given)
        for name, value in own.items():
            if isinstance(value, BindParameter):
                row[name] = given.get(value.key, value.effective_value)
            elif isinstance(value, str):
                row[name] = value
        written.append(row)
    return written


def _name(key: Any) -> str:
    """A statement's values are keyed by their column or by its name."""
    return str(getattr(key, "key", None) or getattr(key, "name", None) or key)


@cache
def _travelling(table: str) -> bool:
    from .models import TRAVELLING_TABLES

    return any(model.__table__.name == table for model in TRAVELLING_TABLES)  # type: ignore[attr-defined]
