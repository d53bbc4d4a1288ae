"""A rejected row of the import's preview shows the birth date and CCCD as the sheet gave them
when they could not be read ("31/02/2004", "12345"): the secretary sees what to correct beside
the reason, not an empty cell."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from doancoso.core.workspace import Workspace
from doancoso.ui.roster.import_preview_table import COL_BIRTH, COL_ID, ImportPreviewModel


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
