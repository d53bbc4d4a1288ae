"""The import wizard as the secretary relies on it: rows imported with a warning say so, each
row's problems in full under the table, the rejected rows saved to be fixed, the example file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.roster.import_preview_table import (
    COL_ACTION,
    COL_NAME,
    COL_PROBLEMS,
    WARNING_BACKGROUND,
)
from doancoso.ui.roster.import_wizard import (
    DETAILS_HINT,
    FILE_PAGE,
    PREVIEW_PAGE,
    RESULT_PAGE,
    ImportWizard,
)
from scripted import ScriptedPrompts, synchronous_core

TOO_OLD = date.today().year - 1990
TOO_YOUNG = "Chưa đủ tuổi vào Đoàn: sinh 01/02/2020, đủ 15 tuổi + 1 ngày vào 02/02/2035."


def _roster(path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["STT", "Họ và tên", "Ngày sinh", "Số CCCD", "Chi đoàn"])
    sheet.append([1, "Nguyễn Văn An", "05/03/2001", "096201000123", "Chi đoàn ấp 1"])
    sheet.append([2, "Võ Văn Em", "01/01/1990", None, "Chi đoàn ấp 1"])
    sheet.append([3, "Phạm Thị Dung", "01/02/2020", None, "Chi đoàn ấp 2"])
    sheet.append([4, "Huỳnh Minh Tú", "12/12/2004", "12345", "Chi đoàn ấp 2"])
    book.save(path)
    return path


def _to_preview(wizard: ImportWizard, path: Path) -> None:
    wizard.set_file(path)
    wizard.next()
    wizard.next()
    assert wizard.page == PREVIEW_PAGE


def test_rows_with_warnings_are_marked_and_problems_shown_in_full(
    wizard: ImportWizard, tmp_path: Path
) -> None:
    _to_preview(wizard, _roster(tmp_path / "ds.xlsx"))
    model = wizard.model
    shown = [
        (model.index(r, COL_NAME).data(), model.index(r, COL_ACTION).data())
        for r in range(model.rowCount())
    ]
    assert shown == [
        ("Nguyễn Văn An", "Thêm mới"),
        ("Võ Văn Em", "Thêm mới (có cảnh báo)"),
        ("Phạm Thị Dung", "Bị loại"),
        ("Huỳnh Minh Tú", "Thêm mới (có cảnh báo)"),
    ]
    icons = [model.index(r, COL_ACTION).data(Qt.ItemDataRole.DecorationRole) for r in range(3)]
    assert icons[0] is None and not icons[1].isNull() and not icons[2].isNull()
    assert icons[1].cacheKey() != icons[2].cacheKey()  # a warning looks unlike a rejection
    background = model.index(1, COL_PROBLEMS).data(Qt.ItemDataRole.BackgroundRole)
    assert isinstance(background, QBrush) and background.color() == WARNING_BACKGROUND
    assert wizard.summary.text() == (
        "Thêm mới 3 · Cập nhật 0 · Không đổi 0 · Bị loại 1 — 2 dòng có cảnh báo"
    )

    assert wizard.details.text() == DETAILS_HINT
    wizard.select_row(1)
    assert wizard.details.text() == (
        "Dòng 3 — Võ Văn Em: Thêm mới (có cảnh báo): vẫn được nhập, hãy xem lại.\n"
        f"• Đã quá tuổi Đoàn (tròn {TOO_OLD} tuổi trong năm {date.today().year}): cần xét "
        "trưởng thành Đoàn."
    )
    wizard.select_row(2)
    assert wizard.details.text() == (
        f"Dòng 4 — Phạm Thị Dung: Bị loại, không được nhập.\n• {TOO_YOUNG}"
    )
    wizard.select_row(3)  # imported without the CCCD, and it says so
    assert wizard.details.text() == (
        "Dòng 5 — Huỳnh Minh Tú: Thêm mới (có cảnh báo): vẫn được nhập, hãy xem lại.\n"
        "• Số CCCD “12345” không hợp lệ: phải gồm 12 chữ số (CMND cũ: 9 chữ số). Bỏ qua số "
        "CCCD/CMND."
    )
    wizard.select_row(0)
    assert wizard.details.text() == "Dòng 2 — Nguyễn Văn An: Thêm mới.\nKhông có vấn đề."
    wizard.problems_only.setChecked(True)  # the list changes: nothing is selected any more
    assert wizard.details.text() == DETAILS_HINT


def test_a_cccd_that_contradicts_the_gender_is_a_warning_on_its_row(
    wizard: ImportWizard, tmp_path: Path
) -> None:
    """Step 3 shows the member form's CCCD warning on the row, which is still imported with its
    number."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD"])
    sheet.append([1, "Nguyễn Văn An", "05/03/2001", "Nam", "096201000123"])
    sheet.append([2, "Lê Thị Hoa", "02/04/2005", "Nữ", "096205123456"])  # a man's number
    book.save(tmp_path / "ds.xlsx")
    _to_preview(wizard, tmp_path / "ds.xlsx")
    said = (
        "Số CCCD cho biết nam, sinh năm 2005: khác với giới tính hoặc năm sinh đã nhập. Hãy kiểm "
        "tra lại."
    )
    model = wizard.model
    assert [
        tuple(model.index(r, c).data() for c in (COL_NAME, COL_ACTION, COL_PROBLEMS))
        for r in range(model.rowCount())
    ] == [
        ("Nguyễn Văn An", "Thêm mới", ""),
        ("Lê Thị Hoa", "Thêm mới (có cảnh báo)", said),
    ]
    background = model.index(1, COL_PROBLEMS).data(Qt.ItemDataRole.BackgroundRole)
    assert isinstance(background, QBrush) and background.color() == WARNING_BACKGROUND
    assert wizard.summary.text() == (
        "Thêm mới 2 · Cập nhật 0 · Không đổi 0 · Bị loại 0 — 1 dòng có cảnh báo"
    )
    wizard.select_row(1)  # no "Bỏ qua số CCCD/CMND": the number is kept
    assert wizard.details.text() == (
        f"Dòng 3 — Lê Thị Hoa: Thêm mới (có cảnh báo): vẫn được nhập, hãy xem lại.\n• {said}"
    )
    assert wizard.import_button.isEnabled()


def test_rejected_rows_are_saved_from_the_result_page(
    wizard: ImportWizard, ws: Workspace, tmp_path: Path, fake_prompts: ScriptedPrompts
) -> None:
    source = _roster(tmp_path / "ds.xlsx")
    _to_preview(wizard, source)
    assert not wizard.save_rejected_button.isHidden()  # already on the preview
    wizard.apply()
    assert wizard.page == RESULT_PAGE
    assert not wizard.save_rejected_button.isHidden()
    assert wizard.rejected_hint.text().startswith("Có 1 dòng bị loại, chưa được nhập.")
    asked: list[tuple[str, str]] = []
    opened: list[Path] = []

    def ask(title: str, default: str, _filters: str) -> Path:
        asked.append((title, default))
        return tmp_path / "sua"

    wizard.ask_save_path = ask
    wizard.open_file = opened.append
    wizard.save_rejected_button.click()
    out = tmp_path / "sua.xlsx"
    assert asked == [("Lưu các dòng bị loại", str(tmp_path / "ds-dong-bi-loai.xlsx"))]
    assert wizard.rejected_saved == out
    assert fake_prompts.asked == [
        f"Đã lưu 1 dòng bị loại, kèm lý do ở cột “Lý do”, vào tệp:\n{out}\n\n"
        "Sửa các dòng này trong Excel, lưu lại rồi nhập lại tệp đó.\n\nMở tệp ngay?"
    ]
    assert opened == []  # the question was declined
    assert wizard.rejected_hint.text() == (
        "Có 1 dòng bị loại, chưa được nhập. Các dòng này đã được lưu, kèm lý do ở cột “Lý do”, "
        f"vào tệp:\n{out}\nSửa các dòng đó trong Excel, lưu lại rồi nhập lại tệp đó."
    )
    book = openpyxl.load_workbook(out)
    sheet = book.active
    assert sheet is not None
    assert [tuple(r) for r in sheet.iter_rows(values_only=True)] == [
        ("STT", "Họ và tên", "Ngày sinh", "Số CCCD", "Chi đoàn", "Lý do"),
        (
            3,
            "Phạm Thị Dung",
            "01/02/2020",
            None,
            "Chi đoàn ấp 2",
            f"{TOO_YOUNG} (Dòng 4 của tệp đã nhập.)",
        ),
    ]
    fake_prompts.answer = True
    wizard.save_rejected_button.click()
    assert opened == [out]


def test_no_rejected_rows_no_button(wizard: ImportWizard, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Họ và tên", "Ngày sinh"])
    sheet.append(["Nguyễn Văn An", "05/03/2001"])
    book.save(tmp_path / "ok.xlsx")
    _to_preview(wizard, tmp_path / "ok.xlsx")
    assert wizard.save_rejected_button.isHidden()
    wizard.apply()
    assert wizard.save_rejected_button.isHidden() and wizard.rejected_hint.isHidden()


def test_the_sample_file_imports_cleanly(
    wizard: ImportWizard, ws: Workspace, tmp_path: Path, fake_prompts: ScriptedPrompts
) -> None:
    assert wizard.page == FILE_PAGE
    assert wizard.sample_button.text() == "Tải &mẫu danh sách (.xlsx)…"
    wizard.ask_save_path = lambda _title, _default, _filters: tmp_path / "mau.xlsx"
    wizard.sample_button.click()
    assert (tmp_path / "mau.xlsx").is_file()
    assert fake_prompts.asked[-1].startswith(f"Đã lưu tệp mẫu:\n{tmp_path / 'mau.xlsx'}\n\n")
    _to_preview(wizard, tmp_path / "mau.xlsx")
    assert wizard.summary.text() == "Thêm mới 2 · Cập nhật 0 · Không đổi 0 · Bị loại 0"
    assert wizard.preview is not None
    assert [r.problems for r in wizard.preview.rows] == [[], []]
    wizard.apply()
    assert wizard.result_ is not None and wizard.result_.created == 2


def test_the_file_is_looked_for_on_the_stick_first(
    qtbot: QtBot, ws: Workspace, fake_prompts: ScriptedPrompts, tmp_path: Path, monkeypatch
) -> None:
    """A roster reaches the commune's PC on a USB stick: "Chọn tệp…" opens there when one is
    plugged in, else in Documents (not the home folder); once a file is chosen, in its folder."""
    from doancoso.ui.common.folders import documents_folder
    from scripted import OpenDialogs

    (tmp_path / "nhan").mkdir()
    chosen = _roster(tmp_path / "nhan" / "ds.xlsx")
    dialogs = OpenDialogs(chosen, tmp_path / "USB").install(monkeypatch)
    core = synchronous_core(ws, fake_prompts)
    wizard = ImportWizard(core)
    qtbot.addWidget(wizard)
    wizard.browse_button.click()
    assert wizard.file_edit.text() == str(chosen)
    assert wizard.sheet_combo.currentText() == "Sheet"  # the file was read
    wizard.browse_button.click()  # a second look: where the first file was
    dialogs.stick = None
    OpenDialogs.install(dialogs, monkeypatch)
    fresh = ImportWizard(core)
    qtbot.addWidget(fresh)
    fresh.browse_button.click()
    assert dialogs.offered == [str(tmp_path / "USB"), str(tmp_path / "nhan"),
                               str(documents_folder())]  # fmt: skip
