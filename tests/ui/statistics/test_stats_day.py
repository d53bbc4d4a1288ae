"""The day the figures are counted on: typed (or picked) in "Số liệu đến ngày", for the report
of a past quarter; a day that is no date, or not yet come, refused with a message."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from doancoso.core.lang.dates import format_vn_date
from doancoso.core.workspace import Workspace
from doancoso.ui.statistics.page import StatisticsPage
from scripted import ScriptedPrompts, accept_print_dialog, synchronous_core

from .conftest import BA_DIEU, add_member
from .reading import pdf_text, sheet_rows, shown_page, type_day

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
TOTAL = "Tổng số đoàn viên đang sinh hoạt (kể cả sinh hoạt tạm)"
ADMITTED = "Kết nạp đoàn viên mới từ 01/01/2025 đến 31/03/2025"


def _admitted(ws: Workspace, name: str, day: str) -> None:
    member = add_member(ws, name, "01/01/2005", "Nam", BA_DIEU, "Kinh", "Không")
    ws.events.record(member, "admission", day)


def _cards(page: StatisticsPage) -> dict[str, int]:
    return {c.caption.text(): int(c.value.text().replace(".", "")) for c in page.cards}


def test_a_quarter_end_typed_counts_that_day(qtbot: QtBot, known_ws: Workspace,
                                             tmp_path: Path) -> None:  # fmt: skip
    _admitted(known_ws, "Ngô Văn Hậu", "10/02/2025")
    _admitted(known_ws, "Lý Văn Khang", "15/05/2025")  # after the quarter
    page = StatisticsPage(synchronous_core(known_ws, ScriptedPrompts()))
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    assert page.day_edit.text() == format_vn_date(date.today())
    assert _cards(page)[TOTAL] == 7

    type_day(qtbot, page, "31/03/2025")
    assert page.day_edit.text() == "31/03/2025"
    cards = _cards(page)
    assert (cards[TOTAL], cards[ADMITTED]) == (6, 1)  # Hậu in, Khang not yet
    assert page.day_error.isHidden()

    page.ask_save_path = lambda caption, name, filter_text: tmp_path / name  # type: ignore[method-assign]
    page.xlsx_button.click()
    sheet = load_workbook(tmp_path / "thong-ke-doan-vien-den-31-03-2025.xlsx").active
    assert sheet["A3"].value == "(Số liệu đến ngày 31/03/2025)"


def test_a_past_day_exported_names_the_pages_today_as_the_chi_doans_day(
    qtbot: QtBot, known_ws: Workspace, tmp_path: Path
) -> None:
    """The chi đoàn of a past day's figures are today's (their history is not kept): the sheet
    and the PDF say of which day, the page's own (its clock), not the system's."""
    prompts = ScriptedPrompts()
    prompts.dialog_script = accept_print_dialog  # the PDF's number, place, date as suggested
    page = StatisticsPage(synchronous_core(known_ws, prompts), today=lambda: date(2026, 6, 10))
    page.now = lambda: date(2026, 6, 10)
    qtbot.addWidget(page)
    page.show()
    type_day(qtbot, page, "31/03/2026")
    page.ask_save_path = lambda caption, name, filter_text: tmp_path / name  # type: ignore[method-assign]
    page.open_file = lambda _path: None
    page.xlsx_button.click()
    page.pdf_button.click()
    heading = "1. Theo chi đoàn (đang sinh hoạt; chi đoàn ghi theo ngày 10/06/2026)"
    name = "thong-ke-doan-vien-den-31-03-2026"
    assert (heading,) in [tuple(c for c in row if c is not None)
                          for row in sheet_rows(tmp_path / f"{name}.xlsx")]  # fmt: skip
    assert f" {heading} " in pdf_text(tmp_path / f"{name}.pdf")


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("31/02/2025", "Ngày 31/02/2025 không có trên lịch."),
        ("quy 3", "Ngày phải viết dạng dd/mm/yyyy, ví dụ 05/03/2001."),
        ("TOMORROW", "Ngày {day} chưa đến: chỉ thống kê được số liệu đến hôm nay ({today})."),
    ],
)
def test_a_wrong_day_is_refused_and_changes_nothing(
    qtbot: QtBot, known_ws: Workspace, typed: str, message: str
) -> None:
    page = shown_page(qtbot, known_ws)
    type_day(qtbot, page, "31/03/2025")
    counted = page.stats
    tomorrow = format_vn_date(date.today() + timedelta(days=1))
    typed = typed.replace("TOMORROW", tomorrow)
    type_day(qtbot, page, typed)
    assert page.day_error.text() == message.format(day=tomorrow, today=format_vn_date(date.today()))
    assert not page.day_error.isHidden()
    assert page.stats is counted and page.stats is not None
    assert page.stats.today == date(2025, 3, 31)


def test_the_day_counted_is_shown_once(qtbot: QtBot, known_ws: Workspace) -> None:
    """The field "Số liệu đến ngày" holds the day counted: no label repeats it beside it."""
    page = shown_page(qtbot, known_ws)
    type_day(qtbot, page, "31/03/2025")
    assert page.day_edit.text() == "31/03/2025"
    shown = [label.text() for label in page.findChildren(QLabel) if label.isVisible()]
    # the field's own label only (the movements' captions say their span, "đến 31/03/2025")
    assert [text for text in shown if "số liệu đến" in text.lower()] == ["Số liệu đến &ngày:"]
