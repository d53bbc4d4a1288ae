"""The menu bar by keyboard: every item of every menu has an Alt letter (its mnemonic), none
repeated within its menu, on every page (the "Tệp" menu's items take the shown page's names),
and none drawn right after "ơ" (Qt underlines nothing there, though the key works)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from active_window import active_window
from doancoso.core.workspace import Workspace
from doancoso.ui.shell.main_window import AREAS, ROSTER, STATISTICS, MainWindow
from scripted import ScriptedPrompts


def _menus(window: MainWindow) -> dict[str, QMenu]:
    return {a.text(): a.menu() for a in window.menuBar().actions()}


def _items(menu: QMenu) -> list[str]:
    """The texts of ``menu``'s items as it shows them (opened, then shut)."""
    menu.aboutToShow.emit()
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    menu.aboutToHide.emit()
    return texts


def _letter(text: str) -> str:
    return QKeySequence.mnemonic(text).toString().removeprefix("Alt+")


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_every_menu_item_has_its_own_alt_letter_on_every_page(
    qtbot: QtBot, demo_ws: Workspace, prompts: ScriptedPrompts
) -> None:
    window = active_window(qtbot, demo_ws, prompts)
    for area in range(len(AREAS)):
        window.show_area(area)
        for title, menu in _menus(window).items():
            texts = _items(menu)
            letters = [_letter(text) for text in texts]
            assert all(len(letter) == 1 and letter.isascii() for letter in letters), (title, texts)
            assert len(set(letters)) == len(letters), (AREAS[area], title, texts)
            for text in texts:
                at = text.index("&")
                assert at == 0 or text[at - 1] not in "ơƠ", text


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_the_alt_letters_of_the_menus(
    qtbot: QtBot, demo_ws: Workspace, prompts: ScriptedPrompts
) -> None:
    window = active_window(qtbot, demo_ws, prompts)
    menus = _menus(window)
    assert list(menus) == ["&Tệp", "&Sửa", "&Xem", "Đoàn &viên", "Trợ &giúp"]
    window.show_area(ROSTER)
    assert _items(menus["&Tệp"]) == [
        "&Thêm đoàn viên…", "&Nhập đoàn viên từ Excel…",
        "&Xuất danh sách đoàn viên ra Excel/CSV…", "&In danh sách đoàn viên…",
        "&Sao lưu và khôi phục…", "Xuất dữ liệu ra &USB…", "Nhận &dữ liệu từ USB…", "Th&oát",
    ]  # fmt: skip
    window.show_area(STATISTICS)  # its print is a PDF export: still Alt+I
    assert _items(menus["&Tệp"])[:4] == [
        "&Thêm…",
        "&Nhập…",
        "&Xuất thống kê ra Excel…",
        "Xuất thống kê ra PDF để &in…",
    ]
    assert _items(menus["&Sửa"]) == ["&Hoàn tác", "&Làm lại"]
    assert _items(menus["&Xem"]) == [
        "Đoàn &viên", "Thanh &niên", "&Chi đoàn", "&Kế hoạch", "&Lịch hoạt động", "&Xếp loại",
        "&3 chủ động", "&Hồ sơ", "&Thống kê", "Th&iết lập",
    ]  # fmt: skip
    assert _items(menus["Đoàn &viên"]) == [
        "&Thêm đoàn viên…", "&Sửa đoàn viên…", "&Xóa đoàn viên…", "&Chuyển chi đoàn…",
        "&Ghi sự kiện…", "T&rưởng thành Đoàn…", "Sinh &hoạt tạm…",
        "Đoàn &viên ưu tú giới thiệu cho Đảng…", "Tìm &kiếm",
    ]  # fmt: skip
    assert _items(menus["Trợ &giúp"]) == ["&Giới thiệu…"]
    # The sidebar's tooltips name the pages without the "&".
    assert window.sidebar.item(1).toolTip() == "Thanh niên (Ctrl+2)"


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_an_ampersand_in_a_command_name_is_shown_not_taken_as_the_letter(
    qtbot: QtBot, demo_ws: Workspace, prompts: ScriptedPrompts
) -> None:
    window = active_window(qtbot, demo_ws, prompts)
    window.history.add("Đổi tên “Chi đoàn A & B”", lambda ws: None, lambda ws: None)
    assert window.undo_action.text() == "&Hoàn tác: Đổi tên “Chi đoàn A && B”"
    assert _letter(window.undo_action.text()) == "H"
    assert window.undo_button.toolTip() == "Hoàn tác: Đổi tên “Chi đoàn A & B”"
