"""A data folder that cannot be used, from the command line as a secretary types it: one
Vietnamese line, exit 1, no traceback, nothing created (#10)."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from io import StringIO
from pathlib import Path

import pytest

from doancoso.cli.main import run


def _doancoso(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "doancoso", *args],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def test_a_file_given_as_data_folder(tmp_path: Path) -> None:
    plain = tmp_path / "ds.txt"
    plain.write_text("x")
    done = _doancoso("--data-dir", str(plain), "members", "list")
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == (
        f"Lỗi: Thư mục dữ liệu “{plain}” là một tệp, không phải thư mục. "
        "Hãy chọn một thư mục để chứa dữ liệu.\n"
    )


def test_a_path_that_cannot_exist() -> None:
    done = _doancoso("--data-dir", "/proc/nope", "init", "--name", "Đoàn xã A", "--superior", "B")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.startswith("Lỗi: Không tạo được thư mục dữ liệu “/proc/nope”: ")
    assert done.stderr.endswith(". Hãy chọn một thư mục khác.\n")


def test_listing_a_missing_folder_creates_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "chua-co"
    done = _doancoso("--data-dir", str(missing), "members", "list")
    assert done.returncode == 1 and "doancoso init" in done.stderr
    assert not missing.exists()


def test_adding_an_old_member_warns(tmp_path: Path) -> None:
    data = ["--data-dir", str(tmp_path / "d")]
    out, err = StringIO(), StringIO()
    assert run(["init", *data, "--name", "Đoàn xã A", "--superior", "Tỉnh đoàn B"], out, err) == 0
    out = StringIO()
    code = run(["members", "add", *data, "--name", "Lê Văn Già", "--birth", "05/03/1970"], out, err)
    year = date.today().year
    assert code == 0 and err.getvalue() == ""
    assert out.getvalue() == (
        "Đã thêm đoàn viên Lê Văn Già.\n"
        f"Cảnh báo: Đã quá tuổi Đoàn (tròn {year - 1970} tuổi trong năm {year}): "
        "cần xét trưởng thành Đoàn.\n"
    )
    out = StringIO()
    code = run(["members", "add", *data, "--name", "Lê Văn Trẻ", "--birth", "05/03/2000",
                "--format", "json"], out, err)  # fmt: skip
    assert code == 0 and json.loads(out.getvalue())["warnings"] == []
    code = run(["members", "add", *data, "--name", "Lê Văn Nhỏ", "--birth", "2016"], out, err)
    assert code == 1
    assert err.getvalue().startswith("Lỗi: ") and "Chưa đủ tuổi vào Đoàn" in err.getvalue()


def test_damaged_data_get_one_vietnamese_message_and_no_log_line(tmp_path: Path) -> None:
    """The line the core logs when it moves a damaged file aside stays out of the console
    (it used to print, in English, before the message)."""
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "doancoso.sqlite").write_bytes(b"not a database" * 100)
    done = _doancoso("--data-dir", str(folder), "members", "list")
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.startswith("Lỗi: Tệp dữ liệu bị hỏng (không còn là tệp cơ sở dữ liệu).")
    assert done.stderr.count("\n") == 1, done.stderr


@pytest.mark.parametrize("where", ["before", "after"])
@pytest.mark.parametrize("empty", ["", "  "])
def test_an_empty_data_folder_option_is_bad_usage_and_creates_nothing(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    where: str,
    empty: str,
) -> None:
    """``--data-dir "$DIR"`` with DIR unset in a script: refused, rather than data set up in
    whatever folder the script runs in."""
    monkeypatch.chdir(tmp_path)
    init = ["init", "--name", "Đoàn xã A", "--superior", "Tỉnh đoàn B"]
    argv = ["--data-dir", empty, *init] if where == "before" else [*init, "--data-dir", empty]
    with pytest.raises(SystemExit) as info:
        run(argv, out=StringIO(), err=StringIO())
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("cách dùng: doancoso ")
    assert err.endswith(
        "\nLỗi cú pháp lệnh: tùy chọn --data-dir: cần tên một thư mục, không được để trống\n"
    )
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "argv",
    [
        ["members", "--data-dir", "{folder}", "list"],
        ["members", "--data-dir={folder}", "list"],
        ["checklist", "--data-dir", "{folder}", "template", "list"],
        ["checklist", "template", "--data-dir", "{folder}", "list"],
    ],
)
def test_the_data_folder_between_a_group_and_its_command(tmp_path: Path, argv: list[str]) -> None:
    """``doancoso members --data-dir D list`` was refused with "tham số LỆNH: lựa chọn không hợp
    lệ “D”", as if the folder were the command; it now reads D as the data folder, as before or
    after the whole command."""
    folder = tmp_path / "d"
    init = ["init", "--data-dir", str(folder), "--name", "Đoàn xã A", "--superior", "Tỉnh đoàn B"]
    assert run(init, StringIO(), StringIO()) == 0
    assert run(["members", "add", "--data-dir", str(folder), "--name", "Lê Văn An", "--birth",
                "2001"], StringIO(), StringIO()) == 0  # fmt: skip
    out, err = StringIO(), StringIO()
    code = run([arg.format(folder=folder) for arg in argv], out, err)
    assert (code, err.getvalue()) == (0, "")
    expected = "Lê Văn An" if argv[0] == "members" else "Hướng dẫn 18-HD/TWĐTN-BTC"
    assert expected in out.getvalue()
