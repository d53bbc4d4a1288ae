"""Group headings typed all in lower case without tones, by a secretary without a Vietnamese
keyboard ("chi doan ap tan hoa", "ap 3" on a row by themselves): headings as their capitalised
or toned spellings are. The chi đoàn one names is an existing one matched without tones, or a new
one under the heading's text as written, named in the preview as every new chi đoàn is; a row
with a name only and a note stay what they were (a person's row, rejected as one)."""

from __future__ import annotations

from pathlib import Path

import pytest

from doancoso.core.roster.spreadsheets import NEW, REJECTED
from doancoso.core.roster.spreadsheets.groups import group_heading, heading_branch, heading_hamlet
from doancoso.core.workspace import Workspace

GROUP = "dòng tiêu đề nhóm"


@pytest.mark.parametrize(
    ("text", "branch", "hamlet"),
    [
        ("chi doan ap tan hoa", "ap tan hoa", "ap tan hoa"),
        ("chi doan tan hoa", "tan hoa", None),
        ("chi doan khom 5a", "khom 5a", "khom 5a"),
        ("ap tan hoa", None, "ap tan hoa"),
        ("ap 3", None, "ap 3"),
        ("thon dong", None, "thon dong"),
        ("khu pho binh an", None, "khu pho binh an"),
    ],
)
def test_a_toneless_lower_case_heading_is_read_as_its_toned_spelling(
    text: str, branch: str | None, hamlet: str | None
) -> None:
    assert group_heading([text]) == text
    assert (heading_branch(text), heading_hamlet(text)) == (branch, hamlet)


@pytest.mark.parametrize(
    "text",
    [
        "nguyen van an",  # a person's name only
        "ap dung cho doan vien",  # a note: "áp dụng cho đoàn viên"
        "ap luc hoc tap",
        "khom lung",
        "chi doan sinh hoat",  # the words of a header on two rows
        "ap khu pho",
        "to dan pho",
        "to 3",  # "to" without its marks is as likely "Tô", a name
        "chi doan ap tan hoa da sinh hoat day du",  # a sentence
    ],
)
def test_other_toneless_lower_case_rows_are_no_heading(text: str) -> None:
    assert group_heading([text]) is None


def test_members_under_toneless_headings_take_their_chi_doan(
    sws: Workspace, roster, tmp_path: Path, xlsx
) -> None:
    """ "chi doan ap bao sen" is the existing "Chi đoàn ấp Bào Sen"; "chi doan ap tan hoa"
    names none and makes "Ap tan hoa", as a "Chi đoàn" cell "ap tan hoa" would be written;
    "ap 3" names a place but no chi đoàn, as "Ấp 3" does, and ends the group."""
    sws.branches.create("Chi đoàn ấp Bào Sen")
    path = xlsx(tmp_path / "ds.xlsx", [
        ["STT", "Họ và tên", "Ngày sinh", "Chi đoàn"],
        [None, "chi doan ap bao sen"],
        [1, "Nguyễn Văn An", "05/03/2001"],
        [None, "chi doan ap tan hoa"],
        [2, "Trần Văn Bình", "01/02/2002"],
        [3, "nguyen van cuong"],
        [4, "Lê Thị Dung", "03/04/2003", "ap tan hoa"],
        [None, "ap 3"],
        [5, "Phạm Văn Em", "04/05/2004"],
        [None, "ap dung cho doan vien"],
    ])  # fmt: skip
    preview = sws.spreadsheets.preview_import(path)
    assert [(r.row, r.action, r.values.get("branch")) for r in preview.rows] == [
        (3, NEW, "Chi đoàn ấp Bào Sen"),
        (5, NEW, "Ap tan hoa"),
        (6, REJECTED, "Ap tan hoa"),
        (7, NEW, "Ap tan hoa"),
        (9, NEW, None),
        (10, REJECTED, None),
    ]
    assert [p.message for p in preview.rows[2].problems] == ["Thiếu ngày sinh."]
    assert [p.message for p in preview.rows[5].problems] == ["Thiếu ngày sinh."]
    assert preview.skipped == [(2, GROUP), (4, GROUP), (8, GROUP)]
    assert preview.new_branches == ["Ap tan hoa"]
    assert preview.from_headings() == 2
    result = sws.spreadsheets.apply_import(preview)
    assert result.branches_created == ("Ap tan hoa",)
    assert roster() == [
        ("Nguyễn Văn An", "05/03/2001", "Chi đoàn ấp Bào Sen"),
        ("Trần Văn Bình", "01/02/2002", "Ap tan hoa"),
        ("Lê Thị Dung", "03/04/2003", "Ap tan hoa"),
        ("Phạm Văn Em", "04/05/2004", None),
    ]


def test_headings_and_cells_in_capitals_make_their_chi_doan_as_written(
    sws: Workspace, roster, tmp_path: Path, xlsx
) -> None:
    """A heading in capitals makes its chi đoàn as written, "ẤP 1", as a "Chi đoàn" cell in
    capitals does ("ẤP 2"): neither is recased (a name in capitals may hold a Roman number or
    an abbreviation, which no recasing gets right)."""
    path = xlsx(tmp_path / "ds.xlsx", [
        ["STT", "Họ và tên", "Ngày sinh", "Chi đoàn"],
        ["I. CHI ĐOÀN ẤP 1"],
        [1, "Nguyễn Văn An", "05/03/2001"],
        [2, "Trần Văn Bình", "01/02/2002", "ẤP 2"],
        [3, "Lê Văn Cường", "01/02/2002", "CHI ĐOÀN ẤP 1"],
    ])  # fmt: skip
    preview = sws.spreadsheets.preview_import(path)
    assert preview.new_branches == ["ẤP 1", "ẤP 2"]
    sws.spreadsheets.apply_import(preview)
    assert roster() == [
        ("Nguyễn Văn An", "05/03/2001", "ẤP 1"),
        ("Trần Văn Bình", "01/02/2002", "ẤP 2"),
        ("Lê Văn Cường", "01/02/2002", "ẤP 1"),
    ]


def test_young_people_under_a_toneless_heading_take_its_hamlet(
    sws: Workspace, tmp_path: Path, xlsx
) -> None:
    from sheetfiles import TODAY

    from doancoso.core.youth.service import YouthFilter

    sws.youth_import.today = lambda: TODAY
    path = xlsx(tmp_path / "tn.xlsx", [
        ["STT", "Họ tên", "Năm sinh"],
        [None, "ap tan hoa"],
        [1, "Trần Văn Hậu", 2005],
        [None, "chi doan ap bao sen"],
        [2, "Lê Văn Tài", 2003],
    ])  # fmt: skip
    preview = sws.youth_import.preview_import(path)
    assert preview.skipped == [(2, GROUP), (4, GROUP)]
    assert [(r.row, r.values["hamlet"]) for r in preview.rows] == [
        (3, "Ap tan hoa"),
        (5, "Ap bao sen"),
    ]
    sws.youth_import.apply_import(preview)
    records = [sws.youth.get(i).fields for i in sws.youth.ids(YouthFilter(include_admitted=True))]
    assert {(f.full_name, f.hamlet) for f in records} == {
        ("Trần Văn Hậu", "Ap tan hoa"),
        ("Lê Văn Tài", "Ap bao sen"),
    }
