"""The arrivals of the period ("Chuyển sinh hoạt đến", "Đến sinh hoạt tạm") count people, as the
union's report on member work does, not events: a member who transferred in twice, or whose
temporary activity here was recorded twice (a stay renewed), counts once; the tooltips say so."""

from __future__ import annotations

from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace

from .conftest import BA_DIEU, XOM_MOI, add_member
from .reading import shown_page, type_day

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
SPAN = "từ 01/01/2026 đến 30/09/2026"
TRANSFERS_TIP = (
    "Số người, không phải số lần: đoàn viên chuyển sinh hoạt đến đơn vị "
    f"{SPAN}; người chuyển đến hai lần chỉ tính một lần."
)
ARRIVALS_TIP = (
    "Số người, không phải số lần: đoàn viên của đơn vị khác đến sinh hoạt tạm tại đơn vị "
    f"{SPAN}; người được ghi nhận sinh hoạt tạm hai lần (gia hạn, đến lại) chỉ tính một lần."
)


@pytest.fixture
def twice_ws(known_ws: Workspace) -> Workspace:
    """Hạnh here on temporary activity twice (her stay renewed on 01/06); Đến transferred in on
    01/02, out on 01/04 and in again on 01/08; Khoa transferred in once."""
    ws = known_ws
    record = ws.events.record
    guest = add_member(ws, "Lâm Thị Hạnh", "01/01/2000", "Nữ", BA_DIEU, "Kinh", "Không")
    record(guest, "temporary", "01/03/2026", home_organization="Đoàn xã Khánh An")
    record(guest, "temporary", "01/06/2026", home_organization="Đoàn xã Khánh An")
    back = add_member(ws, "Tạ Văn Đến", "01/01/2001", "Nam", XOM_MOI, "Kinh", "Không")
    record(back, "transfer_in", "01/02/2026", other_organization="Đoàn phường 5")
    record(back, "transfer_out", "01/04/2026", other_organization="Đoàn phường 5")
    record(back, "transfer_in", "01/08/2026", other_organization="Đoàn phường 5")
    once = add_member(ws, "Lý Văn Khoa", "01/01/2001", "Nam", XOM_MOI, "Kinh", "Không")
    record(once, "transfer_in", "01/05/2026", other_organization="Đoàn xã Khánh An")
    return ws


def test_arrivals_count_each_member_once(twice_ws: Workspace) -> None:
    stats = twice_ws.statistics.roster(date(2026, 9, 30))
    assert (stats.transfers_in, stats.temporary_arrivals) == (2, 1)  # Đến, Khoa; Hạnh
    # up to 31/05: Đến's first transfer in, Khoa's, Hạnh's first stay
    stats = twice_ws.statistics.roster(date(2026, 5, 31))
    assert (stats.transfers_in, stats.temporary_arrivals) == (2, 1)


def test_the_tooltips_say_people_are_counted(qtbot: QtBot, twice_ws: Workspace) -> None:
    page = shown_page(qtbot, twice_ws)
    type_day(qtbot, page, "30/09/2026")
    shown = [(card.caption.text(), card.value.text(), card.toolTip()) for card in page.cards]
    assert shown[5:7] == [
        (f"Chuyển sinh hoạt đến {SPAN}", "2", TRANSFERS_TIP),
        (f"Đến sinh hoạt tạm {SPAN}", "1", ARRIVALS_TIP),
    ]
