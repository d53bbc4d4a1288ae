"""Every text the app's sheets write names its font: a title, a header or a note in a font with
no name is shown in whatever the spreadsheet program falls back to (LibreOffice: a serif font
wider than Calibri, so that a header sized for Calibri is cut)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from doancoso.core.workspace import Workspace


def _fonts(path: Path) -> dict[tuple[str, str], str | None]:
    """The font name of every cell holding a value: (sheet, coordinate) -> name."""
    book = openpyxl.load_workbook(path)
    return {
        (sheet.title, cell.coordinate): cell.font.name
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.value is not None
    }


@pytest.fixture
def members(ws: Workspace, add_member: Callable[..., str]) -> Workspace:
    add_member("Nguyễn Văn An", "01/02/2000", branch="Ấp Tân Phú", notes="Gương mẫu\nTích cực")
    add_member("Lê Văn Cường", "03/04/2001", branch="Ấp Tân Phú")
    return ws


def test_the_lists_and_the_statistics_write_calibri(members: Workspace, tmp_path: Path) -> None:
    members.spreadsheets.export_members(tmp_path / "dv.xlsx")
    members.spreadsheets.export_youth(tmp_path / "tn.xlsx")
    members.spreadsheets.export_statistics(tmp_path / "tk.xlsx", date(2026, 6, 1))
    for name in ("dv.xlsx", "tn.xlsx", "tk.xlsx"):
        fonts = _fonts(tmp_path / name)
        assert fonts and set(fonts.values()) == {"Calibri"}, name
    roster = _fonts(tmp_path / "dv.xlsx")
    assert roster[("Đoàn viên", "A1")] == "Calibri"  # the title
    assert roster[("Đoàn viên", "B3")] == "Calibri"  # a header


def test_the_rejected_rows_and_the_templates_lists_name_their_font(
    members: Workspace, tmp_path: Path
) -> None:
    source = tmp_path / "ds.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for line in (["STT", "Họ và tên", "Ngày sinh"], [1, "Trần Văn Tốt", "không rõ"]):
        sheet.append(line)
    book.save(source)
    preview = members.spreadsheets.preview_import(source)
    members.spreadsheets.save_rejected(preview, tmp_path / "loai.xlsx")
    rejected = _fonts(tmp_path / "loai.xlsx")
    assert set(rejected.values()) == {"Calibri"}
    members.spreadsheets.export_members(tmp_path / "dsdv.xlsx", layout="mau-dsdv")
    template = _fonts(tmp_path / "dsdv.xlsx")
    assert {name for (sheet_name, _), name in template.items() if sheet_name == "DSDV"} == {
        "Times New Roman"
    }
    assert None not in template.values()
