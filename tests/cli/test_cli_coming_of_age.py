"""``doancoso init --coming-of-age N``: the organisation's coming-of-age age from the command
line; 30 without it; a bad value is refused (exit 1, Vietnamese on stderr) and sets up nothing."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest

from doancoso.cli.main import run
from doancoso.core.workspace import Workspace

INIT = ["--name", "Đoàn xã Tân Hưng", "--superior", "Tỉnh đoàn Cà Mau"]


def _init(data_dir: Path, *options: str) -> tuple[int, str, str]:
    out, err = StringIO(), StringIO()
    code = run(["init", "--data-dir", str(data_dir), *INIT, *options], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def _age(data_dir: Path) -> int | None:
    with Workspace.open(data_dir) as ws:
        org = ws.organization.get()
        return None if org is None else org.coming_of_age


def test_init_without_the_option_comes_of_age_at_30(data_dir: Path) -> None:
    assert _init(data_dir) == (
        0,
        "Đã thiết lập Đoàn xã Tân Hưng (cấp trên: Tỉnh đoàn Cà Mau).\n",
        "",
    )
    assert _age(data_dir) == 30


@pytest.mark.parametrize(("value", "age"), [("28", 28), ("35", 35), (" 25 ", 25)])
def test_init_sets_the_coming_of_age_age(data_dir: Path, value: str, age: int) -> None:
    code, _, err = _init(data_dir, "--coming-of-age", value)
    assert (code, err) == (0, "")
    assert _age(data_dir) == age


@pytest.mark.parametrize("value", ["24", "36", "0", "-30", "ba mươi", "30.5", ""])
def test_init_refuses_a_bad_age_and_sets_up_nothing(data_dir: Path, value: str) -> None:
    assert _init(data_dir, "--coming-of-age", value) == (
        1,
        "",
        "Lỗi: Dữ liệu không hợp lệ:\n"
        "  --coming-of-age: Tuổi trưởng thành Đoàn phải là số nguyên từ 25 đến 35.\n",
    )
    assert _age(data_dir) is None


def test_the_help_names_the_option(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        run(["init", "--help"], out=StringIO(), err=StringIO())
    assert info.value.code == 0
    words = " ".join(capsys.readouterr().out.split())  # wrapped to the terminal's width
    assert "--coming-of-age N tuổi trưởng thành Đoàn (mặc định 30)" in words
