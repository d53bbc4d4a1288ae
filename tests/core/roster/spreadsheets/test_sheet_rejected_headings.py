"""The rejected rows of a list grouped by chi đoàn keep their group heading: the saved file holds
the heading row above the first rejected row of each group, so that the rows, once fixed and
imported again, go into the chi đoàn the heading names (and those under a heading naming none
into none)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
from sheetfiles import write_xlsx

from doancoso.core.roster.spreadsheets import NEW, REJECTED
from doancoso.core.workspace import Workspace

ROWS: list[list[Any]] = [
    ["DANH SÁCH ĐOÀN VIÊN NĂM 2026"],
    ["STT", "Họ và tên", "Ngày sinh", "Ghi chú"],
    ["I. CHI ĐOÀN ẤP 1"],
    [1, "Nguyễn Văn An", "05/03/2001"],
    [2, "Trần Văn Bình", "không rõ"],
    [3, "Lê Thị Hoa", "31/02/2002"],
    ["II. ĐOÀN VIÊN ĐI LÀM ĂN XA"],
    [4, "Võ Văn Em", "không rõ"],
    ["III", "CHI ĐOÀN ẤP TÂN LẬP", "25 đoàn viên"],
    [5, "Phạm Thị Dung", "03/04/2003"],
    [6, "Đỗ Văn Giang", "01/02/2015"],
    [7, "Đỗ Văn Giang", "01/02/2015"],
]


def _read(path: Path) -> list[tuple[object, ...]]:
    book = openpyxl.load_workbook(path)
    sheet = book.active
    assert sheet is not None
    return [tuple(row) for row in sheet.iter_rows(values_only=True)]


def test_each_group_of_rejected_rows_keeps_its_heading(sws: Workspace, tmp_path: Path) -> None:
    preview = sws.spreadsheets.preview_import(
        write_xlsx(tmp_path / "ds.xlsx", ROWS, merges=["A3:D3", "A7:D7"])
    )
    assert [(r.row, r.action) for r in preview.rows] == [
        (4, NEW), (5, REJECTED), (6, REJECTED), (8, REJECTED), (10, NEW), (11, REJECTED),
        (12, REJECTED),
    ]  # fmt: skip
    out = tmp_path / "loai.xlsx"
    assert sws.spreadsheets.save_rejected(preview, out) == 5
    assert _read(out) == [
        ("STT", "Họ và tên", "Ngày sinh", "Ghi chú", "Lý do"),
        ("I. CHI ĐOÀN ẤP 1", None, None, None, None),
        (2, "Trần Văn Bình", "không rõ", None,
         "Ngày sinh không đọc được: “không rõ”. (Dòng 5 của tệp đã nhập.)"),
        (3, "Lê Thị Hoa", "31/02/2002", None,
         "Ngày sinh 31/02/2002 không có trên lịch. (Dòng 6 của tệp đã nhập.)"),
        ("II. ĐOÀN VIÊN ĐI LÀM ĂN XA", None, None, None, None),
        (4, "Võ Văn Em", "không rõ", None,
         "Ngày sinh không đọc được: “không rõ”. (Dòng 8 của tệp đã nhập.)"),
        ("III", "CHI ĐOÀN ẤP TÂN LẬP", "25 đoàn viên", None, None),
        (6, "Đỗ Văn Giang", "01/02/2015", None,
         "Chưa đủ tuổi vào Đoàn: sinh 01/02/2015, đủ 15 tuổi + 1 ngày vào 02/02/2030. "
         "(Dòng 11 của tệp đã nhập.)"),
        (7, "Đỗ Văn Giang", "01/02/2015", None,
         "Chưa đủ tuổi vào Đoàn: sinh 01/02/2015, đủ 15 tuổi + 1 ngày vào 02/02/2030. "
         "Trùng với Đỗ Văn Giang, cùng họ tên và ngày sinh (dòng 11 của tệp đã nhập, cũng bị "
         "loại, xem dòng 8 của tệp này). (Dòng 12 của tệp đã nhập.)"),
    ]  # fmt: skip


def test_fixed_rows_go_into_their_heading_chi_doan(sws: Workspace, roster, tmp_path: Path) -> None:
    preview = sws.spreadsheets.preview_import(write_xlsx(tmp_path / "ds.xlsx", ROWS))
    sws.spreadsheets.apply_import(preview)
    out = tmp_path / "loai.xlsx"
    sws.spreadsheets.save_rejected(preview, out, imported=True)
    book = openpyxl.load_workbook(out)
    sheet = book.active
    assert sheet is not None
    sheet["C3"] = "03/04/2001"  # the secretary fixes the birth dates in Excel
    sheet["C4"] = "28/02/2002"
    sheet["C6"] = "04/05/2004"
    sheet["C8"] = "01/02/2005"
    sheet.delete_rows(9)  # the duplicate goes
    book.save(out)

    again = sws.spreadsheets.preview_import(out)
    assert again.skipped == [(2, "dòng tiêu đề nhóm"), (5, "dòng tiêu đề nhóm"),
                             (7, "dòng tiêu đề nhóm")]  # fmt: skip
    assert [(r.row, r.action, r.values.get("branch")) for r in again.rows] == [
        (3, NEW, "ẤP 1"),
        (4, NEW, "ẤP 1"),
        (6, NEW, None),
        (8, NEW, "ẤP TÂN LẬP"),
    ]
    sws.spreadsheets.apply_import(again)
    assert roster() == [
        ("Nguyễn Văn An", "05/03/2001", "ẤP 1"),
        ("Trần Văn Bình", "03/04/2001", "ẤP 1"),
        ("Phạm Thị Dung", "03/04/2003", "ẤP TÂN LẬP"),
        ("Võ Văn Em", "04/05/2004", None),
        ("Đỗ Văn Giang", "01/02/2005", "ẤP TÂN LẬP"),
        ("Lê Thị Hoa", "28/02/2002", "ẤP 1"),
    ]
