"""A chi đoàn named in an imported sheet, matched to the existing ones: "Chi đoàn", "CĐ" and a
place word ("ấp", "khóm"…) are ignored, but "Tô Châu" is not the tổ of "Châu", a word of
Roman-numeral letters in lower case is a name ("Ấp Vi"), and a number is one whether written in
figures, with or without a leading zero, or in capital Roman numerals ("Ấp III" and "Ấp 03" are
"Ấp 3")."""

from __future__ import annotations

import pytest

from doancoso.core.roster.spreadsheets.preview import BranchResolver

EXISTING = [
    "Chi đoàn Châu", "Chi đoàn Ấp 3", "Chi đoàn Ấp 13", "Chi đoàn Khóm II", "Chi đoàn Vi",
    "Chi đoàn Tân Phú", "Chi đoàn Khóm 5A",
]  # fmt: skip


@pytest.mark.parametrize(
    ("in_file", "meant"),
    [
        ("Ấp 3", "Chi đoàn Ấp 3"),  # not "Ấp 13"
        ("chi doan ap 3", "Chi đoàn Ấp 3"),
        ("CĐ Ấp 3", "Chi đoàn Ấp 3"),
        ("Ấp III", "Chi đoàn Ấp 3"),
        ("ẤP XIII", "Chi đoàn Ấp 13"),
        ("Khóm 2", "Chi đoàn Khóm II"),
        ("Ấp Tân Phú", "Chi đoàn Tân Phú"),
        ("Ap Tan Phu", "Chi đoàn Tân Phú"),
        ("Tổ Châu", "Chi đoàn Châu"),  # the tổ (a place word) of Châu
        ("Ấp Châu", "Chi đoàn Châu"),
        ("Ấp Vi", "Chi đoàn Vi"),  # a name, not the Roman six
        ("Khóm 5a", "Chi đoàn Khóm 5A"),
        ("Ấp 03", "Chi đoàn Ấp 3"),  # a number written with a leading zero
        ("Khóm 05A", "Chi đoàn Khóm 5A"),
    ],
)
def test_a_name_in_the_file_finds_its_chi_doan(in_file: str, meant: str) -> None:
    assert BranchResolver(EXISTING).resolve(in_file) == (meant, False)


@pytest.mark.parametrize(
    "in_file",
    [
        "Tô Châu",  # Tô is a name, not the place word tổ
        "To Chau",  # without tones, "To" may as well be "Tô"
        "Ấp II",  # another place numbered II than "Khóm II"
        "Ấp 5A",  # another place numbered 5A than "Khóm 5A"
        "Ấp VI",  # six: not the name "Vi"
        "Ấp 1",  # not "Ấp 13"
        "Ấp 30",  # not "Ấp 3"
    ],
)
def test_a_name_of_another_place_makes_a_new_chi_doan(in_file: str) -> None:
    assert BranchResolver(EXISTING).resolve(in_file) == (in_file, True)
