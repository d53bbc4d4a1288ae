"""Rows under the header that are no person: each skipped with the kind of row it is named, so
that a secretary who counts fewer members imported than the file has rows knows why."""

from __future__ import annotations

from pathlib import Path

from sheetfiles import TODAY

from doancoso.core.roster.spreadsheets import NEW
from doancoso.core.workspace import Workspace

HEADER = [["STT", "Họ và tên", "Ngày sinh", None, "Chi đoàn"], [None, None, "Nam", "Nữ", None]]


def test_every_kind_of_skipped_row_is_named(sws: Workspace, roster, tmp_path: Path, xlsx) -> None:
    path = xlsx(tmp_path / "ds.xlsx", [
        ["DANH SÁCH ĐOÀN VIÊN ĐOÀN XÃ TÂN HƯNG"],
        *HEADER,  # rows 2 and 3
        [1, "Nguyễn Văn An", "05/03/2001", None, "Ấp 1"],
        [],  # 5: blank inside the table
        [2, "Trần Thị Bích", None, "12/10/2003", "Ấp 2"],
        *HEADER,  # 7, 8: the header repeated on the second printed page
        ["(1)", "(2)", "(3)", "(4)", "(5)"],
        [3, "Lê Hoàng Phúc", 2000, None, "Ấp 1"],
        [4],  # 11: a numbered row left empty
        [5, "Phạm Thị Duyên", None, "01/01/2002", "Ấp 2"],
        ["Tổng cộng", None, 2, 2, None],  # 13: in the STT column, the counts under Nam and Nữ
        ["Ghi chú: danh sách gồm các đoàn viên đang sinh hoạt tại địa phương."],
        [None, "* Đoàn viên đi làm ăn xa ghi rõ nơi đến."],
        [],
        [None, None, None, "Tân Hưng, ngày 26 tháng 11 năm 2026"],
        [None, "Người lập biểu", None, "TM. BAN CHẤP HÀNH"],
        [None, None, None, "BÍ THƯ"],
        [None, "Trần Văn Lập", None, "Nguyễn Văn Thư"],
    ])  # fmt: skip
    preview = sws.spreadsheets.preview_import(path)
    assert [(r.row, r.action, r.problems) for r in preview.rows] == [
        (4, NEW, []),
        (6, NEW, []),
        (10, NEW, []),
        (12, NEW, []),
    ]
    assert preview.skipped == [
        (5, "dòng trống"),
        (7, "dòng tiêu đề lặp lại"),
        (8, "dòng tiêu đề lặp lại"),
        (9, "dòng đánh số cột"),
        (11, "dòng chỉ có số thứ tự"),
        (13, "dòng tổng cộng"),
        (14, "dòng ghi chú"),
        (15, "dòng ghi chú"),
        (17, "dòng ký tên"),
        (18, "dòng ký tên"),
        (19, "dòng ký tên"),
        (20, "dòng ký tên"),
    ]
    result = sws.spreadsheets.apply_import(preview)
    assert (result.created, result.rejected) == (4, 0)
    assert roster() == [
        ("Nguyễn Văn An", "05/03/2001", "Ấp 1"),
        ("Trần Thị Bích", "12/10/2003", "Ấp 2"),
        ("Phạm Thị Duyên", "01/01/2002", "Ấp 2"),
        ("Lê Hoàng Phúc", "2000", "Ấp 1"),
    ]


def test_a_total_in_the_stt_column_alone_is_named(sws: Workspace, tmp_path: Path, xlsx) -> None:
    path = xlsx(tmp_path / "ds.xlsx", [
        ["STT", "Họ và tên", "Ngày sinh"],
        [1, "Nguyễn Văn An", "05/03/2001"],
        [2, "Tống Công Minh", "01/02/2002"],  # a name, not a total
        ["Tổng cộng: 2 đoàn viên"],
    ])  # fmt: skip
    preview = sws.spreadsheets.preview_import(path)
    assert [(r.row, r.action, r.values["full_name"]) for r in preview.rows] == [
        (2, NEW, "Nguyễn Văn An"),
        (3, NEW, "Tống Công Minh"),
    ]
    assert preview.skipped == [(4, "dòng tổng cộng")]


def test_text_only_in_columns_not_imported_is_named(sws: Workspace, tmp_path: Path, xlsx) -> None:
    path = xlsx(tmp_path / "ds.xlsx", [
        ["STT", "Họ và tên", "Ngày sinh", "Ghi chú"],
        ["I. ĐOÀN VIÊN ĐANG SINH HOẠT"],  # a group heading in the STT column
        [1, "Nguyễn Văn An", "05/03/2001"],
        [None, None, None, "chuyển đến tháng 3"],
        [2, "Trần Văn Bình", "01/02/2002"],
    ])  # fmt: skip
    preview = sws.spreadsheets.preview_import(path, mapping={"full_name": 1, "birth_date": 2})
    assert [(r.row, r.action) for r in preview.rows] == [(3, NEW), (5, NEW)]
    assert preview.skipped == [
        (2, "dòng tiêu đề nhóm"),
        (4, "dòng không có dữ liệu ở các cột được nhập"),
    ]


def test_a_hamlet_list_signed_by_the_hamlet_head(sws: Workspace, tmp_path: Path, xlsx) -> None:
    """The hamlet head signs the youth list, the name under the title, in any column."""
    sws.youth_import.today = lambda: TODAY
    path = xlsx(tmp_path / "kenh-xang.xlsx", [
        ["STT", "Họ và tên", "Năm sinh", "Phái", "Ấp", "Nghề nghiệp", "Hộ nghèo"],
        [1, "Trần Văn Hậu", 2005, "Nam", "Ấp Kênh Xáng", "Làm ruộng", "Có"],
        ["Tổng cộng: 1 thanh niên"],
        [None, None, None, None, None, "Kênh Xáng, ngày 20/11/2026", None],
        [None, None, None, None, None, None, "Trưởng ấp"],
        [None, None, None, None, None, None, "Nguyễn Văn Trưởng"],
    ])  # fmt: skip
    preview = sws.youth_import.preview_import(path)
    assert [(r.row, r.action, r.values["full_name"]) for r in preview.rows] == [
        (2, NEW, "Trần Văn Hậu")
    ]
    assert preview.skipped == [
        (3, "dòng tổng cộng"),
        (4, "dòng ký tên"),
        (5, "dòng ký tên"),
        (6, "dòng ký tên"),
    ]


def test_a_total_in_the_name_column_with_counts_under_nam_and_nu(
    sws: Workspace, tmp_path: Path, xlsx
) -> None:
    path = xlsx(tmp_path / "ds.xlsx", [
        *HEADER,
        [1, "Nguyễn Văn An", "05/03/2001", None, "Ấp 1"],
        [2, "Tống Công", 2002, None, "Ấp 1"],  # a two-word name, its birth year under Nam
        [3, "Trần Thị Bích", None, "12/10/2003", "Ấp 2"],
        [None, "Tổng cộng", 2, 1, None],
        [None, "CỘNG:", "2 nam", "1 nữ", None],
    ])  # fmt: skip
    preview = sws.spreadsheets.preview_import(path)
    assert [(r.row, r.action, r.values["full_name"]) for r in preview.rows] == [
        (3, NEW, "Nguyễn Văn An"),
        (4, NEW, "Tống Công"),
        (5, NEW, "Trần Thị Bích"),
    ]
    assert preview.skipped == [(6, "dòng tổng cộng"), (7, "dòng tổng cộng")]
