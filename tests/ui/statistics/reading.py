"""How the statistics tests read what the user reads: the page shown, a day typed in "Số liệu
đến ngày" as a user types it; the rows of the sheet and the text of the PDF exported; the
captions of the period's movements, as all three show them."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.reports.statistics import print_statistics
from doancoso.ui.statistics.page import StatisticsPage
from scripted import ScriptedPrompts, synchronous_core


def shown_page(qtbot: QtBot, ws: Workspace) -> StatisticsPage:
    """The statistics page over ``ws``, shown (on today's figures)."""
    page = StatisticsPage(synchronous_core(ws, ScriptedPrompts()))
    qtbot.addWidget(page)
    page.show()
    return page


def movements(span: str) -> list[str]:
    """The captions of the movements counted over ``span`` ("từ 01/01/2026 đến 30/09/2026",
    "quý III năm 2026"), in the order the page, the sheet and the PDF give them."""
    return [
        f"Kết nạp đoàn viên mới {span}",
        f"Chuyển sinh hoạt đến {span}",
        f"Đến sinh hoạt tạm {span}",
        f"Đoàn viên chuyển đi, ra khỏi Đoàn {span}",
        f"Kết thúc sinh hoạt tạm {span}",
    ]


def type_day(qtbot: QtBot, page: StatisticsPage, typed: str) -> None:
    """``typed`` over the day field's text, then Enter: the figures counted on it."""
    page.day_edit.setFocus()
    page.day_edit.selectAll()
    qtbot.keyClicks(page.day_edit, typed)
    qtbot.keyClick(page.day_edit, Qt.Key.Key_Return)


def sheet_rows(path: Path) -> list[tuple[Any, ...]]:
    """The values of the statistics sheet at ``path``, row by row."""
    return list(load_workbook(path).active.iter_rows(values_only=True))


def pdf_text(path: Path) -> str:
    """The text of the PDF at ``path``, page after page, every run of white space one space (a
    label wrapped over two lines reads as one)."""
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


def exported(ws: Workspace, tmp_path: Path, day: date) -> tuple[list[tuple[Any, ...]], str]:
    """The statistics of ``day`` exported as a sheet and printed as a PDF, in ``tmp_path``: the
    sheet's rows (:func:`sheet_rows`) and the PDF's text (:func:`pdf_text`)."""
    sheet = tmp_path / "tk.xlsx"
    ws.spreadsheets.export_statistics(sheet, day)
    return sheet_rows(sheet), pdf_text(print_statistics(ws, tmp_path / "tk.pdf", day))
