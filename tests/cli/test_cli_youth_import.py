"""``doancoso members import FILE --youth``: the youth register from a hamlet head's list."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import openpyxl
import pytest

from cli_run import cli
from doancoso.cli.main import run
from doancoso.core.workspace import Workspace

INIT = ["--name", "Đoàn xã Tân Hưng", "--superior", "Tỉnh đoàn Cà Mau", "--commune", "Tân Hưng"]


@pytest.fixture
def folder(data_dir: Path) -> str:
    assert cli("init", "--data-dir", str(data_dir), *INIT)[0] == 0
    with Workspace.open(data_dir) as ws:
        ws.members.save({"full_name": "Võ Văn Tùng", "birth_date": "01/02/2004"})
        ws.youth.save({"full_name": "Đặng Thu Hà", "birth_date": "05/05/2002", "hamlet": "Ấp 1"})
    return str(data_dir)


def _hamlet_list(path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Ấp 1"
    for row in (
        ["DANH SÁCH THANH NIÊN ẤP 1"],
        ["STT", "Họ và tên", "Năm sinh", "Giới tính", "Ấp/khu phố", "Nghề nghiệp"],
        [1, "Đặng Thu Hà", "05/05/2002", "Nữ", "Ấp 1", "Thợ may"],
        [2, "Lê Văn Lộc", 2006, "Nam", "Ấp 1", "Học sinh"],
        [3, "Võ Văn Tùng", "01/02/2004", "Nam", "Ấp 1", ""],
        [4, "Lê Văn Lộc", 2006, "Nam", "Ấp 1", ""],
    ):
        sheet.append(row)
    book.save(path)
    return path


def _names(folder: str) -> list[tuple[str, str | None]]:
    with Workspace.open(Path(folder)) as ws:
        return [(r.full_name, r.occupation) for r in ws.youth.list()]


def test_json_report_then_import(folder: str, tmp_path: Path) -> None:
    path = str(_hamlet_list(tmp_path / "ap1.xlsx"))
    args = ("members", "import", path, "--youth", "--data-dir", folder, "--format", "json",
            "--skip-rejected")  # fmt: skip
    code, out, err = cli(*args, "--dry-run")
    assert (code, err) == (0, "")
    report = json.loads(out)
    assert report == {
        "new": 2,
        "updated": 1,
        "unchanged": 0,
        "rejected": 1,
        "problems": [
            {"row": 5, "reason": "Trùng họ tên và ngày sinh với đoàn viên Võ Văn Tùng (sinh "
             "01/02/2004) trong danh sách đoàn viên: người này đã vào Đoàn? Hãy kiểm tra lại."},
            {"row": 6, "reason": "Trùng với Lê Văn Lộc, cùng họ tên và ngày sinh (dòng 4)."},
        ],
        "new_branches": [],
        "from_headings": 0,
        "warnings": [],
        "left_out": [],
        "applied": False,
    }  # fmt: skip
    assert _names(folder) == [("Đặng Thu Hà", None)]
    code, out, _ = cli(*args)
    assert code == 0 and json.loads(out)["applied"] is True
    assert _names(folder) == [
        ("Đặng Thu Hà", "Thợ may"), ("Lê Văn Lộc", "Học sinh"), ("Võ Văn Tùng", None)
    ]  # fmt: skip
    code, out, _ = cli(*args)  # again: nothing new
    assert (json.loads(out)["new"], json.loads(out)["updated"], json.loads(out)["unchanged"]) == (
        0, 0, 3)  # fmt: skip
    with Workspace.open(Path(folder)) as ws:
        assert ws.members.count() == 1  # the roster is untouched


def test_table_report_in_vietnamese(folder: str, tmp_path: Path) -> None:
    path = str(_hamlet_list(tmp_path / "ap1.xlsx"))
    code, out, _ = cli("members", "import", path, "--youth", "--data-dir", folder,
                       "--skip-rejected")  # fmt: skip
    assert code == 0
    assert "B “Họ và tên” → Họ và tên; C “Năm sinh” → Ngày sinh / năm sinh" in out
    assert "Dòng 3: cập nhật Đặng Thu Hà (Giới tính, Nghề nghiệp)." in out
    assert "Dòng 6 [bị loại]: Trùng với Lê Văn Lộc" in out
    assert out.rstrip().endswith(
        "Mới: 2, cập nhật: 1, không đổi: 0, bị loại: 1.\nĐã nhập vào sổ theo dõi thanh niên, "
        "bỏ qua 1 dòng bị loại (dòng 6)."
    )


def test_the_youth_export_round_trips(folder: str, tmp_path: Path) -> None:
    path = str(tmp_path / "tn.csv")
    assert cli("members", "export", path, "--youth", "--data-dir", folder)[0] == 0
    code, out, _ = cli("members", "import", path, "--youth", "--data-dir", folder, "--format",
                       "json")  # fmt: skip
    report = json.loads(out)
    assert (code, report["new"], report["updated"], report["unchanged"]) == (0, 0, 0, 1)


def test_a_broken_file_exits_1_with_a_vietnamese_message(folder: str, tmp_path: Path) -> None:
    path = tmp_path / "hong.xlsx"
    path.write_bytes(b"not a workbook")
    code, out, err = cli("members", "import", str(path), "--youth", "--data-dir", folder)
    assert (code, out) == (1, "")
    assert err == (
        "Lỗi: Tệp hong.xlsx không phải tệp Excel hợp lệ (có thể là tệp CSV hoặc văn bản bị đổi "
        "đuôi). Hãy mở tệp trong Excel và lưu lại dạng “Excel Workbook (.xlsx)”.\n"
    )
    assert _names(folder) == [("Đặng Thu Hà", None)]


def test_help_names_the_option(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        run(["members", "import", "--help"], out=StringIO(), err=StringIO())
    assert "nhập vào danh sách thanh niên địa phương (sổ theo dõi)" in capsys.readouterr().out
