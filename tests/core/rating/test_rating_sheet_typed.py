"""A chi đoàn's sheet typed by hand, read as its secretary meant it: levels written without
"nhiệm vụ", a birth year alone under "Năm sinh", a misspelt name suggested (never taken), and,
when no heading is found, a message saying what a sheet really needs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from doancoso.core.errors import ImportFileError
from doancoso.core.rating.sheet import FieldChange
from doancoso.core.workspace import Workspace

YEAR = 2025
BRANCH = "Chi đoàn ấp Giồng Kè"


@pytest.fixture
def branch(ws: Workspace) -> str:
    return ws.branches.create(BRANCH).id


def _member(ws: Workspace, branch: str, name: str, birth: str) -> str:
    return ws.members.save({"full_name": name, "birth_date": birth, "branch_id": branch,
                            "admission_date": "01/01/2020"})  # fmt: skip


def _sheet(path: Path, headings: list[str], lines: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append([f"DANH SÁCH TỰ ĐÁNH GIÁ, XẾP LOẠI ĐOÀN VIÊN NĂM {YEAR}"])
    sheet.append(headings)
    for line in lines:
        sheet.append(line)
    book.save(path)
    return path


def test_levels_written_without_nhiem_vu_are_read_as_their_levels(
    ws: Workspace, branch: str, tmp_path: Path
) -> None:
    """ "Hoàn thành tốt" and "Hoàn thành xuất sắc" (the level's name without "nhiệm vụ") were
    refused as no level, the row lost."""
    an = _member(ws, branch, "Nguyễn Văn An", "05/03/2000")
    binh = _member(ws, branch, "Trần Thị Bình", "20/11/2001")
    path = _sheet(tmp_path / "tu-danh-gia.xlsx", ["Họ và tên", "Ngày sinh", "Tự đánh giá",
                                                  "Chi đoàn đề nghị"], [
        ["Nguyễn Văn An", "05/03/2000", "Hoàn thành xuất sắc", "Hoàn thành tốt"],
        ["Trần Thị Bình", "20/11/2001", "hoàn thành tốt NV", "Không hoàn thành"],
    ])  # fmt: skip
    preview = ws.rating_sheets.preview(path, YEAR)
    assert preview.refused == []
    assert [(c.member_id, c.changes) for c in preview.changes] == [
        (an, (FieldChange("self_level", None, 1), FieldChange("proposed_level", None, 2))),
        (binh, (FieldChange("self_level", None, 2), FieldChange("proposed_level", None, 4))),
    ]


def test_without_a_heading_the_message_says_what_suffices(
    ws: Workspace, branch: str, tmp_path: Path
) -> None:
    _member(ws, branch, "Nguyễn Văn An", "05/03/2000")
    path = _sheet(tmp_path / "danh-sach.xlsx", ["Họ và tên", "Ngày sinh", "Ghi chú"],
                  [["Nguyễn Văn An", "05/03/2000", "Tốt"]])  # fmt: skip
    with pytest.raises(ImportFileError) as caught:
        ws.rating_sheets.preview(path, YEAR)
    assert caught.value.message == (
        "Tệp danh-sach.xlsx không phải bảng xếp loại đoàn viên: không thấy dòng tiêu đề có "
        "“Họ và tên” và “Ngày sinh” (hoặc “Mã (không sửa)”) cùng ít nhất một cột để nhập: "
        "“Nghỉ ốm (tháng)”, “Chưa đóng đủ đoàn phí”, “Tự đánh giá”, “Chi đoàn đề nghị” hoặc "
        "“Nhận xét của chi đoàn” (hãy xuất bảng xếp loại từ ứng dụng, điền rồi nhập lại)."
    )


def test_a_misspelt_name_of_the_same_birth_date_is_suggested_not_taken(
    ws: Workspace, branch: str, tmp_path: Path
) -> None:
    _member(ws, branch, "Nguyễn Công An", "05/03/2000")
    _member(ws, branch, "Nguyễn Công Ân", "01/01/1999")  # close, but born another day
    path = _sheet(
        tmp_path / "tu-danh-gia.xlsx",
        ["Họ và tên", "Ngày sinh", "Tự đánh giá"],
        [["Nguyễn Công A", "05/03/2000", "Tốt"], ["Lê Văn Lạ", "05/03/2000", "Tốt"]],
    )
    preview = ws.rating_sheets.preview(path, YEAR)
    assert preview.changes == []
    assert [(r.row, r.full_name, r.reason) for r in preview.refused] == [
        (3, "Nguyễn Công A", "Không có đoàn viên này trong đợt xếp loại năm 2025. Có phải "
         "“Nguyễn Công An” (Chi đoàn ấp Giồng Kè, cùng ngày sinh)? Hãy sửa họ tên trong tệp rồi "
         "nhập lại."),
        (4, "Lê Văn Lạ", "Không có đoàn viên này trong đợt xếp loại năm 2025."),
    ]  # fmt: skip
    rows = ws.rating.rows(YEAR, as_of=dt.date(YEAR, 12, 31))
    assert [r.self_level for r in rows] == [None, None]


def test_a_birth_year_alone_finds_the_member_born_that_year(
    ws: Workspace, branch: str, tmp_path: Path
) -> None:
    """A "Năm sinh" column (or "Ngày sinh" holding a year) found no member stored with a full
    date; it finds the one of that name born that year, and two of them are refused as
    ambiguous."""
    an = _member(ws, branch, "Nguyễn Văn An", "05/03/2000")
    _member(ws, branch, "Trần Thị Bình", "20/11/2001")
    _member(ws, branch, "Trần Thị Bình", "02/02/2001")
    path = _sheet(tmp_path / "tu-danh-gia.xlsx", ["STT", "Họ tên", "Năm sinh", "Tự đánh giá"], [
        [1, "Nguyễn Văn An", 2000, "Tốt"],
        [2, "Trần Thị Bình", "2001", "Tốt"],
        [3, "Nguyễn Văn An", 1999, "Tốt"],
    ])  # fmt: skip
    preview = ws.rating_sheets.preview(path, YEAR)
    assert [(c.row, c.member_id, c.changes) for c in preview.changes] == [
        (3, an, (FieldChange("self_level", None, 2),)),
    ]
    assert [(r.row, r.reason) for r in preview.refused] == [
        (4, "Có 2 đoàn viên cùng họ tên sinh năm 2001: cần ngày sinh đầy đủ hoặc cột “Mã (không "
            "sửa)”."),
        (5, "Không có đoàn viên này trong đợt xếp loại năm 2025."),
    ]  # fmt: skip
