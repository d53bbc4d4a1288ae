"""``members import`` of a file with rejected rows imports nothing and exits 1, the reasons on
stderr, unless ``--skip-rejected`` says to import the other rows: an import is all or nothing
(DESIGN.md), and a script could not tell a partial import from a whole one by its exit code.
``--rejected FILE`` saves the rejected rows with their reasons as the import wizard does, before
anything is imported: a file that cannot be written stops the import."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl

from cli_run import cli
from doancoso.core.workspace import Workspace

ROWS = (
    "Họ và tên,Ngày sinh\n"
    "Nguyễn Văn An,05/03/2001\n"
    "Trần Thị Bình,31/02/2005\n"
    "Lê Hoàng Cường,01/02/2002\n"
)
REFUSED = (
    "Lỗi: 1 dòng bị loại nên chưa nhập gì (sửa các dòng này rồi nhập lại, hoặc thêm "
    "--skip-rejected để chỉ nhập các dòng còn lại):\n"
    "  Dòng 3: Ngày sinh 31/02/2005 không có trên lịch.\n"
)


def _names(data_dir: Path) -> list[str]:
    with Workspace.open(data_dir) as ws:
        return sorted(m.full_name for m in ws.members.list())


def _file(tmp_path: Path) -> str:
    path = tmp_path / "ds.csv"
    path.write_text(ROWS, encoding="utf-8")
    return str(path)


def test_rejected_rows_import_nothing(ws: Workspace, data_dir: Path, tmp_path: Path) -> None:
    path = _file(tmp_path)
    for dry_run in ((), ("--dry-run",)):  # a dry run says what the import would do
        done = cli("members", "import", path, *dry_run, "--data-dir", str(data_dir))
        assert (done.code, done.err) == (1, REFUSED)
        assert done.out.splitlines()[-1] == "Mới: 2, cập nhật: 0, không đổi: 0, bị loại: 1."
        assert _names(data_dir) == []
    done = cli("members", "import", path, "--data-dir", str(data_dir), "--format", "json")
    assert (done.code, done.err) == (1, REFUSED)
    assert (done.json()["rejected"], done.json()["applied"]) == (1, False)
    assert _names(data_dir) == []


def test_skip_rejected_imports_the_other_rows(
    ws: Workspace, data_dir: Path, tmp_path: Path
) -> None:
    path = _file(tmp_path)
    done = cli("members", "import", path, "--dry-run", "--skip-rejected", "--data-dir",
               str(data_dir))  # fmt: skip
    assert (done.code, done.err) == (0, "")
    assert done.out.endswith("bị loại: 1.\nChạy thử: chưa ghi gì.\n")
    assert _names(data_dir) == []
    done = cli("members", "import", path, "--skip-rejected", "--data-dir", str(data_dir))
    assert (done.code, done.err) == (0, "")
    assert done.out.endswith(
        "bị loại: 1.\nĐã nhập vào danh sách đoàn viên, bỏ qua 1 dòng bị loại (dòng 3).\n"
    )
    assert _names(data_dir) == ["Lê Hoàng Cường", "Nguyễn Văn An"]
    report = json.loads(
        cli(
            "members",
            "import",
            path,
            "--skip-rejected",
            "--data-dir",
            str(data_dir),
            "--format",
            "json",
        ).out  # fmt: skip
    )
    assert (report["unchanged"], report["rejected"], report["applied"]) == (2, 1, True)


# -- --rejected FILE: the rejected rows and their reasons, as the wizard saves them --------------

REPEATED = ROWS + "Nguyễn Văn An,05/03/2001\n"  # row 5 repeats row 2
SAVED_REFUSED = REFUSED.replace("1 dòng", "2 dòng") + (
    "  Dòng 5: Trùng với Nguyễn Văn An, cùng họ tên và ngày sinh (dòng 2).\n"
)
HEADER = ("Họ và tên", "Ngày sinh", "Lý do")
BINH = ("Trần Thị Bình", "31/02/2005",
        "Ngày sinh 31/02/2005 không có trên lịch. (Dòng 3 của tệp đã nhập.)")  # fmt: skip


def _repeated_an(went: str) -> tuple[str, str, str]:
    """Row 5 as written to the file of rejected rows, row 2 said to have been imported or to
    be imported (``went``)."""
    return ("Nguyễn Văn An", "05/03/2001", "Trùng với Nguyễn Văn An, cùng họ tên và ngày sinh "
            f"(dòng 2 của tệp đã nhập, {went} được nhập). (Dòng 5 của tệp đã nhập.)")  # fmt: skip


def _rows(path: Path) -> list[tuple[object, ...]]:
    sheet = openpyxl.load_workbook(path).active
    assert sheet is not None and sheet.title == "Dòng bị loại"
    return list(sheet.iter_rows(values_only=True))


def test_rejected_rows_saved_with_their_reasons(
    ws: Workspace, data_dir: Path, tmp_path: Path
) -> None:
    source = tmp_path / "ds.csv"
    source.write_text(REPEATED, encoding="utf-8")
    saved = tmp_path / "dong-bi-loai.xlsx"
    args = ("members", "import", str(source), "--rejected", str(saved), "--data-dir",
            str(data_dir))  # fmt: skip
    done = cli(*args)  # refused, nothing imported: the rows saved all the same, to be fixed
    assert (done.code, done.err) == (1, SAVED_REFUSED)
    assert done.out.endswith(
        f"bị loại: 2.\nĐã lưu 2 dòng bị loại, kèm lý do ở cột “Lý do”, vào tệp {saved}.\n"
    )
    assert _rows(saved) == [HEADER, BINH, _repeated_an("sẽ")]
    assert _names(data_dir) == []
    done = cli(*args, "--skip-rejected")
    assert (done.code, done.err) == (0, "")
    assert done.out.endswith(
        "Đã nhập vào danh sách đoàn viên, bỏ qua 2 dòng bị loại (dòng 3, 5).\n"
        f"Đã lưu 2 dòng bị loại, kèm lý do ở cột “Lý do”, vào tệp {saved}: sửa các dòng này "
        "trong Excel, lưu lại rồi nhập lại tệp đó.\n"
    )
    assert _rows(saved) == [HEADER, BINH, _repeated_an("đã")]
    assert _names(data_dir) == ["Lê Hoàng Cường", "Nguyễn Văn An"]
    done = cli(*args, "--skip-rejected", "--format", "json")
    assert (done.code, done.json()["rejected_file"]) == (0, str(saved))


def test_a_file_of_rejected_rows_not_written_imports_nothing(
    ws: Workspace, data_dir: Path, tmp_path: Path
) -> None:
    source = _file(tmp_path)
    missing = tmp_path / "chua-co" / "loai.xlsx"
    for target, said in (
        (missing, f"Không ghi được tệp “{missing}”: thư mục không tồn tại."),
        (tmp_path / "loai.csv", "Tệp các dòng bị loại phải có đuôi .xlsx: loai.csv"),
    ):
        done = cli("members", "import", source, "--skip-rejected", "--rejected", str(target),
                   "--data-dir", str(data_dir))  # fmt: skip
        assert (done.code, done.out, done.err) == (1, "", f"Lỗi: {said}\n")
        assert not target.exists()
        assert _names(data_dir) == []
    # Never over the file being imported, which would lose its other rows.
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for line in ROWS.splitlines():
        sheet.append(line.split(","))
    xlsx = tmp_path / "ds.xlsx"
    book.save(xlsx)
    before = xlsx.read_bytes()
    done = cli("members", "import", str(xlsx), "--skip-rejected", "--rejected",
               str(tmp_path / "." / "ds.xlsx"), "--data-dir", str(data_dir))  # fmt: skip
    assert (done.code, done.out) == (1, "")
    assert done.err == (
        f"Lỗi: Tệp các dòng bị loại phải khác tệp đang nhập ({xlsx}): ghi vào đó sẽ mất các "
        "dòng khác của tệp.\n"
    )
    assert xlsx.read_bytes() == before and _names(data_dir) == []


def test_no_rejected_row_writes_no_file(ws: Workspace, data_dir: Path, tmp_path: Path) -> None:
    source = tmp_path / "ds.csv"
    source.write_text("Họ và tên,Ngày sinh\nNguyễn Văn An,05/03/2001\n", encoding="utf-8")
    target = tmp_path / "loai.xlsx"
    args = ("members", "import", str(source), "--rejected", str(target), "--data-dir",
            str(data_dir))  # fmt: skip
    done = cli(*args)
    assert (done.code, done.err) == (0, "")
    assert done.out.endswith(
        f"Đã nhập vào danh sách đoàn viên.\nKhông có dòng nào bị loại: không ghi tệp {target}.\n"
    )
    assert not target.exists()
    done = cli(*args, "--format", "json")
    assert (done.code, done.json()["rejected_file"]) == (0, None)


def test_an_earlier_runs_file_of_rejected_rows_is_removed(
    ws: Workspace, data_dir: Path, tmp_path: Path
) -> None:
    """Rows fixed and the file imported again: the file of rejected rows an earlier run wrote
    is removed, since opened it would read as those rows rejected again."""
    source = tmp_path / "ds.csv"
    source.write_text(ROWS, encoding="utf-8")
    target = tmp_path / "loai.xlsx"
    args = ("members", "import", str(source), "--rejected", str(target), "--data-dir",
            str(data_dir))  # fmt: skip
    assert cli(*args).code == 1
    assert _rows(target) == [HEADER, BINH]
    source.write_text(ROWS.replace("31/02/2005", "28/02/2005"), encoding="utf-8")
    done = cli(*args, "--dry-run", "--format", "json")  # a dry run's report is of this run too
    assert (done.code, done.err) == (0, "")
    assert (done.json()["rejected_file"], done.json()["rejected_file_removed"]) == (None, True)
    assert not target.exists()
    source.write_text(ROWS, encoding="utf-8")
    assert cli(*args).code == 1 and _rows(target) == [HEADER, BINH]
    source.write_text(ROWS.replace("31/02/2005", "28/02/2005"), encoding="utf-8")
    done = cli(*args)
    assert (done.code, done.err) == (0, "")
    assert done.out.endswith(
        f"Đã nhập vào danh sách đoàn viên.\nKhông có dòng nào bị loại: đã xóa tệp {target} (các "
        "dòng bị loại của một lần nhập trước, nay không còn đúng).\n"
    )
    assert not target.exists()
    assert _names(data_dir) == ["Lê Hoàng Cường", "Nguyễn Văn An", "Trần Thị Bình"]


def test_another_file_at_that_path_is_kept(ws: Workspace, data_dir: Path, tmp_path: Path) -> None:
    """A workbook of the secretary's own at the path ``--rejected`` names is not the app's to
    remove: kept byte for byte, and said not to be this run's."""
    source = tmp_path / "ds.csv"
    source.write_text("Họ và tên,Ngày sinh\nNguyễn Văn An,05/03/2001\n", encoding="utf-8")
    target = tmp_path / "loai.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Họ và tên", "Lý do"])  # not the app's sheet: "Sheet"
    book.save(target)
    before = target.read_bytes()
    done = cli("members", "import", str(source), "--rejected", str(target), "--data-dir",
               str(data_dir))  # fmt: skip
    assert (done.code, done.err) == (0, "")
    assert done.out.endswith(
        f"Đã nhập vào danh sách đoàn viên.\nKhông có dòng nào bị loại: không ghi tệp {target}; "
        "tệp đang có ở đó không phải tệp các dòng bị loại do ứng dụng ghi nên được giữ nguyên.\n"
    )
    assert target.read_bytes() == before
