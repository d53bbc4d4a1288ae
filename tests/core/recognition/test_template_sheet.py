"""A criteria template from an Excel sheet laid out as criterion / sub-item / points: the same
template as from JSON, and a sheet with a problem refused naming its row, nothing kept."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from doancoso.core.errors import BadRowsError, ImportFileError
from doancoso.core.recognition.template import INDICATORS, parse_template
from doancoso.core.recognition.template_sheet import read_template, read_template_sheet
from doancoso.core.workspace import Workspace

Row = list[object]

HEAD: list[Row] = [
    ["Tên bộ tiêu chí", "Tiêu chí 3 chủ động – Tỉnh đoàn Cà Mau"],
    ["Nguồn", "Hướng dẫn số 12-HD/TĐTN ngày 10/01/2025"],
    ["Tỉnh/thành", "Cà Mau"],
    [],
    ["Tiêu chí", "Nội dung", "Điểm", "Minh chứng", "Chỉ số", "Ngưỡng"],
]
BODY: list[Row] = [
    ["1. Chủ động quản lý đoàn viên", None, 40],
    [None, "1.1. Danh sách đoàn viên cập nhật", 20, "Danh sách đoàn viên; Sổ đoàn viên"],
    [None, "Nhận xét đoàn viên hằng năm", "20", None, "remarks-share", 100],
    ["Tiêu chí 2: Chủ động xây dựng kế hoạch", None],
    [None, "Kế hoạch năm đăng ký đúng hạn", "2,5", "Kế hoạch năm",
     "Kế hoạch năm đăng ký với cấp trên đúng hạn"],
    ["III. Chủ động tham mưu, phối hợp"],
    [None, "Tham mưu cấp ủy bằng văn bản", 10],
]  # fmt: skip


def _sheet(tmp_path: Path, rows: list[Row], name: str = "tieu-chi.xlsx") -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Tiêu chí"
    for row in rows:
        sheet.append(row)
    path = tmp_path / name
    book.save(path)
    return path


def test_a_sheet_gives_the_same_template_as_its_json(tmp_path: Path, ws: Workspace) -> None:
    template = read_template(_sheet(tmp_path, HEAD + BODY))
    assert (template.name, template.source, template.province) == (
        "Tiêu chí 3 chủ động – Tỉnh đoàn Cà Mau",
        "Hướng dẫn số 12-HD/TĐTN ngày 10/01/2025",
        "Cà Mau",
    )
    assert [(c.code, c.title) for c in template.criteria] == [
        ("1", "Chủ động quản lý đoàn viên"),
        ("2", "Chủ động xây dựng kế hoạch"),
        ("3", "Chủ động tham mưu, phối hợp"),
    ]
    items = [(i.code, i.text, i.points, i.evidence, i.indicator, i.threshold)
             for i in template.items]  # fmt: skip
    assert items == [
        ("1.1", "Danh sách đoàn viên cập nhật", 20.0, ("Danh sách đoàn viên", "Sổ đoàn viên"),
         None, None),
        ("1.2", "Nhận xét đoàn viên hằng năm", 20.0, (), "remarks-share", 100.0),
        ("2.1", "Kế hoạch năm đăng ký đúng hạn", 2.5, ("Kế hoạch năm",), "plan-registered", None),
        ("3.1", "Tham mưu cấp ủy bằng văn bản", 10.0, (), None, None),
    ]  # fmt: skip
    assert parse_template(template.text) == template  # its JSON exports and travels
    assert json.loads(template.text)["format"] == "doancoso-criteria"
    ws.recognition.add_template(template)
    assert ws.recognition.open(2026, template.name).has_points


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        (HEAD + [[None, "Mồ côi", 5]] + BODY,
         "Bộ tiêu chí không hợp lệ (trang “Tiêu chí”, dòng 6): nội dung “Mồ côi” đứng trước mọi "
         "tiêu chí: ghi tiêu chí (1, 2, 3) ở cột “Tiêu chí” trên các nội dung của nó. Không có gì "
         "thay đổi."),
        (HEAD + BODY[:2] + [[None, "Nhận xét", "mười"]] + BODY[3:],
         "Bộ tiêu chí không hợp lệ (trang “Tiêu chí”, dòng 8): điểm “mười” của mục 1.2 phải là "
         "một số từ 0 đến 1000. Không có gì thay đổi."),
        (HEAD + BODY[:2] + [[None, "1.1 Lặp lại", 5]] + BODY[3:],
         "Bộ tiêu chí không hợp lệ (trang “Tiêu chí”, dòng 8): mã 1.1 dùng hai lần. Không có gì "
         "thay đổi."),
        (HEAD + BODY[:5],
         "Bộ tiêu chí không hợp lệ (trang “Tiêu chí”): thiếu tiêu chí 3: cả ba tiêu chí phải có. "
         "Không có gì thay đổi."),
        (HEAD + BODY[:3] + [["Chủ động xây dựng kế hoạch"]] + BODY[4:],
         "Bộ tiêu chí không hợp lệ (trang “Tiêu chí”, dòng 9): không đọc được số của tiêu chí "
         "“Chủ động xây dựng kế hoạch”: tiêu chí phải bắt đầu bằng 1, 2 hoặc 3 (ví dụ “1. Chủ "
         "động quản lý đoàn viên…”). Không có gì thay đổi."),
        (HEAD + BODY[:3] + [[None, None, 5, "Ảnh"]] + BODY[3:],
         "Bộ tiêu chí không hợp lệ (trang “Tiêu chí”, dòng 9): dòng có điểm hoặc minh chứng nhưng "
         "thiếu nội dung. Không có gì thay đổi."),
        (HEAD[1:] + BODY,
         "Bộ tiêu chí không hợp lệ (trang “Tiêu chí”): thiếu tên bộ tiêu chí: ghi “Tên bộ tiêu "
         "chí” ở cột A và tên ở cột B, phía trên dòng tiêu đề. Không có gì thay đổi."),
        (HEAD[:3] + BODY,
         "Không tìm thấy dòng tiêu đề “Tiêu chí | Nội dung | Điểm” trong tệp “tieu-chi.xlsx” "
         "(trang tính: Tiêu chí). Không có gì thay đổi."),
    ],
)  # fmt: skip
def test_a_sheet_with_a_problem_is_refused_naming_its_row(
    tmp_path: Path, ws: Workspace, rows: list[Row], message: str
) -> None:
    with pytest.raises(ImportFileError) as caught:
        read_template_sheet(_sheet(tmp_path, rows))
    assert caught.value.message == message
    assert len(ws.recognition.templates()) == 1


def test_an_unknown_indicator_is_named(tmp_path: Path) -> None:
    rows = HEAD + BODY[:2] + [[None, "Nhận xét", 5, None, "Số buổi họp"]] + BODY[3:]
    with pytest.raises(ImportFileError, match=r"dòng 8\): chỉ số “Số buổi họp” của mục 1.2 không"):
        read_template_sheet(_sheet(tmp_path, rows))


def test_a_file_of_another_kind_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "tieu-chi.docx"
    path.write_bytes(b"PK\x03\x04 not a template")
    with pytest.raises(ImportFileError) as caught:
        read_template(path)
    assert caught.value.message == (
        "Tệp “tieu-chi.docx” không phải bộ tiêu chí: hãy chọn tệp JSON (.json) hoặc Excel "
        "(.xlsx, .xls)."
    )


def test_every_problem_of_a_sheet_is_named_at_once(tmp_path: Path, ws: Workspace) -> None:
    """Three bad rows and a name missing: all said in one refusal, each with its row, so that
    the secretary fixes them together; nothing kept. An item under a criterion whose number
    cannot be read is not said to belong elsewhere, nor is that criterion said to be missing."""
    rows = HEAD[1:] + [
        ["1. Chủ động quản lý đoàn viên"],
        [None, "Danh sách đoàn viên", "mười"],
        [None, "1.1 Lặp lại", 5, None, "Số buổi họp"],
        ["Chủ động xây dựng kế hoạch"],
        [None, "2.1. Kế hoạch năm", 10],
        ["III. Chủ động tham mưu, phối hợp"],
        [None, "Tham mưu cấp ủy bằng văn bản", 10],
    ]
    with pytest.raises(BadRowsError) as caught:
        read_template_sheet(_sheet(tmp_path, rows))
    indicators = "; ".join(INDICATORS.values())
    problems = [
        "Dòng 6: điểm “mười” của mục 1.1 phải là một số từ 0 đến 1000.",
        "Dòng 7: mã 1.1 dùng hai lần.",
        f"Dòng 7: chỉ số “Số buổi họp” của mục 1.1 không có trong ứng dụng. Các chỉ số: "
        f"{indicators}.",
        "Dòng 8: không đọc được số của tiêu chí “Chủ động xây dựng kế hoạch”: tiêu chí phải bắt "
        "đầu bằng 1, 2 hoặc 3 (ví dụ “1. Chủ động quản lý đoàn viên…”).",
        "Thiếu tên bộ tiêu chí: ghi “Tên bộ tiêu chí” ở cột A và tên ở cột B, phía trên dòng "
        "tiêu đề.",
    ]
    heading = (
        "Bộ tiêu chí không hợp lệ (trang “Tiêu chí”), không có gì thay đổi; sửa các lỗi sau rồi "
        "nhập lại tệp:"
    )
    assert caught.value.message == "\n".join([heading, *(f"• {p}" for p in problems)])
    assert caught.value.row_count == 3
    assert len(ws.recognition.templates()) == 1
