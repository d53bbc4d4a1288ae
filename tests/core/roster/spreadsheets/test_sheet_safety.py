"""Bad files change nothing; re-imports create no duplicates; an import is all or nothing."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sheetfiles import with_dimension, write_csv, write_xls, write_xlsx

from doancoso.core.errors import AppError, ImportFileError
from doancoso.core.roster.service import MemberFilter
from doancoso.core.roster.spreadsheets import NEW, REJECTED, UNCHANGED, UPDATE
from doancoso.core.workspace import DATABASE_FILE, Workspace

ROWS: list[list[Any]] = [
    ["DANH SÁCH ĐOÀN VIÊN"],
    ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "CCCD", "Chi đoàn", "Điện thoại"],
    [1, "Nguyễn Văn An", "05/03/2001", "Nam", "086201000001", "Ấp 1", "0912345678"],
    [2, "Trần Thị Bích", "12/10/2003", "Nữ", None, "Ấp 2", None],
    [3, "Lê Hoàng Phúc", "2000", "Nam", None, "Ấp 1", None],
]


def _state(ws: Workspace) -> list[tuple[object, ...]]:
    """Every member and branch row as stored, to prove that nothing changed."""
    with sqlite3.connect(ws.data_dir / DATABASE_FILE) as conn:
        members = conn.execute("SELECT * FROM members ORDER BY id").fetchall()
        branches = conn.execute("SELECT * FROM branches ORDER BY id").fetchall()
    return [tuple(r) for r in members + branches]


@pytest.fixture
def filled(sws: Workspace, tmp_path: Path) -> Workspace:
    sws.spreadsheets.apply_import(
        sws.spreadsheets.preview_import(write_xlsx(tmp_path / "a.xlsx", ROWS))
    )
    return sws


def test_empty_sheet_is_a_clear_error(sws: Workspace, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "trong.xlsx", [])
    with pytest.raises(ImportFileError) as info:
        sws.spreadsheets.preview_import(path)
    assert info.value.message == "Tệp trong.xlsx không có dữ liệu (trang tính trống)."


def test_sheet_without_header_is_a_clear_error(sws: Workspace, tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "khong.xlsx", [["Báo cáo tháng 11"], ["Nội dung", "Số liệu"], ["a", 1]]
    )
    with pytest.raises(ImportFileError) as info:
        sws.spreadsheets.preview_import(path)
    assert info.value.message.startswith("Không tìm thấy dòng tiêu đề trong trang tính “Sheet1”:")


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        (
            "hong.xlsx",
            b"PK\x03\x04" + b"\x00garbage" * 50,
            "Không đọc được tệp hong.xlsx: tệp bị hỏng hoặc không phải tệp Excel.",
        ),
        (
            "matkhau.xlsx",
            bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 600,
            "Tệp matkhau.xlsx được bảo vệ bằng mật khẩu.",
        ),
        (
            "doiduoi.xlsx",
            "Họ và tên,Ngày sinh\nAn,01/01/2001\n".encode(),
            "Tệp doiduoi.xlsx không phải tệp Excel hợp lệ (có thể là tệp CSV hoặc văn bản "
            "bị đổi đuôi).",
        ),
        (
            "matkhau.xls",
            bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 64 + "EncryptionInfo".encode("utf-16-le"),
            "Tệp matkhau.xls được bảo vệ bằng mật khẩu.",
        ),
        (
            "hong.xls",
            bytes.fromhex("D0CF11E0A1B11AE1") + b"\x01" * 600,
            "Không đọc được tệp hong.xls: tệp bị hỏng hoặc không phải tệp Excel.",
        ),
        ("anh.png", b"\x89PNG\r\n\x1a\n", "Không nhập được tệp anh.png: chỉ nhận tệp Excel"),
    ],
)
def test_unreadable_files_change_nothing(
    filled: Workspace, tmp_path: Path, name: str, content: bytes, expected: str
) -> None:
    before = _state(filled)
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ImportFileError) as info:
        filled.spreadsheets.preview_import(path)
    assert info.value.message.startswith(expected)
    assert _state(filled) == before
    assert filled.members.count() == 3


def test_a_workbook_encrypted_by_excel_asks_to_remove_the_password(
    filled: Workspace, tmp_path: Path
) -> None:
    """A real password-protected workbook, encrypted as Excel does (ECMA-376 agile encryption,
    by msoffcrypto-tool), not only a file that looks like one."""
    from msoffcrypto.format.ooxml import OOXMLFile

    plain = write_xlsx(tmp_path / "ro.xlsx", [["Họ và tên", "Ngày sinh"], ["Lê Văn Mật", "2001"]])
    locked = tmp_path / "matkhau-that.xlsx"
    with plain.open("rb") as source, locked.open("wb") as target:
        OOXMLFile(source).encrypt("1234", target)
    before = _state(filled)
    for action in (filled.spreadsheets.sheets, filled.spreadsheets.preview_import):
        with pytest.raises(ImportFileError) as info:
            action(locked)
        assert info.value.message == (
            "Tệp matkhau-that.xlsx được bảo vệ bằng mật khẩu. Hãy mở tệp trong Excel, gỡ mật khẩu "
            "(Tệp > Thông tin > Bảo vệ sổ làm việc > Mã hóa bằng mật khẩu: để trống), lưu lại "
            "rồi nhập lại."
        )
    assert _state(filled) == before


def test_an_xls_renamed_xlsx_is_read(sws: Workspace, tmp_path: Path) -> None:
    path = write_xls(
        tmp_path / "cu.xls", [["Họ và tên", "Ngày sinh"], ["Tăng Văn Cũ", "01/01/1999"]]
    )
    renamed = path.rename(tmp_path / "cu.xlsx")
    preview = sws.spreadsheets.preview_import(renamed)
    assert [r.values["full_name"] for r in preview.rows] == ["Tăng Văn Cũ"]


@pytest.mark.parametrize("ref", ["A1:A1", "A1:XFD1048576", None])
def test_the_declared_sheet_size_is_not_trusted(
    sws: Workspace, tmp_path: Path, ref: str, xlsx
) -> None:
    """A stale size ("A1:A1") used to cut the rows off, a bloated one padded every row to 16,384
    cells; neither, nor no size at all, changes what is read (as openpyxl or Excel wrote it)."""
    path = with_dimension(xlsx(tmp_path / "co.xlsx", ROWS), ref)
    preview = sws.spreadsheets.preview_import(path)
    assert preview.headers == ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "CCCD", "Chi đoàn",
                               "Điện thoại"]  # fmt: skip
    assert [(r.row, r.values["full_name"], r.action) for r in preview.rows] == [
        (3, "Nguyễn Văn An", NEW),
        (4, "Trần Thị Bích", NEW),
        (5, "Lê Hoàng Phúc", NEW),
    ]


def test_missing_file(sws: Workspace, tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match="Không tìm thấy tệp khong-co.xlsx"):
        sws.spreadsheets.preview_import(tmp_path / "khong-co.xlsx")


def test_reimport_is_unchanged_and_changes_touch_only_changed_rows(
    filled: Workspace, tmp_path: Path
) -> None:
    again = filled.spreadsheets.preview_import(write_xlsx(tmp_path / "b.xlsx", ROWS))
    assert [r.action for r in again.rows] == [UNCHANGED] * 3
    before = {r.id: filled.members.get(r.id).revision for r in filled.members.list()}
    result = filled.spreadsheets.apply_import(again)
    assert (result.created, result.updated, result.unchanged) == (0, 0, 3)
    assert {r.id: filled.members.get(r.id).revision for r in filled.members.list()} == before

    changed = [list(r) for r in ROWS]
    changed[3][6] = "0987654321"  # Bích gets a phone
    changed[4][2] = "07/08/2000"  # Phúc's full birth date becomes known
    changed[2][6] = None  # An's phone cell is emptied: the stored phone stays
    changed.append([4, "Đinh Công Mới", "01/01/2005", "Nam", None, "Ấp 3", None])
    preview = filled.spreadsheets.preview_import(write_xlsx(tmp_path / "c.xlsx", changed))
    assert [(r.values["full_name"], r.action, r.changed) for r in preview.rows] == [
        ("Nguyễn Văn An", UNCHANGED, []),
        ("Trần Thị Bích", UPDATE, ["phone"]),
        ("Lê Hoàng Phúc", UPDATE, ["birth_date"]),
        ("Đinh Công Mới", NEW, []),
    ]
    result = filled.spreadsheets.apply_import(preview)
    assert (result.created, result.updated, result.unchanged, result.branches_created) == (
        1,
        2,
        1,
        ("Ấp 3",),
    )
    by_name = {r.full_name: r for r in filled.members.list()}
    assert len(by_name) == 4
    revisions = {name: filled.members.get(r.id).revision for name, r in by_name.items()}
    assert revisions == {
        "Nguyễn Văn An": 1,
        "Trần Thị Bích": 2,
        "Lê Hoàng Phúc": 2,
        "Đinh Công Mới": 1,
    }
    assert by_name["Nguyễn Văn An"].phone == "0912345678"
    assert by_name["Trần Thị Bích"].phone == "0987654321"
    assert filled.members.get(by_name["Lê Hoàng Phúc"].id).fields.birth_precision == "day"
    # the stored search text follows the new phone
    assert [r.full_name for r in filled.members.list(MemberFilter(search="0987654321"))] == [
        "Trần Thị Bích"
    ]


def test_a_failure_mid_apply_writes_nothing(filled: Workspace, tmp_path: Path) -> None:
    rows = [list(r) for r in ROWS] + [
        [4, "Người Mới Một", "01/01/2004", "Nam", None, "Ấp Mới", None],
        [5, "Người Mới Hai", "02/02/2004", "Nữ", None, "Ấp Mới", None],
    ]
    rows[3][6] = "0987654321"  # an update too
    preview = filled.spreadsheets.preview_import(write_xlsx(tmp_path / "d.xlsx", rows))
    assert [r.action for r in preview.rows] == [UNCHANGED, UPDATE, UNCHANGED, NEW, NEW]
    # The last new row now carries An's CCCD: the unique index fails after the others went in.
    preview.rows[-1].values["national_id"] = "086201000001"
    before = _state(filled)
    with pytest.raises(AppError) as info:
        filled.spreadsheets.apply_import(preview)
    assert "Không có thay đổi nào được ghi" in info.value.message
    assert _state(filled) == before
    assert filled.branches.find("Ấp Mới") is None


def test_a_stale_preview_is_refused(filled: Workspace, tmp_path: Path) -> None:
    preview = filled.spreadsheets.preview_import(write_xlsx(tmp_path / "e.xlsx", ROWS))
    filled.members.save({"full_name": "Chen Ngang", "birth_date": "01/01/2000"})
    with pytest.raises(AppError, match="đã thay đổi sau khi xem trước"):
        filled.spreadsheets.apply_import(preview)


def test_csv_in_windows_1252_with_tcvn3_text(sws: Workspace, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "cu.csv", [["Hä vµ tªn", "Ngµy sinh"], ["Lª ThÞ HuÖ", "1/2/99"]], "cp1252"
    )
    assert b"\xaa" in path.read_bytes()  # "ª": really the legacy byte, not UTF-8
    preview = sws.spreadsheets.preview_import(path)
    assert [r.values["full_name"] for r in preview.rows] == ["Lê Thị Huệ"]
    # the old list's year typed short is not guessed: the form's message, the row rejected
    assert preview.problems == [
        (2, "Ngày sinh không đọc được: “1/2/99”. Năm phải đủ 4 chữ số, ví dụ 01/02/1999.")
    ]
    assert [r.action for r in preview.rows] == [REJECTED]


def test_semicolon_csv(sws: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "cham-phay.csv"
    path.write_text("Họ và tên;Ngày sinh;Giới tính\nHà Văn Tư;03/03/2003;Nam\n", encoding="utf-8")
    preview = sws.spreadsheets.preview_import(path)
    assert [(r.values["full_name"], r.values["gender"]) for r in preview.rows] == [
        ("Hà Văn Tư", "male")
    ]
