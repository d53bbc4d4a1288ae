"""What the readers refuse before doing the work (#12): a file too large to be a roster, a row
far wider than any roster, a cell longer than Excel allows. Each refusal is immediate, with a
message that says what is wrong, and changes nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sheetfiles import write_csv, write_excel_xlsx, write_xlsx

from doancoso.core.errors import ImportFileError
from doancoso.core.workspace import Workspace
from doancoso.core.xlsx.workbook import read_sheets

HEADER = ["STT", "Họ và tên", "Ngày sinh", "Giới tính"]


def _refused(ws: Workspace, path: Path) -> str:
    with pytest.raises(ImportFileError) as info:
        ws.spreadsheets.preview_import(path)
    assert ws.members.count() == 0
    return info.value.message


def _sparse(path: Path, head: bytes, size: int) -> Path:
    """A file of ``size`` bytes that starts with ``head``: the rest is a hole, no disk used."""
    with path.open("wb") as handle:
        handle.write(head)
        handle.truncate(size)
    return path


@pytest.mark.parametrize(
    ("name", "head", "limit"),
    [
        ("lon.xlsx", b"PK\x03\x04", "tệp Excel nhận tối đa 100 MB"),  # a zip, as an .xlsx is
        ("lon.xls", bytes.fromhex("D0CF11E0A1B11AE1"), "tệp Excel nhận tối đa 100 MB"),
        ("lon.xlsx", b"", "tệp Excel nhận tối đa 100 MB"),  # nothing but zeros
        ("lon.csv", "Họ và tên,Ngày sinh\n".encode(), "tệp CSV nhận tối đa 50 MB"),
    ],
)
def test_a_huge_file_is_refused_by_its_size_without_being_read(
    sws: Workspace, tmp_path: Path, name: str, head: bytes, limit: str
) -> None:
    """3 GB used to be read whole (18 s, 3 GB of memory; "Lỗi không mong đợi" on a 2 GB PC).
    The message is about the size: no reader got to see the content."""
    path = _sparse(tmp_path / name, head, 3 * 2**30)
    expected = (
        f"Tệp {name} quá lớn để nhập (3,0 GB; {limit}). Một danh sách đoàn viên, kể cả "
        "100.000 người, nhỏ hơn nhiều: hãy kiểm tra lại đã chọn đúng tệp chưa."
    )
    assert _refused(sws, path) == expected
    with pytest.raises(ImportFileError) as info:
        sws.spreadsheets.sheets(path)
    assert info.value.message == expected


@pytest.mark.parametrize(
    ("name", "head", "size", "expected"),
    [
        (
            "vua.csv",
            b"",
            50 * 2**20,
            "Tệp vua.csv không phải tệp CSV dạng văn bản (có thể là UTF-16).",
        ),
        (
            "vua.xlsx",
            b"PK\x03\x04",
            100 * 2**20,
            "Không đọc được tệp vua.xlsx: tệp bị hỏng hoặc không phải tệp Excel.",
        ),
    ],
)
def test_a_file_at_the_limit_is_not_refused_by_its_size(
    sws: Workspace, tmp_path: Path, name: str, head: bytes, size: int, expected: str
) -> None:
    """At the limit the size is no reason to refuse: the reader looks at the content (zeros,
    which it refuses for what they are)."""
    assert _refused(sws, _sparse(tmp_path / name, head, size)).startswith(expected)


def test_a_csv_row_of_millions_of_cells_is_refused_before_the_header_is_looked_for(
    sws: Workspace, tmp_path: Path
) -> None:
    """2.5 million cells on one line kept the header guesser busy for 40-60 s. Fewer here, as
    many as needed to show the row is refused by its width, not searched."""
    path = tmp_path / "rong.csv"
    path.write_bytes(b"a," * 200_000 + b"\n" + ",".join(HEADER).encode() + b"\n")
    assert _refused(sws, path) == (
        "Tệp rong.csv có dòng 1 dài tới 200.000 cột, quá nhiều cho một danh sách (nhận tối đa "
        "1.000 cột). Hãy xóa các cột thừa bên phải bảng danh sách, lưu lại rồi nhập lại."
    )


def test_a_wide_xlsx_row_is_refused_too(sws: Workspace, tmp_path: Path) -> None:
    rows: list[list[Any]] = [HEADER, [1, "Lê Văn Rộng", "01/01/2001", "Nam", *["x"] * 1200]]
    path = write_xlsx(tmp_path / "rong.xlsx", rows)
    assert _refused(sws, path) == (
        "Trang tính “Sheet1” của tệp rong.xlsx có dòng 2 dài tới 1.204 cột, quá nhiều cho một "
        "danh sách (nhận tối đa 1.000 cột). Hãy xóa các cột thừa bên phải bảng danh sách, lưu "
        "lại rồi nhập lại."
    )


def test_empty_fields_after_the_table_do_not_count(sws: Workspace, tmp_path: Path) -> None:
    """Excel saves a CSV as wide as the sheet's used range: thousands of empty fields after
    each row when a whole row was once formatted. They are no columns."""
    path = tmp_path / "thua.csv"
    lines: list[list[Any]] = [HEADER, [1, "Vũ Thị Thừa", "02/02/2002", "Nữ"]]
    path.write_text("".join(",".join(map(str, line)) + "," * 16_000 + "\n" for line in lines))
    preview = sws.spreadsheets.preview_import(path)
    assert [r.values["full_name"] for r in preview.rows] == ["Vũ Thị Thừa"]


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_a_cell_longer_than_excel_allows_is_refused(
    sws: Workspace, tmp_path: Path, kind: str
) -> None:
    """openpyxl cuts a text at Excel's limit; other programs may not (written here as Excel
    would, had it no limit)."""
    rows: list[list[Any]] = [
        HEADER,
        [1, "Hồ Văn Dài", "03/03/2003", "Nam"],
        [2, "x" * 40_000, "", ""],
    ]
    path = (write_csv if kind == "csv" else write_excel_xlsx)(tmp_path / f"dai.{kind}", rows)
    if kind == "csv":
        where, hint = "Ô B3", ' Có thể tệp CSV thiếu một dấu ngoặc kép (") đóng ở ô này.'
    else:
        where, hint = "Ô B3 (trang tính “Sheet1”)", ""
    assert _refused(sws, path) == (
        f"{where} của tệp dai.{kind} dài 40.000 ký tự, vượt giới hạn 32.767 ký tự của một ô "
        f"Excel.{hint} Hãy sửa ô này, lưu lại rồi nhập lại."
    )


def test_an_unclosed_quote_in_a_csv_is_named(sws: Workspace, tmp_path: Path) -> None:
    """The rest of the file becomes one cell: beyond what the csv module accepts (131,072)."""
    path = tmp_path / "ngoac.csv"
    body = "".join(f"{i},Tô Văn Số {i},01/01/2001,Nam\n" for i in range(2, 6000))
    path.write_text(",".join(HEADER) + '\n1,"Lý Văn Mở,01/01/2001,Nam\n' + body)
    assert _refused(sws, path) == (
        "Một ô ở dòng 2 của tệp ngoac.csv dài hơn 131.072 ký tự, vượt giới hạn 32.767 ký tự "
        'của một ô Excel. Có thể tệp CSV thiếu một dấu ngoặc kép (") đóng ở ô này. Hãy sửa ô '
        "này, lưu lại rồi nhập lại."
    )


def test_a_csv_row_ends_with_its_last_non_empty_field(tmp_path: Path) -> None:
    """As a row of a workbook does; the empty fields before it stay."""
    path = write_csv(tmp_path / "thuong.csv", [HEADER, [1, "", "Ông Văn Thường", "", ""]])
    [sheet] = list(read_sheets(path))
    assert sheet.rows == [(1, HEADER), (2, ["1", "", "Ông Văn Thường"])]
