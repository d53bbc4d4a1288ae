"""Merging another organisation (sáp nhập): the preview lists its chi đoàn and the people found
in both organisations in Vietnamese order, the chi đoàn by name (d before đ), the people as the
roster orders them (given name, then middle and family; "Anh" next to "Ánh", "Bình" before
"Chi"), not in the order the other organisation typed them in."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bundle_sync import bundle_of
from doancoso.core.bundle.merge import plan
from doancoso.core.organization import OrganizationInfo
from doancoso.core.workspace import Workspace

PEOPLE = [  # as the other organisation typed them in
    ("Hồ Văn Đạt", "02/02/2001"),
    ("Phạm Thị Chi", "03/03/2002"),
    ("Nguyễn Thị Ánh", "04/04/2003"),
    ("Võ Văn Dũng", "05/05/2004"),
    ("Lê Thanh Bình", "06/06/2005"),
    ("Trần Văn Anh", "07/07/2006"),
]


@pytest.fixture
def tan_hung(tmp_path: Path) -> Iterator[Workspace]:
    ws = Workspace.open(tmp_path / "tan-hung")
    ws.organization.create(OrganizationInfo(name="Đoàn xã Tân Hưng", superior_name="Tỉnh đoàn"))
    for name, birth in reversed(PEOPLE):
        ws.members.save({"full_name": name, "birth_date": birth})
    yield ws
    ws.close()


@pytest.fixture
def tan_loc(tmp_path: Path) -> Iterator[Workspace]:
    ws = Workspace.open(tmp_path / "tan-loc")
    ws.organization.create(OrganizationInfo(name="Đoàn xã Tân Lộc", superior_name="Tỉnh đoàn"))
    branches = [
        ws.branches.create(name).id
        for name in ("Chi đoàn ấp Đầu Sấu", "Chi đoàn ấp Dinh Điền", "Chi đoàn ấp Bình Thạnh")
    ]
    for (name, birth), branch in zip(PEOPLE, branches * 2, strict=True):
        ws.members.save({"full_name": name, "birth_date": birth, "branch_id": branch})
    yield ws
    ws.close()


def test_the_merge_preview_lists_chi_doan_and_people_in_vietnamese_order(
    tan_hung: Workspace, tan_loc: Workspace
) -> None:
    preview = plan(tan_hung, bundle_of(tan_loc), merge_organization=True)

    assert [b.theirs_name for b in preview.branches] == [
        "Chi đoàn ấp Bình Thạnh",
        "Chi đoàn ấp Dinh Điền",
        "Chi đoàn ấp Đầu Sấu",
    ]
    assert [m.full_name for m in preview.matches] == [
        "Trần Văn Anh",
        "Nguyễn Thị Ánh",
        "Lê Thanh Bình",
        "Phạm Thị Chi",
        "Võ Văn Dũng",
        "Hồ Văn Đạt",
    ]
