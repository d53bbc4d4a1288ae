"""The rejected rows of an import saved as an .xlsx with their reasons, in the file's own
columns, then fixed and imported again; the example file the import reads best."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sheetfiles import write_xlsx

from doancoso.core.errors import AppError
from doancoso.core.roster.spreadsheets import NEW, REJECTED, UNCHANGED
from doancoso.core.workspace import Workspace

HEADER = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Điện thoại", "Chi đoàn",
          "Ghi chú"]  # fmt: skip
ROWS: list[list[Any]] = [
    ["DANH SÁCH ĐOÀN VIÊN"],
    ["Đoàn xã Tân Hưng"],
    [],
    HEADER,
    [1, "Nguyễn Văn An", "05/03/2001", "Nam", "096201000123", "0912345678", "Ấp 1", None],
    [2, "Lê Văn Cường", "không rõ", "Nam", "096201000124", None, "Ấp 1", "Chuyển về ấp 3"],
    [3, "Phạm Thị Dung", datetime(2015, 2, 1), "Nữ", "096305000125", None, "Ấp 2", None],
    [4, "Võ Văn Em", "01/01/1990", "Nam", None, None, "Ấp 2", None],
    [5, "Nguyễn Văn An", "05/03/2001", "Nam", "096201000123", "0912345678", "Ấp 1", None],
]  # fmt: skip


def _read(path: Path) -> list[tuple[object, ...]]:
    book = openpyxl.load_workbook(path)
    sheet = book.active
    assert sheet is not None
    return [tuple(row) for row in sheet.iter_rows(values_only=True)]


def test_rejected_rows_are_written_with_their_reasons(sws: Workspace, tmp_path: Path) -> None:
    source = write_xlsx(tmp_path / "ds.xlsx", ROWS, title="Danh sách")
    preview = sws.spreadsheets.preview_import(source)
    assert [(r.row, r.action) for r in preview.rows] == [
        (5, NEW), (6, REJECTED), (7, REJECTED), (8, NEW), (9, REJECTED),
    ]  # fmt: skip
    out = tmp_path / "ds-dong-bi-loai.xlsx"
    assert sws.spreadsheets.save_rejected(preview, out) == 3
    assert _read(out) == [
        (*HEADER, "Lý do"),
        (2, "Lê Văn Cường", "không rõ", "Nam", "096201000124", None, "Ấp 1", "Chuyển về ấp 3",
         "Ngày sinh không đọc được: “không rõ”. (Dòng 6 của tệp đã nhập.)"),
        (3, "Phạm Thị Dung", datetime(2015, 2, 1), "Nữ", "096305000125", None, "Ấp 2", None,
         # the CCCD gives the right year: the fix the secretary makes in the next test
         "Chưa đủ tuổi vào Đoàn: sinh 01/02/2015, đủ 15 tuổi + 1 ngày vào 02/02/2030. Số CCCD "
         "cho biết nữ, sinh năm 2005: khác với giới tính hoặc năm sinh đã nhập. Hãy kiểm tra lại. "
         "(Dòng 7 của tệp đã nhập.)"),
        (5, "Nguyễn Văn An", "05/03/2001", "Nam", "096201000123", "0912345678", "Ấp 1", None,
         "Trùng với Nguyễn Văn An (dòng 5 của tệp đã nhập, sẽ được nhập). (Dòng 9 của tệp đã "
         "nhập.)"),
    ]  # fmt: skip
    sheet = openpyxl.load_workbook(out).active
    assert sheet is not None
    assert sheet["C3"].number_format == "dd/mm/yyyy"  # a date stays a date
    assert sheet.freeze_panes == "A2"
    assert (sheet.page_setup.orientation, sheet.page_setup.fitToWidth) == ("landscape", 1)


def test_the_fixed_file_imports(sws: Workspace, roster, tmp_path: Path) -> None:
    preview = sws.spreadsheets.preview_import(write_xlsx(tmp_path / "ds.xlsx", ROWS))
    sws.spreadsheets.apply_import(preview)
    out = tmp_path / "loai.xlsx"
    sws.spreadsheets.save_rejected(preview, out)
    book = openpyxl.load_workbook(out)
    sheet = book.active
    assert sheet is not None
    sheet["C2"] = "03/04/2001"  # the secretary fixes the birth dates in Excel
    sheet["C3"] = datetime(2005, 2, 1)
    sheet.delete_rows(4)  # the duplicate goes
    book.save(out)

    again = sws.spreadsheets.preview_import(out)
    assert again.warnings == [] and "Lý do" not in [
        again.headers[c] for c in again.mapping.values()
    ]
    assert [(r.row, r.action, r.problems) for r in again.rows] == [(2, NEW, []), (3, NEW, [])]
    assert sws.spreadsheets.apply_import(again).created == 2
    assert roster() == [
        ("Nguyễn Văn An", "05/03/2001", "Ấp 1"),
        ("Lê Văn Cường", "03/04/2001", "Ấp 1"),
        ("Phạm Thị Dung", "01/02/2005", "Ấp 2"),
        ("Võ Văn Em", "01/01/1990", "Ấp 2"),
    ]
    assert sws.members.get(sws.members.ids()[1]).fields.notes == "Chuyển về ấp 3"


def test_a_repeated_row_names_the_person_and_where_the_row_went(
    sws: Workspace, tmp_path: Path
) -> None:
    """The file of rejected rows is all the secretary sees: a reason naming another row of the
    imported file says whose row that is, and whether it was imported, left as it was or
    rejected too (and where it is in this file)."""
    known = ["Đặng Văn Cũ", "09/09/1999", "Nam", "096099000200", None, "Ấp 1", None]
    first: list[list[Any]] = [
        ["Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Điện thoại", "Chi đoàn", "Ghi chú"],
        known,
    ]
    sws.spreadsheets.apply_import(
        sws.spreadsheets.preview_import(write_xlsx(tmp_path / "a.xlsx", first))
    )
    rows: list[list[Any]] = [
        first[0],
        ["Trần Văn Tốt", "04/04/2004", "Nam", "096204000111", None, "Ấp 1", None],  # 2
        known,  # 3: unchanged
        ["Hồ Thị Một", "01/01/2001", "Nữ", "096301000300", None, "Ấp 2", None],  # 4
        ["Hồ Thị Hai", "02/02/2002", "Nữ", "096301000300", None, "Ấp 2", None],  # 5
        ["Trần Văn Tốt", "04/04/2004", "Nam", "096204000111", None, "Ấp 1", None],  # 6
        ["Đặng Văn Cũ", "09/09/1999", "Nam", "096099000200", None, "Ấp 1", None],  # 7
    ]
    preview = sws.spreadsheets.preview_import(write_xlsx(tmp_path / "b.xlsx", rows))
    assert [(r.row, r.action) for r in preview.rows] == [
        (2, NEW), (3, UNCHANGED), (4, REJECTED), (5, REJECTED), (6, REJECTED), (7, REJECTED),
    ]  # fmt: skip
    assert [p.message for p in preview.rows[4].problems] == ["Trùng với Trần Văn Tốt (dòng 2)."]
    sws.spreadsheets.apply_import(preview)
    out = tmp_path / "loai.xlsx"
    assert sws.spreadsheets.save_rejected(preview, out, imported=True) == 4
    assert [row[-1] for row in _read(out)] == [
        "Lý do",
        "Số CCCD 096301000300 trùng với Hồ Thị Hai (dòng 5 của tệp đã nhập, cũng bị loại, xem "
        "dòng 3 của tệp này). (Dòng 4 của tệp đã nhập.)",
        # the shared number is Một's: it says her birth year, not Hai's
        "Số CCCD 096301000300 trùng với Hồ Thị Một (dòng 4 của tệp đã nhập, cũng bị loại, xem "
        "dòng 2 của tệp này). Số CCCD cho biết nữ, sinh năm 2001: khác với giới tính hoặc năm "
        "sinh đã nhập. Hãy kiểm tra lại. (Dòng 5 của tệp đã nhập.)",
        "Trùng với Trần Văn Tốt (dòng 2 của tệp đã nhập, đã được nhập). (Dòng 6 của tệp đã nhập.)",
        "Trùng với Đặng Văn Cũ (dòng 3 của tệp đã nhập, đã có trong danh sách đoàn viên). (Dòng "
        "7 của tệp đã nhập.)",
    ]


def test_rejected_again_keeps_one_column_of_reasons(sws: Workspace, tmp_path: Path) -> None:
    preview = sws.spreadsheets.preview_import(write_xlsx(tmp_path / "ds.xlsx", ROWS))
    first = tmp_path / "loai.xlsx"
    sws.spreadsheets.save_rejected(preview, first)
    book = openpyxl.load_workbook(first)
    sheet = book.active
    assert sheet is not None
    sheet["C2"] = "31/02/2001"  # fixed wrongly
    book.save(first)
    second = tmp_path / "loai-2.xlsx"
    sws.spreadsheets.save_rejected(sws.spreadsheets.preview_import(first), second)
    rows = _read(second)
    assert rows[0] == (*HEADER, "Lý do")
    assert rows[1][2:] == (
        "31/02/2001", "Nam", "096201000124", None, "Ấp 1", "Chuyển về ấp 3",
        "Ngày sinh 31/02/2001 không có trên lịch. (Dòng 2 của tệp đã nhập.)",
    )  # fmt: skip


def test_a_two_row_header_is_written_back_as_it_was(sws: Workspace, roster, tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "namnu.xlsx",
        [
            ["DANH SÁCH ĐOÀN VIÊN CHI ĐOÀN ẤP 3"],
            ["STT", "Họ và tên", "Năm sinh", None, "Chỗ ở hiện nay"],
            [None, None, "Nam", "Nữ", None],
            [1, "Đặng Văn Hùng", 1999, None, "Ấp 3, Tân Hưng"],
            [2, "Lý Thị Mai", None, "x", None],
        ],
        merges=["C2:D2", "A2:A3", "B2:B3", "E2:E3"],
    )
    preview = sws.spreadsheets.preview_import(path)
    out = tmp_path / "loai.xlsx"
    assert sws.spreadsheets.save_rejected(preview, out) == 1
    assert _read(out) == [
        ("STT", "Họ và tên", "Năm sinh", None, "Chỗ ở hiện nay", "Lý do"),
        (None, None, "Nam", "Nữ", None, None),
        (2, "Lý Thị Mai", None, "x", None, "Thiếu ngày sinh. (Dòng 5 của tệp đã nhập.)"),
    ]
    book = openpyxl.load_workbook(out)
    sheet = book.active
    assert sheet is not None
    sheet["D3"] = 2002
    book.save(out)
    again = sws.spreadsheets.preview_import(out)
    assert [(r.action, r.problems, r.values["gender"]) for r in again.rows] == [(NEW, [], "female")]
    sws.spreadsheets.apply_import(again)
    assert roster() == [("Lý Thị Mai", "2002", None)]


def test_text_in_an_old_encoding_is_written_converted(sws: Workspace, tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "tcvn3.xlsx",
        [
            ["STT", "Hä vµ tªn", "Ngµy sinh", "Chi ®oµn"],
            [1, "NguyÔn V¨n An", "05/03/2001", "Chi ®oµn Êp T©n Phó"],
            [2, "Lª ThÞ Hoa", None, "Chi ®oµn Êp T©n Phó"],
        ],
    )
    preview = sws.spreadsheets.preview_import(path)
    out = tmp_path / "loai.xlsx"
    sws.spreadsheets.save_rejected(preview, out)
    assert _read(out) == [
        ("STT", "Họ và tên", "Ngày sinh", "Chi đoàn", "Lý do"),
        (
            2,
            "Lê Thị Hoa",
            None,
            "Chi đoàn ấp Tân Phú",
            "Thiếu ngày sinh. (Dòng 3 của tệp đã nhập.)",
        ),
    ]


def test_nothing_rejected_or_not_xlsx_is_refused(sws: Workspace, tmp_path: Path) -> None:
    good = write_xlsx(tmp_path / "ds.xlsx", [HEADER, ROWS[4]])
    preview = sws.spreadsheets.preview_import(good)
    with pytest.raises(AppError, match="Không có dòng nào bị loại"):
        sws.spreadsheets.save_rejected(preview, tmp_path / "loai.xlsx")
    bad = sws.spreadsheets.preview_import(write_xlsx(tmp_path / "b.xlsx", ROWS))
    with pytest.raises(AppError, match="chỉ lưu ra tệp .xlsx"):
        sws.spreadsheets.save_rejected(bad, tmp_path / "loai.csv")
    assert not (tmp_path / "loai.xlsx").exists() and not (tmp_path / "loai.csv").exists()


def test_the_sample_imports_as_two_new_members(sws: Workspace, roster, tmp_path: Path) -> None:
    sample = tmp_path / "mau.xlsx"
    sws.spreadsheets.write_sample(sample)
    preview = sws.spreadsheets.preview_import(sample)
    assert preview.header_row == 3
    # every column but the STT is read, each by its header
    assert sorted(preview.mapping.values()) == list(range(1, len(preview.headers)))
    assert preview.warnings == [] and preview.skipped == []
    assert [(r.action, r.problems) for r in preview.rows] == [(NEW, []), (NEW, [])]
    result = sws.spreadsheets.apply_import(preview)
    assert (result.created, result.rejected) == (2, 0)
    assert roster() == [
        ("Nguyễn Văn An", "05/03/2004", "Chi đoàn ấp Tân Phú"),
        ("Trần Thị Bình", "12/11/2007", "Chi đoàn ấp Tân Phú"),
    ]
    an = sws.members.get(sws.members.ids()[0]).fields
    assert (an.national_id, an.position, an.admission_date, an.education) == (
        "096204000123", "Bí thư", date(2021, 3, 26), "12/12"
    )  # fmt: skip


def test_the_sample_uses_the_first_chi_doan(sws: Workspace, tmp_path: Path) -> None:
    sws.branches.create("Chi đoàn ấp Mới")
    sws.branches.create("Chi đoàn ấp Bào Sen")
    sample = tmp_path / "mau.xlsx"
    sws.spreadsheets.write_sample(sample)
    preview = sws.spreadsheets.preview_import(sample)
    assert preview.new_branches == []
    assert [r.values["branch"] for r in preview.rows] == ["Chi đoàn ấp Bào Sen"] * 2
