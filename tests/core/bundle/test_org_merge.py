"""Merging another organisation into this one (sáp nhập, #17): refused without the choice; with
it, chi đoàn of the same name joined and the others kept (or mapped as chosen), the same person
matched by CCCD then by name and birth date, histories joined, the merge recorded in each
member's history; all or nothing; a second import changes nothing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bundle_sync import bundle_of, every_row
from doancoso.core.bundle.merge import apply, plan
from doancoso.core.bundle.sync_errors import ForeignBundle, InvalidRows, SyncError
from doancoso.core.lang.text import fold
from doancoso.core.organization import OrganizationInfo
from doancoso.core.roster.service import MemberFilter
from doancoso.core.workspace import Workspace

TAN_LOC = OrganizationInfo(name="Đoàn xã Tân Lộc", superior_name="Tỉnh đoàn Cà Mau")


@pytest.fixture
def other(tmp_path: Path, home: Workspace) -> Iterator[Workspace]:
    """A former commune union: one chi đoàn named like one of home's, one of its own; a member
    with the CCCD of one of home's, one with the name and birth date of another (no CCCD), one
    new; a history event for the first."""
    ws = Workspace.open(tmp_path / "other")
    ws.organization.create(TAN_LOC)
    same = ws.branches.create("Chi đoàn ấp Tân Hưng")
    own = ws.branches.create("Chi đoàn ấp Mới")
    by_id, by_name = home.members.list()[0], home.members.list()[2]
    assert by_id.national_id and by_name.national_id is None
    ws.members.save(
        {"full_name": "Lê Công Ẩn", "birth_date": by_id.birth_date.strftime("%d/%m/%Y"),
         "branch_id": same.id, "national_id": by_id.national_id, "phone": "0900000001"}
    )  # fmt: skip
    ws.members.save(
        {"full_name": "NGUYỄN THANH DUNG", "birth_date": by_name.birth_date.strftime("%d/%m/%Y"),
         "branch_id": own.id}
    )  # fmt: skip
    ws.members.save({"full_name": "Trần Văn Bé", "birth_date": "01/02/2003", "branch_id": own.id})
    matched = ws.members.list()
    first = next(m for m in matched if m.national_id == by_id.national_id)
    ws.events.record(first.id, "party_introduction", "01/03/2025", note="Giới thiệu ở Tân Lộc")
    yield ws
    ws.close()


def test_another_organisation_is_refused_without_the_choice(
    home: Workspace, other: Workspace
) -> None:
    before = every_row(home)
    with pytest.raises(ForeignBundle) as caught:
        plan(home, bundle_of(other))
    assert caught.value.message == (
        "Tệp này là dữ liệu của “Đoàn xã Tân Lộc”, không phải của “Đoàn xã Tân Hưng”. Nếu “Đoàn "
        "xã Tân Lộc” sáp nhập vào “Đoàn xã Tân Hưng”, hãy chọn “Sáp nhập tổ chức” để đưa dữ liệu "
        "vào. "
        "Không có gì được ghi vào dữ liệu."
    )
    assert every_row(home) == before


def test_the_plan_shows_chi_doan_and_matched_people_before_anything_is_written(
    home: Workspace, other: Workspace
) -> None:
    before = every_row(home)
    preview = plan(home, bundle_of(other), merge_organization=True)
    home_branch = {b.name: b.id for b in home.branches.list()}["Chi đoàn ấp Tân Hưng"]
    assert sorted((b.theirs_name, b.action, b.mine_id, b.name) for b in preview.branches) == [
        ("Chi đoàn ấp Mới", "kept", None, "Chi đoàn ấp Mới"),
        ("Chi đoàn ấp Tân Hưng", "joined", home_branch, "Chi đoàn ấp Tân Hưng"),
    ]
    by_id, by_name = home.members.list()[0], home.members.list()[2]
    assert sorted((m.mine_id, m.reason, m.full_name) for m in preview.matches) == sorted(
        [(by_id.id, "cccd", "Lê Công Ẩn"), (by_name.id, "name_birth", "Nguyễn Thanh Dung")]
    )
    assert preview.new["members"] == 1 and preview.new["branches"] == 1
    assert preview.to_json()["matches"][0]["reason"] in ("cccd", "name_birth")
    assert every_row(home) == before


def test_merging_joins_histories_and_records_the_merge(home: Workspace, other: Workspace) -> None:
    by_id, by_name = home.members.list()[0], home.members.list()[2]
    count = home.members.count()
    result = apply(home, bundle_of(other), merge_organization=True)
    assert result.applied and result.merged_organization
    assert home.members.count() == count + 1
    names = {b.name for b in home.branches.list()}
    assert "Chi đoàn ấp Mới" in names and len(names) == 4  # one kept, one joined
    new = next(m for m in home.members.list() if m.full_name == "Trần Văn Bé")
    assert new.branch_name == "Chi đoàn ấp Mới"

    history = [(e.kind, e.kind_label, e.note) for e in home.events.history(by_id.id)]
    assert (
        "party_introduction",
        "Giới thiệu đoàn viên ưu tú cho Đảng",
        "Giới thiệu ở Tân Lộc",
    ) in (history)
    merged = ("org_merge", "Sáp nhập tổ chức Đoàn", "Sáp nhập dữ liệu của Đoàn xã Tân Lộc")
    assert merged in history
    assert merged in [(e.kind, e.kind_label, e.note) for e in home.events.history(by_name.id)]
    assert merged in [(e.kind, e.kind_label, e.note) for e in home.events.history(new.id)]
    assert home.members.get(by_id.id).fields.phone == "0900000001"  # ours had none: taken

    again = apply(home, bundle_of(other), merge_organization=True)
    assert (again.new, again.updated, again.deleted) == ({}, {}, {})
    assert sum(1 for e in home.events.history(new.id) if e.kind == "org_merge") == 1
    assert sum(1 for e in home.events.history(by_id.id) if e.kind == "org_merge") == 1
    assert home.check().problems == []  # every history replays to its member's status


def test_the_secretary_chooses_the_mapping_and_the_matches(
    home: Workspace, other: Workspace
) -> None:
    theirs = {b.name: b.id for b in other.branches.list()}
    mine = {b.name: b.id for b in home.branches.list()}
    by_name = home.members.list()[2]
    dung = next(m for m in other.members.list() if m.full_name == "Nguyễn Thanh Dung")
    result = apply(
        home,
        bundle_of(other),
        merge_organization=True,
        branch_map={
            theirs["Chi đoàn ấp Tân Hưng"]: None,  # kept apart, renamed
            theirs["Chi đoàn ấp Mới"]: mine["Chi đoàn ấp Kênh Xáng"],  # joined
        },
        branch_names={theirs["Chi đoàn ấp Tân Hưng"]: "Chi đoàn ấp Tân Hưng (Tân Lộc)"},
        unmatch=[dung.id],  # not the same person after all
    )
    assert [m.reason for m in result.matches] == ["cccd"]
    names = sorted(b.name for b in home.branches.list())
    assert "Chi đoàn ấp Tân Hưng (Tân Lộc)" in names and "Chi đoàn ấp Mới" not in names
    new = next(m for m in home.members.list() if m.full_name == "Trần Văn Bé")
    assert new.branch_name == "Chi đoàn ấp Kênh Xáng"
    assert {m.id for m in home.members.list() if m.birth_date == by_name.birth_date} >= {
        by_name.id, dung.id,
    }  # fmt: skip


def test_a_refused_merge_writes_nothing(home: Workspace, other: Workspace) -> None:
    bundle = bundle_of(other)
    bundle.table("member_events")[0]["kind"] = 7
    before = every_row(home)
    with pytest.raises(InvalidRows):
        apply(home, bundle, merge_organization=True)
    assert every_row(home) == before


def test_a_chi_doan_chosen_to_join_that_is_gone_is_refused(
    home: Workspace, other: Workspace
) -> None:
    theirs = {b.name: b.id for b in other.branches.list()}
    with pytest.raises(SyncError) as caught:
        plan(
            home, bundle_of(other), merge_organization=True,
            branch_map={theirs["Chi đoàn ấp Mới"]: "khong-co-chi-doan-nay"},
        )  # fmt: skip
    assert caught.value.message == (
        "Chi đoàn được chọn để gộp “Chi đoàn ấp Mới” vào không còn trong dữ liệu. "
        "Không có gì được ghi vào dữ liệu."
    )


def test_a_report_bundle_cannot_be_merged_in(home: Workspace, other: Workspace) -> None:
    with pytest.raises(SyncError) as caught:
        plan(home, bundle_of(other, "report", 2025), merge_organization=True)
    assert caught.value.message == (
        "Chỉ sáp nhập được từ một gói bàn giao (tệp này là gói báo cáo). "
        "Không có gì được ghi vào dữ liệu."
    )


def test_a_matched_member_takes_the_fields_ours_lacked_and_keeps_its_own(
    home: Workspace, other: Workspace
) -> None:
    by_id, by_name = home.members.list()[0], home.members.list()[2]
    ours = home.members.get(by_name.id).fields
    assert (ours.national_id, ours.father_name, ours.email) == (None, None, None)
    dung = next(m for m in other.members.list() if m.full_name == "Nguyễn Thanh Dung")
    assert dung.branch_id is not None
    other.members.save(
        {"full_name": "Nguyễn Thanh Dung", "birth_date": dung.birth_date.strftime("%d/%m/%Y"),
         "branch_id": dung.branch_id, "national_id": "096301000777", "father_name": "Nguyễn Văn Tư",
         "email": "dung@example.vn", "hometown": "Tân Lộc, Cà Mau"},
        dung.id,
    )  # fmt: skip
    kept = {"hometown": home.members.get(by_name.id).fields.hometown}
    taken = {"national_id", "father_name", "email"} | (
        {"hometown"} if not kept["hometown"] else set()
    )
    preview = plan(home, bundle_of(other), merge_organization=True)
    filled = {m.mine_id: set(m.filled) for m in preview.matches}
    assert filled[by_name.id] == taken  # shown before anything is written
    assert home.members.get(by_name.id).fields.national_id is None

    result = apply(home, bundle_of(other), merge_organization=True)
    assert result.applied
    after = home.members.get(by_name.id).fields
    assert (after.national_id, after.father_name, after.email) == (
        "096301000777", "Nguyễn Văn Tư", "dung@example.vn",
    )  # fmt: skip
    assert after.full_name == ours.full_name and after.phone == ours.phone  # ours kept
    if kept["hometown"]:
        assert after.hometown == kept["hometown"]
    assert [m.full_name for m in home.members.list(MemberFilter(search="096301000777"))] == [
        ours.full_name
    ]
    # the CCCD ours already had is never replaced
    assert home.members.get(by_id.id).fields.national_id == by_id.national_id
    assert home.check().problems == []


def test_a_cccd_another_of_ours_holds_is_not_taken(home: Workspace, other: Workspace) -> None:
    holder, by_name = home.members.list()[1], home.members.list()[2]
    assert holder.national_id
    dung = next(m for m in other.members.list() if m.full_name == "Nguyễn Thanh Dung")
    assert dung.branch_id is not None
    other.members.save(
        {"full_name": "Nguyễn Thanh Dung", "birth_date": dung.birth_date.strftime("%d/%m/%Y"),
         "branch_id": dung.branch_id, "national_id": holder.national_id},
        dung.id,
    )  # fmt: skip
    result = apply(home, bundle_of(other), merge_organization=True)
    assert result.applied
    matched = {m.mine_id: m.filled for m in result.matches}
    assert "national_id" not in matched.get(by_name.id, ())
    assert home.members.get(by_name.id).fields.national_id is None
    assert home.members.get(holder.id).fields.national_id == holder.national_id


def test_their_activity_kind_of_the_name_of_ours_is_joined_with_ours(
    home: Workspace, other: Workspace
) -> None:
    """Each former union added "Hiến máu tình nguyện": after the merge one kind of that name,
    ours, names their activities and their targets too; a kind of theirs of another name is
    kept."""
    ours = home.activities.add_kind("Hiến máu tình nguyện")
    theirs = other.activities.add_kind("hiến máu tình nguyện")
    own = other.activities.add_kind("Chăm sóc di tích")
    saved, _ = other.activities.save(
        {"title": "Hiến máu ở Tân Lộc", "kind": theirs, "start_date": "14/06/2027"}
    )
    other.plans.create(2029)  # a year home has no plan of (else theirs is not taken)
    target = other.plans.add_target(
        2029, {"text": "Hai đợt hiến máu", "planned": "2", "measure": "activities",
               "measure_kind": theirs}, other.activities.kind_names(),
    )  # fmt: skip
    dry = plan(home, bundle_of(other), merge_organization=True)
    note = (
        "Loại hoạt động “hiến máu tình nguyện” của Đoàn xã Tân Lộc gộp vào loại cùng tên của tổ "
        "chức này."
    )
    assert dry.notes == [note] and dry.new["activity_kinds"] == 1
    result = apply(home, bundle_of(other), merge_organization=True)
    assert result.notes == [note]
    names = home.activities.kind_names()
    assert [c for c, n in names.items() if fold(n) == fold("Hiến máu tình nguyện")] == [ours]
    assert names[own] == "Chăm sóc di tích" and theirs not in names
    assert home.activities.get(saved).fields.kind == ours
    assert home.plans.target(target).measure_kind == ours
    again = apply(home, bundle_of(other), merge_organization=True)
    assert (again.new, again.updated, again.deleted) == ({}, {}, {})


def test_a_person_matched_by_cccd_kept_apart_is_refused_by_name(
    home: Workspace, other: Workspace
) -> None:
    """Their person of our person's CCCD, kept apart (``unmatch``): two people cannot hold one
    CCCD, and the refusal names both people as the roster does, never a row's id."""
    by_id = home.members.list()[0]
    an = next(m for m in other.members.list() if m.national_id == by_id.national_id)
    before = every_row(home)
    with pytest.raises(InvalidRows) as caught:
        plan(home, bundle_of(other), merge_organization=True, unmatch=[an.id])
    born = by_id.birth_date.strftime("%d/%m/%Y")
    assert caught.value.message == (
        f"Đoàn viên Lê Công Ẩn ({born}) trong tệp có Số CCCD “{by_id.national_id}” trùng với "
        f"Đoàn viên {by_id.full_name} ({born}) trên máy này. Hai người không thể có cùng một "
        "Số CCCD: nếu là một người, hãy để hai người được ghép làm một; nếu là hai người, hãy "
        "sửa số bị nhập sai rồi nhập lại. Không có gì được ghi vào dữ liệu."
    )
    assert an.id not in caught.value.message and by_id.id not in caught.value.message
    with pytest.raises(InvalidRows):
        apply(home, bundle_of(other), merge_organization=True, unmatch=[an.id])
    assert every_row(home) == before
