"""Sáp nhập matches a person by mã định danh (member code, one person's in the whole union) after
CCCD and before name and birth date: the same person whose name or birth date one organisation
wrote differently is joined, not refused; two people whose CCCD differ are never joined by it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bundle_sync import bundle_of, every_row
from doancoso.core.bundle.merge import apply, plan
from doancoso.core.bundle.sync_errors import InvalidRows
from doancoso.core.organization import OrganizationInfo
from doancoso.core.workspace import Workspace

TAN_LOC = OrganizationInfo(name="Đoàn xã Tân Lộc", superior_name="Tỉnh đoàn Cà Mau")


@pytest.fixture
def other(tmp_path: Path) -> Iterator[Workspace]:
    ws = Workspace.open(tmp_path / "other")
    ws.organization.create(TAN_LOC)
    yield ws
    ws.close()


def test_the_same_code_joins_a_person_whose_name_and_birth_date_were_written_differently(
    home: Workspace, other: Workspace
) -> None:
    hoa = home.members.save(
        {"full_name": "Nguyễn Thị Hoa", "birth_date": "05/03/2001", "member_code": "8800001"}
    )
    tuan = home.members.save(
        {"full_name": "Nguyễn Văn Tuấn", "birth_date": "2002", "member_code": "8800002"}
    )
    other.members.save(  # day and month swapped, the tone placed the old way
        {"full_name": "Nguyễn Thị Hoà", "birth_date": "03/05/2001", "member_code": "8800001",
         "phone": "0900000001"}
    )  # fmt: skip
    other.members.save(  # a typo in the family name
        {"full_name": "Ngyễn Văn Tuấn", "birth_date": "2002", "member_code": "8800002"}
    )
    count = home.members.count()

    preview = plan(home, bundle_of(other), merge_organization=True)
    assert sorted((m.mine_id, m.reason, m.full_name) for m in preview.matches) == sorted(
        [(hoa, "member_code", "Nguyễn Thị Hoà"), (tuan, "member_code", "Ngyễn Văn Tuấn")]
    )
    assert {m["reason"] for m in preview.to_json()["matches"]} == {"member_code"}
    assert "members" not in preview.new

    result = apply(home, bundle_of(other), merge_organization=True)
    assert result.applied and home.members.count() == count
    kept = home.members.get(hoa).fields
    assert (kept.full_name, kept.phone) == ("Nguyễn Thị Hoa", "0900000001")  # ours, plus theirs
    merged = ("org_merge", "Sáp nhập dữ liệu của Đoàn xã Tân Lộc")
    assert merged in [(e.kind, e.note) for e in home.events.history(tuan)]


def test_a_cccd_match_is_said_as_such_when_the_code_agrees_too(
    home: Workspace, other: Workspace
) -> None:
    an = home.members.save(
        {"full_name": "Lê Công Ẩn", "birth_date": "31/01/2000", "national_id": "096200001111",
         "member_code": "8800003"}
    )  # fmt: skip
    other.members.save(
        {"full_name": "Lê Công Ẩn", "birth_date": "31/01/2000", "national_id": "096200001111",
         "member_code": "8800003"}
    )  # fmt: skip
    [match] = plan(home, bundle_of(other), merge_organization=True).matches
    assert (match.mine_id, match.reason) == (an, "cccd")


def test_one_code_held_by_two_people_of_different_cccd_is_refused_not_joined(
    home: Workspace, other: Workspace
) -> None:
    home.members.save(
        {"full_name": "Phan Văn Lộc", "birth_date": "09/10/2002", "national_id": "096202001111",
         "member_code": "8800004"}
    )  # fmt: skip
    other.members.save(
        {"full_name": "Tô Thị Hồng", "birth_date": "01/02/2003", "national_id": "096203002222",
         "member_code": "8800004"}
    )  # fmt: skip
    before = every_row(home)
    with pytest.raises(InvalidRows) as caught:
        plan(home, bundle_of(other), merge_organization=True)
    assert caught.value.message == (
        "Đoàn viên Tô Thị Hồng (01/02/2003) trong tệp có Mã định danh đoàn viên “8800004” trùng "
        "với Đoàn viên Phan Văn Lộc (09/10/2002) trên máy này. Hãy sửa hoặc xóa một trong hai "
        "rồi nhập lại. Không có gì được ghi vào dữ liệu."
    )
    assert every_row(home) == before
