"""Rows of an exported list as tall as their wrapped text: a remark longer than its column wraps
and its row is made tall enough to show it whole when the file is opened in Excel or
LibreOffice (neither fits a row to its text on opening), as does any other text longer than its
column can be wide; rows of short cells keep the default height."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from doancoso.core.xlsx.widths import text_units
from doancoso.core.xlsx.writer import (
    LINE_HEIGHT,
    ROW_HEIGHT_LIMIT,
    ListLayout,
    wrapped_lines,
    write_list_xlsx,
)

LAYOUT = ListLayout(
    "DANH SÁCH XẾP LOẠI",
    "Xếp loại",
    (("STT", 5), ("Họ và tên", 30), ("Địa chỉ", 30), ("Nhận xét", 40)),
    multiline=frozenset({"Nhận xét"}),
)
PHRASE = "Gương mẫu, tích cực tham gia các hoạt động tình nguyện của chi đoàn; "
REMARK = (PHRASE * 5)[:300].strip()
ADDRESS = "Tổ 5, ấp Phước Hưng, xã Tân Hưng, huyện Châu Thành, tỉnh Bến Tre " * 3


def _written(tmp_path: Path, lines: list[list[str]]) -> Any:
    path = tmp_path / "xep-loai.xlsx"
    write_list_xlsx(path, LAYOUT, lines, "Đoàn xã Tân Hưng")
    return load_workbook(path)["Xếp loại"]


def test_each_row_is_as_tall_as_its_wrapped_remark(tmp_path: Path) -> None:
    assert len(REMARK) == 300 and "\n" not in REMARK
    sheet = _written(
        tmp_path,
        [
            ["1", "Nguyễn Văn An", "Ấp 3", "Tốt"],
            ["2", "Trần Thị Bình", "Ấp 5", "Hăng hái\nCần cố gắng hơn"],
            ["3", "Lê Văn Cường", "Ấp 7", REMARK],
            ["4", "Phạm Văn Dũng", ADDRESS.strip(), "Tốt"],
        ],
    )
    rows = sheet.row_dimensions
    assert sheet.column_dimensions["D"].width == 43.25
    assert rows[4].height is None  # a short remark: Excel's default height
    assert rows[5].height == 2 * LINE_HEIGHT  # two lines written
    # The 300 characters take 7 lines of a 43.25-wide column in Calibri, as LibreOffice shows them
    # ("Gương mẫu, tích cực tham gia các hoạt động tình" / "nguyện của chi đoàn; ..."), not the
    # 8 lines of 40 characters each: the usual letters and the spaces are narrower than a digit.
    assert len(textwrap.wrap(REMARK, 40)) == 8
    assert rows[6].height == 7 * LINE_HEIGHT
    remark = sheet["D6"]
    assert remark.value == REMARK
    assert remark.alignment.wrap_text and remark.alignment.vertical == "top"
    # A column that keeps no line breaks wraps as well: the 194-character address takes 6 lines
    # of the 32.75-wide column ("Tổ 5, ấp Phước Hưng, xã Tân Hưng," / "huyện Châu Thành, tỉnh
    # Bến Tre Tổ 5," / ...), the short remark beside it stays on its line, at the top of the row.
    assert sheet.column_dimensions["C"].width == 32.75
    assert rows[7].height == 6 * LINE_HEIGHT
    assert sheet["C7"].value == ADDRESS.strip()
    assert sheet["C7"].alignment.wrap_text and sheet["C7"].alignment.vertical == "top"
    assert not sheet["D7"].alignment.wrap_text and sheet["D7"].alignment.vertical == "top"


def test_a_very_long_note_stops_at_the_tallest_row_excel_allows(tmp_path: Path) -> None:
    sheet = _written(tmp_path, [["1", "Nguyễn Văn An", "Ấp 3", PHRASE * 60]])
    assert sheet.row_dimensions[4].height == ROW_HEIGHT_LIMIT


def test_a_remark_in_capitals_keeps_its_last_line(tmp_path: Path) -> None:
    """Capitals are wider than a digit: 67 of them in a 36-wide column take three lines
    ("CHUYỂN SINH HOẠT VỀ CHI ĐOÀN KHÓM" / "MƯỜI HAI, PHƯỜNG ĐÔNG HƯNG, CÀ" / "MAU", as
    LibreOffice prints them), where counting each as a digit gave two and cut "MAU" off."""
    layout = ListLayout("DANH SÁCH", "Ds", (("STT", 5), ("Họ và tên", 30), ("Ghi chú", 33)))
    note = "CHUYỂN SINH HOẠT VỀ CHI ĐOÀN KHÓM MƯỜI HAI, PHƯỜNG ĐÔNG HƯNG, CÀ MAU"
    path = tmp_path / "ds.xlsx"
    write_list_xlsx(path, layout, [["1", "Nguyễn Văn An", note]], "Đoàn xã Tân Hưng")
    sheet = load_workbook(path)["Ds"]
    assert sheet.column_dimensions["C"].width == 36
    assert sheet["C4"].value == note and sheet["C4"].alignment.wrap_text
    assert sheet.row_dimensions[4].height == 3 * LINE_HEIGHT


def test_texts_are_measured_in_calibris_widths() -> None:
    """A digit is Excel's unit; capitals and "m" are wider, "i", "l" and spaces narrower; a tone
    mark adds nothing to its letter, the hook of "ư" and "ơ" does."""
    assert text_units("0123456789") == 10
    assert text_units("NGUYỄN VĂN AN") > len("NGUYỄN VĂN AN") > text_units("Nguyễn Văn An")
    assert text_units("Ễ") == text_units("E") and text_units("ờ") == text_units("ơ")
    assert text_units("ư") > text_units("u")
    assert text_units("Đ", bold=True) > text_units("Đ")
    assert wrapped_lines("mmmm mmmm mmmm mmmm mmmm", 12) == 5  # 3 when each was a digit
    assert wrapped_lines("ĐỒNG MINH HOÀNG", 17) == 2
