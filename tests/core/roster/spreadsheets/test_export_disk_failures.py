"""Exports that fail on the disk (#12): one Vietnamese message and nothing else, nothing left
behind, the English of the system never in the message.

A full disk is a real small filesystem (tmpfs of 64 KB, mounted when the tests may: as root on
Linux); a file-size limit (RLIMIT_FSIZE, EFBIG: what a FAT32 USB stick answers past 4 GB) works
for any user. The export runs in a subprocess, whose stderr must stay empty: the zip that failed
used to print "Exception ignored in: <function ZipFile.__del__>" and a traceback when Python
finalised it, after the message.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from doancoso.core.errors import AppError
from doancoso.core.workspace import Workspace

# Opens the workspace, sets the file-size limit (0: none), exports to each target and prints
# the outcome of each on a line.
_EXPORTER = """
import resource, sys
from pathlib import Path
from doancoso.core.errors import AppError
from doancoso.core.workspace import Workspace
ws = Workspace.open(Path(sys.argv[1]), create=False)
limit = int(sys.argv[2])
if limit:
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))
for name in sys.argv[3:]:
    target = Path(name)
    try:
        if target.stem == "thong-ke":
            ws.spreadsheets.export_statistics(target)
        elif target.stem == "thanh-nien":
            ws.spreadsheets.export_youth(target)
        else:
            ws.spreadsheets.export_members(target)
        print("ok", flush=True)
    except AppError as exc:
        print(exc.message, flush=True)
ws.close()
"""
TARGETS = ("doan-vien.xlsx", "doan-vien.csv", "thanh-nien.xlsx", "thong-ke.xlsx")


def _export(data_dir: Path, limit: int, *targets: Path) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", _EXPORTER, str(data_dir), str(limit), *map(str, targets)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.stderr == ""  # no traceback, no "Exception ignored"
    assert done.returncode == 0
    return done.stdout.splitlines()


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    """A folder on a 64 KB filesystem with 4 KB left."""
    folder = tmp_path / "usb"
    folder.mkdir()
    if sys.platform != "linux" or os.geteuid() != 0:
        pytest.skip("mounting a small filesystem needs root on Linux")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(folder)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr!r}")
    try:
        with (folder / "day.bin").open("wb") as filler:
            filler.write(b"\0" * (60 * 1024))
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def test_an_export_to_a_full_disk_says_so_and_leaves_nothing(
    demo_ws: Workspace, full_disk: Path
) -> None:
    targets = [full_disk / name for name in TARGETS]
    assert _export(demo_ws.data_dir, 0, *targets) == [
        f"Không ghi được tệp “{target}”: ổ đĩa đã đầy." for target in targets
    ]
    assert [p.name for p in full_disk.iterdir()] == ["day.bin"]


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="RLIMIT_FSIZE is POSIX")
def test_an_export_past_the_largest_file_allowed_says_so(
    demo_ws: Workspace, tmp_path: Path
) -> None:
    """Every file the export writes hits the limit: openpyxl's own temporary sheet first."""
    folder = tmp_path / "fat32"
    folder.mkdir()
    targets = [folder / name for name in TARGETS[:3]]
    reason = (
        "tệp vượt quá kích thước lớn nhất mà ổ đĩa cho phép (ổ USB định dạng FAT32 chỉ nhận "
        "tệp dưới 4 GB)"
    )
    assert _export(demo_ws.data_dir, 16 * 1024, *targets) == [
        f"Không ghi được tệp “{target}”: {reason}." for target in targets
    ]
    assert list(folder.iterdir()) == []


def test_an_export_onto_a_folder_says_it_is_a_folder(demo_ws: Workspace, tmp_path: Path) -> None:
    target = tmp_path / "danh-sach.xlsx"
    target.mkdir()
    with pytest.raises(AppError) as info:
        demo_ws.spreadsheets.export_members(target)
    assert info.value.message == f"Không ghi được tệp “{target}”: đó là một thư mục."
    assert [p.name for p in tmp_path.iterdir() if p.name != "data"] == ["danh-sach.xlsx"]


def test_an_export_to_a_name_too_long_says_so(demo_ws: Workspace, tmp_path: Path) -> None:
    target = tmp_path / ("d" * 300 + ".xlsx")
    with pytest.raises(AppError) as info:
        demo_ws.spreadsheets.export_members(target)
    assert info.value.message == (f"Không ghi được tệp “{target}”: tên tệp hoặc đường dẫn quá dài.")


def test_an_export_to_a_missing_folder_says_so(demo_ws: Workspace, tmp_path: Path) -> None:
    target = tmp_path / "khong-co" / "danh-sach.csv"
    with pytest.raises(AppError) as info:
        demo_ws.spreadsheets.export_members(target)
    assert info.value.message == f"Không ghi được tệp “{target}”: thư mục không tồn tại."
