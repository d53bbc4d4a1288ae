"""The youth register's 18 columns printed on one A4 landscape page wide at 70% or more (they
printed at about 45%): each column as narrow as its usual values allow (a date just fits
dd/mm/yyyy, the sex column "Nam"/"Nữ"), the headers wrapped on up to three lines, the union's
columns in their order under their headings, and nothing cut: every value shows on the lines
its row is tall enough for."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from a4_sheets import assert_a4_landscape, assert_nothing_cut, printed_scale
from openpyxl import load_workbook

from doancoso.core.workspace import Workspace
from doancoso.core.xlsx.widths import line_room, text_units
from doancoso.core.xlsx.writer import LINE_HEIGHT, column_widths, header_width
from doancoso.core.youth.export import YOUTH

HEADERS = [
    "STT", "Họ và tên", "Ngày sinh", "Giới tính", "Dân tộc", "Tôn giáo", "Khuyết tật",
    "Ấp/khu phố", "Địa chỉ", "Nghề nghiệp", "Đi làm ăn xa (nơi)", "Từ ngày",
    "Hoàn cảnh khó khăn", "Hỗ trợ đã nhận", "Đoàn viên theo dõi (1+1)", "Điện thoại",
    "Liên hệ", "Ghi chú",
]  # fmt: skip


def test_the_youth_register_prints_at_seventy_percent_or_more_with_nothing_cut(
    ws: Workspace, add_member: Callable[..., str], tmp_path: Path
) -> None:
    quynh = add_member("Nguyễn Thị Như Quỳnh", "05/03/1996", gender="Nữ")
    # A young person with a long value in every column that wraps, one with the usual short ones.
    ws.youth.save({
        "full_name": "Thạch Thị Sa Ra", "birth_date": "02/09/2001", "gender": "Nữ",
        "ethnicity": "Khmer", "religion": "Phật giáo Nam tông", "disability": "Khiếm thị",
        "hamlet": "Ấp Kênh Xáng", "address": "Số 12, ấp Kênh Xáng, xã Tân Hưng",
        "occupation": "Công nhân Công ty TNHH Thủy sản Minh Phú", "away_place": "TP. Hồ Chí Minh",
        "away_since": "01/03/2025", "hardship_kind": "Hộ cận nghèo",
        "hardship_support": "Học bổng 2025\nSửa nhà 2026", "follow_up_member_id": quynh,
        "phone": "0987654321", "contact": "Mẹ: Thạch Thị Nương, 0911222333",
        "notes": "Về quê dịp Tết",
    })  # fmt: skip
    ws.youth.save({
        "full_name": "Trần Văn An", "birth_date": "01/02/2005", "gender": "Nam",
        "ethnicity": "Kinh", "religion": "Không", "hamlet": "Ấp Tân Hưng",
        "occupation": "Nông dân", "hardship_kind": "Hộ nghèo", "phone": "0911222333",
    })  # fmt: skip
    path = tmp_path / "thanh-nien.xlsx"
    assert ws.spreadsheets.export_youth(path) == 2
    sheet = load_workbook(path).active
    assert sheet is not None
    assert [cell.value for cell in sheet[3]] == HEADERS
    letters = [cell.column_letter for cell in sheet[3]]
    widths = [sheet.column_dimensions[letter].width for letter in letters]

    assert_a4_landscape(sheet)
    # Fitted to the width, the 18 columns print at 70% or more (they printed at about 45%).
    assert printed_scale(widths) >= 0.70, (printed_scale(widths), widths)
    # So they do at their widest, every column as wide as a value may make it before it wraps.
    widest = column_widths(YOUTH, [float("inf")] * len(HEADERS))
    assert printed_scale(widest) >= 0.70, (printed_scale(widest), widest)

    column = dict(zip(HEADERS, widths, strict=True))
    # The dates just fit dd/mm/yyyy; the sex column is as narrow as "Giới" / "tính".
    for header in ("Ngày sinh", "Từ ngày"):
        room = line_room(column[header])
        assert text_units("01/03/2025") <= room < text_units("01/03/2025") + 1, header
    assert column["Giới tính"] <= 5
    # The usual values stay on one line: a name, a hamlet, a place of work, a hardship.
    for header, text in (
        ("Họ và tên", "Nguyễn Hoàng Minh Đức"), ("Ấp/khu phố", "Ấp Thạnh Điền"),
        ("Đi làm ăn xa (nơi)", "TP. Hồ Chí Minh"), ("Hoàn cảnh khó khăn", "Hộ cận nghèo"),
        ("Đoàn viên theo dõi (1+1)", "Nguyễn Văn Hùng"), ("Điện thoại", "0987654321"),
    ):  # fmt: skip
        assert text_units(text) <= line_room(widest[HEADERS.index(header)]), header
    # Every header shows whole on the header row's three lines.
    assert sheet.row_dimensions[3].height == 3 * LINE_HEIGHT
    for header, width in column.items():
        assert header_width(header, 3) <= line_room(width), header
    assert sheet["O3"].alignment.wrap_text

    # Nothing cut: every value shows on the lines its row is tall enough for.
    rows = {sheet.cell(row, 2).value: row for row in (4, 5)}
    assert set(rows) == {"Thạch Thị Sa Ra", "Trần Văn An"}
    assert_nothing_cut(sheet, (4, 5), letters, widths)
    sa_ra = {h: sheet.cell(rows["Thạch Thị Sa Ra"], n).value for n, h in enumerate(HEADERS, 1)}
    assert sa_ra["Tôn giáo"] == "Phật giáo Nam tông"
    assert sa_ra["Đoàn viên theo dõi (1+1)"] == "Nguyễn Thị Như Quỳnh"
    assert sa_ra["Liên hệ"] == "Mẹ: Thạch Thị Nương, 0911222333"
    assert sheet.row_dimensions[rows["Trần Văn An"]].height is None  # short values: one line
