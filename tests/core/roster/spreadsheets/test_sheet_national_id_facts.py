"""The import warns about a CCCD that says another gender or birth year than the row's, in the
member form's words, on the row, and imports it with the number (either may hold the typo)."""

from __future__ import annotations

from pathlib import Path

from sheetfiles import write_xlsx

from doancoso.core.workspace import Workspace


def _said(gender: str, year: int) -> str:
    return (
        f"Số CCCD cho biết {gender}, sinh năm {year}: khác với giới tính hoặc năm sinh đã nhập. "
        "Hãy kiểm tra lại."
    )


def test_the_import_warns_on_the_row_and_imports_it(ws: Workspace, tmp_path: Path) -> None:
    header = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD"]
    rows = [
        [1, "Lê Thị Hoa", "02/04/2005", "Nữ", "096206123456"],
        [2, "Trần Văn Bình", "03/05/2006", "Nam", "096206123457"],
        [3, "Võ Thị Dung", "2007", "Nữ", "096207123458"],
    ]
    preview = ws.spreadsheets.preview_import(write_xlsx(tmp_path / "ds.xlsx", [header, *rows]))
    found = [(r.row, [(p.message, p.severity, p.field) for p in r.problems]) for r in preview.rows]
    assert found == [
        (2, [(_said("nam", 2006), "warning", "national_id")]),
        (3, []),
        (4, [(_said("nam", 2007), "warning", "national_id")]),
    ]
    assert all("national_id" in r.values for r in preview.rows)  # imported with the number
