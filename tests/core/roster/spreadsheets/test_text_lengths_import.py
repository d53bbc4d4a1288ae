"""A row with a text longer than its column takes (a Quê quán of 301 characters) is rejected in
the preview with the words the forms say, the other rows imported: the import never stores what
the app's own bundle would refuse (``storage.lengths``)."""

from __future__ import annotations

from pathlib import Path

from sheetfiles import write_xlsx

from doancoso.core.roster.spreadsheets import NEW, REJECTED
from doancoso.core.workspace import Workspace

LONG = "Ấp Tân Hòa, " * 25 + "x"  # 301 characters


def _sheet(tmp_path: Path, header: str) -> Path:
    return write_xlsx(
        tmp_path / "ds.xlsx",
        [
            ["STT", "Họ và tên", "Ngày sinh", "Giới tính", header],
            [1, "Lê Thị Hoa", "02/02/2002", "Nữ", "Tân Hòa"],
            [2, "Trần Văn Bình", "03/03/2003", "Nam", LONG],
            [3, "Phạm Thị Cúc", "04/04/2004", "Nữ", "Tân Hưng"],
        ],
    )


def test_the_member_import_rejects_a_hometown_too_long(ws: Workspace, tmp_path: Path) -> None:
    preview = ws.spreadsheets.preview_import(_sheet(tmp_path, "Quê quán"))
    assert [(r.row, r.action, [p.message for p in r.problems]) for r in preview.rows] == [
        (2, NEW, []),
        (3, REJECTED, ["Quê quán dài 301 ký tự, quá 300 ký tự cho phép."]),
        (4, NEW, []),
    ]
    ws.spreadsheets.apply_import(preview)
    assert sorted(
        (m.full_name, ws.members.get(m.id).fields.hometown) for m in ws.members.list()
    ) == [
        ("Lê Thị Hoa", "Tân Hòa"),
        ("Phạm Thị Cúc", "Tân Hưng"),
    ]


def test_the_youth_import_rejects_an_address_too_long(ws: Workspace, tmp_path: Path) -> None:
    preview = ws.youth_import.preview_import(_sheet(tmp_path, "Địa chỉ"))
    assert [(r.row, r.action, [p.message for p in r.problems]) for r in preview.rows] == [
        (2, NEW, []),
        (3, REJECTED, ["Địa chỉ dài 301 ký tự, quá 300 ký tự cho phép."]),
        (4, NEW, []),
    ]
    ws.youth_import.apply_import(preview)
    assert sorted(y.full_name for y in ws.youth.list()) == ["Lê Thị Hoa", "Phạm Thị Cúc"]
