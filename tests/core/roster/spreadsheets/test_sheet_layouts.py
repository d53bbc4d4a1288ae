"""Importing rosters in the layouts found in communes: fixtures built here, exact results."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime
from pathlib import Path

import pytest
from sheetfiles import write_csv, write_xls

from doancoso.core.errors import ImportFileError
from doancoso.core.roster.spreadsheets import NEW, REJECTED, UPDATE
from doancoso.core.workspace import Workspace


def test_title_rows_merged_header_and_numbering_row(
    sws: Workspace, roster, tmp_path: Path, xlsx
) -> None:
    path = xlsx(
        tmp_path / "ds.xlsx",
        [
            ["DANH SÁCH ĐOÀN VIÊN ĐOÀN XÃ TÂN HƯNG NĂM 2026"],
            ["Đoàn xã Tân Hưng"],
            [],
            [
                "STT",
                "Họ và tên",
                "Ngày tháng năm sinh",
                "Giới tính",
                "Số CCCD",
                "Chi đoàn",
                "Ngày vào Đoàn",
            ],
            [],
            ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"],
            [1, "Nguyễn Văn An", datetime(2001, 3, 5), "Nam", "086201000123", "Ấp 1", "26/03/2017"],
            [2, "TRẦN THỊ BÍCH", "12/10/2003", "Nữ", None, "Ấp 2", None],
            [],
            [3, "Lê Hoàng Phúc", "2000", "nam", None, "Ấp 1", None],
            ["Tổng cộng: 3 đoàn viên"],
            [None, None, None, None, None, "Tân Hưng, ngày 20 tháng 11 năm 2026"],
        ],
        merges=["A1:G1", "A2:G2", "A4:A5", "B4:B5", "C4:C5", "D4:D5", "E4:E5", "F4:F5", "G4:G5"],
    )
    preview = sws.spreadsheets.preview_import(path)
    assert preview.header_row == 4
    assert preview.mapping == {
        "full_name": 1,
        "birth_date": 2,
        "gender": 3,
        "national_id": 4,
        "branch": 5,
        "admission_date": 6,
    }
    assert preview.headers[1] == "Họ và tên"
    assert [(r.row, r.action, r.problems) for r in preview.rows] == [
        (7, NEW, []),
        (8, NEW, []),
        (10, NEW, []),
    ]
    assert preview.skipped == [(9, "dòng trống"), (11, "dòng tổng cộng"), (12, "dòng ký tên")]
    result = sws.spreadsheets.apply_import(preview)
    assert (result.created, result.updated, result.unchanged, result.rejected) == (3, 0, 0, 0)
    assert result.branches_created == ("Ấp 1", "Ấp 2")
    assert roster() == [
        ("Nguyễn Văn An", "05/03/2001", "Ấp 1"),
        ("Trần Thị Bích", "12/10/2003", "Ấp 2"),
        ("Lê Hoàng Phúc", "2000", "Ấp 1"),
    ]
    an = sws.members.get(sws.members.ids()[0]).fields
    assert (an.gender, an.national_id, an.admission_date) == (
        "male",
        "086201000123",
        date(2017, 3, 26),
    )


def test_split_name_columns(sws: Workspace, roster, tmp_path: Path, xlsx) -> None:
    path = xlsx(
        tmp_path / "tach.xlsx",
        [
            ["ĐOÀN TNCS HỒ CHÍ MINH"],
            ["TT", "Họ và chữ lót", "Tên", "Ngày sinh", "Dân tộc", "Tôn giáo"],
            [1, "Nguyễn Thị Như", "Quỳnh", "01/02/2000", "Kinh", "Không"],
            [2, "Phạm", "Tâm", "15/07/1999", "Khmer", "Phật giáo"],
        ],
    )
    preview = sws.spreadsheets.preview_import(path)
    assert preview.mapping == {
        "family_middle": 1,
        "given_name": 2,
        "birth_date": 3,
        "ethnicity": 4,
        "religion": 5,
    }
    sws.spreadsheets.apply_import(preview)
    assert roster() == [
        ("Nguyễn Thị Như Quỳnh", "01/02/2000", None),
        ("Phạm Tâm", "15/07/1999", None),
    ]
    tam = sws.members.get(sws.members.ids()[1]).fields
    assert (tam.ethnicity, tam.religion) == ("Khmer", "Phật giáo")


def test_split_name_under_merged_parent_header(
    sws: Workspace, roster, tmp_path: Path, xlsx
) -> None:
    path = xlsx(
        tmp_path / "tach2.xlsx",
        [
            ["STT", "Họ và tên", None, "Ngày sinh"],
            [None, "Họ, chữ lót", "Tên", None],
            [1, "Võ Văn", "Kiệt", "02/09/1998"],
        ],
        merges=["B1:C1", "A1:A2", "D1:D2"],
    )
    preview = sws.spreadsheets.preview_import(path)
    assert preview.mapping == {"family_middle": 1, "given_name": 2, "birth_date": 3}
    assert preview.header_row == 2
    sws.spreadsheets.apply_import(preview)
    assert roster() == [("Võ Văn Kiệt", "02/09/1998", None)]


def test_gender_columns_holding_the_birth_year(
    sws: Workspace, roster, tmp_path: Path, xlsx
) -> None:
    path = xlsx(
        tmp_path / "namnu.xlsx",
        [
            ["DANH SÁCH ĐOÀN VIÊN CHI ĐOÀN ẤP 3"],
            ["STT", "Họ và tên", "Năm sinh", None, "Chỗ ở hiện nay"],
            [None, None, "Nam", "Nữ", None],
            [1, "Đặng Văn Hùng", 1999, None, "Ấp 3, Tân Hưng"],
            [2, "Đỗ Thị Lan", None, "2002", "Ấp 3"],
            [3, "Huỳnh Minh Tú", "12/12/2004", None, None],
            [4, "Lý Thị Mai", None, "x", None],
        ],
        merges=["C2:D2", "A2:A3", "B2:B3", "E2:E3"],
    )
    preview = sws.spreadsheets.preview_import(path)
    assert preview.mapping == {"full_name": 1, "male": 2, "female": 3, "address": 4}
    assert [(r.row, r.action) for r in preview.rows] == [
        (4, NEW),
        (5, NEW),
        (6, NEW),
        (7, REJECTED),
    ]
    assert [p.message for p in preview.rows[3].problems] == ["Thiếu ngày sinh."]
    assert preview.rows[3].values["gender"] == "female"
    sws.spreadsheets.apply_import(preview)
    assert roster() == [
        ("Đặng Văn Hùng", "1999", None),
        ("Đỗ Thị Lan", "2002", None),
        ("Huỳnh Minh Tú", "12/12/2004", None),
    ]
    genders = [r.gender for r in sws.members.list()]
    assert genders == ["male", "female", "male"]
    hung = sws.members.get(sws.members.ids()[0]).fields
    assert (hung.address_hamlet, hung.birth_precision) == ("Ấp 3, Tân Hưng", "year")


def test_text_dates_and_year_only(sws: Workspace, roster, tmp_path: Path, xlsx) -> None:
    path = xlsx(
        tmp_path / "ngay.xlsx",
        [
            ["Họ tên", "Ngày sinh", "SĐT"],
            ["Bùi Văn Một", "05/03/2001", "0912 345 678"],
            ["Bùi Văn Hai", "5/3/01", 912345679],
            ["Bùi Văn Ba", "15-08-1999", "+84 912 345 670"],
            ["Bùi Văn Bốn", "20.11.2000", None],
            ["Bùi Văn Năm", "2003", None],
            ["Bùi Văn Sáu", 2004, None],
            ["Bùi Văn Bảy", "3/4/98", None],
            ["Bùi Văn Tám", datetime(2002, 1, 31), None],
            ["Bùi Văn Chín", "31/02/2001", None],
        ],
    )
    preview = sws.spreadsheets.preview_import(path)
    births = {
        r.values["full_name"]: (r.values.get("birth_date"), r.values.get("birth_precision"))
        for r in preview.rows
    }
    assert births == {
        "Bùi Văn Một": (date(2001, 3, 5), "day"),
        "Bùi Văn Hai": (None, None),  # "5/3/01": the century is not guessed
        "Bùi Văn Ba": (date(1999, 8, 15), "day"),
        "Bùi Văn Bốn": (date(2000, 11, 20), "day"),
        "Bùi Văn Năm": (date(2003, 1, 1), "year"),
        "Bùi Văn Sáu": (date(2004, 1, 1), "year"),
        "Bùi Văn Bảy": (None, None),  # "3/4/98" neither
        "Bùi Văn Tám": (date(2002, 1, 31), "day"),
        "Bùi Văn Chín": (None, None),
    }
    assert [r.values["full_name"] for r in preview.rows if r.action == REJECTED] == [
        "Bùi Văn Hai",
        "Bùi Văn Bảy",
        "Bùi Văn Chín",
    ]
    assert preview.problems == [
        (3, "Ngày sinh không đọc được: “5/3/01”. Năm phải đủ 4 chữ số, ví dụ 05/03/2001."),
        (8, "Ngày sinh không đọc được: “3/4/98”. Năm phải đủ 4 chữ số, ví dụ 03/04/1998."),
        (10, "Ngày sinh 31/02/2001 không có trên lịch."),
    ]
    # Bùi Văn Hai is the same person as Bùi Văn Một? No: names differ; both are new.
    assert [r.values.get("phone") for r in preview.rows[:3]] == [
        "0912345678",
        "0912345679",
        "0912345670",
    ]
    sws.spreadsheets.apply_import(preview)
    shown = dict((name, birth) for name, birth, _ in roster())
    assert shown["Bùi Văn Năm"] == "2003" and shown["Bùi Văn Sáu"] == "2004"
    assert "Bùi Văn Hai" not in shown and "Bùi Văn Bảy" not in shown


def test_education_that_excel_turned_into_a_date(sws: Workspace, tmp_path: Path, xlsx) -> None:
    path = xlsx(
        tmp_path / "hocvan.xlsx",
        [
            ["Họ và tên", "Ngày sinh", "Trình độ văn hóa", "Nghề nghiệp"],
            ["Sơn Thị Út", "01/01/2001", datetime(2026, 12, 12), "Làm ruộng"],
            ["Sơn Văn Hai", "01/01/2002", "9/12", None],
        ],
    )
    preview = sws.spreadsheets.preview_import(path)
    assert [r.values.get("education") for r in preview.rows] == ["12/12", "9/12"]
    assert preview.rows[0].values["occupation"] == "Làm ruộng"


def test_old_xls_file_with_real_dates(sws: Workspace, roster, tmp_path: Path) -> None:
    path = write_xls(
        tmp_path / "cu.xls",
        [
            ["DANH SÁCH ĐOÀN VIÊN"],
            [],
            ["STT", "Họ và tên đoàn viên", "Ngày sinh", "Giới tính", "CMND", "Điện thoại"],
            [1, "Ngô Thanh Tâm", date(2000, 2, 29), "Nam", 123456789, 912000111],
            [2, "Châu Ngọc Hân", "07/07/2005", "Nữ", 86205000999.0, None],
        ],
        title="Danh sách",
    )
    assert sws.spreadsheets.sheets(path) == ["Danh sách"]
    preview = sws.spreadsheets.preview_import(path)
    assert preview.sheet == "Danh sách" and preview.header_row == 3
    assert [r.values.get("national_id") for r in preview.rows] == ["123456789", "086205000999"]
    assert preview.rows[0].values["phone"] == "0912000111"
    sws.spreadsheets.apply_import(preview)
    assert roster() == [
        ("Châu Ngọc Hân", "07/07/2005", None),
        ("Ngô Thanh Tâm", "29/02/2000", None),
    ]


def test_nfd_text_is_stored_nfc(sws: Workspace, tmp_path: Path) -> None:
    nfd = unicodedata.normalize("NFD", "Nguyễn Thị Thủy")
    assert nfd != "Nguyễn Thị Thủy"
    path = write_csv(
        tmp_path / "nfd.csv",
        [
            ["Họ và tên", "Ngày sinh", "Chi đoàn", "Dân tộc"],
            [
                nfd,
                "01/01/2001",
                unicodedata.normalize("NFD", "Ấp Hưng Mỹ"),
                unicodedata.normalize("NFD", "Kinh"),
            ],
        ],
    )
    sws.spreadsheets.apply_import(sws.spreadsheets.preview_import(path))
    record = sws.members.get(sws.members.ids()[0])
    assert record.fields.full_name == "Nguyễn Thị Thủy"
    assert unicodedata.is_normalized("NFC", record.fields.full_name)
    assert record.branch_name == "Ấp Hưng Mỹ" and unicodedata.is_normalized(
        "NFC", record.branch_name
    )


def test_tcvn3_and_vni_cells_are_converted(sws: Workspace, roster, tmp_path: Path, xlsx) -> None:
    path = xlsx(
        tmp_path / "vntime.xlsx",
        [
            ["Hä vµ tªn", "Ngµy sinh", "Chi ®oµn", "T«n gi¸o", "D©n téc"],  # header in TCVN3 too
            ["NguyÔn V¨n An", "05/03/2001", "Êp Th¹nh Phó", "PhËt gi¸o", "Kinh"],
            ["Ph¹m ThÞ Quúnh", "06/04/2002", "Êp Th¹nh Phó", None, "Kinh"],
            ["Nguyeãn Vaên Bình", "07/05/2003", "AÁp Taân Hoøa", "Khoâng", "Kinh"],
            ["Nguyễn Văn Toàn", "08/06/2004", "Ấp Tân Hòa", "Không", "Kinh"],
        ],
    )
    preview = sws.spreadsheets.preview_import(path)
    assert preview.legacy_cells == {"tcvn3": 5, "vni": 3}
    assert [r.action for r in preview.rows] == [NEW] * 4
    result = sws.spreadsheets.apply_import(preview)
    assert result.branches_created == ("Ấp Thạnh Phú", "Ấp Tân Hòa")
    assert roster() == [
        ("Nguyễn Văn An", "05/03/2001", "Ấp Thạnh Phú"),
        ("Nguyễn Văn Bình", "07/05/2003", "Ấp Tân Hòa"),
        ("Phạm Thị Quỳnh", "06/04/2002", "Ấp Thạnh Phú"),
        ("Nguyễn Văn Toàn", "08/06/2004", "Ấp Tân Hòa"),
    ]
    religions = [sws.members.get(i).fields.religion for i in sws.members.ids()]
    assert religions == ["Phật giáo", "Không", None, "Không"]


def test_duplicates_and_bad_rows_are_reported_by_row(
    sws: Workspace, roster, tmp_path: Path, xlsx
) -> None:
    path = xlsx(
        tmp_path / "loi.xlsx",
        [
            ["DANH SÁCH ĐOÀN VIÊN"],
            ["STT", "Họ và tên", "Ngày sinh", "CCCD", "Ngày vào Đoàn"],
            [1, "Trương Văn Đạt", "10/10/2000", "086200000001", None],
            [2, None, "11/11/2001", None, None],
            [3, "Mai Thị Hoa", "32/01/2001", None, None],
            [4, "Lâm Văn Sơn", "01/01/2002", "12345", None],
            [5, "Trương Văn Đạt", "10/10/2000", "086200000001", None],
            [6, "Tạ Thị Hồng", "02/02/2002", "086302000002", None],
            [7, "Phan Văn Lợi", "03/03/2003", "086302000002", None],
            [8, "Kha Minh Trí", None, None, None],
            [9, "Lục Văn Tài", "04/04/2004", None, "01/01/2015"],
            [10, "Lục Văn Tài", "04/04/2004", None, None],
        ],
    )
    preview = sws.spreadsheets.preview_import(path)
    report = [(r.row, r.action, [p.message for p in r.problems]) for r in preview.rows]
    assert report == [
        (3, NEW, []),
        (4, REJECTED, ["Thiếu họ và tên."]),
        (5, REJECTED, ["Ngày sinh 32/01/2001 không có trên lịch."]),
        (6, NEW, ["Số CCCD “12345” không hợp lệ: phải gồm 12 chữ số (CMND cũ: 9 chữ số)."]),
        (7, REJECTED, ["Trùng với Trương Văn Đạt (dòng 3)."]),
        (8, REJECTED, ["Số CCCD 086302000002 trùng với Phan Văn Lợi (dòng 9)."]),
        (
            9,
            REJECTED,
            [
                # The shared number is Hồng's (a woman born in 2002): it gives Lợi away.
                "Số CCCD cho biết nữ, sinh năm 2002: khác với giới tính hoặc năm sinh đã nhập. "
                "Hãy kiểm tra lại.",
                "Số CCCD 086302000002 trùng với Tạ Thị Hồng (dòng 8).",
            ],
        ),
        (10, REJECTED, ["Thiếu ngày sinh."]),
        (
            11,
            NEW,
            [
                "Tuổi vào Đoàn phải từ 16 (đủ 15 tuổi + 1 ngày) đến 30: "
                "sinh 04/04/2004, vào Đoàn 01/01/2015."
            ],
        ),
        (12, REJECTED, ["Trùng với Lục Văn Tài, cùng họ tên và ngày sinh (dòng 11)."]),
    ]
    result = sws.spreadsheets.apply_import(preview)
    assert (result.created, result.rejected) == (3, 7)
    assert roster() == [
        ("Trương Văn Đạt", "10/10/2000", None),
        ("Lâm Văn Sơn", "01/01/2002", None),
        ("Lục Văn Tài", "04/04/2004", None),
    ]
    son = sws.members.get(sws.members.ids()[1]).fields
    assert son.national_id is None  # the malformed CCCD is not imported


def test_cccd_of_another_member_rejects_the_row(sws: Workspace, tmp_path: Path, xlsx) -> None:
    sws.members.save(
        {"full_name": "Quách Văn Nam", "birth_date": "01/01/2000", "national_id": "086200000009"}
    )
    path = xlsx(
        tmp_path / "cccd.xlsx",
        [["Họ và tên", "Ngày sinh", "CCCD"], ["Ông Văn Khác", "05/05/2005", "086200000009"]],
    )
    preview = sws.spreadsheets.preview_import(path)
    assert preview.rows[0].action == REJECTED
    assert [p.message for p in preview.rows[0].problems] == [
        # The number is Nam's, so it says his birth year, not the row's.
        "Số CCCD cho biết nam, sinh năm 2000: khác với giới tính hoặc năm sinh đã nhập. "
        "Hãy kiểm tra lại.",
        "Số CCCD 086200000009 đã dùng cho đoàn viên Quách Văn Nam (sinh 01/01/2000).",
    ]


def test_user_mapping_replaces_the_guess(sws: Workspace, roster, tmp_path: Path, xlsx) -> None:
    path = xlsx(
        tmp_path / "map.xlsx",
        [
            ["Họ và tên", "Ngày sinh", "Ghi chú", "Sinh nhật thật"],
            ["Kim Văn Tú", "01/01/2001", "x", "02/02/2002"],
        ],
    )
    guess = sws.spreadsheets.preview_import(path)
    assert guess.mapping == {"full_name": 0, "birth_date": 1, "notes": 2}
    preview = sws.spreadsheets.preview_import(path, mapping={"full_name": 0, "birth_date": 3})
    sws.spreadsheets.apply_import(preview)
    assert roster() == [("Kim Văn Tú", "02/02/2002", None)]
    with pytest.raises(ValueError):
        sws.spreadsheets.preview_import(path, mapping={"no_such_field": 0})


def test_sheet_is_chosen_by_name_or_by_header(sws: Workspace, tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    cover = book.active
    assert cover is not None
    cover.title = "Bìa"
    cover.append(["BÁO CÁO"])
    data = book.create_sheet("Đoàn viên")
    data.append(["Họ và tên", "Ngày sinh"])
    data.append(["Tô Văn Út", "09/09/2009"])
    path = tmp_path / "nhieu.xlsx"
    book.save(path)
    assert sws.spreadsheets.sheets(path) == ["Bìa", "Đoàn viên"]
    assert sws.spreadsheets.preview_import(path).sheet == "Đoàn viên"
    with pytest.raises(
        ImportFileError, match="không tìm thấy dòng tiêu đề|Không tìm thấy dòng tiêu đề"
    ):
        sws.spreadsheets.preview_import(path, sheet="Bìa")
    with pytest.raises(ImportFileError, match="không có trang tính “Khác”"):
        sws.spreadsheets.preview_import(path, sheet="Khác")


def _book_with_a_hidden_sheet(path: Path) -> Path:
    """A workbook whose first sheet, hidden in Excel, holds an old copy of the list before the
    sheet the secretary sees; .xlsx through openpyxl, .xls through xlwt."""
    sheets = (("Cũ", "Tô Văn Cũ", True), ("Đoàn viên", "Tô Văn Út", False))
    if path.suffix == ".xls":
        import xlwt

        book = xlwt.Workbook(encoding="utf-8")
        for title, name, hidden in sheets:
            sheet = book.add_sheet(title)
            for c, value in enumerate(("Họ và tên", "Ngày sinh")):
                sheet.write(0, c, value)
            for c, value in enumerate((name, "09/09/2009")):
                sheet.write(1, c, value)
            sheet.visibility = int(hidden)
        book.save(str(path))
        return path
    from openpyxl import Workbook

    workbook = Workbook()
    assert workbook.active is not None
    workbook.remove(workbook.active)
    for title, name, hidden in sheets:
        page = workbook.create_sheet(title)
        page.append(["Họ và tên", "Ngày sinh"])
        page.append([name, "09/09/2009"])
        page.sheet_state = "hidden" if hidden else "visible"
    workbook.active = 1
    workbook.save(path)
    return path


@pytest.mark.parametrize("suffix", ["xlsx", "xls"])
def test_a_hidden_sheet_is_not_read_before_the_sheets_shown(
    sws: Workspace, tmp_path: Path, suffix: str
) -> None:
    # Excel does not show the hidden sheet: the list the secretary sees is the one read (the
    # hidden one, first with a header, was read and its members imported unseen). Chosen by
    # name, the hidden sheet is read, with a warning that it is hidden.
    path = _book_with_a_hidden_sheet(tmp_path / f"an.{suffix}")
    assert sws.spreadsheets.sheets(path) == ["Cũ", "Đoàn viên"]
    preview = sws.spreadsheets.preview_import(path)
    assert (preview.sheet, [r.values["full_name"] for r in preview.rows]) == (
        "Đoàn viên", ["Tô Văn Út"]
    )  # fmt: skip
    assert preview.warnings == []
    hidden = sws.spreadsheets.preview_import(path, sheet="Cũ")
    assert [r.values["full_name"] for r in hidden.rows] == ["Tô Văn Cũ"]
    assert hidden.warnings == [
        "Trang tính “Cũ” đang bị ẩn trong Excel: hãy chắc chắn đây là danh sách cần nhập."
    ]


def test_existing_member_updated_only_where_the_file_differs(
    sws: Workspace, tmp_path: Path, xlsx
) -> None:
    member_id = sws.members.save(
        {
            "full_name": "Nguyễn Văn An",
            "birth_date": "05/03/2001",
            "phone": "0912345678",
            "ethnicity": "Kinh",
            "gender": "Nam",
        }
    )
    path = xlsx(
        tmp_path / "capnhat.xlsx",
        [
            ["Họ và tên", "Ngày sinh", "Điện thoại", "Dân tộc", "Tôn giáo", "Giới tính"],
            ["NGUYEN VAN AN", "05/03/2001", None, "Kinh", "Phật giáo", "Nam"],
        ],
    )
    preview = sws.spreadsheets.preview_import(path)
    assert [(r.action, r.changed, r.member_id) for r in preview.rows] == [
        (UPDATE, ["religion"], member_id)
    ]
    sws.spreadsheets.apply_import(preview)
    record = sws.members.get(member_id)
    assert record.revision == 2
    assert (record.fields.full_name, record.fields.phone, record.fields.religion) == (
        "Nguyễn Văn An",
        "0912345678",
        "Phật giáo",
    )


def test_repeated_cells_give_every_row_its_own_problems(
    sws: Workspace, tmp_path: Path, xlsx
) -> None:
    """Each distinct cell is decoded once per sheet; every row holding it still gets the result."""
    unsure = (
        "Cột “Nghề nghiệp”: chữ “Ng©©©” có thể gõ bằng bảng mã cũ (TCVN3/VNI) nhưng không "
        "chuyển được chắc chắn; hãy kiểm tra."
    )
    path = xlsx(
        tmp_path / "lap.xlsx",
        [
            ["Họ và tên", "Ngày sinh", "Nghề nghiệp", "Dân tộc", "Ngày vào Đoàn"],
            ["Lò Văn Một", "01/02/2001", "Ng©©©", "Kinh", "30/02/2019"],
            ["Lò Văn Hai", "01/02/2002", "Ng©©©", "Kinh", "30/02/2019"],
            ["Lò Văn 3", "01/02/2003", "Lµm ruéng", None, None],
            ["lò văn 3", "01/02/2004", "Lµm ruéng", None, None],
        ],
    )
    preview = sws.spreadsheets.preview_import(path)
    assert [
        (r.row, r.action, r.values["full_name"], r.values.get("occupation"),
         [p.message for p in r.problems])
        for r in preview.rows
    ] == [
        (2, NEW, "Lò Văn Một", "Ng©©©", [unsure, "Ngày vào Đoàn 30/02/2019 không có trên lịch."]),
        (3, NEW, "Lò Văn Hai", "Ng©©©", [unsure, "Ngày vào Đoàn 30/02/2019 không có trên lịch."]),
        (4, REJECTED, "Lò Văn 3", "Làm ruộng", ["Họ và tên “Lò Văn 3” có chữ số."]),
        (5, REJECTED, "Lò Văn 3", "Làm ruộng", ["Họ và tên “Lò Văn 3” có chữ số."]),
    ]  # fmt: skip
    assert preview.legacy_cells == {"tcvn3": 2}


def test_education_turned_into_a_date_by_an_excel_set_to_month_first(
    sws: Workspace, tmp_path: Path, xlsx
) -> None:
    # On a Windows set to English (United States), "9/12" typed becomes 12 September and "10/12"
    # 12 October: read as day/month they gave "12/9" and "12/10". The level is always a grade
    # over 12 (or 10, the old system), whichever way Excel read it.
    path = xlsx(
        tmp_path / "hocvan-us.xlsx",
        [
            ["Họ và tên", "Ngày sinh", "Trình độ văn hóa"],
            ["Sơn Thị Út", "01/01/2001", datetime(2026, 9, 12)],  # 9/12, month first
            ["Sơn Văn Hai", "01/01/2002", datetime(2026, 10, 12)],  # 10/12, month first
            ["Sơn Văn Ba", "01/01/2003", datetime(2026, 12, 10)],  # 10/12, day first
            ["Sơn Văn Tư", "01/01/2004", datetime(2026, 7, 10)],  # 7/10 (old system), month first
            ["Sơn Văn Năm", "01/01/2005", datetime(2026, 10, 7)],  # 7/10, day first
        ],
    )
    preview = sws.spreadsheets.preview_import(path)
    assert [r.values.get("education") for r in preview.rows] == [
        "9/12", "10/12", "10/12", "7/10", "7/10",
    ]  # fmt: skip
