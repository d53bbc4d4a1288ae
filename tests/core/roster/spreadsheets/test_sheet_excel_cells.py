"""Workbooks as Excel saves them, read through calamine: each way its cells differ from what
openpyxl gave (floats for whole numbers, dates without a time, durations, error cells, rich
text...) with the exact result, and the guards that run before calamine sees a file."""

from __future__ import annotations

import sqlite3
import zipfile
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from sheetfiles import (
    ErrorValue,
    Formula,
    Rich,
    with_declared_size,
    with_sheet_xml,
    write_excel_xlsx,
    write_ods,
)

from doancoso.core.errors import ImportFileError
from doancoso.core.roster.spreadsheets import NEW, REJECTED
from doancoso.core.workspace import DATABASE_FILE, Workspace
from doancoso.core.xlsx import workbook
from doancoso.core.xlsx.workbook import read_sheets


def _members(ws: Workspace) -> list[tuple[object, ...]]:
    with sqlite3.connect(ws.data_dir / DATABASE_FILE) as conn:
        return [tuple(r) for r in conn.execute("SELECT * FROM members ORDER BY id")]


def test_cells_as_calamine_gives_them(tmp_path: Path) -> None:
    path = write_excel_xlsx(
        tmp_path / "o.xlsx",
        [
            [None, None, "  Lê Văn Tám  ", 1999, 2.5],
            [],
            [
                datetime(2001, 3, 5),
                date(2002, 1, 2),
                datetime(2003, 4, 5, 7, 30),
                time(10, 30),
                timedelta(hours=26),
                True,
                False,
            ],
            [ErrorValue("#N/A"), Formula("1+1", 2), Formula('"A"&"n"', "An"), Formula("NOW()")],
            [Rich(("NguyÔn ", "V¨n An"), phonetic="x"), "", "a_x000D_b", None, None, None, None],
            [ErrorValue("#REF!"), Formula("B1")],  # nothing readable: not a row
            ["Ô gộp", None, None],
        ],
        merges=["A7:C7"],
    )
    [sheet] = list(read_sheets(path))
    assert sheet.name == "Sheet1" and sheet.book_sheets == ["Sheet1"]
    assert sheet.rows == [
        (1, [None, None, "  Lê Văn Tám  ", 1999.0, 2.5]),
        (
            3,
            [
                date(2001, 3, 5),  # a date at midnight is a date, not a datetime
                date(2002, 1, 2),
                datetime(2003, 4, 5, 7, 30),
                time(10, 30),
                timedelta(days=1, seconds=7200),
                True,
                False,
            ],
        ),
        (4, [None, 2.0, "An"]),  # the error cell and the never-calculated formula are empty
        (5, ["NguyÔn V¨n An", None, "a\rb"]),  # runs joined, no phonetic run; _x000D_ is \r
        (7, ["Ô gộp"]),  # a merged cell holds its value in its first cell only
    ]
    assert [type(v) for v in sheet.rows[1][1][:3]] == [date, date, datetime]


def test_a_roster_saved_by_excel(sws: Workspace, roster, tmp_path: Path) -> None:
    path = write_excel_xlsx(
        tmp_path / "excel.xlsx",
        [
            ["DANH SÁCH ĐOÀN VIÊN CHI ĐOÀN ẤP 3"],
            ["STT", "Họ và tên", "Năm sinh", None, "Số CCCD", "Điện thoại", "Ngày vào Đoàn"],
            [None, None, "Nam", "Nữ", None, None, None],
            [1, " Đặng Văn Hùng ", 1999, None, 86099000123, 912345678, date(2016, 3, 26)],
            [2, Formula("PROPER(\"ĐỖ THỊ LAN\")", "Đỗ Thị Lan"), None, datetime(2002, 5, 6),
             "086302000456", "0912 000 111", "26/03/2019"],
            [3, Rich(("Ph¹m ", "ThÞ Quúnh")), None, "x", None, None, None],
            [4, "Võ Văn Giờ", time(10, 30), None, None, None, None],
            [5, "Võ Văn Hạn", timedelta(hours=26), None, None, None, None],
            [6, "Võ Văn Lỗi", ErrorValue("#VALUE!"), None, None, None, None],
            [7, "Tô Thị Năm", None, 2004.0, None, None, ErrorValue("#N/A")],
        ],
        merges=["A1:G1", "C2:D2", "A2:A3", "B2:B3", "E2:E3", "F2:F3", "G2:G3"],
    )  # fmt: skip
    preview = sws.spreadsheets.preview_import(path)
    assert preview.header_row == 3
    assert preview.mapping == {
        "full_name": 1,
        "male": 2,
        "female": 3,
        "national_id": 4,
        "phone": 5,
        "admission_date": 6,
    }
    assert preview.headers == ["STT", "Họ và tên", "Năm sinh / Nam", "Nữ", "Số CCCD",
                               "Điện thoại", "Ngày vào Đoàn"]  # fmt: skip
    assert [
        (r.row, r.action, r.values["full_name"], [p.message for p in r.problems])
        for r in preview.rows
    ] == [
        (4, NEW, "Đặng Văn Hùng", []),
        (5, NEW, "Đỗ Thị Lan", []),
        (6, REJECTED, "Phạm Thị Quỳnh", ["Thiếu ngày sinh."]),
        (7, REJECTED, "Võ Văn Giờ", ["Ngày sinh không đọc được: “10:30:00”."]),
        (8, REJECTED, "Võ Văn Hạn", ["Ngày sinh không đọc được: “26:00:00”."]),
        (9, REJECTED, "Võ Văn Lỗi", ["Thiếu ngày sinh."]),  # "#VALUE!" reads as empty
        (10, NEW, "Tô Thị Năm", []),
    ]
    hung, lan = preview.rows[0].values, preview.rows[1].values
    assert (hung["national_id"], hung["phone"], hung["gender"]) == (
        "086099000123",  # typed as a number: the leading zero is put back
        "0912345678",
        "male",
    )
    assert hung["admission_date"] == date(2016, 3, 26)
    assert (lan["national_id"], lan["phone"], lan["gender"]) == ("086302000456", "0912000111",
                                                                 "female")  # fmt: skip
    assert lan["admission_date"] == date(2019, 3, 26)
    assert preview.legacy_cells == {"tcvn3": 1}
    result = sws.spreadsheets.apply_import(preview)
    assert (result.created, result.rejected) == (3, 4)
    assert roster() == [
        ("Đặng Văn Hùng", "1999", None),
        ("Đỗ Thị Lan", "06/05/2002", None),
        ("Tô Thị Năm", "2004", None),
    ]


def test_sheets_of_an_excel_workbook(sws: Workspace, tmp_path: Path) -> None:
    path = write_excel_xlsx(
        tmp_path / "nhieu.xlsx",
        [["BÁO CÁO"]],
        title="Bìa",
        sheets=[("Đoàn viên", [["Họ và tên", "Ngày sinh"], ["Tô Văn Út", date(2009, 9, 9)]])],
    )
    assert sws.spreadsheets.sheets(path) == ["Bìa", "Đoàn viên"]
    preview = sws.spreadsheets.preview_import(path)
    assert preview.sheet == "Đoàn viên"
    assert [(r.values["full_name"], r.values["birth_date"]) for r in preview.rows] == [
        ("Tô Văn Út", date(2009, 9, 9))
    ]
    with pytest.raises(ImportFileError, match="không có trang tính “Khác”"):
        sws.spreadsheets.preview_import(path, sheet="Khác")


ROWS = [["Họ và tên", "Ngày sinh"], ["Lý Văn Xa", "01/01/2001"]]


@pytest.mark.parametrize(
    ("extra", "rows", "columns"),
    [
        ('<row r="1048576"><c r="XFD1048576" t="s"><v>0</v></c></row>', 1048576, 16384),
        # unusual spacing and quotes
        ("<row r='1048576'><c r = 'XFD1048576' t='s'><v>0</v></c></row>", 1048576, 16384),
        # a cell without a reference is placed by its row
        ('<row r="3"><c r="CV3"><v>1</v></c></row><row r="1048576"><c t="s"><v>0</v></c></row>',
         1048576, 100),
    ],
)  # fmt: skip
def test_a_value_far_from_the_table_is_refused_before_calamine(
    sws: Workspace, tmp_path: Path, extra: str, rows: int, columns: int
) -> None:
    """calamine builds the sheet as one grid from A1: a value at XFD1048576 would need some
    500 GB and abort the process. The refusal says where the far cell is."""
    path = with_sheet_xml(write_excel_xlsx(tmp_path / "xa.xlsx", ROWS), extra)
    for action in (sws.spreadsheets.sheets, sws.spreadsheets.preview_import):
        with pytest.raises(ImportFileError) as info:
            action(path)
        assert info.value.message == (
            f"Tệp xa.xlsx có trang tính quá rộng để nhập: có ô dữ liệu ở tới dòng {rows} và cột "
            f"thứ {columns}. Hãy xóa các ô thừa nằm xa bảng danh sách (hoặc chép bảng sang một "
            "tệp mới), lưu lại rồi nhập lại."
        )
    assert sws.members.count() == 0


@pytest.mark.parametrize(
    "extra",
    ['<row r="1048576"><c r="&#88;FD1048576" t="s"><v>0</v></c></row>',
     "<row r='&#49;048576'><c t='s'><v>0</v></c></row>"],
)  # fmt: skip
def test_references_spelt_with_character_references_are_refused(
    sws: Workspace, tmp_path: Path, extra: str
) -> None:
    """No spreadsheet program writes them, and they could hide a far cell from the size check."""
    path = with_sheet_xml(write_excel_xlsx(tmp_path / "la.xlsx", ROWS), extra)
    with pytest.raises(ImportFileError) as info:
        sws.spreadsheets.preview_import(path)
    assert info.value.message.startswith("Không đọc được tệp la.xlsx: tệp bị hỏng")
    assert sws.members.count() == 0


def test_far_rows_without_values_and_long_rosters_are_read(sws: Workspace, tmp_path: Path) -> None:
    """An empty last row with a height (as Excel writes a formatted row) holds no cell; a long,
    narrow sheet is no huge grid."""
    path = with_sheet_xml(
        write_excel_xlsx(tmp_path / "dai.xlsx", ROWS),
        '<row r="150000"><c r="A150000" t="inlineStr"><is><t>Tổng cộng: 1</t></is></c></row>'
        '<row r="1048576" ht="20" customHeight="1"/>',
    )
    preview = sws.spreadsheets.preview_import(path)
    assert [(r.row, r.values["full_name"]) for r in preview.rows] == [(2, "Lý Văn Xa")]
    assert preview.skipped == [(150000, "dòng tổng cộng")]


def test_a_zip_bomb_is_refused_before_calamine(sws: Workspace, tmp_path: Path) -> None:
    path = with_declared_size(
        write_excel_xlsx(tmp_path / "bom.xlsx", ROWS), "xl/worksheets/sheet1.xml", 3 * 1024**3
    )
    for action in (sws.spreadsheets.sheets, sws.spreadsheets.preview_import):
        with pytest.raises(ImportFileError) as info:
            action(path)
        assert info.value.message == (
            "Tệp bom.xlsx quá lớn để nhập: khi giải nén, nội dung vượt quá 512 MB (có thể tệp bị "
            "hỏng hoặc là tệp nén độc hại). Hãy mở tệp trong Excel, kiểm tra và lưu lại rồi thử "
            "lại."
        )
    assert sws.members.count() == 0


def test_a_part_larger_than_declared_is_unreadable(sws: Workspace, tmp_path: Path) -> None:
    path = with_declared_size(
        write_excel_xlsx(tmp_path / "doi.xlsx", ROWS), "xl/worksheets/sheet1.xml", 100
    )
    with pytest.raises(ImportFileError) as info:
        sws.spreadsheets.preview_import(path)
    assert info.value.message.startswith("Không đọc được tệp doi.xlsx: tệp bị hỏng")


class PanicException(BaseException):
    """What pyo3 raises for a Rust panic: a BaseException, not an Exception."""


class PanickingBook:
    """A real calamine workbook whose loading of a sheet raises ``error`` (as a Rust panic
    would, on the helper thread that loads it)."""

    def __init__(self, book: Any, error: BaseException) -> None:
        self._book, self._error = book, error
        self.sheet_names, self.sheets_metadata = book.sheet_names, book.sheets_metadata

    def get_sheet_by_name(self, name: str) -> object:
        raise self._error

    def close(self) -> None:
        self._book.close()


@pytest.mark.parametrize("where", ["rows", "load"])
def test_a_rust_panic_is_an_unreadable_file(
    sws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    path = write_excel_xlsx(tmp_path / "hoang.xlsx", ROWS)
    before = _members(sws)
    opened = workbook._open_calamine

    def failing(error: BaseException) -> None:
        if where == "rows":

            def rows(sheet: object) -> list[list[object]]:
                raise error

            monkeypatch.setattr(workbook, "_sheet_grid", rows)
        else:
            monkeypatch.setattr(
                workbook, "_open_calamine", lambda path: PanickingBook(opened(path), error)
            )

    failing(PanicException("called `Option::unwrap()` on a `None` value"))
    with pytest.raises(ImportFileError) as info:
        sws.spreadsheets.preview_import(path)
    assert info.value.message.startswith("Không đọc được tệp hoang.xlsx: tệp bị hỏng")
    assert "PanicException" in info.value.details
    assert _members(sws) == before

    failing(KeyboardInterrupt())
    with pytest.raises(KeyboardInterrupt):
        sws.spreadsheets.preview_import(path)


def test_an_xlsx_named_xls_is_read_by_its_content(sws: Workspace, tmp_path: Path) -> None:
    path = write_excel_xlsx(tmp_path / "ds.xls", ROWS)
    assert sws.spreadsheets.sheets(path) == ["Sheet1"]
    preview = sws.spreadsheets.preview_import(path)
    assert [r.values["full_name"] for r in preview.rows] == ["Lý Văn Xa"]


@pytest.mark.parametrize("name", ["ds.xlsb", "ds.xlsx"])
def test_a_zip_that_is_no_excel_workbook_is_unreadable(
    sws: Workspace, tmp_path: Path, name: str
) -> None:
    """An .xlsb or any zip: only .xlsx/.xlsm go to calamine, whose grid is checked (an .ods
    gets its own message: see test_an_ods_is_refused_saying_how_to_save_it_as_xlsx)."""
    path = tmp_path / name
    with zipfile.ZipFile(path, "w") as book:
        book.writestr("[Content_Types].xml", "<Types/>")
        book.writestr("xl/workbook.bin", b"\x83\x01\x00")
    for action in (sws.spreadsheets.sheets, sws.spreadsheets.preview_import):
        with pytest.raises(ImportFileError) as info:
            action(path)
        assert info.value.message.startswith(
            f"Không đọc được tệp {name}: tệp bị hỏng hoặc không phải tệp Excel."
        )


ODS_MESSAGE = (
    "Không nhập được tệp {name}: đây là bảng tính của LibreOffice/OpenOffice, ứng dụng chỉ "
    "đọc tệp Excel (.xlsx, .xls) hoặc CSV (.csv). Hãy mở tệp bằng LibreOffice Calc, chọn Tệp → "
    "Lưu thành… (File → Save As…), chọn kiểu tệp “Excel 2007-365 (.xlsx)”, bấm Lưu (nếu được "
    "hỏi, chọn dùng định dạng Excel), rồi nhập tệp .xlsx vừa lưu."
)


@pytest.mark.parametrize("name", ["ds.ods", "ds-doi-duoi.xlsx", "ds.fods"])
def test_an_ods_is_refused_saying_how_to_save_it_as_xlsx(
    sws: Workspace, tmp_path: Path, name: str
) -> None:
    """A hamlet's list saved by LibreOffice Calc (.ods, also renamed .xlsx, or its flat .fods)
    is refused by the roster's and the youth register's import alike, saying how to save it as
    .xlsx from LibreOffice, not that the file is damaged; nothing is written."""
    path = tmp_path / name
    rows = [["STT", "Họ và tên", "Ngày sinh"], ["1", "Lý Văn Xa", "05/03/2001"]]
    if name.endswith(".fods"):
        path.write_text('<?xml version="1.0"?><office:document/>', encoding="utf-8")
    else:
        write_ods(path, rows)
    before = _members(sws)
    for action in (sws.spreadsheets.sheets, sws.spreadsheets.preview_import,
                   sws.youth_import.preview_import):  # fmt: skip
        with pytest.raises(ImportFileError) as info:
            action(path)
        assert info.value.message == ODS_MESSAGE.format(name=name)
    assert _members(sws) == before and sws.youth.count() == 0


def test_a_chart_sheet_is_passed_over(sws: Workspace, tmp_path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.chart import BarChart, Reference

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Đoàn viên"
    for row in ROWS:
        sheet.append(row)
    chart = BarChart()
    chart.add_data(Reference(sheet, min_col=1, min_row=1, max_row=2))
    book.create_chartsheet("Biểu đồ", 0).add_chart(chart)
    path = tmp_path / "bieudo.xlsx"
    book.save(path)
    assert sws.spreadsheets.sheets(path) == ["Biểu đồ", "Đoàn viên"]
    preview = sws.spreadsheets.preview_import(path)
    assert (preview.sheet, [r.values["full_name"] for r in preview.rows]) == (
        "Đoàn viên",
        ["Lý Văn Xa"],
    )


def test_a_cccd_of_provinces_001_to_009_typed_as_a_number_keeps_both_leading_zeros(
    sws: Workspace, tmp_path: Path, xlsx: Any
) -> None:
    # Hà Nội's CCCD begin "001": typed in a number cell they lose two zeros (10 digits left),
    # and were refused as malformed, the CCCD left out of every row.
    path = xlsx(
        tmp_path / "ha_noi.xlsx",
        [
            ["Họ và tên", "Ngày sinh", "Số CCCD", "Điện thoại"],
            ["Nguyễn Văn Hà", "05/03/2001", 1201000123, 912345678],
            ["Trần Thị Nội", "06/05/2002", 8302000456.0, None],
            ["Lê Văn Cao", "07/07/2003", 86203000789, None],
        ],
    )
    preview = sws.spreadsheets.preview_import(path)
    assert [(r.action, r.values.get("national_id"), r.problems) for r in preview.rows] == [
        (NEW, "001201000123", []),
        (NEW, "008302000456", []),
        (NEW, "086203000789", []),
    ]
    sws.spreadsheets.apply_import(preview)
    assert sorted(r.national_id or "" for r in sws.members.list()) == [
        "001201000123", "008302000456", "086203000789",
    ]  # fmt: skip


def _as_excel_saves_csv(path: Path, columns: tuple[str, ...]) -> Path:
    """``path``, a CSV, opened in Excel and saved again as CSV: a cell of ``columns`` (by
    header) holding digits became a number and lost its leading zeros."""
    import csv

    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    header = rows.index(next(r for r in rows if "Họ và tên" in r))
    indexes = [rows[header].index(name) for name in columns]
    for row in rows[header + 1 :]:
        for i in indexes:
            if row[i].isdigit():
                row[i] = str(int(row[i]))
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def test_a_csv_saved_by_excel_gets_the_leading_zeros_of_cccd_and_phones_back(
    sws: Workspace, tmp_path: Path
) -> None:
    # The roster's own CSV opened in Excel (the program a .csv opens with on Windows) and saved
    # again: every CCCD and phone lost its leading 0 ("96199317210", "970652510"). Imported
    # back, each was refused as malformed ("Số CCCD “96199317210” không hợp lệ"), a warning on
    # every row, and left out of the new members. Read as a number cell of an .xlsx is.
    sws.members.save({"full_name": "Lý Thị Kim Ái", "birth_date": "15/08/1999", "gender": "Nữ",
                      "national_id": "096199317210", "phone": "0970652510"})  # fmt: skip
    sws.members.save({"full_name": "Lê Văn Hà", "birth_date": "05/03/2001",
                      "national_id": "001201000123"})  # fmt: skip
    sws.members.save({"full_name": "Trần Văn Cũ", "birth_date": "05/03/1996",
                      "national_id": "012345678", "phone": "0297123456"})  # fmt: skip
    path = tmp_path / "ds.csv"
    sws.spreadsheets.export_members(path)
    _as_excel_saves_csv(path, ("CCCD", "Điện thoại"))
    assert "96199317210,970652510" in path.read_text(encoding="utf-8-sig")
    preview = sws.spreadsheets.preview_import(path)
    assert [(r.action, r.problems) for r in preview.rows] == [("unchanged", [])] * 3
    sws.members.delete(sws.members.ids())
    preview = sws.spreadsheets.preview_import(path)
    assert [(r.action, r.values["national_id"], r.values.get("phone"), r.problems)
            for r in preview.rows] == [
        (NEW, "096199317210", "0970652510", []),
        (NEW, "012345678", "0297123456", []),
        (NEW, "001201000123", None, []),
    ]  # fmt: skip


def test_digits_typed_as_text_in_a_workbook_are_taken_as_typed(
    sws: Workspace, tmp_path: Path, xlsx: Any
) -> None:
    # A cell of an .xlsx holding the digits as text was typed so: a digit left out is a typo,
    # not a zero Excel took away, and stays refused.
    path = xlsx(tmp_path / "ds.xlsx", [
        ["Họ và tên", "Ngày sinh", "Số CCCD", "Điện thoại"],
        ["Lê Văn Hà", "05/03/2001", "96199317210", "970652510"],
    ])  # fmt: skip
    (row,) = sws.spreadsheets.preview_import(path).rows
    assert [p.message for p in row.problems] == [
        "Số CCCD “96199317210” không hợp lệ: phải gồm 12 chữ số (CMND cũ: 9 chữ số).",
        "Số điện thoại không hợp lệ: “970652510”.",
    ]
