"""Storage: creating, upgrading and refusing databases; pragmas; tombstones; travelling rows."""

from __future__ import annotations

import hashlib
import random
import re
import shutil
import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from uuid import UUID

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, select

from doancoso.core.errors import StorageError
from doancoso.core.organization import OrganizationInfo
from doancoso.core.roster.service import MemberFilter
from doancoso.core.storage.db import (
    BACKUP_FOLDER,
    Database,
    alembic_config,
    head_revision,
    stored_revision,
)
from doancoso.core.storage.models import Base, Branch, Member, Organization
from doancoso.core.workspace import DATABASE_FILE, Workspace

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
SCHEMA_0001 = FIXTURES / "schema-0001.sqlite"
REFUSED_NEWER = (
    "Dữ liệu được tạo bởi phiên bản mới hơn của ứng dụng. Hãy cài phiên bản mới nhất để mở; "
    "dữ liệu được giữ nguyên, không bị thay đổi."
)


def member(name: str, birth: str = "05/03/2001", **extra: str) -> dict[str, str]:
    return {"full_name": name, "birth_date": birth, **extra}


def fingerprint(folder: Path) -> dict[str, tuple[str, int]]:
    """Every file in ``folder``: its hash and mtime (ns)."""
    return {
        p.name: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
        for p in sorted(folder.iterdir())
        if p.is_file()
    }


@pytest.fixture
def reopen(data_dir: Path) -> Iterator[list[Workspace]]:
    """Workspaces opened by a test, closed after it."""
    opened: list[Workspace] = []
    yield opened
    for ws in opened:
        ws.close()


# -- A new database ----------------------------------------------------------------------------


def test_new_database_is_created_at_head(empty_ws: Workspace, data_dir: Path) -> None:
    assert (data_dir / DATABASE_FILE).is_file()
    assert empty_ws.db.current_revision() == head_revision()
    assert stored_revision(data_dir / DATABASE_FILE) == head_revision()
    assert not (data_dir / BACKUP_FOLDER).exists()  # nothing to back up


def test_live_connection_pragmas(empty_ws: Workspace) -> None:
    with empty_ws.db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL


def test_foreign_keys_are_enforced(ws: Workspace) -> None:
    with pytest.raises(Exception, match="FOREIGN KEY"), ws.db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE members SET branch_id = 'nowhere'")  # no rows: no error
        conn.exec_driver_sql(
            "INSERT INTO branches (id, organization_id, name, name_fold, created_at, updated_at,"
            " revision, origin) VALUES ('b', 'no-such-org', 'X', 'x', '2025-01-01', '2025-01-01',"
            " 1, '')"
        )


# -- Migrations do not drift from the models ---------------------------------------------------


def _schema(path: Path) -> dict[str, object]:
    """The schema of a file, independent of column and constraint order."""
    conn = sqlite3.connect(path)
    try:
        schema: dict[str, object] = {}
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        for table in tables:
            columns = sorted(r[1:] for r in conn.execute(f"PRAGMA table_info('{table}')"))
            fks = sorted(r[2:5] for r in conn.execute(f"PRAGMA foreign_key_list('{table}')"))
            schema[table] = (columns, fks)
        for name, sql in conn.execute("SELECT name, sql FROM sqlite_master WHERE type='index'"):
            schema["index " + name] = re.sub(r"\s+", " ", sql or "").strip()
        return schema
    finally:
        conn.close()


def test_migrations_from_empty_make_the_same_schema_as_the_models(tmp_path: Path) -> None:
    migrated = tmp_path / "migrated.sqlite"
    engine = create_engine(f"sqlite:///{migrated}")
    with engine.begin() as conn:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []
        assert context.get_current_revision() == head_revision()
    engine.dispose()

    created = Database.open(tmp_path / "created.sqlite")  # create_all + stamp
    created.close()
    assert _schema(migrated) == _schema(tmp_path / "created.sqlite")
    assert "index uq_members_org_national_id" in _schema(migrated)


# -- Upgrading an older database ---------------------------------------------------------------


def test_fixture_is_a_self_contained_schema_0001_file() -> None:
    assert stored_revision(SCHEMA_0001) == "0001"
    assert SCHEMA_0001.stat().st_size < 200_000
    conn = sqlite3.connect(f"{SCHEMA_0001.as_uri()}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    finally:
        conn.close()


def test_upgrade_from_schema_0001_keeps_the_data(data_dir: Path, reopen: list[Workspace]) -> None:
    data_dir.mkdir()
    shutil.copyfile(SCHEMA_0001, data_dir / DATABASE_FILE)
    fixture_revision = stored_revision(SCHEMA_0001)

    ws = Workspace.open(data_dir)
    reopen.append(ws)

    assert ws.db.current_revision() == head_revision()
    org = ws.organization.get()
    assert org is not None
    assert (org.name, org.superior_name) == ("Đoàn xã Tân Hưng", "Tỉnh đoàn Cà Mau")
    assert [b.name for b in ws.branches.list()] == ["Chi đoàn ấp Cái Rắn", "Chi đoàn ấp Tân Long"]
    rows = ws.members.list()
    assert [r.full_name for r in rows] == [
        "Lê Hoàng Ân",
        "Nguyễn Văn Đạt",
        "Thạch Thị Sa Rây",
        "Trần Thị Thuỷ",
    ]  # the soft-deleted Phạm Minh Hòa stays hidden
    dat = next(r for r in rows if r.full_name == "Nguyễn Văn Đạt")
    assert dat.national_id == "096201001234"
    assert (dat.branch_name, dat.gender) == ("Chi đoàn ấp Tân Long", "male")
    assert ws.members.ids(MemberFilter(search="thuy")) == [rows[3].id]
    with ws.db.read() as session:
        deleted = select(Member.full_name).where(Member.deleted_at.is_not(None))
        assert session.scalar(deleted) == "Phạm Minh Hòa"

    backups = sorted((data_dir / BACKUP_FOLDER).glob("*.sqlite"))  # empty if no folder
    if fixture_revision == head_revision():
        assert backups == []  # already at head: nothing was migrated, nothing backed up
    else:
        assert len(backups) == 1
        assert stored_revision(backups[0]) == fixture_revision  # taken before upgrading
        conn = sqlite3.connect(backups[0])
        try:
            assert conn.execute("SELECT count(*) FROM members").fetchone()[0] == 5
        finally:
            conn.close()


# -- Refusing what is not ours, untouched ------------------------------------------------------


def _make_newer(data_dir: Path) -> Path:
    ws = Workspace.open(data_dir)
    ws.close()
    path = data_dir / DATABASE_FILE
    conn = sqlite3.connect(path)
    try:
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
        conn.commit()
        conn.execute("PRAGMA journal_mode=DELETE")
    finally:
        conn.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return path


def test_newer_schema_is_refused_and_left_untouched(data_dir: Path) -> None:
    path = _make_newer(data_dir)
    before = fingerprint(data_dir)
    with pytest.raises(StorageError) as info:
        Workspace.open(data_dir)
    assert info.value.message == REFUSED_NEWER
    assert fingerprint(data_dir) == before
    assert not Path(f"{path}-wal").exists()
    assert not (data_dir / BACKUP_FOLDER).exists()
    assert stored_revision(path) == "9999_future"


def test_newer_schema_in_wal_mode_is_refused_and_left_untouched(data_dir: Path) -> None:
    """A file as a newer app leaves it: still in WAL mode after closing."""
    path = _make_newer(data_dir)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.close()
    before = fingerprint(data_dir)
    with pytest.raises(StorageError) as info:
        Workspace.open(data_dir)
    assert info.value.message == REFUSED_NEWER
    assert fingerprint(data_dir) == before


@pytest.mark.parametrize(
    "content",
    [
        random.Random(7).randbytes(8192),
        "Danh sách đoàn viên\nNguyễn Văn An\n".encode(),
        b"SQLite format 3\x00" + b"\xff" * 600,
    ],
    ids=["random-bytes", "text-file", "damaged-header"],
)
def test_a_file_that_is_not_a_database_is_moved_aside_whole(data_dir: Path, content: bytes) -> None:
    """Never replaced, never written to: the damaged file is kept, byte for byte, under a dated
    name, and the message says so (and what to restore: see test_damage.py)."""
    data_dir.mkdir()
    (data_dir / DATABASE_FILE).write_bytes(content)
    with pytest.raises(StorageError) as info:
        Workspace.open(data_dir)
    assert info.value.message.startswith("Tệp dữ liệu bị hỏng (")
    (moved,) = data_dir.glob("doancoso-hong-*.sqlite")
    assert moved.read_bytes() == content and moved.name in info.value.message
    assert not (data_dir / DATABASE_FILE).exists()


def test_another_apps_database_is_refused_untouched(data_dir: Path) -> None:
    data_dir.mkdir()
    conn = sqlite3.connect(data_dir / DATABASE_FILE)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.execute("INSERT INTO contacts VALUES ('Nguyễn Văn An')")
    conn.commit()
    conn.close()
    before = fingerprint(data_dir)
    with pytest.raises(StorageError) as info:
        Workspace.open(data_dir)
    assert info.value.message == (
        f"Tệp {DATABASE_FILE} không phải dữ liệu của ứng dụng Đoàn cơ sở; "
        "ứng dụng không mở và không sửa tệp này."
    )
    assert fingerprint(data_dir) == before


# -- Tombstones --------------------------------------------------------------------------------


def _raw_member(ws: Workspace, member_id: str) -> Member:
    with ws.db.read() as session:
        row = session.get(Member, member_id)
        assert row is not None
        return row


def test_delete_leaves_a_tombstone_and_restore_brings_back(ws: Workspace) -> None:
    an = ws.members.save(member("Nguyễn Văn An"))
    binh = ws.members.save(member("Trần Văn Bình"))

    assert ws.members.delete([an]) == 1
    assert ws.members.ids() == [binh]
    assert [r.id for r in ws.members.list()] == [binh]
    assert ws.members.count() == 1
    assert ws.members.ids(MemberFilter(search="nguyen")) == []
    tomb = _raw_member(ws, an)
    assert tomb.deleted_at is not None and tomb.full_name == "Nguyễn Văn An"

    assert ws.members.restore([an]) == 1
    assert ws.members.ids() == [an, binh]
    assert _raw_member(ws, an).deleted_at is None
    assert ws.members.delete([an, an]) == 1  # a second delete of a tombstone changes nothing


# -- Revisions ---------------------------------------------------------------------------------


def _rev(ws: Workspace, member_id: str) -> int:
    return _raw_member(ws, member_id).revision


def test_revision_counts_real_changes_only(ws: Workspace) -> None:
    raw = member("Nguyễn Văn An", gender="Nam")
    an = ws.members.save(raw)
    assert _rev(ws, an) == 1
    first_update = _raw_member(ws, an).updated_at

    ws.members.save(raw, an)  # nothing changed
    assert _rev(ws, an) == 1
    assert _raw_member(ws, an).updated_at == first_update

    ws.members.save({**raw, "phone": "0912345678"}, an)
    assert _rev(ws, an) == 2
    assert _raw_member(ws, an).updated_at >= first_update

    ws.members.delete([an])
    assert _rev(ws, an) == 3
    ws.members.restore([an])
    assert _rev(ws, an) == 4


def test_revision_bumps_on_moves_and_merges(ws: Workspace) -> None:
    long_ = ws.branches.create("Chi đoàn ấp Tân Long")
    ran = ws.branches.create("Chi đoàn ấp Cái Rắn")
    an = ws.members.save(member("Nguyễn Văn An", branch_id=long_.id))
    binh = ws.members.save(member("Trần Văn Bình", branch_id=ran.id))

    assert ws.branches.move_members([an], ran.id) == 1
    assert _rev(ws, an) == 2
    assert ws.branches.move_members([an], ran.id) == 0  # already there
    assert _rev(ws, an) == 2

    assert ws.branches.merge(ran.id, long_.id) == 2
    assert (_rev(ws, an), _rev(ws, binh)) == (3, 2)
    with ws.db.read() as session:
        source = session.get(Branch, ran.id)
        assert source is not None and source.deleted_at is not None and source.revision == 2


# -- Travelling rows ---------------------------------------------------------------------------


def test_travelling_rows_carry_uuid_origin_and_times(ws: Workspace) -> None:
    ws.branches.create("Chi đoàn ấp Bào Sen")
    ws.members.save(member("Lê Thị Ánh"))
    installation = ws.db.installation_id
    assert UUID(installation)
    with ws.db.read() as session:
        rows = [
            *session.scalars(select(Organization)),
            *session.scalars(select(Branch)),
            *session.scalars(select(Member)),
        ]
    assert len(rows) == 3
    for row in rows:
        assert str(UUID(row.id)) == row.id
        assert row.origin == installation
        assert isinstance(row.created_at, datetime) and isinstance(row.updated_at, datetime)
        assert row.revision == 1 and row.deleted_at is None


def test_demo_rows_are_travelling_rows_too(demo_ws: Workspace) -> None:
    with demo_ws.db.read() as session:
        members = list(session.scalars(select(Member).limit(20)))
    for row in members:
        assert str(UUID(row.id)) == row.id
        assert row.origin == demo_ws.db.installation_id
        assert row.revision == 1 and row.created_at is not None


def test_installation_id_persists_across_reopen(data_dir: Path, reopen: list[Workspace]) -> None:
    first = Workspace.open(data_dir)
    installation = first.db.installation_id
    first.close()
    second = Workspace.open(data_dir)
    reopen.append(second)
    assert second.db.installation_id == installation
    other = Workspace.open(data_dir.parent / "elsewhere")
    reopen.append(other)
    assert other.db.installation_id != installation


def test_revision_ids_read_from_files_match_alembic() -> None:
    from alembic.script import ScriptDirectory

    from doancoso.core.storage.db import known_revisions

    script = ScriptDirectory.from_config(alembic_config())
    assert known_revisions() == {rev.revision for rev in script.walk_revisions()}
    assert head_revision() == script.get_current_head()


def test_plain_reads_see_every_commit_from_any_thread(data_dir: Path) -> None:
    """The start-up reads (plain sqlite3, one connection per thread) and the SQLAlchemy writes
    see the same data, and closing ends every connection, leaving a checkpointed file."""
    import threading

    ws = Workspace.open(data_dir)
    ws.organization.create(OrganizationInfo(name="Đoàn xã Tân Hưng", superior_name="Tỉnh đoàn"))
    first = ws.members.save(member("Nguyễn Văn An"))
    assert [row.full_name for row in ws.members.list()] == ["Nguyễn Văn An"]
    seen: list[list[str]] = []
    worker = threading.Thread(
        target=lambda: seen.append([row.full_name for row in ws.members.rows([first])])
    )
    worker.start()
    worker.join()
    assert seen == [["Nguyễn Văn An"]]
    second = ws.members.save(member("Trần Thị Bình"))
    assert ws.members.ids() == [first, second]  # a new commit, seen by the same connection
    ws.close()
    wal = data_dir / f"{DATABASE_FILE}-wal"
    assert not wal.exists() or wal.stat().st_size == 0
    with sqlite3.connect(data_dir / DATABASE_FILE) as conn:
        assert conn.execute("SELECT count(*) FROM members").fetchone() == (2,)
    conn.close()
