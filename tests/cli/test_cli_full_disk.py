"""A full disk, or a file-size limit, when the data are opened (#12): one Vietnamese line saying
the disk is full and what to do, exit 1, no traceback and no "Lỗi không mong đợi", and the data
folder left byte for byte as it was (not even an empty ``-wal`` or ``-shm`` left behind).

SQLite opening a WAL-mode file must make its 32 KiB WAL index (``-shm``): under a file-size limit
below that, or on a full disk, it cannot, and says "disk I/O error". The limit is set in a
subprocess (``RLIMIT_FSIZE``, SIGXFSZ ignored); the full disk is a small tmpfs, filled up, where
the machine allows mounting one.
"""

from __future__ import annotations

import csv
import itertools
import shutil
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest

from breakage import fill, limited_file_size, small_disk, snapshot
from doancoso.cli.main import run
from doancoso.core.workspace import Workspace

ADD = ["members", "add", "--name", "Lê Văn Tám", "--birth", "01/01/2000", "--gender", "Nam"]


def _full(folder: Path) -> str:
    return (
        f"Lỗi: Không ghi được dữ liệu vào thư mục “{folder}”: ổ đĩa đã đầy hoặc bị lỗi đọc ghi "
        "(USB có thể đã bị rút ra). Hãy giải phóng chỗ trống trên ổ đĩa hoặc cắm lại USB, rồi "
        "thử lại. Dữ liệu đã lưu không bị thay đổi.\n"
    )


@pytest.fixture
def roster(tmp_path: Path) -> Path:
    folder = tmp_path / "du-lieu"
    with Workspace.open(folder) as ws:
        ws.generate_demo(members=20, seed=5)
    return folder


@pytest.mark.parametrize("limit", [0, 4096, 30000])
def test_a_file_size_limit_at_open(roster: Path, limit: int) -> None:
    before = snapshot(roster)
    for args in (["members", "list"], ADD, ["check"], ["backup"]):
        done = subprocess.run(
            [sys.executable, "-m", "doancoso", "--data-dir", str(roster), *args],
            capture_output=True, text=True, timeout=120, preexec_fn=limited_file_size(limit),
        )  # fmt: skip
        assert (done.returncode, done.stdout, done.stderr) == (1, "", _full(roster)), args
        assert snapshot(roster) == before, args
    with Workspace.open(roster) as ws:  # nothing lost, the folder works once there is room
        assert ws.members.count() == 20


def test_an_import_that_outgrows_a_file_size_limit(roster: Path, tmp_path: Path) -> None:
    """The data open, then the import's transaction outgrows the limit: refused whole."""
    names = ["An", "Bình", "Cường", "Dũng", "Giang", "Hải", "Khánh", "Lâm", "Minh", "Nam"]
    sheet = tmp_path / "moi.csv"
    with open(sheet, "w", newline="", encoding="utf-8-sig") as handle:
        rows = csv.writer(handle)
        rows.writerow(["Họ và tên", "Ngày sinh", "Giới tính"])
        for a, b, c in itertools.product(names, names, names):
            rows.writerow([f"Trần {a} {b} {c}", "02/02/2002", "Nam"])
    database = snapshot(roster)["doancoso.sqlite"]
    # Room for the backup taken before the import (a copy of the database), not for the import
    limit = (roster / "doancoso.sqlite").stat().st_size + 100_000
    done = subprocess.run(
        [sys.executable, "-m", "doancoso", "--data-dir", str(roster), "members", "import",
         str(sheet)],
        capture_output=True, text=True, timeout=120, preexec_fn=limited_file_size(limit),
    )  # fmt: skip
    assert (done.returncode, done.stdout, done.stderr) == (1, "", _full(roster))
    assert snapshot(roster)["doancoso.sqlite"] == database  # the backup before it is kept
    with Workspace.open(roster) as ws:
        assert ws.members.count() == 20 and ws.check().ok


def test_a_full_disk_at_open(roster: Path, tmp_path: Path) -> None:
    stick = tmp_path / "usb"
    stick.mkdir()
    # Room for the data folder as it is (the demo's evidence files included), little more
    size_kib = sum(p.stat().st_size for p in roster.rglob("*") if p.is_file()) // 1024 + 256
    with small_disk(stick, size_kib):
        data = stick / "du-lieu"
        data.mkdir()
        shutil.copytree(roster, data, dirs_exist_ok=True)
        filler = fill(stick)
        before = snapshot(data)
        for args in (["members", "list"], ADD):
            out, err = StringIO(), StringIO()
            assert run(["--data-dir", str(data), *args], out, err) == 1, args
            assert (out.getvalue(), err.getvalue()) == ("", _full(data)), args
            assert snapshot(data) == before, args
        filler.unlink()
        out, err = StringIO(), StringIO()
        assert run(["--data-dir", str(data), *ADD], out, err) == 0, err.getvalue()
        with Workspace.open(data) as ws:
            assert ws.members.count() == 21


def test_a_backup_to_a_full_stick(roster: Path, tmp_path: Path) -> None:
    stick = tmp_path / "usb"
    stick.mkdir()
    with small_disk(stick, 100):
        out, err = StringIO(), StringIO()
        assert run(["--data-dir", str(roster), "backup", "--to", str(stick)], out, err) == 1
        assert err.getvalue() == (
            f"Lỗi: Không sao lưu được dữ liệu. Không ghi được dữ liệu: ổ đĩa chứa thư mục "
            f"“{stick}” đã đầy. Hãy giải phóng chỗ trống (xóa bớt tệp không cần, dọn Thùng rác) "
            "rồi thử lại. Dữ liệu đang dùng không bị thay đổi.\n"
        )
        assert list(stick.iterdir()) == []  # no partial or temporary file left
