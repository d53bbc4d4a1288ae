"""The member template's rows are as tall as their wrapped texts by the rule of every sheet
(:func:`doancoso.core.xlsx.writer.wrapped_height`): broken between words, as Excel breaks them,
so that a text whose words leave gaps at the line ends keeps its last line."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from doancoso.core.roster.spreadsheets.member_template import FIRST_ROW, HEADERS, write_xlsx

# 50 characters in the 18-wide "Kỷ luật" column: "Cảnh cáo (Quyết định" / "số 05-QĐ/ĐTN ngày" /
# "12/01/2026)", as LibreOffice shows them. Counted by characters without the breaks between
# words it took 3 lines of 16 and the date was cut; counted a digit wide each with them, 4.
DISCIPLINE = "Cảnh cáo (Quyết định số 05-QĐ/ĐTN ngày 12/01/2026)"


def _line(number: int, **values: str) -> list[str]:
    cells = dict.fromkeys(HEADERS, "")
    cells.update(STT=str(number), **values)
    return list(cells.values())


def test_a_row_is_as_tall_as_its_words_wrapped(tmp_path: Path) -> None:
    path = tmp_path / "dsdv.xlsx"
    short = _line(2, **{"Họ và tên": "Trần Thị Bình", "Kỷ luật": "Khiển trách"})
    long = _line(1, **{"Họ và tên": "Nguyễn Văn An", "Kỷ luật": DISCIPLINE})
    assert write_xlsx(path, iter([long, short]), "CHI ĐOÀN ẤP TÂN PHÚ").written == 2
    sheet = openpyxl.load_workbook(path)["DSDV"]
    column = HEADERS.index("Kỷ luật") + 1
    cell = sheet.cell(FIRST_ROW, column)
    assert cell.value == DISCIPLINE and cell.alignment.wrap_text
    assert sheet.column_dimensions[cell.column_letter].width == 18
    assert sheet.row_dimensions[FIRST_ROW].height == 45
    assert sheet.cell(FIRST_ROW + 1, column).value == "Khiển trách"
    assert sheet.row_dimensions[FIRST_ROW + 1].height is None
