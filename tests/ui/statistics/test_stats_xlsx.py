"""The statistics sheet: exact counts and shares, title, A4 portrait, written atomically."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from doancoso.core.errors import AppError
from doancoso.core.statistics.export import participation_note
from doancoso.core.workspace import Workspace

from .conftest import BA_DIEU, PRINTED_BY_BRANCH, TODAY, XOM_MOI

SPAN = "từ 01/01/2026 đến 01/06/2026"  # TODAY's: what the participation counts


def _rows(path: Path) -> list[tuple[object, ...]]:
    sheet = load_workbook(path).active
    return [tuple(c for c in row if c is not None) for row in sheet.iter_rows(values_only=True)]


def test_counts_and_layout(known_ws: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    path = out / "tk.xlsx"
    known_ws.spreadsheets.export_statistics(path, TODAY)
    rows = _rows(path)
    assert rows[0] == ("ĐOÀN XÃ TÂN HƯNG",)
    assert rows[1] == ("THỐNG KÊ TÌNH HÌNH ĐOÀN VIÊN NĂM 2026",)
    assert rows[2] == ("(Số liệu đến ngày 01/06/2026)",)
    assert (1, "Tổng số đoàn viên đang sinh hoạt (kể cả sinh hoạt tạm)", 5) in rows
    assert (2, "Trong đó: sinh hoạt tạm (đoàn viên của đơn vị khác)", 1) in rows
    assert (3, "Trong đó: đoàn viên nữ", 2) in rows
    # 0: Võ Thị Em (born 1996) is here on temporary activity, her home organisation decides
    assert (4, "Đến tuổi trưởng thành Đoàn (30 tuổi) năm 2026", 0) in rows
    assert (f"1. {PRINTED_BY_BRANCH}",) in rows
    assert (1, BA_DIEU, 3, 60.0) in rows and (2, XOM_MOI, 2, 40.0) in rows
    assert (1, "Nam", 3, 60.0) in rows and (2, "Nữ", 2, 40.0) in rows
    assert (1, "Kinh", 4, 80.0) in rows and (2, "Khmer", 1, 20.0) in rows
    assert ("Cộng", 6, 100.0) in rows  # by status: every member
    assert rows.count(("Cộng", 5, 100.0)) == 6  # the other breakdowns: the active roster
    sheet = load_workbook(path).active
    assert sheet.title == "Thống kê"
    assert sheet.page_setup.orientation == "portrait" and str(sheet.page_setup.paperSize) == "9"
    assert [p.name for p in out.iterdir()] == ["tk.xlsx"]  # no temporary file left


def test_unwritable_target(known_ws: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "out"
    target = out / "open.xlsx"
    target.mkdir(parents=True)  # a folder where the file should go
    with pytest.raises((AppError, OSError)):
        known_ws.spreadsheets.export_statistics(target, TODAY)
    assert sorted(p.name for p in out.iterdir()) == ["open.xlsx"]


def test_the_page_tables_without_a_closed_rating(known_ws: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "tk.xlsx"
    known_ws.spreadsheets.export_statistics(path, TODAY)
    rows = _rows(path)
    assert ("III. THAM GIA HOẠT ĐỘNG TỪ 01/01/2026 ĐẾN 01/06/2026 THEO CHI ĐOÀN",) in rows
    assert ("Toàn Đoàn cơ sở", 5, 0, 0, "—") in rows  # no activity yet: no rate
    assert rows[-2:] == [("IV. KẾT QUẢ XẾP LOẠI ĐOÀN VIÊN",),
                         ("Chưa có đợt xếp loại nào kết thúc.",)]  # fmt: skip


def test_rows_are_as_tall_as_their_wrapped_texts(known_ws: Workspace, tmp_path: Path) -> None:
    """The headers of the participation and rating tables wrap in their 13-character columns,
    a label longer than its 46-character column wraps, the note under the participation table
    wraps across it: each row is made as tall as its lines (15 pt each), which neither Excel
    nor LibreOffice does on opening, and a row of short texts keeps the default height."""
    ids = {row.full_name: row.id for row in known_ws.members.list()}
    known_ws.rating.set_levels(2025, "decided_level", {ids["Nguyễn Văn An"]: 1})
    known_ws.rating.close(2025)
    path = tmp_path / "tk.xlsx"
    known_ws.spreadsheets.export_statistics(path, TODAY)
    sheet = load_workbook(path).active
    rows = {
        sheet.cell(row, column).value: row
        for row in range(1, sheet.max_row + 1)
        for column in (1, 2, 3)
        if isinstance(sheet.cell(row, column).value, str)
    }
    height = {text: sheet.row_dimensions[row].height for text, row in rows.items()}
    # "Đoàn viên từ" / "01/01/2026" / "đến" / "01/06/2026"; "Lượt phải" / "tham gia"
    assert height[f"Đoàn viên {SPAN}"] == 60
    assert sheet.cell(rows[f"Đoàn viên {SPAN}"], 3).alignment.wrap_text
    # "Hoàn thành" / "xuất sắc" / "nhiệm vụ"
    assert height["Hoàn thành xuất sắc nhiệm vụ"] == 45
    # 384 characters over the table's six columns (104 wide): four lines.
    assert height[participation_note(SPAN)] == 60
    # 55 characters in column B: two lines.
    assert height["Tổng số đoàn viên đang sinh hoạt (kể cả sinh hoạt tạm)"] == 30
    assert height["Trong đó: đoàn viên nữ"] is None
    assert height["Kinh"] is None


def test_the_title_is_centred_over_the_widest_table(known_ws: Workspace, tmp_path: Path) -> None:
    """The organisation, the title and the date are centred over the columns the tables use, so
    that they sit in the middle of the printed page: A to F with the participation table, A to
    G once a closed rating adds its table."""
    path = tmp_path / "tk.xlsx"
    known_ws.spreadsheets.export_statistics(path, TODAY)
    merged = {str(r) for r in load_workbook(path).active.merged_cells.ranges}
    assert {"A1:F1", "A2:F2", "A3:F3"} <= merged
    ids = {row.full_name: row.id for row in known_ws.members.list()}
    known_ws.rating.set_levels(2025, "decided_level", {ids["Nguyễn Văn An"]: 1})
    known_ws.rating.close(2025)
    known_ws.spreadsheets.export_statistics(path, TODAY)
    sheet = load_workbook(path).active
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert {"A1:G1", "A2:G2", "A3:G3"} <= merged
    assert sheet["A2"].value == "THỐNG KÊ TÌNH HÌNH ĐOÀN VIÊN NĂM 2026"
    assert sheet["A2"].alignment.horizontal == "center"
    assert "A5:D5" in merged  # "I. SỐ LIỆU CHUNG", at the left


def test_no_member_over_the_span_is_said_under_the_heading(ws: Workspace, tmp_path: Path) -> None:
    """An organisation without a member over the span: the participation heading is followed by
    the line the printed statistics show, not by the next heading."""
    path = tmp_path / "tk.xlsx"
    ws.spreadsheets.export_statistics(path, TODAY)
    rows = _rows(path)
    heading = rows.index(("III. THAM GIA HOẠT ĐỘNG TỪ 01/01/2026 ĐẾN 01/06/2026 THEO CHI ĐOÀN",))
    assert rows[heading + 1 : heading + 3] == [
        ("Không có đoàn viên nào sinh hoạt tại đơn vị từ 01/01/2026 đến 01/06/2026.",),
        ("IV. KẾT QUẢ XẾP LOẠI ĐOÀN VIÊN",),
    ]
