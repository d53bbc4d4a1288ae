"""The rejected rows of an import offered beside the imported file: under a name Windows accepts
and opens even when the imported file's own name is long (the suffix "-dong-bi-loai" would push
it past what Windows opens): the file's name shortened to 120 UTF-16 units at most, or to what
the folder leaves, "-dong-bi-loai" kept; a file named as Windows refuses (made on another
system) gives a name it accepts."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from doancoso.ui.roster.import_wizard import PREVIEW_PAGE, ImportWizard


def _roster(path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["STT", "Họ và tên", "Ngày sinh", "Chi đoàn"])
    sheet.append([1, "Nguyễn Văn An", "05/03/2001", "Chi đoàn ấp 1"])
    sheet.append([2, "Phạm Thị Dung", "01/02/2020", "Chi đoàn ấp 2"])  # too young: rejected
    book.save(path)
    return path


def _offered(wizard: ImportWizard, roster: Path) -> list[str]:
    wizard.set_file(_roster(roster))
    wizard.next()
    wizard.next()
    assert wizard.page == PREVIEW_PAGE
    offered: list[str] = []
    wizard.ask_save_path = lambda _title, default, _filters: offered.append(default)
    wizard.save_rejected_button.click()
    return offered


LONG_STEM = ("danh-sach-doan-vien-chi-doan-ap-tan-hung-" * 6)[:230]


@pytest.mark.parametrize(
    ("stem", "offered"),
    [
        (LONG_STEM, f"{LONG_STEM[:102].rstrip('-')}-dong-bi-loai.xlsx"),
        ("CON", "CON-dong-bi-loai.xlsx"),
        ('Danh sách: "Chi đoàn 1\\5" | <ấp 2>?*',
         "Danh sách - 'Chi đoàn 1-5' - (ấp 2)-dong-bi-loai.xlsx"),
        ("Danh sách đoàn viên. . .", "Danh sách đoàn viên-dong-bi-loai.xlsx"),
    ],
)  # fmt: skip
def test_rejected_rows_are_offered_beside_the_file_under_a_name_windows_accepts(
    wizard: ImportWizard, tmp_path: Path, stem: str, offered: str
) -> None:
    folder = tmp_path / "USB"
    folder.mkdir()
    assert _offered(wizard, folder / f"{stem}.xlsx") == [str(folder / offered)]
    assert len(offered) <= 120


def test_a_deep_folder_leaves_the_rejected_rows_a_shorter_name_within_windows_path(
    wizard: ImportWizard, tmp_path: Path
) -> None:
    folder = tmp_path / ("Hồ sơ Đoàn xã Tân Hưng năm 2026 " * 5).strip()
    folder.mkdir()
    room = 259 - len(str(folder)) - 1
    assert room < 120
    offered = _offered(wizard, folder / f"{LONG_STEM}.xlsx")
    assert offered == [str(folder / f"{LONG_STEM[: room - 18].rstrip('-')}-dong-bi-loai.xlsx")]
    assert len(offered[0]) <= 259
