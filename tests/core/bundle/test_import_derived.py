"""Derived columns in a bundle made by hand, damaged, or made by a version with older search and
sort rules (a member's or a young person's sort key and search text, a chi đoàn's folded name):
on import they are computed again from their sources, as the forms compute them, so the person
is found by the toneless search and stands in their place in the lists. A row differing from
ours only there is no change and no conflict, and the same bundle imported twice changes
nothing. Two live chi đoàn of one name once folded are refused as the roster refuses them."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from bundle_crafting import build, manifest_of, matching_manifest, members_of
from bundle_sync import edit, every_row
from data_state import data_state
from doancoso.core.bundle.duplicates import DuplicateRecords
from doancoso.core.errors import ImportFileError
from doancoso.core.lang.text import fold, name_sort_key
from doancoso.core.organization import OrganizationInfo
from doancoso.core.roster.service import MemberFilter, derived_columns
from doancoso.core.workspace import Workspace
from doancoso.core.youth.service import YouthFilter

Changes = Mapping[tuple[str, str], Mapping[str, Any]]


def _rows(real: dict[str, bytes], table: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in real[f"data/{table}.jsonl"].splitlines()]


def _rewritten(ws: Workspace, folder: Path, changes: Changes, name: str = "tay.dcs") -> Path:
    """``ws``'s clear handover bundle, written by the app, with the rows named in ``changes``
    ((table, id) → the columns rewritten) and the manifest's hashes and sizes redone to match
    (as a bundle written by hand or by another program would be)."""
    real = members_of(ws.bundles.export(folder / f"that-{name}", password=None).path)
    members = dict(real)
    for table in {t for t, _ in changes}:
        rows = _rows(real, table)
        for row in rows:
            row.update(changes.get((table, row["id"]), {}))
        members[f"data/{table}.jsonl"] = b"".join(
            json.dumps(r, ensure_ascii=False).encode() + b"\n" for r in rows
        )
    manifest = matching_manifest(members, manifest_of(real))
    return build(folder / name, members, manifest=manifest)


def _stored(ws: Workspace, table: str, row_id: str, columns: str) -> tuple[Any, ...]:
    with ws.db.raw() as cursor:
        cursor.execute(f"SELECT {columns} FROM {table} WHERE id = ?", (row_id,))
        return tuple(cursor.fetchone())


def _youth_id(ws: Workspace) -> str:
    with ws.db.raw() as cursor:
        cursor.execute("SELECT id FROM youths WHERE deleted_at IS NULL ORDER BY id LIMIT 1")
        (row_id,) = cursor.fetchone()
    return str(row_id)


@pytest.mark.parametrize("setup", [False, True], ids=["handover", "first-start"])
def test_derived_columns_written_otherwise_are_computed_again(
    home: Workspace, tmp_path: Path, setup: bool
) -> None:
    """A handover into a new data folder, or into one holding only its first-start setup."""
    roster = home.members.list()
    last = roster[-1]  # "" sorts first: kept, it would stand at the top of the list
    youth_id = _youth_id(home)
    youth_name = home.youth.get(youth_id).fields.full_name
    branch = home.branches.list()[0]
    bundle = _rewritten(home, tmp_path, {
        ("members", last.id): {"sort_key": "", "search_text": "khong tim thay"},
        ("youths", youth_id): {"sort_key": "", "search_text": "khong tim thay"},
        ("branches", branch.id): {"name_fold": "ten cu"},
    })  # fmt: skip

    with Workspace.open(tmp_path / "moi") as fresh:
        if setup:
            fresh.organization.create(
                OrganizationInfo(name="Đoàn xã Tân Hưng", superior_name="Tỉnh đoàn Cà Mau")
            )
        assert fresh.bundles.apply(bundle, None, replace_setup=setup).replaced_setup == (
            "Đoàn xã Tân Hưng" if setup else None
        )

        # In its place in the roster, and found by its name typed without tones.
        assert [m.id for m in fresh.members.list()] == [m.id for m in roster]
        assert fresh.members.list()[-1].full_name == last.full_name
        found = fresh.members.list(MemberFilter(search=fold(last.full_name).upper()))
        assert last.id in [m.id for m in found]
        assert youth_id in fresh.youth.ids(YouthFilter(search=fold(youth_name)))
        member = fresh.members.get(last.id).fields
        assert _stored(fresh, "members", last.id, "sort_key, search_text") == tuple(
            derived_columns(
                member.full_name, member.other_name, member.national_id, member.phone,
                member.member_code,
            ).values()
        )  # fmt: skip
        youth = fresh.youth.get(youth_id).fields
        assert _stored(fresh, "youths", youth_id, "sort_key, search_text") == (
            name_sort_key(youth_name),
            " ".join(p for p in (fold(youth_name), youth.phone) if p),
        )
        assert _stored(fresh, "branches", branch.id, "name, name_fold") == (
            branch.name,
            fold(branch.name),
        )

        # The same bundle again: every row is the one stored, so nothing changes.
        before = every_row(fresh)
        again = fresh.bundles.preview(bundle, None)
        assert (again.new, again.updated, again.deleted, again.conflicts) == ({}, {}, {}, [])
        fresh.bundles.apply(bundle, None)
        assert every_row(fresh) == before


def test_a_row_differing_only_in_a_derived_column_is_no_change(
    home: Workspace, away: Workspace, tmp_path: Path
) -> None:
    """``away`` holds every row of ``home`` at the same version: a bundle of ``home`` whose
    derived columns were rewritten brings nothing new."""
    member = home.members.list()[3]
    branch = home.branches.list()[1]
    bundle = _rewritten(home, tmp_path, {
        ("members", member.id): {"sort_key": "", "search_text": "khong tim thay"},
        ("branches", branch.id): {"name_fold": "ten cu"},
    })  # fmt: skip
    before = every_row(away)

    shown = away.bundles.preview(bundle, None)
    result = away.bundles.apply(bundle, None)

    assert (shown.new, shown.updated, shown.deleted, shown.conflicts) == ({}, {}, {}, [])
    assert (result.new, result.updated, result.deleted, result.conflicts) == ({}, {}, {}, [])
    assert every_row(away) == before


def test_a_change_made_on_both_copies_is_no_conflict_and_stored_with_its_keys(
    home: Workspace, away: Workspace, tmp_path: Path
) -> None:
    """Both copies changed a member's phone to one number since they last exchanged; the other
    copy's file holds a stale search text: the same content, no choice asked for, and the
    member stays findable by the new number."""
    member_id = next(m.id for m in home.members.list() if m.status == "active")
    edit(away, member_id, phone="0912345678")
    edit(home, member_id, phone="0912345678")  # the later version: the file's is taken
    bundle = _rewritten(home, tmp_path, {
        ("members", member_id): {"sort_key": "", "search_text": "khong tim thay"},
    })  # fmt: skip

    shown = away.bundles.preview(bundle, None)
    result = away.bundles.apply(bundle, None)

    assert shown.conflicts == result.conflicts == []
    assert [m.id for m in away.members.list(MemberFilter(search="0912345678"))] == [member_id]
    stored = away.members.get(member_id).fields
    assert _stored(away, "members", member_id, "sort_key, search_text") == tuple(
        derived_columns(
            stored.full_name, stored.other_name, stored.national_id, stored.phone,
            stored.member_code,
        ).values()
    )  # fmt: skip


@pytest.mark.parametrize("into", ["moi", "away"])
def test_two_chi_doan_of_one_folded_name_are_refused(
    home: Workspace, away: Workspace, tmp_path: Path, into: str
) -> None:
    """A chi đoàn of the file renamed by hand to another's name in capitals, its folded name
    left as it was: refused as the roster refuses a second chi đoàn of one name, whether into
    a new data folder (a handover) or into a copy holding both (an exchange)."""
    first, second = home.branches.list()[:2]
    renamed = first.name.upper()
    assert fold(renamed) == fold(first.name) != fold(second.name)
    bundle = _rewritten(home, tmp_path, {
        ("branches", second.id): {"name": renamed, "revision": 99},
    })  # fmt: skip
    order = [r["id"] for r in _rows(members_of(bundle), "branches")]
    kept, refused = (
        (first, second) if order.index(first.id) < order.index(second.id) else (second, first)
    )
    names = {first.id: first.name, second.id: renamed}
    target = away if into == "away" else Workspace.open(tmp_path / into)
    try:
        before = data_state(target.data_dir)
        with pytest.raises(ImportFileError) as refusal:
            target.bundles.preview(bundle, None)
        with pytest.raises(ImportFileError) as applied:
            target.bundles.apply(bundle, None)
        assert data_state(target.data_dir) == before
    finally:
        if target is not away:
            target.close()

    message = (
        "Tệp dữ liệu có dòng không hợp lệ ở bảng “Chi đoàn” (branches), dòng của chi đoàn "
        f"“{names[refused.id]}”: Đã có chi đoàn tên “{names[kept.id]}” (hãy đổi "
        "tên một trong hai chi đoàn trên máy đã tạo tệp rồi tạo lại tệp). Không có gì được "
        "ghi vào dữ liệu."
    )
    assert refusal.value.message == applied.value.message == message


def test_a_new_chi_doan_of_a_name_here_is_refused_whatever_its_folded_name(
    home: Workspace, away: Workspace, tmp_path: Path
) -> None:
    """Both copies added one chi đoàn apart; the other copy's file gives its own a folded name
    that is not its name's: the two still share a name, and the import is refused naming both
    (duplicates.py), nothing written."""
    home.branches.create("Chi đoàn Ấp Mới")
    away.branches.create("CHI ĐOÀN ẤP MỚI")
    added = next(b for b in home.branches.list() if b.name == "Chi đoàn Ấp Mới")
    bundle = _rewritten(home, tmp_path, {("branches", added.id): {"name_fold": "khac"}})
    before = data_state(away.data_dir)

    with pytest.raises(DuplicateRecords) as refused:
        away.bundles.apply(bundle, None)

    assert refused.value.message.startswith(
        "Chi đoàn mới trong tệp trùng tên với chi đoàn đã có trên máy này (cùng một chi đoàn "
        "được thêm riêng ở cả hai máy); nhận tệp sẽ thành hai chi đoàn cùng tên:\n"
        "• “CHI ĐOÀN ẤP MỚI”: thêm trên máy này ngày "
    )
    assert "trong tệp là “Chi đoàn Ấp Mới”" in refused.value.message
    assert data_state(away.data_dir) == before


def test_a_merged_organisation_s_chi_doan_is_joined_by_its_name(
    home: Workspace, tmp_path: Path
) -> None:
    """Sáp nhập: the other organisation's chi đoàn named like one of ours is joined into ours by
    its name, whatever folded name the file gives it; its member sorted and found by name."""
    other = Workspace.open(tmp_path / "other")
    try:
        other.organization.create(
            OrganizationInfo(name="Đoàn xã Tân Lộc", superior_name="Tỉnh đoàn Cà Mau")
        )
        ours = home.branches.list()[0]
        same = other.branches.create(ours.name.upper())
        other.members.save(
            {"full_name": "Trần Văn Bé", "birth_date": "01/02/2003", "branch_id": same.id}
        )
        [member] = other.members.list()
        bundle = _rewritten(other, tmp_path, {
            ("branches", same.id): {"name_fold": "khac"},
            ("members", member.id): {"sort_key": "", "search_text": "khong tim thay"},
        })  # fmt: skip
    finally:
        other.close()

    result = home.bundles.apply(bundle, None, merge_organization=True)

    assert [(b.theirs_name, b.action, b.mine_id) for b in result.branches] == [
        (ours.name.upper(), "joined", ours.id)
    ]
    [found] = home.members.list(MemberFilter(search="tran van be"))
    assert (found.full_name, found.branch_id) == ("Trần Văn Bé", ours.id)
    assert _stored(home, "members", found.id, "sort_key") == (name_sort_key("Trần Văn Bé"),)
