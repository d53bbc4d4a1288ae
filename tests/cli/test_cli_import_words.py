"""``members import`` names the field a group heading gives its rows in the import wizard's
words: the field's label from the same labels (``IMPORT_FIELDS``, ``YOUTH_IMPORT_FIELDS``), put
inside the sentence by the same function (:func:`~doancoso.core.roster.spreadsheets.headers.
field_in_sentence`), where the command hard-coded "chi đoàn" and "ấp/khu phố"."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from cli_run import cli
from doancoso.core.roster.spreadsheets import IMPORT_FIELDS
from doancoso.core.roster.spreadsheets.headers import field_in_sentence
from doancoso.core.workspace import Workspace
from doancoso.core.youth.sheet_rows import YOUTH_IMPORT_FIELDS

INIT = ["--name", "Đoàn xã Tân Hưng", "--superior", "Tỉnh đoàn Cà Mau", "--commune", "Tân Hưng"]


@pytest.fixture
def folder(data_dir: Path) -> str:
    assert cli("init", "--data-dir", str(data_dir), *INIT).code == 0
    return str(data_dir)


def _book(path: Path, rows: Sequence[Sequence[Any]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "DS"
    for row in rows:
        sheet.append(list(row))
    book.save(path)
    return path


def test_a_label_inside_a_sentence() -> None:
    assert field_in_sentence("branch", IMPORT_FIELDS) == "chi đoàn"
    assert field_in_sentence("national_id", IMPORT_FIELDS) == "số CCCD/CMND"
    assert field_in_sentence("hamlet", YOUTH_IMPORT_FIELDS) == "ấp/khu phố"
    assert field_in_sentence("national_id", {"national_id": "CCCD"}) == "CCCD"  # an abbreviation


def test_the_members_report_in_the_wizards_words(folder: str, tmp_path: Path) -> None:
    from doancoso.ui.roster.import_wizard import MEMBERS

    path = _book(tmp_path / "ds.xlsx", [
        ["STT", "Họ và tên", "Ngày sinh"],
        [None, "chi doan ap tan hoa"],
        [1, "Nguyễn Văn An", "05/03/2001"],
        [2, "Trần Văn Bình", "01/02/2002"],
    ])  # fmt: skip
    done = cli("members", "import", str(path), "--dry-run", "--data-dir", folder)
    assert (done.code, done.err) == (0, "")
    heading_line = (
        "2 đoàn viên lấy chi đoàn theo dòng tiêu đề nhóm phía trên (dòng không ghi chi đoàn riêng)."
    )
    assert done.out.splitlines() == [
        "Tệp ds.xlsx, trang tính “DS”, dòng tiêu đề 1.",
        "Cột nhận ra: B “Họ và tên” → Họ và tên; C “Ngày sinh” → Ngày sinh.",
        "Dòng 2: bỏ qua (dòng tiêu đề nhóm).",
        heading_line,
        "Sẽ tạo chi đoàn mới: Ap tan hoa.",
        "Mới: 2, cập nhật: 0, không đổi: 0, bị loại: 0.",
        "Chạy thử: chưa ghi gì.",
    ]
    with Workspace.open(Path(folder)) as ws:
        assert MEMBERS.from_headings(ws.spreadsheets.preview_import(path)) == heading_line


def test_the_youth_report_in_the_wizards_words(folder: str, tmp_path: Path) -> None:
    from doancoso.ui.roster.import_wizard import YOUTH

    path = _book(tmp_path / "tn.xlsx", [
        ["STT", "Họ và tên", "Năm sinh", "Nghề nghiệp"],
        ["I", "ẤP TÂN HÒA"],
        [1, "Đặng Thu Hà", "05/05/2002", "Thợ may"],
        [2, "Lê Văn Lộc", 2006, "Học sinh"],
    ])  # fmt: skip
    done = cli("members", "import", str(path), "--youth", "--dry-run", "--data-dir", folder)
    assert (done.code, done.err) == (0, "")
    heading_line = (
        "2 thanh niên lấy ấp/khu phố theo dòng tiêu đề nhóm phía trên (dòng không ghi ấp/khu phố "
        "riêng)."
    )
    assert done.out.splitlines() == [
        "Tệp tn.xlsx, trang tính “DS”, dòng tiêu đề 1.",
        "Cột nhận ra: B “Họ và tên” → Họ và tên; C “Năm sinh” → Ngày sinh / năm sinh; "
        "D “Nghề nghiệp” → Nghề nghiệp.",
        "Dòng 2: bỏ qua (dòng tiêu đề nhóm).",
        heading_line,
        "Mới: 2, cập nhật: 0, không đổi: 0, bị loại: 0.",
        "Chạy thử: chưa ghi gì.",
    ]
    with Workspace.open(Path(folder)) as ws:
        assert YOUTH.from_headings(ws.youth_import.preview_import(path)) == heading_line


def test_a_csv_is_a_file_without_sheets(folder: str, tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("Họ và tên,Ngày sinh\nNguyễn Văn An,05/03/2001\n", encoding="utf-8")
    done = cli("members", "import", str(path), "--dry-run", "--data-dir", folder)
    assert (done.code, done.err) == (0, "")
    assert done.out.splitlines()[:2] == [
        "Tệp bad.csv, dòng tiêu đề 1.",
        "Cột nhận ra: A “Họ và tên” → Họ và tên; B “Ngày sinh” → Ngày sinh.",
    ]
    path.write_text("Tên hàng,Giá\nGạo,20000\n", encoding="utf-8")
    done = cli("members", "import", str(path), "--dry-run", "--data-dir", folder)
    assert (done.code, done.out) == (1, "")
    assert done.err == (
        "Lỗi: Không tìm thấy dòng tiêu đề trong tệp bad.csv: cần các cột như “Họ và tên” và "
        "“Ngày sinh” trong 25 dòng đầu.\n"
    )
    path.write_bytes(b"")
    done = cli("members", "import", str(path), "--dry-run", "--data-dir", folder)
    assert (done.code, done.out, done.err) == (1, "", "Lỗi: Tệp bad.csv không có dữ liệu.\n")


def test_a_day_not_on_the_calendar_in_the_forms_words(folder: str, tmp_path: Path) -> None:
    """The words of the member form and of ``members add --birth 31/02/2005``."""
    path = tmp_path / "ds.csv"
    path.write_text("Họ và tên,Ngày sinh\nNguyễn Văn An,31/02/2005\n", encoding="utf-8")
    done = cli("members", "import", str(path), "--dry-run", "--data-dir", folder)
    assert (done.code, done.err) == (  # no row to import
        1,
        "Lỗi: 1 dòng bị loại nên chưa nhập gì (sửa các dòng này rồi nhập lại, hoặc thêm "
        "--skip-rejected để chỉ nhập các dòng còn lại):\n"
        "  Dòng 2: Ngày sinh 31/02/2005 không có trên lịch.\n",
    )
    assert done.out.splitlines()[2] == "Dòng 2 [bị loại]: Ngày sinh 31/02/2005 không có trên lịch."
    added = cli("members", "add", "--data-dir", folder, "--name", "An", "--birth", "31/02/2005")
    assert added.err == (
        "Lỗi: Dữ liệu không hợp lệ:\n  --birth: Ngày 31/02/2005 không có trên lịch.\n"
    )
