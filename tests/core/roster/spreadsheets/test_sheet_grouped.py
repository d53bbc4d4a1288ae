"""A roster grouped by chi đoàn, a heading row over each group ("I. CHI ĐOÀN ẤP 1"): the
heading right under the header is no sub-header, no heading is read as a member, and the members
under a heading naming a chi đoàn go into it unless their own "Chi đoàn" cell says otherwise."""

from __future__ import annotations

from pathlib import Path

from doancoso.core.roster.spreadsheets import NEW, REJECTED, UNCHANGED, UPDATE
from doancoso.core.workspace import Workspace

GROUP = "dòng tiêu đề nhóm"


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
    assert preview.new_branches == ["ẤP 1", "ẤP 2"]  # the headings' names, as written
    sws.spreadsheets.apply_import(preview)
    assert roster() == [
        ("Nguyễn Văn An", "05/03/2001", "ẤP 1"),
        ("Trần Văn Bình", "01/02/2002", "ẤP 1"),
        ("Lê Văn Cường", "01/02/2002", "ẤP 2"),
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


def test_members_take_the_chi_doan_of_merged_numbered_headings(
    sws: Workspace, roster, tmp_path: Path, xlsx
) -> None:
    """Headings merged across the row: the members under "I. CHI ĐOÀN ẤP 1" go into the
    existing "Chi đoàn Ấp 1" (case and tones ignored), those under "II. Chi đoàn ấp Tân Lập"
    into a new "Ấp Tân Lập"; a row's own "Chi đoàn" cell wins; a heading naming no chi đoàn
    ("III. ĐOÀN VIÊN ĐI LÀM ĂN XA") ends the group: its members get none."""
    sws.branches.create("Chi đoàn Ấp 1")
    path = xlsx(tmp_path / "ds.xlsx", [
        ["DANH SÁCH ĐOÀN VIÊN NĂM 2026"],
        ["STT", "Họ và tên", "Ngày sinh", "Chi đoàn"],
        ["I. CHI ĐOÀN ẤP 1"],
        [1, "Nguyễn Văn An", "05/03/2001"],
        [2, "Trần Văn Bình", "01/02/2002", "Ấp 2"],
        ["II. Chi   đoàn ấp Tân Lập"],
        [3, "Lê Văn Cường", "01/02/2002"],
        [4, "Phạm Thị Dung", "03/04/2003", ""],
        ["III. ĐOÀN VIÊN ĐI LÀM ĂN XA"],
        [5, "Võ Văn Em", "04/05/2004"],
    ], merges=["A3:D3", "A6:D6", "A9:D9"])  # fmt: skip
    preview = sws.spreadsheets.preview_import(path)
    assert [(r.row, r.action, r.values.get("branch")) for r in preview.rows] == [
        (4, NEW, "Chi đoàn Ấp 1"),
        (5, NEW, "Ấp 2"),
        (7, NEW, "Ấp Tân Lập"),
        (8, NEW, "Ấp Tân Lập"),
        (10, NEW, None),
    ]
    assert preview.skipped == [(3, GROUP), (6, GROUP), (9, GROUP)]
    assert preview.new_branches == ["Ấp 2", "Ấp Tân Lập"]
    assert preview.from_headings() == 3
    result = sws.spreadsheets.apply_import(preview)
    assert result.branches_created == ("Ấp 2", "Ấp Tân Lập")
    assert roster() == [
        ("Nguyễn Văn An", "05/03/2001", "Chi đoàn Ấp 1"),
        ("Trần Văn Bình", "01/02/2002", "Ấp 2"),
        ("Lê Văn Cường", "01/02/2002", "Ấp Tân Lập"),
        ("Phạm Thị Dung", "03/04/2003", "Ấp Tân Lập"),
        ("Võ Văn Em", "04/05/2004", None),
    ]


def test_unmerged_headings_numbered_or_not(sws: Workspace, roster, tmp_path: Path, xlsx) -> None:
    """Headings in the name column or the STT column, numbered or not, the numbering in its own
    cell; "chi đoàn" typed without tones still names one; "Tổ 3" and "Danh sách đoàn viên nữ"
    name none and end the group; a person without a birth date is still rejected, not read as
    a heading."""
    sws.branches.create("Chi đoàn ấp Bào Sen")
    path = xlsx(tmp_path / "ds.xlsx", [
        ["STT", "Họ và tên", "Ngày sinh"],
        [None, "Chi đoàn Ấp Tân Hòa"],
        [1, "Nguyễn Văn An", "05/03/2001"],
        ["2. Chi đoàn thôn Đông"],
        [2, "Trần Văn Bình", "01/02/2002"],
        [3, "Lê Văn Cường"],
        [None, "Tổ 3"],
        [4, "Phạm Thị Dung", "03/04/2003"],
        ["B", "CHI DOAN AP BAO SEN"],
        [5, "Võ Văn Em", "04/05/2004"],
        [None, "Danh sách đoàn viên nữ"],
        [6, "Đỗ Thị Giang", "05/06/2005"],
    ])  # fmt: skip
    preview = sws.spreadsheets.preview_import(path)
    assert [(r.row, r.action, r.values.get("branch")) for r in preview.rows] == [
        (3, NEW, "Ấp Tân Hòa"),
        (5, NEW, "Thôn Đông"),
        (6, REJECTED, "Thôn Đông"),
        (8, NEW, None),
        (10, NEW, "Chi đoàn ấp Bào Sen"),
        (12, NEW, None),
    ]
    assert [p.message for p in preview.rows[2].problems] == ["Thiếu ngày sinh."]
    assert preview.skipped == [(2, GROUP), (4, GROUP), (7, GROUP), (9, GROUP), (11, GROUP)]
    assert preview.new_branches == ["Ấp Tân Hòa", "Thôn Đông"]
    assert preview.from_headings() == 3
    sws.spreadsheets.apply_import(preview)
    assert roster() == [
        ("Nguyễn Văn An", "05/03/2001", "Ấp Tân Hòa"),
        ("Trần Văn Bình", "01/02/2002", "Thôn Đông"),
        ("Phạm Thị Dung", "03/04/2003", None),
        ("Võ Văn Em", "04/05/2004", "Chi đoàn ấp Bào Sen"),
        ("Đỗ Thị Giang", "05/06/2005", None),
    ]


def test_a_heading_moves_a_stored_member_and_counts_only_what_it_changes(
    sws: Workspace, roster, tmp_path: Path, xlsx
) -> None:
    """An update takes its heading's chi đoàn like a "Chi đoàn" cell: a member stored in
    another chi đoàn is moved (and counted), one already there is unchanged (and not counted)."""
    first = sws.branches.create("Chi đoàn Ấp 1").id
    sws.branches.create("Chi đoàn Ấp 2")
    for name, birth in (("Nguyễn Văn An", "05/03/2001"), ("Trần Văn Bình", "01/02/2002")):
        sws.members.save({"full_name": name, "birth_date": birth, "branch_id": first})
    path = xlsx(tmp_path / "ds.xlsx", [
        ["STT", "Họ và tên", "Ngày sinh"],
        ["I. CHI ĐOÀN ẤP 1"],
        [1, "Nguyễn Văn An", "05/03/2001"],
        ["II. CHI ĐOÀN ẤP 2"],
        [2, "Trần Văn Bình", "01/02/2002"],
    ], merges=["A2:C2", "A4:C4"])  # fmt: skip
    preview = sws.spreadsheets.preview_import(path)
    assert [(r.row, r.action, r.changed) for r in preview.rows] == [
        (3, UNCHANGED, []),
        (5, UPDATE, ["branch"]),
    ]
    assert preview.from_headings() == 1
    sws.spreadsheets.apply_import(preview)
    assert roster() == [
        ("Nguyễn Văn An", "05/03/2001", "Chi đoàn Ấp 1"),
        ("Trần Văn Bình", "01/02/2002", "Chi đoàn Ấp 2"),
    ]


def test_a_dash_numbering_and_a_roman_mark_in_the_stt_column(
    sws: Workspace, roster, tmp_path: Path, xlsx
) -> None:
    """ "A- Chi đoàn Ấp 5" gives "Ấp 5"; "B- ĐOÀN VIÊN ĐI HỌC XA", "IV" in the STT column over
    "ĐOÀN VIÊN NỮ" and "5. (Đoàn viên chuyển đến)" are headings naming no chi đoàn: they end
    the group, and are no members."""
    path = xlsx(tmp_path / "ds.xlsx", [
        ["STT", "Họ và tên", "Ngày sinh"],
        [None, "A- Chi đoàn Ấp 5"],
        [1, "Nguyễn Văn An", "05/03/2001"],
        [None, "B- ĐOÀN VIÊN ĐI HỌC XA"],
        [2, "Trần Thị Bình", "01/02/2002"],
        [None, "C) Chi đoàn Ấp 6"],
        [3, "Lê Văn Cường", "01/02/2002"],
        ["IV", "ĐOÀN VIÊN NỮ"],
        [4, "Phạm Thị Dung", "03/04/2003"],
        [None, "A- Chi đoàn Ấp 5"],
        [None, "5. (Đoàn viên chuyển đến)"],
        [5, "Võ Văn Em", "04/05/2004"],
    ])  # fmt: skip
    preview = sws.spreadsheets.preview_import(path)
    assert preview.skipped == [(2, GROUP), (4, GROUP), (6, GROUP), (8, GROUP), (10, GROUP),
                               (11, GROUP)]  # fmt: skip
    sws.spreadsheets.apply_import(preview)
    assert roster() == [
        ("Nguyễn Văn An", "05/03/2001", "Ấp 5"),
        ("Trần Thị Bình", "01/02/2002", None),
        ("Lê Văn Cường", "01/02/2002", "Ấp 6"),
        ("Phạm Thị Dung", "03/04/2003", None),
        ("Võ Văn Em", "04/05/2004", None),
    ]
