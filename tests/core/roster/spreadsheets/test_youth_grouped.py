"""A youth list grouped by hamlet, a heading row over each hamlet's young people ("I. ẤP TÂN
HƯNG"): each young person without a hamlet of its own takes its heading's."""

from __future__ import annotations

from pathlib import Path

from sheetfiles import TODAY

from doancoso.core.roster.spreadsheets import NEW, UNCHANGED, UPDATE
from doancoso.core.workspace import Workspace
from doancoso.core.youth.service import YouthFilter

GROUP = "dòng tiêu đề nhóm"


def _hamlets(ws: Workspace) -> dict[str, str | None]:
    records = [ws.youth.get(i) for i in ws.youth.ids(YouthFilter(include_admitted=True))]
    return {r.fields.full_name: r.fields.hamlet for r in records}


def test_young_people_take_the_hamlet_of_their_heading(
    sws: Workspace, tmp_path: Path, xlsx
) -> None:
    """Merged and unmerged headings, numbered or not; a hamlet the register knows keeps its
    spelling, a new one begins with a capital as a chi đoàn does; a row's own "Ấp" cell wins;
    a heading naming no hamlet ends the group; a young person moved by a heading is counted,
    one already there is not."""
    sws.youth_import.today = lambda: TODAY
    sws.youth.save({"full_name": "Trần Văn Hậu", "birth_date": "2005", "gender": "Nam",
                    "hamlet": "Ấp Kênh Xáng"})  # fmt: skip
    sws.youth.save({"full_name": "Đặng Thu Hà", "birth_date": "05/05/2002", "gender": "Nữ",
                    "hamlet": "Ấp Tân Hưng"})  # fmt: skip
    path = xlsx(tmp_path / "tn.xlsx", [
        ["STT", "Họ tên", "Năm sinh", "Ấp"],
        ["I. ẤP KÊNH XÁNG"],
        [1, "Trần Văn Hậu", 2005],
        [2, "Nguyễn Thị Thủy", "12/03/2004"],
        [3, "Đặng Thu Hà", "05/05/2002"],
        [4, "Lê Văn Tài", "01/01/2003", "Ấp Mới"],
        [None, "Chi đoàn ấp Tân Hưng"],
        [5, "Phạm Văn Lợi", "02/02/2004"],
        [None, "Chi đoàn ấp Bào Sen"],
        [6, "Ngô Văn Phúc", "04/04/2004"],
        ["II. THANH NIÊN ĐI LÀM ĂN XA"],
        [7, "Võ Thị Mai", "03/03/2005"],
    ], merges=["A2:D2", "A11:D11"])  # fmt: skip
    preview = sws.youth_import.preview_import(path)
    assert [(r.row, r.action, r.changed, r.values["hamlet"]) for r in preview.rows] == [
        (3, UNCHANGED, [], "Ấp Kênh Xáng"),
        (4, NEW, [], "Ấp Kênh Xáng"),
        (5, UPDATE, ["hamlet"], "Ấp Kênh Xáng"),
        (6, NEW, [], "Ấp Mới"),
        (8, NEW, [], "Ấp Tân Hưng"),
        (10, NEW, [], "Ấp Bào Sen"),
        (12, NEW, [], None),
    ]
    assert preview.skipped == [(2, GROUP), (7, GROUP), (9, GROUP), (11, GROUP)]
    assert preview.from_headings("hamlet") == 4
    sws.youth_import.apply_import(preview)
    assert _hamlets(sws) == {
        "Trần Văn Hậu": "Ấp Kênh Xáng",
        "Đặng Thu Hà": "Ấp Kênh Xáng",
        "Nguyễn Thị Thủy": "Ấp Kênh Xáng",
        "Lê Văn Tài": "Ấp Mới",
        "Phạm Văn Lợi": "Ấp Tân Hưng",
        "Ngô Văn Phúc": "Ấp Bào Sen",
        "Võ Thị Mai": None,
    }


def test_a_place_word_alone_under_the_header_is_its_second_row(
    sws: Workspace, tmp_path: Path, xlsx
) -> None:
    """ "Tổ dân phố" under "Nơi ở" completes a header on two rows: no heading of a hamlet."""
    sws.youth_import.today = lambda: TODAY
    path = xlsx(tmp_path / "tn.xlsx", [
        ["STT", "Họ tên", "Năm sinh", "Nơi ở"],
        [None, None, None, "Tổ dân phố"],
        [1, "Trần Văn Hậu", 2005, "Tổ 3"],
        [2, "Lê Văn Tài", 2003],
    ])  # fmt: skip
    preview = sws.youth_import.preview_import(path)
    assert (preview.header_row, preview.mapping["hamlet"]) == (2, 3)
    assert preview.skipped == []
    assert [(r.row, r.action, r.values["hamlet"]) for r in preview.rows] == [
        (3, NEW, "Tổ 3"),
        (4, NEW, None),
    ]
