"""A breakdown's shares are each their count's own rounding, a half up, on the page, in the PDF
and in the Excel sheet alike: 3, 2 and 2 of 7 print 42,9 + 28,6 + 28,6 (100,1) under a "Cộng" row
of 100,0, the whole; pushed to add to 100,0 they gave one count two shares in one table."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from doancoso.core.statistics.export import shares
from doancoso.core.workspace import Workspace
from doancoso.reports.statistics import print_statistics
from doancoso.ui.statistics.bar_chart import BarChart
from doancoso.ui.statistics.page import StatisticsPage
from scripted import ScriptedPrompts, synchronous_core

from .conftest import BA_DIEU, TODAY, add_member

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

# 3 Kinh, 2 Hoa, 2 Khmer: 428,57, 285,71 and 285,71 tenths of a per cent, each rounded: 42,9 +
# 28,6 + 28,6 = 100,1.
ETHNICITIES = ("Kinh", "Kinh", "Kinh", "Hoa", "Hoa", "Khmer", "Khmer")
NAMES = ("An", "Bình", "Cường", "Dũng", "Giang", "Hải", "Khánh")


@pytest.fixture
def seven_ws(ws: Workspace) -> Workspace:
    for name, ethnicity in zip(NAMES, ETHNICITIES, strict=True):
        add_member(ws, f"Nguyễn Văn {name}", "15/03/2000", "Nam", BA_DIEU, ethnicity, "Không")
    return ws


def test_the_page_shows_each_share_rounded_on_its_own(qtbot: QtBot, seven_ws: Workspace) -> None:
    page = StatisticsPage(synchronous_core(seven_ws, ScriptedPrompts()), today=lambda: TODAY)
    qtbot.addWidget(page)
    page.show()
    assert page.charts["Theo dân tộc"].as_text() == (
        "Theo dân tộc\nKinh: 3 (42,9%)\nHoa: 2 (28,6%)\nKhmer: 2 (28,6%)"
    )


def test_the_pdf_prints_each_share_rounded_on_its_own(seven_ws: Workspace, tmp_path: Path) -> None:
    path = print_statistics(seven_ws, tmp_path / "tk.pdf", TODAY)
    text = "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)
    flat = " ".join(" ".join(line.split()) for line in text.splitlines() if line.strip())
    assert "1 Kinh 3 42,9 2 Hoa 2 28,6 3 Khmer 2 28,6 Cộng 7 100,0" in flat


def test_the_sheet_holds_each_share_rounded_on_its_own(seven_ws: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "tk.xlsx"
    seven_ws.spreadsheets.export_statistics(path, TODAY)
    rows = [
        tuple(c for c in row if c is not None)
        for row in load_workbook(path).active.iter_rows(values_only=True)
    ]
    at = rows.index(("5. Theo dân tộc",))
    assert rows[at + 2 : at + 6] == [
        (1, "Kinh", 3, 42.9), (2, "Hoa", 2, 28.6), (3, "Khmer", 2, 28.6), ("Cộng", 7, 100.0),
    ]  # fmt: skip


def test_equal_counts_get_equal_shares(qtbot: QtBot) -> None:
    """100 Kinh, 5 Hoa, 5 Khmer of 110: 90,909…, 4,545…, 4,545…: 90,9, 4,5 and 4,5 (99,9)."""
    chart = BarChart("Theo dân tộc")
    qtbot.addWidget(chart)
    chart.set_data({"Kinh": 100, "Hoa": 5, "Khmer": 5})
    assert chart.as_text() == "Theo dân tộc\nKinh: 100 (90,9%)\nHoa: 5 (4,5%)\nKhmer: 5 (4,5%)"
    assert shares([1, 1, 1]) == [33.3, 33.3, 33.3]
    # Chi đoàn ấp Rạch Ráng of the 2025 demo read "1 (3,6%)" and "1 (3,5%)" in one row; 5 of 28
    # read 17,8.
    assert shares([1, 1, 5, 21]) == [3.6, 3.6, 17.9, 75.0]
    assert shares([1, 15]) == [6.3, 93.8]  # a half goes up, as one_decimal rounds
    assert shares([0, 0]) == [0.0, 0.0]


def test_each_share_is_its_counts_own_rounding_half_up() -> None:
    for total in range(1, 60):
        for first in range(total + 1):
            for second in range(total - first + 1):
                counts = [first, second, total - first - second, second]
                got = shares(counts)
                for n, s in zip(counts, got, strict=True):
                    exact = Fraction(1000 * n, sum(counts))
                    assert round(s * 10) == int(exact + Fraction(1, 2)), counts
                assert got[1] == got[3], counts
