"""The total counts members on temporary activity here, and "Đến sinh hoạt tạm" their arrivals:
their leaving is counted too, in a row of its own ("Kết thúc sinh hoạt tạm": back home,
transferred in for good, or off the roster), so that the period's movements take the total at
its start to the total at its end, as a quarterly report on member work is read."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from doancoso.core.roster.service import MemberFilter
from doancoso.core.statistics.export import figure_tip, summary_figures
from doancoso.core.workspace import Workspace

from .conftest import BA_DIEU, XOM_MOI, add_member
from .reading import exported

SPAN = "từ 01/01/2026 đến 30/09/2026"
ENDED = f"Kết thúc sinh hoạt tạm {SPAN}"
ENDED_TIP = (
    "Số người: đoàn viên của đơn vị khác thôi sinh hoạt tạm tại đơn vị "
    f"{SPAN} (trở về đơn vị cũ, chuyển sinh hoạt hẳn về đơn vị, trưởng thành Đoàn hoặc ra "
    "khỏi Đoàn). Không tính trong số chuyển đi, ra khỏi Đoàn."
)
HOME = "Đoàn xã Khánh An"


@pytest.fixture
def moving_ws(known_ws: Workspace) -> Workspace:
    """2026's movements: Tư admitted; Đến transferred in; An (of the five) transferred out;
    guests Hạnh (came 01/03, went home 01/07), Khoa (came 01/02, transferred in for good 01/05),
    Cũ (came in 2025, went home 01/08) and Mới (came 01/09, still here)."""
    ws = known_ws
    record = ws.events.record

    def guest(name: str, arrived: str) -> str:
        member = add_member(ws, name, "01/01/2000", "Nam", BA_DIEU, "Kinh", "Không")
        record(member, "temporary", arrived, home_organization=HOME)
        return member

    hanh, khoa = guest("Lâm Thị Hạnh", "01/03/2026"), guest("Lâm Văn Khoa", "01/02/2026")
    cu = guest("Lâm Văn Cũ", "01/06/2025")
    guest("Lâm Văn Mới", "01/09/2026")
    ws.events.end_temporary([hanh], "01/07/2026")
    record(khoa, "transfer_in", "01/05/2026", other_organization=HOME)
    ws.events.end_temporary([cu], "01/08/2026")
    tu = add_member(ws, "Mai Thị Tư", "01/01/2008", "Nữ", XOM_MOI, "Kinh", "Không")
    record(tu, "admission", "01/04/2026")
    den = add_member(ws, "Tạ Văn Đến", "01/01/2001", "Nam", XOM_MOI, "Kinh", "Không")
    record(den, "transfer_in", "01/02/2026", other_organization="Đoàn phường 5")
    (an,) = ws.members.ids(MemberFilter(search="nguyen van an"))
    record(an, "transfer_out", "01/06/2026", other_organization="Đoàn phường 5")
    return ws


def test_the_movements_take_the_total_from_the_years_start_to_the_day(
    moving_ws: Workspace,
) -> None:
    start = moving_ws.statistics.roster(date(2025, 12, 31)).total
    stats = moving_ws.statistics.roster(date(2026, 9, 30))
    assert (start, stats.total, stats.temporary) == (6, 8, 2)  # Em and Cũ; Em and Mới
    moved = (stats.admissions, stats.transfers_in, stats.temporary_arrivals,
             stats.departures_total, stats.temporary_ended)  # fmt: skip
    assert moved == (1, 2, 3, 1, 3)  # Tư; Đến, Khoa; Hạnh, Khoa, Mới; An; Hạnh, Khoa, Cũ
    assert start + sum(moved[:3]) - sum(moved[3:]) == stats.total
    assert summary_figures(stats)[4:9] == [
        (f"Kết nạp đoàn viên mới {SPAN}", 1),
        (f"Chuyển sinh hoạt đến {SPAN}", 2),
        (f"Đến sinh hoạt tạm {SPAN}", 3),
        (f"Đoàn viên chuyển đi, ra khỏi Đoàn {SPAN}", 1),
        (ENDED, 3),
    ]
    assert figure_tip(ENDED, stats) == ENDED_TIP
    assert moving_ws.statistics.roster(date(2026, 6, 30)).temporary_ended == 1  # Khoa


def test_the_exports_show_the_stays_ended(moving_ws: Workspace, tmp_path: Path) -> None:
    rows, text = exported(moving_ws, tmp_path, date(2026, 9, 30))
    assert (9, ENDED, 3) in [row[:3] for row in rows]
    assert f"8 Đoàn viên chuyển đi, ra khỏi Đoàn {SPAN} 1 9 {ENDED} 3 10 " in text
