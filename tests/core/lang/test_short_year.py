"""A date typed with a short year ("5/3/98", "ngày 05 tháng 03 năm 01", a bare "98" where a
birth year may be) is told that the year needs four digits, with an example in the form typed,
not the generic "dd/mm/yyyy" message; other wrong forms keep theirs. The century is never
guessed: the date is refused, the example's year (the one nearest today that ends in the digits
typed) only shown. The form, ``members add`` and an import's row say it as the parser does."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from cli_run import cli
from doancoso.core.errors import ValidationError
from doancoso.core.lang.dates import DateFormatError, parse_vn_date, short_year_message
from doancoso.core.roster.validation import parse_member
from doancoso.core.workspace import Workspace

SHORT_YEAR = "Năm phải đủ 4 chữ số, ví dụ 05/03/1998."
BAD_FORMAT = "Ngày phải viết dạng dd/mm/yyyy, ví dụ 05/03/2001."


@pytest.mark.parametrize("text", ["5/3/98", "05/03/98", " 5-3-98 ", "5.3.98", "5/3/998"])
def test_a_short_year_is_told_it_needs_four_digits(text: str) -> None:
    with pytest.raises(DateFormatError) as info:
        parse_vn_date(text)
    assert str(info.value) == SHORT_YEAR


@pytest.mark.parametrize(
    ("text", "example"),
    [
        ("5/3/05", "05/03/2005"),
        ("ngày 05 tháng 03 năm 01", "ngày 05 tháng 03 năm 2001"),
        ("Ngày 5 tháng 3 năm 98", "ngày 05 tháng 03 năm 1998"),
        ("NGÀY 20 THÁNG 11 NĂM 98", "ngày 20 tháng 11 năm 1998"),
        ("mùng 5 tháng 3, năm 05", "ngày 05 tháng 03 năm 2005"),
        ("ngày 31 tháng 02 năm 01", "ngày 05 tháng 03 năm 1998"),  # no such day: the usual one
    ],
)
def test_the_example_is_built_from_what_was_typed(text: str, example: str) -> None:
    for allow_year in (False, True):
        with pytest.raises(DateFormatError) as info:
            parse_vn_date(text, allow_year=allow_year)
        assert str(info.value) == f"Năm phải đủ 4 chữ số, ví dụ {example}."


@pytest.mark.parametrize(
    ("text", "today", "example"),
    [
        ("5/3/98", date(2026, 12, 7), "05/03/1998"),
        ("5/3/27", date(2026, 12, 7), "05/03/2027"),  # a plan's date of next year
        ("5/3/76", date(2026, 12, 7), "05/03/1976"),  # as near as 2076: the earlier
        ("05/03/1", date(2026, 12, 7), "05/03/2021"),
        ("05/03/1", date(2027, 1, 1), "05/03/2031"),
        ("5/3/998", date(2026, 12, 7), "05/03/1998"),
    ],
)
def test_the_example_year_is_the_nearest_today(text: str, today: date, example: str) -> None:
    message = short_year_message(text, today=today)
    assert message == f"Năm phải đủ 4 chữ số, ví dụ {example}."


@pytest.mark.parametrize(("text", "example"), [("98", "1998"), (" 01 ", "2001"), ("998", "1998")])
def test_a_bare_short_year_is_told_it_where_a_year_is_taken(text: str, example: str) -> None:
    with pytest.raises(DateFormatError) as info:
        parse_vn_date(text, allow_year=True)
    assert str(info.value) == f"Năm phải đủ 4 chữ số, ví dụ {example}."
    with pytest.raises(DateFormatError) as info:  # where a full date is needed, it is no date
        parse_vn_date(text)
    assert str(info.value) == BAD_FORMAT


@pytest.mark.parametrize(("text", "example"), [("75", "1975"), ("30", "1930"), ("26", "2026")])
def test_a_bare_year_is_a_year_of_birth_and_its_example_never_after_today(
    text: str, example: str
) -> None:
    message = short_year_message(text, allow_year=True, today=date(2026, 12, 7))
    assert message == f"Năm phải đủ 4 chữ số, ví dụ {example}."


@pytest.mark.parametrize(
    "text", ["5/3/19980", "1998-03-05", "5/3", "5", "19980", "5/3/98/1", "hôm qua"]
)
def test_other_wrong_forms_keep_their_message(text: str) -> None:
    with pytest.raises(DateFormatError) as info:
        parse_vn_date(text, allow_year=True)
    assert str(info.value) == BAD_FORMAT


def test_the_member_form_says_it_for_the_birth_date() -> None:
    with pytest.raises(ValidationError) as info:
        parse_member({"full_name": "Lê Văn An", "birth_date": "5/3/98"})
    assert info.value.field_errors == {"birth_date": SHORT_YEAR}


def test_the_member_form_says_it_for_a_birth_year() -> None:
    with pytest.raises(ValidationError) as info:
        parse_member({"full_name": "Lê Văn An", "birth_date": "98"})
    assert info.value.field_errors == {"birth_date": "Năm phải đủ 4 chữ số, ví dụ 1998."}


def test_members_add_says_it_and_adds_nothing(data_dir: Path) -> None:
    folder = str(data_dir)
    init = ("init", "--data-dir", folder, "--name", "Đoàn xã Tân Hưng", "--superior", "Tỉnh đoàn")
    assert cli(*init).code == 0
    done = cli("members", "add", "--data-dir", folder, "--name", "Lê Văn An", "--birth", "5/3/98")
    assert (done.code, done.out) == (1, "")
    assert done.err == f"Lỗi: Dữ liệu không hợp lệ:\n  --birth: {SHORT_YEAR}\n"
    with Workspace.open(data_dir) as ws:
        assert ws.members.list() == []


def test_members_add_says_it_for_a_written_date_and_adds_nothing(data_dir: Path) -> None:
    folder = str(data_dir)
    init = ("init", "--data-dir", folder, "--name", "Đoàn xã Tân Hưng", "--superior", "Tỉnh đoàn")
    assert cli(*init).code == 0
    written = "ngày 05 tháng 03 năm 01"
    done = cli("members", "add", "--data-dir", folder, "--name", "Lê Văn An", "--birth", written)
    assert (done.code, done.out) == (1, "")
    assert done.err == (
        "Lỗi: Dữ liệu không hợp lệ:\n"
        "  --birth: Năm phải đủ 4 chữ số, ví dụ ngày 05 tháng 03 năm 2001.\n"
    )
    with Workspace.open(data_dir) as ws:
        assert ws.members.list() == []
