"""Dates as Vietnamese documents write them, "ngày 05 tháng 03 năm 2001", are read as 05/03/2001
wherever a date is typed or imported: the member form and ``members add --birth`` said "Ngày
phải viết dạng dd/mm/yyyy", and an import rejected the row. A month and year without the day is
still no date."""

from __future__ import annotations

import unicodedata
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from cli_run import cli
from doancoso.core.lang.dates import DAY, DateFormatError, parse_vn_date
from doancoso.core.workspace import Workspace

BAD_FORMAT = "Ngày phải viết dạng dd/mm/yyyy, ví dụ 05/03/2001."


@pytest.mark.parametrize(
    "text",
    [
        "ngày 05 tháng 03 năm 2001",
        "Ngày 5 tháng 3 năm 2001",
        "NGÀY 05 THÁNG 03 NĂM 2001",
        " ngày  5  tháng 3  năm 2001 ",
        "5 tháng 3 năm 2001",
        "ngày mùng 5 tháng 3 năm 2001",
        "mồng 5 tháng 3, năm 2001",
        unicodedata.normalize("NFD", "ngày 05 tháng 03 năm 2001"),  # pasted from some programs
    ],
)
def test_the_written_form_is_a_date(text: str) -> None:
    assert parse_vn_date(text) == (date(2001, 3, 5), DAY)
    assert parse_vn_date(text, allow_year=True) == (date(2001, 3, 5), DAY)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("ngày 31 tháng 02 năm 2001", "Ngày 31/02/2001 không có trên lịch."),
        ("ngày 5 tháng 13 năm 2001", "Ngày 05/13/2001 không có trên lịch."),
        # a month and a year are no full date: the whole date, or the year of birth alone
        ("05/2001", "Nhập đủ ngày/tháng/năm (ví dụ 01/05/2001) hoặc chỉ năm sinh (2001)."),
        ("tháng 03 năm 2001", BAD_FORMAT),
        ("ngày 05 tháng 03", BAD_FORMAT),
        ("ngày 05 tháng 03 năm 01", "Năm phải đủ 4 chữ số, ví dụ ngày 05 tháng 03 năm 2001."),
    ],
)
def test_a_written_date_that_is_none_is_refused(text: str, message: str) -> None:
    with pytest.raises(DateFormatError) as info:
        parse_vn_date(text, allow_year=True)
    assert str(info.value) == message


@pytest.fixture
def folder(data_dir: Path) -> str:
    init = ["--name", "Đoàn xã Tân Hưng", "--superior", "Tỉnh đoàn Cà Mau"]
    assert cli("init", "--data-dir", str(data_dir), *init).code == 0
    return str(data_dir)


def _births(folder: str) -> list[tuple[str, date, date | None]]:
    with Workspace.open(Path(folder)) as ws:
        records = [ws.members.get(row.id).fields for row in ws.members.list()]
    return [(f.full_name, f.birth_date, f.admission_date) for f in records]


def test_members_add_takes_the_written_form(folder: str) -> None:
    done = cli(
        "members", "add", "--data-dir", folder, "--name", "Lê Văn An",
        "--birth", "ngày 05 tháng 03 năm 2001", "--admission-date", "Ngày 26 tháng 3 năm 2017",
    )  # fmt: skip
    assert (done.code, done.err) == (0, ""), done.err
    assert done.out == "Đã thêm đoàn viên Lê Văn An.\n"
    assert _births(folder) == [("Lê Văn An", date(2001, 3, 5), date(2017, 3, 26))]


def test_members_add_refuses_a_month_and_year_and_adds_nothing(folder: str) -> None:
    done = cli("members", "add", "--data-dir", folder, "--name", "Lê Văn An", "--birth", "03/2001")
    assert (done.code, done.out) == (1, "")
    assert done.err == (
        "Lỗi: Dữ liệu không hợp lệ:\n"
        "  --birth: Nhập đủ ngày/tháng/năm (ví dụ 01/03/2001) hoặc chỉ năm sinh (2001).\n"
    )
    assert _births(folder) == []


def test_an_import_row_with_the_written_form_is_imported(folder: str, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (
        ["STT", "Họ và tên", "Ngày sinh", "Ngày vào Đoàn"],
        [1, "Trần Thị Bình", "ngày 05 tháng 03 năm 2001", "Ngày 26 tháng 3 năm 2017"],
        [2, "Võ Văn Cường", "05/2001", ""],
    ):
        sheet.append(row)
    path = tmp_path / "ds.xlsx"
    book.save(path)
    done = cli("members", "import", str(path), "--skip-rejected", "--data-dir", folder)
    assert (done.code, done.err) == (0, ""), done.err
    assert "Dòng 3" in done.out and "Ngày sinh không đọc được: “05/2001”." in done.out
    assert _births(folder) == [("Trần Thị Bình", date(2001, 3, 5), date(2017, 3, 26))]
