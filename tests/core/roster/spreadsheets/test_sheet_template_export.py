"""Writing the roster back in the union's member template (layout "mau-dsdv"): the template's
sheets, title rows, headers column by column, Nam/Nữ birth columns, text cells, the DATA lists
and the validations; importing the export gives back the same members, unchanged."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sheetfiles import (
    MEMBER_TEMPLATE_HEADERS,
    MEMBER_TEMPLATE_SUBHEADERS,
    member_template_merges,
    write_member_template,
)

from doancoso.cli.main import run
from doancoso.core.errors import AppError
from doancoso.core.roster.service import MemberFilter
from doancoso.core.roster.spreadsheets import UNCHANGED, ImportPreview
from doancoso.core.roster.validation import MemberFields
from doancoso.core.workspace import Workspace

WIDTH = len(MEMBER_TEMPLATE_HEADERS)


def _imported(ws: Workspace, tmp_path: Path) -> None:
    path = write_member_template(tmp_path / "dsdv.xlsx")
    ws.spreadsheets.apply_import(ws.spreadsheets.preview_import(path))


def _fields(ws: Workspace) -> dict[str, MemberFields]:
    return {r.full_name: ws.members.get(r.id).fields for r in ws.members.list()}


def _values(path: Path, sheet: str, rows: range) -> list[list[Any]]:
    book = load_workbook(path)
    try:
        return [[c.value for c in book[sheet][r]][:WIDTH] for r in rows]
    finally:
        book.close()


def _unchanged(preview: ImportPreview) -> list[tuple[int, str, list[str], list[str]]]:
    """The rows that are not unchanged or say something (none expected)."""
    return [
        (r.row, r.action, r.changed, [p.message for p in r.problems])
        for r in preview.rows
        if r.action != UNCHANGED or r.problems
    ]


def test_the_export_has_the_templates_layout_column_by_column(
    sws: Workspace, tmp_path: Path
) -> None:
    _imported(sws, tmp_path)
    branch = sws.branches.find("Chi đoàn 1")
    assert branch is not None
    path = tmp_path / "xuat.xlsx"
    flt = MemberFilter(branch_id=branch.id)
    assert sws.spreadsheets.export_members(path, flt, layout="mau-dsdv") == 4

    # The title rows and the header, cell by cell, as in the template's own file.
    template = write_member_template(tmp_path / "mau.xlsx")
    assert _values(path, "DSDV", range(1, 7)) == _values(template, "DSDV", range(1, 7))
    header = _values(path, "DSDV", range(5, 7))
    for index, (expected, below) in enumerate(
        zip(MEMBER_TEMPLATE_HEADERS, MEMBER_TEMPLATE_SUBHEADERS + (None,) * WIDTH, strict=False)
    ):
        assert (header[0][index], header[1][index]) == (expected, below), index
    book = load_workbook(path)
    assert book.sheetnames == ["DSDV", "DATA"]
    sheet = book["DSDV"]
    assert sorted(str(r) for r in sheet.merged_cells.ranges) == sorted(member_template_merges())
    assert sheet.freeze_panes == "C7"
    assert sheet.print_title_rows == "$5:$6"

    # One member a row from row 7, every cell text (dates dd/mm/yyyy, numbers as digits),
    # formatted as text; the birth date in the column of the member's gender.
    rows = [[c for c in sheet[r]][:WIDTH] for r in range(7, 11)]
    assert [row[1].value for row in rows] == [
        "Lê Thị Ngọc Diệp", "Nguyễn Văn Hậu", "Thạch Thị Sa Rươl", "Trần Minh Tú"]  # fmt: skip
    assert [(row[3].value, row[4].value) for row in rows] == [
        (None, "14/02/2002"), ("05/11/1998", None), (None, "29/02/2004"), ("17/08/1997", None),
    ]  # fmt: skip
    assert {c.data_type for row in rows for c in row if c.value is not None} == {"s"}
    assert {c.number_format for row in rows for c in row} == {"@"}
    assert [c.value for c in rows[0]] == [
        "1", "Lê Thị Ngọc Diệp", "8012345", None, "14/02/2002", "Kinh", "Không",
        "Xã Tân Hưng, tỉnh Cà Mau", "Ấp Tân Long, xã Tân Hưng, tỉnh Cà Mau", "096302001234",
        "20/04/2021", "Cục Cảnh sát quản lý hành chính về trật tự xã hội", "12/12", "Đại học",
        "Sơ cấp", "Cơ bản", "Tiếng Anh B1", "26/03/2017", "15-NQ/ĐTN", "TĐ-0456", None,
        "Giáo viên", "Đoàn viên công chức, viên chức", "Xuất sắc", "Hoàn thành xuất sắc nhiệm vụ",
        "Giấy khen của Đoàn xã năm 2025", None, "Bí thư chi đoàn",
        "Hội Liên hiệp Thanh niên Việt Nam", None, "ngocdiep.le@gmail.com", "0912345678",
        "Chi đoàn 1",
    ]  # fmt: skip
    assert [row[27].value for row in rows] == [
        "Bí thư chi đoàn", "Ủy viên Ban Chấp hành chi đoàn", "Phó Bí thư chi đoàn", "Đoàn viên",
    ]  # fmt: skip

    # The DATA lists, and drop-downs on the DSDV columns that offer them.
    data = book["DATA"]
    lists = {
        column[0].value: [c.value for c in column[1:] if c.value is not None]
        for column in data.iter_cols()
    }
    assert len(lists["Dân tộc"]) == 54 and "Khmer" in lists["Dân tộc"]
    assert len(lists["Tỉnh, thành phố"]) == 34
    assert lists["Chức vụ"] == [
        "Bí thư chi đoàn", "Phó Bí thư chi đoàn", "Ủy viên Ban Chấp hành chi đoàn", "Đoàn viên",
    ]  # fmt: skip
    offered = {}
    for check in sheet.data_validations.dataValidation:
        first_cell = str(check.sqref).split(":")[0]
        column = "".join(ch for ch in first_cell if ch.isalpha())
        header = sheet[f"{column}5"].value
        sheet_name, cells = check.formula1.split("!")
        letter = cells.split("$")[1]
        listed = [c.value for c in data[letter][1:] if c.value is not None]
        assert (check.type, sheet_name, str(check.sqref)) == (
            "list",
            "DATA",
            f"{column}7:{column}210",
        )
        offered[header] = listed[0]
    assert offered == {
        "Dân tộc": "Kinh", "Tôn giáo": "Không", "Quê quán": "Hà Nội",
        "Nơi cấp": "Cục Cảnh sát quản lý hành chính về trật tự xã hội",
        "Trình độ văn hóa": "12/12", "Trình độ chuyên môn": "Chưa qua đào tạo",
        "Trình độ LLCT": "Sơ cấp", "Tin học": "Cơ bản", "Ngoại ngữ": "Tiếng Anh A1",
        "Nghề nghiệp hiện nay": "Học sinh", "Đối tượng đoàn viên": "Đoàn viên học sinh",
        "Rèn luyện đoàn viên": "Xuất sắc",
        "Đánh giá, xếp loại đoàn viên": "Hoàn thành xuất sắc nhiệm vụ",
        "Chức vụ trong chi đoàn": "Bí thư chi đoàn", "Hội": "Hội Liên hiệp Thanh niên Việt Nam",
        "Đoàn viên danh dự": "Có",
    }  # fmt: skip
    book.close()


def test_importing_the_export_gives_back_the_same_members(
    sws: Workspace, tmp_path: Path, data_dir: Path
) -> None:
    _imported(sws, tmp_path)
    # Fields the template has no column for stay as they are on an import of the export.
    hau = sws.members.ids(MemberFilter(search="8012346"))[0]
    raw = {"full_name": "Nguyễn Văn Hậu", "birth_date": "05/11/1998", "gender": "Nam",
           "member_code": "8012346", "other_name": "Út Hậu", "father_name": "Nguyễn Văn Bảy",
           "notes": "Hộ cận nghèo\nRèn luyện đoàn viên: Khá\nĐi làm xa từ 2024"}  # fmt: skip
    sws.members.save(raw, hau)
    sws.members.save({"full_name": "Lý Thị Không Rõ", "birth_date": "2003"})  # no gender
    before = _fields(sws)
    path = tmp_path / "xuat.xlsx"
    assert sws.spreadsheets.export_members(path, layout="mau-dsdv") == 5
    preview = sws.spreadsheets.preview_import(path)
    assert preview.warnings == []
    # The member without a gender has the birth year in both columns: read back, said so.
    assert _unchanged(preview) == [
        (9, UNCHANGED, [], ["Cả hai cột Nam và Nữ đều có giá trị."]),  # Lý Thị Không Rõ
    ]
    sws.spreadsheets.apply_import(preview)
    assert _fields(sws) == before

    # Into another roster: the same members, field for field (those of the template).
    org = sws.organization.get()
    assert org is not None
    with Workspace.open(tmp_path / "other") as other:
        other.organization.create(org)
        other.spreadsheets.today = sws.spreadsheets.today
        other.spreadsheets.apply_import(other.spreadsheets.preview_import(path))
        again = _fields(other)
    assert again.keys() == before.keys()
    for name, fields in before.items():
        assert again[name].member_code == fields.member_code
        assert again[name].national_id_date == fields.national_id_date
        assert again[name].position == fields.position
        assert again[name].gender == fields.gender
    assert again["Nguyễn Văn Hậu"].notes == "Rèn luyện đoàn viên: Khá"  # the template's only


def test_the_demo_roster_comes_back_unchanged(demo_ws: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "xuat.xlsx"
    assert demo_ws.spreadsheets.export_members(path, layout="mau-dsdv") == 300
    preview = demo_ws.spreadsheets.preview_import(path)
    assert len(preview.rows) == 300
    assert {r.action for r in preview.rows} == {UNCHANGED}
    org = demo_ws.organization.get()
    assert org is not None
    assert _values(path, "DSDV", range(3, 4))[0][0] == org.name.upper()


def test_the_template_is_written_as_xlsx_only(sws: Workspace, tmp_path: Path) -> None:
    with pytest.raises(AppError) as info:
        sws.spreadsheets.export_members(tmp_path / "ds.csv", layout="mau-dsdv")
    assert info.value.message == (
        "Không xuất được ra “ds.csv”: mẫu danh sách đoàn viên (DSDV) chỉ xuất ra tệp .xlsx."
    )
    assert not (tmp_path / "ds.csv").exists()


def _cli(*argv: str) -> tuple[int, str, str]:
    out, err = StringIO(), StringIO()
    code = run(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_the_command_line_writes_the_template_and_lists_the_code(
    sws: Workspace, tmp_path: Path
) -> None:
    _imported(sws, tmp_path)
    data_dir = str(sws.data_dir)
    target = tmp_path / "mau.xlsx"
    code, out, err = _cli("members", "export", str(target), "--layout", "mau-dsdv",
                          "--branch", "chi doan 1", "--data-dir", data_dir)  # fmt: skip
    assert (code, out, err) == (0, f"Đã xuất 4 đoàn viên ra {target}.\n", "")
    assert _values(target, "DSDV", range(3, 4))[0][0] == "CHI ĐOÀN 1"
    code, out, err = _cli("members", "export", str(tmp_path / "tn.xlsx"), "--youth",
                          "--layout", "mau-dsdv", "--data-dir", data_dir)  # fmt: skip
    assert (code, err) == (1, "Lỗi: Danh sách thanh niên không có mẫu DSDV: bỏ --layout khi dùng "
                              "--youth.\n")  # fmt: skip
    code, out, _ = _cli("members", "list", "--search", "8012347", "--format", "json",
                        "--data-dir", data_dir)  # fmt: skip
    [row] = json.loads(out)
    assert (row["full_name"], row["member_code"]) == ("Thạch Thị Sa Rươl", "8012347")
