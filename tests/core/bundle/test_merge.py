"""Merging by id and revision between two real installations of one organisation (#17):
handover into an empty folder, edits on both sides exchanged both ways, conflicts field by field,
tombstones, a deletion against a change, a second import changing nothing."""

from __future__ import annotations

import contextlib
import hashlib
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from bundle_sync import bundle_of, carry, edit, every_row
from doancoso.core.bundle.merge import apply, plan
from doancoso.core.bundle.rows import DictSource, travelling_tables
from doancoso.core.bundle.sync_errors import ForeignBundle, SyncError, UnresolvedConflicts
from doancoso.core.bundle.threeway import Choice
from doancoso.core.organization import OrganizationInfo
from doancoso.core.workspace import DATABASE_FILE, Workspace


def _store(ws: Workspace) -> dict[str, bytes]:
    folder = ws.data_dir / "evidence"
    return {p.name: p.read_bytes() for p in folder.iterdir() if not p.name.startswith(".")}


def test_a_handover_into_an_empty_folder_gives_an_identical_organisation(
    home: Workspace, tmp_path: Path
) -> None:
    home.rating.set_rules(home.rating.rules().text.replace('"3": 50', '"3": 45'))
    fresh = Workspace.open(tmp_path / "fresh")
    try:
        assert fresh.organization.get() is None
        preview = plan(fresh, bundle_of(home))
        assert preview.handover and not preview.applied
        assert preview.new["members"] == 40 and every_row(home)  # nothing written by the plan
        assert fresh.organization.get() is None
        result = carry(home, fresh)
        assert result.applied and result.handover and not result.conflicts
        assert every_row(fresh) == every_row(home)  # every row of every table, every column
        assert fresh.organization.get() == home.organization.get()
        assert fresh.rating.rules().thresholds == (90.0, 70.0, 45.0)  # the rules carried
        files = _store(fresh)
        assert files == _store(home) and result.evidence_new == len(files) > 0
        for sha, content in files.items():
            assert hashlib.sha256(content).hexdigest() == sha
        assert fresh.members.list() == home.members.list()
        backups = [p.name for p in (fresh.data_dir / "backups").glob("*.sqlite")]
        assert len(backups) == 1 and backups[0].startswith("truoc-nhap-goi-")
    finally:
        fresh.close()


def test_a_report_bundle_is_not_a_handover(home: Workspace, tmp_path: Path) -> None:
    with Workspace.open(tmp_path / "fresh") as fresh:
        with pytest.raises(SyncError) as caught:
            apply(fresh, bundle_of(home, "report", home.plans.years()[0]))
        assert caught.value.message == (
            "Dữ liệu này chưa có thông tin Đoàn cơ sở nên chỉ nhận được một gói bàn giao (tệp "
            "này là gói báo cáo). Không có gì được ghi vào dữ liệu."
        )
        assert fresh.organization.get() is None


def test_edits_on_both_sides_exchanged_both_ways_end_equal(
    home: Workspace, away: Workspace
) -> None:
    ids = [m.id for m in home.members.list()]
    phone = home.members.get(ids[2]).fields.phone
    edit(home, ids[0], phone="0911111111")
    edit(away, ids[1], phone="0922222222")
    edit(home, ids[2], full_name="Lê Thị Nhà", phone="0933333333")
    edit(away, ids[2], full_name="Lê Thị Xa", notes="Sửa ở máy xa")
    before = every_row(away)

    preview = plan(away, bundle_of(home))
    assert preview.updated == {"members": 1}
    [conflict] = preview.conflicts
    assert (conflict.table, conflict.id) == ("members", ids[2])
    assert conflict.label.startswith("Đoàn viên Lê Thị Xa (")
    assert {(f.label, f.mine, f.theirs) for f in conflict.fields} == {
        ("Họ và tên", "Lê Thị Xa", "Lê Thị Nhà"),
        ("Điện thoại", phone, "0933333333"),
        ("Ghi chú", "Sửa ở máy xa", None),
    }
    with pytest.raises(UnresolvedConflicts) as caught:
        apply(away, bundle_of(home))
    assert caught.value.message.startswith(
        "Có 1 bản ghi đã được sửa ở cả hai nơi kể từ lần trao đổi trước: Đoàn viên Lê Thị Xa ("
    )
    # Only the name was changed on both: the phone (there) and notes (here) have their side.
    assert ": Họ và tên. Hãy chọn giữ bản" in caught.value.message
    assert every_row(away) == before  # nothing written

    choice: dict[tuple[str, str], dict[str, Choice]] = {
        ("members", ids[2]): {"full_name": "theirs", "phone": "theirs", "notes": "mine"}
    }
    result = apply(away, bundle_of(home), on_conflict=choice)
    assert result.applied and result.updated == {"members": 2}
    mixed = away.members.get(ids[2]).fields
    assert (mixed.full_name, mixed.phone, mixed.notes) == (
        "Lê Thị Nhà",
        "0933333333",
        "Sửa ở máy xa",
    )
    assert away.members.get(ids[0]).fields.phone == "0911111111"
    assert away.members.get(ids[1]).fields.phone == "0922222222"
    assert [m.full_name for m in away.members.list() if m.id == ids[2]] == ["Lê Thị Nhà"]

    back = apply(home, bundle_of(away))  # no conflict: the resolution is newer than home's
    assert not back.conflicts and back.updated == {"members": 2}
    assert every_row(home) == every_row(away)


def test_on_conflict_mine_or_theirs_for_every_row(home: Workspace, away: Workspace) -> None:
    member_id = home.members.list()[3].id
    edit(home, member_id, phone="0944444444")
    edit(away, member_id, phone="0955555555")
    apply(away, bundle_of(home), on_conflict="mine")
    assert away.members.get(member_id).fields.phone == "0955555555"
    apply(home, bundle_of(away))
    assert home.members.get(member_id).fields.phone == "0955555555"
    assert every_row(home) == every_row(away)

    edit(home, member_id, phone="0966666666")
    edit(away, member_id, phone="0977777777")
    apply(away, bundle_of(home), on_conflict="theirs")
    assert away.members.get(member_id).fields.phone == "0966666666"
    apply(home, bundle_of(away))
    assert every_row(home) == every_row(away)


def test_importing_the_same_bundle_twice_changes_nothing(home: Workspace, away: Workspace) -> None:
    ids = [m.id for m in home.members.list()]
    edit(home, ids[0], phone="0911111111")
    edit(away, ids[1], phone="0922222222")
    home.members.delete([ids[4]])
    bundle = bundle_of(home)
    first = apply(away, bundle)
    assert first.updated == {"members": 1} and first.deleted == {"members": 1}
    after = every_row(away)
    generation = away.db.changes.generation
    again = apply(away, bundle)
    assert (again.new, again.updated, again.deleted, again.conflicts) == ({}, {}, {}, [])
    assert again.unchanged["members"] == 40
    assert every_row(away) == after
    assert away.db.changes.last_touch("members") <= generation


def test_a_tombstone_deletes_on_the_other_side(home: Workspace, away: Workspace) -> None:
    gone = home.members.list()[5]
    home.members.delete([gone.id])
    result = apply(away, bundle_of(home))
    assert result.deleted == {"members": 1}
    assert gone.id not in {m.id for m in away.members.list()}
    assert every_row(away) == every_row(home)


def test_a_deletion_against_a_later_change_is_a_conflict_never_a_silent_loss(
    home: Workspace, away: Workspace
) -> None:
    member_id = home.members.list()[6].id
    home.members.delete([member_id])
    edit(away, member_id, phone="0988888888")
    [conflict] = plan(away, bundle_of(home)).conflicts
    assert [(f.name, f.label, f.mine) for f in conflict.fields] == [
        ("phone", "Điện thoại", "0988888888"),
        ("deleted_at", "Đã xóa", None),
    ]
    assert conflict.fields[1].theirs is not None
    with pytest.raises(UnresolvedConflicts):
        apply(away, bundle_of(home))
    assert away.members.get(member_id).fields.phone == "0988888888"
    apply(away, bundle_of(home), on_conflict={("members", member_id): "mine"})  # keep it
    assert away.members.get(member_id).fields.phone == "0988888888"
    back = apply(home, bundle_of(away))
    assert not back.conflicts
    assert home.members.get(member_id).fields.phone == "0988888888"  # alive again at home
    assert every_row(home) == every_row(away)

    # the other way round: the change here, the deletion there, "theirs" deletes
    edit(home, member_id, phone="0999999999")
    away.members.delete([member_id])
    result = apply(home, bundle_of(away), on_conflict="theirs")
    assert result.deleted == {"members": 1}
    assert member_id not in {m.id for m in home.members.list()}


def test_rows_with_their_columns_in_another_order_merge_alike(
    home: Workspace, away: Workspace
) -> None:
    """A file written by another tool may give a row's columns in any order: the rows are
    taken alike, and a conflict lists its fields in the table's order."""
    member_id = home.members.list()[6].id
    home.members.delete([member_id])
    edit(away, member_id, phone="0988888888")
    source = bundle_of(home)
    tables = {
        table: [{k: row[k] for k in reversed(row)} for row in source.rows(table)]
        for table in source.tables()
    }
    files = {sha: source.evidence(sha) for sha in source.evidence_hashes()}
    reversed_rows = DictSource(source.manifest, tables, files)
    [conflict] = plan(away, reversed_rows).conflicts
    assert [f.name for f in conflict.fields] == ["phone", "deleted_at"]
    apply(away, reversed_rows, on_conflict="theirs")
    assert every_row(away) == every_row(home)


def test_the_exchange_state_is_kept_per_peer(home: Workspace, away: Workspace) -> None:
    conn = sqlite3.connect(away.db.path)
    try:
        peers = conn.execute(
            "SELECT peer, organization_name, imports FROM exchange_peers"
        ).fetchall()
        rows = conn.execute(
            "SELECT count(*) FROM exchange_rows WHERE peer = ?", (home.db.installation_id,)
        )
        recorded = rows.fetchone()[0]
    finally:
        conn.close()
    assert peers == [(home.db.installation_id, "Đoàn xã Tân Hưng", 1)]
    assert recorded == sum(len(rows) for rows in every_row(home).values())
    with bundle_of_snapshot(away) as manifest:
        assert manifest["exchange"]["installation"] == away.db.installation_id
        assert manifest["exchange"]["agreed"] == {home.db.installation_id: {}}  # nothing since
    member_id = away.members.list()[0].id
    edit(away, member_id, phone="0900000000")
    with bundle_of_snapshot(away) as manifest:
        listed = manifest["exchange"]["agreed"][home.db.installation_id]
        assert list(listed) == ["members"] and list(listed["members"]) == [member_id]


def _agreed(ws: Workspace, peer: str) -> set[tuple[object, ...]]:
    """The versions ``ws`` recorded as agreed with ``peer``, as stored."""
    with contextlib.closing(sqlite3.connect(ws.db.path)) as conn:
        return set(
            conn.execute(
                "SELECT table_name, row_id, agreed_revision, agreed_updated_at, agreed_origin"
                " FROM exchange_rows WHERE peer = ?",
                (peer,),
            )
        )


def _versions(ws: Workspace) -> set[tuple[object, ...]]:
    """Every travelling row's version, as stored."""
    with contextlib.closing(sqlite3.connect(ws.db.path)) as conn:
        return {
            (table, *version)
            for table in travelling_tables()
            for version in conn.execute(f"SELECT id, revision, updated_at, origin FROM {table}")
        }


@pytest.mark.parametrize("into", ["empty", "holding the rows"])
def test_the_versions_agreed_are_the_rows_own(home: Workspace, tmp_path: Path, into: str) -> None:
    """Whether a table is recorded whole (filled from empty) or row by row (rows here already),
    the versions agreed with the bundle's installation are its rows' own as stored, whatever
    form of ISO 8601 the bundle gives their times in."""
    source = bundle_of(home)
    tables = {table: list(source.rows(table)) for table in source.tables()}
    moments = [
        "2026-12-04T10:00:00", "2026-12-04T10:00:00.500000+07:00",
        "2026-W49-5T10:00:00.000001", "0999-12-04T10:00:00",
    ]  # fmt: skip
    for member, moment in zip(tables["members"], moments, strict=False):
        member["updated_at"] = moment
        member["revision"] += 1
    files = {sha: source.evidence(sha) for sha in source.evidence_hashes()}
    with Workspace.open(tmp_path / "fresh") as fresh:
        if into == "holding the rows":
            carry(home, fresh)
        apply(fresh, DictSource(source.manifest, tables, files))
        assert len(_versions(fresh)) == sum(len(rows) for rows in tables.values())
        assert _agreed(fresh, home.db.installation_id) == _versions(fresh)
        stored = {v[3] for v in _versions(fresh) if v[0] == "members"}
        assert {
            "2026-12-04 10:00:00.000000", "2026-12-04 10:00:00.500000",
            "2026-12-04 10:00:00.000001", "0999-12-04 10:00:00.000000",
        } <= stored  # fmt: skip


class bundle_of_snapshot:  # noqa: N801 - reads like the function it stands beside
    def __init__(self, ws: Workspace) -> None:
        from doancoso.core.bundle.rows import collect

        self.snap = collect(ws, "handover")

    def __enter__(self) -> dict[str, Any]:
        return self.snap.manifest

    def __exit__(self, *_: object) -> None:
        self.snap.close()


def test_another_organisations_bundle_is_refused_naming_it(home: Workspace, tmp_path: Path) -> None:
    with Workspace.open(tmp_path / "other") as other:
        other.organization.create(
            OrganizationInfo(name="Đoàn xã Tân Lộc", superior_name="Tỉnh đoàn Cà Mau")
        )
        other.branches.create("Chi đoàn 1")  # more than its setup (test_first_start.py)
        before = every_row(other)
        with pytest.raises(ForeignBundle) as caught:
            apply(other, bundle_of(home))
        assert caught.value.message == (
            "Tệp này là dữ liệu của “Đoàn xã Tân Hưng”, không phải của “Đoàn xã Tân Lộc”. Nếu "
            "“Đoàn xã Tân Hưng” sáp nhập vào “Đoàn xã Tân Lộc”, hãy chọn “Sáp nhập tổ chức” để đưa "
            "dữ liệu vào. Không có gì được ghi vào dữ liệu."
        )
        assert every_row(other) == before
        assert not (other.data_dir / "backups").exists() or not list(
            (other.data_dir / "backups").glob("truoc-nhap-goi-*")
        )


def test_changes_going_back_and_forth_over_several_exchanges_are_never_conflicts(
    home: Workspace, away: Workspace
) -> None:
    member_id = home.members.list()[7].id
    for round_, (editor, reader) in enumerate([(away, home), (home, away)] * 2):
        edit(editor, member_id, phone=f"090000000{round_}")
        result = apply(reader, bundle_of(editor))
        assert not result.conflicts and result.updated == {"members": 1}, round_
        assert reader.members.get(member_id).fields.phone == f"090000000{round_}"
        assert every_row(home) == every_row(away)
    # a bundle made before the last exchanges is older everywhere: it changes nothing
    stale = bundle_of(home)
    edit(home, member_id, phone="0912121212")
    apply(away, bundle_of(home))
    again = apply(away, stale)
    assert (again.updated, again.conflicts) == ({}, [])
    assert away.members.get(member_id).fields.phone == "0912121212"


def test_a_copy_s_own_older_bundle_imported_back_changes_nothing(
    home: Workspace, away: Workspace
) -> None:
    """A secretary takes back a file her own PC made before its last exchanges (an old file
    left on the stick): every row in it is one this copy held, older than what it holds now,
    changed here or taken from the other copy since. Nothing changes and nothing is asked: it
    was said as a conflict of each row changed since, "this PC" against "the file", where
    choosing the file put the old values back."""
    ids = [m.id for m in home.members.list()]
    own_old = bundle_of(home)
    edit(home, ids[0], phone="0911111111")
    edit(away, ids[1], phone="0922222222", notes="Chuyển về ấp 3")
    edit(away, ids[2], phone="0933333333")
    home.members.delete([ids[2]])
    result = apply(home, bundle_of(away), on_conflict={("members", ids[2]): "theirs"})
    assert result.updated == {"members": 2}
    after = every_row(home)

    again = apply(home, own_old)
    assert (again.new, again.updated, again.deleted, again.conflicts) == ({}, {}, {}, [])
    assert again.unchanged["members"] == 40
    assert every_row(home) == after
    assert [home.members.get(i).fields.phone for i in ids[:3]] == [
        "0911111111", "0922222222", "0933333333",
    ]  # fmt: skip


def test_a_report_bundle_updates_only_what_it_carries(home: Workspace, away: Workspace) -> None:
    year = home.plans.years()[0]
    member_id = home.members.list()[8].id
    edit(home, member_id, phone="0901010101")
    home.rating.set_rules(home.rating.rules().text.replace('"3": 50', '"3": 40'))  # a setting
    result = apply(away, bundle_of(home, "report", year))
    assert result.updated == {"members": 1}  # the setting is not in a report
    assert away.members.get(member_id).fields.phone == "0901010101"
    assert away.rating.rules().thresholds != home.rating.rules().thresholds


def test_an_import_cancelled_midway_leaves_the_data_as_they_were(
    home: Workspace, away: Workspace
) -> None:
    class Cancelled(Exception):
        pass

    ids = [m.id for m in home.members.list()]
    for member_id in ids[:3]:
        edit(home, member_id, phone="0902020202")
    home.members.delete([ids[10]])
    before = every_row(away)
    calls: list[tuple[int, int]] = []

    def report(done: int, total: int) -> None:
        calls.append((done, total))
        if done > total // 2:
            raise Cancelled

    with pytest.raises(Cancelled):
        apply(away, bundle_of(home), report=report)
    assert every_row(away) == before
    assert {total for _, total in calls} == {1000}  # one bar over the whole import
    assert apply(away, bundle_of(home)).updated == {"members": 3}  # the exchange state too


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


@pytest.mark.parametrize("at", [325, 760, 1000], ids=["writing", "evidence", "last-step"])
def test_a_handover_cancelled_after_its_rows_were_written_leaves_nothing(
    home: Workspace, tmp_path: Path, at: int
) -> None:
    """ "Hủy" while the rows are being written (the one pass checks and writes them), while the
    evidence files are copied in after the backup, or at the bar's last step before the commit:
    no row, no backup, no evidence file stays."""

    class Cancelled(Exception):
        pass

    calls: list[int] = []

    def report(done: int, total: int) -> None:
        calls.append(done)
        if done >= at:
            raise Cancelled

    bundle = bundle_of(home)
    counts: dict[str, int] = bundle.manifest["counts"]
    with Workspace.open(tmp_path / "fresh") as fresh:
        with pytest.raises(Cancelled):
            apply(fresh, bundle, report=report)
        assert calls == sorted(calls) and calls[-1] >= at
        # cancelled once the organisation, its chi đoàn and members were written (the rows'
        # 65 % of the bar: a chunk is reported, then written, then the next one reported)
        written = counts["organizations"] + counts["branches"] + counts["members"]
        assert calls[-1] * sum(counts.values()) > 650 * written
        assert fresh.organization.get() is None
        assert all(rows == [] for rows in every_row_of_any(fresh).values())
        assert _files(fresh.data_dir / "backups") == []
        assert [n for n in _files(fresh.data_dir / "evidence") if not n.startswith(".")] == []
        result = apply(fresh, bundle_of(home))  # and the import runs whole afterwards
        assert result.applied and result.evidence_new == len(_store(home)) > 0
        assert every_row(fresh) == every_row(home)


def every_row_of_any(ws: Workspace) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every travelling table, whatever its organisation."""
    from doancoso.core.bundle.rows import travelling_tables

    with contextlib.closing(sqlite3.connect(ws.data_dir / DATABASE_FILE)) as conn:
        return {t: conn.execute(f"SELECT * FROM {t}").fetchall() for t in travelling_tables()}


def test_the_bar_of_an_import_goes_up_to_the_end_before_the_commit(
    home: Workspace, tmp_path: Path
) -> None:
    seen: list[tuple[int, int]] = []
    with Workspace.open(tmp_path / "fresh") as fresh:
        apply(fresh, bundle_of(home), report=lambda d, t: seen.append((d, t)))
        assert seen[-1] == (1000, 1000) and seen == sorted(seen)
        assert any(870 <= d < 900 for d, _ in seen)  # the backup's step
        assert any(900 <= d < 1000 for d, _ in seen)  # the evidence files'


def test_three_installations_know_what_each_has_seen(
    home: Workspace, away: Workspace, tmp_path: Path
) -> None:
    """The organisation handed over to two installations (a successor and a deputy): a change
    made on one reaches the other without a conflict, through what each has agreed with home."""
    with Workspace.open(tmp_path / "third") as third:
        carry(home, third)
        ids = [m.id for m in home.members.list()]
        edit(away, ids[0], phone="0903030303")
        first = apply(third, bundle_of(away))
        assert (first.updated, first.conflicts) == ({"members": 1}, [])
        edit(third, ids[1], phone="0904040404")
        back = apply(away, bundle_of(third))
        assert (back.updated, back.conflicts) == ({"members": 1}, [])
        assert every_row(away) == every_row(third)
        # the same member changed on two of them is still a conflict
        edit(away, ids[2], phone="0905050505")
        edit(third, ids[2], phone="0906060606")
        assert [c.id for c in plan(away, bundle_of(third)).conflicts] == [ids[2]]
        # and home, which saw neither change, takes both from one of them
        late = apply(home, bundle_of(away))
        assert late.conflicts == [] and late.updated == {"members": 3}


def test_the_backup_taken_in_the_import_holds_the_data_as_they_were_before_it(
    home: Workspace, away: Workspace
) -> None:
    """The backup is taken inside the import's transaction, once every row passed: it copies
    the data as committed, so without any of the rows being written."""
    member_id = home.members.list()[5].id
    edit(home, member_id, phone="0907070707")
    before = away.members.get(member_id).fields.phone
    assert apply(away, bundle_of(home)).updated == {"members": 1}
    newest = away.backups.list()[0]
    assert newest.path.name.startswith("truoc-nhap-goi-") and newest.ok
    with contextlib.closing(sqlite3.connect(newest.path)) as conn:
        (phone,) = conn.execute("SELECT phone FROM members WHERE id = ?", (member_id,)).fetchone()
    assert phone == before != "0907070707"
    assert away.members.get(member_id).fields.phone == "0907070707"
