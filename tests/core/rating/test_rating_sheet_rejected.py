"""The refused rows of a chi đoàn's rating sheet saved to an .xlsx to fix and import again: a
row repeating a member of an earlier row says which row of the imported file that was, and,
when that row is refused too, where it is in the saved file (the row numbers of the saved file
are not the imported file's)."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from doancoso.core.workspace import Workspace

YEAR = 2025
NOT_A_LEVEL = (
    "“Khá” ở cột “Chi đoàn đề nghị” không phải mức xếp loại (cần 1–4 hoặc tên mức: Hoàn thành "
    "xuất sắc nhiệm vụ, Hoàn thành tốt nhiệm vụ, Hoàn thành nhiệm vụ, Không hoàn thành nhiệm vụ)."
)


def test_a_member_named_twice_is_placed_in_the_imported_file(ws: Workspace, tmp_path: Path) -> None:
    """An (row 4) proposed 2, Bình (row 5) "Khá"; below, An again (row 6) and Bình again
    (row 7). In the saved file Bình's row 5 is its row 2: An's repeat names row 4 "của tệp đã
    nhập", Bình's repeat says her first row is refused too and is row 2 of this file."""
    branch = ws.branches.create("Chi đoàn ấp Tân Hưng").id
    for name in ("Nguyễn Văn An", "Trần Thị Bình"):
        ws.members.save({"full_name": name, "birth_date": "05/03/2000", "branch_id": branch,
                         "admission_date": "01/01/2020"})  # fmt: skip
    ws.rating.open(YEAR)
    sheet_path = tmp_path / "xep-loai.xlsx"
    ws.rating_sheets.export(sheet_path, YEAR)
    book = openpyxl.load_workbook(sheet_path)
    sheet = book.active
    assert sheet is not None
    columns = {c.value: c.column for c in sheet[3]}
    proposal = columns["Chi đoàn đề nghị"]
    assert [sheet.cell(r, columns["Họ và tên"]).value for r in (4, 5)] == [
        "Nguyễn Văn An", "Trần Thị Bình",
    ]  # fmt: skip
    for row, copied, level in ((6, 4, 3), (7, 5, 2)):
        for column in range(1, sheet.max_column + 1):
            sheet.cell(row, column).value = sheet.cell(copied, column).value
        sheet.cell(row, proposal).value = level
    sheet.cell(4, proposal).value = 2
    sheet.cell(5, proposal).value = "Khá"
    book.save(sheet_path)
    preview = ws.rating_sheets.preview(sheet_path, YEAR)
    assert [(r.row, r.reason) for r in preview.refused] == [
        (5, NOT_A_LEVEL),
        (6, "Đoàn viên này đã có ở dòng 4."),  # the confirmation's words: the sheet's rows
        (7, "Đoàn viên này đã có ở dòng 5."),
    ]
    saved = tmp_path / "dong-bi-loai.xlsx"
    assert ws.rating_sheets.save_rejected(preview, saved) == 3
    written = openpyxl.load_workbook(saved).active
    assert written is not None
    rows = list(written.iter_rows(values_only=True))
    reason = rows[0].index("Lý do")
    name = rows[0].index("Họ và tên")
    assert [(r[name], r[proposal - 1], r[reason]) for r in rows[1:]] == [
        ("Trần Thị Bình", "Khá", f"{NOT_A_LEVEL} (Dòng 5 của tệp đã nhập.)"),
        ("Nguyễn Văn An", 3, "Đoàn viên này đã có ở dòng 4 của tệp đã nhập. (Dòng 6 của tệp "
         "đã nhập.)"),
        ("Trần Thị Bình", 2, "Đoàn viên này đã có ở dòng 5 của tệp đã nhập, dòng đó cũng bị "
         "loại: xem dòng 2 của tệp này. (Dòng 7 của tệp đã nhập.)"),
    ]  # fmt: skip
