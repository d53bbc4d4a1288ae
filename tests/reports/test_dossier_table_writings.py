"""The self-assessment table written again only when a page it cites moved: its first writing
cites the pages known before it is written, and is kept when they are where the cited parts
start; written again, it prints the pages where they start."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from doancoso.core.workspace import Workspace
from doancoso.reports.dossier.build import build_dossier
from dossier_data import ISSUED, evidence_pdf

ReadPdf = Callable[[Path], Any]


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


def _table_writings(temp: Path) -> tuple[Callable[[int, int], None], list[int]]:
    """A progress report that counts the table's files in the build's temporary folder (each
    writing of a part is a file there until the dossier is written) and the highest count."""
    seen = [0]

    def report(done: int, total: int) -> None:
        seen[0] = max(seen[0], len(list(temp.glob("doancoso-dossier-*/*-bang.pdf"))))

    return report, seen


def _with_member(ws: Workspace) -> Workspace:
    ws.members.save({"full_name": "Nguyễn Thị An", "birth_date": "01/01/2000",
                     "gender": "female", "status": "active"})  # fmt: skip
    return ws


def test_a_table_citing_pages_that_did_not_move_is_written_once(
    dossier_ws: Workspace, tmp_path: Path, read_pdf: ReadPdf
) -> None:
    """The table cites the roster before it: its page is known before the table is written."""
    temp = tmp_path / "tam"
    temp.mkdir()
    report, writings = _table_writings(temp)
    built = build_dossier(_with_member(dossier_ws), tmp_path / "ho-so.pdf", 2025,
                          ("to-trinh", "doan-vien", "bang"), issued_on=ISSUED, report=report,
                          temp_folder=temp)  # fmt: skip
    pdf = read_pdf(built.path)
    starts = _starts(pdf.reader)
    assert starts["Danh sách đoàn viên"] == 4
    table = " ".join(" ".join(pdf.page_texts()[starts["Bảng tự đánh giá"] - 1 :]).split())
    assert " Danh sách đoàn viên năm 2025 (trang 4); Minh chứng 1.1.1: Biên bản rà soát" in table
    assert writings == [1]


def test_a_table_citing_pages_after_it_is_written_again_with_them(
    dossier_ws: Workspace, tmp_path: Path, read_pdf: ReadPdf
) -> None:
    """The plan and the evidence files come after the table: their pages are known once it is
    written; its second writing prints them."""
    temp = tmp_path / "tam"
    temp.mkdir()
    report, writings = _table_writings(temp)
    for n in range(1, 4):
        dossier_ws.recognition.attach(2025, "1.5", evidence_pdf(tmp_path / f"bb-{n}.pdf", n),
                                      f"Biên bản sinh hoạt số {n}")  # fmt: skip
    built = build_dossier(_with_member(dossier_ws), tmp_path / "ho-so.pdf", 2025,
                          ("doan-vien", "bang", "ke-hoach", "minh-chung"), issued_on=ISSUED,
                          report=report, temp_folder=temp)  # fmt: skip
    pdf = read_pdf(built.path)
    starts = _starts(pdf.reader)
    pages = pdf.page_texts()[
        starts["Bảng tự đánh giá"] - 1 : starts["Kế hoạch và báo cáo kết quả"] - 1
    ]
    table = " ".join(" ".join(pages).split())
    cited = re.findall(r"(Minh chứng [\d.]+|Kế hoạch và báo cáo kết quả năm 2025) "
                       r"\(trang (\d+)\)", table)  # fmt: skip
    plan = "Kế hoạch và báo cáo kết quả năm 2025"
    assert [name for name, _ in cited] == [
        "Minh chứng 1.1.1", "Minh chứng 1.2.1", plan,
        "Minh chứng 1.5.1", "Minh chứng 1.5.2", "Minh chứng 1.5.3", *[plan] * 2]  # fmt: skip
    for name, page in cited:
        (title,) = [t for t in starts if t in (name.removesuffix(" năm 2025"), name)
                    or t.startswith(f"{name}:")]  # fmt: skip
        assert starts[title] == int(page), name
    assert writings == [2]
