"""Members of other organisations who came to live here on temporary activity in the year are a
movement of their own, "Đến sinh hoạt tạm", beside the transfers in: counted like them (events
of the year up to the day counted), on the page, in the PDF and in the sheet."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace

from .conftest import BA_DIEU, XOM_MOI, add_member
from .reading import exported, shown_page, type_day

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
SPAN = "từ 01/01/2026 đến 30/09/2026"
ARRIVALS = f"Đến sinh hoạt tạm {SPAN}"


@pytest.fixture
def arrivals_ws(known_ws: Workspace) -> Workspace:
    """Two guests arrived in 2026 (01/03 and 01/10), one in 2025; one member transferred in."""
    ws = known_ws
    record = ws.events.record
    for name, day in (("Lâm Thị Hạnh", "01/03/2026"), ("Lâm Văn Khoa", "01/10/2026"),
                      ("Lâm Văn Cũ", "01/06/2025")):  # fmt: skip
        guest = add_member(ws, name, "01/01/2000", "Nam", BA_DIEU, "Kinh", "Không")
        record(guest, "temporary", day, home_organization="Đoàn xã Khánh An")
    moved = add_member(ws, "Tạ Văn Đến", "01/01/2001", "Nam", XOM_MOI, "Kinh", "Không")
    record(moved, "transfer_in", "01/04/2026", other_organization="Đoàn phường 5")
    return ws


def test_the_year_counts_arrivals_up_to_the_day(arrivals_ws: Workspace) -> None:
    stats = arrivals_ws.statistics.roster(date(2026, 9, 30))
    assert (stats.transfers_in, stats.temporary_arrivals) == (1, 1)  # Đến; Hạnh, not Khoa
    assert arrivals_ws.statistics.roster(date(2026, 2, 28)).temporary_arrivals == 0
    assert arrivals_ws.statistics.roster(date(2025, 12, 31)).temporary_arrivals == 1  # Cũ


def test_the_page_shows_arrivals_beside_transfers_in(qtbot: QtBot, arrivals_ws: Workspace) -> None:
    page = shown_page(qtbot, arrivals_ws)
    type_day(qtbot, page, "30/09/2026")
    shown = [(card.caption.text(), card.value.text()) for card in page.cards]
    assert shown[5:7] == [(f"Chuyển sinh hoạt đến {SPAN}", "1"), (ARRIVALS, "1")]


def test_the_exports_show_arrivals(arrivals_ws: Workspace, tmp_path: Path) -> None:
    rows, text = exported(arrivals_ws, tmp_path, date(2026, 9, 30))
    assert (7, ARRIVALS, 1) in [row[:3] for row in rows]
    assert f"6 Chuyển sinh hoạt đến {SPAN} 1 7 {ARRIVALS} 1 8 " in text
