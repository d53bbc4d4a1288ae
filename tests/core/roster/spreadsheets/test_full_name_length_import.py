"""A row whose full name is longer than any real one (a paragraph pasted into the name cell) is
rejected with the reason, in the member import and the youth register's import alike."""

from __future__ import annotations

from pathlib import Path

from sheetfiles import write_xlsx

from doancoso.core.roster.spreadsheets import NEW, REJECTED
from doancoso.core.workspace import Workspace

PARAGRAPH = "Nguyễn Văn An là đoàn viên tiêu biểu của chi đoàn ấp Tân Hòa trong nhiều năm liền " + (
    "và luôn gương mẫu đi đầu mọi phong trào"
)
TOO_LONG = (
    "Họ và tên dài 121 ký tự, quá 100 ký tự cho phép: hãy kiểm tra lại, có thể đã dán nhầm cả "
    "một đoạn văn."
)


def _sheet(tmp_path: Path) -> Path:
    return write_xlsx(
        tmp_path / "ds.xlsx",
        [
            ["STT", "Họ và tên", "Ngày sinh", "Giới tính"],
            [1, "Lê Thị Hoa", "02/02/2002", "Nữ"],
            [2, PARAGRAPH, "03/03/2003", "Nam"],
        ],
    )


def test_the_member_import_rejects_the_row_with_the_reason(ws: Workspace, tmp_path: Path) -> None:
    preview = ws.spreadsheets.preview_import(_sheet(tmp_path))
    assert [(r.row, r.action, [p.message for p in r.problems]) for r in preview.rows] == [
        (2, NEW, []),
        (3, REJECTED, [TOO_LONG]),
    ]
    ws.spreadsheets.apply_import(preview)
    assert [m.full_name for m in ws.members.list()] == ["Lê Thị Hoa"]


def test_the_youth_import_rejects_the_row_with_the_reason(ws: Workspace, tmp_path: Path) -> None:
    preview = ws.youth_import.preview_import(_sheet(tmp_path))
    assert [(r.row, r.action, [p.message for p in r.problems]) for r in preview.rows] == [
        (2, NEW, []),
        (3, REJECTED, [TOO_LONG]),
    ]
    ws.youth_import.apply_import(preview)
    assert [y.full_name for y in ws.youth.list()] == ["Lê Thị Hoa"]
