"""A roster grouped by chi đoàn, a heading row over each group ("I. CHI ĐOÀN ẤP 1"): the
heading right under the header is no sub-header, and no heading is read as a member."""

from __future__ import annotations

from pathlib import Path

from doancoso.core.roster.spreadsheets import NEW
from doancoso.core.workspace import Workspace


def test_group_headings_are_not_headers_nor_members(
    sws: Workspace, roster, tmp_path: Path, xlsx
) -> None:
    path = xlsx(tmp_path / "ds.xlsx", [
        ["DANH SÁCH ĐOÀN VIÊN NĂM 2026"],
        ["STT", "Họ và tên", "Ngày sinh", "Ghi chú"],
        ["I. CHI ĐOÀN ẤP 1"],
        [1, "Nguyễn Văn An", "05/03/2001"],
        [2, "Trần Văn Bình", "01/02/2002"],
        ["II. CHI ĐOÀN ẤP 2"],
        [3, "Lê Văn Cường", "01/02/2002"],
    ])  # fmt: skip
    preview = sws.spreadsheets.preview_import(path)
    assert preview.header_row == 2
    assert preview.headers == ["STT", "Họ và tên", "Ngày sinh", "Ghi chú"]
    assert preview.mapping == {"full_name": 1, "birth_date": 2, "notes": 3}
    assert [(r.row, r.action) for r in preview.rows] == [(4, NEW), (5, NEW), (7, NEW)]
    assert preview.skipped == [(3, "dòng tiêu đề nhóm"), (6, "dòng tiêu đề nhóm")]
    assert preview.new_branches == []
    sws.spreadsheets.apply_import(preview)
    assert roster() == [
        ("Nguyễn Văn An", "05/03/2001", None),
        ("Trần Văn Bình", "01/02/2002", None),
        ("Lê Văn Cường", "01/02/2002", None),
    ]


def test_a_heading_in_the_name_column_is_no_member(sws: Workspace, tmp_path: Path, xlsx) -> None:
    path = xlsx(tmp_path / "ds.xlsx", [
        ["STT", "Họ và tên", "Ngày sinh"],
        [None, "A. Chi đoàn ấp Tân Phú"],
        [1, "Nguyễn Văn An", "05/03/2001"],
        [None, "B. Chi đoàn ấp Tân Lập"],
        [2, "Trần Văn Bình", "01/02/2002"],
    ])  # fmt: skip
    preview = sws.spreadsheets.preview_import(path)
    assert preview.header_row == 1
    assert [(r.row, r.action) for r in preview.rows] == [(3, NEW), (5, NEW)]
    assert preview.skipped == [(2, "dòng tiêu đề nhóm"), (4, "dòng tiêu đề nhóm")]
