"""The self-assessment table's "Minh chứng" cells as an officer reads them: a file's number is
never parted from its label ("… Minh" over "chứng 1.1.3 (trang 116)")."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from doancoso.core.workspace import Workspace
from doancoso.reports.dossier.parts import numbered_evidence, write_table
from dossier_data import ISSUED, evidence_pdf

ReadPdf = Callable[[Path], Any]


def test_a_file_s_number_stays_with_its_label(
    ws: Workspace, tmp_path: Path, read_pdf: ReadPdf
) -> None:
    """Several files of one item, on pages past 100, with captions of every length: wherever
    a cell's lines break, "Minh chứng 1.1.N" stays on one line."""
    ws.recognition.open(2025)
    ws.recognition.set(2025, "1.1", {"status": "dat"})
    captions = ["Biên bản rà soát đoàn viên quý 1", "Ảnh", "Danh sách đoàn viên cập nhật",
                "Báo cáo", "Biên bản sinh hoạt chi đoàn ấp Tân Hòa", "Kế hoạch quý 2"]  # fmt: skip
    for k, caption in enumerate(captions):
        ws.recognition.attach(2025, "1.1", evidence_pdf(tmp_path / f"f{k}.pdf", 1 + k), caption)
    view = ws.recognition.view(2025)
    evidence = numbered_evidence(view)
    pages = {e.number: page for page, e in enumerate(evidence, start=111)}
    org = ws.organization.get()
    assert org is not None
    path = write_table(tmp_path / "bang.pdf", org, view, evidence, 2025, ISSUED,
                       evidence_pages=pages)  # fmt: skip
    lines = [" ".join(line.replace("\u00a0", " ").split())
             for line in read_pdf(path).text().splitlines()]  # fmt: skip
    parted = [
        line
        for line in lines
        if line.endswith((" Minh", " Minh chứng")) or line.startswith(("chứng", "1.1."))
    ]  # fmt: skip (the header: "Minh chứng")
    assert parted == []
    for k in range(1, len(captions) + 1):
        assert any(f"Minh chứng 1.1.{k}" in line for line in lines), (k, lines)
