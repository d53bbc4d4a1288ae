"""Whatever a name is made of (what a secretary types, a name from another system, a bundle's),
the file name the app makes of it is one Windows 10 and a FAT32 stick accept: checked here on
thousands of generated names against the rule written out again, independently of the code."""

from __future__ import annotations

import random
import unicodedata

import pytest

from doancoso.core.lang.filenames import MAX_NAME, SHORT_NAME, offered_name, windows_name

REFUSED = set('<>:"/\\|?*') | {chr(c) for c in range(32)}
DEVICES = (
    {"CON", "PRN", "AUX", "NUL"}
    | {f"COM{n}" for n in "123456789¹²³"}
    | {f"LPT{n}" for n in "123456789¹²³"}
)
PIECES = [
    *'<>:"/\\|?*', ".", "..", " ", "  ", ". ", " .", "\t", "\n", "\x00", "\x07", "\x1f", "\x7f",
    "CON", "con", "Prn", "AUX", "nul", "COM1", "com9", "LPT1", "lpt9", "COM¹", "CONIN$",
    "Chi đoàn 1/5", "05/12/2026", "Hội nghị: tổng kết?", "Nguyễn Thị Thuỷ", "ĐOÀN", "ữ", "ặ",
    unicodedata.normalize("NFD", "Trường THPT Lê Lợi"), "😀", "\u0301", ".pdf", ".xlsx", ".dcs",
    "a", "b", "1", "-", "_", "(2)",
]  # fmt: skip


def _problems(name: str, room: int) -> list[str]:
    """What makes ``name`` a name Windows or FAT32 refuses, or too long for ``room``."""
    problems = []
    if not name:
        problems.append("empty")
    if REFUSED & set(name):
        problems.append("refused character")
    if name[-1:] in (" ", ".") or name[:1] == " ":
        problems.append("space or dot at an end")
    if name.split(".")[0].rstrip(" ").upper() in DEVICES:
        problems.append("device name")
    if len(name.encode("utf-16-le")) // 2 > room:
        problems.append("too long")
    if not unicodedata.is_normalized("NFC", name):
        problems.append("not NFC")
    return problems


def _hostile_names(count: int) -> list[str]:
    chance = random.Random(20261207)  # the same names on every run
    names = []
    for _ in range(count):
        parts = chance.choices(PIECES, k=chance.choice([1, 2, 3, 5, 10, 40, 150]))
        names.append("".join(parts))
    return names


@pytest.mark.parametrize("room", [MAX_NAME, SHORT_NAME, 40])
def test_every_name_made_is_one_windows_and_fat32_accept(room: int) -> None:
    for given in _hostile_names(3000):
        made = windows_name(given, room=room)
        assert _problems(made, room) == [], (given, made)


def test_every_name_offered_in_a_save_dialog_fits_a_usual_folder() -> None:
    for given in _hostile_names(1000):
        made = offered_name(given + ".pdf")
        assert _problems(made, SHORT_NAME) == [], (given, made)
        assert made.endswith(".pdf")


def test_vietnamese_letters_and_words_are_kept() -> None:
    chance = random.Random(7)
    letters = "aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụ"
    letters += "ứừửữựýỳỷỹỵ" + letters.upper()
    for _ in range(500):
        words = [
            "".join(chance.choices(letters, k=chance.randint(1, 7)))
            for _ in range(chance.randint(1, 6))
        ]
        given = " ".join(words) + ".pdf"
        if given.split(".")[0].upper() in DEVICES:
            continue
        assert windows_name(unicodedata.normalize("NFD", given)) == given


@pytest.mark.parametrize(
    ("given", "offered"),
    [
        ("Hội nghị: tổng kết?.pdf", "Hội nghị - tổng kết.pdf"),
        ("CON.xlsx", "CON_.xlsx"),
        ("Kế hoạch năm 2026. ", "Kế hoạch năm 2026"),
        (("Báo cáo kết quả công tác Đoàn " * 12)[:300] + ".pdf",
         ("Báo cáo kết quả công tác Đoàn " * 4)[:116].rstrip() + ".pdf"),
    ],
)  # fmt: skip
def test_a_name_offered_in_a_save_dialog_holds_at_most_120_units(given: str, offered: str) -> None:
    assert offered_name(given) == offered
    assert len(offered) <= SHORT_NAME == 120


def test_the_end_the_app_writes_after_a_typed_name_is_kept_whole() -> None:
    end = "-ban-giao-07-12-2026.dcs"
    assert offered_name("doancoso-" + "a" * 200, end) == "doancoso-" + "a" * 87 + end
    assert offered_name("doancoso-" + "ab-" * 60, end) == "doancoso-" + ("ab-" * 29)[:-1] + end
    assert offered_name("Bàn giao. . ", ".pdf") == "Bàn giao.pdf"
    assert offered_name("CON", "-dong-bi-loai.xlsx") == "CON-dong-bi-loai.xlsx"
    assert offered_name("con", ".xlsx") == "con_.xlsx"
    assert offered_name("?*", ".pdf") == "tep.pdf"
    assert offered_name("Hội nghị: tổng kết?", "-dong-bi-loai.xlsx", room=40) == (
        "Hội nghị - tổng kết-dong-bi-loai.xlsx"
    )
    for given in _hostile_names(1000):
        made = offered_name(given, end)
        assert _problems(made, SHORT_NAME) == [], (given, made)
        assert made.endswith(end)
