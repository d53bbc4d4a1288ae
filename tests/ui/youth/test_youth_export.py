"""The youth register exported to .xlsx (layout of the roster export) and CSV (UTF-8 BOM)."""

from __future__ import annotations

import csv
from datetime import datetime

import pytest
from openpyxl import load_workbook

from doancoso.core.errors import AppError
from doancoso.core.youth.service import YouthFilter

HEADER = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Dân tộc", "Tôn giáo", "Khuyết tật",
          "Ấp/khu phố", "Địa chỉ", "Nghề nghiệp", "Đi làm ăn xa (nơi)", "Từ ngày",
          "Hoàn cảnh khó khăn", "Hỗ trợ đã nhận", "Đoàn viên theo dõi (1+1)", "Điện thoại",
          "Liên hệ", "Ghi chú"]  # fmt: skip
EVERYTHING = {
    "full_name": "Thạch Thị Sa Ra", "birth_date": "02/09/2001", "gender": "Nữ",
    "ethnicity": "Khmer", "religion": "Phật giáo Nam tông", "disability": "Khiếm thị",
    "hamlet": "Ấp Kênh Xáng", "address": "Số 12, ấp Kênh Xáng, xã Tân Hưng",
    "occupation": "Công nhân", "away_place": "Bình Dương", "away_since": "01/03/2025",
    "hardship_kind": "Hộ cận nghèo", "hardship_support": "Học bổng 2025\nSửa nhà 2026",
    "phone": "0987654321", "contact": "Mẹ: Thạch Thị Nương, 0911222333",
    "notes": "Về quê dịp Tết",
}  # fmt: skip


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
    assert thuy[2:] == [datetime(2004, 3, 12), "Nữ", None, None, None, "Ấp Tân Hưng", None, None,
                        None, None, "Hộ nghèo", None, "Nguyễn Thị Như Quỳnh", None, None,
                        None]  # fmt: skip
    assert sheet.cell(4 + names.index("Nguyễn Thị Thủy"), 3).number_format == "dd/mm/yyyy"
    assert rows[names.index("Trần Thị Thuỷ")][2] == "2005"
    assert rows[names.index("Lê Văn An")][15] == "0912345678"
    assert sheet.freeze_panes == "C4"
    assert sheet.print_title_rows == "$3:$3"
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.paperSize == 9
    assert sheet.column_dimensions["B"].width > sheet.column_dimensions["A"].width
    assert sheet.page_setup.fitToWidth == 1 and sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.page_setup.fitToHeight == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "tn.xlsx"]  # no temp file


def test_csv_has_a_bom_and_follows_the_filter(youth_ws, tmp_path) -> None:
    path = tmp_path / "tn.csv"
    count = youth_ws.spreadsheets.export_youth(path, YouthFilter(working_away_only=True))
    assert count == 2
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(data.decode("utf-8-sig").splitlines()))
    assert rows[0] == HEADER
    assert [(r[0], r[1], r[10]) for r in rows[1:]] == [
        ("1", "Đặng Thu Hà", "Có"), ("2", "Trần Thị Thuỷ", "TP. Hồ Chí Minh"),
    ]  # fmt: skip


def test_other_suffix_is_refused(youth_ws, tmp_path) -> None:
    with pytest.raises(AppError, match="chỉ xuất ra tệp .xlsx hoặc .csv"):
        youth_ws.spreadsheets.export_youth(tmp_path / "tn.ods")


def test_every_field_of_the_register_is_exported(youth_ws, tmp_path) -> None:
    youth_ws.youth.save(EVERYTHING)
    flt = YouthFilter(hardship_only=True, search="sa ra")
    assert youth_ws.spreadsheets.export_youth(tmp_path / "tn.xlsx", flt) == 1
    sheet = load_workbook(tmp_path / "tn.xlsx").active
    assert sheet["A1"].value == ("DANH SÁCH THANH NIÊN CÓ HOÀN CẢNH KHÓ KHĂN (tìm: “sa ra”)")
    assert [c.value for c in sheet[4]] == [
        1, "Thạch Thị Sa Ra", datetime(2001, 9, 2), "Nữ", "Khmer", "Phật giáo Nam tông",
        "Khiếm thị", "Ấp Kênh Xáng", "Số 12, ấp Kênh Xáng, xã Tân Hưng", "Công nhân",
        "Bình Dương", datetime(2025, 3, 1), "Hộ cận nghèo", "Học bổng 2025\nSửa nhà 2026", None,
        "0987654321", "Mẹ: Thạch Thị Nương, 0911222333", "Về quê dịp Tết",
    ]  # fmt: skip
    assert sheet["N4"].alignment.wrap_text  # the support received keeps its two lines
    # The address and the contact wrap on three lines in their narrow columns.
    assert sheet["I4"].alignment.wrap_text and sheet["Q4"].alignment.wrap_text
    assert sheet.row_dimensions[4].height == 45
    youth_ws.spreadsheets.export_youth(tmp_path / "tn.csv", flt)
    with (tmp_path / "tn.csv").open(encoding="utf-8-sig", newline="") as handle:
        header, line = list(csv.reader(handle))
    assert dict(zip(header, line, strict=True)) == {
        "STT": "1", "Họ và tên": "Thạch Thị Sa Ra", "Ngày sinh": "02/09/2001", "Giới tính": "Nữ",
        "Dân tộc": "Khmer", "Tôn giáo": "Phật giáo Nam tông", "Khuyết tật": "Khiếm thị",
        "Ấp/khu phố": "Ấp Kênh Xáng", "Địa chỉ": "Số 12, ấp Kênh Xáng, xã Tân Hưng",
        "Nghề nghiệp": "Công nhân", "Đi làm ăn xa (nơi)": "Bình Dương", "Từ ngày": "01/03/2025",
        "Hoàn cảnh khó khăn": "Hộ cận nghèo", "Hỗ trợ đã nhận": "Học bổng 2025\nSửa nhà 2026",
        "Đoàn viên theo dõi (1+1)": "", "Điện thoại": "0987654321",
        "Liên hệ": "Mẹ: Thạch Thị Nương, 0911222333", "Ghi chú": "Về quê dịp Tết",
    }  # fmt: skip


def test_an_unfiltered_export_has_the_plain_title(youth_ws, tmp_path) -> None:
    youth_ws.spreadsheets.export_youth(tmp_path / "tn.xlsx", YouthFilter())
    assert load_workbook(tmp_path / "tn.xlsx").active["A1"].value == (
        "DANH SÁCH THANH NIÊN ĐỊA PHƯƠNG"
    )
