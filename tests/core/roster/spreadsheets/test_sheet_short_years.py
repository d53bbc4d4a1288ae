"""A row whose date has a year typed short that the import does not read (a bare "98" in a birth
year's cell, as a number or text; "ngày 05 tháng 03 năm 01"; "05/03/1") says, after the cell it
could not read, that the year needs four digits, with the member form's example: the century is
not guessed, the row is rejected (an admission date left out) and nothing of it is written."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from doancoso.core.roster.spreadsheets import NEW, REJECTED
from doancoso.core.workspace import Workspace


def test_a_short_year_is_told_what_it_needs(sws: Workspace, roster, tmp_path: Path, xlsx) -> None:
    path = xlsx(tmp_path / "ds.xlsx", [
        ["STT", "Họ và tên", "Năm sinh", "Ngày vào Đoàn"],
        [1, "Nguyễn Văn An", 98],
        [2, "Trần Thị Bình", "98"],
        [3, "Lê Văn Cường", "ngày 05 tháng 03 năm 01"],
        [4, "Phạm Thị Dung", "05/03/1"],
        [5, "Võ Văn Em", 2004, "ngày 26 tháng 3 năm 21"],
        [6, "Đỗ Thị Giang", "ngày 05 tháng 06 năm 2005", "26/03/2021"],
    ])  # fmt: skip
    preview = sws.spreadsheets.preview_import(path)
    assert [(r.row, r.action) for r in preview.rows] == [
        (2, REJECTED), (3, REJECTED), (4, REJECTED), (5, REJECTED), (6, NEW), (7, NEW),
    ]  # fmt: skip
    assert preview.problems == [
        (2, "Ngày sinh không đọc được: “98”. Năm phải đủ 4 chữ số, ví dụ 1998."),
        (3, "Ngày sinh không đọc được: “98”. Năm phải đủ 4 chữ số, ví dụ 1998."),
        (4, "Ngày sinh không đọc được: “ngày 05 tháng 03 năm 01”. Năm phải đủ 4 chữ số, ví dụ "
            "ngày 05 tháng 03 năm 2001."),
        (5, "Ngày sinh không đọc được: “05/03/1”. Năm phải đủ 4 chữ số, ví dụ 05/03/2021."),
        (6, "Ngày vào Đoàn không đọc được: “ngày 26 tháng 3 năm 21”. Năm phải đủ 4 chữ số, ví dụ "
            "ngày 26 tháng 03 năm 2021."),
    ]  # fmt: skip
    sws.spreadsheets.apply_import(preview)
    assert roster() == [("Võ Văn Em", "2004", None), ("Đỗ Thị Giang", "05/06/2005", None)]
    admitted = [sws.members.get(r.id).fields.admission_date for r in sws.members.list()]
    assert [str(day) for day in admitted] == ["None", "2021-03-26"]


def test_a_two_digit_year_is_refused_as_the_member_form_refuses_it(
    sws: Workspace, roster, tmp_path: Path, xlsx
) -> None:
    """A birth date "5/3/98" is not read as 05/03/1998: the century is never guessed, the row
    is rejected with the form's message and nothing is imported."""
    path = xlsx(tmp_path / "ds.xlsx", [
        ["STT", "Họ và tên", "Ngày sinh"],
        [1, "Nguyễn Văn An", "5/3/98"],
    ])  # fmt: skip
    preview = sws.spreadsheets.preview_import(path)
    assert [(r.row, r.action) for r in preview.rows] == [(2, REJECTED)]
    assert preview.problems == [
        (2, "Ngày sinh không đọc được: “5/3/98”. Năm phải đủ 4 chữ số, ví dụ 05/03/1998."),
    ]
    result = sws.spreadsheets.apply_import(preview)
    assert (result.created, result.updated, result.rejected) == (0, 0, 1)
    assert roster() == []


def test_a_joining_date_with_two_digits_is_left_out_and_full_dates_are_read(
    sws: Workspace, roster, tmp_path: Path, xlsx
) -> None:
    """A joining date "26/3/21" is left out with the form's message, as any date of joining
    that cannot be read (the member kept); a real date cell and "05/03/1998" typed whole are
    read as before."""
    path = xlsx(tmp_path / "ds.xlsx", [
        ["STT", "Họ và tên", "Ngày sinh", "Ngày vào Đoàn"],
        [1, "Nguyễn Văn An", "05/03/1998", "26/3/21"],
        [2, "Trần Thị Bình", date(2001, 6, 5), "26-03-05"],
        [3, "Lê Văn Cường", "5.3.1999", date(2016, 3, 26)],
    ])  # fmt: skip
    preview = sws.spreadsheets.preview_import(path)
    assert [(r.row, r.action) for r in preview.rows] == [(2, NEW), (3, NEW), (4, NEW)]
    assert preview.problems == [
        (2, "Ngày vào Đoàn không đọc được: “26/3/21”. Năm phải đủ 4 chữ số, ví dụ 26/03/2021."),
        (3, "Ngày vào Đoàn không đọc được: “26-03-05”. Năm phải đủ 4 chữ số, ví dụ 26/03/2005."),
    ]
    sws.spreadsheets.apply_import(preview)
    assert roster() == [
        ("Nguyễn Văn An", "05/03/1998", None),
        ("Trần Thị Bình", "05/06/2001", None),
        ("Lê Văn Cường", "05/03/1999", None),
    ]
    fields = [sws.members.get(r.id).fields for r in sws.members.list()]
    admitted = {f.full_name: f.admission_date for f in fields}
    assert admitted == {"Nguyễn Văn An": None, "Trần Thị Bình": None,
                        "Lê Văn Cường": date(2016, 3, 26)}  # fmt: skip
