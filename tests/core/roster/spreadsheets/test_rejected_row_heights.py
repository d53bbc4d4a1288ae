"""The file of rejected rows shows every text whole: a reason longer than its column and a cell
of the file's own longer than 40 characters wrap, the row as tall as the tallest of them (15 pt a
line; neither Excel nor LibreOffice fits a row to wrapped text on opening), its other cells at
its top; a row of short texts keeps the default height."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from sheetfiles import write_xlsx

from doancoso.core.roster.spreadsheets import NEW, REJECTED
from doancoso.core.workspace import Workspace

# 112 characters: at 40 a line, "Số nhà 125/7, tổ 5, khu phố Phước Hưng," / "phường Tân Hưng
# (trước là xã Tân Hưng" / "Đông, huyện Cái Nước), tỉnh Cà Mau".
ADDRESS = (
    "Số nhà 125/7, tổ 5, khu phố Phước Hưng, phường Tân Hưng (trước là xã Tân Hưng Đông, "
    "huyện Cái Nước), tỉnh Cà Mau"
)


def test_long_cells_and_reasons_wrap_in_rows_as_tall_as_them(
    sws: Workspace, tmp_path: Path
) -> None:
    rows: list[list[object]] = [
        ["STT", "Họ và tên", "Ngày sinh", "Địa chỉ"],
        [1, "Nguyễn Văn An", "05/03/2001", "Ấp 1"],
        [2, "Lê Văn Cường", "không rõ", ADDRESS],
        [3, "Phạm Thị Dung", None, "Ấp 2"],
    ]
    preview = sws.spreadsheets.preview_import(write_xlsx(tmp_path / "ds.xlsx", rows))
    assert [(r.row, r.action) for r in preview.rows] == [(2, NEW), (3, REJECTED), (4, REJECTED)]
    out = tmp_path / "loai.xlsx"
    assert sws.spreadsheets.save_rejected(preview, out) == 2
    sheet = openpyxl.load_workbook(out).active
    assert sheet is not None
    assert [c.value for c in sheet[2]] == [
        2, "Lê Văn Cường", "không rõ", ADDRESS,
        # 63 characters at 60 a line: "… (Dòng 3 của tệp đã" / "nhập.)"
        "Ngày sinh không đọc được: “không rõ”. (Dòng 3 của tệp đã nhập.)",
    ]  # fmt: skip
    assert sheet.column_dimensions["D"].width == 42 and sheet.column_dimensions["E"].width == 62
    address, reason = sheet["D2"], sheet["E2"]
    assert address.alignment.wrap_text and address.alignment.vertical == "top"
    assert reason.alignment.wrap_text and reason.alignment.vertical == "top"
    assert sheet.row_dimensions[2].height == 45  # the address's three lines
    assert sheet["B2"].alignment.vertical == "top" and not sheet["B2"].alignment.wrap_text
    # "Thiếu ngày sinh. (Dòng 4 của tệp đã nhập.)": one line; "Ấp 2" fits.
    assert sheet["E3"].value == "Thiếu ngày sinh. (Dòng 4 của tệp đã nhập.)"
    assert not sheet["D3"].alignment.wrap_text
    assert sheet.row_dimensions[3].height is None


def test_the_header_rows_are_printed_on_every_page(sws: Workspace, tmp_path: Path) -> None:
    rows: list[list[object]] = [
        ["STT", "Họ và tên", "Ngày sinh", "Địa chỉ"],
        *([n, f"Người thứ {n}", "không rõ", "Ấp 1"] for n in range(1, 61)),
    ]
    preview = sws.spreadsheets.preview_import(write_xlsx(tmp_path / "ds.xlsx", rows))
    out = tmp_path / "loai.xlsx"
    assert sws.spreadsheets.save_rejected(preview, out) == 60
    sheet = openpyxl.load_workbook(out).active
    assert sheet is not None
    assert sheet.print_title_rows == "$1:$1"
    assert sheet.page_setup.orientation == "landscape"
