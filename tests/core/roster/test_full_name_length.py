"""A full name longer than any real one (a paragraph pasted by mistake) is refused with its
length: in the member form, the youth register's form and ``doancoso members add``; nothing is
written. The imports: ``spreadsheets/test_full_name_length_import.py``."""

from __future__ import annotations

from pathlib import Path

import pytest

from cli_run import cli
from doancoso.core.errors import ValidationError
from doancoso.core.roster.validation import LONGEST_FULL_NAME, parse_member
from doancoso.core.workspace import Workspace
from doancoso.core.youth.service import parse_youth

# A pasted sentence of 121 characters (no digit, so only its length is wrong).
PARAGRAPH = "Nguyễn Văn An là đoàn viên tiêu biểu của chi đoàn ấp Tân Hòa trong nhiều năm liền " + (
    "và luôn gương mẫu đi đầu mọi phong trào"
)
TOO_LONG = (
    "Họ và tên dài 121 ký tự, quá 100 ký tự cho phép: hãy kiểm tra lại, có thể đã dán nhầm cả "
    "một đoạn văn."
)
# A name at the limit: the royal family name "Công Tằng Tôn Nữ" and many middle names.
LONGEST = "Công Tằng Tôn Nữ Thị " + "Ngọc " * 15 + "Hằng"


def test_the_limit_and_a_name_at_it() -> None:
    assert LONGEST_FULL_NAME == 100
    assert len(PARAGRAPH) == 121 and len(LONGEST) == 100
    assert parse_member({"full_name": LONGEST, "birth_date": "05/03/2001"}).full_name == LONGEST


def test_the_member_form_refuses_a_paragraph() -> None:
    with pytest.raises(ValidationError) as info:
        parse_member({"full_name": PARAGRAPH, "birth_date": "05/03/2001"})
    assert info.value.field_errors == {"full_name": TOO_LONG}


def test_the_youth_form_refuses_a_paragraph() -> None:
    with pytest.raises(ValidationError) as info:
        parse_youth({"full_name": PARAGRAPH, "birth_date": "05/03/2001"})
    assert info.value.field_errors == {"full_name": TOO_LONG}


def test_members_add_refuses_a_paragraph(data_dir: Path) -> None:
    folder = str(data_dir)
    init = ("init", "--data-dir", folder, "--name", "Đoàn xã Tân Hưng", "--superior", "Tỉnh đoàn")
    assert cli(*init).code == 0
    result = cli(
        "members", "add", "--data-dir", folder, "--name", PARAGRAPH, "--birth", "05/03/2001"
    )
    assert (result.code, result.out, result.err) == (
        1,
        "",
        f"Lỗi: Dữ liệu không hợp lệ:\n  --name: {TOO_LONG}\n",
    )
    with Workspace.open(data_dir) as ws:
        assert ws.members.list() == []
