"""The rating files of a chi đoàn are offered under its name (test_rating_files.py): a chi đoàn
named with characters Windows refuses, or at length (a chi đoàn's name has no limit; 150
characters here, which the forms still print), still gives names Windows 10 and a FAT32 stick
accept, within 120 UTF-16 units, the year kept, and the files are written under them."""

from __future__ import annotations

from pathlib import Path

from doancoso.core.lang.filenames import SHORT_NAME, windows_name
from doancoso.ui.rating.page import RatingPage
from scripted import ScriptedPrompts, accept_print_dialog

from .conftest import AP_1, SHOWN, Round

pytestmark = SHOWN

LONG = ("Chi đoàn ấp Tân Hưng: thanh niên 1/5 nông thôn mới? " * 3)[:150]
LONG_SLUG = "chi-doan-ap-tan-hung-thanh-nien-1-5-nong-thon-moi-" * 3


def _offered(page: RatingPage, prompts: ScriptedPrompts, tmp_path: Path) -> list[str]:
    """The names offered for the chi đoàn ấp 1's export, blank forms and summary, each written."""
    offered: list[str] = []

    def save_as(caption: str, name: str, filter_text: str) -> Path:
        offered.append(name)
        return tmp_path / name

    page.files.ask_save_path = save_as  # type: ignore[method-assign]
    prompts.dialog_script = accept_print_dialog
    prompts.answer = True  # print although some are not decided
    page.files.export_button.click()
    prompts.choice = "Phiếu tự đánh giá (để trống, phát cho đoàn viên)"
    page.files.print_button.click()
    prompts.choice = "Tổng hợp kết quả đánh giá, xếp loại"
    page.files.print_button.click()
    assert prompts.errors == []
    assert all((tmp_path / name).exists() for name in offered)
    assert all(windows_name(n, room=SHORT_NAME) == n and len(n) <= SHORT_NAME for n in offered)
    return offered


def test_a_chi_doan_named_at_length_gives_names_within_120_units(
    page: RatingPage, rated: Round, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    rated.ws.branches.rename(rated.branches[AP_1], LONG)
    page.refresh()
    page.branch_box.setCurrentIndex(page.branch_box.findData(rated.branches[AP_1]))
    assert _offered(page, prompts, tmp_path) == [
        f"xep-loai-2025-{LONG_SLUG[:101].rstrip('-')}.xlsx",
        f"phieu-tu-danh-gia-2025-trong-{LONG_SLUG[:87].rstrip('-')}.pdf",
        f"tong-hop-xep-loai-2025-{LONG_SLUG[:93].rstrip('-')}.pdf",
    ]


def test_a_chi_doan_named_with_characters_windows_refuses_gives_names_it_accepts(
    page: RatingPage, rated: Round, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    rated.ws.branches.rename(rated.branches[AP_1], 'CON "1/5" <Ấp 2>: *?|\\...')
    page.refresh()
    page.branch_box.setCurrentIndex(page.branch_box.findData(rated.branches[AP_1]))
    assert _offered(page, prompts, tmp_path) == [
        "xep-loai-2025-con-1-5-ap-2.xlsx",
        "phieu-tu-danh-gia-2025-trong-con-1-5-ap-2.pdf",
        "tong-hop-xep-loai-2025-con-1-5-ap-2.pdf",
    ]
