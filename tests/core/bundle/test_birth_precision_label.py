"""How a person's birth date is written (``birth_precision``: the whole date, or only the year)
is named in Vietnamese wherever the import names the field: in a refusal (above, in
test_import_texts.py and test_import_choices.py) and in a conflict, where both copies changed a
member's birth date, one to only a year: there one row “Ngày sinh”, each side's date as it is
written."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from bundle_sync import edit
from doancoso.core.bundle.labels import field_value_text
from doancoso.core.workspace import Workspace


def test_a_conflict_shows_the_birth_date_as_each_side_writes_it(
    home: Workspace, away: Workspace, tmp_path: Path
) -> None:
    member_id = next(m.id for m in home.members.list() if m.status == "active")
    born = home.members.get(member_id).fields.birth_date
    edit(home, member_id, birth_date=f"{born:%Y}")  # only the year known
    edit(away, member_id, birth_date=f"{born + dt.timedelta(days=1):%d/%m/%Y}")
    bundle = home.bundles.export(tmp_path / "that.dcs", password=None).path

    [conflict] = away.bundles.preview(bundle, None).conflicts

    [field] = conflict.fields  # the date and how it is written: one field (coupled.py)
    assert (field.name, field.label) == ("birth_date", "Ngày sinh")
    shown = [field_value_text(conflict.table, field.name, v) for v in (field.mine, field.theirs)]
    assert shown == [f"{born + dt.timedelta(days=1):%d/%m/%Y}", f"{born:%Y}"]
