"""The roster's 17 columns printed on one A4 landscape page wide at 70% or more: each column as
narrow as its values allow (a date just fits dd/mm/yyyy, the sex column "Nam"/"Nữ"), the headers
wrapped on up to three lines, the union's columns in their order under their headings, and
nothing cut: every value shows on the lines its row is tall enough for."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from a4_sheets import assert_a4_landscape, assert_nothing_cut, printed_scale
from openpyxl import load_workbook

from doancoso.core.roster.spreadsheets.export import ROSTER
from doancoso.core.workspace import Workspace
from doancoso.core.xlsx.widths import line_room, text_units
from doancoso.core.xlsx.writer import LINE_HEIGHT, column_widths, header_width

HEADERS = [
    "STT", "Họ và tên", "Ngày sinh", "Giới tính", "Dân tộc", "Tôn giáo", "CCCD", "Điện thoại",
    "Chi đoàn", "Chức vụ", "Ngày vào Đoàn", "Trạng thái", "Địa chỉ", "Quê quán", "Nghề nghiệp",
    "Trình độ văn hóa", "Ghi chú",
]  # fmt: skip


def test_the_roster_prints_at_seventy_percent_or_more_with_nothing_cut(
    ws: Workspace, add_member: Callable[..., str], tmp_path: Path
) -> None:
    # A member with a long value in every column that wraps, and one with the usual short ones.
    add_member(
        "Nguyễn Thị Như Quỳnh", "05/05/2000", branch="Chi đoàn ấp Thạnh Điền", gender="Nữ",
        ethnicity="Khmer", religion="Công giáo", national_id="096300001238",
        phone="0911222104", position="Ủy viên BCH", admission_date="26/03/2016",
        address_hamlet="Số nhà 125/7, tổ 5, khu phố Phước Hưng", address_commune="phường Tân Hưng",
        address_province="tỉnh Cà Mau", hometown="Xã Phong Thạnh Tây, huyện Phước Long",
        occupation="Công nhân Công ty TNHH Thủy sản Minh Phú", education="12/12",
        notes="Chuyển về ấp 3\nĐã nộp đoàn phí",
    )  # fmt: skip
    add_member(
        "Trần Văn An", "01/02/2001", branch="Ấp Tân Phú", gender="Nam", ethnicity="Kinh",
        religion="Không", phone="0911222333", admission_date="03/02/2017",
        address_hamlet="Ấp Tân Phú", hometown="Cà Mau", occupation="Nông dân", education="9/12",
    )  # fmt: skip
    path = tmp_path / "doan-vien.xlsx"
    assert ws.spreadsheets.export_members(path) == 2
    sheet = load_workbook(path).active
    assert sheet is not None
    assert [cell.value for cell in sheet[3]] == HEADERS
    letters = [cell.column_letter for cell in sheet[3]]
    widths = [sheet.column_dimensions[letter].width for letter in letters]

    assert_a4_landscape(sheet)
    # Fitted to the width, the 17 columns print at 70% or more (they printed at about 50%).
    assert printed_scale(widths) >= 0.70, (printed_scale(widths), widths)
    # So they do at their widest, every column as wide as a value may make it before it wraps.
    widest = column_widths(ROSTER, [float("inf")] * len(HEADERS))
    assert sum(widest) <= 217
    assert printed_scale(widest) >= 0.70

    column = dict(zip(HEADERS, widths, strict=True))
    # The dates just fit dd/mm/yyyy; the sex column is as narrow as "Giới" / "tính".
    for header in ("Ngày sinh", "Ngày vào Đoàn"):
        room = line_room(column[header])
        assert text_units("26/03/2016") <= room < text_units("26/03/2016") + 1, header
    assert column["Giới tính"] <= 5
    assert column["Trình độ văn hóa"] <= 7  # "Trình" / "độ văn" / "hóa"
    # Every header shows whole on the header row's three lines.
    assert sheet.row_dimensions[3].height == 3 * LINE_HEIGHT
    for header, width in column.items():
        assert header_width(header, 3) <= line_room(width), header
    assert sheet["K3"].alignment.wrap_text

    # Nothing cut: every value shows on the lines its row is tall enough for.
    assert_nothing_cut(sheet, (4, 5), letters, widths)
    rows = {sheet.cell(row, 2).value: row for row in (4, 5)}  # sorted by given name
    quynh = {h: sheet.cell(rows["Nguyễn Thị Như Quỳnh"], n).value for n, h in enumerate(HEADERS, 1)}
    assert quynh["Giới tính"] == "Nữ" and quynh["Tôn giáo"] == "Công giáo"
    # The occupation's four lines: "Công nhân" / "Công ty TNHH" / "Thủy sản Minh" / "Phú".
    assert sheet.row_dimensions[rows["Nguyễn Thị Như Quỳnh"]].height == 4 * LINE_HEIGHT
    assert sheet.row_dimensions[rows["Trần Văn An"]].height is None  # short values: one line
