"""The printed list of ethnic-minority or religious youth shows why each one is on it: a
"Dân tộc" column on the list of ethnic-minority youth, a "Tôn giáo" column on the list of
religious youth, each on the person's row; the whole register prints neither."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from doancoso.core.workspace import Workspace
from doancoso.core.youth.service import YouthFilter
from doancoso.reports.youth import print_youth

ReadPdf = Callable[[Path], Any]


def _save(ws: Workspace) -> None:
    common = {"birth_date": "05/03/2003", "hamlet": "Ấp Tân Hưng"}
    ws.youth.save({**common, "full_name": "Thạch Thị Sa Vy", "ethnicity": "Khmer",
                   "religion": "Phật giáo"})  # fmt: skip
    ws.youth.save({**common, "full_name": "Nguyễn Văn Bảy", "ethnicity": "Kinh",
                   "religion": "Công giáo"})  # fmt: skip


def _row(pdf: Any, name: str) -> list[str]:
    runs = pdf.runs(0)
    (row,) = [r for r in runs if r.text == name]
    return [r.text for r in runs if abs(r.y - row.y) < 1 and r.x > row.x]


def test_the_list_of_ethnic_minority_youth_prints_each_ones_ethnicity(
    ws: Workspace, tmp_path: Path, read_pdf: ReadPdf
) -> None:
    _save(ws)
    pdf = read_pdf(print_youth(ws, tmp_path / "dtts.pdf", YouthFilter(minority_only=True)))
    texts = [r.text for r in pdf.runs(0)]
    assert "Dân tộc" in texts and "Tôn giáo" not in texts
    assert _row(pdf, "Thạch Thị Sa Vy")[:3] == ["05/03/2003", "Khmer", "Ấp Tân Hưng"]
    assert "Nguyễn Văn Bảy" not in texts


def test_the_list_of_religious_youth_prints_each_ones_religion(
    ws: Workspace, tmp_path: Path, read_pdf: ReadPdf
) -> None:
    _save(ws)
    pdf = read_pdf(print_youth(ws, tmp_path / "tg.pdf", YouthFilter(religious_only=True)))
    texts = [r.text for r in pdf.runs(0)]
    assert "Tôn giáo" in texts and "Dân tộc" not in texts
    assert _row(pdf, "Nguyễn Văn Bảy")[:3] == ["05/03/2003", "Công giáo", "Ấp Tân Hưng"]
    assert _row(pdf, "Thạch Thị Sa Vy")[:3] == ["05/03/2003", "Phật giáo", "Ấp Tân Hưng"]


def test_both_lists_at_once_print_both_and_the_register_neither(
    ws: Workspace, tmp_path: Path, read_pdf: ReadPdf
) -> None:
    _save(ws)
    both = YouthFilter(minority_only=True, religious_only=True)
    pdf = read_pdf(print_youth(ws, tmp_path / "ca-hai.pdf", both))
    assert _row(pdf, "Thạch Thị Sa Vy")[:4] == ["05/03/2003", "Khmer", "Phật giáo", "Ấp Tân Hưng"]
    whole = [r.text for r in read_pdf(print_youth(ws, tmp_path / "so.pdf")).runs(0)]
    assert "Dân tộc" not in whole and "Tôn giáo" not in whole and "Khmer" not in whole
