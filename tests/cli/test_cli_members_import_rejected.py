"""``members import`` of a file with rejected rows imports nothing and exits 1, the reasons on
stderr, unless ``--skip-rejected`` says to import the other rows: an import is all or nothing
(DESIGN.md), and a script could not tell a partial import from a whole one by its exit code."""

from __future__ import annotations

import json
from pathlib import Path

from cli_run import cli
from doancoso.core.workspace import Workspace

ROWS = (
    "Họ và tên,Ngày sinh\n"
    "Nguyễn Văn An,05/03/2001\n"
    "Trần Thị Bình,31/02/2005\n"
    "Lê Hoàng Cường,01/02/2002\n"
)
REFUSED = (
    "Lỗi: 1 dòng bị loại nên chưa nhập gì (sửa các dòng này rồi nhập lại, hoặc thêm "
    "--skip-rejected để chỉ nhập các dòng còn lại):\n"
    "  Dòng 3: Ngày sinh 31/02/2005 không có trên lịch.\n"
)


def _names(data_dir: Path) -> list[str]:
    with Workspace.open(data_dir) as ws:
        return sorted(m.full_name for m in ws.members.list())


def _file(tmp_path: Path) -> str:
    path = tmp_path / "ds.csv"
    path.write_text(ROWS, encoding="utf-8")
    return str(path)


def test_rejected_rows_import_nothing(ws: Workspace, data_dir: Path, tmp_path: Path) -> None:
    path = _file(tmp_path)
    for dry_run in ((), ("--dry-run",)):  # a dry run says what the import would do
        done = cli("members", "import", path, *dry_run, "--data-dir", str(data_dir))
        assert (done.code, done.err) == (1, REFUSED)
        assert done.out.splitlines()[-1] == "Mới: 2, cập nhật: 0, không đổi: 0, bị loại: 1."
        assert _names(data_dir) == []
    done = cli("members", "import", path, "--data-dir", str(data_dir), "--format", "json")
    assert (done.code, done.err) == (1, REFUSED)
    assert (done.json()["rejected"], done.json()["applied"]) == (1, False)
    assert _names(data_dir) == []


def test_skip_rejected_imports_the_other_rows(
    ws: Workspace, data_dir: Path, tmp_path: Path
) -> None:
    path = _file(tmp_path)
    done = cli("members", "import", path, "--dry-run", "--skip-rejected", "--data-dir",
               str(data_dir))  # fmt: skip
    assert (done.code, done.err) == (0, "")
    assert done.out.endswith("bị loại: 1.\nChạy thử: chưa ghi gì.\n")
    assert _names(data_dir) == []
    done = cli("members", "import", path, "--skip-rejected", "--data-dir", str(data_dir))
    assert (done.code, done.err) == (0, "")
    assert done.out.endswith(
        "bị loại: 1.\nĐã nhập vào danh sách đoàn viên, bỏ qua 1 dòng bị loại (dòng 3).\n"
    )
    assert _names(data_dir) == ["Lê Hoàng Cường", "Nguyễn Văn An"]
    report = json.loads(
        cli(
            "members",
            "import",
            path,
            "--skip-rejected",
            "--data-dir",
            str(data_dir),
            "--format",
            "json",
        ).out  # fmt: skip
    )
    assert (report["unchanged"], report["rejected"], report["applied"]) == (2, 1, True)
