"""Columns derived from others (a chi đoàn's ``name_fold``, a member's ``sort_key`` and
``search_text``) never shown in a conflict: they follow the choice made for their source."""

from __future__ import annotations

import pytest

from bundle_sync import bundle_of, carry
from doancoso.core.bundle.merge import apply, plan
from doancoso.core.bundle.rows import columns_of, travelling_tables
from doancoso.core.bundle.walk import DERIVED
from doancoso.core.lang.text import fold
from doancoso.core.workspace import Workspace


def _name_and_fold(ws: Workspace, branch_id: str) -> tuple[str, str]:
    with ws.db.raw() as cursor:
        cursor.execute("SELECT name, name_fold FROM branches WHERE id = ?", (branch_id,))
        name, name_fold = cursor.fetchone()
    return str(name), str(name_fold)


@pytest.mark.parametrize(
    ("choice", "kept"), [("mine", "Chi đoàn Ấp Mới"), ("theirs", "Ấp Tân Lập")]
)
def test_a_chi_doan_renamed_on_both_copies_shows_its_name_only(
    home: Workspace, away: Workspace, choice: str, kept: str
) -> None:
    carry(away, home)  # each copy agreed every row with the other
    branch_id = home.branches.list()[0].id
    home.branches.rename(branch_id, "Chi đoàn Ấp Mới")
    away.branches.rename(branch_id, "Ấp Tân Lập")

    [conflict] = plan(home, bundle_of(away)).conflicts
    assert [(f.name, f.label, f.mine, f.theirs) for f in conflict.fields] == [
        ("name", "Tên", "Chi đoàn Ấp Mới", "Ấp Tân Lập")
    ]

    apply(home, bundle_of(away), on_conflict=choice)  # type: ignore[arg-type]
    assert _name_and_fold(home, branch_id) == (kept, fold(kept))
    assert home.branches.find(kept) is not None  # found again by its search key


def test_every_derived_column_is_hidden() -> None:
    """The search keys and sort keys of every travelling table are known to be derived."""
    derived = {
        (table, column)
        for table in travelling_tables()
        for column in columns_of(table)
        if column.endswith(("_fold", "sort_key", "search_text"))
    }
    assert derived == {(t, c) for t, columns in DERIVED.items() for c in columns}
