"""The chi đoàn and the Đoàn cơ sở report on member work quarterly (DOMAIN.md §7): "Kỳ" offers the
quarter alone (Quý I–IV of the year of the day counted) beside the year to the day. A quarter
counts the movements from its first day up to its last (or up to today while it runs), the
roster as it stood on that day; the page, the PDF and the sheet say which quarter."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from doancoso.core.statistics.periods import quarter_of
from doancoso.core.workspace import Workspace
from doancoso.ui.statistics.page import StatisticsPage
from scripted import ScriptedPrompts, accept_print_dialog, synchronous_core

from .conftest import BA_DIEU, XOM_MOI, add_member
from .reading import movements, pdf_text, sheet_rows, type_day

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
Q3 = "quý III năm 2026"
CARD_Q3 = "quý\u00a0III năm 2026"
"""Q3 on the cards: "quý III" never wrapped as "quý" / "III năm 2026" (a no-break space)."""


@pytest.fixture
def quarter_ws(known_ws: Workspace) -> Workspace:
    """Tư admitted on 01/04/2026 (quarter II), Sáu on 15/08/2026 (quarter III); Đến transferred
    in on 10/07/2026 (quarter III); a guest arrived on 01/02/2026 (quarter I)."""
    ws = known_ws
    record = ws.events.record
    for name, day in (("Mai Thị Tư", "01/04/2026"), ("Mai Văn Sáu", "15/08/2026")):
        record(add_member(ws, name, "01/01/2008", "Nữ", XOM_MOI, "Kinh", "Không"), "admission", day)
    den = add_member(ws, "Tạ Văn Đến", "01/01/2001", "Nam", XOM_MOI, "Kinh", "Không")
    record(den, "transfer_in", "10/07/2026", other_organization="Đoàn phường 5")
    guest = add_member(ws, "Lâm Thị Hạnh", "01/01/2000", "Nữ", BA_DIEU, "Kinh", "Không")
    record(guest, "temporary", "01/02/2026", home_organization="Đoàn xã Khánh An")
    return ws


def test_a_quarter_counts_its_own_movements(quarter_ws: Workspace) -> None:
    whole = quarter_ws.statistics.roster(date(2026, 9, 30))
    third = quarter_ws.statistics.roster(date(2026, 9, 30), quarter=3)
    assert (whole.admissions, whole.transfers_in, whole.temporary_arrivals) == (2, 1, 1)
    assert (third.admissions, third.transfers_in, third.temporary_arrivals) == (1, 1, 0)
    assert third.total == whole.total == 9  # the roster of 30/09 either way
    second = quarter_ws.statistics.roster(date(2026, 6, 30), quarter=2)
    assert (second.admissions, second.transfers_in, second.total) == (1, 0, 7)
    assert quarter_of(date(2026, 9, 30)) == 3 and quarter_of(date(2026, 10, 1)) == 4
    with pytest.raises(ValueError):
        quarter_ws.statistics.roster(date(2026, 9, 30), quarter=2)  # not a day of quarter II


def _choose(qtbot: QtBot, page: StatisticsPage, item: str) -> None:
    page.period_box.setFocus()
    index = page.period_box.findText(item)
    assert index >= 0, item
    page.period_box.setCurrentIndex(index)
    page.period_box.activated.emit(index)


def test_the_page_offers_the_quarters(qtbot: QtBot, quarter_ws: Workspace, tmp_path: Path) -> None:
    prompts = ScriptedPrompts()
    prompts.dialog_script = accept_print_dialog  # the PDF's number, place, date as suggested
    page = StatisticsPage(synchronous_core(quarter_ws, prompts))
    qtbot.addWidget(page)
    page.show()
    box = page.period_box
    assert [box.itemText(i) for i in range(box.count())] == [
        "Từ đầu năm", "Quý I", "Quý II", "Quý III", "Quý IV",
    ]  # fmt: skip
    type_day(qtbot, page, "15/11/2026")
    _choose(qtbot, page, "Quý III")
    assert page.day_edit.text() == "30/09/2026"  # the quarter's last day
    shown = [(card.caption.text(), card.value.text()) for card in page.cards]
    assert shown[4:9] == list(zip(movements(CARD_Q3), ["1", "1", "0", "0", "0"], strict=True))
    assert page.cards[5].toolTip().startswith(f"Số người, không phải số lần: đoàn viên chuyển "
                                              f"sinh hoạt đến đơn vị {Q3};")  # fmt: skip
    # the participation is of the year to the day, and says so
    assert page.participation_title.text() == (
        "Tham gia hoạt động từ 01/01/2026 đến 30/09/2026 theo chi đoàn"
    )

    page.ask_save_path = lambda caption, name, filter_text: tmp_path / name  # type: ignore[method-assign]
    page.open_file = lambda _path: None
    page.xlsx_button.click()
    page.pdf_button.click()
    rows = [row[:3] for row in sheet_rows(tmp_path / "thong-ke-doan-vien-quy-III-2026.xlsx")]
    assert rows[1][0] == "THỐNG KÊ TÌNH HÌNH ĐOÀN VIÊN QUÝ III NĂM 2026"
    assert rows[2][0] == "(Số liệu đến ngày 30/09/2026)"
    assert (5, f"Kết nạp đoàn viên mới {Q3}", 1) in rows
    text = pdf_text(tmp_path / "thong-ke-doan-vien-quy-III-2026.pdf")
    assert (
        "BÁO CÁO Thống kê tình hình đoàn viên quý III năm 2026 (Số liệu đến ngày 30/09/2026)"
        in text
    )
    assert f"5 Kết nạp đoàn viên mới {Q3} 1 6 Chuyển sinh hoạt đến {Q3} 1 " in text

    # another day of the year: the quarter it falls in; back to the year to the day
    type_day(qtbot, page, "30/06/2026")
    assert box.currentText() == "Quý II"
    assert page.cards[4].caption.text() == "Kết nạp đoàn viên mới quý\u00a0II năm 2026"
    _choose(qtbot, page, "Từ đầu năm")
    assert page.day_edit.text() == "30/06/2026"
    assert page.cards[4].caption.text() == "Kết nạp đoàn viên mới từ 01/01/2026 đến 30/06/2026"
    assert page.cards[4].value.text() == "1"


def test_a_quarter_not_yet_begun_is_refused(qtbot: QtBot, quarter_ws: Workspace) -> None:
    """The quarter running is counted up to today; one not yet begun is said so, nothing
    changed."""
    page = StatisticsPage(synchronous_core(quarter_ws, ScriptedPrompts()))
    qtbot.addWidget(page)
    page.now = lambda: date(2026, 8, 15)  # the page's clock
    page.show()
    _choose(qtbot, page, "Quý III")
    assert page.day_edit.text() == "15/08/2026"
    assert page.cards[4].caption.text() == "Kết nạp đoàn viên mới từ 01/07/2026 đến 15/08/2026"
    assert page.cards[4].value.text() == "1"  # Sáu
    _choose(qtbot, page, "Quý IV")
    assert page.day_error.isVisibleTo(page)
    assert page.day_error.text() == (
        "Quý IV năm 2026 chưa bắt đầu: chỉ thống kê được số liệu đến hôm nay (15/08/2026)."
    )
    assert (page.period_box.currentText(), page.day_edit.text()) == ("Quý III", "15/08/2026")
    assert page.cards[4].caption.text() == "Kết nạp đoàn viên mới từ 01/07/2026 đến 15/08/2026"
