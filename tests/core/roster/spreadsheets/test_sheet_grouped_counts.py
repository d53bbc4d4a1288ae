"""A chi đoàn heading with its count beside it ("I" | "CHI ĐOÀN ẤP 1" | "25 đoàn viên"): still a
heading giving its chi đoàn, never a member; a date or a CCCD beside the same words is a
member's data, and the row stays a person's (rejected as one)."""

from __future__ import annotations

from pathlib import Path

import pytest

from doancoso.core.roster.spreadsheets import NEW, REJECTED
from doancoso.core.roster.spreadsheets.groups import group_heading
from doancoso.core.workspace import Workspace

GROUP = "dòng tiêu đề nhóm"


@pytest.mark.parametrize(
    ("texts", "heading"),
    [
        (["I", "CHI ĐOÀN ẤP 1", "25 đoàn viên"], "I. CHI ĐOÀN ẤP 1"),
        (["I", "CHI ĐOÀN ẤP 1", "25"], "I. CHI ĐOÀN ẤP 1"),
        (["II. Chi đoàn Ấp Tân Lập", "25 ĐV"], "II. Chi đoàn Ấp Tân Lập"),
        (["Chi đoàn Ấp Tân Hòa", "(25)"], "Chi đoàn Ấp Tân Hòa"),
        (["B", "Chi đoàn thôn Đông", "(12 đoàn viên)"], "B. Chi đoàn thôn Đông"),
        (["3. Tổ 3", "7 đv"], "3. Tổ 3"),
    ],
)
def test_a_count_beside_a_heading_keeps_it_a_heading(texts: list[str], heading: str) -> None:
    assert group_heading(texts) == heading


@pytest.mark.parametrize(
    "texts",
    [
        ["I", "CHI ĐOÀN ẤP 1", "05/03/2001"],  # a birth date
        ["Chi đoàn Ấp Tân Hòa", "2001"],  # a birth year
        ["B", "Chi đoàn thôn Đông", "079201001234"],  # a CCCD
        ["2", "Nguyễn Văn An", "25"],  # a person and a number
        ["25"],  # a count alone
        ["I", "25 đoàn viên"],
    ],
)
def test_member_data_beside_heading_words_is_no_heading(texts: list[str]) -> None:
    assert group_heading(texts) is None


def test_headings_with_counts_give_their_chi_doan(
    sws: Workspace, roster, tmp_path: Path, xlsx
) -> None:
    """The count as text or as a number, in the birth date's column or in a column the import
    does not read, beside a mark in the STT column or a numbered title."""
    path = xlsx(tmp_path / "ds.xlsx", [
        ["STT", "Họ và tên", "Ngày sinh", "Ghi chú"],
        ["I", "CHI ĐOÀN ẤP 1", "25 đoàn viên"],
        [1, "Nguyễn Văn An", "05/03/2001"],
        ["II", "CHI ĐOÀN ẤP 2", None, 25],
        [2, "Trần Văn Bình", "01/02/2002"],
        [None, "III. Chi đoàn Ấp Tân Lập", "(12)"],
        [3, "Lê Văn Cường", "01/02/2002"],
        ["IV. CHI ĐOÀN ẤP 4", None, None, "25 ĐV"],
        [4, "Phạm Thị Dung", "03/04/2003"],
        [None, "V. Chi đoàn Ấp 5", 8],
        [5, "Võ Văn Em", "04/05/2004"],
    ])  # fmt: skip
    preview = sws.spreadsheets.preview_import(path)
    assert preview.header_row == 1
    assert preview.skipped == [(2, GROUP), (4, GROUP), (6, GROUP), (8, GROUP), (10, GROUP)]
    assert [(r.row, r.action, r.values.get("branch")) for r in preview.rows] == [
        (3, NEW, "ẤP 1"),
        (5, NEW, "ẤP 2"),
        (7, NEW, "Ấp Tân Lập"),
        (9, NEW, "ẤP 4"),
        (11, NEW, "Ấp 5"),
    ]
    assert preview.from_headings() == 5
    sws.spreadsheets.apply_import(preview)
    assert roster() == [
        ("Nguyễn Văn An", "05/03/2001", "ẤP 1"),
        ("Trần Văn Bình", "01/02/2002", "ẤP 2"),
        ("Lê Văn Cường", "01/02/2002", "Ấp Tân Lập"),
        ("Phạm Thị Dung", "03/04/2003", "ẤP 4"),
        ("Võ Văn Em", "04/05/2004", "Ấp 5"),
    ]


def test_a_date_or_a_cccd_beside_heading_words_is_a_person(
    sws: Workspace, tmp_path: Path, xlsx
) -> None:
    """A row with the words of a heading and a date (in a column not imported) or a CCCD is a
    person's row without a birth date: rejected as one, not skipped; the heading above still
    gives the members after it their chi đoàn."""
    path = xlsx(tmp_path / "ds.xlsx", [
        ["STT", "Họ và tên", "Ngày sinh", "Số CCCD", "Ghi chú"],
        ["I", "CHI ĐOÀN ẤP 1", "25 đoàn viên"],
        [1, "Nguyễn Văn An", "05/03/2001"],
        ["II", "CHI ĐOÀN ẤP 2", None, None, "05/03/2001"],
        [None, "Chi đoàn Ấp Tân Hòa", None, "079201001234"],
        [2, "Trần Văn Bình", "01/02/2002"],
    ])  # fmt: skip
    preview = sws.spreadsheets.preview_import(path)
    assert preview.skipped == [(2, GROUP)]
    assert [(r.row, r.action, r.values.get("branch")) for r in preview.rows] == [
        (3, NEW, "ẤP 1"),
        (4, REJECTED, "ẤP 1"),
        (5, REJECTED, "ẤP 1"),
        (6, NEW, "ẤP 1"),
    ]
    assert [p.message for p in preview.rows[1].problems] == [
        "Họ và tên “Chi Đoàn Ấp 2” có chữ số.",
        "Thiếu ngày sinh.",
    ]
    assert [p.message for p in preview.rows[2].problems] == ["Thiếu ngày sinh."]
