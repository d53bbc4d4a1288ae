""" "Mở Thống kê" (the dossier's check of a year's statistics part) opens the statistics on the
year the user came from: counted on its 31/12 (as the dossier of that year counts them), the
year's movements from 01/01, not left on the day the page showed."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from active_window import active_window
from doancoso.core.workspace import Workspace
from doancoso.ui.shell.main_window import DOSSIER_AREA, STATISTICS
from scripted import ScriptedPrompts

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_mo_thong_ke_opens_the_dossiers_year(qtbot: QtBot, ws: Workspace) -> None:
    """An organisation without members: the dossier of 2025 with its statistics part says the
    part will be left out, and offers "Mở Thống kê"."""
    window = active_window(qtbot, ws, ScriptedPrompts())
    statistics = window.statistics
    window.show_area(STATISTICS)  # seen before, on a quarter of another day
    statistics.day_edit.setText("30/06/2026")
    statistics.apply_day()
    statistics.choose_period(2)
    assert statistics.period_box.currentText() == "Quý II"
    window.show_area(DOSSIER_AREA)
    page = window.dossier
    page.parts.set_ticked("thong-ke", True)
    with qtbot.wait_signal(page.checked):
        page.year_box.setValue(2025)
    (button,) = [b for g, b in zip(page.checks.gaps, page.checks.buttons, strict=True)
                 if g.part == "thong-ke"]  # fmt: skip
    assert isinstance(button, QPushButton) and button.text() == "Mở Thống kê"
    button.setFocus()
    qtbot.waitUntil(button.hasFocus)
    qtbot.keyClick(button, Qt.Key.Key_Space)
    assert window.stack.currentWidget() is statistics
    assert (statistics.day_edit.text(), statistics.period_box.currentText()) == (
        "31/12/2025", "Từ đầu năm",
    )  # fmt: skip
    assert statistics.stats is not None and statistics.stats.today == date(2025, 12, 31)
    assert statistics.cards[4].caption.text() == "Kết nạp đoàn viên mới năm 2025"
    assert QApplication.focusWidget() is statistics.day_edit


def test_the_year_running_opens_on_today(qtbot: QtBot, ws: Workspace) -> None:
    window = active_window(qtbot, ws, ScriptedPrompts())
    statistics = window.statistics
    statistics.now = lambda: date(2026, 8, 15)
    window.open_area("Thống kê", 2026)
    assert window.stack.currentWidget() is statistics
    assert statistics.day_edit.text() == "15/08/2026"
    assert statistics.cards[4].caption.text() == (
        "Kết nạp đoàn viên mới từ 01/01/2026 đến 15/08/2026"
    )
