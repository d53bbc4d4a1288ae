"""The self-assessment table as the superior body's officer reads it: each part and evidence
file it cites comes with the page of the dossier where it starts, the page the contents give,
so that the officer turns to it without going back to the contents."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from doancoso.core.dossier.check import PARTS
from doancoso.core.workspace import Workspace
from doancoso.reports.dossier.build import build_dossier
from dossier_data import ISSUED, evidence_pdf

ReadPdf = Callable[[Path], Any]
CITED_PAGE = re.compile(
    r"(Minh chứng [\d.]+|" + "|".join(map(re.escape, PARTS.values())) + r")(?: năm 2025)? "
    r"\(trang (\d+)\)"
)


def _flat(text: str) -> str:
    """Text with its line breaks (the cells' wrapping) as single spaces."""
    return " ".join(text.split())


def _starts(reader: Any) -> dict[str, int]:
    """Bookmark title → the page it opens (1-based), parts and their items."""
    found: dict[str, int] = {}

    def walk(items: list[Any]) -> None:
        for o in items:
            if isinstance(o, list):
                walk(o)
            else:
                found[o.title] = reader.get_destination_page_number(o) + 1

    walk(reader.outline)
    return found


def _with_member(ws: Workspace) -> Workspace:
    ws.members.save({"full_name": "Nguyễn Thị An", "birth_date": "01/01/2000",
                     "gender": "female", "status": "active"})  # fmt: skip
    return ws


def test_the_table_cites_each_part_and_file_with_its_page(
    dossier_ws: Workspace, tmp_path: Path, read_pdf: ReadPdf
) -> None:
    built = build_dossier(_with_member(dossier_ws), tmp_path / "ho-so.pdf", 2025,
                          number="15-TTr/ĐTN", issued_on=ISSUED)  # fmt: skip
    pdf = read_pdf(built.path)
    starts = _starts(pdf.reader)
    assert starts["Bảng tự đánh giá"] == 6
    assert starts["Kế hoạch và báo cáo kết quả"] == 8
    assert starts["Danh sách đoàn viên"] == 10
    assert starts["Minh chứng 1.1.1: Biên bản rà soát đoàn viên"] == 12
    assert starts["Minh chứng 1.2.1: Buổi sinh hoạt chi đoàn"] == 15
    table = _flat(" ".join(pdf.page_texts()[5:7]))
    assert (
        "1.1 Danh sách đoàn viên được lập đầy đủ, cập nhật thường xuyên Đạt Cập nhật lần cuối "
    ) in table
    assert (
        " Danh sách đoàn viên năm 2025 (trang 10); Minh chứng 1.1.1 (trang 12): Biên bản rà "
        "soát đoàn viên 1.2 "
    ) in table
    assert " Minh chứng 1.2.1 (trang 15): Buổi sinh hoạt chi đoàn 1.3 " in table
    assert (
        " Danh sách đoàn viên năm 2025 (trang 10); Kế hoạch và báo cáo kết quả năm 2025 "
        "(trang 8) 1.5 "
    ) in table


def test_a_dossier_without_its_annex_cites_the_files_by_number_alone(
    dossier_ws: Workspace, tmp_path: Path, read_pdf: ReadPdf
) -> None:
    built = build_dossier(dossier_ws, tmp_path / "ho-so.pdf", 2025, ("bang",), issued_on=ISSUED)
    table = _flat(" ".join(read_pdf(built.path).page_texts()[2:]))
    assert " Minh chứng 1.1.1: Biên bản rà soát đoàn viên 1.2 " in table
    assert " Minh chứng 1.2.1: Buổi sinh hoạt chi đoàn 1.3 " in table
    assert "(trang" not in table


def test_the_pages_cited_hold_when_they_lengthen_the_table(
    dossier_ws: Workspace, tmp_path: Path, read_pdf: ReadPdf
) -> None:
    """Many files, the parts after the table and one before it: the table grows as the pages
    are written into it, and every page it cites is still where the cited thing starts."""
    ws = _with_member(dossier_ws)
    codes = ("1.3", "1.4", "1.5", "2.1", "2.2", "2.3", "3.1", "3.3")
    for n in range(1, 25):
        code = codes[n % len(codes)]
        ws.recognition.attach(2025, code, evidence_pdf(tmp_path / f"bb-{n}.pdf", 1 + n % 3),
                              f"Biên bản sinh hoạt số {n} của chi đoàn")  # fmt: skip
    built = build_dossier(ws, tmp_path / "ho-so.pdf", 2025,
                          ("doan-vien", "bang", "ke-hoach", "minh-chung"),
                          issued_on=ISSUED)  # fmt: skip
    pdf = read_pdf(built.path)
    starts = _starts(pdf.reader)
    first = starts["Bảng tự đánh giá"]
    last = starts["Kế hoạch và báo cáo kết quả"] - 1
    lines = "\n".join(pdf.page_texts()[first - 1 : last]).splitlines()
    # "trang" and its number on one line: never "(trang" ending a line, the number below
    assert [line for line in lines if line.endswith("(trang")] == []
    table = _flat(" ".join(lines))
    cited = CITED_PAGE.findall(table)
    assert len(cited) > 26  # each file, and the roster and the plan at least once
    for name, page in cited:
        if name.startswith("Minh chứng"):
            (name,) = [t for t in starts if t.startswith(f"{name}:")]
        assert starts[name] == int(page), name


def test_an_item_with_more_files_than_a_page_holds_goes_on_over_the_pages(
    dossier_ws: Workspace, tmp_path: Path, read_pdf: ReadPdf
) -> None:
    """An item whose files' lines are taller than a page (the photos of every Green Sunday of
    the year): its row goes on over the next pages, every file cited once and in order, the
    rows after it following, where the build used to stop with an unexpected error."""
    from PIL import Image

    for n in range(1, 41):
        photo = tmp_path / f"anh-{n}.png"
        Image.new("RGB", (40, 30), (n * 6, 120, 200)).save(photo)
        dossier_ws.recognition.attach(2025, "1.2", photo, f"Ra quân “Ngày Chủ nhật xanh” lần "
                                      f"thứ {n}, dọn vệ sinh kênh rạch tại ấp {n}")  # fmt: skip
    built = build_dossier(dossier_ws, tmp_path / "ho-so.pdf", 2025, ("bang", "minh-chung"),
                          issued_on=ISSUED)  # fmt: skip
    pdf = read_pdf(built.path)
    starts = _starts(pdf.reader)
    table_pages = pdf.page_texts()[
        starts["Bảng tự đánh giá"] - 1 : starts["Phụ lục minh chứng"] - 1
    ]
    assert len(table_pages) >= 4  # 1.1 on the first, 1.2 from the top of the second
    table = _flat(" ".join(table_pages))
    cited = re.findall(r"Minh chứng 1\.2\.(\d+) \(trang (\d+)\)", table)
    assert [int(n) for n, _ in cited] == list(range(1, 42))  # the item's own photo, then 40
    for n, page in cited:
        (title,) = [t for t in starts if t.startswith(f"Minh chứng 1.2.{n}:")]
        assert starts[title] == int(page)
    assert table.index("Minh chứng 1.2.41 (trang") < table.index(" 1.3 Thực hiện chương trình")
    assert table_pages[1].startswith("Mục\n Nội dung\n Tự đánh giá\n Số liệu\n Minh chứng\n1.2\n")
    # 1.1 on the first page, 1.2 from the top of the second to the fifth, whose pages after
    # its first say whose row goes on
    going_on = "Mục\n Nội dung\n Tự đánh giá\n Số liệu\n Minh chứng\n 1.2\n(tiếp)\n"
    assert [page.startswith(going_on) for page in table_pages] == [
        False, False, True, True, True, False]  # fmt: skip
    assert all(page.count("Mục\n Nội dung\n") == 1 for page in table_pages[1:])
