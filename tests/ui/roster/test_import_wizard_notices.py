"""What the import wizard tells before "Nhập": chi đoàn to be created, a headerless column after
the name, and each row's problems as sentences."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from pytestqt.qtbot import QtBot

from doancoso.core.roster.spreadsheets import ImportRow, Problem
from doancoso.core.workspace import Workspace
from doancoso.ui.roster.import_preview_table import (
    COL_ACTION,
    COL_BRANCH,
    COL_PROBLEMS,
    problems_text,
)
from doancoso.ui.roster.import_wizard import PREVIEW_PAGE, YOUTH, ImportWizard
from scripted import ScriptedPrompts, synchronous_core


def _roster(path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["STT", "Họ và tên", None, "Ngày sinh", "CCCD", "Chi đoàn"])
    sheet.append([1, "Nguyễn Văn An", "ấp Tân Phú", "05/03/2001", None, "Ấp Bào Sen"])
    sheet.append([2, "Trần Thị Bình", "ấp Tân Lập", "12/11/2003", None, "Ấp Mới"])
    sheet.append([3, "Lê Văn Cường", None, None, "12", "CĐ ấp Mới"])
    book.save(path)
    return path


def test_preview_names_new_branches_and_layout_warnings(
    qtbot: QtBot, ws: Workspace, fake_prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    ws.branches.create("Chi đoàn ấp Bào Sen")
    wizard = ImportWizard(synchronous_core(ws, fake_prompts))
    qtbot.addWidget(wizard)
    wizard.set_file(_roster(tmp_path / "ds.xlsx"))
    wizard.next()
    wizard.next()
    assert wizard.page == PREVIEW_PAGE
    assert wizard.notice.text() == (
        "Cột C ngay sau cột “Họ và tên” không có tiêu đề nhưng có chữ ở 2/3 dòng: cột này không "
        "được nhập. Nếu đó là một phần của họ tên, hãy chọn lại cột ở bước ghép cột.\n"
        "Sẽ tạo chi đoàn mới: Ấp Mới."
    )
    model = wizard.model
    cells = [
        tuple(model.data(model.index(r, c)) for c in (COL_BRANCH, COL_ACTION, COL_PROBLEMS))
        for r in range(model.rowCount())
    ]
    assert cells == [
        ("Chi đoàn ấp Bào Sen", "Thêm mới", ""),
        ("Ấp Mới", "Thêm mới", ""),
        ("CĐ ấp Mới", "Bị loại", "Thiếu ngày sinh. Số CCCD “12” không hợp lệ: phải gồm 12 chữ số "
                                 "(CMND cũ: 9 chữ số)."),
    ]  # fmt: skip
    assert wizard.summary.text() == "Thêm mới 2 · Cập nhật 0 · Không đổi 0 · Bị loại 1"
    assert wizard.nothing_label.text() == (
        "Các dòng “Bị loại” sẽ không được nhập; các dòng còn lại được nhập cùng lúc."
    )


def test_problems_read_as_sentences() -> None:
    row = ImportRow(2, {}, [Problem("Thiếu ngày sinh."), Problem("Cần xem lại")], "rejected")
    assert problems_text(row) == "Thiếu ngày sinh. Cần xem lại."


def test_preview_and_result_name_each_kind_of_row_skipped(
    qtbot: QtBot, ws: Workspace, fake_prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (
        ["STT", "Họ và tên", "Ngày sinh", "Chi đoàn"],
        [1, "Nguyễn Văn An", "05/03/2001", "Ấp 1"],
        [],
        [2, "Trần Thị Bình", "12/11/2003", "Ấp 1"],
        ["Tổng cộng: 2 đoàn viên"],
        [None, "Ghi chú: đoàn viên đi làm ăn xa ghi rõ nơi đến."],
        [None, None, None, "Tân Hưng, ngày 26 tháng 11 năm 2026"],
        [None, "Người lập biểu", None, "BÍ THƯ"],
        [None, "Trần Văn Lập", None, "Nguyễn Văn Thư"],
    ):
        sheet.append(row)
    book.save(tmp_path / "ds.xlsx")
    wizard = ImportWizard(synchronous_core(ws, fake_prompts))
    qtbot.addWidget(wizard)
    wizard.set_file(tmp_path / "ds.xlsx")
    wizard.next()
    wizard.next()
    assert wizard.notice.text() == (
        "Bỏ qua 6 dòng không phải đoàn viên:\n"
        "• Dòng trống: dòng 3.\n"
        "• Dòng tổng cộng: dòng 5.\n"
        "• Dòng ghi chú: dòng 6.\n"
        "• Dòng ký tên: dòng 7, 8, 9.\n"
        "Sẽ tạo chi đoàn mới: Ấp 1."
    )
    wizard.apply()
    assert wizard.result_label.text().splitlines()[1:6] == [
        "• Thêm mới: 2 đoàn viên",
        "• Cập nhật: 0 đoàn viên",
        "• Không đổi: 0",
        "• Bị loại (không nhập): 0",
        "• Bỏ qua 6 dòng không phải đoàn viên: 1 dòng trống, 1 dòng tổng cộng, 1 dòng ghi chú, "
        "3 dòng ký tên",
    ]


def test_preview_and_result_say_who_took_the_chi_doan_of_a_heading(
    qtbot: QtBot, ws: Workspace, fake_prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    ws.branches.create("Chi đoàn Ấp 1")
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (
        ["STT", "Họ và tên", "Ngày sinh", "Chi đoàn"],
        ["I. CHI ĐOÀN ẤP 1"],
        [1, "Nguyễn Văn An", "05/03/2001"],
        [2, "Trần Thị Bình", "12/11/2003", "Ấp 2"],
        ["II. Chi đoàn ấp Tân Lập"],
        [3, "Lê Văn Cường", "01/02/2002"],
        ["III. ĐOÀN VIÊN ĐI LÀM ĂN XA"],
        [4, "Phạm Thị Dung", "03/04/2003"],
    ):
        sheet.append(row)
    for merged in ("A2:D2", "A5:D5", "A7:D7"):
        sheet.merge_cells(merged)
    book.save(tmp_path / "ds.xlsx")
    wizard = ImportWizard(synchronous_core(ws, fake_prompts))
    qtbot.addWidget(wizard)
    wizard.set_file(tmp_path / "ds.xlsx")
    wizard.next()
    wizard.next()
    assert wizard.notice.text() == (
        "Bỏ qua 3 dòng không phải đoàn viên:\n"
        "• Dòng tiêu đề nhóm: dòng 2, 5, 7.\n"
        "2 đoàn viên lấy chi đoàn theo dòng tiêu đề nhóm phía trên (dòng không ghi chi đoàn "
        "riêng).\n"
        "Sẽ tạo chi đoàn mới: Ấp 2, Ấp Tân Lập."
    )
    model = wizard.model
    assert [model.data(model.index(r, COL_BRANCH)) for r in range(model.rowCount())] == [
        "Chi đoàn Ấp 1",
        "Ấp 2",
        "Ấp Tân Lập",
        "",
    ]
    wizard.select_row(0)
    assert wizard.details.text() == (
        "Dòng 3 — Nguyễn Văn An: Thêm mới.\n"
        "Chi đoàn theo dòng tiêu đề nhóm phía trên: Chi đoàn Ấp 1.\n"
        "Không có vấn đề."
    )
    wizard.select_row(1)
    assert wizard.details.text() == "Dòng 4 — Trần Thị Bình: Thêm mới.\nKhông có vấn đề."
    wizard.apply()
    assert wizard.result_label.text().splitlines()[5:7] == [
        "• Bỏ qua 3 dòng không phải đoàn viên: 3 dòng tiêu đề nhóm",
        "• 2 đoàn viên lấy chi đoàn theo dòng tiêu đề nhóm phía trên (dòng không ghi chi đoàn "
        "riêng).",
    ]
    assert [(m.full_name, m.branch_name) for m in ws.members.list()] == [
        ("Nguyễn Văn An", "Chi đoàn Ấp 1"),
        ("Trần Thị Bình", "Ấp 2"),
        ("Lê Văn Cường", "Ấp Tân Lập"),
        ("Phạm Thị Dung", None),
    ]


def test_the_youth_preview_says_who_took_the_hamlet_of_a_heading(
    qtbot: QtBot, ws: Workspace, fake_prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (
        ["STT", "Họ tên", "Năm sinh", "Ấp"],
        ["I. ẤP KÊNH XÁNG"],
        [1, "Trần Văn Hậu", 2005],
        [2, "Lê Văn Tài", 2003, "Ấp Mới"],
    ):
        sheet.append(row)
    sheet.merge_cells("A2:D2")
    book.save(tmp_path / "tn.xlsx")
    wizard = ImportWizard(synchronous_core(ws, fake_prompts), target=YOUTH)
    qtbot.addWidget(wizard)
    wizard.set_file(tmp_path / "tn.xlsx")
    wizard.next()
    wizard.next()
    assert wizard.notice.text() == (
        "Bỏ qua 1 dòng không phải thanh niên:\n"
        "• Dòng tiêu đề nhóm: dòng 2.\n"
        "1 thanh niên lấy ấp/khu phố theo dòng tiêu đề nhóm phía trên (dòng không ghi ấp/khu "
        "phố riêng)."
    )
