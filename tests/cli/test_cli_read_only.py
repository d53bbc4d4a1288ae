"""Read-only data from the command line (#12): the reading commands work; each writing command
is refused with one Vietnamese line saying why and what to do, exit 1, no traceback, and the data
folder stays byte for byte as it was.

Run for real: as the unprivileged user 65534 on a folder or file without write permission
(:func:`breakage.run_as_nobody`), and in-process on a read-only mount, as a write-protected stick
is (:func:`breakage.read_only_mount`); each is skipped where the machine does not allow it.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
from collections.abc import Iterator
from io import StringIO
from pathlib import Path

import pytest

from breakage import NOBODY, read_only_mount, run_as_nobody, shared_folder, snapshot
from doancoso.cli.main import run
from doancoso.core.workspace import DATABASE_FILE, Workspace

READ_ONLY_FOLDER = (
    "Lỗi: Dữ liệu chỉ đọc: thư mục dữ liệu “{folder}” không cho phép ghi. Không lưu được thay đổi "
    "nào. Muốn sửa dữ liệu, hãy nhờ người quản trị máy cấp quyền ghi, hoặc chép cả thư mục dữ liệu "
    "sang máy tính rồi mở bản chép.\n"
)
READ_ONLY_FILE = (
    "Lỗi: Dữ liệu chỉ đọc: tệp “{folder}/doancoso.sqlite” chỉ cho phép đọc. Không lưu được thay "
    "đổi nào. Muốn sửa dữ liệu, hãy bỏ thuộc tính “Chỉ đọc” của tệp (chuột phải vào tệp, chọn "
    "Thuộc tính) rồi mở lại.\n"
)
ADD = ["members", "add", "--name", "Lê Văn Tám", "--birth", "01/01/2000", "--gender", "Nam"]


@pytest.fixture
def shared() -> Iterator[Path]:
    """A folder user 65534 can reach, holding a roster of 20, a backup and a sheet to import."""
    top = shared_folder()
    data = top / "du-lieu"
    with Workspace.open(data) as ws:
        ws.generate_demo(members=20, seed=4)
        backup = ws.backups.take().path
    shutil.copyfile(backup, top / "sao-luu.sqlite")
    with open(top / "moi.csv", "w", newline="", encoding="utf-8-sig") as handle:
        csv.writer(handle).writerows(
            [["Họ và tên", "Ngày sinh", "Giới tính"], ["Trần Văn Mới", "02/02/2002", "Nam"]]
        )
    out = top / "ra"
    out.mkdir()
    os.chown(out, NOBODY, NOBODY)  # where the reading commands write their files
    for path in [top, *top.rglob("*")]:
        path.chmod(path.stat().st_mode | 0o555 if path.is_dir() else 0o644)
    yield top
    shutil.rmtree(top, ignore_errors=True)


def _writes(top: Path) -> dict[str, list[str]]:
    return {
        "add": ADD,
        "import": ["members", "import", str(top / "moi.csv")],
        "backup": ["backup"],
        "repair": ["check", "--repair"],
        "restore": ["restore", str(top / "sao-luu.sqlite")],
        "deadline": ["plan", "deadline", "15/12"],
    }


def _reads_work(top: Path, data: Path, as_user: bool) -> None:
    def doancoso(*args: str) -> tuple[int, str, str]:
        if as_user:
            done = run_as_nobody(["--data-dir", str(data), *args])
            return done.returncode, done.stdout, done.stderr
        out, err = StringIO(), StringIO()
        return run(["--data-dir", str(data), *args], out, err), out.getvalue(), err.getvalue()

    code, out, err = doancoso("members", "list", "--format", "json")
    assert (code, err) == (0, "") and len(json.loads(out)) > 0
    code, out, err = doancoso("members", "list")
    assert (code, err) == (0, "") and out.endswith("đoàn viên.\n")
    code, out, err = doancoso("members", "export", str(top / "ra" / "ds.xlsx"))
    assert (code, err) == (0, "") and (top / "ra" / "ds.xlsx").stat().st_size > 0
    code, out, err = doancoso("backups")
    assert (code, err) == (0, "")
    code, out, err = doancoso("check")
    assert (code, err) == (0, "")
    assert out == "Dữ liệu chỉ đọc: kiểm tra mà không sao lưu trước.\nDữ liệu tốt, không có lỗi.\n"
    code, out, err = doancoso("check", "--format", "json")
    assert (code, err) == (0, "")
    assert json.loads(out) == {"ok": True, "problems": [], "repaired": 0, "backup": None}
    code, out, err = doancoso("backup", "--to", str(top / "ra"))
    assert (code, err) == (0, "") and out.startswith(f"Đã sao lưu: {top / 'ra'}/thu-cong-")


def test_a_folder_without_write_permission(shared: Path) -> None:
    data = shared / "du-lieu"
    data.chmod(0o555)
    before = snapshot(data)
    _reads_work(shared, data, as_user=True)
    for name, args in _writes(shared).items():
        done = run_as_nobody(["--data-dir", str(data), *args])
        assert (done.returncode, done.stdout) == (1, ""), name
        assert done.stderr == READ_ONLY_FOLDER.format(folder=data), name
    for args in (["init", "--name", "Đoàn xã A", "--superior", "B"], ["demo", "--members", "5"]):
        done = run_as_nobody(["--data-dir", str(data), *args])
        assert done.returncode == 1 and done.stderr.startswith("Lỗi: "), done.stderr
        assert "Traceback" not in done.stderr and "không mong đợi" not in done.stderr
    assert snapshot(data) == before


def test_a_read_only_database_file(shared: Path) -> None:
    data = shared / "du-lieu"
    os.chown(data, NOBODY, NOBODY)  # the folder takes files; the database does not
    (data / DATABASE_FILE).chmod(0o444)
    before = (data / DATABASE_FILE).read_bytes()
    _reads_work(shared, data, as_user=True)
    for name, args in _writes(shared).items():
        done = run_as_nobody(["--data-dir", str(data), *args])
        assert (done.returncode, done.stdout) == (1, ""), name
        assert done.stderr == READ_ONLY_FILE.format(folder=data), name
    assert (data / DATABASE_FILE).read_bytes() == before


def test_a_write_protected_stick(shared: Path) -> None:
    data = shared / "du-lieu"
    before = snapshot(data)
    with read_only_mount(data):
        _reads_work(shared, data, as_user=False)
        for name, args in _writes(shared).items():
            out, err = StringIO(), StringIO()
            assert run(["--data-dir", str(data), *args], out, err) == 1, name
            assert err.getvalue().startswith(
                f"Lỗi: Dữ liệu chỉ đọc: thư mục dữ liệu “{data}” nằm trên ổ đĩa chỉ cho phép đọc "
                "(USB có thể đang bị khóa ghi). Không lưu được thay đổi nào. Muốn sửa dữ liệu, "
                "hãy gạt khóa ghi của USB rồi mở lại,"
            ), name
    assert snapshot(data) == before
