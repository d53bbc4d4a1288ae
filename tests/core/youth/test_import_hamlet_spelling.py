"""A hamlet head's list writes a hamlet the register does not know yet several ways ("ấp rạch
gốc", "Ấp Rạch Gốc", "RẠCH GỐC"): the import stores it one way, the file's most used spelling
(on a tie, a capitalised one with its place word, not one in capitals), as it gives a hamlet the
register knows the register's spelling; the preview shows each row as it will be stored."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from doancoso.core.workspace import Workspace


def _sheet(path: Path, rows: list[tuple[str, int, str]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["STT", "Họ và tên", "Năm sinh", "Ấp"])
    for number, (name, year, hamlet) in enumerate(rows, start=1):
        sheet.append([number, name, year, hamlet])
    book.save(path)
    return path


def _hamlets(ws: Workspace) -> dict[str, str | None]:
    return {y.full_name: y.hamlet for y in ws.youth.list()}


def test_a_new_hamlet_written_several_ways_is_stored_one_way(ws: Workspace, tmp_path: Path) -> None:
    ws.youth.save({"full_name": "Lê Văn An", "birth_date": "2004", "hamlet": "Ấp Tân Hưng"})
    rows = [
        ("Huỳnh Văn Mới", 2005, "ấp rạch gốc"),
        ("Lý Thị Hai", 2003, "RẠCH GỐC"),
        ("Lý Thị Ba", 2004, "Rạch Gốc"),
        ("Lý Thị Bốn", 2004, "Ấp Rạch Gốc"),
        ("Trần Văn Năm", 2006, "TÂN HƯNG"),
    ]
    preview = ws.youth_import.preview_import(_sheet(tmp_path / "ds.xlsx", rows))
    assert [r.values["hamlet"] for r in preview.rows] == ["Ấp Rạch Gốc"] * 4 + ["Ấp Tân Hưng"]
    ws.youth_import.apply_import(preview)
    assert _hamlets(ws) == {
        "Lê Văn An": "Ấp Tân Hưng", "Huỳnh Văn Mới": "Ấp Rạch Gốc", "Lý Thị Hai": "Ấp Rạch Gốc",
        "Lý Thị Ba": "Ấp Rạch Gốc", "Lý Thị Bốn": "Ấp Rạch Gốc", "Trần Văn Năm": "Ấp Tân Hưng",
    }  # fmt: skip
    assert ws.youth.hamlets() == ["Ấp Rạch Gốc", "Ấp Tân Hưng"]


def test_the_spelling_used_most_in_the_file_wins(ws: Workspace, tmp_path: Path) -> None:
    rows = [("Huỳnh Văn Mới", 2005, "Xóm Rạch Gốc"), ("Lý Thị Hai", 2003, "ẤP RẠCH GỐC"),
            ("Lý Thị Ba", 2004, "Xóm Rạch Gốc")]  # fmt: skip
    preview = ws.youth_import.preview_import(_sheet(tmp_path / "ds.xlsx", rows))
    ws.youth_import.apply_import(preview)
    assert set(_hamlets(ws).values()) == {"Xóm Rạch Gốc"}
