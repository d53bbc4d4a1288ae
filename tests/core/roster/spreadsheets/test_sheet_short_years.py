"""A row whose date has a year typed short that the import does not read (a bare "98" in a birth
year's cell, as a number or text; "ngày 05 tháng 03 năm 01"; "05/03/1") says, after the cell it
could not read, that the year needs four digits, with the member form's example: the century is
not guessed, the row is rejected (an admission date left out) and nothing of it is written."""

from __future__ import annotations

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
