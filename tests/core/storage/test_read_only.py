"""Data that can only be read (#12): a write-protected USB stick in portable mode, a read-only
folder or a read-only ``doancoso.sqlite`` open for reading; every write is refused with a
Vietnamese message saying why and what to do, and changes nothing. No creation, move, upgrade,
backup or WAL is attempted on them.

The real thing needs a folder that refuses root's writes: a read-only bind mount
(:func:`breakage.read_only_mount`, skipped where mounting is not allowed). The core path is also
driven directly (``Database.open`` given a :class:`ReadOnlyData`), which runs everywhere.
"""

from __future__ import annotations

import csv
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from breakage import hot_journal, read_only_mount, snapshot
from doancoso.core.errors import StorageError
from doancoso.core.storage.db import Database, head_revision
from doancoso.core.storage.folder import ReadOnlyData, ReadOnlyDataError
from doancoso.core.workspace import DATABASE_FILE, Workspace

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
STICK = "ổ đĩa chỉ cho phép đọc (USB có thể đang bị khóa ghi)"
NEW_MEMBER = {"full_name": "Lê Văn Tám", "birth_date": "01/01/2000", "gender": "Nam"}
MARKED = ReadOnlyData("thử nghiệm", "Hãy chép dữ liệu sang máy.")


@pytest.fixture
def stick(tmp_path: Path) -> Path:
    """The data folder of a roster of 20, closed cleanly (as it is when copied to a stick)."""
    folder = tmp_path / "usb" / "doancoso-data"
    with Workspace.open(folder) as ws:
        ws.generate_demo(members=20, seed=3)
    return folder


@pytest.fixture
def protected(stick: Path) -> Iterator[Path]:
    """``stick`` write-protected for real (root included)."""
    with read_only_mount(stick):
        yield stick


def _csv(path: Path) -> Path:
    with open(path, "w", newline="", encoding="utf-8-sig") as handle:
        csv.writer(handle).writerows(
            [["Họ và tên", "Ngày sinh", "Giới tính"], ["Trần Văn Mới", "02/02/2002", "Nam"]]
        )
    return path


def test_a_write_protected_stick_opens_for_reading_and_refuses_every_write(
    protected: Path, tmp_path: Path
) -> None:
    before = snapshot(protected)
    with Workspace.open(protected) as ws:
        assert ws.read_only is not None
        assert ws.read_only.message == (
            f"Dữ liệu chỉ đọc: thư mục dữ liệu “{protected}” nằm trên {STICK}. Không lưu được "
            "thay đổi nào. Muốn sửa dữ liệu, hãy gạt khóa ghi của USB rồi mở lại, hoặc chép cả "
            "thư mục dữ liệu sang máy tính rồi mở bản chép."
        )
        # Reading: the roster, a member's record, the statistics, a check, a backup elsewhere.
        rows = ws.members.list()
        assert len(rows) == ws.members.count() == 20
        assert ws.members.get(rows[0].id).fields.full_name == rows[0].full_name
        assert ws.branches.list() and ws.organization.get() is not None
        assert ws.statistics is not None and ws.events is not None
        ws.load_everything()  # SQLAlchemy's engine reads through the read-only connection too
        report = ws.check()
        assert report.ok and report.backup is None
        usb = tmp_path / "usb-khac"
        usb.mkdir()
        copied = ws.backups.to_folder(usb)
        assert copied.ok and copied.members == 20
        preview = ws.spreadsheets.preview_import(_csv(tmp_path / "moi.csv"))
        # Writing: each refused with the same message, before anything is touched.
        writes = {
            "add": lambda: ws.members.save(NEW_MEMBER),
            "delete": lambda: ws.members.delete([rows[0].id]),
            "import": lambda: ws.spreadsheets.apply_import(preview),
            "backup": lambda: ws.backups.take(),
            "repair": lambda: ws.check(repair=True),
            "restore": lambda: ws.restore(copied.path),
        }
        for name, write in writes.items():
            with pytest.raises(ReadOnlyDataError) as info:
                write()
            assert info.value.message == ws.read_only.message, name
        assert ws.backups.daily_if_due() is None
        assert ws.members.count() == 20  # the workspace still reads after a refused restore
    assert snapshot(protected) == before


def test_a_folder_of_a_stick_without_data_is_refused_with_why(tmp_path: Path) -> None:
    empty = tmp_path / "trong"
    empty.mkdir()
    with read_only_mount(empty), pytest.raises(StorageError) as info:
        Workspace.open(empty)
    assert info.value.message == (
        f"Thư mục dữ liệu “{empty}” chỉ cho phép đọc ({STICK}) và chưa có dữ liệu: không tạo "
        "được dữ liệu mới ở đây. Hãy chọn thư mục khác, hoặc gạt khóa ghi của USB rồi mở lại."
    )
    assert list(empty.iterdir()) == []


def test_a_stick_needing_an_upgrade_is_said_to_be_unupgradable(tmp_path: Path) -> None:
    folder = tmp_path / "cu"
    folder.mkdir()
    shutil.copyfile(FIXTURES / "schema-0005.sqlite", folder / DATABASE_FILE)
    before = snapshot(folder)
    with read_only_mount(folder), pytest.raises(StorageError) as info:
        Workspace.open(folder)
    assert info.value.message.startswith(
        "Dữ liệu được tạo bởi phiên bản cũ hơn của ứng dụng và cần được nâng cấp, nhưng dữ liệu "
        f"chỉ đọc nên không nâng cấp được (thư mục dữ liệu “{folder}” nằm trên {STICK})."
    )
    assert snapshot(folder) == before  # no backup taken before an upgrade that cannot happen


def test_commits_left_in_a_wal_on_a_stick_are_said_not_lost(stick: Path, tmp_path: Path) -> None:
    """The app was killed, then the stick write-protected: the commits in the WAL cannot be read
    without writing beside the file; refused with what to do, never read without them."""
    folder = tmp_path / "chua-dong"
    folder.mkdir()
    live = sqlite3.connect(stick / DATABASE_FILE)
    live.execute("PRAGMA wal_autocheckpoint = 0")
    live.execute("UPDATE organizations SET name = 'Đoàn xã Sau Cùng'")
    live.commit()
    for suffix in ("", "-wal"):  # as a killed app leaves them (the index is rebuilt)
        shutil.copyfile(f"{stick / DATABASE_FILE}{suffix}", f"{folder / DATABASE_FILE}{suffix}")
    live.close()
    with read_only_mount(folder), pytest.raises(StorageError) as info:
        Workspace.open(folder)
    assert "lần trước ứng dụng chưa được đóng đúng cách" in info.value.message
    assert info.value.message.endswith("rồi mở lại; dữ liệu không bị thay đổi.")
    with Workspace.open(folder) as ws:  # once writable again, the last commit is there
        info_ = ws.organization.get()
        assert info_ is not None and info_.name == "Đoàn xã Sau Cùng"


def test_a_transaction_killed_on_a_stick_is_said_not_read_half_done(
    stick: Path, tmp_path: Path
) -> None:
    """A hot -journal (a writer killed mid-transaction) cannot be rolled back on a stick:
    reading the file without it would read half a transaction; refused with what to do."""
    folder = tmp_path / "dang-ghi"
    hot_journal(stick, folder)
    before = snapshot(folder)
    with read_only_mount(folder), pytest.raises(StorageError) as info:
        Workspace.open(folder)
    assert "còn thay đổi dở dang nằm trong tệp “-journal” bên cạnh" in info.value.message
    assert snapshot(folder) == before


# The core path, driven directly: runs on any machine ------------------------------------------


def test_read_only_connections_refuse_writes_in_sqlite_too(stick: Path) -> None:
    """Past the app's own refusal, SQLite refuses (``query_only`` and ``mode=ro``)."""
    path = stick / DATABASE_FILE
    before = path.read_bytes()
    db = Database.open(path, MARKED)
    try:
        with pytest.raises(ReadOnlyDataError, match="^Dữ liệu chỉ đọc: thử nghiệm. Không lưu"):
            db.transaction().__enter__()
        with db.raw() as cursor, pytest.raises(sqlite3.OperationalError):
            cursor.execute("DELETE FROM members")
        from sqlalchemy import text
        from sqlalchemy.exc import OperationalError

        with db.engine.connect() as conn, pytest.raises(OperationalError):
            conn.execute(text("DELETE FROM members"))
        with db.raw() as cursor:
            assert cursor.execute("SELECT count(*) FROM members").fetchone()[0] == 20
    finally:
        db.close()
    assert path.read_bytes() == before


def test_nothing_is_created_moved_or_upgraded_when_read_only(tmp_path: Path) -> None:
    old = tmp_path / "old.sqlite"
    shutil.copyfile(FIXTURES / "schema-0005.sqlite", old)
    assert head_revision() != "0005"
    with pytest.raises(StorageError, match="cần được nâng cấp, nhưng dữ liệu chỉ đọc"):
        Database.open(old, MARKED)
    damaged = tmp_path / "hong.sqlite"
    damaged.write_bytes(b"not a database at all" * 100)
    with pytest.raises(StorageError) as info:
        Database.open(damaged, MARKED)
    assert info.value.message.startswith(
        "Tệp dữ liệu bị hỏng (không còn là tệp cơ sở dữ liệu), và dữ liệu chỉ đọc nên ứng dụng "
        "không chuyển được tệp hỏng sang bên"
    )
    with pytest.raises(StorageError, match="^Chưa có dữ liệu"):
        Database.open(tmp_path / "chua-co.sqlite", MARKED)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hong.sqlite", "old.sqlite"]
    assert old.read_bytes() == (FIXTURES / "schema-0005.sqlite").read_bytes()
