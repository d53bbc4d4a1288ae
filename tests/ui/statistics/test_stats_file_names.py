"""The statistics' files are offered under a name with their period (a quarter, the half-year,
the year, or the day counted), so that a new quarter's report does not overwrite the last one."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.statistics.page import StatisticsPage
from scripted import ScriptedPrompts, accept_print_dialog, synchronous_core

from .reading import type_day

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _offered(page: StatisticsPage, tmp_path: Path) -> list[str]:
    """The names the two exports offer (the files are written under them)."""
    asked: list[str] = []

    def choose(caption: str, name: str, filter_text: str) -> Path:
        asked.append(name)
        return tmp_path / name

    page.ask_save_path = choose  # type: ignore[method-assign]
    page.open_file = lambda _path: None
    page.pdf_button.click()
    page.xlsx_button.click()
    return asked


def _choose(page: StatisticsPage, item: str) -> None:
    index = page.period_box.findText(item)
    assert index >= 0, item
    page.period_box.setCurrentIndex(index)
    page.period_box.activated.emit(index)


@pytest.mark.parametrize(
    ("day", "period", "offered"),
    [
        ("30/06/2026", "Quý II", "thong-ke-doan-vien-quy-II-2026"),
        ("15/11/2026", "Quý IV", "thong-ke-doan-vien-quy-IV-2026-den-15-11-2026"),
        ("30/06/2026", "Từ đầu năm", "thong-ke-doan-vien-6-thang-dau-nam-2026"),
        ("30/09/2026", "Từ đầu năm", "thong-ke-doan-vien-9-thang-dau-nam-2026"),
        ("31/12/2025", "Từ đầu năm", "thong-ke-doan-vien-nam-2025"),
        ("15/08/2026", "Từ đầu năm", "thong-ke-doan-vien-den-15-08-2026"),
    ],
)
def test_the_files_are_offered_under_their_period(
    qtbot: QtBot, known_ws: Workspace, tmp_path: Path, day: str, period: str, offered: str
) -> None:
    prompts = ScriptedPrompts()
    prompts.dialog_script = accept_print_dialog
    page = StatisticsPage(synchronous_core(known_ws, prompts))
    page.now = lambda: date(2026, 12, 7)
    qtbot.addWidget(page)
    page.show()
    _choose(page, period)
    type_day(qtbot, page, day)  # a day typed counts its own quarter
    assert page.day_edit.text() == day and page.period_box.currentText() == period
    assert _offered(page, tmp_path) == [f"{offered}.pdf", f"{offered}.xlsx"]
    assert (tmp_path / f"{offered}.pdf").read_bytes().startswith(b"%PDF")
    assert (tmp_path / f"{offered}.xlsx").is_file()
