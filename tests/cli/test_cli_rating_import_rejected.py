"""``rating import`` of a sheet with refused rows writes nothing and exits 1, each refused row
with its member and reason on stderr, unless ``--skip-rejected`` says to take the other rows,
as ``members import`` does: a script could not tell a partial import by its exit code."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from rating_cli import YEAR, cli, ids

__all__ = ["ids"]  # the fixture

REFUSED = (
    "Lỗi: 1 dòng bị loại nên chưa nhập gì (sửa các dòng này rồi nhập lại, hoặc thêm "
    "--skip-rejected để chỉ nhập các dòng còn lại):\n"
    "  Dòng 6: Đỗ Văn Tạm — Đoàn viên không xếp loại năm 2025 (Sinh hoạt tạm: đơn vị gốc xếp "
    "loại, ở đây chỉ nhận xét): cột “Chi đoàn đề nghị” phải để trống, chỉ ghi nhận xét.\n"
)
COUNTS = "Thay đổi: 1 đoàn viên, không đổi: 1, bị loại: 1."


def _filled(data_dir: Path, tmp_path: Path) -> str:
    """Tân Hưng's sheet: Bình (row 5) proposed “Hoàn thành tốt”, Tạm (row 6, not rated) 3."""
    exported, filled = tmp_path / "tan-hung.xlsx", tmp_path / "da-dien.xlsx"
    assert cli(data_dir, "rating", "export", "--year", YEAR, str(exported), "--branch",
               "Chi đoàn ấp Tân Hưng").code == 0  # fmt: skip
    book = openpyxl.load_workbook(exported)
    sheet = book.active
    assert sheet is not None
    column = next(c.column for c in sheet[3] if c.value == "Chi đoàn đề nghị")
    assert (sheet.cell(5, 2).value, sheet.cell(6, 2).value) == ("Trần Thị Bình", "Đỗ Văn Tạm")
    sheet.cell(5, column).value = "Hoàn thành tốt nhiệm vụ"
    sheet.cell(6, column).value = 3
    book.save(filled)
    return str(filled)


def _proposed(data_dir: Path) -> list[int | None]:
    """The proposed level of An, Bình, Dũng and Tạm, as ``rating list`` gives them."""
    listed = cli(data_dir, "rating", "list", "--year", YEAR, "--format", "json").json()
    return [row["proposed"] for row in listed]


def test_refused_rows_import_nothing(data_dir: Path, ids: dict[str, str], tmp_path: Path) -> None:
    path = _filled(data_dir, tmp_path)
    for dry_run in ((), ("--dry-run",)):  # a dry run says what the import would do
        done = cli(data_dir, "rating", "import", "--year", YEAR, path, *dry_run)
        assert (done.code, done.err) == (1, REFUSED)
        assert done.out.splitlines()[-1] == COUNTS  # the report, then no verdict on stdout
        assert _proposed(data_dir) == [1, None, 3, None]
    done = cli(data_dir, "rating", "import", "--year", YEAR, path, "--format", "json")
    assert (done.code, done.err) == (1, REFUSED)
    report = done.json()
    assert ([r["row"] for r in report["refused"]], report["applied"]) == ([6], False)
    assert _proposed(data_dir) == [1, None, 3, None]


def test_skip_rejected_takes_the_other_rows(
    data_dir: Path, ids: dict[str, str], tmp_path: Path
) -> None:
    path = _filled(data_dir, tmp_path)
    args = ("rating", "import", "--year", YEAR, path, "--skip-rejected")
    done = cli(data_dir, *args, "--dry-run")
    assert (done.code, done.err) == (0, "")
    assert done.out.endswith(f"{COUNTS}\nChạy thử: chưa ghi gì.\n")
    assert _proposed(data_dir) == [1, None, 3, None]
    done = cli(data_dir, *args)
    assert (done.code, done.err) == (0, "")
    assert done.out.endswith(
        f"{COUNTS}\nĐã nhập vào đợt xếp loại năm 2025, bỏ qua 1 dòng bị loại (dòng 6).\n"
    )
    assert _proposed(data_dir) == [1, 2, 3, None]
    done = cli(data_dir, *args)  # again: Bình's row is now as stored
    assert (done.code, done.err) == (0, "")
    assert done.out.endswith("Không có gì thay đổi, bỏ qua 1 dòng bị loại (dòng 6).\n")
    done = cli(data_dir, *args, "--format", "json")
    assert (done.code, done.json()["unchanged"], done.json()["applied"]) == (0, 2, False)
