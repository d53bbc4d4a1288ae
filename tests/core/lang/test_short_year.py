"""A date typed with a short year ("5/3/98") is told that the year needs four digits, not the
generic "dd/mm/yyyy" message; other wrong forms keep theirs. The form and ``members add`` say
it as the parser does."""

from __future__ import annotations

from pathlib import Path

import pytest

from cli_run import cli
from doancoso.core.errors import ValidationError
from doancoso.core.lang.dates import DateFormatError, parse_vn_date
from doancoso.core.roster.validation import parse_member
from doancoso.core.workspace import Workspace

SHORT_YEAR = "Năm phải đủ 4 chữ số, ví dụ 05/03/1998."
BAD_FORMAT = "Ngày phải viết dạng dd/mm/yyyy, ví dụ 05/03/2001."


@pytest.mark.parametrize("text", ["5/3/98", "05/03/98", " 5-3-98 ", "5.3.98", "05/03/1", "5/3/998"])
def test_a_short_year_is_told_it_needs_four_digits(text: str) -> None:
    with pytest.raises(DateFormatError) as info:
        parse_vn_date(text)
    assert str(info.value) == SHORT_YEAR


@pytest.mark.parametrize("text", ["5/3/19980", "1998-03-05", "5/3", "98", "5/3/98/1", "hôm qua"])
def test_other_wrong_forms_keep_their_message(text: str) -> None:
    with pytest.raises(DateFormatError) as info:
        parse_vn_date(text, allow_year=True)
    assert str(info.value) == BAD_FORMAT


def test_the_member_form_says_it_for_the_birth_date() -> None:
    with pytest.raises(ValidationError) as info:
        parse_member({"full_name": "Lê Văn An", "birth_date": "5/3/98"})
    assert info.value.field_errors == {"birth_date": SHORT_YEAR}


def test_members_add_says_it_and_adds_nothing(data_dir: Path) -> None:
    folder = str(data_dir)
    init = ("init", "--data-dir", folder, "--name", "Đoàn xã Tân Hưng", "--superior", "Tỉnh đoàn")
    assert cli(*init).code == 0
    done = cli("members", "add", "--data-dir", folder, "--name", "Lê Văn An", "--birth", "5/3/98")
    assert (done.code, done.out) == (1, "")
    assert done.err == f"Lỗi: Dữ liệu không hợp lệ:\n  --birth: {SHORT_YEAR}\n"
    with Workspace.open(data_dir) as ws:
        assert ws.members.list() == []
