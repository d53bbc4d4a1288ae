"""Which encoding a CSV is in, said rather than guessed into mojibake (#12).

A CSV saved by Excel as "CSV (Comma delimited)" on a Windows set to Vietnamese is in
Windows-1258, whose letters carry their tones as separate marks; one pasted from elsewhere may
be UTF-8 with a stray byte. Both used to end in "Không tìm thấy dòng tiêu đề".
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from sheetfiles import write_csv

from doancoso.core.errors import ImportFileError
from doancoso.core.workspace import Workspace

ROWS: list[list[object]] = [
    ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Dân tộc", "Địa chỉ"],
    [1, "Nguyễn Thị Ánh Tuyết", "05/03/2001", "Nữ", "Kinh", "Ấp Rạch Ráng, Tân Hưng"],
    [2, "Đặng Quốc Việt", "12/10/2003", "Nam", "Khơ-me", "Ấp Bà Điều"],
    [3, "Trương Ngọc Ước", "2000", "Nam", "Kinh", "Ấp Cây Dương"],
]
SAVE_AS_UTF8 = "Hãy lưu lại tệp CSV với bảng mã UTF-8 (Excel: Lưu thành → CSV UTF-8)."
_TONES = "\u0300\u0301\u0303\u0309\u0323"


def _cp1258(text: str) -> bytes:
    """``text`` as Windows saves it in code page 1258: a letter Windows-1258 has, then its tone
    as a combining mark (ễ: ê then U+0303)."""
    out = []
    for ch in text:
        decomposed = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
        out.append(base + "".join(c for c in decomposed if c in _TONES))
    return "".join(out).encode("cp1258")


def _rows_text(rows: list[list[object]]) -> str:
    quoted = [[f'"{v}"' if "," in str(v) else str(v) for v in row] for row in rows]
    return "".join(",".join(row) + "\r\n" for row in quoted)


def _refused(ws: Workspace, path: Path) -> str:
    with pytest.raises(ImportFileError) as info:
        ws.spreadsheets.preview_import(path)
    assert ws.members.count() == 0
    return info.value.message


def test_a_windows_1258_csv_is_converted_with_a_warning(sws: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "ansi.csv"
    path.write_bytes(_cp1258(_rows_text(ROWS)))
    assert b"\xcc" in path.read_bytes() or b"\xec" in path.read_bytes()  # separate tone marks
    preview = sws.spreadsheets.preview_import(path)
    assert [(r.values["full_name"], r.values.get("address")) for r in preview.rows] == [
        ("Nguyễn Thị Ánh Tuyết", "Ấp Rạch Ráng, Tân Hưng"),
        ("Đặng Quốc Việt", "Ấp Bà Điều"),
        ("Trương Ngọc Ước", "Ấp Cây Dương"),
    ]
    assert all(
        unicodedata.is_normalized("NFC", str(v)) for r in preview.rows for v in r.values.values()
    )
    assert preview.warnings[0] == (
        "Tệp ansi.csv được lưu bằng bảng mã Windows-1258, không phải UTF-8: chữ đã được chuyển "
        "sang Unicode, hãy kiểm tra lại họ tên trong bản xem trước. Lần sau hãy lưu dạng "
        "“CSV UTF-8” (Excel: Lưu thành → CSV UTF-8)."
    )


def test_a_stray_byte_in_a_utf8_csv_is_named(sws: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "le.csv"
    data = _rows_text(ROWS).encode("utf-8")
    path.write_bytes(
        data.replace("Đặng Quốc".encode(), "Đặng".encode() + b"\xa0" + "Quốc".encode())
    )
    assert _refused(sws, path) == (
        "Tệp le.csv có chữ không đọc được ở dòng 3 (“2,Đặng�Quốc Việt,12/10/2003,Nam,Khơ-me,"
        "Ấp Bà Điều”): byte 0xA0 không phải chữ UTF-8. Hãy sửa chữ đó rồi " + SAVE_AS_UTF8[4:]
    )


def test_a_stray_byte_after_a_bom_is_named(sws: Workspace, tmp_path: Path) -> None:
    """The BOM says UTF-8: even a file with no other letter outside ASCII is not guessed."""
    path = tmp_path / "bom.csv"
    path.write_bytes(b"\xef\xbb\xbfSTT,Ho va ten,Ngay sinh\r\n1,Nguy\xean Van An,01/01/2001\r\n")
    assert _refused(sws, path).startswith(
        "Tệp bom.csv có chữ không đọc được ở dòng 2 (“1,Nguy�n Van An,01/01/2001”): byte 0xEA "
        "không phải chữ UTF-8."
    )


def test_an_encoding_it_cannot_tell_is_refused(sws: Workspace, tmp_path: Path) -> None:
    """Windows-1251 (Cyrillic): neither UTF-8, nor Vietnamese in 1258, nor TCVN3/VNI."""
    path = tmp_path / "nga.csv"
    path.write_bytes("STT,Ho va ten,Ngay sinh\r\n1,Иван Петров,01/01/2001\r\n".encode("cp1251"))
    assert _refused(sws, path) == (
        "Tệp nga.csv không được lưu bằng bảng mã UTF-8 (dòng 2 có byte 0xC8) và không nhận ra "
        "được bảng mã của nó. " + SAVE_AS_UTF8
    )


def test_utf8_with_and_without_a_bom_gives_no_warning(sws: Workspace, tmp_path: Path) -> None:
    for encoding in ("utf-8", "utf-8-sig"):
        path = write_csv(tmp_path / f"{encoding}.csv", ROWS, encoding)
        preview = sws.spreadsheets.preview_import(path)
        assert preview.warnings == []
        assert [r.values["full_name"] for r in preview.rows][0] == "Nguyễn Thị Ánh Tuyết"


def test_tcvn3_text_in_an_ansi_csv_is_still_converted(sws: Workspace, tmp_path: Path) -> None:
    """An old roster typed with ".VnTime" and saved as CSV on a Western Windows: the legacy
    letters, read as Windows-1252, are converted as in a workbook (test_sheet_safety has the
    one-row case)."""
    path = write_csv(
        tmp_path / "abc.csv",
        [["Hä vµ tªn", "Ngµy sinh", "§Þa chØ"], ["NguyÔn V¨n Hïng", "1/2/99", "Th«n §«ng"]],
        "cp1252",
    )
    preview = sws.spreadsheets.preview_import(path)
    assert [(r.values["full_name"], r.values.get("address")) for r in preview.rows] == [
        ("Nguyễn Văn Hùng", "Thôn Đông")
    ]
