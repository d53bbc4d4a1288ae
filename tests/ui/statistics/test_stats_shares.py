"""A breakdown's shares add to exactly 100,0 as its "Cộng" row says, on the page, in the PDF and
in the Excel sheet alike: rounded one by one, 3, 2 and 2 of 7 would print 42,9 + 28,6 + 28,6 =
100,1."""

from __future__ import annotations

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

# 3 Kinh, 2 Hoa, 2 Khmer: 428,57, 285,71 and 285,71 tenths of a per cent; cut down to 428, 285
# and 285 (99,8), the two tenths left go to the largest remainders, Hoa's and Khmer's (,71
# against ,57): 42,8 + 28,6 + 28,6 = 100,0.
ETHNICITIES = ("Kinh", "Kinh", "Kinh", "Hoa", "Hoa", "Khmer", "Khmer")
NAMES = ("An", "Bình", "Cường", "Dũng", "Giang", "Hải", "Khánh")


@pytest.fixture
def seven_ws(ws: Workspace) -> Workspace:
    for name, ethnicity in zip(NAMES, ETHNICITIES, strict=True):
        add_member(ws, f"Nguyễn Văn {name}", "15/03/2000", "Nam", BA_DIEU, ethnicity, "Không")
    return ws


def test_the_page_shows_shares_adding_to_100(qtbot: QtBot, seven_ws: Workspace) -> None:
    page = StatisticsPage(synchronous_core(seven_ws, ScriptedPrompts()), today=lambda: TODAY)
    qtbot.addWidget(page)
    page.show()
    assert page.charts["Theo dân tộc"].as_text() == (
        "Theo dân tộc\nKinh: 3 (42,8%)\nHoa: 2 (28,6%)\nKhmer: 2 (28,6%)"
    )


def test_the_pdf_prints_shares_adding_to_100(seven_ws: Workspace, tmp_path: Path) -> None:
    path = print_statistics(seven_ws, tmp_path / "tk.pdf", TODAY)
    text = "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)
    flat = " ".join(" ".join(line.split()) for line in text.splitlines() if line.strip())
    assert "1 Kinh 3 42,8 2 Hoa 2 28,6 3 Khmer 2 28,6 Cộng 7 100,0" in flat


def test_the_sheet_holds_shares_adding_to_100(seven_ws: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "tk.xlsx"
    seven_ws.spreadsheets.export_statistics(path, TODAY)
    rows = [
        tuple(c for c in row if c is not None)
        for row in load_workbook(path).active.iter_rows(values_only=True)
    ]
    at = rows.index(("5. Theo dân tộc",))
    assert rows[at + 2 : at + 6] == [
        (1, "Kinh", 3, 42.8), (2, "Hoa", 2, 28.6), (3, "Khmer", 2, 28.6), ("Cộng", 7, 100.0),
    ]  # fmt: skip


def test_equal_counts_get_equal_shares(qtbot: QtBot) -> None:
    """100 Kinh, 5 Hoa, 5 Khmer of 110: 90,909…, 4,545…, 4,545…; the tenth left goes to Kinh
    (91,0) rather than to Hoa alone, which showed "5 · 4,6%" over Khmer's "5 · 4,5%"."""
    chart = BarChart("Theo dân tộc")
    qtbot.addWidget(chart)
    chart.set_data({"Kinh": 100, "Hoa": 5, "Khmer": 5})
    assert chart.as_text() == "Theo dân tộc\nKinh: 100 (91,0%)\nHoa: 5 (4,5%)\nKhmer: 5 (4,5%)"
    # three thirds cannot all be alike: one of them takes the tenth left
    assert shares([1, 1, 1]) == [33.4, 33.3, 33.3]
    assert shares([0, 0]) == [0.0, 0.0]


def test_shares_always_add_to_100_within_a_tenth() -> None:
    for total in range(1, 60):
        for first in range(total + 1):
            for second in range(total - first + 1):
                counts = [first, second, total - first - second, second]
                got = shares(counts)
                assert round(sum(got) * 10) == 1000, counts
                for n, s in zip(counts, got, strict=True):
                    assert abs(s - 100 * n / sum(counts)) < 0.1, counts
                    if n in (0, sum(counts)):
                        assert s == 100 * n / sum(counts), counts
