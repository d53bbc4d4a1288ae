"""The import wizard's result page says how many rows were imported with a value left out (a
CCCD of 5 digits, shown "12345 (bỏ qua)" by the preview) and which columns of the file to look
at, with their rows: counts alone would let the secretary believe every value was kept."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.roster.import_wizard import YOUTH, ImportWizard
from scripted import ScriptedPrompts, synchronous_core


def test_the_result_names_the_rows_and_columns_left_out(
    qtbot: QtBot, ws: Workspace, fake_prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    ws.members.save({"full_name": "Trần Văn Tốt", "birth_date": "04/04/2004",
                     "national_id": "096204000111"})  # fmt: skip
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Điện thoại"])
    sheet.append([1, "Võ Thị Lan", "01/02/2004", "Nữ", "12345", "0912345678"])
    sheet.append([2, "Trần Văn Tốt", "04/04/2004", "Nam", "0962040001", "0987654321"])
    sheet.append([3, "Lê Thị Hồng Nhung", "05/08/2003", "Nữ", "096303004321", "0911222333"])
    sheet.append([4, "Phạm Văn An", "06/06/2002", "Nam", None, "12ab"])
    book.save(tmp_path / "ds.xlsx")
    wizard = ImportWizard(synchronous_core(ws, fake_prompts))
    qtbot.addWidget(wizard)
    wizard.set_file(tmp_path / "ds.xlsx")
    wizard.next()
    wizard.next()
    wizard.apply()
    assert wizard.result_label.text().splitlines()[1:6] == [
        "• Thêm mới: 3 đoàn viên",
        "• Cập nhật: 1 đoàn viên",
        "• Không đổi: 0",
        "• Bị loại (không nhập): 0",
        "• 3 dòng bỏ qua giá trị không hợp lệ (không ghi, các giá trị khác của dòng vẫn được "
        "nhập): xem cột E “Số CCCD” (dòng 2, 3), cột F “Điện thoại” (dòng 5).",
    ]
    stored = {m.full_name: (m.national_id, m.phone) for m in ws.members.list()}
    assert stored == {
        "Võ Thị Lan": (None, "0912345678"),
        "Trần Văn Tốt": ("096204000111", "0987654321"),
        "Lê Thị Hồng Nhung": ("096303004321", "0911222333"),
        "Phạm Văn An": (None, None),
    }


def test_a_file_with_every_value_kept_says_nothing_of_it(
    qtbot: QtBot, ws: Workspace, fake_prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["STT", "Họ và tên", "Ngày sinh", "Số CCCD"])
    sheet.append([1, "Võ Thị Lan", "01/02/2004", "096304000123"])
    book.save(tmp_path / "ds.xlsx")
    wizard = ImportWizard(synchronous_core(ws, fake_prompts))
    qtbot.addWidget(wizard)
    wizard.set_file(tmp_path / "ds.xlsx")
    wizard.next()
    wizard.next()
    wizard.apply()
    assert "bỏ qua giá trị" not in wizard.result_label.text()


def test_a_youth_import_says_it_too(
    qtbot: QtBot, ws: Workspace, fake_prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["STT", "Họ tên", "Năm sinh", "Ấp", "SĐT"])
    sheet.append([1, "Lý Văn Tư", "2003", "Ấp Tân Phú", "12ab"])
    book.save(tmp_path / "tn.xlsx")
    wizard = ImportWizard(synchronous_core(ws, fake_prompts), target=YOUTH)
    qtbot.addWidget(wizard)
    wizard.set_file(tmp_path / "tn.xlsx")
    wizard.next()
    wizard.next()
    wizard.apply()
    assert (
        "• 1 dòng bỏ qua giá trị không hợp lệ (không ghi, các giá trị khác của dòng vẫn được "
        "nhập): xem cột E “SĐT” (dòng 2)."
    ) in wizard.result_label.text().splitlines()
