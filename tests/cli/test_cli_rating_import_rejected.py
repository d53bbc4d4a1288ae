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


# -- --rejected FILE: the refused rows and their reasons, as members import saves them ----------

NOT_IN_ROUND = "Không có đoàn viên này trong đợt xếp loại năm 2025."


def _three_refused(data_dir: Path, tmp_path: Path) -> str:
    """Tân Hưng's sheet with three refused rows: An's (row 4) self-assessment "giỏi", no level;
    Tạm's (row 6) proposal, though not rated; a member typed in by hand (row 7) not in the
    round. Bình's (row 5) proposal is a change."""
    path = _filled(data_dir, tmp_path)
    book = openpyxl.load_workbook(path)
    sheet = book.active
    assert sheet is not None
    columns = {c.value: c.column for c in sheet[3]}
    sheet.cell(4, columns["Tự đánh giá"]).value = "giỏi"
    sheet.cell(7, columns["Họ và tên"]).value = "Lê Văn Lạ"
    sheet.cell(7, columns["Ngày sinh"]).value = "01/01/2001"
    sheet.cell(7, columns["Chi đoàn đề nghị"]).value = 2
    book.save(path)
    return path


def _saved(path: Path) -> list[tuple[object, ...]]:
    """Each row of the file of rejected rows: its name, self-assessment, proposal, id and
    reason (the header's own titles on the first)."""
    sheet = openpyxl.load_workbook(path).active
    assert sheet is not None and sheet.title == "Dòng bị loại"
    rows = list(sheet.iter_rows(values_only=True))
    header = list(rows[0])
    wanted = [header.index(h) for h in ("Họ và tên", "Tự đánh giá", "Chi đoàn đề nghị",
                                        "Mã (không sửa)", "Lý do")]  # fmt: skip
    return [tuple(row[i] for i in wanted) for row in rows]


def test_refused_rows_saved_with_their_reasons(
    data_dir: Path, ids: dict[str, str], tmp_path: Path
) -> None:
    path = _three_refused(data_dir, tmp_path)
    saved = tmp_path / "dong-bi-loai.xlsx"
    args = ("rating", "import", "--year", YEAR, path, "--rejected", str(saved))
    done = cli(data_dir, *args)  # refused, nothing imported: the rows saved all the same
    assert done.code == 1
    assert done.err.startswith("Lỗi: 3 dòng bị loại nên chưa nhập gì")
    assert done.out.endswith(
        f"bị loại: 3.\nĐã lưu 3 dòng bị loại, kèm lý do ở cột “Lý do”, vào tệp {saved}.\n"
    )
    assert _proposed(data_dir) == [1, None, 3, None]
    levels = "1–4 hoặc tên mức: " + ", ".join(
        ("Hoàn thành xuất sắc nhiệm vụ", "Hoàn thành tốt nhiệm vụ", "Hoàn thành nhiệm vụ",
         "Không hoàn thành nhiệm vụ"))  # fmt: skip
    rows = _saved(saved)
    assert rows == [
        ("Họ và tên", "Tự đánh giá", "Chi đoàn đề nghị", "Mã (không sửa)", "Lý do"),
        ("Nguyễn Văn An", "giỏi", "Hoàn thành xuất sắc nhiệm vụ", ids["An"],
         f"“giỏi” ở cột “Tự đánh giá” không phải mức xếp loại (cần {levels}). (Dòng 4 của tệp "
         "đã nhập.)"),
        ("Đỗ Văn Tạm", None, 3, ids["Tạm"],
         "Đoàn viên không xếp loại năm 2025 (Sinh hoạt tạm: đơn vị gốc xếp loại, ở đây chỉ nhận "
         "xét): cột “Chi đoàn đề nghị” phải để trống, chỉ ghi nhận xét. (Dòng 6 của tệp đã "
         "nhập.)"),
        ("Lê Văn Lạ", None, 2, None, f"{NOT_IN_ROUND} (Dòng 7 của tệp đã nhập.)"),
    ]  # fmt: skip
    done = cli(data_dir, *args, "--skip-rejected", "--format", "json")
    assert (done.code, done.err) == (0, "")
    assert (done.json()["rejected_file"], done.json()["applied"]) == (str(saved), True)
    assert _proposed(data_dir) == [1, 2, 3, None]
    assert _saved(saved) == rows  # the same rows refused, Bình's now imported
    # Fixed in Excel and imported again: the file reads as the sheet ("Lý do" not read).
    book = openpyxl.load_workbook(saved)
    sheet = book.active
    assert sheet is not None
    column = next(c.column for c in sheet[1] if c.value == "Tự đánh giá")
    sheet.cell(2, column).value = "Hoàn thành tốt"
    sheet.delete_rows(3, 2)
    book.save(saved)
    done = cli(data_dir, "rating", "import", "--year", YEAR, str(saved), "--format", "json")
    assert (done.code, done.err) == (0, "")
    assert [(c["full_name"], c["changes"]) for c in done.json()["changed"]] == [
        ("Nguyễn Văn An", {"self": {"before": None, "after": 2}})
    ]


def test_an_earlier_runs_file_is_removed_when_none_is_refused(
    data_dir: Path, ids: dict[str, str], tmp_path: Path
) -> None:
    path = _three_refused(data_dir, tmp_path)
    saved = tmp_path / "dong-bi-loai.xlsx"
    args = ("rating", "import", "--year", YEAR, "--rejected", str(saved))
    assert cli(data_dir, *args, path).code == 1 and saved.exists()
    fixed = _filled(data_dir, tmp_path)  # the same file, filled again: Tạm's proposal removed
    book = openpyxl.load_workbook(fixed)
    sheet = book.active
    assert sheet is not None
    sheet.cell(6, next(c.column for c in sheet[3] if c.value == "Chi đoàn đề nghị")).value = None
    book.save(fixed)
    done = cli(data_dir, *args, fixed)
    assert (done.code, done.err) == (0, "")
    assert done.out.endswith(
        "Đã nhập vào đợt xếp loại năm 2025.\nKhông có dòng nào bị loại: đã xóa tệp "
        f"{saved} (các dòng bị loại của một lần nhập trước, nay không còn đúng).\n"
    )
    assert not saved.exists()
    assert _proposed(data_dir) == [1, 2, 3, None]
