"""The import wizard driven as a user would: file, mapping, preview, Nhập; a corrupt file."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from pytestqt.qtbot import QtBot

from doancoso.core.roster.service import MemberFilter
from doancoso.core.roster.spreadsheets import NEW, REJECTED
from doancoso.core.workspace import Workspace
from doancoso.core.xlsx import workbook, zip_guard
from doancoso.ui.roster.import_preview_table import COL_ACTION, COL_PROBLEMS, COL_ROW
from doancoso.ui.roster.import_wizard import (
    FILE_PAGE,
    MAPPING_PAGE,
    NOT_IMPORTED,
    PREVIEW_PAGE,
    RESULT_PAGE,
    ImportWizard,
)


def make_roster(path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Danh sách"
    sheet.append(["DANH SÁCH ĐOÀN VIÊN"])
    sheet.append(["Đoàn xã Tân Hưng"])
    sheet.append([])
    sheet.append(["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Chi đoàn"])
    sheet.append([1, "Nguyễn Văn An", "05/03/2001", "Nam", "096201000123", "Chi đoàn ấp 1"])
    sheet.append([2, "Trần Thị Bình", "12/11/2003", "Nữ", "", "Chi đoàn ấp 1"])
    sheet.append([3, "Lê Văn Cường", "không rõ", "Nam", "", "Chi đoàn ấp 2"])
    book.save(path)
    return path


def _names(ws: Workspace) -> list[str]:
    return sorted(row.full_name for row in ws.members.rows(ws.members.ids(MemberFilter())))


def test_mapping_preview_and_import(
    qtbot: QtBot, ws: Workspace, wizard: ImportWizard, tmp_path: Path
) -> None:
    wizard.set_file(make_roster(tmp_path / "ds.xlsx"))
    assert wizard.page == FILE_PAGE and wizard.next_button.isEnabled()
    assert wizard.sheet_combo.currentText() == "Danh sách"
    wizard.next()
    assert wizard.page == MAPPING_PAGE
    combos = wizard.mapping_combos
    assert combos["full_name"].currentText() == "Cột B: Họ và tên"
    assert combos["birth_date"].currentText() == "Cột C: Ngày sinh"
    assert combos["national_id"].currentText() == "Cột E: Số CCCD"
    assert combos["branch"].currentText() == "Cột F: Chi đoàn"
    assert combos["phone"].currentText() == NOT_IMPORTED
    wizard.next()
    assert wizard.page == PREVIEW_PAGE
    model = wizard.model
    rows = {
        model.data(model.index(r, COL_ROW)): (
            model.data(model.index(r, COL_ACTION)),
            model.data(model.index(r, COL_PROBLEMS)),
        )
        for r in range(model.rowCount())
    }
    assert list(rows) == ["5", "6", "7"]
    assert rows["5"] == ("Thêm mới", "")
    assert rows["6"] == ("Thêm mới", "")
    assert rows["7"][0] == "Bị loại" and "ngày sinh" in rows["7"][1].lower()
    assert wizard.summary.text() == "Thêm mới 2 · Cập nhật 0 · Không đổi 0 · Bị loại 1"
    wizard.problems_only.setChecked(True)
    assert model.rowCount() == 1 and model.data(model.index(0, COL_ROW)) == "7"
    assert wizard.import_button.isEnabled()
    with qtbot.wait_signal(wizard._core.data_changed.changed) as blocker:
        wizard.apply()
    assert wizard.page == RESULT_PAGE
    assert _names(ws) == ["Nguyễn Văn An", "Trần Thị Bình"]
    [changes] = blocker.args
    members = changes.ids("members")  # None: the core's bulk insert does not name them
    assert changes.touches("members") and (members is None or members == set(ws.members.ids()))
    assert changes.ids("branches") == {b.id for b in ws.branches.list()}
    assert wizard.result_ is not None and wizard.result_.created == 2
    assert "Thêm mới: 2" in wizard.result_label.text()


def test_corrected_mapping_previews_again(
    qtbot: QtBot, ws: Workspace, wizard: ImportWizard, tmp_path: Path
) -> None:
    wizard.set_file(make_roster(tmp_path / "ds.xlsx"))
    wizard.next()
    wizard.set_mapping("birth_date", None)  # the user says: no birth date column
    wizard.next()
    assert wizard.preview is not None and "birth_date" not in wizard.preview.mapping
    assert all(r.action == REJECTED for r in wizard.preview.rows)
    assert not wizard.import_button.isEnabled()
    assert wizard.nothing_label.text().startswith("Không có dòng nào để nhập")
    wizard.apply()
    assert _names(ws) == []
    wizard.back()
    wizard.set_mapping("birth_date", 2)
    wizard.next()
    assert [r.action for r in wizard.preview.rows] == [NEW, NEW, REJECTED]


def test_a_workbook_of_several_sheets_is_read_once(
    qtbot: QtBot, wizard: ImportWizard, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Choosing a file reads it once (a 100,000-row workbook took seconds more when the sheet
    chooser read it first): the sheets offered are those the preview read."""
    path = make_roster(tmp_path / "ds.xlsx")
    book = openpyxl.load_workbook(path)
    book.create_sheet("Hướng dẫn", 0).append(["Điền danh sách ở trang tính sau."])
    book.create_sheet("Ghi chú").append(["Cập nhật ngày 20/11/2026"])
    book.save(path)
    checked: list[Path] = []
    check_zip = zip_guard.check_zip

    def counted(path: Path, report: object = None) -> None:
        checked.append(path)
        check_zip(path, report)  # type: ignore[arg-type]

    monkeypatch.setattr(workbook, "check_zip", counted)
    wizard.set_file(path)
    assert checked == [path]
    combo = wizard.sheet_combo
    names = [combo.itemText(i) for i in range(combo.count())]
    assert names == ["Hướng dẫn", "Danh sách", "Ghi chú"]
    assert combo.currentText() == "Danh sách" and combo.isEnabled()
    assert wizard.preview is not None and wizard.preview.sheet == "Danh sách"
    assert len(wizard.preview.rows) == 3 and wizard.file_error.text() == ""


def test_corrupt_file_shows_the_message_and_changes_nothing(
    qtbot: QtBot, ws: Workspace, wizard: ImportWizard, tmp_path: Path, fake_prompts
) -> None:
    bad = tmp_path / "hong.xlsx"
    bad.write_bytes(b"PK\x03\x04 this is not a workbook")
    wizard.set_file(bad)
    assert wizard.page == FILE_PAGE
    assert wizard.file_error.text()  # the core's Vietnamese message
    assert "hong.xlsx" in wizard.file_error.text() or "Không" in wizard.file_error.text()
    assert not wizard.next_button.isEnabled() and wizard.preview is None
    assert fake_prompts.errors == []
    assert _names(ws) == []


def test_preview_model_passes_the_model_tester(
    qtbot: QtBot, qtmodeltester, wizard: ImportWizard, tmp_path: Path
) -> None:
    wizard.set_file(make_roster(tmp_path / "ds.xlsx"))
    qtmodeltester.check(wizard.model)
    wizard.problems_only.setChecked(True)
    qtmodeltester.check(wizard.model)


def test_the_columns_step_names_the_sheet_or_the_csv_file(
    qtbot: QtBot, wizard: ImportWizard, tmp_path: Path
) -> None:
    """The columns step says where the heading row is: in a workbook, its sheet; a CSV has no
    sheets, the file is named."""
    wizard.set_file(make_roster(tmp_path / "ds.xlsx"))
    wizard.next()
    assert wizard.page == MAPPING_PAGE
    assert wizard.mapping_info.text().startswith("Dòng tiêu đề: dòng 4 của trang tính “Danh sách”.")
    wizard.back()
    csv = tmp_path / "ds.csv"
    csv.write_text("Họ và tên,Ngày sinh\nNguyễn Văn An,05/03/2001\n", encoding="utf-8-sig")
    wizard.set_file(csv)
    wizard.next()
    assert wizard.page == MAPPING_PAGE
    assert wizard.mapping_info.text().startswith("Dòng tiêu đề: dòng 1 của tệp “ds.csv”.")
