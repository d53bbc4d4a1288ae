"""Changes are tracked by the storage: every write, ORM or bulk, is stamped and reported once,
with the ids it touched where they can be known; writers announce nothing themselves."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import insert, select, update

from doancoso.core.changes import EVERYTHING, NOTHING, ChangeLog, Changes
from doancoso.core.errors import NotFoundError
from doancoso.core.storage.live import get_live, set_deleted
from doancoso.core.storage.models import Branch, Member, Youth, new_id
from doancoso.core.workspace import Workspace


def last(ws: Workspace) -> Changes:
    """What the last committed transaction changed."""
    return ws.changes.since(ws.changes.generation - 1)


# The log itself ------------------------------------------------------------------------------


def test_changes_merge_ids_and_unknowns() -> None:
    a = Changes.of({"members": ["m1"], "branches": ["b1"]})
    b = Changes.of({"members": ["m2"], "youths": None})
    merged = a.merged(b)
    assert merged.ids("members") == {"m1", "m2"}
    assert merged.ids("youths") is None  # unknown rows stay unknown
    assert merged.ids("member_events") == frozenset()
    assert merged.touches("youths") and not merged.touches("organizations")
    assert a.merged(EVERYTHING) is EVERYTHING and EVERYTHING.ids("members") is None
    assert not NOTHING and NOTHING.merged(a) is a


def test_log_since_and_last_touch() -> None:
    log = ChangeLog()
    assert log.since(0) is NOTHING
    g1 = log.record(Changes.of({"members": ["m1"]}))
    g2 = log.record(Changes.of({"youths": ["y1"]}))
    assert log.record(NOTHING) == g2  # nothing written: no new generation
    assert log.since(g1).tables.keys() == {"youths"}
    assert log.since(0).ids("members") == {"m1"}
    assert log.last_touch("members") == g1 and log.last_touch("youths") == g2
    for _ in range(ChangeLog.KEEP):
        log.record(Changes.of({"youths": ["y"]}))
    assert log.since(g1) is EVERYTHING  # the log no longer reaches back that far


# ORM and bulk writes --------------------------------------------------------------------------


def test_orm_writes_are_stamped_and_name_their_rows(ws: Workspace) -> None:
    member_id = ws.members.save({"full_name": "Nguyễn Văn An", "birth_date": "01/01/2000"})
    assert last(ws).tables == {"members": frozenset({member_id})}
    record = ws.members.get(member_id)
    assert record.revision == 1
    ws.members.save({"full_name": "Nguyễn Văn Bình", "birth_date": "01/01/2000"}, member_id)
    assert last(ws).ids("members") == {member_id}
    assert ws.members.get(member_id).revision == 2


def test_bulk_insert_gets_the_stamps_it_lacks(ws: Workspace) -> None:
    org = ws._ctx.organization_id
    ids = [new_id(), new_id()]
    with ws.db.transaction() as session:
        session.execute(
            insert(Branch),
            [{"id": i, "organization_id": org, "name": f"Chi đoàn {n}", "name_fold": f"cd {n}"}
             for n, i in enumerate(ids)],
        )  # fmt: skip
    assert last(ws).tables == {"branches": frozenset(ids)}
    with ws.db.read() as session:
        rows = session.scalars(select(Branch).where(Branch.id.in_(ids))).all()
    assert {(r.revision, r.origin) for r in rows} == {(1, ws.db.installation_id)}
    assert all(r.created_at == r.updated_at is not None for r in rows)


def test_bulk_update_bumps_the_revision_once_and_names_its_rows(ws: Workspace) -> None:
    a = ws.members.save({"full_name": "Nguyễn Văn An", "birth_date": "01/01/2000"})
    b = ws.members.save({"full_name": "Trần Thị Bích", "birth_date": "02/02/2001"})
    branch = ws.branches.create("Chi đoàn 1")
    moved = ws.branches.move_members([a, b], branch.id)
    assert moved == 2
    assert last(ws).tables == {"members": frozenset({a, b})}
    assert [ws.members.get(i).revision for i in (a, b)] == [2, 2]


def test_update_by_subquery_reports_unknown_rows(ws: Workspace) -> None:
    ws.members.save({"full_name": "Nguyễn Văn An", "birth_date": "01/01/2000"})
    with ws.db.transaction() as session:
        session.execute(
            update(Member)
            .where(Member.id.in_(select(Member.id).where(Member.full_name.like("Nguyễn%"))))
            .values(notes="x")
        )
    assert last(ws).tables == {"members": None}


def test_driver_sql_is_seen_too(ws: Workspace) -> None:
    ws.members.save({"full_name": "Nguyễn Văn An", "birth_date": "01/01/2000"})
    with ws.db.transaction() as session:
        session.connection().exec_driver_sql("UPDATE members SET notes = 'x'")
    assert last(ws).tables == {"members": None}


def test_a_failed_transaction_records_nothing(ws: Workspace) -> None:
    generation = ws.changes.generation
    with pytest.raises(RuntimeError), ws.db.transaction() as session:
        session.add(Youth(organization_id=ws._ctx.organization_id, full_name="Lê Văn C",
                          birth_date=date(2005, 1, 1), sort_key="c", search_text="c"))  # fmt: skip
        session.flush()
        raise RuntimeError("undone")
    assert ws.changes.generation == generation


def test_merged_rows_keep_their_revisions(ws: Workspace) -> None:
    member_id = ws.members.save({"full_name": "Nguyễn Văn An", "birth_date": "01/01/2000"})
    with ws.db.transaction() as session:
        session.info["keep_revisions"] = True
        session.execute(update(Member).where(Member.id == member_id).values(revision=7))
        session.execute(update(Member).where(Member.id == member_id).values(notes="ghi chú"))
    assert ws.members.get(member_id).revision == 7
    assert last(ws).ids("members") == {member_id}


def test_tombstones_are_stamped_and_hidden(ws: Workspace) -> None:
    org = ws._ctx.organization_id
    member_id = ws.members.save({"full_name": "Nguyễn Văn An", "birth_date": "01/01/2000"})
    with ws.db.transaction() as session:
        assert set_deleted(session, Member, [member_id], org, deleted=True) == 1
        assert set_deleted(session, Member, [member_id], org, deleted=True) == 0  # already
    with ws.db.read() as session:
        row = session.get(Member, member_id)
        assert row is not None and row.deleted_at is not None and row.revision == 2
        with pytest.raises(NotFoundError, match="Không tìm thấy đoàn viên"):
            get_live(session, Member, member_id, org, "Không tìm thấy đoàn viên.")
    assert ws.members.count() == 0


def test_the_roster_index_follows_without_announcements(ws: Workspace) -> None:
    """A write the services do not know about (straight through a transaction) still reaches
    the roster index: the storage reported it."""
    member_id = ws.members.save({"full_name": "Nguyễn Văn An", "birth_date": "01/01/2000"})
    assert ws.members.count() == 1
    with ws.db.transaction() as session:
        session.execute(update(Member).where(Member.id == member_id).values(status="left"))
    assert ws.members.ids() == [member_id]
    assert ws.members.rows([member_id])[0].status == "left"


# Another process --------------------------------------------------------------------------------


def _cli(data_dir: Path, *args: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "doancoso", "--data-dir", str(data_dir), *args],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip


def test_a_write_by_another_process_is_noticed(ws: Workspace, data_dir: Path) -> None:
    assert ws.members.count() == 0
    assert ws.check_external() is NOTHING
    ws.members.save({"full_name": "Nguyễn Văn An", "birth_date": "01/01/2000"})
    assert ws.check_external() is NOTHING  # our own commit is not another process's
    _cli(data_dir, "members", "add", "--name", "Trần Thị Bích", "--birth", "02/02/2001")
    assert ws.check_external() is EVERYTHING
    assert ws.check_external() is NOTHING  # seen once
    names = [r.full_name for r in ws.members.list()]
    assert names == ["Nguyễn Văn An", "Trần Thị Bích"]


# Bulk writes: the undo history does not reach past them ---------------------------------------


def test_bulk_marks_travel_through_the_log() -> None:
    log = ChangeLog()
    g1 = log.record(Changes.of({"members": ["m1"]}))
    bulk = Changes(Changes.of({"members": None}).tables, bulk=True)
    log.record(bulk)
    assert log.since(g1).bulk and log.since(g1).ends_undo
    assert log.since(0).bulk and log.since(0).ids("members") is None
    assert not Changes.of({"members": ["m1"]}).ends_undo
    assert EVERYTHING.merged(bulk).bulk and not EVERYTHING.merged(bulk).wholesale
    assert repr(bulk) == "Changes(members: ?, bulk)"
    for _ in range(ChangeLog.KEEP):
        log.record(Changes.of({"youths": ["y"]}))
    far = log.since(g1)  # the log no longer reaches back to the bulk write: still said
    assert far.everything and far.bulk


def test_a_bulk_transaction_marks_its_changes(ws: Workspace) -> None:
    member_id = ws.members.save({"full_name": "Nguyễn Văn An", "birth_date": "01/01/2000"})
    assert not last(ws).bulk  # an ordinary write
    source = ws.branches.create("Chi đoàn Ấp 1")
    ws.branches.move_members([member_id], source.id)  # undoable: an ordinary write
    assert not last(ws).bulk
    target = ws.branches.create("Chi đoàn Ấp 2")
    ws.branches.merge(source.id, target.id)  # undoable too: an ordinary write
    assert not last(ws).bulk
    with ws.db.transaction(bulk=True) as session:  # e.g. a spreadsheet import
        session.execute(update(Member).where(Member.id == member_id).values(notes="nhập"))
    assert last(ws).bulk and last(ws).touches("members")
    generation = ws.changes.generation
    with ws.db.transaction(bulk=True):
        pass  # a bulk action that changed nothing ends nothing
    assert ws.changes.generation == generation
