"""``doancoso members import`` of a list grouped under chi đoàn headings: the report says how
many rows take their chi đoàn (with ``--youth``, their hamlet) from the heading above them, as
the import wizard says it, and ``--format json`` gives that count as ``from_headings``."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from cli_run import cli
from doancoso.core.workspace import Workspace

INIT = ["--name", "Đoàn xã Tân Hưng", "--superior", "Tỉnh đoàn Cà Mau", "--commune", "Tân Hưng"]


@pytest.fixture
def folder(data_dir: Path) -> str:
    assert cli("init", "--data-dir", str(data_dir), *INIT)[0] == 0
    return str(data_dir)


def _book(path: Path, rows: Sequence[Sequence[Any]]) -> str:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(list(row))
    book.save(path)
    return str(path)


def _grouped(path: Path) -> str:
    return _book(path, [
        ["DANH SÁCH ĐOÀN VIÊN NĂM 2026"],
        ["STT", "Họ và tên", "Ngày sinh", "Chi đoàn"],
        ["I. CHI ĐOÀN ẤP 1"],
        [1, "Nguyễn Văn An", "05/03/2001"],
        [2, "Trần Văn Bình", "01/02/2002", "Ấp 2"],
        ["II. CHI ĐOÀN ẤP TÂN LẬP"],
        [3, "Lê Văn Cường", "01/02/2002"],
        [4, "Phạm Thị Dung", "03/04/2003"],
    ])  # fmt: skip


HEADINGS_LINE = (
    "3 đoàn viên lấy chi đoàn theo dòng tiêu đề nhóm phía trên (dòng không ghi chi đoàn riêng)."
)


def test_the_report_counts_the_members_given_their_heading_chi_doan(
    folder: str, tmp_path: Path
) -> None:
    path = _grouped(tmp_path / "ds.xlsx")
    code, out, err = cli("members", "import", path, "--dry-run", "--data-dir", folder)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[-5:] == [
        "Dòng 6: bỏ qua (dòng tiêu đề nhóm).",
        HEADINGS_LINE,
        "Sẽ tạo chi đoàn mới: ẤP 1, Ấp 2, ẤP TÂN LẬP.",
        "Mới: 4, cập nhật: 0, không đổi: 0, bị loại: 0.",
        "Chạy thử: chưa ghi gì.",
    ]
    code, out, _ = cli("members", "import", path, "--data-dir", folder)
    assert code == 0 and HEADINGS_LINE in out.splitlines()
    with Workspace.open(Path(folder)) as ws:
        assert [(m.full_name, m.branch_name) for m in ws.members.list()] == [
            ("Nguyễn Văn An", "ẤP 1"),
            ("Trần Văn Bình", "Ấp 2"),
            ("Lê Văn Cường", "ẤP TÂN LẬP"),
            ("Phạm Thị Dung", "ẤP TÂN LẬP"),
        ]
    code, out, _ = cli("members", "import", path, "--data-dir", folder)  # again: nothing moves
    assert code == 0 and "tiêu đề nhóm phía trên" not in out


def test_json_gives_the_count_as_from_headings(folder: str, tmp_path: Path) -> None:
    path = _grouped(tmp_path / "ds.xlsx")
    result = cli("members", "import", path, "--dry-run", "--format", "json", "--data-dir", folder)
    assert result.code == 0
    assert result.json()["from_headings"] == 3
    plain = _book(tmp_path / "khong-nhom.xlsx", [
        ["STT", "Họ và tên", "Ngày sinh"],
        [1, "Võ Văn Em", "04/05/2004"],
    ])  # fmt: skip
    result = cli("members", "import", plain, "--format", "json", "--data-dir", folder)
    assert (result.code, result.json()["from_headings"]) == (0, 0)


def test_youth_rows_take_their_hamlet_from_the_heading(folder: str, tmp_path: Path) -> None:
    path = _book(tmp_path / "tn.xlsx", [
        ["STT", "Họ và tên", "Năm sinh", "Nghề nghiệp"],
        ["I", "ẤP TÂN HÒA"],
        [1, "Đặng Thu Hà", "05/05/2002", "Thợ may"],
        [2, "Lê Văn Lộc", 2006, "Học sinh"],
    ])  # fmt: skip
    code, out, _ = cli("members", "import", path, "--youth", "--dry-run", "--data-dir", folder)
    assert code == 0
    assert (
        "2 thanh niên lấy ấp/khu phố theo dòng tiêu đề nhóm phía trên (dòng không ghi ấp/khu phố "
        "riêng)." in out.splitlines()
    )
    result = cli("members", "import", path, "--youth", "--format", "json", "--data-dir", folder)
    assert (result.code, result.json()["from_headings"]) == (0, 2)
    with Workspace.open(Path(folder)) as ws:
        assert [(y.full_name, y.hamlet) for y in ws.youth.list()] == [
            ("Đặng Thu Hà", "ẤP TÂN HÒA"),
            ("Lê Văn Lộc", "ẤP TÂN HÒA"),
        ]
