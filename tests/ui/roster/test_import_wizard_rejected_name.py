"""The rejected rows of an import offered beside the imported file: under a name Windows accepts
and opens even when the imported file's own name is long (the suffix "-dong-bi-loai" would push
it past what Windows opens): the file's name shortened, "-dong-bi-loai" kept."""

from __future__ import annotations

from pathlib import Path

import openpyxl

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


def test_rejected_rows_of_a_file_with_a_long_name_are_offered_under_a_name_windows_opens(
    wizard: ImportWizard, tmp_path: Path
) -> None:
    folder = tmp_path / "USB"
    folder.mkdir()
    stem = ("danh-sach-doan-vien-chi-doan-ap-tan-hung-" * 6)[:230]
    wizard.set_file(_roster(folder / f"{stem}.xlsx"))
    wizard.next()
    wizard.next()
    assert wizard.page == PREVIEW_PAGE
    offered: list[str] = []
    wizard.ask_save_path = lambda _title, default, _filters: offered.append(default)  # type: ignore[func-returns-value]
    wizard.save_rejected_button.click()
    room = 259 - len(str(folder)) - 1
    assert offered == [str(folder / f"{stem[: room - 18]}-dong-bi-loai.xlsx")]
    assert len(offered[0]) <= 259
