"""A day's chips in the month grid: two lines each when the day has room, so chi đoàn meetings
at the same hour are told apart by their chi đoàn; one line when the day is crowded."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QFont, QFontMetrics
from pytestqt.qtbot import QtBot

from doancoso.ui.calendar.month_view import chip_lines, layout_cell


def test_two_line_chips_when_they_fit_else_one() -> None:
    cell = QRect(0, 0, 120, 115)
    roomy = layout_cell(cell, 2, 14)
    assert [c.height() for c in roomy.chips] == [30, 30] and roomy.hidden == 0
    crowded = layout_cell(cell, 4, 14)
    assert [c.height() for c in crowded.chips] == [16, 16, 16, 16] and crowded.hidden == 0
    # A chip whose text takes three lines has them while the day has room for all its chips.
    tall = layout_cell(cell, 2, 14, [3, 1])
    assert [c.height() for c in tall.chips] == [44, 30] and tall.chips[1].top() == 19 + 44 + 2
    taller = QRect(0, 0, 120, 130)
    assert [c.height() for c in layout_cell(taller, 3, 14, [3, 3, 3]).chips] == [30, 30, 30]
    full = layout_cell(cell, 9, 14)
    assert len(full.chips) + full.hidden == 9 and full.more is not None


def test_lines_break_between_words_and_the_last_is_elided(qtbot: QtBot) -> None:
    metrics = QFontMetrics(QFont("DejaVu Sans", 9))
    text = "19:30 Sinh hoạt chi đoàn ấp Tân Thành tháng 12"
    width = metrics.horizontalAdvance("19:30 Sinh hoạt chi") + 2
    first, second = chip_lines(metrics, text, width, 2)
    assert first == "19:30 Sinh hoạt chi"
    assert second.startswith("đoàn ấp") and second.endswith("…")
    assert metrics.horizontalAdvance(second) <= width
    assert chip_lines(metrics, "Họp", width, 2) == ["Họp"]
    assert chip_lines(metrics, text, 10_000, 2) == [text]
    one = chip_lines(metrics, text, width, 1)
    assert len(one) == 1 and one[0].startswith("19:30 Sinh") and one[0].endswith("…")
