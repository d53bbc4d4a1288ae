"""The refusal of an import whose new members are already on this copy (the same people typed
in on both copies) names them as the roster orders them (given name, then middle and family:
"Ánh" next to "Anh", "Bình" before "Chi"), and the chi đoàn added on both copies by name (d
before đ), not in the order the other copy typed them in."""

from __future__ import annotations

import re

import pytest

from bundle_sync import bundle_of
from doancoso.core.bundle.duplicates import DuplicateRecords
from doancoso.core.bundle.merge import plan
from doancoso.core.workspace import Workspace

PEOPLE = [  # typed in on both copies, in this order
    ("Phạm Thị Chi", "096303001111"),
    ("Nguyễn Thị Ánh", "096303002222"),
    ("Lê Thanh Bình", "096303003333"),
    ("Trần Văn Anh", "096303004444"),
]


def test_the_same_people_on_both_copies_are_named_in_vietnamese_order(
    home: Workspace, away: Workspace
) -> None:
    for ws in (home, away):
        for name, national_id in PEOPLE:
            ws.members.save({"full_name": name, "birth_date": "21/07/2003",
                             "national_id": national_id})  # fmt: skip

    with pytest.raises(DuplicateRecords) as refused:
        plan(home, bundle_of(away))

    named = re.findall(r"trên máy này: ([^,]+),", refused.value.message)
    assert named == ["Trần Văn Anh", "Nguyễn Thị Ánh", "Lê Thanh Bình", "Phạm Thị Chi"]


def test_the_same_chi_doan_on_both_copies_are_named_in_vietnamese_order(
    home: Workspace, away: Workspace
) -> None:
    for ws in (home, away):
        for name in ("Chi đoàn ấp Đầu Sấu", "Chi đoàn ấp Dinh Điền", "Chi đoàn ấp Bình Thạnh"):
            ws.branches.create(name)

    with pytest.raises(DuplicateRecords) as refused:
        plan(home, bundle_of(away))

    named = re.findall(r"• “([^”]+)”", refused.value.message)
    assert named == ["Chi đoàn ấp Bình Thạnh", "Chi đoàn ấp Dinh Điền", "Chi đoàn ấp Đầu Sấu"]
