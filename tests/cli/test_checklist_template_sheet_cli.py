"""``doancoso checklist template import`` reads a province's Excel sheet too (criterion /
sub-item / points), and refuses a broken one naming its row, keeping nothing."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from cli_run import cli

INIT = ["--name", "Đoàn xã Tân Hưng", "--superior", "Tỉnh đoàn Cà Mau", "--commune", "Tân Hưng"]


def _sheet(path: Path, points: object) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (
        ["Tên bộ tiêu chí", "Bộ tiêu chí Cà Mau"],
        ["Tiêu chí", "Nội dung", "Điểm"],
        ["1. Quản lý đoàn viên"], [None, "Danh sách đoàn viên", points],
        ["2. Kế hoạch"], [None, "Kế hoạch năm", 30],
        ["3. Tham mưu, phối hợp"], [None, "Tham mưu cấp ủy", 30],
    ):  # fmt: skip
        sheet.append(row)
    book.save(path)
    return path


def test_template_import_from_excel(data_dir: Path, tmp_path: Path) -> None:
    folder = str(data_dir)
    assert cli("init", "--data-dir", folder, *INIT)[0] == 0
    broken = _sheet(tmp_path / "hong.xlsx", "bốn mươi")
    code, out, err = cli("checklist", "template", "import", str(broken), "--data-dir", folder)
    assert (code, out) == (1, "")
    assert "(trang “Sheet”, dòng 4): điểm “bốn mươi” của mục 1.1 phải là một số" in err
    good = _sheet(tmp_path / "tieu-chi.xlsx", 40)
    code, out, _ = cli("checklist", "template", "import", str(good), "--data-dir", folder)
    assert (code, out) == (0, "Đã nhập bộ tiêu chí “Bộ tiêu chí Cà Mau” (3 mục).\n")
    code, out, _ = cli("checklist", "template", "list", "--data-dir", folder)
    assert out.splitlines()[1] == "Bộ tiêu chí Cà Mau (3 mục; không ghi nguồn)"


def test_every_bad_row_is_said_on_stderr(data_dir: Path, tmp_path: Path) -> None:
    """A sheet with more bad rows than a message box lists: the command line names them all."""
    folder = str(data_dir)
    assert cli("init", "--data-dir", folder, *INIT)[0] == 0
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    rows: list[list[object]] = [
        ["Tên bộ tiêu chí", "Bộ tiêu chí Cà Mau"],
        ["Tiêu chí", "Nội dung", "Điểm"],
        ["1. Quản lý đoàn viên"],
    ]
    rows += [[None, f"Mục {n}", f"{n} điểm rưỡi"] for n in range(1, 13)]  # rows 4 to 15
    rows += [["2. Kế hoạch"], [None, "Kế hoạch năm", 30], ["3. Tham mưu"],
             [None, "Tham mưu cấp ủy", 30]]  # fmt: skip
    for row in rows:
        sheet.append(row)
    book.save(tmp_path / "hong.xlsx")
    code, out, err = cli("checklist", "template", "import", str(tmp_path / "hong.xlsx"),
                         "--data-dir", folder)  # fmt: skip
    assert (code, out) == (1, "")
    assert err == "".join(
        [
            "Lỗi: Bộ tiêu chí không hợp lệ (trang “Sheet”), không có gì thay đổi; sửa các lỗi "
            "sau rồi nhập lại tệp:\n",
            *(
                f"  Dòng {n + 3}: điểm “{n} điểm rưỡi” của mục 1.{n} phải là một số từ 0 đến "
                "1000.\n"
                for n in range(1, 13)
            ),
        ]
    )
    code, out, _ = cli("checklist", "template", "list", "--data-dir", folder)
    assert "Bộ tiêu chí Cà Mau" not in out
