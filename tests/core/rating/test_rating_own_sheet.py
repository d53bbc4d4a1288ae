"""A chi đoàn's own list of self-assessments, made in Excel by its secretary (not the sheet the
app exports): Vietnamese headings, no id column, members found by name and birth date, levels
written as the secretary writes them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from doancoso.core.rating.sheet import FieldChange, RefusedRow
from doancoso.core.workspace import Workspace

YEAR = 2025
BIRTH = "Ngày sinh"


@pytest.fixture
def branch(ws: Workspace) -> str:
    return ws.branches.create("Chi đoàn ấp Giồng Kè").id


def _member(ws: Workspace, branch: str, name: str, birth: str) -> str:
    return ws.members.save({"full_name": name, "birth_date": birth, "branch_id": branch,
                            "admission_date": "01/01/2020"})  # fmt: skip


def _own_sheet(path: Path, birth_heading: str, lines: list[tuple[str, object, str, str]]) -> None:
    """The list as a chi đoàn secretary types it: a title, then "STT", "Họ và tên", the birth
    date under ``birth_heading``, "Tự đánh giá", "Chi đoàn đề nghị"."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["CHI ĐOÀN ẤP GIỒNG KÈ"])
    sheet.append([f"DANH SÁCH TỰ ĐÁNH GIÁ, XẾP LOẠI ĐOÀN VIÊN NĂM {YEAR}"])
    sheet.append([])
    sheet.append(["STT", "Họ và tên", birth_heading, "Tự đánh giá", "Chi đoàn đề nghị"])
    for number, (name, birth, own, proposed) in enumerate(lines, 1):
        sheet.append([number, name, birth, own, proposed])
    book.save(path)


def test_levels_written_with_nhiem_vu_after_the_short_form(
    ws: Workspace, branch: str, tmp_path: Path
) -> None:
    """ "HTXS nhiệm vụ", "HTT nhiệm vụ", "HT nhiệm vụ", "KHT NV" (the short form, then the
    words it shortens the end of) were refused as no level, the row lost; they are the four
    levels. "HTTS nhiệm vụ" (HTT or HTXS?) is still refused, with its message."""
    an = _member(ws, branch, "Nguyễn Văn An", "05/03/2000")
    binh = _member(ws, branch, "Trần Thị Bình", "20/11/2001")
    em = _member(ws, branch, "Võ Thị Em", "01/06/2002")
    path = tmp_path / "tu-danh-gia.xlsx"
    _own_sheet(path, BIRTH, [
        ("Nguyễn Văn An", "05/03/2000", "HTXS nhiệm vụ", "HTT nhiệm vụ"),
        ("Trần Thị Bình", "20/11/2001", "Ht nhiệm vụ", "KHT NV"),
        ("Võ Thị Em", "01/06/2002", "HTTS nhiệm vụ", "HT nhiệm vụ"),
    ])  # fmt: skip
    preview = ws.rating_sheets.preview(path, YEAR)
    assert [(c.row, c.member_id, c.changes) for c in preview.changes] == [
        (5, an, (FieldChange("self_level", None, 1), FieldChange("proposed_level", None, 2))),
        (6, binh, (FieldChange("self_level", None, 3), FieldChange("proposed_level", None, 4))),
    ]
    assert preview.refused == [
        RefusedRow(7, "Võ Thị Em", "“HTTS nhiệm vụ” ở cột “Tự đánh giá” không phải mức xếp loại "
                   "(cần 1–4 hoặc tên mức: Hoàn thành xuất sắc nhiệm vụ, Hoàn thành tốt nhiệm "
                   "vụ, Hoàn thành nhiệm vụ, Không hoàn thành nhiệm vụ)."),
    ]  # fmt: skip
    assert ws.rating_sheets.apply(preview) == 2
    rows = {r.member_id: r for r in ws.rating.rows(YEAR, as_of=dt.date(YEAR, 12, 31))}
    assert [(rows[m].self_level, rows[m].proposed_level) for m in (an, binh, em)] == [
        (1, 2), (3, 4), (None, None)
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("name_heading", "birth_heading"),
    [("Họ và tên", "Ngày, tháng, năm sinh"), ("Họ tên", "Ngày tháng năm sinh"),
     ("Họ và tên đoàn viên", "Ngày/tháng/năm sinh")],
)  # fmt: skip
def test_the_headings_chi_doan_lists_use_for_the_name_and_birth_date(
    ws: Workspace, branch: str, tmp_path: Path, name_heading: str, birth_heading: str
) -> None:
    """A list headed "Ngày, tháng, năm sinh" (the heading of the union's forms) or "Họ tên" was
    refused whole as "không phải bảng xếp loại đoàn viên", asking for an id column a list typed
    by hand never has: these headings name the same columns."""
    an = _member(ws, branch, "Nguyễn Văn An", "05/03/2000")
    path = tmp_path / "tu-danh-gia.xlsx"
    _own_sheet(
        path, birth_heading, [("Nguyễn Văn An", "05/03/2000", "Hoàn thành tốt nhiệm vụ", "Tốt")]
    )
    book = openpyxl.load_workbook(path)
    sheet = book.active
    assert sheet is not None
    sheet.cell(4, 2).value = name_heading
    book.save(path)
    preview = ws.rating_sheets.preview(path, YEAR)
    assert preview.refused == []
    assert [(c.row, c.member_id, c.changes) for c in preview.changes] == [
        (5, an, (FieldChange("self_level", None, 2), FieldChange("proposed_level", None, 2))),
    ]
