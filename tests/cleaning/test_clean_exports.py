"""Every writer cleans what it writes: the .xlsx and CSV exports of the roster, the youth register
and the statistics, and the printed PDFs, from a database that already holds control
characters. Each written cell equals the cleaned text exactly."""

from __future__ import annotations

import csv
import re
from datetime import date, datetime
from pathlib import Path

import pytest
from dirty_data import BRANCH, LONG_NOTE, MEMBER, ORGANIZATION, TODAY, YOUTH
from openpyxl import load_workbook
from pypdf import PdfReader

from doancoso.core.errors import AppError
from doancoso.core.workspace import Workspace
from doancoso.core.xlsx.writer import (
    EXCEL_CELL_LIMIT,
    cell_text,
    export_format,
    sheet_title,
)
from doancoso.reports.roster import print_roster
from doancoso.reports.statistics import print_statistics
from doancoso.reports.youth import print_youth

CONTROLS = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")  # anything but \n
CUT_NOTE = "x" * (EXCEL_CELL_LIMIT - 1) + "…"
AN = {column: clean for column, (_, clean) in MEMBER.items()}
BICH = {column: clean for column, (_, clean) in YOUTH.items()}


def _sheet_rows(path: Path) -> list[list[object]]:
    book = load_workbook(path)
    rows = [list(row) for row in book.active.iter_rows(values_only=True)]
    book.close()
    return rows


def _csv_rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def _pdf_lines(path: Path) -> list[str]:
    text = "\n".join(page.extract_text() for page in PdfReader(path).pages)
    assert not CONTROLS.search(text)
    return [line.strip() for line in text.splitlines()]


def test_cell_text() -> None:
    assert cell_text("Nông\x07dân\x0bvùng sâu") == "Nôngdân vùng sâu"
    assert cell_text("Dòng 1\x0bDòng 2\x07", multiline=True) == "Dòng 1\nDòng 2"
    assert cell_text(LONG_NOTE) == CUT_NOTE and len(CUT_NOTE) == EXCEL_CELL_LIMIT
    assert cell_text("x" * EXCEL_CELL_LIMIT) == "x" * EXCEL_CELL_LIMIT  # exactly full: kept
    # Excel counts UTF-16 units: a character outside the BMP counts twice, never cut in half.
    emoji = cell_text("😀" * 20_000)
    assert emoji == "😀" * ((EXCEL_CELL_LIMIT - 1) // 2) + "…"
    assert len(emoji.encode("utf-16-le")) // 2 == EXCEL_CELL_LIMIT


def test_roster_xlsx(dirty_ws: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "ds.xlsx"
    assert dirty_ws.spreadsheets.export_members(path) == 2
    rows = _sheet_rows(path)
    assert rows[1][0] == ORGANIZATION[1]
    an = dict(zip(rows[2], rows[3], strict=True))
    assert an == {
        "STT": 1, "Họ và tên": AN["full_name"], "Ngày sinh": datetime(2000, 2, 1),
        "Giới tính": "Nam", "Dân tộc": AN["ethnicity"], "Tôn giáo": None, "CCCD": "086201000123",
        "Điện thoại": None, "Chi đoàn": BRANCH[1], "Chức vụ": AN["position"],
        "Ngày vào Đoàn": None, "Trạng thái": "Đang sinh hoạt", "Địa chỉ": None,
        "Quê quán": AN["hometown"], "Nghề nghiệp": AN["occupation"],
        "Trình độ văn hóa": None, "Ghi chú": AN["notes"],
    }  # fmt: skip
    assert rows[4][16] == CUT_NOTE  # capped at Excel's limit
    assert rows[4][2] == "2001"  # a birth known by its year alone stays its text
    sheet = load_workbook(path).active
    assert sheet["Q4"].alignment.wrap_text and sheet["Q4"].alignment.vertical == "top"
    assert sheet.row_dimensions[4].height == 45  # three lines of notes
    # One line of 32,767 characters wraps: the tallest row Excel allows.
    assert sheet["Q5"].alignment.wrap_text and sheet.row_dimensions[5].height == 409
    assert sheet.row_dimensions[3].height == 45  # the header: up to three lines


def test_roster_csv(dirty_ws: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "ds.csv"
    assert dirty_ws.spreadsheets.export_members(path) == 2
    header, an, tu = _csv_rows(path)
    assert dict(zip(header, an, strict=True)) == {
        "STT": "1", "Họ và tên": AN["full_name"], "Ngày sinh": "01/02/2000", "Giới tính": "Nam",
        "Dân tộc": AN["ethnicity"], "Tôn giáo": "", "CCCD": "086201000123", "Điện thoại": "",
        "Chi đoàn": BRANCH[1], "Chức vụ": AN["position"], "Ngày vào Đoàn": "",
        "Trạng thái": "Đang sinh hoạt", "Địa chỉ": "", "Quê quán": AN["hometown"],
        "Nghề nghiệp": AN["occupation"], "Trình độ văn hóa": "", "Ghi chú": AN["notes"],
    }  # fmt: skip
    assert tu[16] == CUT_NOTE


def test_youth_xlsx_and_csv(dirty_ws: Workspace, tmp_path: Path) -> None:
    expected = ["Trần Thị Bích", datetime(2003, 10, 12), "Nữ", None, None, None,
                BICH["hamlet"], None, BICH["occupation"], None, None, BICH["hardship_kind"],
                None, None, None, None, None]  # fmt: skip
    assert dirty_ws.spreadsheets.export_youth(tmp_path / "tn.xlsx") == 1
    rows = _sheet_rows(tmp_path / "tn.xlsx")
    assert rows[1][0] == ORGANIZATION[1]
    assert rows[3] == [1, *expected]
    assert dirty_ws.spreadsheets.export_youth(tmp_path / "tn.csv") == 1
    expected[1] = "12/10/2003"
    assert _csv_rows(tmp_path / "tn.csv")[1] == ["1", *(v or "" for v in expected)]


def test_statistics_xlsx(dirty_ws: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "tk.xlsx"
    dirty_ws.spreadsheets.export_statistics(path, TODAY)
    rows = [tuple(v for v in row if v is not None) for row in _sheet_rows(path)]
    assert rows[0] == (ORGANIZATION[1].upper(),)
    assert (1, BRANCH[1], 2, 100.0) in rows
    assert (1, AN["ethnicity"], 1, 50.0) in rows


def test_roster_pdf(dirty_ws: Workspace, tmp_path: Path) -> None:
    lines = _pdf_lines(print_roster(dirty_ws, tmp_path / "ds.pdf"))
    assert ORGANIZATION[1] in lines and ORGANIZATION[1].upper().join(("BCH ", "")) in lines
    start = lines.index(AN["full_name"]) - 1
    assert lines[start : start + 8] == [
        "1", AN["full_name"], "01/02/2000", "Nam", BRANCH[1], AN["position"], "086201000123",
        "Đang sinh hoạt",
    ]  # fmt: skip


def test_youth_pdf(dirty_ws: Workspace, tmp_path: Path) -> None:
    lines = _pdf_lines(print_youth(dirty_ws, tmp_path / "tn.pdf"))
    assert ORGANIZATION[1] in lines
    start = lines.index(BICH["full_name"]) - 1
    assert lines[start : start + 7] == [
        "1", BICH["full_name"], "12/10/2003", "Nữ", BICH["hamlet"], BICH["occupation"],
        BICH["hardship_kind"],
    ]  # fmt: skip


def test_statistics_pdf(dirty_ws: Workspace, tmp_path: Path) -> None:
    lines = _pdf_lines(print_statistics(dirty_ws, tmp_path / "tk.pdf", TODAY))
    assert "BCH " + ORGANIZATION[1].upper() in lines
    # TODAY is a past day: its members are counted under today's chi đoàn, and it says so.
    assert date.today() > TODAY
    today = f"{date.today():%d/%m/%Y}"
    start = lines.index(f"1. Theo chi đoàn (đang sinh hoạt; chi đoàn ghi theo ngày {today})")
    assert lines[start + 6 : start + 10] == ["1", BRANCH[1], "2", "100,0"]
    start = lines.index("5. Theo dân tộc")
    assert lines[start + 6 : start + 10] == ["1", AN["ethnicity"], "1", "50,0"]


def test_sheet_names_and_formats() -> None:
    assert sheet_title("Đoàn viên") == "Đoàn viên"
    for bad in ("", "x" * 32, "Đoàn viên [2026]", "a/b", "a:b", "'a'"):
        with pytest.raises(ValueError):
            sheet_title(bad)
    assert export_format(Path("DS.XLSX")) == ".xlsx" and export_format(Path("a.csv")) == ".csv"
    with pytest.raises(AppError, match="chỉ xuất ra tệp .xlsx hoặc .csv"):
        export_format(Path("a.xls"))
