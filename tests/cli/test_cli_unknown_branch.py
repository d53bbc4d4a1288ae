"""An unknown ``--branch`` names the chi đoàn there are. The command line has no command that
lists them, and ``members add --branch`` said "Hãy tạo chi đoàn trước." though no command
creates one: a script writer mistyping a name, or setting up a folder, was left guessing."""

from __future__ import annotations

from pathlib import Path

import pytest

from cli_run import cli
from doancoso.core.workspace import Workspace

HOW_TO_CREATE = (
    " Chi đoàn mới được tạo trong ứng dụng (trang “Chi đoàn”, nút “Thêm”) hoặc khi nhập danh "
    "sách đoàn viên có cột “Chi đoàn” (doancoso members import)."
)


@pytest.fixture
def folder(ws: Workspace, data_dir: Path) -> str:
    ws.branches.create("Chi đoàn ấp Tân Phú")
    ws.branches.create("Chi đoàn ấp Kênh Xáng")
    ws.close()
    return str(data_dir)


def test_a_filter_names_the_chi_doan_there_are(folder: str) -> None:
    result = cli("members", "list", "--branch", "Ấp Tân Phong", "--data-dir", folder)
    assert result == (
        1,
        "",
        "Lỗi: Không có chi đoàn “Ấp Tân Phong”; các chi đoàn đang có: Chi đoàn ấp Kênh Xáng, "
        "Chi đoàn ấp Tân Phú.\n",
    )


def test_members_add_says_how_a_chi_doan_is_created(folder: str) -> None:
    result = cli("members", "add", "--name", "Lê Văn An", "--birth", "05/03/2001", "--branch",
                 "Ấp 9", "--data-dir", folder)  # fmt: skip
    assert result == (
        1,
        "",
        "Lỗi: Không có chi đoàn “Ấp 9”; các chi đoàn đang có: Chi đoàn ấp Kênh Xáng, Chi đoàn ấp "
        f"Tân Phú.{HOW_TO_CREATE}\n",
    )
    with Workspace.open(Path(folder)) as ws:
        assert ws.members.count() == 0


def test_a_folder_without_chi_doan_says_so(ws: Workspace, data_dir: Path) -> None:
    ws.close()
    result = cli("members", "add", "--name", "Lê Văn An", "--birth", "05/03/2001", "--branch",
                 "Ấp 9", "--data-dir", str(data_dir))  # fmt: skip
    assert result == (
        1,
        "",
        f"Lỗi: Không có chi đoàn “Ấp 9”: chưa có chi đoàn nào.{HOW_TO_CREATE}\n",
    )
