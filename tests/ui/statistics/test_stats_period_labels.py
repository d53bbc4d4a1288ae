"""The year's movements (admissions, transfers in, arrivals on temporary activity, departures)
are counted from 01/01 up to the day counted: their labels say so ("từ 01/01/2026 đến
30/09/2026") unless the day is the year's end, when they are the whole year's ("năm 2025"); on
the page, in the PDF and in the sheet; the departures' tooltip says the same span."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from doancoso.core.lang.dates import format_vn_date
from doancoso.core.statistics.export import activity_figures
from doancoso.core.workspace import Workspace
from doancoso.reports.statistics import print_statistics, print_statistics_of
from doancoso.ui.statistics.page import StatisticsPage

from .reading import exported, movements, pdf_text, sheet_rows, shown_page, type_day

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _movements(span: str) -> list[str]:
    """The first four movements (the stays ended: test_stats_temporary_ended.py)."""
    return movements(span)[:4]


def _departures_tip(span: str) -> str:
    return (
        "Số người, không phải số lần: đoàn viên của đơn vị đã chuyển sinh hoạt đi, trưởng thành "
        f"Đoàn, bị khai trừ hoặc bị xóa tên {span}; người rời đi, trở lại rồi rời đi lần nữa chỉ "
        "tính một lần (theo lần rời đi sau cùng). Không tính đoàn viên của đơn vị khác kết thúc "
        "sinh hoạt tạm."
    )


def _members_note(span: str) -> str:
    return (
        f"Cột “Đoàn viên {span}” tính mọi người đã sinh hoạt tại đơn vị {span}, kể cả người nay "
        "đã chuyển đi hoặc ra khỏi Đoàn (ở chi đoàn sau cùng của họ), nên có thể nhiều hơn số ở "
        "phần “Theo chi đoàn (đang sinh hoạt)”."
    )


def _members_column(page: StatisticsPage) -> str:
    return str(page.participation.headerData(1, Qt.Orientation.Horizontal))


def _captions(qtbot: QtBot, page: StatisticsPage, typed: str) -> list[str]:
    type_day(qtbot, page, typed)
    return [card.caption.text() for card in page.cards][4:8]


def test_the_page_says_the_span_counted(qtbot: QtBot, known_ws: Workspace) -> None:
    page = shown_page(qtbot, known_ws)
    today = date.today()
    if (today.month, today.day) != (12, 31):
        up_to_today = f"từ 01/01/{today.year} đến {format_vn_date(today)}"
        assert [c.caption.text() for c in page.cards][4:8] == _movements(up_to_today)
    assert _captions(qtbot, page, "30/09/2026") == _movements("từ 01/01/2026 đến 30/09/2026")
    assert page.cards[7].toolTip() == _departures_tip("từ 01/01/2026 đến 30/09/2026")
    assert _captions(qtbot, page, "31/12/2025") == _movements("năm 2025")
    assert page.cards[7].toolTip() == _departures_tip("năm 2025")
    # the coming of age counts the whole year whatever the day
    assert page.cards[3].caption.text() == "Đến tuổi trưởng thành Đoàn (30 tuổi) năm 2025"


def test_the_exports_say_the_span_counted(known_ws: Workspace, tmp_path: Path) -> None:
    rows, text = exported(known_ws, tmp_path, date(2026, 9, 30))
    assert [row[1] for row in rows][10:14] == _movements("từ 01/01/2026 đến 30/09/2026")
    for number, label in enumerate(_movements("từ 01/01/2026 đến 30/09/2026"), start=5):
        assert f"{number} {label} " in text, label
    pdf = print_statistics(known_ws, tmp_path / "tk-2025.pdf", date(2025, 12, 31))
    text = pdf_text(pdf)
    for number, label in enumerate(_movements("năm 2025"), start=5):
        assert f"{number} {label} " in text, label


def test_the_participation_heading_says_the_span_counted(
    qtbot: QtBot, known_ws: Workspace, tmp_path: Path
) -> None:
    """The participation table counts the activities from 01/01 up to the day counted: its
    heading, its column of members and the note under it say so, as the movements' labels, on
    the page and in both exports (the column said "Đoàn viên trong năm")."""
    page = shown_page(qtbot, known_ws)
    _captions(qtbot, page, "30/09/2026")
    heading = "Tham gia hoạt động từ 01/01/2026 đến 30/09/2026 theo chi đoàn"
    assert page.participation_title.text() == heading
    # its column of members and the note under it say the same span, not "trong năm"
    span = "từ 01/01/2026 đến 30/09/2026"
    assert _members_column(page) == f"Đoàn viên\n{span}"
    assert _members_note(span) in page.participation_note.text()
    _captions(qtbot, page, "31/12/2025")
    assert page.participation_title.text() == "Tham gia hoạt động năm 2025 theo chi đoàn"
    assert _members_column(page) == "Đoàn viên\nnăm 2025"
    assert _members_note("năm 2025") in page.participation_note.text()
    tip = page.participation.headerData(1, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert tip == _members_note("năm 2025")

    path = tmp_path / "tk.xlsx"
    known_ws.spreadsheets.export_statistics(path, date(2026, 9, 30))
    cells = [row[0] for row in sheet_rows(path)]
    assert f"III. {heading.upper()}" in cells
    header = ("STT", "Chi đoàn", f"Đoàn viên {span}", "Lượt phải tham gia", "Lượt có mặt")
    assert header in [row[:5] for row in sheet_rows(path)]
    assert any(str(c).endswith(" " + _members_note(span)) for c in cells)
    stats = known_ws.statistics.roster(date(2026, 9, 30))
    figures = activity_figures(known_ws.participation, known_ws.rating, 2026, stats.today)
    pdf = print_statistics_of(known_ws, stats, tmp_path / "tk.pdf", activity=figures)
    text = pdf_text(pdf)
    assert f"III. {heading.upper()} STT Chi đoàn Đoàn viên {span} Lượt" in text
    assert _members_note(span) in text
