"""The command line's bundle tests' shared pieces: the password, the CLI run in-process, the
demo data folder and the password file they export with."""

from __future__ import annotations

from pathlib import Path

from cli_run import cli
from doancoso.core.workspace import Workspace

PASSWORD = "Mật khẩu bàn giao 2026"


def demo_home(tmp_path: Path) -> Path:
    folder = tmp_path / "home"
    with Workspace.open(folder) as ws:
        ws.generate_demo(members=25, seed=5)
    return folder


def write_password_file(tmp_path: Path) -> Path:
    path = tmp_path / "mat-khau.txt"
    path.write_text(f"\ufeff{PASSWORD}\r\ndòng thứ hai không tính\n", encoding="utf-8")
    return path


def export(home: Path, target: Path, password_file: Path) -> None:
    code, out, err = cli(
        "bundle",
        "export",
        str(target),
        "--password-file",
        str(password_file),
        "--data-dir",
        str(home),
    )
    assert (code, err) == (0, ""), err
    assert out.startswith(f"Đã ghi và đọc lại kiểm tra gói dữ liệu “{target}”")
