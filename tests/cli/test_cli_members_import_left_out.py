"""``doancoso members import``: the report says how many rows are imported with a value left out
(a CCCD of 5 digits, a phone "12ab") and which columns of the file to look at, with their rows,
as the import wizard's result page does; a file with every value kept says nothing of it."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from cli_run import cli
from doancoso.core.workspace import Workspace

LEFT_OUT = (
    "2 dòng bỏ qua giá trị không hợp lệ (không ghi, các giá trị khác của dòng vẫn được nhập): "
    "xem cột E “Số CCCD” (dòng 2), cột F “Điện thoại” (dòng 2, 4)."
)


@pytest.fixture
def folder(ws: Workspace, data_dir: Path) -> str:
    ws.close()
    return str(data_dir)


def _roster(path: Path, *rows: list[object]) -> str:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Điện thoại"])
    for row in rows:
        sheet.append(row)
    book.save(path)
    return str(path)


def test_the_report_names_the_rows_and_columns_left_out(folder: str, tmp_path: Path) -> None:
    path = _roster(
        tmp_path / "ds.xlsx",
        [1, "Võ Thị Lan", "01/02/2004", "Nữ", "12345", "12ab"],
        [2, "Lê Thị Hồng Nhung", "05/08/2003", "Nữ", "096303004321", "0911222333"],
        [3, "Phạm Văn An", "06/06/2002", "Nam", None, "09"],
    )
    code, out, err = cli("members", "import", path, "--data-dir", folder)
    assert (code, err) == (0, "")
    assert out.splitlines()[-3:] == [
        LEFT_OUT,
        "Mới: 3, cập nhật: 0, không đổi: 0, bị loại: 0.",
        "Đã nhập vào danh sách đoàn viên.",
    ]
    found = cli("members", "list", "--format", "json", "--data-dir", folder).json()
    assert [(m["full_name"], m["national_id"], m["phone"]) for m in found] == [
        ("Phạm Văn An", None, None),
        ("Võ Thị Lan", None, None),
        ("Lê Thị Hồng Nhung", "096303004321", "0911222333"),
    ]


def test_a_dry_run_says_it_too(folder: str, tmp_path: Path) -> None:
    path = _roster(
        tmp_path / "ds.xlsx",
        [1, "Võ Thị Lan", "01/02/2004", "Nữ", "12345", "12ab"],
        [2, "Phạm Văn An", "06/06/2002", "Nam", None, "09"],
    )
    code, out, _ = cli("members", "import", path, "--dry-run", "--data-dir", folder)
    assert code == 0
    assert out.splitlines()[-3:] == [
        "2 dòng bỏ qua giá trị không hợp lệ (không ghi, các giá trị khác của dòng vẫn được "
        "nhập): xem cột E “Số CCCD” (dòng 2), cột F “Điện thoại” (dòng 2, 3).",
        "Mới: 2, cập nhật: 0, không đổi: 0, bị loại: 0.",
        "Chạy thử: chưa ghi gì.",
    ]


def test_every_value_kept_says_nothing_of_it(folder: str, tmp_path: Path) -> None:
    path = _roster(tmp_path / "ds.xlsx", [1, "Võ Thị Lan", "01/02/2004", "Nữ", None, "0912345678"])
    code, out, _ = cli("members", "import", path, "--data-dir", folder)
    assert code == 0
    assert "bỏ qua giá trị" not in out


def test_json_names_each_row_and_column_left_out(folder: str, tmp_path: Path) -> None:
    """A script reads the values not kept as the text report says them: each row, with the
    field, the file's column (Excel's letter) and its header."""
    path = _roster(
        tmp_path / "ds.xlsx",
        [1, "Võ Thị Lan", "01/02/2004", "Nữ", "12345", "12ab"],
        [2, "Lê Thị Hồng Nhung", "05/08/2003", "Nữ", "096303004321", "0911222333"],
        [3, "Phạm Văn An", "06/06/2002", "Nam", None, "09"],
    )
    done = cli("members", "import", path, "--format", "json", "--data-dir", folder)
    assert (done.code, done.err) == (0, "")
    assert done.json()["left_out"] == [
        {"row": 2, "field": "national_id", "column": "E", "header": "Số CCCD"},
        {"row": 2, "field": "phone", "column": "F", "header": "Điện thoại"},
        {"row": 4, "field": "phone", "column": "F", "header": "Điện thoại"},
    ]
    kept = _roster(tmp_path / "ok.xlsx", [1, "Võ Văn Ba", "01/02/2004", "Nam", None, None])
    done = cli("members", "import", kept, "--format", "json", "--data-dir", folder)
    assert (done.code, done.json()["left_out"]) == (0, [])
