"""The long texts of the roster's and the youth register's .xlsx wrap: an address of a hundred
characters, a hometown or an occupation longer than its column shows whole, on as many lines as
it takes, in a row made that tall (neither Excel nor LibreOffice fits a row on opening), and the
row's other cells sit at its top, level with the first line. Short values stay on one line in a
row of the default height. Each file is read back with openpyxl."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from doancoso.core.workspace import Workspace

HAMLET = "Số nhà 125/7, tổ 5, khu phố Phước Hưng"
COMMUNE = "phường Tân Hưng (trước là xã Tân Hưng Đông, huyện Cái Nước)"
# 112 characters: five lines of the 23.25-wide column.
ADDRESS = f"{HAMLET}, {COMMUNE}, tỉnh Cà Mau"
HOMETOWN = "Xã Phong Thạnh Tây, huyện Phước Long, tỉnh Bạc Liêu"  # 6 lines at 11.5
OCCUPATION = "Công nhân Công ty TNHH Thủy sản Minh Phú"  # 4 lines at 12.5
# 95 characters: in the 32.75-wide column, "Số 12, tổ 3, ấp Kênh Xáng, xã Tân Hưng" / "(trước là
# xã Tân Hưng Đông, huyện Cái" / "Nước), tỉnh Cà Mau" (as LibreOffice shows it).
YOUTH_ADDRESS = (
    "Số 12, tổ 3, ấp Kênh Xáng, xã Tân Hưng (trước là xã Tân Hưng Đông, huyện Cái Nước), "
    "tỉnh Cà Mau"
)


def _sheet(path: Path) -> Any:
    return load_workbook(path).active


def _roster(ws: Workspace, add_member: Callable[..., str], tmp_path: Path) -> Any:
    add_member(
        "Nguyễn Văn An", "01/02/2000", branch="Ấp Tân Phú", address_hamlet=HAMLET,
        address_commune=COMMUNE, address_province="tỉnh Cà Mau", hometown=HOMETOWN,
        occupation=OCCUPATION,
    )  # fmt: skip
    add_member(
        "Trần Thị Bình", "03/04/2001", branch="Ấp Tân Phú", address_hamlet="Ấp Tân Phú",
        address_commune="xã Tân Hưng", hometown="Cà Mau", occupation="Nông dân",
    )  # fmt: skip
    path = tmp_path / "doan-vien.xlsx"
    assert ws.spreadsheets.export_members(path) == 2
    return _sheet(path)


def test_a_long_address_hometown_and_occupation_wrap_in_a_row_as_tall_as_them(
    ws: Workspace, add_member: Callable[..., str], tmp_path: Path
) -> None:
    sheet = _roster(ws, add_member, tmp_path)
    header = [cell.value for cell in sheet[3]]
    an = {h: sheet.cell(4, column) for column, h in enumerate(header, start=1)}
    assert an["Họ và tên"].value == "Nguyễn Văn An"
    assert an["Địa chỉ"].value == ADDRESS and len(ADDRESS) == 112
    for column, width in (("Địa chỉ", 23.25), ("Quê quán", 11.5), ("Nghề nghiệp", 12.5)):
        assert an[column].alignment.wrap_text, column
        assert an[column].alignment.vertical == "top"
        letter = an[column].column_letter
        assert sheet.column_dimensions[letter].width == width, column
    assert an["Quê quán"].value == HOMETOWN and an["Nghề nghiệp"].value == OCCUPATION
    assert sheet.row_dimensions[4].height == 90  # the hometown's six lines, 15 pt each
    # The name, the dates and the chi đoàn stay on one line, at the top of the tall row.
    for column in ("STT", "Họ và tên", "Ngày sinh", "Chi đoàn", "Trạng thái"):
        assert an[column].alignment.vertical == "top", column
        assert not an[column].alignment.wrap_text, column
    assert an["Ngày sinh"].number_format == "dd/mm/yyyy"
    assert an["Ngày sinh"].alignment.horizontal == "center"
    # A member whose texts fit keeps one line and the default height.
    binh = {h: sheet.cell(5, column) for column, h in enumerate(header, start=1)}
    assert binh["Địa chỉ"].value == "Ấp Tân Phú, xã Tân Hưng"
    assert not binh["Địa chỉ"].alignment.wrap_text
    assert binh["Họ và tên"].alignment.vertical is None
    assert sheet.row_dimensions[5].height is None


def test_the_youth_registers_long_address_and_contact_wrap(ws: Workspace, tmp_path: Path) -> None:
    ws.youth.save(
        {
            "full_name": "Thạch Thị Sa Ra", "birth_date": "02/09/2001", "gender": "Nữ",
            "hamlet": "Ấp Kênh Xáng", "address": YOUTH_ADDRESS,
            "contact": "Mẹ: Thạch Thị Nương, 0911222333", "occupation": "Công nhân",
        }
    )  # fmt: skip
    ws.youth.save({"full_name": "Lê Văn Hải", "birth_date": "09/04/2006", "address": "Tổ 3"})
    path = tmp_path / "thanh-nien.xlsx"
    assert ws.spreadsheets.export_youth(path) == 2
    sheet = _sheet(path)
    header = [cell.value for cell in sheet[3]]
    rows = {sheet.cell(row, 2).value: row for row in (4, 5)}
    sa_ra = {h: sheet.cell(rows["Thạch Thị Sa Ra"], c) for c, h in enumerate(header, start=1)}
    assert sa_ra["Địa chỉ"].value == YOUTH_ADDRESS and len(YOUTH_ADDRESS) == 95
    assert sa_ra["Địa chỉ"].alignment.wrap_text and sa_ra["Địa chỉ"].alignment.vertical == "top"
    assert sheet.column_dimensions[sa_ra["Địa chỉ"].column_letter].width == 13.5
    # 31 characters in the 11.5-wide column wrap on three lines.
    assert sa_ra["Liên hệ"].alignment.wrap_text
    assert sheet.row_dimensions[rows["Thạch Thị Sa Ra"]].height == 120  # the address's 8 lines
    assert sa_ra["Họ và tên"].alignment.vertical == "top"
    hai = {h: sheet.cell(rows["Lê Văn Hải"], c) for c, h in enumerate(header, start=1)}
    assert hai["Địa chỉ"].value == "Tổ 3" and not hai["Địa chỉ"].alignment.wrap_text
    assert sheet.row_dimensions[rows["Lê Văn Hải"]].height is None
