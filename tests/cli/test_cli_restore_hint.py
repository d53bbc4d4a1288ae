"""The ``doancoso restore`` command that a command line prints for damaged data restores into the
data folder it was given: it named the backup only, so on a folder given with ``--data-dir``
the secretary copying it restored into the default user data folder, and the damaged folder
stayed without data."""

from __future__ import annotations

import json
import shlex
import subprocess
import sys
from pathlib import Path

from doancoso.paths import default_data_dir

HINT = "hoặc chạy lệnh: "


def _doancoso(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "doancoso", *args],
        capture_output=True, text=True, encoding="utf-8", timeout=120,
    )  # fmt: skip


def test_the_printed_restore_command_restores_the_folder_given(tmp_path: Path) -> None:
    folder = tmp_path / "usb" / "doancoso"
    data = f"--data-dir={folder}"
    assert (
        _doancoso("init", data, "--name", "Đoàn xã A", "--superior", "Tỉnh đoàn B").returncode == 0
    )
    assert (
        _doancoso("members", "add", data, "--name", "Lê Văn An", "--birth", "2001").returncode == 0
    )
    assert _doancoso("backup", data).returncode == 0
    (folder / "doancoso.sqlite").write_bytes(b"not a database" * 100)

    damaged = _doancoso("members", "list", data)
    assert damaged.returncode == 1 and HINT in damaged.stderr
    command = shlex.split(damaged.stderr.rsplit(HINT, 1)[1])
    assert command[:2] == ["doancoso", "restore"]
    restored = _doancoso(*command[1:])
    assert (restored.returncode, restored.stderr) == (0, "")

    listed = _doancoso("members", "list", data, "--format", "json")
    assert listed.returncode == 0, listed.stderr
    assert [row["full_name"] for row in json.loads(listed.stdout)] == ["Lê Văn An"]
    assert not default_data_dir().exists()
