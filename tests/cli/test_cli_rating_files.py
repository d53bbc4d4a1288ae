"""``doancoso rating export|import|print``: the sheet out, filled in and read back (the dry run
and the JSON of what would change), a closed round refusing the import, and each document
printed."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from doancoso.core.document_memory import DocumentMemory
from doancoso.core.rating.decision import Decision
from doancoso.core.workspace import Workspace
from rating_cli import YEAR, cli, ids, usage

__all__ = ["ids"]  # the fixture


def _fill(source: Path, target: Path, cells: dict[tuple[int, str], object]) -> None:
    book = openpyxl.load_workbook(source)
    sheet = book.active
    assert sheet is not None
    columns = {cell.value: cell.column for cell in sheet[3]}
    for (row, header), value in cells.items():
        sheet.cell(row, columns[header]).value = value
    book.save(target)


def _text(path: Path) -> str:
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(path).pages))


def test_export_fill_and_import(data_dir: Path, ids: dict[str, str], tmp_path: Path) -> None:
    exported = tmp_path / "tan-hung.xlsx"
    code, out, err = cli(data_dir, "rating", "export", "--year", YEAR, str(exported),
                         "--branch", "Chi đoàn ấp Tân Hưng")  # fmt: skip
    assert (code, err, out) == (0, "", f"Đã xuất 3 đoàn viên ra {exported}.\n")
    sheet = openpyxl.load_workbook(exported).active
    assert sheet is not None
    names = [r[1] for r in sheet.iter_rows(min_row=4, values_only=True)]
    assert names == ["Nguyễn Văn An", "Trần Thị Bình", "Đỗ Văn Tạm"]
    filled = tmp_path / "da-dien.xlsx"
    _fill(exported, filled, {
        (5, "Chi đoàn đề nghị"): "Hoàn thành tốt nhiệm vụ",
        (5, "Nhận xét của chi đoàn"): "Nhiệt tình.",
        (6, "Chi đoàn đề nghị"): 3,  # Tạm is not rated
    })  # fmt: skip
    code, out, err = cli(data_dir, "rating", "import", "--year", YEAR, str(filled), "--dry-run",
                         "--format", "json", "--skip-rejected")  # fmt: skip
    assert (code, err) == (0, "")
    assert json.loads(out) == {
        "year": 2025,
        "sheet": "Xếp loại 2025",
        "changed": [
            {"row": 5, "member_id": ids["Bình"], "full_name": "Trần Thị Bình",
             "who": "Trần Thị Bình",
             "changes": {"proposed": {"before": None, "after": 2},
                         "proposed_remark": {"before": None, "after": "Nhiệt tình."}}},
        ],
        "refused": [
            {"row": 6, "full_name": "Đỗ Văn Tạm", "who": "Đỗ Văn Tạm",
             "reason": "Đoàn viên không xếp loại năm 2025 (Sinh hoạt tạm: đơn vị gốc xếp loại, ở "
                       "đây chỉ nhận xét): cột “Chi đoàn đề nghị” phải để trống, chỉ ghi nhận "
                       "xét."},
        ],
        "unchanged": 1,
        "applied": False,
    }  # fmt: skip
    listed = cli(data_dir, "rating", "list", "--year", YEAR, "--format", "json")[1]
    assert [r["proposed"] for r in json.loads(listed)] == [1, None, 3, None]  # nothing written
    code, out, err = cli(data_dir, "rating", "import", "--year", YEAR, str(filled),
                         "--skip-rejected")  # fmt: skip
    assert (code, err) == (0, "")
    assert out == (
        "Tệp da-dien.xlsx, trang tính “Xếp loại 2025”.\n"
        "Dòng 5: Trần Thị Bình — Chi đoàn đề nghị: (trống) → Hoàn thành tốt nhiệm vụ; Nhận xét "
        "của chi đoàn: (trống) → “Nhiệt tình.”.\n"
        "Dòng 6 [bị loại]: Đỗ Văn Tạm — Đoàn viên không xếp loại năm 2025 (Sinh hoạt tạm: đơn vị "
        "gốc xếp loại, ở đây chỉ nhận xét): cột “Chi đoàn đề nghị” phải để trống, chỉ ghi nhận "
        "xét.\n"
        "Thay đổi: 1 đoàn viên, không đổi: 1, bị loại: 1.\n"
        "Đã nhập vào đợt xếp loại năm 2025, bỏ qua 1 dòng bị loại (dòng 6).\n"
    )
    listed = cli(data_dir, "rating", "list", "--year", YEAR, "--format", "json")[1]
    assert [r["proposed"] for r in json.loads(listed)] == [1, 2, 3, None]
    code, out, err = cli(data_dir, "rating", "import", "--year", YEAR, str(filled),
                         "--format", "json", "--skip-rejected")  # fmt: skip
    report = json.loads(out)
    assert (code, report["changed"], report["unchanged"], report["applied"]) == (0, [], 2, False)


def test_import_refused(data_dir: Path, ids: dict[str, str], tmp_path: Path) -> None:
    exported = tmp_path / "xep-loai.xlsx"
    cli(data_dir, "rating", "export", "--year", YEAR, str(exported))
    wrong = tmp_path / "sai.xlsx"
    _fill(exported, wrong, {(4, "Chi đoàn đề nghị"): "Giỏi", (5, "Mã (không sửa)"): "x"})
    code, out, err = cli(data_dir, "rating", "import", "--year", YEAR, str(wrong), "--format",
                         "json", "--skip-rejected")  # fmt: skip
    report = json.loads(out)
    assert (code, err, report["changed"], report["applied"]) == (0, "", [], False)
    assert [r["row"] for r in report["refused"]] == [4, 5] and report["unchanged"] == 2
    only = tmp_path / "kenh-xang.xlsx"  # one member, refused: no row taken, exit 1
    assert cli(data_dir, "rating", "export", "--year", YEAR, str(only), "--branch",
               "chi doan ap kenh xang")[0] == 0  # fmt: skip
    _fill(only, wrong, {(4, "Chi đoàn đề nghị"): "Giỏi"})
    code, out, err = cli(data_dir, "rating", "import", "--year", YEAR, str(wrong),
                         "--skip-rejected")  # fmt: skip
    assert (code, err) == (1, "")
    assert out.endswith("Thay đổi: 0 đoàn viên, không đổi: 0, bị loại: 1.\n"
                        "Không có dòng nào nhập được.\n")  # fmt: skip
    text = tmp_path / "ghi-chu.xlsx"
    text.write_text("không phải Excel", encoding="utf-8")
    code, out, err = cli(data_dir, "rating", "import", "--year", YEAR, str(text))
    assert (code, out) == (1, "") and err.startswith("Lỗi: ") and "ghi-chu.xlsx" in err
    filled = tmp_path / "da-dien.xlsx"
    _fill(exported, filled, {(5, "Chi đoàn đề nghị"): 2})
    assert cli(data_dir, "rating", "close", "--year", YEAR)[0] == 0
    code, out, err = cli(data_dir, "rating", "import", "--year", YEAR, str(filled))
    assert (code, out) == (1, "")
    assert err == (
        "Lỗi: Đợt xếp loại năm 2025 đã kết thúc: mở lại đợt bằng lệnh “doancoso rating reopen "
        "--year 2025” trước khi nhập.\n"
    )
    listed = json.loads(cli(data_dir, "rating", "list", "--year", YEAR, "--format", "json")[1])
    assert [r["proposed"] for r in listed] == [1, None, 3, None]


def test_print_documents(ws: Workspace, data_dir: Path, ids: dict[str, str],
                         tmp_path: Path) -> None:  # fmt: skip
    forms = tmp_path / "phieu.pdf"
    code, out, err = cli(data_dir, "rating", "print", "--year", YEAR, "-o", str(forms),
                         "--document", "phieu", "--branch", "Chi đoàn ấp Tân Hưng")  # fmt: skip
    assert (code, err, out) == (0, "", f"Đã in phiếu tự đánh giá của 3 đoàn viên ra tệp {forms}.\n")
    assert len(PdfReader(forms).pages) == 3
    blank = tmp_path / "phieu-trang.pdf"
    assert cli(data_dir, "rating", "print", "--year", YEAR, "-o", str(blank), "--document",
               "phieu", "--blank")[0] == 0  # fmt: skip
    assert len(PdfReader(blank).pages) == 4
    summary = tmp_path / "tong-hop.pdf"
    code, out, err = cli(data_dir, "rating", "print", "--year", YEAR, "-o", str(summary),
                         "--document", "tong-hop", "--number", "12-BC/ĐTN", "--date",
                         "20/12/2025", "--place", "Cà Mau")  # fmt: skip
    assert (code, err) == (0, "")
    assert out == (
        f"Đã in bản tổng hợp kết quả xếp loại năm 2025 ra tệp {summary}.\nSố văn bản: 12-BC/ĐTN.\n"
    )
    text = _text(summary)
    assert "Số: 12-BC/ĐTN Cà Mau, ngày 20 tháng 12 năm 2025 BÁO CÁO Tổng hợp kết quả" in text
    assert "1 Nguyễn Văn An 05/03/2000 95,0 Hoàn thành xuất sắc nhiệm vụ Chưa xếp loại" in text
    decision = tmp_path / "qd.pdf"
    assert cli(data_dir, "rating", "print", "--year", YEAR, "-o", str(decision), "--document",
               "quyet-dinh") == (1, "", "Lỗi: Chưa có đoàn viên nào được Ban Chấp hành quyết "
                                 "định mức xếp loại năm 2025.\n")  # fmt: skip
    ws.rating.set(2025, ids["An"], {"decided_level": 1})
    # Signed, so never from a round still open: refused, nothing written nor recorded.
    assert cli(data_dir, "rating", "print", "--year", YEAR, "-o", str(decision), "--document",
               "quyet-dinh", "--number", "15-QĐ/ĐTN") == (
        1, "", "Lỗi: Đợt xếp loại năm 2025 đang mở, các mức xếp loại còn thay đổi được: hãy kết "
        "thúc đợt xếp loại năm 2025 (lệnh “doancoso rating close --year 2025”) trước khi in quyết "
        "định công nhận kết quả.\n",
    )  # fmt: skip
    assert not decision.exists() and ws.rating.decision(2025) is None
    assert cli(data_dir, "rating", "close", "--year", YEAR)[0] == 0
    code, out, err = cli(data_dir, "rating", "print", "--year", YEAR, "-o", str(decision),
                         "--document", "quyet-dinh", "--number", "15-QĐ/ĐTN")  # fmt: skip
    assert (code, err) == (0, "")
    today = date.today()
    assert out == (
        f"Đã in quyết định công nhận kết quả xếp loại năm 2025 (số 15-QĐ/ĐTN ngày "
        f"{today:%d/%m/%Y}, đã ghi lại cho hồ sơ) ra tệp {decision}.\nSố văn bản: 15-QĐ/ĐTN.\n"
    )
    text = _text(decision)
    assert "QUYẾT ĐỊNH Về việc công nhận kết quả đánh giá, xếp loại đoàn viên năm 2025" in text
    assert "1 Nguyễn Văn An 05/03/2000 Chi đoàn ấp Tân Hưng Hoàn thành xuất sắc nhiệm vụ" in text
    assert ws.rating.decision(2025) == Decision(2025, "15-QĐ/ĐTN", today)
    again = tmp_path / "qd-in-lai.pdf"  # printed again without --number: as it was issued
    code, out, err = cli(data_dir, "rating", "print", "--year", YEAR, "-o", str(again),
                         "--document", "quyet-dinh")  # fmt: skip
    assert (code, err, out) == (
        0, "", f"Đã in quyết định công nhận kết quả xếp loại năm 2025 ra tệp {again}.\n"
        "Số văn bản: 15-QĐ/ĐTN (số của quyết định đã ban hành).\n",
    )  # fmt: skip
    assert f"(Kèm theo Quyết định số 15-QĐ/ĐTN ngày {today:%d/%m/%Y}" in _text(again)


def _printed(data_dir: Path, target: Path, *options: str) -> tuple[list[str], str]:
    code, out, err = cli(data_dir, "rating", "print", "--year", YEAR, "-o", str(target),
                         *options)  # fmt: skip
    assert (code, err) == (0, ""), err
    return out.splitlines(), _text(target)


def test_printed_numbers_follow_the_shared_memory(
    ws: Workspace, data_dir: Path, ids: dict[str, str], tmp_path: Path
) -> None:
    year = date.today().year
    said, text = _printed(data_dir, tmp_path / "a.pdf", "--document", "tong-hop")
    assert said[-1] == (
        "Số văn bản của bản tổng hợp để trống, ghi bằng tay: chưa có số báo cáo (BC) nào đã "
        "dùng (--number để ghi số; các lần in sau sẽ tiếp theo số đó)."
    )
    assert "Số: -BC/ĐTN" in text
    said, text = _printed(data_dir, tmp_path / "b.pdf", "--document", "tong-hop", "--number",
                          "01-BC/ĐTN")  # fmt: skip
    assert said[-1] == "Số văn bản: 01-BC/ĐTN."
    said, text = _printed(data_dir, tmp_path / "c.pdf", "--document", "tong-hop")
    assert said[-1] == (
        "Số văn bản: 02-BC/ĐTN (tiếp theo số 01-BC/ĐTN đã dùng lần trước; --number để ghi số "
        "khác)."
    )  # fmt: skip
    assert "Số: 02-BC/ĐTN" in text
    memory = DocumentMemory(data_dir)  # what the app's print dialog suggests next
    assert (memory.last_number("BC"), memory.suggested_number("BC", year)) == (
        "02-BC/ĐTN", "03-BC/ĐTN"
    )  # fmt: skip
    said, text = _printed(data_dir, tmp_path / "d.pdf", "--document", "tong-hop", "--number", "")
    assert said[-1] == "Số văn bản để trống, ghi bằng tay."
    assert "Số: -BC/ĐTN" in text and memory.last_number("BC") == "02-BC/ĐTN"
    # A decision numbered in the app ("QĐ") is followed here, the decision recorded with it.
    memory.remember_number("QĐ", "03-QĐ/ĐTN", year)
    ws.rating.set(2025, ids["An"], {"decided_level": 1})
    assert cli(data_dir, "rating", "close", "--year", YEAR)[0] == 0
    said, text = _printed(data_dir, tmp_path / "qd.pdf", "--document", "quyet-dinh")
    assert said == [
        f"Đã in quyết định công nhận kết quả xếp loại năm 2025 (số 04-QĐ/ĐTN ngày "
        f"{date.today():%d/%m/%Y}, đã ghi lại cho hồ sơ) ra tệp {tmp_path / 'qd.pdf'}.",
        "Số văn bản: 04-QĐ/ĐTN (tiếp theo số 03-QĐ/ĐTN đã dùng lần trước; --number để ghi số "
        "khác).",
    ]  # fmt: skip
    assert ws.rating.decision(2025) == Decision(2025, "04-QĐ/ĐTN", date.today())
    assert memory.suggested_number("QĐ", year) == "05-QĐ/ĐTN"


def test_print_bad_usage(capsys: pytest.CaptureFixture[str], data_dir: Path,
                         ids: dict[str, str], tmp_path: Path) -> None:  # fmt: skip
    target = str(tmp_path / "x.pdf")
    code, err = usage(capsys, data_dir, "rating", "print", "--year", YEAR, "-o", target,
                      "--document", "tong-hop", "--blank")  # fmt: skip
    assert code == 2 and err.endswith("Lỗi cú pháp lệnh: --blank chỉ dùng với --document phieu\n")
    code, err = usage(capsys, data_dir, "rating", "print", "--year", YEAR, "-o", target,
                      "--document", "phieu", "--number", "1")  # fmt: skip
    assert code == 2 and err.endswith("Lỗi cú pháp lệnh: phiếu tự đánh giá không có --number\n")
    code, err = usage(capsys, data_dir, "rating", "print", "--year", YEAR, "-o", target,
                      "--document", "bien-ban")  # fmt: skip
    assert code == 2 and "(chọn một trong: phieu, tong-hop, quyet-dinh)" in err
    code, err = usage(capsys, data_dir, "rating", "print", "--year", YEAR, "-o", target)
    assert code == 2 and err.endswith("thiếu tham số bắt buộc: --document\n")
    assert cli(data_dir, "rating", "print", "--year", YEAR, "-o", target, "--document",
               "tong-hop", "--date", "32/12/2025")[0] == 1  # fmt: skip
    assert cli(
        data_dir,
        "rating",
        "print",
        "--year",
        YEAR,
        "-o",
        target,
        "--document",
        "phieu",
        "--branch",
        "Ấp 9",
    ) == (
        1,
        "",
        "Lỗi: Không có chi đoàn “Ấp 9”; các chi đoàn đang có: Chi đoàn ấp Kênh Xáng, Chi đoàn "
        "ấp Tân Hưng.\n",
    )
    assert not (tmp_path / "x.pdf").exists()


def test_print_a_year_without_a_round(data_dir: Path, ids: dict[str, str], ws: Workspace,
                                      tmp_path: Path) -> None:  # fmt: skip
    """Printing the summary of a year never opened is refused and opens no round."""
    target = tmp_path / "tong-hop-2024.pdf"
    assert cli(data_dir, "rating", "print", "--year", "2024", "-o", str(target), "--document",
               "tong-hop") == (1, "", "Lỗi: Chưa có đợt xếp loại năm 2024.\n")  # fmt: skip
    assert not target.exists() and ws.rating.round(2024) is None


def test_print_forms_counts_the_forms_printed(data_dir: Path, ids: dict[str, str], ws: Workspace,
                                              tmp_path: Path) -> None:  # fmt: skip
    """Dũng moved away in November: the round still lists him (not rated), but he gets no form,
    and the message counts the forms in the file."""
    ws.events.record(ids["Dũng"], "transfer_out", "01/11/2025", other_organization="Đoàn xã Khác")
    forms = tmp_path / "phieu.pdf"
    code, out, err = cli(data_dir, "rating", "print", "--year", YEAR, "-o", str(forms),
                         "--document", "phieu")  # fmt: skip
    assert (code, err, out) == (0, "", f"Đã in phiếu tự đánh giá của 3 đoàn viên ra tệp {forms}.\n")
    assert len(PdfReader(forms).pages) == 3
    assert "Phạm Văn Dũng" not in _text(forms)


def test_a_roster_imported_as_the_sheet_names_the_export_command(
    data_dir: Path, ids: dict[str, str], tmp_path: Path
) -> None:
    """The core tells the app's user to export the sheet "from the app"; at the command line it
    names the command that does it. Nothing is changed."""
    roster = tmp_path / "doan-vien.xlsx"
    assert cli(data_dir, "members", "export", str(roster))[0] == 0
    before = cli(data_dir, "rating", "list", "--year", YEAR, "--format", "json").out
    assert cli(data_dir, "rating", "import", "--year", YEAR, str(roster)) == (
        1, "", "Lỗi: Tệp doan-vien.xlsx không phải bảng xếp loại đoàn viên: không thấy dòng tiêu "
        "đề có “Họ và tên” và “Ngày sinh” (hoặc “Mã (không sửa)”) cùng ít nhất một cột để nhập: "
        "“Nghỉ ốm (tháng)”, “Chưa đóng đủ đoàn phí”, “Tự đánh giá”, “Chi đoàn đề nghị” hoặc "
        "“Nhận xét của chi đoàn” (hãy xuất bảng xếp loại bằng lệnh “doancoso rating export "
        "--year 2025 TỆP.xlsx”, điền rồi nhập lại).\n",
    )  # fmt: skip
    assert cli(data_dir, "rating", "list", "--year", YEAR, "--format", "json").out == before


def test_a_summary_printed_without_a_number_says_so_of_itself(
    ws: Workspace, data_dir: Path, ids: dict[str, str], tmp_path: Path
) -> None:
    """The decision issued with its number, the summary printed next (no report numbered yet):
    what is said of the blank number names the summary and its kind, not "no number used" as if
    the decision had none."""
    ws.rating.set(2025, ids["An"], {"decided_level": 1})
    assert cli(data_dir, "rating", "close", "--year", YEAR)[0] == 0
    said, _ = _printed(data_dir, tmp_path / "qd.pdf", "--document", "quyet-dinh", "--number",
                       "15-QĐ/ĐTN")  # fmt: skip
    assert said[-1] == "Số văn bản: 15-QĐ/ĐTN."
    summary = tmp_path / "th.pdf"
    said, text = _printed(data_dir, summary, "--document", "tong-hop")
    assert said == [
        f"Đã in bản tổng hợp kết quả xếp loại năm 2025 ra tệp {summary}.",
        "Số văn bản của bản tổng hợp để trống, ghi bằng tay: chưa có số báo cáo (BC) nào đã "
        "dùng (--number để ghi số; các lần in sau sẽ tiếp theo số đó).",
    ]
    assert "Số: -BC/ĐTN" in text


def test_import_of_sick_leave_and_dues_in_json(
    data_dir: Path, ids: dict[str, str], tmp_path: Path
) -> None:
    """The sheet's "Nghỉ ốm (tháng)" and "Chưa đóng đủ đoàn phí" read back: ``sick_months`` and
    ``dues_unpaid`` with their ``before`` and ``after`` in the JSON."""
    exported, filled = tmp_path / "tan-hung.xlsx", tmp_path / "da-dien.xlsx"
    cli(data_dir, "rating", "export", "--year", YEAR, str(exported),
        "--branch", "Chi đoàn ấp Tân Hưng")  # fmt: skip
    _fill(exported, filled, {(4, "Nghỉ ốm (tháng)"): 4, (4, "Chưa đóng đủ đoàn phí"): "Có"})
    code, out, err = cli(data_dir, "rating", "import", "--year", YEAR, str(filled),
                         "--format", "json")  # fmt: skip
    assert (code, err) == (0, "")
    report = json.loads(out)
    assert report["changed"] == [
        {"row": 4, "member_id": ids["An"], "full_name": "Nguyễn Văn An", "who": "Nguyễn Văn An",
         "changes": {"sick_months": {"before": None, "after": 4},
                     "dues_unpaid": {"before": None, "after": True}}},
    ]  # fmt: skip
    assert report["applied"] is True
