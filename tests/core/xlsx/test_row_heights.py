"""Rows of an exported list as tall as their wrapped text: a remark longer than its column wraps
and its row is made tall enough to show it whole when the file is opened in Excel or
LibreOffice (neither fits a row to its text on opening), as does any other text longer than its
column can be wide; rows of short cells keep the default height."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from doancoso.core.xlsx.writer import LINE_HEIGHT, ROW_HEIGHT_LIMIT, ListLayout, write_list_xlsx

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
    assert sheet.column_dimensions["D"].width == 42
    assert rows[4].height is None  # a short remark: Excel's default height
    assert rows[5].height == 2 * LINE_HEIGHT  # two lines written
    # The 300 characters wrap: the row shows at least the lines they take at 40 characters a
    # line (Excel fits more of the usual letters), and not many more.
    wrapped = len(textwrap.wrap(REMARK, 40))
    assert wrapped == 8
    assert wrapped * LINE_HEIGHT <= rows[6].height <= (wrapped + 1) * LINE_HEIGHT
    remark = sheet["D6"]
    assert remark.value == REMARK
    assert remark.alignment.wrap_text and remark.alignment.vertical == "top"
    # A column that keeps no line breaks wraps as well: the 194-character address takes 7 lines
    # of 30 ("Tổ 5, ấp Phước Hưng, xã Tân" / "Hưng, huyện Châu Thành, tỉnh" / ...), the short
    # remark beside it stays on its line, at the top of the row.
    assert sheet.column_dimensions["C"].width == 32
    assert rows[7].height == 7 * LINE_HEIGHT
    assert sheet["C7"].value == ADDRESS.strip()
    assert sheet["C7"].alignment.wrap_text and sheet["C7"].alignment.vertical == "top"
    assert not sheet["D7"].alignment.wrap_text and sheet["D7"].alignment.vertical == "top"


def test_a_very_long_note_stops_at_the_tallest_row_excel_allows(tmp_path: Path) -> None:
    sheet = _written(tmp_path, [["1", "Nguyễn Văn An", "Ấp 3", PHRASE * 60]])
    assert sheet.row_dimensions[4].height == ROW_HEIGHT_LIMIT
