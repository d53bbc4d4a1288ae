"""Output redirected to a file or read by a script is UTF-8, whatever the system's code page:
on Windows, Python writes a redirected stdout in the ANSI code page (cp1252, cp1258), which
cannot hold "ệ" or "ư", so `doancoso members list > ds.txt` used to stop half-way with "Lỗi
không mong đợi" and every message came out as \\u escapes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest

from doancoso.cli.main import run


def _doancoso(*args: str) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ, PYTHONIOENCODING="cp1252")  # as a redirected stdout on Windows
    return subprocess.run(
        [sys.executable, "-m", "doancoso", *args], capture_output=True, env=env, timeout=120
    )


@pytest.fixture
def folder(data_dir: Path) -> str:
    setup = ["init", "--data-dir", str(data_dir), "--name", "Đoàn xã Tân Hưng", "--superior",
             "Tỉnh đoàn Cà Mau"]  # fmt: skip
    assert run(setup, out=StringIO(), err=StringIO()) == 0
    add = ["members", "add", "--data-dir", str(data_dir), "--name", "Nguyễn Thị Như Quỳnh",
           "--birth", "05/03/2001"]  # fmt: skip
    assert run(add, out=StringIO(), err=StringIO()) == 0
    return str(data_dir)


def test_a_listing_is_written_in_utf8(folder: str) -> None:
    done = _doancoso("members", "list", "--data-dir", folder)
    assert (done.returncode, done.stderr) == (0, b"")
    assert done.stdout.decode("utf-8").splitlines() == [
        "1\tNguyễn Thị Như Quỳnh\t05/03/2001\t\t\tĐang sinh hoạt\t",
        "Tổng cộng: 1 đoàn viên.",
    ]


def test_json_is_utf8(folder: str) -> None:
    done = _doancoso("members", "list", "--data-dir", folder, "--format", "json")
    assert done.returncode == 0
    [row] = json.loads(done.stdout.decode("utf-8"))
    assert row["full_name"] == "Nguyễn Thị Như Quỳnh"


def test_messages_and_help_are_utf8(tmp_path: Path) -> None:
    done = _doancoso("members", "list", "--data-dir", str(tmp_path / "trong"))
    assert done.returncode == 1
    assert done.stderr.decode("utf-8").startswith("Lỗi: Chưa có dữ liệu ở thư mục “")
    done = _doancoso("members", "--help")
    assert done.returncode == 0
    assert "liệt kê đoàn viên" in done.stdout.decode("utf-8")
