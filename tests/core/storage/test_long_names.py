"""A file the user names at length in Vietnamese (a report's full title): the temporary file it is
written under keeps the part of the name that fits Linux's 255 bytes a name (a Vietnamese letter
is 2 or 3 bytes in UTF-8) and Windows' 255 UTF-16 units a name and 259 a path, so that a name
the disk takes is written, and the next write still knows a leftover for one of ours."""

from __future__ import annotations

import os
import time
from pathlib import Path

from doancoso.core.lang.filenames import utf16_units
from doancoso.core.storage.files import new_temp, remove_stale_temps, written_atomically

TITLE = "Báo cáo kết quả thực hiện Nghị quyết Đại hội Đoàn các cấp nhiệm kỳ 2022–2027 của "


def _vietnamese(characters: int) -> str:
    return (TITLE * 10)[:characters]


def test_a_250_character_vietnamese_name_gets_a_temporary_file_that_fits(tmp_path: Path) -> None:
    name = _vietnamese(250)
    assert len(name) == 250 and len(name.encode()) > 255  # more than Linux takes in a name

    temp = new_temp(tmp_path / name)

    assert temp.parent == tmp_path and temp.is_file()
    assert len(temp.name.encode()) <= 255
    assert utf16_units(temp.name) <= 255
    assert utf16_units(str(temp)) <= 259
    assert temp.name.startswith("." + name[:60])
    assert temp.name.endswith(".doancoso.tmp")
    then = time.time() - 120  # left by a write killed two minutes ago: known for one of ours
    os.utime(temp, (then, then))
    remove_stale_temps(tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_a_long_vietnamese_name_the_disk_takes_is_written(tmp_path: Path) -> None:
    name = _vietnamese(200)
    while len(name.encode()) > 250:  # a name Linux takes, whose first 200 characters' temporary
        name = name[:-1]  # name would not
    name = name.rstrip() + ".pdf"
    target = tmp_path / name

    with written_atomically(target) as temp:
        temp.write_bytes(b"%PDF-1.4 a report")

    assert [p.name for p in tmp_path.iterdir()] == [name]
    assert target.read_bytes() == b"%PDF-1.4 a report"


def test_a_deep_folder_leaves_the_temporary_name_within_windows_path_limit(
    tmp_path: Path,
) -> None:
    folder = tmp_path
    while utf16_units(str(folder)) < 180:  # a stick's folder of folders of folders
        folder = folder / "Hồ sơ Đoàn"
    folder.mkdir(parents=True)
    name = _vietnamese(70) + ".pdf"

    temp = new_temp(folder / name)

    assert utf16_units(str(temp)) <= 259
    assert temp.name.startswith("." + name[:20])
