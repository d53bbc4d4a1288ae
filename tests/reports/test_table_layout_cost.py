"""What a long table costs to print: each row's cells laid out once to measure the row and once
to draw it, however many pages the table takes (the dossier's lists and its self-assessment
table are most of its own pages)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from doancoso.core.organization import OrganizationInfo
from doancoso.reports.document import UnionDocument
from doancoso.reports.styles import styles
from doancoso.reports.tables import Column, build_table_document

ReadPdf = Callable[[Path], Any]
ORG = OrganizationInfo(name="Đoàn xã Tân Hưng", superior_name="Tỉnh đoàn Cà Mau",
                       commune="Tân Hưng", province="Cà Mau",
                       secretary_name="Nguyễn Thị Như Quỳnh")  # fmt: skip


class _CountedParagraph(Paragraph):
    """A real Paragraph (it lays out and draws as any) that counts each time it is laid out."""

    def __init__(self, text: str, style: ParagraphStyle, key: int, layouts: Counter[int]) -> None:
        super().__init__(text, style)
        self.key, self.layouts = key, layouts

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.layouts[self.key] += 1
        return super().wrap(availWidth, availHeight)  # type: ignore[no-any-return]


def test_a_long_lists_rows_are_laid_out_once_to_measure_and_once_to_draw(
    tmp_path: Path, read_pdf: ReadPdf
) -> None:
    """Reportlab's Table measures every cell again at each wrap and split, and each page's
    table is built with more rows than can fit: the rows were measured up to seven times (up
    to thirteen for those left for the next page), the table's time the dossier's biggest."""
    layouts: Counter[int] = Counter()
    rows = [(n, _CountedParagraph(f"Đoàn viên số {n}, ấp Bào Sen, xã Tân Hưng, tỉnh Cà Mau, "
                                  f"tham gia sinh hoạt đầy đủ", styles()["body_left"], n,
                                  layouts))
            for n in range(1, 200)]  # fmt: skip
    doc = UnionDocument(ORG, kind="Danh sách đoàn viên", issued_on=date(2026, 11, 26))
    total = Paragraph("Tổng số: 199 đoàn viên.", styles()["total"])
    path = build_table_document(doc, tmp_path / "ds.pdf", [Column("STT", 1, "CENTER"),
                                                           Column("Họ và tên", 8)], rows,
                                after=[total])  # fmt: skip
    pdf = read_pdf(path)
    assert len(pdf.pages) >= 8
    text = " ".join(pdf.text().split())
    assert re.findall(r"Đoàn viên số (\d+),", text) == [str(n) for n in range(1, 200)]
    assert "199 Đoàn viên số 199, ấp Bào Sen," in text
    assert "tham gia sinh hoạt đầy đủ Tổng số: 199 đoàn viên. Nơi nhận:" in text
    assert layouts == Counter({n: 2 for n in range(1, 200)})
