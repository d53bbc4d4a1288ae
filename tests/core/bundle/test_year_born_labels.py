"""A person whose birth is known only by its year is named by that year wherever an import
names a record (a conflict, a refusal), never by a made-up "01/01/yyyy"."""

from __future__ import annotations

from bundle_sync import bundle_of, carry, edit
from doancoso.core.bundle.labels import row_label
from doancoso.core.bundle.merge import plan
from doancoso.core.workspace import Workspace


def test_a_conflict_on_a_person_born_in_a_known_year_only_shows_the_year(
    home: Workspace, away: Workspace
) -> None:
    nam = home.members.save({"full_name": "Lý Văn Năm", "birth_date": "2003"})
    carry(home, away)
    edit(home, nam, phone="0911111111")
    edit(away, nam, phone="0922222222")

    [conflict] = plan(away, bundle_of(home)).conflicts
    assert conflict.label == "Đoàn viên Lý Văn Năm (2003)"


def test_the_label_of_a_row_says_the_day_or_the_year_as_the_row_knows_it() -> None:
    day = {"full_name": "Lê Thị Hoa", "birth_date": "2001-03-05", "birth_precision": "day"}
    assert row_label("members", day) == "Đoàn viên Lê Thị Hoa (05/03/2001)"
    year = {**day, "birth_date": "2001-01-01", "birth_precision": "year"}
    assert row_label("members", year) == "Đoàn viên Lê Thị Hoa (2001)"
    assert row_label("youths", year) == "Thanh niên Lê Thị Hoa (2001)"
