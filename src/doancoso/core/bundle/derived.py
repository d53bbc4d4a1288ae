"""A bundle's derived columns (walk.py's ``DERIVED``: a chi đoàn's ``name_fold``, a member's and
a young person's ``sort_key`` and ``search_text``) computed again on import from their sources,
with the functions the services use when they save.

A bundle made by hand, damaged, or made by a version whose search or sort rules were older
may hold them otherwise: kept as they came, they would put a person in the wrong place in the
lists, hide them from the toneless search, or give a chi đoàn a ``name_fold`` that is not its
name's, which the check that two chi đoàn never share a name (unique.py's ``UNIQUE_KEYS``) reads.
So every incoming row is given them again before it is compared with the rows here and before
any key is checked; a row of another copy of this version holds them already and is passed as
it came. Two live chi đoàn of the file whose names are one once folded are refused as the
roster refuses them ("Đã có chi đoàn tên …").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..lang.text import fold, name_sort_key, nfc
from .validate import refuse


def _branch() -> Callable[[dict[str, Any]], dict[str, str]]:
    return lambda row: {"name_fold": fold(row["name"])}


def _member() -> Callable[[dict[str, Any]], dict[str, str]]:
    from ..roster.service import derived_columns

    return lambda row: derived_columns(
        row["full_name"], row["other_name"], row["national_id"], row["phone"], row["member_code"]
    )


def _youth() -> Callable[[dict[str, Any]], dict[str, str]]:
    from ..youth.service import youth_search_text

    return lambda row: {
        "sort_key": name_sort_key(row["full_name"]),
        "search_text": youth_search_text(row["full_name"], row["phone"]),
    }


_OF: dict[str, Callable[[], Callable[[dict[str, Any]], dict[str, str]]]] = {
    "branches": _branch,
    "members": _member,
    "youths": _youth,
}
"""Each table with derived columns: the function of a row giving them (the service's
imported once per chunk, not once per row)."""


def derived_of(table: str, row: dict[str, Any]) -> dict[str, str]:
    """The derived columns of ``row`` of ``table`` as its sources give them (none for a table
    without any)."""
    of = _OF.get(table)
    return of()(row) if of is not None else {}


def rederived(table: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Checked ``rows`` of ``table`` with their derived columns as their sources give them: a
    row holding other values replaced by a copy (the file's rows are never changed)."""
    of = _OF.get(table)
    if of is None:
        return rows
    compute = of()
    taken: list[dict[str, Any]] = []
    for row in rows:
        derived = compute(row)
        for name, value in derived.items():
            if row[name] != value:
                row = {**row, **derived}
                break
        taken.append(row)
    return taken


class Rederive:
    """The derived columns of a walk's rows, chunk after chunk, and the file's live chi đoàn
    by folded name (a few dozen), so that two of one name are refused, both names shown as the
    roster would show them (NFC, spaces collapsed), whatever a file made by hand holds."""

    def __init__(self) -> None:
        self.branch_names: dict[str, str] = {}

    def rows(self, table: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """``rows`` as :func:`rederived` gives them, a chi đoàn of the name of another live one
        of the file refused."""
        rows = rederived(table, rows)
        if table == "branches":
            for row in rows:
                if row["deleted_at"] is not None:
                    continue
                same = self.branch_names.get(row["name_fold"])
                if same is not None:
                    raise refuse(
                        table,
                        row,
                        f"Đã có chi đoàn tên “{same}” (hãy đổi tên một trong hai chi đoàn "
                        "trên máy đã tạo tệp rồi tạo lại tệp)",
                    )
                self.branch_names[row["name_fold"]] = nfc(row["name"])  # as the roster shows it
        return rows
