"""The three-way merge of a row changed on both copies (#17): each copy keeps the row as both
last held it (its base) when it changes it, so a field changed on one side only is never
reverted by "mine" or "theirs"; a row whose fields were each changed on one side only needs no
choice; without a base (raw SQL, a database from before migration 0013) the choice decides
every field, as before."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from bundle_sync import bundle_of, carry, edit, every_row
from doancoso.core.bundle.merge import apply, plan
from doancoso.core.bundle.sync_errors import UnresolvedConflicts
from doancoso.core.bundle.threeway import Choice
from doancoso.core.workspace import DATABASE_FILE, Workspace


@pytest.fixture
def pair(home: Workspace, away: Workspace) -> Iterator[tuple[Workspace, Workspace]]:
    """Two copies that exchanged both ways: each agreed every row with the other."""
    back = carry(away, home)
    assert not back.conflicts and not back.updated
    yield home, away


def _member(ws: Workspace, index: int = 3) -> str:
    return ws.members.list()[index].id


def _fields(ws: Workspace, member_id: str, *names: str) -> tuple[object, ...]:
    fields = ws.members.get(member_id).fields
    return tuple(getattr(fields, n) for n in names)


def _bases(ws: Workspace) -> list[tuple[str, str, int]]:
    with ws.db.raw() as cursor:
        cursor.execute(
            "SELECT table_name, row_id, base_revision FROM exchange_bases ORDER BY 1, 2, 3"
        )
        return [tuple(r) for r in cursor.fetchall()]


def test_mine_keeps_my_phone_and_takes_their_address(pair: tuple[Workspace, Workspace]) -> None:
    home, away = pair
    member_id = _member(home)
    old_phone, old_hamlet = _fields(home, member_id, "phone", "address_hamlet")
    edit(home, member_id, phone="0911222333")
    edit(away, member_id, address_hamlet="Ấp Cái Đôi")
    assert _bases(home) == _bases(away) == [("members", member_id, 1)]

    result = apply(home, bundle_of(away), on_conflict="mine")
    [conflict] = result.conflicts
    assert [(f.name, f.mine, f.theirs, f.changed) for f in conflict.fields] == [
        ("address_hamlet", old_hamlet, "Ấp Cái Đôi", "theirs"),
        ("phone", "0911222333", old_phone, "mine"),
    ]
    assert conflict.automatic and result.updated == {"members": 1}
    assert _fields(home, member_id, "phone", "address_hamlet") == ("0911222333", "Ấp Cái Đôi")
    # The base at 1 is of no use any more; kept: the bundle's version (now agreed with away)
    # and the merge (which away holds once it takes it), for the next merge of the row.
    assert _bases(home) == [("members", member_id, 2), ("members", member_id, 3)]

    back = apply(away, bundle_of(home), on_conflict="mine")  # the merge is newer: taken
    assert not back.conflicts and back.updated == {"members": 1}
    assert _fields(away, member_id, "phone", "address_hamlet") == ("0911222333", "Ấp Cái Đôi")
    assert every_row(home) == every_row(away)
    assert _bases(away) == []  # its base at 1: no peer agrees on it any more
    apply(home, bundle_of(away))
    assert _bases(home) == [("members", member_id, 3)]  # agreed with away now


def test_theirs_keeps_my_one_sided_change_too(pair: tuple[Workspace, Workspace]) -> None:
    home, away = pair
    member_id = _member(home)
    edit(home, member_id, phone="0911222333")
    edit(away, member_id, address_hamlet="Ấp Cái Đôi")
    apply(away, bundle_of(home), on_conflict="theirs")
    assert _fields(away, member_id, "phone", "address_hamlet") == ("0911222333", "Ấp Cái Đôi")
    apply(home, bundle_of(away))
    assert every_row(home) == every_row(away)


def test_fields_changed_on_one_side_only_need_no_choice(
    pair: tuple[Workspace, Workspace],
) -> None:
    home, away = pair
    member_id = _member(home)
    edit(home, member_id, phone="0911222333")
    edit(away, member_id, address_hamlet="Ấp Cái Đôi", notes="Chuyển về ấp")
    preview = plan(home, bundle_of(away))
    [conflict] = preview.conflicts
    assert conflict.automatic and not preview.unresolved
    assert {f.name: f.changed for f in conflict.fields} == {
        "address_hamlet": "theirs", "notes": "theirs", "phone": "mine",
    }  # fmt: skip
    assert conflict.to_json()["automatic"] is True
    assert [f["changed"] for f in conflict.to_json()["fields"]] == ["theirs", "mine", "theirs"]

    result = apply(home, bundle_of(away))  # no on_conflict: nothing to ask
    assert result.applied and [c.id for c in result.conflicts] == [member_id]
    assert _fields(home, member_id, "phone", "address_hamlet", "notes") == (
        "0911222333", "Ấp Cái Đôi", "Chuyển về ấp",
    )  # fmt: skip
    apply(away, bundle_of(home))
    assert every_row(home) == every_row(away)


def test_the_same_field_changed_on_both_sides_is_decided_by_the_choice(
    pair: tuple[Workspace, Workspace],
) -> None:
    home, away = pair
    member_id = _member(home)
    edit(home, member_id, phone="0911222333", notes="Ghi ở nhà")
    edit(away, member_id, phone="0944555666")
    [conflict] = plan(away, bundle_of(home)).conflicts
    assert [(f.name, f.changed) for f in conflict.fields] == [
        ("phone", "both"), ("notes", "theirs"),
    ]  # fmt: skip
    assert not conflict.automatic
    before = every_row(away)
    with pytest.raises(UnresolvedConflicts) as refused:
        apply(away, bundle_of(home))
    assert every_row(away) == before
    assert refused.value.message == (  # the notes have their side: only the phone is asked
        f"Có 1 bản ghi đã được sửa ở cả hai nơi kể từ lần trao đổi trước: {conflict.label}: "
        "Điện thoại. Hãy chọn giữ bản của máy này hay lấy bản trong tệp. Không có gì được ghi "
        "vào dữ liệu."
    )

    apply(away, bundle_of(home), on_conflict="mine")
    assert _fields(away, member_id, "phone", "notes") == ("0944555666", "Ghi ở nhà")
    apply(home, bundle_of(away))
    assert every_row(home) == every_row(away)

    edit(home, member_id, phone="0977000111")
    edit(away, member_id, phone="0988000222", address_hamlet="Ấp Mới")
    apply(away, bundle_of(home), on_conflict="theirs")
    assert _fields(away, member_id, "phone", "address_hamlet") == ("0977000111", "Ấp Mới")
    apply(home, bundle_of(away))
    assert every_row(home) == every_row(away)


def test_a_choice_per_field_overrides_the_side_that_changed_it(
    pair: tuple[Workspace, Workspace],
) -> None:
    home, away = pair
    member_id = _member(home)
    old_phone = _fields(away, member_id, "phone")[0]
    edit(home, member_id, phone="0911222333")
    edit(away, member_id, address_hamlet="Ấp Cái Đôi")
    choice: dict[tuple[str, str], dict[str, Choice]] = {
        ("members", member_id): {"phone": "mine"}
    }  # address left to its side
    apply(away, bundle_of(home), on_conflict=choice)
    assert _fields(away, member_id, "phone", "address_hamlet") == (old_phone, "Ấp Cái Đôi")


def test_a_bulk_move_to_another_chi_doan_keeps_its_base(
    pair: tuple[Workspace, Workspace],
) -> None:
    home, away = pair
    members = [m for m in away.members.list() if m.branch_id][:3]
    target = next(b for b in away.branches.list() if b.id != members[0].branch_id)
    moved = [m.id for m in members if m.branch_id != target.id]
    assert away.branches.move_members(moved, target.id) == len(moved) > 0
    edit(home, moved[0], phone="0911222333")
    assert [r for _t, r, _v in _bases(away)] == sorted(moved)

    result = apply(away, bundle_of(home), on_conflict="theirs")
    [conflict] = result.conflicts
    assert {f.name: f.changed for f in conflict.fields} == {"branch_id": "mine", "phone": "theirs"}
    assert _fields(away, moved[0], "branch_id", "phone") == (target.id, "0911222333")
    apply(home, bundle_of(away))
    assert every_row(home) == every_row(away)


def test_joining_a_chi_doan_into_another_keeps_the_bases_too(
    pair: tuple[Workspace, Workspace],
) -> None:
    """The join (“Gộp vào…”) moves the members by a subquery: their bases are kept by its WHERE."""
    home, away = pair
    source, target = away.branches.list()[:2]
    members = [m.id for m in away.members.list() if m.branch_id == source.id]
    away.branches.merge(source.id, target.id)
    edit(home, members[0], phone="0911222333")
    result = apply(away, bundle_of(home), on_conflict="theirs")
    [conflict] = [c for c in result.conflicts if c.table == "members"]
    assert {f.name: f.changed for f in conflict.fields} == {"branch_id": "mine", "phone": "theirs"}
    assert _fields(away, members[0], "branch_id", "phone") == (target.id, "0911222333")


def test_a_third_exchange_after_the_merge_has_no_conflict(
    pair: tuple[Workspace, Workspace],
) -> None:
    home, away = pair
    member_id = _member(home)
    edit(home, member_id, phone="0911222333")
    edit(away, member_id, address_hamlet="Ấp Cái Đôi")
    apply(home, bundle_of(away), on_conflict="mine")
    apply(away, bundle_of(home))
    again = apply(home, bundle_of(away))
    assert (again.conflicts, again.updated, again.new) == ([], {}, {})
    edit(away, member_id, notes="Sau lần trao đổi")
    third = apply(home, bundle_of(away))
    assert not third.conflicts and third.updated == {"members": 1}
    assert every_row(home) == every_row(away)


def test_a_change_written_by_raw_sql_has_no_base_and_merges_as_before(
    pair: tuple[Workspace, Workspace],
) -> None:
    home, away = pair
    member_id = _member(home)
    old_hamlet = _fields(home, member_id, "address_hamlet")[0]
    edit(home, member_id, phone="0911222333")
    with away.db.transaction() as session:
        session.connection().exec_driver_sql(
            "UPDATE members SET address_hamlet = 'Ấp Cái Đôi', revision = revision + 1,"
            " updated_at = '2026-12-05 10:00:00.000001' WHERE id = ?",
            (member_id,),
        )
    assert _bases(away) == []
    [conflict] = plan(away, bundle_of(home)).conflicts
    assert {f.name: f.changed for f in conflict.fields} == {"address_hamlet": None, "phone": None}
    apply(away, bundle_of(home), on_conflict="theirs")  # every field theirs, as before
    assert _fields(away, member_id, "phone", "address_hamlet") == ("0911222333", old_hamlet)


def test_a_database_from_before_the_bases_merges_as_before(
    pair: tuple[Workspace, Workspace], tmp_path: Path
) -> None:
    home, away = pair
    member_id = _member(home)
    old_phone = _fields(home, member_id, "phone")[0]
    edit(home, member_id, phone="0911222333")
    edit(away, member_id, address_hamlet="Ấp Cái Đôi")
    folder = away.data_dir
    away.close()
    conn = sqlite3.connect(folder / DATABASE_FILE)
    with conn:  # as a database at 0012 holds it: no bases
        conn.execute("DROP TABLE exchange_bases")
        for column in ("sick_months", "dues_unpaid"):  # made by 0014
            conn.execute(f"ALTER TABLE ratings DROP COLUMN {column}")
        conn.execute("UPDATE alembic_version SET version_num = '0012'")
    conn.close()
    with Workspace.open(folder) as upgraded:
        assert _bases(upgraded) == []
        [conflict] = plan(upgraded, bundle_of(home)).conflicts
        assert {f.changed for f in conflict.fields} == {None}
        apply(upgraded, bundle_of(home), on_conflict="mine")
        assert _fields(upgraded, member_id, "phone", "address_hamlet") == (
            old_phone, "Ấp Cái Đôi",
        )  # fmt: skip


def test_a_deletion_against_a_change_stays_a_choice_for_the_whole_record(
    pair: tuple[Workspace, Workspace],
) -> None:
    home, away = pair
    member_id = _member(home)
    home.members.delete([member_id])
    edit(away, member_id, phone="0911222333")
    [conflict] = plan(away, bundle_of(home)).conflicts
    assert [(f.name, f.changed) for f in conflict.fields] == [
        ("phone", "mine"), ("deleted_at", "theirs"),
    ]  # fmt: skip
    assert conflict.deletion and not conflict.automatic
    with pytest.raises(UnresolvedConflicts):
        apply(away, bundle_of(home))
    apply(away, bundle_of(home), on_conflict="theirs")
    assert member_id not in {m.id for m in away.members.list()}


def test_an_import_keeps_no_base_and_a_copy_that_never_imported_keeps_none(
    home: Workspace, tmp_path: Path
) -> None:
    with Workspace.open(tmp_path / "fresh") as fresh:
        carry(home, fresh)
        assert _bases(fresh) == []
        member_id = _member(home)
        edit(home, member_id, phone="0911222333")  # home agreed nothing with anyone
        assert _bases(home) == []
        edit(fresh, member_id, phone="0911222444")
        assert _bases(fresh) == [("members", member_id, 1)]
        edit(fresh, member_id, phone="0911222555")  # no longer at the version agreed
        assert _bases(fresh) == [("members", member_id, 1)]
