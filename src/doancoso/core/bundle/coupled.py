"""Columns of a travelling table that hold one fact between them and are never taken apart in a
conflict: a person's birth date and how it is written (``birth_precision``: the whole date or
only its year). Taking one side's date and the other side's way of writing it would store a
year-only birth as a whole 01/01 date, or cut a whole date to its year. Likewise a plan
target's figures: its ``planned`` and ``achieved`` amounts are in its ``unit``, and the
``measure`` the app counts it by sets that unit (the form puts the measure's unit while the
unit was the default), counts the achieved figure (none is typed then) and, for activities,
counts the kind ``measure_kind`` only; one side's "80" with the other side's unit would turn
80 % into 80 đoàn viên, one side's planned count with the other side's measure would plan
10 % of participation. Such a group is one
field of a conflict (:class:`.outcome.FieldDiff`), named by its first column, whose values are
each side's columns of the group (``{"birth_date": "2000-01-01", "birth_precision": "year"}``),
and one choice: both columns come from the side chosen."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .labels import field_label
from .outcome import Changed, FieldDiff

_BIRTH = ("birth_date", "birth_precision")
TARGET_FIGURES = ("planned", "unit", "measure", "measure_kind", "achieved")
"""A plan target's figures, in the table's order (the field "Chỉ tiêu")."""
COUPLED: dict[str, tuple[tuple[str, ...], ...]] = {
    "members": (_BIRTH,),
    "youths": (_BIRTH,),
    "plan_targets": (TARGET_FIGURES,),
}
"""Table → its groups of columns held together, each named by its first column."""


def columns(table: str, field: str) -> tuple[str, ...]:
    """The columns a conflict's ``field`` of ``table`` stands for: its group's, or itself."""
    for group in COUPLED.get(table, ()):
        if group[0] == field:
            return group
    return (field,)


def _together(changed: list[Changed | None]) -> Changed | None:
    """Who changed a group, from who changed each of its columns that differ: one side when
    only that side changed them, both when the two sides changed any of them."""
    if None in changed:
        return None
    return changed[0] if len(set(changed)) == 1 else "both"


def field_diffs(
    table: str,
    names: list[str],
    mine: Mapping[str, Any],
    theirs: Mapping[str, Any],
    changed: Mapping[str, Changed | None],
) -> list[FieldDiff]:
    """The fields of a conflict over the columns ``names`` (differing on the two sides, in the
    table's order): a group of :data:`COUPLED` any of whose columns differ as one field, at the
    place of the first of them."""
    diffs: list[FieldDiff] = []
    done: set[str] = set()
    for name in names:
        if name in done:
            continue
        group = next((g for g in COUPLED.get(table, ()) if name in g), None)
        if group is None:
            diff = FieldDiff(name, field_label(name), mine[name], theirs[name], changed[name])
            diffs.append(diff)
            continue
        done.update(group)
        who = _together([changed[c] for c in group if c in names])
        head = group[0]
        ours, others = {c: mine[c] for c in group}, {c: theirs[c] for c in group}
        diffs.append(FieldDiff(head, field_label(head), ours, others, who))
    return diffs
