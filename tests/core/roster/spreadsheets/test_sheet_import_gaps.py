"""Gaps of the roster import found by the audit: status decided by events, name columns, ages
and future dates, near-duplicate chi đoàn, footers, TCVN3 places."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from sheetfiles import write_excel_xlsx, write_xlsx

from doancoso.cli.main import run
from doancoso.core.roster.service import MemberFilter
from doancoso.core.roster.spreadsheets import NEW, REJECTED, UNCHANGED, UPDATE, ImportPreview
from doancoso.core.workspace import Workspace

HEADER = ["STT", "Họ và tên", "Ngày sinh", "Trạng thái", "Nghề nghiệp"]
READ_ONLY = "Hồ sơ đoàn viên đã chuyển sinh hoạt chỉ để xem: không cập nhật từ tệp."


def _preview(ws: Workspace, path: Path, rows: list[list[Any]]) -> ImportPreview:
    return ws.spreadsheets.preview_import(write_xlsx(path, rows))


def _rows(preview: ImportPreview) -> list[tuple[int, str, list[str], list[str]]]:
    return [(r.row, r.action, r.changed, [p.message for p in r.problems]) for r in preview.rows]


def _statuses(ws: Workspace) -> dict[str, str]:
    rows = ws.members.rows(ws.members.ids(MemberFilter()))
    return {r.full_name: r.status for r in rows}


# 1. Status: only events change it --------------------------------------------------------


def test_status_of_an_existing_member_is_never_changed_by_the_file(
    sws: Workspace, tmp_path: Path
) -> None:
    first: list[list[Any]] = [HEADER,
             [1, "Nguyễn Văn An", "05/03/2001", "Đang sinh hoạt", "Làm ruộng"],
             [2, "Trần Thị Bích", "12/10/2003", "Đang sinh hoạt", "Học sinh"]]  # fmt: skip
    sws.spreadsheets.apply_import(_preview(sws, tmp_path / "a.xlsx", first))
    ids = {r.full_name: r.id for r in sws.members.rows(sws.members.ids(MemberFilter()))}
    sws.events.record(ids["Nguyễn Văn An"], "transfer_out", "01/06/2026",
                      other_organization="Đoàn xã Tân Lộc")  # fmt: skip
    assert _statuses(sws) == {"Nguyễn Văn An": "transferred_out", "Trần Thị Bích": "active"}

    # The older export again: An left, so his record is read-only; nothing changes.
    again = _preview(sws, tmp_path / "a2.xlsx", first)
    assert _rows(again) == [
        (2, UNCHANGED, [], [READ_ONLY]),
        (3, UNCHANGED, [], []),
    ]  # fmt: skip

    changed: list[list[Any]] = [HEADER,
               [1, "Nguyễn Văn An", "05/03/2001", "Đang sinh hoạt", "Công nhân"],
               [2, "Trần Thị Bích", "12/10/2003", "Đã chuyển sinh hoạt", "Công nhân"],
               [3, "Lê Văn Cường", "01/01/2004", "Sinh hoạt tạm", None]]  # fmt: skip
    preview = _preview(sws, tmp_path / "b.xlsx", changed)
    assert _rows(preview) == [
        (2, UNCHANGED, [], [READ_ONLY]),
        (3, UPDATE, ["occupation"], [
            "Trạng thái trong tệp (“Đã chuyển sinh hoạt”) khác với quá trình của đoàn viên "
            "(“Đang sinh hoạt”): giữ nguyên; muốn đổi hãy ghi sự kiện."]),
        (4, NEW, [], []),
    ]  # fmt: skip
    result = sws.spreadsheets.apply_import(preview)
    assert (result.created, result.updated, result.unchanged) == (1, 1, 1)
    assert _statuses(sws) == {
        "Nguyễn Văn An": "transferred_out",
        "Trần Thị Bích": "active",
        "Lê Văn Cường": "temporary",  # a new member starts with the file's status
    }
    members = sws.members.rows(sws.members.ids(MemberFilter()))
    occupations = {r.full_name: sws.members.get(r.id).fields.occupation for r in members}
    assert occupations == {"Nguyễn Văn An": "Làm ruộng", "Trần Thị Bích": "Công nhân",
                           "Lê Văn Cường": None}  # fmt: skip


def test_a_matured_member_is_read_only_too(sws: Workspace, tmp_path: Path) -> None:
    rows: list[list[Any]] = [HEADER, [1, "Nguyễn Văn An", "05/03/1995", None, "Làm ruộng"]]
    sws.spreadsheets.apply_import(_preview(sws, tmp_path / "a.xlsx", rows))
    (member_id,) = sws.members.ids(MemberFilter())
    sws.events.record(member_id, "matured", "01/06/2026")
    rows[1][4] = "Công nhân"
    preview = _preview(sws, tmp_path / "b.xlsx", rows)
    assert _rows(preview) == [
        (2, UNCHANGED, [], ["Hồ sơ đoàn viên đã trưởng thành Đoàn chỉ để xem: không cập nhật "
                            "từ tệp."]),
    ]  # fmt: skip


# 2. Name columns ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "header",
    ["Họ, tên đệm", "Họ và tên lót", "Họ và tên đệm", "Họ và chữ đệm", "Họ đệm", "Họ và chữ lót"],
)
def test_family_and_middle_name_headers_next_to_the_given_name(
    sws: Workspace, tmp_path: Path, header: str
) -> None:
    preview = _preview(sws, tmp_path / "a.xlsx", [
        ["STT", header, "Tên", "Ngày sinh"],
        [1, "Nguyễn Văn", "An", "05/03/2001"],
        [2, "Trần Thị Ngọc", "Bích", "12/10/2003"],
    ])  # fmt: skip
    assert preview.mapping == {"family_middle": 1, "given_name": 2, "birth_date": 3}
    assert [r.values["full_name"] for r in preview.rows] == ["Nguyễn Văn An", "Trần Thị Ngọc Bích"]


def test_full_name_header_with_a_given_name_column(sws: Workspace, tmp_path: Path) -> None:
    # "Họ và tên" over the family and middle names, or the whole name repeated beside "Tên".
    preview = _preview(sws, tmp_path / "a.xlsx", [
        ["STT", "Họ và tên", "Tên", "Ngày sinh"],
        [1, "Nguyễn Văn", "An", "05/03/2001"],
        [2, "Trần Thị Ngọc Bích", "Bích", "12/10/2003"],
    ])  # fmt: skip
    assert [r.values["full_name"] for r in preview.rows] == ["Nguyễn Văn An", "Trần Thị Ngọc Bích"]


def test_full_name_merged_over_two_columns_is_joined(
    sws: Workspace, tmp_path: Path, xlsx: Callable[..., Path]
) -> None:
    path = xlsx(tmp_path / "a.xlsx", [
        ["DANH SÁCH ĐOÀN VIÊN"],
        ["STT", "Họ và tên", None, "Ngày sinh", "Chi đoàn"],
        [1, "Nguyễn Văn", "An", "05/03/2001", "Ấp 1"],
        [2, "Trần Thị Ngọc", "Bích", "12/10/2003", "Ấp 1"],
        [3, "Lê", "Quỳnh", "01/01/2004", "Ấp 1"],
    ], merges=["B2:C2"])  # fmt: skip
    preview = sws.spreadsheets.preview_import(path)
    assert preview.mapping == {"family_middle": 1, "given_name": 2, "birth_date": 3, "branch": 4}
    assert [r.values["full_name"] for r in preview.rows] == [
        "Nguyễn Văn An", "Trần Thị Ngọc Bích", "Lê Quỳnh"]  # fmt: skip
    assert preview.warnings == []


def test_headerless_text_after_the_name_is_not_dropped_silently(
    sws: Workspace, tmp_path: Path
) -> None:
    preview = _preview(sws, tmp_path / "a.xlsx", [
        ["STT", "Họ và tên", None, "Ngày sinh"],
        [1, "Nguyễn Văn An", "ấp Tân Phú", "05/03/2001"],
        [2, "Trần Thị Bích", "ấp Tân Lập", "12/10/2003"],
        [3, "Lê Văn Cường", None, "01/01/2004"],
    ])  # fmt: skip
    assert preview.mapping == {"full_name": 1, "birth_date": 3}
    assert preview.warnings == [
        "Cột C ngay sau cột “Họ và tên” không có tiêu đề nhưng có chữ ở 2/3 dòng: cột này không "
        "được nhập. Nếu đó là một phần của họ tên, hãy chọn lại cột ở bước ghép cột."
    ]
    assert [r.action for r in preview.rows] == [NEW, NEW, NEW]


def test_a_headerless_column_with_text_on_few_rows_is_left_alone(
    sws: Workspace, tmp_path: Path
) -> None:
    preview = _preview(sws, tmp_path / "a.xlsx", [
        ["STT", "Họ và tên", None, "Ngày sinh"],
        [1, "Nguyễn Văn An", "x", "05/03/2001"],
        [2, "Trần Thị Bích", None, "12/10/2003"],
        [3, "Lê Văn Cường", None, "01/01/2004"],
    ])  # fmt: skip
    assert preview.mapping == {"full_name": 1, "birth_date": 3}
    assert preview.warnings == []


# 3. Ages and dates --------------------------------------------------------------------------

AGE_HEADER = ["STT", "Họ và tên", "Ngày sinh", "Ngày vào Đoàn", "Ngày vào Đảng"]


@pytest.mark.parametrize(
    ("birth", "admitted", "party", "action", "problems"),
    [
        ("25/11/2011", None, None, NEW, []),  # 15 years + 1 day today (26/11/2026)
        ("26/11/2011", None, None, REJECTED,
         ["Chưa đủ tuổi vào Đoàn: sinh 26/11/2011, đủ 15 tuổi + 1 ngày vào 27/11/2026."]),
        ("2010", None, None, NEW, []),
        ("2011", None, None, REJECTED,
         ["Chưa đủ tuổi vào Đoàn: sinh năm 2011, đủ 16 tuổi vào năm 2027."]),
        ("01/01/1996", None, None, NEW, []),  # reaches 30 this year: not past it yet
        ("31/12/1995", None, None, NEW,
         ["Đã quá tuổi Đoàn (tròn 31 tuổi trong năm 2026): cần xét trưởng thành Đoàn."]),
        ("1995", None, None, NEW,
         ["Đã quá tuổi Đoàn (tròn 31 tuổi trong năm 2026): cần xét trưởng thành Đoàn."]),
        ("27/11/2026", None, None, REJECTED, ["Ngày sinh sau ngày hôm nay."]),
        ("31/12/1899", None, None, REJECTED,
         ["Năm sinh 1899 không hợp lý: chỉ nhận các năm 1900–2026."]),
        ("01/01/2000", "26/11/2026", "26/11/2026", NEW, []),
        ("01/01/2000", "27/11/2026", None, REJECTED,
         ["Ngày vào Đoàn không thể sau ngày hôm nay."]),
        ("01/01/2000", None, "27/11/2026", REJECTED,
         ["Ngày vào Đảng không thể sau ngày hôm nay."]),
    ],
)  # fmt: skip
def test_age_and_future_dates(
    sws: Workspace,
    tmp_path: Path,
    birth: str,
    admitted: str | None,
    party: str | None,
    action: str,
    problems: list[str],
) -> None:
    preview = _preview(
        sws, tmp_path / "a.xlsx", [AGE_HEADER, [1, "Nguyễn Văn An", birth, admitted, party]]
    )
    assert _rows(preview) == [(2, action, [], problems)]


def test_over_age_follows_the_organisation_setting(sws: Workspace, tmp_path: Path) -> None:
    info = sws.organization.get()
    assert info is not None
    sws.organization.update(replace(info, coming_of_age=35))
    preview = _preview(sws, tmp_path / "a.xlsx", [
        ["STT", "Họ và tên", "Ngày sinh", "Trạng thái"],
        [1, "Nguyễn Văn An", "1991", None],
        [2, "Trần Văn Bình", "1990", None],
        [3, "Lê Văn Cường", "1990", "Đã trưởng thành Đoàn"],  # off the active roster: no warning
    ])  # fmt: skip
    assert _rows(preview) == [
        (2, NEW, [], []),
        (
            3,
            NEW,
            [],
            ["Đã quá tuổi Đoàn (tròn 36 tuổi trong năm 2026): cần xét trưởng thành Đoàn."],
        ),
        (4, NEW, [], []),
    ]


# 4. Chi đoàn --------------------------------------------------------------------------------

BRANCH_HEADER = ["STT", "Họ và tên", "Ngày sinh", "Chi đoàn"]
BRANCH_ROWS: list[list[Any]] = [
    BRANCH_HEADER,
    [1, "Nguyễn Văn An", "05/03/2001", "Ấp Bào Sen"],
    [2, "Trần Thị Bích", "12/10/2003", "Bào Sen"],
    [3, "Lê Văn Cường", "01/01/2004", "CĐ ấp Bào Sen"],
    [4, "Phạm Văn Dũng", "01/02/2004", "C.Đ ấp Bào Sen"],
    [5, "Võ Thị Em", "01/03/2004", "chi doan ap bao sen"],
    [6, "Đỗ Văn Phúc", "01/04/2004", "Ấp Mới"],
    [7, "Huỳnh Văn Giàu", "01/05/2004", "Chi đoàn ấp Mới"],
    [8, "Ngô Văn Hải", "01/06/2004", "Tổ 5"],
]


def test_branch_names_match_existing_chi_doan_loosely(sws: Workspace, tmp_path: Path) -> None:
    sws.branches.create("Chi đoàn ấp Bào Sen")
    sws.branches.create("Khóm 5")
    preview = _preview(sws, tmp_path / "a.xlsx", BRANCH_ROWS)
    assert [r.values["branch"] for r in preview.rows] == ["Chi đoàn ấp Bào Sen"] * 5 + [
        "Ấp Mới", "Ấp Mới", "Tổ 5"]  # fmt: skip
    assert preview.new_branches == ["Ấp Mới", "Tổ 5"]
    result = sws.spreadsheets.apply_import(preview)
    assert result.branches_created == ("Ấp Mới", "Tổ 5")
    assert sorted(b.name for b in sws.branches.list()) == sorted(
        ["Chi đoàn ấp Bào Sen", "Khóm 5", "Ấp Mới", "Tổ 5"]
    )
    again = _preview(sws, tmp_path / "a2.xlsx", BRANCH_ROWS)
    assert again.new_branches == [] and {r.action for r in again.rows} == {UNCHANGED}


def test_an_ambiguous_branch_is_created_and_listed(sws: Workspace, tmp_path: Path) -> None:
    sws.branches.create("Chi đoàn ấp Bào Sen")
    sws.branches.create("Chi đoàn khóm Bào Sen")
    preview = _preview(sws, tmp_path / "a.xlsx", BRANCH_ROWS[:3])
    # "Ấp Bào Sen" still tells them apart; "Bào Sen" does not, so it will be created.
    assert [r.values["branch"] for r in preview.rows] == ["Chi đoàn ấp Bào Sen", "Bào Sen"]
    assert preview.new_branches == ["Bào Sen"]


def test_a_new_chi_doan_takes_the_files_most_careful_spelling(
    sws: Workspace, tmp_path: Path
) -> None:
    """A hamlet head typed the first row in lower case: the chi đoàn is created as the other
    rows spell it, not "Chi đoàn ấp tân phú" on every document printed after."""
    rows: list[list[Any]] = [BRANCH_HEADER,
            [1, "Nguyễn Văn An", "05/03/2001", "chi đoàn ấp tân phú"],
            [2, "Trần Thị Bích", "12/10/2003", "Chi đoàn ấp Tân Phú"],
            [3, "Lê Văn Cường", "01/01/2004", "Chi đoàn ấp Tân Phú"],
            [4, "Phạm Văn Dũng", "01/02/2004", "ấp tân lợi"],  # written once: taken as it is
            [5, "Võ Thị Em", "01/03/2004", "chi doan ap tan phu"]]  # fmt: skip
    preview = _preview(sws, tmp_path / "a.xlsx", rows)
    assert [r.values["branch"] for r in preview.rows] == [
        "Chi đoàn ấp Tân Phú", "Chi đoàn ấp Tân Phú", "Chi đoàn ấp Tân Phú", "Ấp tân lợi",
        "Chi đoàn ấp Tân Phú"]  # fmt: skip
    assert preview.new_branches == ["Chi đoàn ấp Tân Phú", "Ấp tân lợi"]  # in the file's order
    result = sws.spreadsheets.apply_import(preview)
    assert result.branches_created == ("Chi đoàn ấp Tân Phú", "Ấp tân lợi")
    assert sorted(b.name for b in sws.branches.list()) == ["Chi đoàn ấp Tân Phú", "Ấp tân lợi"]


def test_a_tie_of_spellings_prefers_one_not_in_lower_case(sws: Workspace, tmp_path: Path) -> None:
    rows: list[list[Any]] = [BRANCH_HEADER,
            [1, "Nguyễn Văn An", "05/03/2001", "Chi đoàn khóm 2"],
            [2, "Trần Thị Bích", "12/10/2003", "chi đoàn ấp tân phú"],
            [3, "Lê Văn Cường", "01/01/2004", "Chi đoàn Ấp Tân Phú"],
            [4, "Phạm Văn Dũng", "01/02/2004", "Khóm 2"]]  # fmt: skip
    preview = _preview(sws, tmp_path / "a.xlsx", rows)
    assert preview.new_branches == ["Khóm 2", "Chi đoàn Ấp Tân Phú"]


def _cli(*argv: str) -> tuple[int, str]:
    out, err = StringIO(), StringIO()
    code = run(list(argv), out=out, err=err)
    assert err.getvalue() == ""
    return code, out.getvalue()


def test_cli_lists_the_branches_it_will_create(sws: Workspace, tmp_path: Path) -> None:
    sws.branches.create("Chi đoàn ấp Bào Sen")
    data_dir = str(sws.data_dir)
    sws.close()
    path = write_xlsx(tmp_path / "a.xlsx", BRANCH_ROWS)
    code, out = _cli("members", "import", str(path), "--dry-run", "--data-dir", data_dir)
    assert code == 0 and "Sẽ tạo chi đoàn mới: Ấp Mới, Tổ 5.\n" in out
    args = ("members", "import", str(path), "--dry-run", "--format", "json")
    code, out = _cli(*args, "--data-dir", data_dir)
    assert code == 0 and json.loads(out)["new_branches"] == ["Ấp Mới", "Tổ 5"]


# 5. Footers and TCVN3 places ----------------------------------------------------------------


def test_signature_block_is_footer_but_a_member_without_stt_is_rejected(
    sws: Workspace, tmp_path: Path
) -> None:
    preview = sws.spreadsheets.preview_import(write_excel_xlsx(tmp_path / "a.xlsx", [
        ["STT", "Họ và tên", "Ngày sinh", "Chỗ ở"],
        [1, "Nguyễn Văn An", "05/03/2001", "Ấp 1"],
        [None, "Công Văn Minh", None, "Ấp 2"],
        [None, "Tống Thị Lan", None, None],
        [None, "Tổng cộng: 3 đoàn viên", None, None],
        [None, None, None, "Tân Hưng, ngày 26 tháng 11 năm 2026"],
        [None, None, None, "TM. BAN CHẤP HÀNH"],
        [None, None, None, "BÍ THƯ"],
        [None, None, None, None],
        [None, None, None, "Nguyễn Văn Thư"],
    ]))  # fmt: skip
    assert _rows(preview) == [
        (2, NEW, [], []),
        (3, REJECTED, [], ["Thiếu ngày sinh."]),
        (4, REJECTED, [], ["Thiếu ngày sinh."]),
    ]
    signature = "dòng ký tên"
    assert preview.skipped == [
        (5, "dòng tổng cộng"), (6, signature), (7, signature), (8, signature), (10, signature)
    ]  # fmt: skip


def test_a_name_alone_without_a_signature_above_is_rejected(sws: Workspace, tmp_path: Path) -> None:
    preview = _preview(sws, tmp_path / "a.xlsx", [
        ["STT", "Họ và tên", "Ngày sinh"],
        [1, "Nguyễn Văn An", "05/03/2001"],
        [None, "Công", None],
        [None, "Tổng", None],
        [None, "Cộng", 2],
    ])  # fmt: skip
    assert _rows(preview)[1:] == [
        (3, REJECTED, [], ["Thiếu ngày sinh."]),
        (4, REJECTED, [], ["Thiếu ngày sinh."]),
    ]
    assert preview.skipped == [(5, "dòng tổng cộng")]


def test_tcvn3_places_are_capitalised_like_branch_names(sws: Workspace, tmp_path: Path) -> None:
    preview = _preview(sws, tmp_path / "a.xlsx", [
        ["STT", "Họ và tên", "Ngày sinh", "Chỗ ở hiện nay", "Quê quán", "Chi đoàn"],
        [1, "NguyÔn V¨n An", "05/03/2001", "Êp T©n Th¹nh, x· T©n H\xadng", "Êp T©n LËp",
         "Êp T©n Th¹nh"],
        [2, "Trần Văn Bình", "05/03/2001", "ấp Tân Phú", "ấp Tân Lập", None],
    ])  # fmt: skip
    values = [r.values for r in preview.rows]
    assert [(v["full_name"], v["address"], v["hometown"]) for v in values] == [
        ("Nguyễn Văn An", "Ấp Tân Thạnh, xã Tân Hưng", "Ấp Tân Lập"),
        ("Trần Văn Bình", "ấp Tân Phú", "ấp Tân Lập"),  # Unicode text is kept as typed
    ]
    assert values[0]["branch"] == "Ấp Tân Thạnh"
