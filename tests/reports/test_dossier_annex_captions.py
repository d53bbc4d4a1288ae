"""The evidence annex as the superior body's officer turns its pages: an evidence PDF (a
scanned document, which carries no caption of its own) says on its first page, at its foot,
which evidence it is and what it shows, as a photo's page says it under the photo."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from doancoso.core.workspace import Workspace
from doancoso.reports.document import MARGIN_BOTTOM
from doancoso.reports.dossier.build import build_dossier
from dossier_data import ISSUED, evidence_pdf

ReadPdf = Callable[[Path], Any]


def _foot(pdf: Any, index: int) -> list[str]:
    """The text drawn in the bottom margin of page ``index`` (0-based), top line first."""
    runs = [r for r in pdf.runs(index) if r.y < MARGIN_BOTTOM]
    return [r.text for r in sorted(runs, key=lambda r: -r.y)]


def test_an_evidence_pdf_gives_its_number_and_caption_at_the_foot_of_its_first_page(
    dossier_ws: Workspace, tmp_path: Path, read_pdf: ReadPdf
) -> None:
    built = build_dossier(dossier_ws, tmp_path / "ho-so.pdf", 2025, ("minh-chung",),
                          issued_on=ISSUED)  # fmt: skip
    pdf = read_pdf(built.path)
    # cover, contents, the annex's title, the PDF's 3 pages, the photo's page
    assert len(pdf.pages) == 7
    assert _foot(pdf, 3) == ["Minh chứng 1.1.1: Biên bản rà soát đoàn viên"]
    assert _foot(pdf, 4) == _foot(pdf, 5) == []
    assert _foot(pdf, 6) == []  # a photo's caption is under the photo
    assert pdf.page_texts()[6].startswith("Minh chứng 1.2.1\n Buổi sinh hoạt chi đoàn")


def test_a_long_caption_takes_two_lines_at_most(
    ws: Workspace, tmp_path: Path, read_pdf: ReadPdf
) -> None:
    ws.recognition.open(2025)
    caption = ("Biên bản họp liên tịch giữa Ban Chấp hành Đoàn xã, Công an xã, Trạm Y tế xã và "
               "Hội Liên hiệp Phụ nữ xã về chương trình phối hợp tuyên truyền pháp luật, phòng "
               "chống ma túy và bạo lực học đường cho thanh thiếu niên trên địa bàn các ấp năm "
               "2025, có danh sách người dự")  # fmt: skip
    ws.recognition.attach(2025, "3.3", evidence_pdf(tmp_path / "bb.pdf", 1), caption)
    built = build_dossier(ws, tmp_path / "ho-so.pdf", 2025, ("minh-chung",), issued_on=ISSUED)
    foot = _foot(read_pdf(built.path), 3)
    assert len(foot) == 2
    assert foot[0].startswith("Minh chứng 3.3.1: Biên bản họp liên tịch giữa Ban Chấp hành")
    assert foot[1].endswith("…")
    assert caption.startswith(" ".join(foot)[len("Minh chứng 3.3.1: ") : -1])
