"""The statistics page's two counts of members per chi đoàn say what they count: the "Theo chi
đoàn" breakdown the active roster on the day, the participation table everyone who was on it in
the year up to the day counted (those who left since too: its column names that span); members
in no chi đoàn are "Chưa có chi đoàn" in both, as in the roster's filter; the PDF and the Excel
sheet say the same."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from doancoso.core.statistics.export import activity_figures
from doancoso.core.workspace import Workspace
from doancoso.reports.statistics import print_statistics_of
from doancoso.ui.statistics.page import StatisticsPage
from scripted import synchronous_core

from .conftest import BA_DIEU, PRINTED_BY_BRANCH, TODAY, XOM_MOI

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
HEADING = "Theo chi đoàn (đang sinh hoạt)"
HEADING_TIP = (
    "Đoàn viên đang sinh hoạt (kể cả sinh hoạt tạm) vào ngày lấy số liệu, theo chi đoàn hiện "
    "tại: cộng lại bằng tổng số đoàn viên đang sinh hoạt."
)
SPAN = "từ 01/01/2026 đến 01/06/2026"  # TODAY's
MEMBERS = f"Đoàn viên {SPAN}"
MEMBERS_NOTE = (
    f"Cột “Đoàn viên {SPAN}” tính mọi người đã sinh hoạt tại đơn vị {SPAN}, kể cả người "
    "nay đã chuyển đi hoặc ra khỏi Đoàn (ở chi đoàn sau cùng của họ), nên có thể nhiều hơn số "
    "ở phần “Theo chi đoàn (đang sinh hoạt)”."
)
NO_BRANCH = "Chưa có chi đoàn"


@pytest.fixture
def unplaced(known_ws: Workspace) -> Workspace:
    """The known roster and one member in no chi đoàn."""
    known_ws.members.save({"full_name": "Huỳnh Văn Giàu", "birth_date": "03/03/2005",
                           "gender": "Nam"})  # fmt: skip
    return known_ws


def test_the_page_says_what_each_count_means(qtbot: QtBot, unplaced: Workspace) -> None:
    page = StatisticsPage(synchronous_core(unplaced), today=lambda: TODAY)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    chart = page.charts[HEADING]
    assert chart.data() == [(BA_DIEU, 3), (XOM_MOI, 2), (NO_BRANCH, 1)]
    assert page.branch_note.text() == HEADING_TIP and page.branch_note.isVisible()
    model = page.participation
    horizontal = Qt.Orientation.Horizontal
    assert model.headerData(1, horizontal) == f"Đoàn viên\n{SPAN}"  # on two lines: narrower
    assert model.headerData(1, horizontal, Qt.ItemDataRole.ToolTipRole) == MEMBERS_NOTE
    names = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert NO_BRANCH in names and "Chưa xếp chi đoàn" not in names
    assert page.participation_note.text().endswith(" " + MEMBERS_NOTE)


def test_the_exports_say_the_same(unplaced: Workspace, tmp_path: Path) -> None:
    stats = unplaced.statistics.roster(TODAY)  # with the page's tables, as the page prints
    activity = activity_figures(unplaced.participation, unplaced.rating, TODAY.year, TODAY)
    pdf = print_statistics_of(unplaced, stats, tmp_path / "tk.pdf", date(2026, 6, 2),
                              activity=activity)  # fmt: skip
    text = "\n".join(page.extract_text() for page in PdfReader(str(pdf)).pages)
    flat = " ".join(" ".join(line.split()) for line in text.splitlines() if line.strip())
    assert f"1. {PRINTED_BY_BRANCH}" in flat and f"3 {NO_BRANCH} 1" in flat
    assert MEMBERS in flat and MEMBERS_NOTE in flat
    assert "Chưa xếp chi đoàn" not in flat  # ("Chưa rõ" stays, for an education not given)
    sheet = tmp_path / "tk.xlsx"
    unplaced.spreadsheets.export_statistics(sheet, TODAY)
    rows = [tuple(c for c in row if c is not None)
            for row in load_workbook(sheet).active.iter_rows(values_only=True)]  # fmt: skip
    assert (f"1. {PRINTED_BY_BRANCH}",) in rows
    assert any(row[:3] == (3, NO_BRANCH, 1) for row in rows)
    assert ("STT", "Chi đoàn", MEMBERS, "Lượt phải tham gia", "Lượt có mặt", "Tỉ lệ (%)") in rows
    assert any(len(row) == 1 and str(row[0]).endswith(" " + MEMBERS_NOTE) for row in rows)
    cells = {c for row in rows for c in row}
    assert "Chưa xếp chi đoàn" not in cells
