"""One file attached to two items (the same minutes proving 1.1 and 1.3, the same photo for 1.2
and 1.4) is printed once in the dossier's annex: the second number points to the pages of the
first ("xem Minh chứng 1.1.1") in the contents and the table, and the pages carry both numbers.
Before, the file's pages were printed twice."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PIL import Image

from doancoso.core.workspace import Workspace
from doancoso.reports.document import MARGIN_BOTTOM
from doancoso.reports.dossier.build import build_dossier
from dossier_data import ISSUED, evidence_pdf

ReadPdf = Callable[[Path], Any]


def _repeated(ws: Workspace, folder: Path) -> Workspace:
    """The fixture's minutes (1.1) attached to 1.3 too, its photo (1.2) to 1.4 too."""
    ws.recognition.attach(2025, "1.3", folder / "bien-ban.pdf", "Biên bản xét rèn luyện")
    ws.recognition.attach(2025, "1.4", folder / "anh.jpg", "Kết nạp đoàn viên mới")
    return ws


def _toc(page: str) -> list[str]:
    """The contents' evidence lines, each with its page (read on the line after it)."""
    lines = page.splitlines()
    return [f"{line} {lines[i + 1]}" for i, line in enumerate(lines) if "Minh chứng" in line]


def test_a_file_attached_twice_is_printed_once(dossier_ws: Workspace, tmp_path: Path,
                                               read_pdf: ReadPdf) -> None:  # fmt: skip
    out = tmp_path / "ho-so.pdf"
    build_dossier(_repeated(dossier_ws, tmp_path), out, 2025, parts=["bang", "minh-chung"],
                  number="15-TTr/ĐTN", issued_on=ISSUED)  # fmt: skip
    pdf = read_pdf(out)
    texts = pdf.page_texts()
    # cover, contents, the table (two pages), the annex's title, the minutes' 3 pages, the
    # photo's page: nothing printed twice
    assert len(texts) == 9
    assert _toc(texts[1]) == [
        "Minh chứng 1.1.1: Biên bản rà soát đoàn viên 6",
        "Minh chứng 1.2.1: Buổi sinh hoạt chi đoàn 9",
        "Minh chứng 1.3.1: Biên bản xét rèn luyện (xem Minh chứng 1.1.1) 6",
        "Minh chứng 1.4.1: Kết nạp đoàn viên mới (xem Minh chứng 1.2.1) 9",
    ]
    table = " ".join((texts[2] + texts[3]).split())
    assert "Minh chứng 1.3.1 (trang 6): Biên bản xét rèn luyện" in table
    assert "Minh chứng 1.4.1 (trang 9): Kết nạp đoàn viên mới" in table
    assert "\n6\nMinh chứng 1.1.1, 1.3.1 (trang 1/3)\n" in texts[5]
    assert "\n8\nMinh chứng 1.1.1, 1.3.1 (trang 3/3)\n" in texts[7]
    assert texts[8] == (
        "Minh chứng 1.2.1, 1.4.1\n 1.2.1: Buổi sinh hoạt chi đoàn; 1.4.1: Kết nạp đoàn viên mới\n"
        "9\n"
    )
    assert [t.count("Biên bản trang 1") for t in texts] == [0] * 5 + [1] + [0] * 3


def test_two_photos_a_page_pair_the_photos_printed(dossier_ws: Workspace, tmp_path: Path,
                                                   read_pdf: ReadPdf) -> None:  # fmt: skip
    """Two photos a page: the photo attached again (1.3) is not one of a pair; the photos
    before and after it (1.2, 1.4) share the page it points to."""
    other = tmp_path / "khac.jpg"
    Image.new("RGB", (400, 300), (0, 160, 0)).save(other)
    dossier_ws.recognition.attach(2025, "1.3", tmp_path / "anh.jpg", "Kết nạp đoàn viên mới")
    dossier_ws.recognition.attach(2025, "1.4", other, "Ra quân tình nguyện")
    out = tmp_path / "ho-so.pdf"
    build_dossier(dossier_ws, out, 2025, parts=["minh-chung"], number="15-TTr/ĐTN",
                  issued_on=ISSUED, photos_per_page=2)  # fmt: skip
    texts = read_pdf(out).page_texts()
    assert len(texts) == 7  # cover, contents, the annex's title, the minutes, one photo page
    assert _toc(texts[1]) == [
        "Minh chứng 1.1.1: Biên bản rà soát đoàn viên 4",
        "Minh chứng 1.2.1: Buổi sinh hoạt chi đoàn 7",
        "Minh chứng 1.3.1: Kết nạp đoàn viên mới (xem Minh chứng 1.2.1) 7",
        "Minh chứng 1.4.1: Ra quân tình nguyện 7",
    ]
    assert texts[6] == (
        "Minh chứng 1.2.1, 1.3.1\n 1.2.1: Buổi sinh hoạt chi đoàn; 1.3.1: Kết nạp đoàn viên mới\n"
        "Minh chứng 1.4.1\n Ra quân tình nguyện\n7\n"
    )


def _foot(pdf: Any, index: int) -> list[str]:
    """The text drawn in the bottom margin of page ``index`` (0-based), top line first."""
    runs = [r for r in pdf.runs(index) if r.y < MARGIN_BOTTOM]
    return [r.text for r in sorted(runs, key=lambda r: -r.y)]


def test_the_foot_of_a_file_printed_once_names_every_item_it_proves(
    dossier_ws: Workspace, tmp_path: Path, read_pdf: ReadPdf
) -> None:
    """The minutes proving 1.1 and 1.3 say both at the foot of their first page, each number
    with its own caption, as the contents give them; a file attached twice with the same
    caption gives its numbers once, with that caption."""
    _repeated(dossier_ws, tmp_path)
    same = evidence_pdf(tmp_path / "ke-hoach.pdf", 1)
    dossier_ws.recognition.attach(2025, "2.1", same, "Kế hoạch công tác năm 2025")
    dossier_ws.recognition.attach(2025, "2.2", same, "Kế hoạch công tác năm 2025")
    out = tmp_path / "ho-so.pdf"
    build_dossier(dossier_ws, out, 2025, parts=["minh-chung"], number="15-TTr/ĐTN",
                  issued_on=ISSUED)  # fmt: skip
    pdf = read_pdf(out)
    texts = pdf.page_texts()
    # cover, contents, the annex's title, the minutes' 3 pages, the photo, the plan
    assert len(texts) == 8
    assert _foot(pdf, 3) == [
        "Minh chứng 1.1.1: Biên bản rà soát đoàn viên; Minh chứng 1.3.1: Biên bản xét rèn luyện"
    ]
    assert _foot(pdf, 4) == _foot(pdf, 5) == []
    assert _foot(pdf, 7) == ["Minh chứng 2.1.1, 2.2.1: Kế hoạch công tác năm 2025"]


def test_a_photo_attached_twice_with_one_caption_gives_it_once(
    dossier_ws: Workspace, tmp_path: Path, read_pdf: ReadPdf
) -> None:
    dossier_ws.recognition.attach(2025, "2.1", tmp_path / "anh.jpg", "Buổi sinh hoạt chi đoàn")
    out = tmp_path / "ho-so.pdf"
    build_dossier(dossier_ws, out, 2025, parts=["minh-chung"], number="15-TTr/ĐTN",
                  issued_on=ISSUED)  # fmt: skip
    texts = read_pdf(out).page_texts()
    assert texts[6] == "Minh chứng 1.2.1, 2.1.1\n Buổi sinh hoạt chi đoàn\n7\n"
