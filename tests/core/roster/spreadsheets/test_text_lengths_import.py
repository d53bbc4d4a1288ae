"""A row with a text longer than its column takes (a Quê quán of 301 characters) is rejected in
the preview with the words the forms say, the other rows imported: the import never stores what
the app's own bundle would refuse (``storage.lengths``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sheetfiles import write_xlsx

from doancoso.core.errors import ValidationError
from doancoso.core.roster.spreadsheets import NEW, REJECTED, UPDATE
from doancoso.core.workspace import Workspace

LONG = "Ấp Tân Hòa, " * 25 + "x"  # 301 characters
TOO_LONG = "Quê quán dài 301 ký tự, quá 300 ký tự cho phép."


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


def _fitting(tmp_path: Path, hometown: str = "Tân Hòa") -> Path:
    return write_xlsx(
        tmp_path / f"ds-{hometown}.xlsx",
        [
            ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Quê quán", "Chi đoàn"],
            [1, "Lê Thị Hoa", "02/02/2002", "Nữ", hometown, "Ấp 1"],
            [2, "Phạm Thị Cúc", "04/04/2004", "Nữ", hometown, "Ấp 2"],
        ],
    )


def _hometowns(ws: Workspace) -> list[tuple[str, str | None]]:
    return sorted((m.full_name, ws.members.get(m.id).fields.hometown) for m in ws.members.list())


def test_a_new_row_with_a_text_too_long_is_refused_at_the_write(
    ws: Workspace, tmp_path: Path
) -> None:
    """A caller that hands the write a row the preview never saw so (or a preview rule that
    misses a field) cannot store it: the import refuses, naming the row, and writes nothing."""
    preview = ws.spreadsheets.preview_import(_fitting(tmp_path))
    assert [r.action for r in preview.rows] == [NEW, NEW]
    preview.rows[1].values["hometown"] = LONG
    with pytest.raises(ValidationError) as info:
        ws.spreadsheets.apply_import(preview)
    assert str(info.value) == (
        "Dòng 3: Quê quán dài 301 ký tự, quá 300 ký tự cho phép. Hãy xem trước lại; chưa có gì "
        "được ghi."
    )
    assert info.value.field_errors == {"hometown": TOO_LONG}
    assert ws.members.list() == []
    assert ws.branches.list() == []


def test_an_address_too_long_is_refused_at_the_write_in_the_import_s_words(
    ws: Workspace, tmp_path: Path
) -> None:
    preview = ws.spreadsheets.preview_import(_fitting(tmp_path))
    preview.rows[0].values["address"] = "x" * 201  # the one-cell address: Ấp/thôn, 200 at most
    with pytest.raises(ValidationError) as info:
        ws.spreadsheets.apply_import(preview)
    assert str(info.value) == (
        "Dòng 2: Địa chỉ dài 201 ký tự, quá 200 ký tự cho phép. Hãy xem trước lại; chưa có gì "
        "được ghi."
    )
    assert ws.members.list() == []


def test_an_update_with_a_text_too_long_is_refused_at_the_write(
    ws: Workspace, tmp_path: Path
) -> None:
    ws.spreadsheets.apply_import(ws.spreadsheets.preview_import(_fitting(tmp_path)))
    preview = ws.spreadsheets.preview_import(_fitting(tmp_path, "Tân Hưng"))
    assert [(r.action, r.changed) for r in preview.rows] == [
        (UPDATE, ["hometown"]),
        (UPDATE, ["hometown"]),
    ]
    preview.rows[1].values["hometown"] = LONG
    with pytest.raises(ValidationError) as info:
        ws.spreadsheets.apply_import(preview)
    assert str(info.value) == (
        "Dòng 3: Quê quán dài 301 ký tự, quá 300 ký tự cho phép. Hãy xem trước lại; chưa có gì "
        "được ghi."
    )
    assert _hometowns(ws) == [("Lê Thị Hoa", "Tân Hòa"), ("Phạm Thị Cúc", "Tân Hòa")]


def test_the_member_import_rejects_an_address_or_a_chi_doan_too_long(
    ws: Workspace, tmp_path: Path
) -> None:
    """The one-cell address is stored in the hamlet's column (200 characters) and a chi đoàn
    named in the sheet is made with its name (200): a longer one rejects its row in the preview,
    as a longer Quê quán does, rather than the whole import at the write."""
    path = write_xlsx(
        tmp_path / "ds.xlsx",
        [
            ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chỗ ở hiện nay", "Chi đoàn"],
            [1, "Lê Thị Hoa", "02/02/2002", "Nữ", "x" * 201, "Ấp 1"],
            [2, "Trần Văn Bình", "03/03/2003", "Nam", "Ấp 2", "Chi đoàn " * 23],
            [3, "Phạm Thị Cúc", "04/04/2004", "Nữ", "y" * 200, "Ấp 3"],
        ],
    )
    preview = ws.spreadsheets.preview_import(path)
    assert [(r.row, r.action, [p.message for p in r.problems]) for r in preview.rows] == [
        (2, REJECTED, ["Địa chỉ dài 201 ký tự, quá 200 ký tự cho phép."]),
        (3, REJECTED, ["Chi đoàn dài 206 ký tự, quá 200 ký tự cho phép."]),
        (4, NEW, []),
    ]
    ws.spreadsheets.apply_import(preview)
    assert [(m.full_name, m.branch_name) for m in ws.members.list()] == [("Phạm Thị Cúc", "Ấp 3")]
    assert ws.members.get(ws.members.list()[0].id).fields.address_hamlet == "y" * 200


def test_the_youth_import_s_write_refuses_a_text_too_long_by_itself(
    ws: Workspace, tmp_path: Path
) -> None:
    """The youth register's import writes its rows as objects, which the check of every flush
    sees: a row handed to it with a text too long (past the preview) is refused, nothing
    written."""
    preview = ws.youth_import.preview_import(_fitting(tmp_path))
    assert [r.action for r in preview.rows] == [NEW, NEW]
    preview.rows[1].values["address"] = LONG
    with pytest.raises(ValidationError) as info:
        ws.youth_import.apply_import(preview)
    assert info.value.field_errors == {"address": "Địa chỉ dài 301 ký tự, quá 300 ký tự cho phép."}
    assert ws.youth.list() == []
