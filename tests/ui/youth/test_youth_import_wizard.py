"""The import wizard on the youth page: a hamlet head's list, mapped, previewed and imported."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.core.youth.service import YouthFilter
from doancoso.ui.roster.import_preview_table import COL_ACTION, COL_BRANCH, COL_ID, COL_ROW
from doancoso.ui.roster.import_wizard import (
    FILE_PAGE,
    MAPPING_PAGE,
    PREVIEW_PAGE,
    RESULT_PAGE,
    ImportWizard,
)
from doancoso.ui.youth.page import YouthPage
from scripted import ScriptedPrompts, synchronous_core


def _hamlet_list(path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Ấp Kênh Xáng"
    for row in (
        ["DANH SÁCH THANH NIÊN ẤP KÊNH XÁNG"],
        ["STT", "Họ và tên", "Năm sinh", "Phái", "Ấp", "Điện thoại", "Hoàn cảnh khó khăn"],
        [1, "Đặng Thu Hà", "05/05/2002", "Nữ", "Ấp Kênh Xáng", "0987654321", ""],
        [2, "Lê Văn Lộc", 2006, "Nam", "Ấp Kênh Xáng", "", "Mồ côi"],
        [3, "Phan Thị Mai", "", "Nữ", "Ấp Kênh Xáng", "", ""],
    ):
        sheet.append(row)
    book.save(path)
    return path


def _rows(wizard: ImportWizard) -> list[tuple[str, str, str, str]]:
    model = wizard.model
    return [
        tuple(model.data(model.index(r, c)) for c in (COL_ROW, COL_ID, COL_BRANCH, COL_ACTION))
        for r in range(model.rowCount())
    ]  # type: ignore[misc]


def test_the_youth_page_imports_a_hamlet_list(
    qtbot: QtBot, page: YouthPage, youth_ws: Workspace, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    source = _hamlet_list(tmp_path / "kenh-xang.xlsx")
    seen: list[ImportWizard] = []

    def script(dialog: object) -> None:
        assert isinstance(dialog, ImportWizard)
        seen.append(dialog)
        assert dialog.windowTitle() == "Nhập danh sách thanh niên từ Excel"
        dialog.set_file(source)
        assert dialog.page == FILE_PAGE and dialog.next_button.isEnabled()
        dialog.next()
        assert dialog.page == MAPPING_PAGE
        assert dialog.title.text() == "Bước 2/3 — Ghép cột của tệp với thông tin thanh niên"
        header = dialog.mapping_table.horizontalHeaderItem(0)
        assert header is not None and header.text() == "Thông tin thanh niên"
        combos = dialog.mapping_combos
        assert "national_id" not in combos
        assert combos["hamlet"].currentText() == "Cột E: Ấp"
        assert combos["hardship_kind"].currentText() == "Cột G: Hoàn cảnh khó khăn"
        dialog.next()
        assert dialog.page == PREVIEW_PAGE
        model = dialog.model
        assert [model.headerData(c, Qt.Orientation.Horizontal) for c in (COL_ID, COL_BRANCH)] == [
            "Điện thoại", "Ấp/khu phố"]  # fmt: skip
        assert _rows(dialog) == [
            ("3", "0987654321", "Ấp Kênh Xáng", "Cập nhật (điện thoại)"),
            ("4", "", "Ấp Kênh Xáng", "Thêm mới"),
            ("5", "", "Ấp Kênh Xáng", "Bị loại"),
        ]
        dialog.select_row(2)
        assert dialog.details.text() == (
            "Dòng 5 — Phan Thị Mai: Bị loại, không được nhập.\n• Thiếu ngày sinh."
        )
        assert dialog.save_rejected_button.isVisible() or not dialog.isVisible()
        assert dialog.import_button.isEnabled()
        with qtbot.wait_signal(page._core.data_changed.changed):
            dialog.apply()
        assert dialog.page == RESULT_PAGE
        assert dialog.result_label.text().splitlines()[1:3] == [
            "• Thêm mới: 1 thanh niên", "• Cập nhật: 1 thanh niên"]  # fmt: skip
        assert (
            "\n\nCó thể xem và sửa các thanh niên vừa nhập trong sổ theo dõi thanh niên.\n\n"
            "Nếu nhập nhầm tệp: "
        ) in dialog.result_label.text()
        saved = tmp_path / "loai.xlsx"
        dialog.ask_save_path = lambda *_: saved
        prompts.answer = False  # do not open the file
        dialog.save_rejected()
        assert dialog.rejected_saved == saved and saved.exists()

    prompts.dialog_script = script
    page.import_button.click()
    assert seen
    records = {r.full_name: r for r in youth_ws.youth.list(YouthFilter())}
    assert records["Đặng Thu Hà"].phone == "0987654321"
    assert (records["Lê Văn Lộc"].in_hardship, records["Lê Văn Lộc"].hardship_kind) == (
        True, "Mồ côi")  # fmt: skip
    assert "Phan Thị Mai" not in records
    assert "Lê Văn Lộc" in [page.model.youth_row(r).full_name for r in range(page.model.rowCount())]  # type: ignore[union-attr]
    assert youth_ws.members.count() == 2


def test_a_broken_file_stays_on_the_first_page(
    qtbot: QtBot, youth_ws: Workspace, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    from doancoso.ui.roster.import_wizard import YOUTH

    wizard = ImportWizard(synchronous_core(youth_ws, prompts), None, YOUTH)
    qtbot.addWidget(wizard)
    path = tmp_path / "hong.xlsx"
    path.write_bytes(b"PK\x03\x04 hong")
    wizard.set_file(path)
    assert wizard.page == FILE_PAGE and not wizard.next_button.isEnabled()
    assert wizard.file_error.text().startswith("Không đọc được tệp hong.xlsx: tệp bị hỏng")
    assert youth_ws.youth.count() == 5


def test_counts_of_a_thousand_rows_are_written_with_a_thousands_dot(
    qtbot: QtBot, page: YouthPage, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    # 1.000 young people and 1.000 rows without a birth date: every count the wizard and the
    # page say groups its thousands ("1000" was shown).
    from datetime import date, timedelta

    from doancoso.core.lang.dates import format_vn_date

    families = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Phan", "Trương", "Bùi", "Đặng"]
    middles = ["Văn", "Thị", "Hữu", "Minh", "Ngọc", "Thanh", "Quốc", "Hoàng", "Kim", "Đức"]
    givens = ["Ân", "Bình", "Cường", "Dũng", "Hà", "Lan", "Mai", "Nam", "Phúc", "Tâm"]
    names = [f"{f} {m} {g}" for f in families for m in middles for g in givens]
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Họ và tên", "Ngày sinh"])
    for i, name in enumerate(names):
        sheet.append([name, format_vn_date(date(2000, 1, 1) + timedelta(days=i))])
    for name in names:
        sheet.append([f"{name} Em", None])
    source = tmp_path / "ds.xlsx"
    book.save(source)
    said: list[str] = []

    def script(dialog: object) -> None:
        assert isinstance(dialog, ImportWizard)
        dialog.set_file(source)
        assert dialog.file_info.text().endswith("2.000 dòng dữ liệu.")
        dialog.next()
        dialog.next()
        assert dialog.summary.text() == "Thêm mới 1.000 · Cập nhật 0 · Không đổi 0 · Bị loại 1.000"
        dialog.apply()
        assert dialog.result_label.text().splitlines()[1:5] == [
            "• Thêm mới: 1.000 thanh niên", "• Cập nhật: 0 thanh niên", "• Không đổi: 0",
            "• Bị loại (không nhập): 1.000"]  # fmt: skip
        assert dialog.rejected_hint.text().startswith("Có 1.000 dòng bị loại, chưa được nhập.")
        dialog.ask_save_path = lambda *_: tmp_path / "loai.xlsx"
        prompts.answer = False  # do not open the file
        dialog.save_rejected()
        said.append(prompts.asked[-1])

    prompts.dialog_script = script
    messages: list[str] = []
    page.status_message.connect(messages.append)
    page.import_button.click()
    assert said and said[0].startswith("Đã lưu 1.000 dòng bị loại")
    assert messages[-1] == "Đã nhập: thêm mới 1.000, cập nhật 0 thanh niên."


def test_a_list_already_in_the_register_is_not_called_a_file_to_fix(
    qtbot: QtBot, youth_ws: Workspace, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    """The register's own export (or a hamlet's list imported before) previews as "Không đổi"
    on every row: the wizard says there is nothing new to import, not that the file or its
    columns must be fixed (nothing is wrong with them); "Nhập" stays disabled."""
    from doancoso.ui.roster.import_wizard import YOUTH

    path = tmp_path / "thanh-nien.xlsx"
    youth_ws.spreadsheets.export_youth(path)
    wizard = ImportWizard(synchronous_core(youth_ws, prompts), None, YOUTH)
    qtbot.addWidget(wizard)
    wizard.set_file(path)
    wizard.next()
    wizard.next()
    assert wizard.page == PREVIEW_PAGE
    assert wizard.summary.text() == "Thêm mới 0 · Cập nhật 0 · Không đổi 5 · Bị loại 0"
    assert wizard.nothing_label.text() == (
        "Cả 5 thanh niên của tệp đã có trong sổ theo dõi thanh niên, không có gì thay đổi: "
        "không cần nhập."
    )
    assert not wizard.import_button.isEnabled()
