"""A damaged database at start (#12): said in Vietnamese, moved aside under a dated name (never
deleted), the newest sound backup offered with its age and contents; a new database is made
atomically, so a killed creation leaves the folder usable."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from breakage import hot_journal
from doancoso.core.backup.store import BACKUP_FOLDER, list_backups, take_backup
from doancoso.core.errors import StorageError
from doancoso.core.storage.db import DamagedDatabaseError
from doancoso.core.workspace import DATABASE_FILE, Workspace


def _zero_a_page(path: Path, page: int) -> None:
    size = 4096
    with open(path, "rb+") as handle:
        handle.seek(page * size)
        handle.write(b"\0" * size)


def test_a_zero_byte_file_is_not_replaced_by_an_empty_database(data_dir: Path) -> None:
    data_dir.mkdir()
    (data_dir / DATABASE_FILE).write_bytes(b"")
    with pytest.raises(DamagedDatabaseError) as info:
        Workspace.open(data_dir)
    assert info.value.message.startswith("Tệp dữ liệu bị hỏng (tệp rỗng, 0 byte).")
    assert "Không có bản sao lưu nào còn dùng được" in info.value.message
    assert [p.name.startswith("doancoso-hong-") for p in data_dir.glob("*.sqlite")] == [True]


def test_a_damaged_page_is_found_and_the_newest_sound_backup_offered(demo_ws: Workspace) -> None:
    folder = demo_ws.data_dir
    members = demo_ws.members.count()
    yesterday = datetime.now() - timedelta(days=1, hours=2)
    take_backup(demo_ws.db.path, folder / BACKUP_FOLDER, "thu-cong", yesterday)
    demo_ws.close()
    _zero_a_page(folder / DATABASE_FILE, 5)
    with pytest.raises(StorageError) as info:
        Workspace.open(folder)
    message = info.value.message
    assert message.startswith("Tệp dữ liệu bị hỏng (không đọc được). Tệp hỏng đã được chuyển")
    (backup,) = list_backups(folder / BACKUP_FOLDER)
    assert (
        f"Bản sao lưu gần nhất còn tốt: lúc {yesterday:%H:%M} ngày {yesterday:%d/%m/%Y} "
        f"(26 giờ trước, {members} đoàn viên; sao lưu theo yêu cầu). Để khôi phục: mở ứng dụng "
        f'và chọn “Khôi phục”, hoặc chạy lệnh: doancoso restore --data-dir "{folder}" '
        f'"{backup.path}"'
    ) in message
    assert isinstance(info.value, DamagedDatabaseError) and info.value.backup == backup


def test_an_unfinished_creation_by_an_older_version_is_set_aside(data_dir: Path) -> None:
    data_dir.mkdir()
    conn = sqlite3.connect(data_dir / DATABASE_FILE)
    conn.execute("CREATE TABLE organizations (id TEXT)")
    conn.execute("CREATE TABLE members (id TEXT)")
    conn.commit()
    conn.close()
    with Workspace.open(data_dir) as ws:
        assert not ws.has_organization
    assert len(list(data_dir.glob("doancoso-chua-tao-xong-*.sqlite"))) == 1


def test_a_killed_init_never_leaves_the_folder_unusable(tmp_path: Path) -> None:
    """Kill ``init`` at moments spread over its run: afterwards ``init`` always works."""
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    for n, delay in enumerate((0.3, 0.5, 0.7, 0.9, 1.1)):
        folder = tmp_path / f"d{n}"
        args = [sys.executable, "-m", "doancoso", "--data-dir", str(folder), "init",
                "--name", "Đoàn xã A", "--superior", "Tỉnh đoàn B"]  # fmt: skip
        process = subprocess.Popen(
            args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        again = subprocess.run(args, env=env, capture_output=True, text=True, timeout=120)
        assert again.returncode in (0, 1), again.stderr
        if again.returncode == 1:  # the first run finished before the kill
            assert again.stderr.startswith(
                f"Lỗi: Thư mục “{folder}” đã có dữ liệu của Đoàn xã A (0 đoàn viên): lệnh init"
            )
        with Workspace.open(folder, create=False) as ws:
            assert ws.organization.get() is not None


def test_a_transaction_killed_in_rollback_journal_mode_is_rolled_back_not_taken_for_damage(
    demo_ws: Workspace, tmp_path: Path
) -> None:
    """Found by `make torture` killing restores: the file is half-written until SQLite rolls the
    journal back, which a read-only inspection cannot do; the sound data were moved aside as
    damaged. (A restored database is now in WAL mode before it is live.)"""
    members = demo_ws.members.count()
    demo_ws.close()
    killed = tmp_path / "killed"
    hot_journal(demo_ws.data_dir, killed)
    with Workspace.open(killed) as ws:
        assert ws.members.count() == members
        assert ws.check().ok
    assert sorted(p.name for p in killed.glob("*.sqlite*")) == [DATABASE_FILE]


def test_the_backup_offered_counts_its_members_as_vietnamese_write_numbers(
    empty_ws: Workspace,
) -> None:
    empty_ws.generate_demo(members=1200, seed=4)
    folder = empty_ws.data_dir
    empty_ws.backups.take()
    empty_ws.close()
    (folder / DATABASE_FILE).write_bytes(b"not a database any more")
    with pytest.raises(DamagedDatabaseError) as info:
        Workspace.open(folder)
    assert " đoàn viên; sao lưu theo yêu cầu)." in info.value.message
    assert "(vừa xong, 1.200 đoàn viên; sao lưu theo yêu cầu)." in info.value.in_window
