"""The half-year and nine-month reports: the figures of 30/06 (or 30/09) with the movements from
01/01 are titled as the superior body asks for them, "6 tháng đầu năm 2026" ("9 tháng đầu năm
2026"), not "năm 2026", which reads as the year's report; in the PDF and in the sheet. The
year's end, another day and a quarter keep their titles."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.reports.statistics import print_statistics

from .reading import exported, pdf_text, shown_page

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _titles(ws: Workspace, tmp_path: Path, day: date) -> tuple[str, str]:
    """The sheet's title row and the PDF's title line, with its day, of the figures of ``day``."""
    rows, text = exported(ws, tmp_path, day)
    line = f"(Số liệu đến ngày {day:%d/%m/%Y})"
    start = text.index("Thống kê tình hình đoàn viên")
    return str(rows[1][0]), text[start : text.index(line) + len(line)]


def test_the_half_year_and_nine_months_are_titled_so(known_ws: Workspace, tmp_path: Path) -> None:
    assert _titles(known_ws, tmp_path, date(2026, 6, 30)) == (
        "THỐNG KÊ TÌNH HÌNH ĐOÀN VIÊN 6 THÁNG ĐẦU NĂM 2026",
        "Thống kê tình hình đoàn viên 6 tháng đầu năm 2026 (Số liệu đến ngày 30/06/2026)",
    )
    assert _titles(known_ws, tmp_path, date(2026, 9, 30)) == (
        "THỐNG KÊ TÌNH HÌNH ĐOÀN VIÊN 9 THÁNG ĐẦU NĂM 2026",
        "Thống kê tình hình đoàn viên 9 tháng đầu năm 2026 (Số liệu đến ngày 30/09/2026)",
    )
    assert _titles(known_ws, tmp_path, date(2025, 12, 31)) == (
        "THỐNG KÊ TÌNH HÌNH ĐOÀN VIÊN NĂM 2025",
        "Thống kê tình hình đoàn viên năm 2025 (Số liệu đến ngày 31/12/2025)",
    )
    assert _titles(known_ws, tmp_path, date(2026, 8, 15))[0] == (
        "THỐNG KÊ TÌNH HÌNH ĐOÀN VIÊN NĂM 2026"
    )


def test_the_second_quarter_stays_the_quarter(known_ws: Workspace, tmp_path: Path) -> None:
    path = print_statistics(known_ws, tmp_path / "q2.pdf", date(2026, 6, 30), quarter=2)
    assert "Thống kê tình hình đoàn viên quý II năm 2026 (Số liệu đến ngày 30/06/2026)" in (
        pdf_text(path)
    )


def test_the_day_field_says_how_to_count_the_half_year(qtbot: QtBot, known_ws: Workspace) -> None:
    page = shown_page(qtbot, known_ws)
    assert "ngày 30/06 (kỳ “Từ đầu năm”) để báo cáo 6 tháng đầu năm" in page.day_edit.toolTip()
