"""A row that repeats another row of the file, from the preview to the file of rejected rows:
the secretary reads whose row it repeats and what became of that row."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.roster.import_wizard import PREVIEW_PAGE, RESULT_PAGE, ImportWizard
from scripted import ScriptedPrompts, synchronous_core


def _roster(path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["STT", "Họ và tên", "Ngày sinh", "Số CCCD", "Chi đoàn"])
    sheet.append([1, "Nguyễn Văn An", "05/03/2001", "096201000123", "Chi đoàn ấp 1"])
    sheet.append([2, "Trần Văn Tốt", "04/04/2004", "096204000111", "Chi đoàn ấp 1"])
    sheet.append([3, "Trần Văn Tốt", "04/04/2004", "096204000111", "Chi đoàn ấp 1"])
    book.save(path)
    return path


def test_a_repeated_row_says_whose_row_it_repeats(
    qtbot: QtBot, ws: Workspace, fake_prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    wizard = ImportWizard(synchronous_core(ws, fake_prompts))
    qtbot.addWidget(wizard)
    wizard.set_file(_roster(tmp_path / "ds.xlsx"))
    wizard.next()
    wizard.next()
    assert wizard.page == PREVIEW_PAGE
    wizard.select_row(2)
    assert wizard.details.text() == (
        "Dòng 4 — Trần Văn Tốt: Bị loại, không được nhập.\n• Trùng với Trần Văn Tốt (dòng 3)."
    )
    wizard.apply()
    assert wizard.page == RESULT_PAGE
    out = tmp_path / "ds-dong-bi-loai.xlsx"
    wizard.ask_save_path = lambda _title, default, _filters: Path(default)
    wizard.save_rejected_button.click()
    assert wizard.rejected_saved == out
    assert wizard.rejected_hint.text() == (
        "Có 1 dòng bị loại, chưa được nhập. Các dòng này đã được lưu, kèm lý do ở cột “Lý do”, "
        f"vào tệp:\n{out}\nSửa các dòng đó trong Excel, lưu lại rồi nhập lại tệp đó."
    )
    sheet = openpyxl.load_workbook(out).active
    assert sheet is not None
    assert [tuple(row) for row in sheet.iter_rows(values_only=True)] == [
        ("STT", "Họ và tên", "Ngày sinh", "Số CCCD", "Chi đoàn", "Lý do"),
        (
            3,
            "Trần Văn Tốt",
            "04/04/2004",
            "096204000111",
            "Chi đoàn ấp 1",
            "Trùng với Trần Văn Tốt (dòng 3 của tệp đã nhập, đã được nhập). (Dòng 4 của tệp "
            "đã nhập.)",
        ),
    ]
