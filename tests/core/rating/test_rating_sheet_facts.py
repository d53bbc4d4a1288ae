"""The round's sheet carries the months of sick leave and the unpaid dues: exported in their
own columns ("Nghỉ ốm (tháng)", "Chưa đóng đủ đoàn phí"), read back filled in by a chi đoàn
(an empty cell never clears, "0" and "Không" do), a bad value or a value for a member not rated
refused with its reason, the changes written in one transaction."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from doancoso.core.rating.service import RatingRow
from doancoso.core.rating.sheet import HEADERS, FieldChange, RefusedRow
from doancoso.core.workspace import Workspace

YEAR = 2025


@pytest.fixture
def people(ws: Workspace) -> dict[str, str]:
    branch = ws.branches.create("Chi đoàn ấp Tân Hưng").id

    def member(name: str) -> str:
        return ws.members.save({"full_name": name, "birth_date": "05/03/2000",
                                "branch_id": branch, "admission_date": "01/01/2020"})  # fmt: skip

    ids = {"An": member("Nguyễn Văn An"), "Bình": member("Trần Thị Bình"),
           "Cường": member("Lê Văn Cường")}  # fmt: skip
    ws.events.record(ids["Cường"], "temporary", "01/02/2025", home_organization="Đoàn phường 5",
                     period_start="01/02/2025")  # fmt: skip
    ws.rating.set(YEAR, ids["An"], {"participation": "95%", "training_result": "Xuất sắc",
                                    "sick_months": "4"})  # fmt: skip
    ws.rating.set(YEAR, ids["Bình"], {"participation": "80", "dues_unpaid": "có"})
    return ids


def _rows(ws: Workspace) -> dict[str, RatingRow]:
    return {r.full_name: r for r in ws.rating.rows(YEAR, as_of=dt.date(YEAR, 12, 31))}


def _fill(source: Path, target: Path, cells: dict[tuple[int, str], object]) -> None:
    book = openpyxl.load_workbook(source)
    sheet = book.active
    assert sheet is not None
    columns = {cell.value: cell.column for cell in sheet[3]}
    for (row, header), value in cells.items():
        sheet.cell(row, columns[header]).value = value
    book.save(target)


def test_exported_in_their_own_columns(
    ws: Workspace, people: dict[str, str], tmp_path: Path
) -> None:
    path = tmp_path / "xep-loai.xlsx"
    ws.rating_sheets.export(path, YEAR)
    sheet = openpyxl.load_workbook(path).active
    assert sheet is not None
    assert HEADERS[4:8] == (
        "Tỉ lệ tham gia",
        "Nghỉ ốm (tháng)",
        "Chưa đóng đủ đoàn phí",
        "Mức gợi ý",
    )
    lines = [r[1:8] for r in sheet.iter_rows(min_row=4, values_only=True)]
    assert lines == [
        ("Nguyễn Văn An", dt.datetime(2000, 3, 5), "Chi đoàn ấp Tân Hưng", "95,0%", "4", None,
         "Hoàn thành nhiệm vụ"),
        ("Trần Thị Bình", dt.datetime(2000, 3, 5), "Chi đoàn ấp Tân Hưng", "80,0%", None, "Có",
         "Không hoàn thành nhiệm vụ"),
        ("Lê Văn Cường", dt.datetime(2000, 3, 5), "Chi đoàn ấp Tân Hưng", None, None, None,
         "Không xếp loại — Sinh hoạt tạm: đơn vị gốc xếp loại, ở đây chỉ nhận xét."),
    ]  # fmt: skip
    same = ws.rating_sheets.preview(path, YEAR)
    assert (same.changes, same.refused, same.unchanged) == ([], [], 3)


def test_filled_in_they_are_read_back_and_written(
    ws: Workspace, people: dict[str, str], tmp_path: Path
) -> None:
    exported, filled = tmp_path / "xep-loai.xlsx", tmp_path / "da-dien.xlsx"
    ws.rating_sheets.export(exported, YEAR)
    _fill(exported, filled, {
        (4, "Nghỉ ốm (tháng)"): 0,  # typed 0: no sick leave
        (4, "Chưa đóng đủ đoàn phí"): "x",
        (5, "Nghỉ ốm (tháng)"): "5 tháng",
        (5, "Chưa đóng đủ đoàn phí"): "Không",
        (6, "Chưa đóng đủ đoàn phí"): "không",  # a member not rated: nothing to say, taken
    })  # fmt: skip
    preview = ws.rating_sheets.preview(filled, YEAR)
    assert preview.refused == []
    assert [(c.full_name, c.changes) for c in preview.changes] == [
        ("Nguyễn Văn An", (FieldChange("sick_months", 4, None),
                           FieldChange("dues_unpaid", None, True))),
        ("Trần Thị Bình", (FieldChange("sick_months", None, 5),
                           FieldChange("dues_unpaid", True, None))),
    ]  # fmt: skip
    assert [f.text() for f in preview.changes[0].changes] == [
        "Nghỉ ốm (tháng): 4 tháng → (trống)", "Chưa đóng đủ đoàn phí: (trống) → chưa đóng đủ",
    ]  # fmt: skip
    assert preview.unchanged == 1
    assert ws.rating_sheets.apply(preview) == 2
    rows = _rows(ws)
    assert (rows["Nguyễn Văn An"].sick_months, rows["Nguyễn Văn An"].dues_unpaid) == (None, True)
    assert (rows["Trần Thị Bình"].sick_months, rows["Trần Thị Bình"].dues_unpaid) == (5, None)
    assert rows["Nguyễn Văn An"].suggested == 4


def test_bad_values_are_refused_with_their_reason(
    ws: Workspace, people: dict[str, str], tmp_path: Path
) -> None:
    exported, filled = tmp_path / "xep-loai.xlsx", tmp_path / "da-dien.xlsx"
    ws.rating_sheets.export(exported, YEAR)
    _fill(exported, filled, {
        (4, "Nghỉ ốm (tháng)"): 13,
        (4, "Chi đoàn đề nghị"): 1,
        (5, "Chưa đóng đủ đoàn phí"): "hình như",
        (6, "Nghỉ ốm (tháng)"): 2,
    })  # fmt: skip
    preview = ws.rating_sheets.preview(filled, YEAR)
    assert preview.refused == [
        RefusedRow(4, "Nguyễn Văn An", "“13” ở cột “Nghỉ ốm (tháng)” không phải số tháng nghỉ ốm "
                   "(cần số nguyên từ 0 đến 12; 0 để xóa)."),
        RefusedRow(5, "Trần Thị Bình", "“hình như” ở cột “Chưa đóng đủ đoàn phí” không rõ (ghi "
                   "“Có” nếu chưa đóng đủ đoàn phí, “Không” nếu đã đóng đủ)."),
        RefusedRow(6, "Lê Văn Cường", "Đoàn viên không xếp loại năm 2025 (Sinh hoạt tạm: đơn vị "
                   "gốc xếp loại, ở đây chỉ nhận xét): cột “Nghỉ ốm (tháng)” phải để trống, chỉ "
                   "ghi nhận xét."),
    ]  # fmt: skip
    assert preview.changes == []
    before = _rows(ws)
    assert ws.rating_sheets.apply(preview) == 0
    assert _rows(ws) == before
