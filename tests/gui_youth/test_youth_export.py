"""The youth register exported to .xlsx (layout of the roster export) and CSV (UTF-8 BOM)."""

from __future__ import annotations

import csv

import pytest
from openpyxl import load_workbook

from doancoso.core.errors import AppError
from doancoso.core.youth import YouthFilter

HEADER = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Ấp/khu phố", "Nghề nghiệp",
          "Đi làm ăn xa (nơi)", "Hoàn cảnh khó khăn", "Đoàn viên theo dõi (1+1)",
          "Điện thoại"]  # fmt: skip


def test_xlsx_layout_and_cells(youth_ws, tmp_path) -> None:
    path = tmp_path / "tn.xlsx"
    assert youth_ws.spreadsheets.export_youth(path) == 5
    sheet = load_workbook(path).active
    assert sheet["A1"].value == "DANH SÁCH THANH NIÊN ĐỊA PHƯƠNG"
    assert sheet["A2"].value == "Đoàn xã Tân Hưng"
    assert [c.value for c in sheet[3]] == HEADER
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=4)]
    names = [r[1] for r in rows]
    assert names == [r.full_name for r in youth_ws.youth.list()]
    assert [r[0] for r in rows] == [1, 2, 3, 4, 5]
    thuy = rows[names.index("Nguyễn Thị Thủy")]
    assert thuy[2:] == ["12/03/2004", "Nữ", "Ấp Tân Hưng", None, None, "Hộ nghèo",
                        "Nguyễn Thị Như Quỳnh", None]  # fmt: skip
    assert rows[names.index("Trần Thị Thuỷ")][2] == "2005"
    assert rows[names.index("Lê Văn An")][9] == "0912345678"
    assert sheet.freeze_panes == "C4"
    assert sheet.print_title_rows == "$3:$3"
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.paperSize == 9
    assert sheet.column_dimensions["B"].width > sheet.column_dimensions["A"].width
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "tn.xlsx"]  # no temp file


def test_csv_has_a_bom_and_follows_the_filter(youth_ws, tmp_path) -> None:
    path = tmp_path / "tn.csv"
    count = youth_ws.spreadsheets.export_youth(path, YouthFilter(working_away_only=True))
    assert count == 2
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(data.decode("utf-8-sig").splitlines()))
    assert rows[0] == HEADER
    assert [(r[0], r[1], r[6]) for r in rows[1:]] == [
        ("1", "Đặng Thu Hà", "Có"), ("2", "Trần Thị Thuỷ", "TP. Hồ Chí Minh"),
    ]  # fmt: skip


def test_other_suffix_is_refused(youth_ws, tmp_path) -> None:
    with pytest.raises(AppError, match="chỉ xuất ra tệp .xlsx hoặc .csv"):
        youth_ws.spreadsheets.export_youth(tmp_path / "tn.ods")
