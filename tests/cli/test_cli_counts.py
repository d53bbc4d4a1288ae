"""Counts the member commands print are written the Vietnamese way, with a thousands dot."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli_run import cli
from doancoso.cli.numbers import NO_NUMBER_YET
from doancoso.core.lang.text import vn_number


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    """A demo folder of 1.100 members, and what ``demo`` said."""
    folder = str(tmp_path_factory.mktemp("big") / "data")
    code, out, err = cli("demo", "--data-dir", folder, "--members", "1100", "--seed", "1")
    assert code == 0, err
    return folder, out


@pytest.fixture(scope="module")
def big_folder(demo_run: tuple[str, str]) -> str:
    return demo_run[0]


def test_demo_count_has_a_thousands_dot(demo_run: tuple[str, str]) -> None:
    assert demo_run[1] == "Đã tạo 1.100 đoàn viên mẫu cho Đoàn xã Tân Hưng.\n"


@pytest.fixture(scope="module")
def active(big_folder: str) -> str:
    """The number of members on the active roster, as the commands should print it."""
    code, out, err = cli("members", "list", "--data-dir", big_folder, "--format", "json")
    assert code == 0, err
    count = len(json.loads(out))
    assert count >= 1000  # the dot matters
    return vn_number(count)


def test_members_list_total_has_a_thousands_dot(big_folder: str, active: str) -> None:
    code, out, _ = cli("members", "list", "--data-dir", big_folder)
    assert code == 0
    assert out.splitlines()[-1] == f"Tổng cộng: {active} đoàn viên."


@pytest.mark.parametrize("layout", ["danh-sach", "mau-dsdv"])
def test_members_export_count_has_a_thousands_dot(
    big_folder: str, active: str, tmp_path: Path, layout: str
) -> None:
    target = tmp_path / "ds.xlsx"
    code, out, err = cli(
        "members", "export", "--data-dir", big_folder, str(target), "--layout", layout
    )
    assert code == 0, err
    assert out == f"Đã xuất {active} đoàn viên ra {target}.\n"


def test_members_print_count_has_a_thousands_dot(
    big_folder: str, active: str, tmp_path: Path
) -> None:
    target = tmp_path / "ds.pdf"
    code, out, err = cli("members", "print", "--data-dir", big_folder, "-o", str(target))
    assert code == 0, err
    assert out == f"Đã in danh sách {active} đoàn viên ra tệp {target}.\n{NO_NUMBER_YET}\n"


def test_members_import_counts_have_a_thousands_dot(
    big_folder: str, active: str, tmp_path: Path
) -> None:
    sheet = tmp_path / "ds.csv"
    assert cli("members", "export", "--data-dir", big_folder, str(sheet))[0] == 0
    code, out, err = cli("members", "import", "--data-dir", big_folder, str(sheet), "--dry-run")
    assert code == 0, err
    assert f"Mới: 0, cập nhật: 0, không đổi: {active}, bị loại: 0." in out.splitlines()
