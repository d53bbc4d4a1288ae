"""A person's birth date and how it is written (``birth_precision``) are one fact: a conflict
shows them as one row “Ngày sinh”, each side's date as it is written, and takes both from the
side chosen, never one side's date with the other side's way of writing it (a year-only birth
stored as a whole 01/01 date, or a whole date cut to its year)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bundle_sync import bundle_of, cross, edit
from doancoso.core.bundle.labels import field_value_text
from doancoso.core.bundle.merge import apply, plan
from doancoso.core.bundle.threeway import Choice
from doancoso.core.workspace import Workspace


def _split(home: Workspace, away: Workspace) -> str:
    """A member born 01/01/2000 on both copies; then the date changed here (15/06/2000) and only
    how it is written changed there (only the year 2000, the date itself still 2000-01-01)."""
    member_id = next(m.id for m in home.members.list() if m.status == "active")
    edit(home, member_id, birth_date="01/01/2000")
    cross(home, away)
    edit(home, member_id, birth_date="15/06/2000")
    edit(away, member_id, birth_date="2000")
    return member_id


def _born(ws: Workspace, member_id: str) -> tuple[str, str]:
    fields = ws.members.get(member_id).fields
    return f"{fields.birth_date:%d/%m/%Y}", fields.birth_precision


def test_the_date_and_its_writing_changed_apart_make_one_row_changed_on_both_sides(
    home: Workspace, away: Workspace
) -> None:
    member_id = _split(home, away)

    found = plan(away, bundle_of(home))

    [conflict] = found.unresolved  # never mixed by itself into “2000” or “01/01/2000”
    assert conflict.id == member_id
    assert [(f.name, f.label, f.changed) for f in conflict.fields] == [
        ("birth_date", "Ngày sinh", "both")
    ]
    [field] = conflict.fields
    shown = [field_value_text(conflict.table, field.name, v) for v in (field.mine, field.theirs)]
    assert shown == ["2000", "15/06/2000"]
    assert conflict.to_json()["fields"] == [
        {
            "name": "birth_date",
            "label": "Ngày sinh",
            "mine": {"birth_date": "2000-01-01", "birth_precision": "year"},
            "theirs": {"birth_date": "2000-06-15", "birth_precision": "day"},
            "changed": "both",
        }
    ]


@pytest.mark.parametrize(
    ("choice", "born"),
    [("theirs", ("15/06/2000", "day")), ("mine", ("01/01/2000", "year"))],
)
def test_the_side_chosen_gives_its_whole_birth_date(
    home: Workspace, away: Workspace, choice: Choice, born: tuple[str, str]
) -> None:
    member_id = _split(home, away)
    other = next(m.id for m in away.members.list() if m.id != member_id)
    edit(home, member_id, phone="0911111111")  # another field: the choice is made per field

    done = apply(
        away, bundle_of(home), on_conflict={("members", member_id): {"birth_date": choice}}
    )

    assert done.applied
    assert _born(away, member_id) == born
    assert away.members.get(member_id).fields.phone == "0911111111"
    assert away.members.get(other).fields == home.members.get(other).fields


def test_a_birth_date_written_alike_on_both_sides_shows_it_as_written(
    home: Workspace, away: Workspace, tmp_path: Path
) -> None:
    member_id = next(m.id for m in home.members.list() if m.status == "active")
    edit(home, member_id, birth_date="1999")
    edit(away, member_id, birth_date="1998")
    bundle = home.bundles.export(tmp_path / "that.dcs", password=None).path

    [conflict] = away.bundles.preview(bundle, None).conflicts

    [field] = conflict.fields
    assert field.label == "Ngày sinh"
    shown = [field_value_text(conflict.table, field.name, v) for v in (field.mine, field.theirs)]
    assert shown == ["1998", "1999"]
