"""A rejected row of the import's preview shows the birth date and CCCD as the sheet gave them
when they could not be read ("31/02/2004", "12345"): the secretary sees what to correct beside
the reason, not an empty cell. A row imported with a value left out by a warning shows that
value as typed, marked "(bỏ qua)": what will not be kept is seen."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from PySide6.QtCore import Qt

from doancoso.core.workspace import Workspace
from doancoso.ui.roster.import_preview_table import (
    COL_BIRTH,
    COL_BRANCH,
    COL_ID,
    ImportPreviewModel,
    row_details,
)
from doancoso.ui.roster.import_wizard import YOUTH


def test_a_rejected_row_shows_what_was_typed(ws: Workspace, tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD"])
    sheet.append([1, "Võ Thị Lan", "31/02/2004", "Nữ", "12345"])
    sheet.append([2, "Lê Thị Hồng Nhung", "05/08/2003", "Nữ", "096303004321"])
    book.save(tmp_path / "ds.xlsx")
    preview = ws.spreadsheets.preview_import(tmp_path / "ds.xlsx")
    model = ImportPreviewModel()
    model.set_preview(preview)

    def cells(row: int) -> tuple[str, str]:
        return (model.data(model.index(row, COL_BIRTH)), model.data(model.index(row, COL_ID)))

    assert [r.action for r in preview.rows] == ["rejected", "new"]
    assert cells(0) == ("31/02/2004", "12345")
    assert cells(1) == ("05/08/2003", "096303004321")


def test_a_value_left_out_with_a_warning_shows_what_was_typed(
    ws: Workspace, tmp_path: Path
) -> None:
    """A row imported with a warning shows the value it leaves out as the file gave it, saying
    it is not kept: new, and over a stored member whose CCCD the file would spoil."""
    ws.members.save({"full_name": "Trần Văn Tốt", "birth_date": "04/04/2004",
                     "national_id": "096204000111"})  # fmt: skip
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD"])
    sheet.append([1, "Võ Thị Lan", "01/02/2004", "Nữ", "12345"])
    sheet.append([2, "Trần Văn Tốt", "04/04/2004", "Nam", "0962040001"])
    sheet.append([3, "Lê Thị Hồng Nhung", "05/08/2003", "Nữ", "096303004321"])
    book.save(tmp_path / "ds.xlsx")
    preview = ws.spreadsheets.preview_import(tmp_path / "ds.xlsx")
    model = ImportPreviewModel()
    model.set_preview(preview)

    assert [(r.action, r.left_out) for r in preview.rows] == [
        ("new", ["national_id"]), ("update", ["national_id"]), ("new", []),
    ]  # fmt: skip
    shown = [model.data(model.index(row, COL_ID)) for row in range(3)]
    assert shown == ["12345 (bỏ qua)", "0962040001 (bỏ qua)", "096303004321"]
    assert model.data(model.index(0, COL_ID), Qt.ItemDataRole.ToolTipRole) == "12345 (bỏ qua)"
    assert row_details(preview.rows[0]).splitlines()[1:] == [
        "• Số CCCD “12345” không hợp lệ: phải gồm 12 chữ số (CMND cũ: 9 chữ số). Bỏ qua số "
        "CCCD/CMND."
    ]


def test_a_youth_row_shows_the_phone_it_leaves_out(ws: Workspace, tmp_path: Path) -> None:
    """New, and over a young person whose phone is kept: the file's phone is what is seen,
    marked, not the stored one as if the file gave it."""
    ws.youth.save({"full_name": "Lê Văn Lộc", "birth_date": "2006", "hamlet": "Ấp Tân Phú",
                   "phone": "0912345678"})  # fmt: skip
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["STT", "Họ tên", "Năm sinh", "Ấp", "SĐT"])
    sheet.append([1, "Lý Văn Tư", "2003", "Ấp Tân Phú", "12ab"])
    sheet.append([2, "Lê Văn Lộc", "2006", "Ấp Tân Phú", "0912"])
    book.save(tmp_path / "tn.xlsx")
    preview = ws.youth_import.preview_import(tmp_path / "tn.xlsx")
    model = ImportPreviewModel(labels=YOUTH.fields, extra=YOUTH.extra_columns)
    model.set_preview(preview)

    assert [(r.action, r.left_out) for r in preview.rows] == [
        ("new", ["phone"]), ("unchanged", ["phone"]),
    ]  # fmt: skip
    assert [[model.data(model.index(row, c)) for c in (COL_ID, COL_BRANCH)] for row in (0, 1)] == [
        ["12ab (bỏ qua)", "Ấp Tân Phú"],
        ["0912 (bỏ qua)", "Ấp Tân Phú"],
    ]
    assert row_details(preview.rows[0], YOUTH.fields).splitlines()[1:] == [
        "• Số điện thoại không hợp lệ: “12ab”. Bỏ qua điện thoại."
    ]
