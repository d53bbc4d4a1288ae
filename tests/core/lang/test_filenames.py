"""Names of the files the app writes under a name taken from data: each one a name Windows 10 and
a FAT32/exFAT stick accept, NFC with its Vietnamese letters, its extension kept when shortened,
and two names Windows takes for one told apart with " (2)"."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from doancoso.core.lang.filenames import (
    MAX_NAME,
    free_name,
    name_in_folder,
    room_in,
    utf16_units,
    windows_name,
)

REPEATED = "Ảnh ra quân Ngày Chủ nhật xanh "  # 31 characters
LONG_NAME = (REPEATED * 10)[:296] + ".jpg"  # 300 characters


@pytest.mark.parametrize(
    ("given", "written"),
    [
        ("CON.jpg", "CON_.jpg"),
        ("con", "con_"),
        ("nul.tar.gz", "nul_.tar.gz"),
        ("Aux.PDF", "Aux_.PDF"),
        ("PRN", "PRN_"),
        ("com1.png", "com1_.png"),
        ("LPT9.jpg", "LPT9_.jpg"),
        ("COM\u00b2.jpg", "COM\u00b2_.jpg"),
        ("CONSOLE.jpg", "CONSOLE.jpg"),  # only the device names themselves
        ("COM10.jpg", "COM10.jpg"),
        ("Con gà.jpg", "Con gà.jpg"),
        ("a:b?.pdf", "a-b.pdf"),
        ('<Biên bản> "số 3" | bản *chính*.pdf', "(Biên bản) 'số 3' - bản chính.pdf"),
        ("Hội nghị: tổng kết?.pdf", "Hội nghị - tổng kết.pdf"),
        ("Chi đoàn 1/5", "Chi đoàn 1-5"),
        ("Kế hoạch ngày 05/12/2026.pdf", "Kế hoạch ngày 05-12-2026.pdf"),
        ("Họp lúc 19:30.pdf", "Họp lúc 19-30.pdf"),
        ("Chi đoàn 1\\5 | Ấp 2.xlsx", "Chi đoàn 1-5 - Ấp 2.xlsx"),
        ("Báo cáo tổng kết năm 2026...", "Báo cáo tổng kết năm 2026"),
        ("CON .pdf", "CON _.pdf"),
        ("ảnh.", "ảnh"),
        ("ảnh. . ", "ảnh"),
        (" ảnh đầu.jpg", "ảnh đầu.jpg"),
        ("../x", "-x"),
        ("..\\..\\Windows\\win.ini", "-..-Windows-win.ini"),
        ("C:\\Users\\An\\ảnh.jpg", "C--Users-An-ảnh.jpg"),
        ("ảnh\tra\nquân\x07.jpg", "ảnh ra quân.jpg"),
        (unicodedata.normalize("NFD", "Nguyễn Thị Thuỷ.pdf"), "Nguyễn Thị Thuỷ.pdf"),
        ("...", "tep"),
        (".pdf", "tep.pdf"),
        ("?*. .xlsx", "tep.xlsx"),
        ("", "tep"),
        (LONG_NAME, REPEATED * 8 + "Ảnh.jpg"),
        ("😀" * 200 + ".png", "😀" * 125 + ".png"),  # 2 UTF-16 units each: never half of one
        ("Báo cáo " * 40, ("Báo cáo " * 40)[:255].rstrip()),  # no extension: cut, no space left
    ],
)
def test_a_name_from_data_becomes_a_name_windows_accepts(given: str, written: str) -> None:
    name = windows_name(given)
    assert name == written
    assert unicodedata.is_normalized("NFC", name)
    assert utf16_units(name) <= MAX_NAME


def test_the_long_vietnamese_name_keeps_its_extension_in_255_units() -> None:
    assert len(LONG_NAME) == 300
    name = windows_name(LONG_NAME)
    assert len(name) == 255 and name.endswith("Ảnh.jpg")


def test_an_empty_name_gives_what_it_is_told() -> None:
    assert windows_name(" . ", empty="minh-chung") == "minh-chung"


def test_a_slug_that_is_a_device_name_is_one_no_more() -> None:
    assert windows_name("con.json") == "con_.json"
    assert windows_name("aux") == "aux_"


def test_names_equal_but_for_case_are_told_apart_as_windows_does() -> None:
    assert free_name("Ảnh.jpg", []) == "Ảnh.jpg"
    assert free_name("ảnh.JPG", ["Ảnh.jpg"]) == "ảnh (2).JPG"
    assert free_name("ảnh.JPG", ["Ảnh.jpg", "ẢNH (2).jpg"]) == "ảnh (3).JPG"
    decomposed = unicodedata.normalize("NFD", "Ảnh.jpg")  # a name a Mac wrote on the stick
    assert free_name("ảnh.jpg", [decomposed]) == "ảnh (2).jpg"
    assert free_name("biên bản", ["BIÊN BẢN"]) == "biên bản (2)"


def test_a_numbered_long_name_stays_within_its_room() -> None:
    name = windows_name(LONG_NAME)
    numbered = free_name(name, [name])
    assert numbered == (REPEATED * 8).rstrip() + " (2).jpg"
    assert utf16_units(numbered) == MAX_NAME


def test_a_deep_folder_leaves_a_shorter_name_within_the_whole_path(tmp_path: Path) -> None:
    folder = tmp_path / ("thư mục rất dài " * 8).strip()
    folder.mkdir()
    room = 259 - len(str(folder)) - 1
    assert 32 < room < 255
    assert room_in(folder) == room
    path = name_in_folder(folder, LONG_NAME)
    assert path == folder / (LONG_NAME[: room - 4].rstrip() + ".jpg")
    assert 255 <= len(str(path)) <= 259


def test_a_folder_deeper_than_the_cap_still_gets_a_name_that_says_something(
    tmp_path: Path,
) -> None:
    folder = tmp_path / ("a" * 200) / ("b" * 100)
    assert room_in(folder) == 32
    assert name_in_folder(folder, LONG_NAME).name == "Ảnh ra quân Ngày Chủ nhật xa.jpg"


def test_a_name_in_a_folder_takes_none_of_the_names_already_there(tmp_path: Path) -> None:
    (tmp_path / "Ảnh.jpg").write_bytes(b"first")
    (tmp_path / "CON_.jpg").write_bytes(b"first")
    assert name_in_folder(tmp_path, "ảnh.JPG") == tmp_path / "ảnh (2).JPG"
    assert name_in_folder(tmp_path, "con.jpg") == tmp_path / "con_ (2).jpg"
    assert name_in_folder(tmp_path, "Biên bản.pdf") == tmp_path / "Biên bản.pdf"
    assert name_in_folder(tmp_path / "chưa có", "a:b?.pdf") == tmp_path / "chưa có" / "a-b.pdf"
