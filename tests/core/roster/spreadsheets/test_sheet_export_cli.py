"""Export to .xlsx/.csv (layout, print setup, round trip) and the members import/export commands."""

from __future__ import annotations

import csv
import json
from datetime import datetime, time
from io import StringIO
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sheetfiles import write_xlsx

from doancoso.cli.main import run
from doancoso.core.lang.dates import DAY, format_vn_date
from doancoso.core.lifecycle.rules import ACTIVE_STATUSES
from doancoso.core.roster.service import MemberFilter
from doancoso.core.roster.spreadsheets import UNCHANGED
from doancoso.core.workspace import Workspace


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = StringIO(), StringIO()
    code = run(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_xlsx_export_layout_and_round_trip(demo_ws: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "xuat.xlsx"
    assert demo_ws.spreadsheets.export_members(path) == 300
    book = load_workbook(path)
    sheet = book.active
    assert sheet is not None
    # Every status: the demo's members who left are in the list, and the title says so.
    assert sheet["A1"].value == ("DANH SÁCH ĐOÀN VIÊN (gồm cả đoàn viên đã chuyển đi, bị xóa tên)")
    org = demo_ws.organization.get()
    assert org is not None and sheet["A2"].value == org.name
    header = [c.value for c in sheet[3]]
    assert header[:13] == [
        "STT",
        "Họ và tên",
        "Ngày sinh",
        "Giới tính",
        "Dân tộc",
        "Tôn giáo",
        "CCCD",
        "Điện thoại",
        "Chi đoàn",
        "Chức vụ",
        "Ngày vào Đoàn",
        "Trạng thái",
        "Địa chỉ",
    ]
    assert sheet.freeze_panes == "C4"
    assert sheet.print_title_rows == "$3:$3"
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.paperSize == 9
    assert sheet.page_setup.fitToWidth == 1 and sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.column_dimensions["B"].width > sheet.column_dimensions["A"].width
    rows = demo_ws.members.list()
    first = rows[0]
    assert sheet["B4"].value == first.full_name
    # Full dates are real dates shown dd/mm/yyyy; a birth known by its year alone is its text.
    births = [c for c in sheet["C"][3:] if c.value is not None]
    assert len(births) == len(rows)
    for cell, row in zip(births, rows, strict=True):
        if row.birth_precision == DAY:
            assert cell.value == datetime.combine(row.birth_date, time())
            assert cell.number_format == "dd/mm/yyyy"
        else:
            assert cell.value == format_vn_date(row.birth_date, row.birth_precision)
    assert "d" in {c.data_type for c in births}  # openpyxl reads a dated number as a date
    assert first.full_name in [c.value for c in sheet["B"]]
    assert [sheet.cell(row=4 + i, column=2).value for i in range(len(rows))] == [
        r.full_name for r in rows
    ]
    book.close()

    preview = demo_ws.spreadsheets.preview_import(path)
    assert preview.header_row == 3
    assert len(preview.rows) == 300
    assert {r.action for r in preview.rows} == {UNCHANGED}, [
        (r.row, r.changed, r.problems) for r in preview.rows if r.action != UNCHANGED
    ][:5]


def test_xlsx_export_borders_filter_and_column_widths(sws: Workspace, tmp_path: Path) -> None:
    branch = sws.branches.create("Chi đoàn ấp Thạnh Điền").id
    sws.members.save({"full_name": "Nguyễn Văn An", "birth_date": "01/02/2000",
                      "branch_id": branch, "admission_date": "26/03/2016"})  # fmt: skip
    sws.members.save({"full_name": "Lê Thị Bé", "birth_date": "2001", "branch_id": branch,
                      "notes": "x" * 200})  # fmt: skip
    path = tmp_path / "ds.xlsx"
    assert sws.spreadsheets.export_members(path) == 2
    sheet = load_workbook(path).active
    assert sheet is not None
    widths = {c: sheet.column_dimensions[c].width for c in "ABCDEFIKQ"}
    # In Excel's unit (a digit of Calibri 11 and the column's padding), as wide as the texts are
    # in Calibri's letters: a date just fits "dd/mm/yyyy", headers wrap on up to three lines.
    assert widths == {
        "A": 4,  # "STT" in bold
        "B": 14,  # "Nguyễn Văn An"
        "C": 11,  # dd/mm/yyyy
        "D": 4.5,  # "Giới" / "tính": the header wraps
        "E": 4.25,  # an empty column: its header's widest word ("Dân" / "tộc")
        "F": 4.5,  # "Tôn" / "giáo"
        "I": 21.25,  # "Chi đoàn ấp Thạnh Điền" is not clipped
        "K": 11,  # "Ngày" / "vào" / "Đoàn" wraps; the date fits
        "Q": 13.5,  # a long note: capped
    }
    assert sheet["K4"].value == datetime(2016, 3, 26) and sheet["K4"].number_format == "dd/mm/yyyy"
    assert (sheet["C5"].value, sheet["C5"].data_type) == ("2001", "s")
    assert sheet.auto_filter.ref == "A3:Q5"
    (rules,) = sheet.conditional_formatting
    assert str(rules.sqref) == "A4:Q5"
    (rule,) = rules.rules
    assert rule.formula == ["TRUE"]
    assert {rule.dxf.border.left.style, rule.dxf.border.bottom.style} == {"thin"}
    margins = sheet.page_margins
    assert (margins.left, margins.right, margins.top, margins.bottom) == (0.25, 0.25, 0.5, 0.5)
    assert sheet.print_options.horizontalCentered


def test_a_filtered_xlsx_export_says_which_filter(demo_ws: Workspace, tmp_path: Path) -> None:
    from doancoso.core.roster.spreadsheets.export import filter_note

    branch = demo_ws.branches.list()[0]
    flt = MemberFilter(branch_id=branch.id, status="transferred_out", search=" An ")
    path = tmp_path / "ds.xlsx"
    demo_ws.spreadsheets.export_members(path, flt)
    sheet = load_workbook(path).active
    assert sheet is not None
    assert sheet["A1"].value == "DANH SÁCH ĐOÀN VIÊN (trạng thái: Đã chuyển sinh hoạt; tìm: “An”)"
    org = demo_ws.organization.get()
    assert org is not None and sheet["A2"].value == f"{branch.name} – {org.name}"
    assert filter_note(None) == filter_note(MemberFilter()) == ""
    assert filter_note(MemberFilter(statuses=("active", "temporary"))) == ""  # the usual list
    assert filter_note(MemberFilter(statuses=("active",), gender="female")) == (
        "(trạng thái: đang sinh hoạt; giới tính: Nữ)"
    )
    assert filter_note(None, {"active", "temporary"}) == ""  # nobody who left: no note
    assert filter_note(MemberFilter(search="An"), {"active", "removed", "expelled", "matured"}) == (
        "(gồm cả đoàn viên đã trưởng thành Đoàn, bị khai trừ, bị xóa tên; tìm: “An”)"
    )
    assert filter_note(MemberFilter(status="removed"), {"removed"}) == "(trạng thái: Đã xóa tên)"
    assert filter_note(MemberFilter(branch_id="", gender="male")) == (
        "(chưa có chi đoàn; giới tính: Nam)"
    )
    demo_ws.spreadsheets.export_members(path, MemberFilter(statuses=ACTIVE_STATUSES))
    sheet = load_workbook(path).active
    assert sheet is not None and sheet["A1"].value == "DANH SÁCH ĐOÀN VIÊN"
    data_dir = str(demo_ws.data_dir)
    demo_ws.close()
    code, out, _ = cli("members", "export", str(path), "--status", "tất cả", "--gender", "nữ",
                       "--data-dir", data_dir)  # fmt: skip
    sheet = load_workbook(path).active
    assert code == 0 and sheet is not None
    assert sheet["A1"].value == (
        "DANH SÁCH ĐOÀN VIÊN (gồm cả đoàn viên đã chuyển đi; giới tính: Nữ)"
    )


def test_csv_export_has_a_bom_and_reads_back(demo_ws: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "xuat.csv"
    branch = demo_ws.branches.list()[0]
    count = demo_ws.spreadsheets.export_members(path, MemberFilter(branch_id=branch.id))
    assert count == branch.member_count
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.reader(handle))
    rows = demo_ws.members.list(MemberFilter(branch_id=branch.id))
    assert lines[0][:3] == ["STT", "Họ và tên", "Ngày sinh"]
    assert [line[1] for line in lines[1:]] == [r.full_name for r in rows]
    assert [line[8] for line in lines[1:]] == [branch.name] * count
    assert [line[6] for line in lines[1:]] == [r.national_id or "" for r in rows]
    preview = demo_ws.spreadsheets.preview_import(path)
    assert {r.action for r in preview.rows} == {UNCHANGED}


def test_export_replaces_atomically_and_refuses_other_formats(
    demo_ws: Workspace, tmp_path: Path
) -> None:
    (tmp_path / "ra").mkdir()
    path = tmp_path / "ra" / "xuat.xlsx"
    path.write_bytes(b"old")
    demo_ws.spreadsheets.export_members(path, MemberFilter(search="nguyen"))
    assert path.read_bytes().startswith(b"PK")
    assert [p.name for p in path.parent.iterdir()] == ["xuat.xlsx"]  # no temporary file left
    code, _, err = cli(
        "members", "export", str(tmp_path / "x.pdf"), "--data-dir", str(demo_ws.data_dir)
    )
    assert code == 1 and "chỉ xuất ra tệp .xlsx hoặc .csv" in err


def test_cli_import_json_is_exact(ws: Workspace, tmp_path: Path) -> None:
    data_dir = str(ws.data_dir)
    ws.close()
    path = write_xlsx(
        tmp_path / "nhap.xlsx",
        [
            ["DANH SÁCH ĐOÀN VIÊN"],
            ["STT", "Họ và tên", "Ngày sinh", "CCCD", "Chi đoàn"],
            [1, "Nguyễn Văn An", "05/03/2001", "086201000001", "Ấp 1"],
            [2, None, "01/01/2002", None, "Ấp 1"],
            [3, "Trần Thị Bé", "1/2/2003", "12ab", "Ấp 2"],
        ],
    )
    skip = "--skip-rejected"  # the rows that can be imported, without the rejected one
    code, out, err = cli(
        "members", "import", str(path), "--dry-run", skip, "--format", "json", "--data-dir",
        data_dir,
    )  # fmt: skip
    expected = {
        "new": 2,
        "updated": 0,
        "unchanged": 0,
        "rejected": 1,
        "problems": [
            {"row": 4, "reason": "Thiếu họ và tên."},
            {
                "row": 5,
                "reason": "Số CCCD “12ab” không hợp lệ: phải gồm 12 chữ số (CMND cũ: 9 chữ số).",
            },
        ],
        "new_branches": ["Ấp 1", "Ấp 2"],
        "from_headings": 0,
        "warnings": [],
        "left_out": [{"row": 5, "field": "national_id", "column": "D", "header": "CCCD"}],
        "applied": False,
    }
    assert (code, err) == (0, "")
    assert json.loads(out) == expected
    code, out, _ = cli("members", "list", "--format", "json", "--data-dir", data_dir)
    assert json.loads(out) == []  # dry run: nothing written

    code, out, _ = cli("members", "import", str(path), skip, "--format", "json", "--data-dir",
                       data_dir)  # fmt: skip
    assert code == 0 and json.loads(out) == {**expected, "applied": True}
    code, out, _ = cli("members", "import", str(path), skip, "--format", "json", "--data-dir",
                       data_dir)  # fmt: skip
    again = json.loads(out)
    assert (code, again["new"], again["unchanged"], again["rejected"]) == (0, 0, 2, 1)
    code, out, _ = cli("members", "list", "--format", "json", "--data-dir", data_dir)
    assert [m["full_name"] for m in json.loads(out)] == ["Nguyễn Văn An", "Trần Thị Bé"]


def test_cli_import_text_report_and_exit_codes(ws: Workspace, tmp_path: Path) -> None:
    data_dir = str(ws.data_dir)
    ws.close()
    bad = write_xlsx(tmp_path / "hong.xlsx", [["Họ và tên", "Ngày sinh"], ["Ai Đó", "không rõ"]])
    code, out, _ = cli("members", "import", str(bad), "--data-dir", data_dir)
    assert code == 1
    assert "Dòng 2 [bị loại]: Ngày sinh không đọc được: “không rõ”." in out
    assert "Mới: 0, cập nhật: 0, không đổi: 0, bị loại: 1." in out
    not_excel = tmp_path / "doi.xlsx"
    not_excel.write_text("Họ và tên,Ngày sinh\n", encoding="utf-8")
    code, out, err = cli("members", "import", str(not_excel), "--data-dir", data_dir)
    assert code == 1 and out == ""
    assert err.startswith("Lỗi: Tệp doi.xlsx không phải tệp Excel hợp lệ")
    good = write_xlsx(
        tmp_path / "tot.xlsx", [["Họ và tên", "Ngày sinh", "Chi đoàn"], ["Ai Đó", "2001", "Ấp 9"]]
    )
    code, out, _ = cli("members", "import", str(good), "--data-dir", data_dir)
    assert code == 0 and "Đã nhập vào danh sách đoàn viên." in out
    code, out, _ = cli("members", "import", str(good), "--data-dir", data_dir)
    assert code == 0 and "Mới: 0, cập nhật: 0, không đổi: 1, bị loại: 0." in out
    assert out.endswith("Không có gì thay đổi: mọi dòng đã có trong danh sách đoàn viên.\n")
    export = tmp_path / "ra.csv"
    code, out, _ = cli("members", "export", str(export), "--branch", "ấp 9", "--data-dir", data_dir)
    assert code == 0 and out == f"Đã xuất 1 đoàn viên ra {export}.\n"
    assert export.read_text(encoding="utf-8-sig").splitlines()[1].startswith("1,Ai Đó,2001,")


@pytest.mark.parametrize("name", ["ds.xlsx", "ds.csv"])
def test_export_to_a_missing_folder_is_a_clear_error(
    demo_ws: Workspace, tmp_path: Path, name: str
) -> None:
    target = tmp_path / "khong-co" / name
    data_dir = str(demo_ws.data_dir)
    demo_ws.close()
    code, out, err = cli("members", "export", str(target), "--data-dir", data_dir)
    assert (code, out) == (1, "")
    assert err == (f"Lỗi: Không ghi được tệp “{target}”: thư mục không tồn tại.\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]


def test_counts_of_a_thousand_rows_are_written_with_a_thousands_dot(
    ws: Workspace, tmp_path: Path
) -> None:
    from datetime import date, timedelta

    from sheetfiles import write_csv

    families = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Phan", "Trương", "Bùi", "Đặng"]
    middles = ["Văn", "Thị", "Hữu", "Minh", "Ngọc", "Thanh", "Quốc", "Hoàng", "Kim", "Đức"]
    givens = ["An", "Bình", "Cường", "Dũng", "Hà", "Lan", "Mai", "Nam", "Phúc", "Tâm"]
    names = [f"{f} {m} {g}" for f in families for m in middles for g in givens]
    born = [format_vn_date(date(2000, 1, 1) + timedelta(days=i)) for i in range(len(names))]
    rows = [["Họ và tên", "Ngày sinh"], *zip(names, born, strict=True)]
    path = write_csv(tmp_path / "ds.csv", rows)
    data_dir = str(ws.data_dir)
    ws.close()
    for youth in (["--youth"], []):
        code, out, _ = cli("members", "import", str(path), *youth, "--data-dir", data_dir)
        assert code == 0 and "Mới: 1.000, cập nhật: 0, không đổi: 0, bị loại: 0." in out
        code, out, _ = cli("members", "export", str(tmp_path / "ra.xlsx"), *youth,
                           "--data-dir", data_dir)  # fmt: skip
        who = "thanh niên" if youth else "đoàn viên"
        assert (code, out) == (0, f"Đã xuất 1.000 {who} ra {tmp_path / 'ra.xlsx'}.\n")
    code, out, _ = cli("members", "export", str(tmp_path / "mau.xlsx"), "--layout", "mau-dsdv",
                       "--data-dir", data_dir)  # fmt: skip
    assert (code, out) == (0, f"Đã xuất 1.000 đoàn viên ra {tmp_path / 'mau.xlsx'}.\n")
