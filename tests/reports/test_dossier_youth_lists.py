"""The dossier's lists of ethnic-minority and religious youth (criterion 1, DOMAIN.md §2): the
register's lists with their "Dân tộc" or "Tôn giáo" column, named on the contents page; an
empty one left out and said so by the check, as the list of youth in hardship is."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from doancoso.core.dossier.check import PARTS, Gap, check, parse_parts
from doancoso.core.workspace import Workspace
from doancoso.reports.dossier.build import build_dossier
from doancoso.reports.dossier.register import record_cites

ReadPdf = Callable[[Path], Any]
DAY = dt.date.today()
YEAR = DAY.year
"""The dossiers' year and day of issue: today's, the people the tests record on their lists (a
past day, or the end of a past year, would list those recorded by then: none)."""
LISTS = ("thanh-nien-dan-toc", "thanh-nien-ton-giao")


def _young(ws: Workspace, name: str, **fields: str) -> str:
    return ws.youth.save({"full_name": name, "birth_date": "01/01/2006", **fields})


def test_both_lists_are_in_the_contents_with_their_people(
    ws: Workspace, tmp_path: Path, read_pdf: ReadPdf
) -> None:
    _young(ws, "Thạch Thị Sa", ethnicity="Khmer", religion="Phật giáo")
    _young(ws, "Lý Văn Hoa", ethnicity="Hoa", religion="Không")
    _young(ws, "Nguyễn Văn Kinh", ethnicity="Kinh", religion="Công giáo")
    _young(ws, "Trần Thị Không", ethnicity="kinh", religion="không theo")
    assert parse_parts(",".join(LISTS)) == list(LISTS)
    assert check(ws, YEAR, LISTS, issued_on=DAY) == []
    built = build_dossier(ws, tmp_path / "ho-so.pdf", YEAR, LISTS, issued_on=DAY)
    assert built.parts == LISTS
    texts = read_pdf(built.path).page_texts()
    contents = " ".join(texts[1].split())
    assert "Danh sách thanh niên dân tộc thiểu số 3" in contents
    assert "Danh sách thanh niên có tôn giáo 4" in contents
    # Each list is titled as the contents page names it, as a union document would be.
    assert (
        " DANH SÁCH THANH NIÊN DÂN TỘC THIỂU SỐ\n Đoàn xã Tân Hưng\n STT\n Họ và tên\n Ngày "
        "sinh\n Giới tính\n Dân tộc\n" in texts[2]
    )
    assert "\n1\nLý Văn Hoa\n01/01/2006\nHoa\n2\nThạch Thị Sa\n01/01/2006\nKhmer\n" in texts[2]
    assert "Nguyễn Văn Kinh" not in texts[2] and "Trần Thị Không" not in texts[2]
    assert (
        " DANH SÁCH THANH NIÊN CÓ TÔN GIÁO\n Đoàn xã Tân Hưng\n STT\n Họ và tên\n Ngày sinh\n "
        "Giới tính\n Tôn giáo\n" in texts[3]
    )
    assert (
        "\n1\nNguyễn Văn Kinh\n01/01/2006\nCông giáo\n2\nThạch Thị Sa\n01/01/2006\nPhật giáo\n"
        in texts[3]
    )
    assert "Lý Văn Hoa" not in texts[3] and "Trần Thị Không" not in texts[3]


def test_an_empty_list_is_left_out_and_the_check_says_so(
    ws: Workspace, tmp_path: Path, read_pdf: ReadPdf
) -> None:
    _young(ws, "Trần Thị Không", ethnicity="Kinh", religion="Không")
    assert check(ws, YEAR, LISTS, issued_on=DAY) == [
        Gap("thanh-nien-dan-toc", "Không có thanh niên dân tộc thiểu số: hồ sơ sẽ không có "
            "danh sách thanh niên dân tộc thiểu số."),
        Gap("thanh-nien-ton-giao", "Không có thanh niên có tôn giáo: hồ sơ sẽ không có danh "
            "sách thanh niên có tôn giáo."),
    ]  # fmt: skip
    built = build_dossier(ws, tmp_path / "ho-so.pdf", YEAR, ("to-trinh", *LISTS),
                          issued_on=DAY)  # fmt: skip
    assert built.parts == ("to-trinh",)
    assert built.omitted == (
        (PARTS["thanh-nien-dan-toc"], "Không có thanh niên dân tộc thiểu số."),
        (PARTS["thanh-nien-ton-giao"], "Không có thanh niên có tôn giáo."),
    )
    contents = " ".join(read_pdf(built.path).page_texts()[1].split())
    assert contents.endswith(
        "Các phần không có trong hồ sơ: - Danh sách thanh niên dân tộc thiểu số: Không có "
        "thanh niên dân tộc thiểu số. - Danh sách thanh niên có tôn giáo: Không có thanh niên "
        "có tôn giáo. 2"
    )


def test_the_item_citing_the_youth_register_cites_both_lists(ws: Workspace) -> None:
    """Item 1.6 (the young people followed, the register its evidence) cites the lists of the
    dossier that print the register: the new lists too, after the list of youth in hardship."""
    ws.recognition.open(YEAR)
    view = ws.recognition.view(YEAR, DAY)
    parts = ("thanh-nien", *LISTS, "so-thanh-nien")
    assert record_cites(view, parts)["1.6"] == list(parts)
