"""A small round of 2025 made through the core: two chi đoàn, members with known attendance,
one on temporary activity here (not rated), and the page over it, synchronous."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import QDialog, QLabel
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.rating.page import RatingPage
from doancoso.ui.shell.operations import Core
from doancoso.ui.shell.undo import UndoHistory
from rating_data import meetings
from scripted import accept_print_dialog

# Showing a top-level window (and the list of phrases) on the offscreen platform logs these
# harmless warnings.
SHOWN = pytest.mark.qt_log_ignore(
    "propagateSizeHints", "does not support raise", "does not support grabbing the keyboard"
)
YEAR = 2025
TODAY = dt.date(2025, 12, 20)
AP_1, AP_2 = "Chi đoàn ấp 1", "Chi đoàn ấp 2"
# name, chi đoàn, meetings attended out of 10
MEMBERS = (
    ("Nguyễn Văn An", AP_1, 10),
    ("Trần Thị Bình", AP_1, 8),
    ("Lê Văn Cường", AP_1, 6),
    ("Phạm Văn Dũng", AP_2, 4),
    ("Võ Thị Em", AP_2, 9),
)
GUEST = "Đỗ Văn Tạm"


@dataclass
class Round:
    ws: Workspace
    ids: dict[str, str]
    branches: dict[str, str]


@pytest.fixture
def rated(ws: Workspace) -> Round:
    branches = {name: ws.branches.create(name).id for name in (AP_1, AP_2)}
    ids = {}
    for name, branch, _ in MEMBERS:
        ids[name] = ws.members.save({"full_name": name, "birth_date": "01/01/2000",
                                     "branch_id": branches[branch],
                                     "admission_date": "01/01/2020"})  # fmt: skip
    guest = ws.members.save(
        {"full_name": GUEST, "birth_date": "01/01/2001", "branch_id": branches[AP_2]}
    )
    ws.events.record(guest, "temporary", "01/02/2025", home_organization="Đoàn phường 5",
                     period_start="01/02/2025")  # fmt: skip
    ids[GUEST] = guest
    meetings(ws, {ids[name]: attended for name, _, attended in MEMBERS})
    ws.rating.open(YEAR)
    return Round(ws, ids, branches)


@pytest.fixture
def page(qtbot: QtBot, rated: Round, core: Core, history: UndoHistory) -> RatingPage:
    """The page on the round of 2025, shown (and so read)."""
    page = RatingPage(core, history, today=lambda: TODAY)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    assert page.year == YEAR and page.info is not None
    return page


def shown_text(label: QLabel) -> str:
    """What a label of rich text (the round's history, its rules a link) reads."""
    return QTextDocumentFragment.fromHtml(label.text()).toPlainText()


def decided(ws: Workspace) -> dict[str, int | None]:
    return {r.full_name: r.decided_level for r in ws.rating.rows(YEAR, as_of=TODAY)}


def fill_sheet(path: Path, values: dict[str, dict[str, object]]) -> None:
    """Member's name -> {column: value} written into an exported rating sheet, as a chi đoàn
    fills it in."""
    book = openpyxl.load_workbook(path)
    sheet = book.active
    assert sheet is not None
    header = next(r for r in sheet.iter_rows() if any(c.value == "Chi đoàn đề nghị" for c in r))
    columns = {c.value: c.column for c in header}
    for row in sheet.iter_rows(min_row=header[0].row + 1):
        name = row[columns["Họ và tên"] - 1].value
        for column, value in values.get(str(name), {}).items():
            sheet.cell(row[0].row, columns[column], value)
    book.save(path)


def saving_to(target: Path, asked: list[str]) -> Callable[..., Path]:
    """An ``ask_save_path`` for the page's files: notes the name offered in ``asked`` and
    answers ``target``."""

    def ask(caption: str, name: str, filter_text: str) -> Path:
        asked.append(name)
        return target

    return ask


def printing_noted(opened: list[QDialog]) -> Callable[[QDialog], None]:
    """A ``dialog_script`` that notes each dialog in ``opened`` and accepts the print dialog as
    it is (:func:`scripted.accept_print_dialog`)."""

    def script(dialog: QDialog) -> None:
        opened.append(dialog)
        accept_print_dialog(dialog)

    return script
