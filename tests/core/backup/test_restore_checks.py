"""What the fuzzing of ``restore`` found (#12), each kept as its own case: a backup that passes
SQLite's own check but that the app could not use once restored is refused, with the live data
left byte for byte as they were.

- A value the app cannot read (a date with a changed byte: SQLite keeps no checksums, so its
  integrity check passes): restored, the roster then failed with ``ValueError``.
- A file format version SQLite does not write (3): restored, the data could never be changed
  again ("attempt to write a readonly database").
- A damaged name quoted in SQLite's message: Python failed to decode the message and raised
  ``UnicodeDecodeError`` instead of SQLite's error.
- A column renamed inside the schema's text: restored, every read then failed with "no such
  column: revision".
- A schema version changed to an older one: the upgrade, run when the data were next opened,
  failed half-way on a schema it does not expect. Now an older backup is upgraded on its copy,
  before the live data are replaced.
- No schema version at all: said to be not the app's data, not "made by a newer version".
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from breakage import hot_journal
from doancoso.core.backup.restore import restore_backup
from doancoso.core.backup.store import BACKUP_FOLDER, soundness
from doancoso.core.errors import StorageError
from doancoso.core.storage.db import head_revision, stored_revision
from doancoso.core.storage.folder import DATABASE_FILE
from doancoso.core.workspace import Workspace


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path]:
    """A data folder of 20 members and a sound backup of it, outside the folder."""
    data = tmp_path / "du-lieu"
    with Workspace.open(data) as ws:
        ws.generate_demo(members=20, seed=8)
        taken = ws.backups.take().path
    backup = tmp_path / "thu-cong-20261204-101500.sqlite"
    backup.write_bytes(taken.read_bytes())
    return data, backup


def _refused(data: Path, backup: Path, start: str) -> StorageError:
    before = (data / DATABASE_FILE).read_bytes()
    with pytest.raises(StorageError) as info:
        restore_backup(data, backup)
    assert info.value.message.startswith(start), info.value.message
    assert "Dữ liệu đang dùng không bị thay đổi" in info.value.message
    assert (data / DATABASE_FILE).read_bytes() == before
    return info.value


def _edit(backup: Path, *statements: str) -> None:
    conn = sqlite3.connect(backup)
    conn.execute("PRAGMA writable_schema = ON")
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()


def test_a_value_the_app_cannot_read(folders: tuple[Path, Path]) -> None:
    data, backup = folders
    _edit(backup, "UPDATE members SET created_at = '2026-12%04 20:35:27.948031' WHERE rowid = 3")
    assert soundness(backup, full=True) is None  # SQLite sees nothing wrong
    error = _refused(data, backup, f"Bản sao lưu “{backup.name}” có dữ liệu bị hỏng (thiếu bảng,")
    assert "ValueError" in error.details


def test_a_column_renamed_in_the_schema(folders: tuple[Path, Path]) -> None:
    data, backup = folders
    _edit(
        backup,
        "UPDATE sqlite_master SET sql = replace(sql, 'revision', 'revisiom') "
        "WHERE name = 'branches'",
    )
    assert soundness(backup, full=True) is None
    error = _refused(data, backup, f"Bản sao lưu “{backup.name}” có dữ liệu bị hỏng (thiếu bảng,")
    assert error.details == "table branches lacks revision"


def test_a_schema_version_changed_to_an_older_one(folders: tuple[Path, Path]) -> None:
    data, backup = folders
    _edit(backup, "UPDATE alembic_version SET version_num = '0004'")
    before = sorted(p.name for p in data.rglob("*"))
    _refused(data, backup, f"Bản sao lưu “{backup.name}” được tạo bởi phiên bản cũ hơn và không")
    assert sorted(p.name for p in data.rglob("*")) == before  # not even a temporary file left


def test_an_older_backup_is_upgraded_before_it_replaces_the_data(
    folders: tuple[Path, Path], tmp_path: Path
) -> None:
    data, _ = folders
    fixture = Path(__file__).resolve().parents[2] / "fixtures" / "schema-0005.sqlite"
    old = tmp_path / fixture.name
    old.write_bytes(fixture.read_bytes())
    result = restore_backup(data, old)
    assert stored_revision(data / DATABASE_FILE) == head_revision()
    assert old.read_bytes() == fixture.read_bytes()  # the backup itself is never changed
    assert result.safety_copy is not None
    names = [p.name for p in (data / BACKUP_FOLDER).iterdir()]
    assert result.safety_copy.name in names
    assert not [name for name in names if name.startswith("truoc-nang-cap")]
    assert sorted(p.name for p in data.iterdir()) == [BACKUP_FOLDER, DATABASE_FILE, "evidence"]


def test_a_file_format_sqlite_would_not_write(folders: tuple[Path, Path]) -> None:
    data, backup = folders
    with open(backup, "r+b") as handle:
        handle.seek(18)
        handle.write(b"\x03")
    _refused(data, backup, f"Bản sao lưu “{backup.name}” bị hỏng hoặc không phải dữ liệu")


def test_a_damaged_name_in_sqlites_message(folders: tuple[Path, Path]) -> None:
    data, backup = folders
    _edit(
        backup,
        "UPDATE sqlite_master SET name = CAST(x'61cc62' AS TEXT), sql = 'CREATE TABLE x y' "
        "WHERE name = 'app_meta'",
    )
    _refused(data, backup, f"Bản sao lưu “{backup.name}” bị hỏng hoặc không phải dữ liệu")
    with Workspace.open(data) as ws:  # the live data are untouched and still open
        assert ws.members.count() == 20


def test_a_file_without_schema_version(folders: tuple[Path, Path]) -> None:
    data, backup = folders
    _edit(backup, "DELETE FROM alembic_version")
    _refused(data, backup, f"Bản sao lưu “{backup.name}” không phải dữ liệu của ứng dụng")


def test_the_restored_database_is_in_wal_mode_before_it_is_live(
    folders: tuple[Path, Path],
) -> None:
    """A backup is a rollback-journal file; restored as such, the next open switched it to WAL
    through a journal, and a kill in that instant (met by `make torture`) left a hot journal."""
    data, backup = folders
    restore_backup(data, backup)
    assert (data / DATABASE_FILE).read_bytes()[18:20] == b"\x02\x02"  # WAL, in SQLite's header
    assert sorted(p.name for p in data.glob(f"{DATABASE_FILE}*")) == [DATABASE_FILE]


def test_a_restore_over_data_a_killed_writer_left(folders: tuple[Path, Path]) -> None:
    """The journal is rolled back first: the data replaced are backed up as sound, not set
    aside as damaged, and the journal is never applied to the restored file."""
    data, backup = folders
    killed = data.parent / "killed"
    hot_journal(data, killed)
    result = restore_backup(killed, backup)
    assert result.set_aside is None and result.safety_copy is not None
    assert soundness(result.safety_copy, full=True) is None
    assert sorted(p.name for p in killed.glob(f"{DATABASE_FILE}*")) == [DATABASE_FILE]
    with Workspace.open(killed) as ws:
        assert ws.members.count() == 20 and ws.check().ok


def test_a_backup_that_is_not_there(folders: tuple[Path, Path]) -> None:
    """A name mistyped, or a stick taken out since the file was chosen."""
    data, backup = folders
    gone = backup.with_name("thu-cong-20261130-101500.sqlite")
    error = _refused(data, gone, "Không tìm thấy bản sao lưu")
    assert error.message == (
        f"Không tìm thấy bản sao lưu “{gone}”. Dữ liệu đang dùng không bị thay đổi."
    )
