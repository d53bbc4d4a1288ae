"""A mistyped item code of ``checklist set|attach|detach|caption`` is refused on stderr (exit 1,
nothing changed) with the codes the year's template has, so that a script's author sees the
right one without a ``checklist show`` of the whole table."""

from __future__ import annotations

from pathlib import Path

import pytest

from cli_run import cli

INIT = ["--name", "Đoàn xã Tân Hưng", "--superior", "Tỉnh đoàn Cà Mau"]
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 40
REFUSED = (
    "Lỗi: Mục 1.8 không có trong bộ tiêu chí năm 2025 (Tiêu chí “Đoàn cơ sở 3 chủ động” (mặc "
    "định)). Các mục: 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 2.1, 2.2, 2.3, 2.4, 3.1, 3.2, 3.3.\n"
)
SHA = "0" * 64


@pytest.fixture
def folder(data_dir: Path) -> str:
    """A folder set up, with the checklist of 2025 opened (an item assessed)."""
    assert cli("init", "--data-dir", str(data_dir), *INIT).code == 0
    assert cli("checklist", "set", "1.1", "--status", "dat", "--year", "2025",
               "--data-dir", str(data_dir)).code == 0  # fmt: skip
    return str(data_dir)


@pytest.mark.parametrize(
    "command",
    [
        ("set", "1.8", "--status", "dat"),
        ("attach", "1.8", "{photo}"),
        ("detach", "1.8", SHA),
        ("caption", "1.8", SHA, "--caption", "Ảnh"),
    ],
)
def test_an_unknown_item_names_the_items_there_are(
    folder: str, tmp_path: Path, command: tuple[str, ...]
) -> None:
    photo = tmp_path / "anh.png"
    photo.write_bytes(PNG)
    before = cli("checklist", "show", "--year", "2025", "--format", "json", "--data-dir", folder)
    argv = [word.replace("{photo}", str(photo)) for word in command]
    result = cli("checklist", *argv, "--year", "2025", "--data-dir", folder)
    assert (result.code, result.out, result.err) == (1, "", REFUSED)
    after = cli("checklist", "show", "--year", "2025", "--format", "json", "--data-dir", folder)
    assert after.out == before.out
